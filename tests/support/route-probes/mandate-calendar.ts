import { eq } from 'drizzle-orm'
import { mandateDeliverables, mandateDocuments, mandatePeriods } from '../../../app/db/schema/mandate'
import { createPeriod } from '../../../app/modules/mandate/periods.server'
import type { Probe, Who } from '../../integration/route-access.test'
import { samples } from '../meeting-files'
import { recordProbes, type AreaProbes } from './areas'

const everyone: Who[] = [
  'anonymous',
  'coordinator',
  'duty_officer',
  'partner_editor',
  'council_member',
  'informant',
  'viewer',
]
const signedIn = everyone.filter((who) => who !== 'anonymous')
const networkReaders: Who[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']
const readers: Who[] = ['coordinator', 'duty_officer']
const manager: Who[] = ['coordinator']
// The partner editor owns one deliverable of the unshared period.
const owner: Who[] = ['coordinator', 'partner_editor']

// Years no other area's period of the own organisation uses (a period is unique per organisation and first year).
const UNSHARED_START = 2061
const SHARED_START = 2065

/**
 * The mandate period's calendar: the list for everyone signed in (it shows
 * only what each may see); creating and the settings for the coordinator.
 * An unshared period is the coordinator's and the duty officers', and the
 * calendar also of the partner editor who owns one of its deliverables; once
 * shared, every network reader sees its calendar, never a deliverable's page,
 * documents or the overview. Whoever may not see a period gets 404. The posts
 * are incomplete, so an allowed user gets 400 and nothing is written.
 */
export const area: AreaProbes = {
  probes() {
    const probes: Probe[] = [
      { route: 'mandatperiod._index', method: 'GET', url: '/mandatperiod', allowed: signedIn },
      { route: 'mandatperiod.ny', method: 'GET', url: '/mandatperiod/ny', allowed: manager },
      {
        route: 'mandatperiod.ny',
        method: 'POST',
        url: '/mandatperiod/ny',
        body: { startYear: '1999' },
        allowed: manager,
      },
    ]
    for (const [period, shared] of [
      [':mandateCalendarUnshared', false],
      [':mandateCalendarShared', true],
    ] as const) {
      const calendarReaders = shared ? networkReaders : [...readers, 'partner_editor' as const]
      const base = `/mandatperiod/${period}`
      const probe = recordProbes({ id: period })
      probes.push(
        probe('mandatperiod.$id', 'GET', base, calendarReaders),
        probe('mandatperiod.$id._index', 'GET', base, calendarReaders),
        probe('mandatperiod.$id.leveranser.ny', 'GET', `${base}/leveranser/ny`, manager),
        probe('mandatperiod.$id.leveranser.ny', 'POST', `${base}/leveranser/ny`, manager, { kind: 'other', title: '' }),
        probe('mandatperiod.$id.installningar', 'GET', `${base}/installningar`, manager),
        ...['save', 'share', 'unshare'].map((intent) =>
          probe('mandatperiod.$id.installningar', 'POST', `${base}/installningar`, manager, { intent, version: '0' }),
        ),
        probe('mandatperiod.$id_.utskrift', 'GET', `${base}/utskrift`, readers),
      )
      const deliverables = shared
        ? ([[':mandateCalendarSharedDeliverable', ':mandateCalendarSharedDocument', readers, manager]] as const)
        : ([
            [':mandateCalendarOtherDeliverable', ':mandateCalendarOtherDocument', readers, manager],
            [
              ':mandateCalendarOwnedDeliverable',
              ':mandateCalendarOwnedDocument',
              [...readers, 'partner_editor'],
              owner,
            ],
          ] as const)
      for (const [deliverable, document, mayRead, mayUpdate] of deliverables) {
        const page = `${base}/leveranser/${deliverable}`
        const onDeliverable = recordProbes({ id: period, deliverableId: deliverable })
        probes.push(
          onDeliverable('mandatperiod.$id.leveranser.$deliverableId', 'GET', page, mayRead),
          ...['save', 'removeDocument'].map((intent) =>
            onDeliverable('mandatperiod.$id.leveranser.$deliverableId', 'POST', page, mayUpdate, {
              intent,
              version: '0',
            }),
          ),
          ...['delete', 'confirmDelete'].map((intent) =>
            onDeliverable('mandatperiod.$id.leveranser.$deliverableId', 'POST', page, manager, {
              intent,
              version: '0',
            }),
          ),
          recordProbes({ id: period, deliverableId: deliverable, documentId: document })(
            'mandatperiod.$id.leveranser.$deliverableId.dokument.$documentId',
            'GET',
            `${page}/dokument/${document}`,
            mayRead,
          ),
        )
      }
    }
    return probes
  },
  async setup(db, { own, userIds }) {
    const period = async (startYear: number, shared: boolean) => {
      const created = await createPeriod(db, {
        title: `Mandatperiod ${startYear}–${startYear + 3}`,
        startYear,
        endYear: startYear + 3,
        organisationId: own,
        actorId: userIds.get('coordinator') ?? null,
        actorOrganisationId: own,
      })
      if (!created.ok) throw new Error(`the calendar's probe period ${startYear} exists already`)
      if (shared) {
        await db
          .update(mandatePeriods)
          .set({ calendarSharedAt: new Date() })
          .where(eq(mandatePeriods.id, created.period.id))
      }
      const rows = await db
        .select()
        .from(mandateDeliverables)
        .where(eq(mandateDeliverables.periodId, created.period.id))
      const withDocument = async (kind: string) => {
        const deliverable = rows.find((row) => row.kind === kind)!
        const [document] = await db
          .insert(mandateDocuments)
          .values({
            deliverableId: deliverable.id,
            filename: 'plan.pdf',
            contentType: 'application/pdf',
            size: samples.pdf.byteLength,
            sha256: 'probe',
            content: Buffer.from(samples.pdf),
          })
          .returning({ id: mandateDocuments.id })
        return { deliverable: deliverable.id, document: document!.id }
      }
      return { id: created.period.id, withDocument }
    }
    const unshared = await period(UNSHARED_START, false)
    const shared = await period(SHARED_START, true)
    const owned = await unshared.withDocument('steering_document')
    await db
      .update(mandateDeliverables)
      .set({ ownerUserId: userIds.get('partner_editor')! })
      .where(eq(mandateDeliverables.id, owned.deliverable))
    const other = await unshared.withDocument('crisis_communication_plan')
    const sharedOne = await shared.withDocument('steering_document')
    return {
      ':mandateCalendarUnshared': unshared.id,
      ':mandateCalendarShared': shared.id,
      ':mandateCalendarOwnedDeliverable': owned.deliverable,
      ':mandateCalendarOwnedDocument': owned.document,
      ':mandateCalendarOtherDeliverable': other.deliverable,
      ':mandateCalendarOtherDocument': other.document,
      ':mandateCalendarSharedDeliverable': sharedOne.deliverable,
      ':mandateCalendarSharedDocument': sharedOne.document,
    }
  },
}
