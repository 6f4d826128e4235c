import { eq } from 'drizzle-orm'
import { mandatePeriods, trainingPeople } from '../../../app/db/schema/mandate'
import { createPeriod } from '../../../app/modules/mandate/periods.server'
import type { Probe, Who } from '../../integration/route-access.test'
import { makeMeeting } from '../factories'
import { recordProbes, type AreaProbes } from './areas'

const readers: Who[] = ['coordinator', 'duty_officer']
const managers: Who[] = ['coordinator']

/**
 * A mandate period's training and exercise plan: its coverage and printout
 * are read by the coordinator and the duty officers; its target groups,
 * people, goals and an exercise's tags and attendance are the coordinator's.
 * Whoever may not read the whole period gets 404, also once its calendar is
 * shared with the network; a duty officer posting gets 403. The posts are
 * incomplete, so the coordinator gets 400 and nothing is written.
 */
export const area: AreaProbes = {
  probes() {
    const probes: Probe[] = []
    for (const [period, person, meeting] of [
      [':trainingPeriod', ':trainingPerson', ':trainingMeeting'],
      [':trainingSharedPeriod', ':trainingSharedPerson', ':trainingSharedMeeting'],
    ] as const) {
      const probe = recordProbes({ id: period, personId: person, meetingId: meeting })
      const plan = `/mandatperiod/${period}/ovningsplan`
      const groups = `${plan}/malgrupper`
      const people = `${plan}/personer`
      const one = `${people}/${person}`
      const goals = `${plan}/mal`
      const exercise = `${plan}/ovningar/${meeting}`
      probes.push(
        probe('mandatperiod.$id.ovningsplan._index', 'GET', plan, readers),
        probe('mandatperiod.$id_.ovningsplan.utskrift', 'GET', `${plan}/utskrift`, readers),
        probe('mandatperiod.$id.ovningsplan.malgrupper', 'GET', groups, managers),
        probe('mandatperiod.$id.ovningsplan.malgrupper', 'POST', groups, managers, { intent: 'create' }),
        probe('mandatperiod.$id.ovningsplan.malgrupper', 'POST', groups, managers, { intent: 'update' }),
        probe('mandatperiod.$id.ovningsplan.malgrupper', 'POST', groups, managers, { intent: 'delete' }),
        probe('mandatperiod.$id.ovningsplan.personer', 'GET', people, managers),
        probe('mandatperiod.$id.ovningsplan.personer', 'POST', people, managers, { intent: 'create' }),
        probe('mandatperiod.$id.ovningsplan.personer_.$personId', 'GET', one, managers),
        probe('mandatperiod.$id.ovningsplan.personer_.$personId', 'POST', one, managers, {
          intent: 'update',
          id: person,
        }),
        probe('mandatperiod.$id.ovningsplan.personer_.$personId', 'POST', one, managers, {
          intent: 'delete',
          id: person,
        }),
        probe('mandatperiod.$id.ovningsplan.mal', 'GET', goals, managers),
        probe('mandatperiod.$id.ovningsplan.mal', 'POST', goals, managers, { intent: 'create' }),
        probe('mandatperiod.$id.ovningsplan.mal', 'POST', goals, managers, { intent: 'update' }),
        probe('mandatperiod.$id.ovningsplan.mal', 'POST', goals, managers, { intent: 'delete' }),
        probe('mandatperiod.$id.ovningsplan.ovningar.$meetingId', 'GET', exercise, managers),
        probe('mandatperiod.$id.ovningsplan.ovningar.$meetingId', 'POST', exercise, managers, { intent: 'tags' }),
        probe('mandatperiod.$id.ovningsplan.ovningar.$meetingId', 'POST', exercise, managers, { intent: 'attendance' }),
      )
    }
    return probes
  },
  async setup(db, { own, userIds }) {
    // Years of their own, so no other area's period of the own organisation clashes with them.
    const plan = async (startYear: number, shared: boolean) => {
      const created = await createPeriod(db, {
        title: `Mandatperiod ${startYear}–${startYear + 3}`,
        startYear,
        endYear: startYear + 3,
        organisationId: own,
        actorId: userIds.get('coordinator') ?? null,
        actorOrganisationId: own,
      })
      if (!created.ok) throw new Error(`the period ${startYear} exists already`)
      const periodId = created.period.id
      if (shared)
        await db.update(mandatePeriods).set({ calendarSharedAt: new Date() }).where(eq(mandatePeriods.id, periodId))
      const [person] = await db
        .insert(trainingPeople)
        .values({ periodId, name: 'Prov Person', function: 'TiB', organisationId: own })
        .returning()
      const meeting = await makeMeeting(db, {
        organiserOrganisationId: own,
        invitedOrganisationIds: [own],
        kind: 'exercise',
        title: 'Övning: prov',
        startsAt: new Date(`${startYear + 1}-03-01T08:00:00Z`),
        endsAt: new Date(`${startYear + 1}-03-01T10:00:00Z`),
      })
      return { periodId, personId: person!.id, meetingId: meeting.id }
    }
    const closed = await plan(2091, false)
    const shared = await plan(2095, true)
    return {
      ':trainingPeriod': closed.periodId,
      ':trainingPerson': closed.personId,
      ':trainingMeeting': closed.meetingId,
      ':trainingSharedPeriod': shared.periodId,
      ':trainingSharedPerson': shared.personId,
      ':trainingSharedMeeting': shared.meetingId,
    }
  },
}
