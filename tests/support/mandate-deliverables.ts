import type { Database } from '../../app/db/client.server'
import type { DeliverableKind, DeliverableState } from '../../app/db/enums'
import { mandateDeliverables, mandatePeriods } from '../../app/db/schema/mandate'
import { makeOrganisation } from './factories'

// Mandate periods and deliverables written directly (not audited), with
// exactly the due dates a test needs: no pre-filled deliverables.

let counter = 0

export async function makePeriod(
  db: Database,
  fields: { title?: string; startYear?: number; organisationId?: string; shared?: boolean } = {},
) {
  const startYear = fields.startYear ?? 2027 + 4 * counter++
  const [period] = await db
    .insert(mandatePeriods)
    .values({
      title: fields.title ?? `Mandatperiod ${startYear}–${startYear + 3}`,
      startYear,
      endYear: startYear + 3,
      organisationId: fields.organisationId ?? (await makeOrganisation(db, { kind: 'municipality' })).id,
      calendarSharedAt: fields.shared ? new Date() : null,
    })
    .returning()
  return period!
}

export async function makeDeliverable(
  db: Database,
  fields: {
    periodId: string
    title?: string
    kind?: DeliverableKind
    dueDate: string | null
    ownerUserId?: string | null
    state?: DeliverableState
  },
) {
  const [deliverable] = await db
    .insert(mandateDeliverables)
    .values({
      periodId: fields.periodId,
      kind: fields.kind ?? 'other',
      title: fields.title ?? `Leverans ${counter++}`,
      dueDate: fields.dueDate,
      ownerUserId: fields.ownerUserId ?? null,
      state: fields.state ?? 'not_started',
    })
    .returning()
  return deliverable!
}
