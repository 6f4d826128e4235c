import { eq } from 'drizzle-orm'
import { grantEntries, mandatePeriods } from '../../../app/db/schema/mandate'
import { createPeriod } from '../../../app/modules/mandate/periods.server'
import { stockholmToInstant } from '../../../app/modules/meetings/stockholm-time'
import type { Probe, Who } from '../../integration/route-access.test'
import { makeMeeting } from '../factories'
import { recordProbes, type AreaProbes } from './areas'

const readers: Who[] = ['coordinator', 'duty_officer']
const manager: Who[] = ['coordinator']

// Years no other area's period of the own organisation uses (a period is unique per organisation and first year).
const START = 2043
const END = 2046

/**
 * The yearly grant report of a mandate period: read by the period's readers
 * (the coordinator and duty officers), changed by the coordinator alone. The
 * period's calendar is shared, and the partners still do not get the report
 * (404); nor does anyone get a year outside the period. The posts are
 * incomplete, so the coordinator gets 400 and nothing is written.
 */
export const area: AreaProbes = {
  probes() {
    const base = '/mandatperiod/:grantPeriod/ersattning'
    const inPeriod = recordProbes({ id: ':grantPeriod', year: String(START) })
    const outside = recordProbes({ id: ':grantPeriod', year: String(END + 1) })
    const page = 'mandatperiod.$id.ersattning.$year'
    const csv = 'mandatperiod.$id.ersattning.$year[.csv]'
    const posts: Record<string, string>[] = [
      { intent: 'meeting', meetingId: ':grantMeeting', version: '0', hours: 'många' },
      { intent: 'create', category: 'training', title: '' },
      { intent: 'update', entryId: ':grantEntry', version: '1', title: '' },
      { intent: 'delete', entryId: ':grantEntry' },
    ]
    const probes: Probe[] = [
      recordProbes({ id: ':grantPeriod' })('mandatperiod.$id.ersattning._index', 'GET', base, readers),
      inPeriod(page, 'GET', `${base}/${START}`, readers),
      inPeriod(page, 'GET', `${base}/${START}?andra=:grantEntry`, readers),
      ...posts.map((body) => inPeriod(page, 'POST', `${base}/${START}`, manager, body)),
      inPeriod(csv, 'GET', `${base}/${START}.csv`, readers),
      outside(page, 'GET', `${base}/${END + 1}`, []),
      outside(page, 'POST', `${base}/${END + 1}`, [], { intent: 'create', category: 'training', title: 'X' }),
      outside(csv, 'GET', `${base}/${END + 1}.csv`, []),
    ]
    return probes
  },
  async setup(db, { own, userIds }) {
    const created = await createPeriod(db, {
      title: `Mandatperiod ${START}–${END}`,
      startYear: START,
      endYear: END,
      organisationId: own,
      actorId: userIds.get('coordinator') ?? null,
      actorOrganisationId: own,
    })
    if (!created.ok) throw new Error(`the grant report's probe period ${START} exists already`)
    const period = created.period
    await db.update(mandatePeriods).set({ calendarSharedAt: new Date() }).where(eq(mandatePeriods.id, period.id))
    const startsAt = stockholmToInstant(`${START}-03-15`, '09:00')!
    const meeting = await makeMeeting(db, {
      organiserOrganisationId: own,
      kind: 'theme_day',
      title: 'Temadag för ersättningsrapporten',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 6 * 3_600_000),
    })
    const [entry] = await db
      .insert(grantEntries)
      .values({ periodId: period.id, year: START, category: 'training', title: 'Utbildning', hours: '2.5', cost: 1000 })
      .returning()
    return { ':grantPeriod': period.id, ':grantMeeting': meeting.id, ':grantEntry': entry!.id }
  },
}
