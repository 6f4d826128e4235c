import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import type { Availability, ContactChannel, ContactFunction, Visibility } from '~/db/enums'
import { contactChecks, contactRoutes, type ContactRoute } from '~/db/schema/registry'
import { diffFields } from '~/modules/audit/audit.server'
import { restrictedRouteScope, type Actor } from '~/modules/auth/permissions'
import { createAudited, deleteVersioned, updateVersioned } from '~/modules/records/versioned.server'

export interface ContactRouteFields {
  function: ContactFunction
  channel: ContactChannel
  value: string
  label: string
  availability: Availability
  callOrder: number
  visibility: Visibility
}

const auditedFields = ['function', 'channel', 'value', 'label', 'availability', 'callOrder', 'visibility'] as const

/**
 * What the actor may see: every route shared with the network, and restricted
 * routes only of the actor's own organisations (all of them for the
 * coordinator). Every reader of contact routes goes through this condition.
 */
export function visibleRoutesCondition(actor: Actor): SQL | undefined {
  const scope = restrictedRouteScope(actor)
  if (scope === null) return undefined
  if (scope.length === 0) return eq(contactRoutes.visibility, 'network')
  return or(eq(contactRoutes.visibility, 'network'), inArray(contactRoutes.organisationId, scope))
}

/** ISK first, then round-the-clock routes, then the duty officer, then call order. */
export const crisisOrder = [
  desc(sql`${contactRoutes.function} = 'isk'`),
  desc(sql`${contactRoutes.availability} = 'always'`),
  desc(sql`${contactRoutes.function} = 'duty_officer'`),
  asc(contactRoutes.callOrder),
  asc(contactRoutes.createdAt),
]

export function listVisibleContactRoutes(db: Executor, actor: Actor, organisationIds?: string[]) {
  const conditions = [visibleRoutesCondition(actor)]
  if (organisationIds) conditions.push(inArray(contactRoutes.organisationId, organisationIds.length ? organisationIds : ['00000000-0000-0000-0000-000000000000']))
  return db
    .select()
    .from(contactRoutes)
    .where(and(...conditions))
    .orderBy(...crisisOrder)
}

export async function getContactRoute(db: Executor, id: string): Promise<ContactRoute | null> {
  const [row] = await db.select().from(contactRoutes).where(eq(contactRoutes.id, id))
  return row ?? null
}

export function createContactRoute(
  db: Database,
  input: { actorId: string; organisationId: string } & ContactRouteFields,
) {
  const { actorId, ...values } = input
  return createAudited(db, {
    write: async (tx) => (await tx.insert(contactRoutes).values(values).returning())[0]!,
    audit: (created) => ({
      userId: actorId,
      organisationId: created.organisationId,
      entity: 'contact_route',
      entityId: created.id,
      action: 'create',
      changes: diffFields(null, created, auditedFields),
    }),
  })
}

export function updateContactRoute(
  db: Database,
  input: { actorId: string; id: string; version: number } & ContactRouteFields,
) {
  const { actorId, id, version, ...values } = input
  return updateVersioned(db, {
    expectedVersion: version,
    load: async (tx) => (await tx.select().from(contactRoutes).where(eq(contactRoutes.id, id)).for('update'))[0],
    write: async (tx) =>
      (
        await tx
          .update(contactRoutes)
          .set({ ...values, updatedAt: new Date(), version: sql`${contactRoutes.version} + 1` })
          .where(eq(contactRoutes.id, id))
          .returning()
      )[0]!,
    audit: (before, after) => ({
      userId: actorId,
      organisationId: before.organisationId,
      entity: 'contact_route',
      entityId: id,
      action: 'update',
      changes: diffFields(before, after, auditedFields),
    }),
  })
}

export function deleteContactRoute(db: Database, input: { actorId: string; id: string; version: number }) {
  return deleteVersioned(db, {
    expectedVersion: input.version,
    load: async (tx) => (await tx.select().from(contactRoutes).where(eq(contactRoutes.id, input.id)).for('update'))[0],
    remove: async (tx) => {
      await tx.delete(contactRoutes).where(eq(contactRoutes.id, input.id))
    },
    audit: (before) => ({
      userId: input.actorId,
      organisationId: before.organisationId,
      entity: 'contact_route',
      entityId: input.id,
      action: 'delete',
      changes: diffFields(before, null, auditedFields),
    }),
  })
}

/** A test call or other reachability check. */
export function recordContactCheck(
  db: Database,
  input: { actorId: string; route: ContactRoute; reached: boolean; note: string; checkedAt?: Date },
) {
  return createAudited(db, {
    write: async (tx) =>
      (
        await tx
          .insert(contactChecks)
          .values({
            routeId: input.route.id,
            checkedBy: input.actorId,
            reached: input.reached,
            note: input.note,
            checkedAt: input.checkedAt ?? new Date(),
          })
          .returning()
      )[0]!,
    audit: (check) => ({
      userId: input.actorId,
      organisationId: input.route.organisationId,
      entity: 'contact_check',
      entityId: check.id,
      action: 'create',
      changes: { reached: { before: null, after: check.reached }, routeId: { before: null, after: input.route.id } },
    }),
  })
}

/** The latest check of each given route. */
export async function latestChecks(db: Executor, routeIds: string[]) {
  if (routeIds.length === 0) return new Map<string, { checkedAt: Date; reached: boolean; note: string }>()
  const rows = await db
    .selectDistinctOn([contactChecks.routeId], {
      routeId: contactChecks.routeId,
      checkedAt: contactChecks.checkedAt,
      reached: contactChecks.reached,
      note: contactChecks.note,
    })
    .from(contactChecks)
    .where(inArray(contactChecks.routeId, routeIds))
    .orderBy(contactChecks.routeId, desc(contactChecks.checkedAt))
  return new Map(rows.map((row) => [row.routeId, row]))
}
