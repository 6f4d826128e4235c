import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import { mandateDeliverables, mandateDocuments, type MandateDeliverable, type MandatePeriod } from '~/db/schema/mandate'
import { organisations } from '~/db/schema/organisations'
import { users } from '~/db/schema/users'
import { diffFields } from '~/modules/audit/audit.server'
import { createAudited, deleteVersioned, updateVersioned } from '~/modules/records/versioned.server'

// A period's deliverables: the calendar's rows with their owners' names, and
// the one way each is created, changed and removed (versioned, audited under
// the period's id, so the change log reads as the period's history).

const auditedFields = [
  'kind',
  'title',
  'description',
  'year',
  'dueDate',
  'ownerUserId',
  'ownerOrganisationId',
  'state',
  'adoptedBy',
  'adoptedOn',
  'decisionReference',
  'notes',
] as const

type PeriodRef = Pick<MandatePeriod, 'id' | 'organisationId'>

/** Every deliverable of the period in calendar order (undated last), with its owner's and organisation's names. */
export function listCalendarRows(db: Executor, periodId: string) {
  return db
    .select({
      ...getTableColumns(mandateDeliverables),
      ownerName: users.name,
      ownerOrganisationName: organisations.name,
      documentCount: sql<number>`(select count(*)::int from ${mandateDocuments} where ${mandateDocuments.deliverableId} = ${mandateDeliverables.id})`,
    })
    .from(mandateDeliverables)
    .leftJoin(users, eq(users.id, mandateDeliverables.ownerUserId))
    .leftJoin(organisations, eq(organisations.id, mandateDeliverables.ownerOrganisationId))
    .where(eq(mandateDeliverables.periodId, periodId))
    .orderBy(asc(mandateDeliverables.dueDate), asc(mandateDeliverables.sortOrder), asc(mandateDeliverables.id))
}

export type CalendarRow = Awaited<ReturnType<typeof listCalendarRows>>[number]

/** The names of a deliverable's owner and organisation. */
export async function ownerNames(
  db: Executor,
  deliverable: Pick<MandateDeliverable, 'ownerUserId' | 'ownerOrganisationId'>,
) {
  const [user] = deliverable.ownerUserId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, deliverable.ownerUserId))
    : []
  const [organisation] = deliverable.ownerOrganisationId
    ? await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, deliverable.ownerOrganisationId))
    : []
  return { ownerName: user?.name ?? null, ownerOrganisationName: organisation?.name ?? null }
}

export interface NewDeliverable {
  kind: MandateDeliverable['kind']
  title: string
  description: string
  year: number | null
  dueDate: string | null
  ownerUserId: string | null
  ownerOrganisationId: string | null
}

export function createDeliverable(
  db: Database,
  input: { actorId: string; period: PeriodRef; values: NewDeliverable },
): Promise<MandateDeliverable> {
  return createAudited(db, {
    write: async (tx) => {
      const [last] = await tx
        .select({ order: sql<number>`coalesce(max(${mandateDeliverables.sortOrder}), -1)::int` })
        .from(mandateDeliverables)
        .where(eq(mandateDeliverables.periodId, input.period.id))
      const [created] = await tx
        .insert(mandateDeliverables)
        .values({ ...input.values, periodId: input.period.id, sortOrder: (last?.order ?? -1) + 1 })
        .returning()
      return created!
    },
    audit: (created) => ({
      userId: input.actorId,
      organisationId: input.period.organisationId,
      entity: 'mandate_deliverable',
      entityId: input.period.id,
      action: 'create',
      changes: diffFields(null, created, auditedFields),
    }),
  })
}

/** What an edit may change; the route decides which of these this user may send. */
export type DeliverableChanges = Partial<
  Pick<
    MandateDeliverable,
    | 'title'
    | 'description'
    | 'dueDate'
    | 'ownerUserId'
    | 'ownerOrganisationId'
    | 'state'
    | 'adoptedBy'
    | 'adoptedOn'
    | 'decisionReference'
    | 'notes'
  >
>

const lockDeliverable = async (tx: Transaction, periodId: string, id: string) =>
  (
    await tx
      .select()
      .from(mandateDeliverables)
      .where(and(eq(mandateDeliverables.id, id), eq(mandateDeliverables.periodId, periodId)))
      .for('update')
  )[0]

export function updateDeliverable(
  db: Database,
  input: { actorId: string; period: PeriodRef; id: string; version: number; changes: DeliverableChanges },
) {
  return updateVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => lockDeliverable(tx, input.period.id, input.id),
    write: async (tx) =>
      (
        await tx
          .update(mandateDeliverables)
          .set({ ...input.changes, updatedAt: new Date(), version: sql`${mandateDeliverables.version} + 1` })
          .where(eq(mandateDeliverables.id, input.id))
          .returning()
      )[0]!,
    audit: (before, after) => ({
      userId: input.actorId,
      organisationId: input.period.organisationId,
      entity: 'mandate_deliverable',
      entityId: input.period.id,
      action: 'update',
      changes: diffFields(before, after, auditedFields),
    }),
  })
}

/** Removes the deliverable with its documents, under the version the confirmation was shown with. */
export function deleteDeliverable(
  db: Database,
  input: { actorId: string; period: PeriodRef; id: string; version: number },
) {
  return deleteVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => lockDeliverable(tx, input.period.id, input.id),
    remove: async (tx) => {
      await tx.delete(mandateDeliverables).where(eq(mandateDeliverables.id, input.id))
    },
    audit: (before) => ({
      userId: input.actorId,
      organisationId: input.period.organisationId,
      entity: 'mandate_deliverable',
      entityId: input.period.id,
      action: 'delete',
      changes: diffFields(before, null, ['kind', 'title', 'dueDate', 'state']),
    }),
  })
}
