import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm'
import type { Executor, Transaction } from '~/db/client.server'
import { auditLog, type FieldChanges } from '~/db/schema/audit'
import { organisations } from '~/db/schema/organisations'
import { users } from '~/db/schema/users'
import type { AuditActionOf, AuditEntity, AuditField, AuditFieldOf } from './vocabulary'

type Change = { before: unknown; after: unknown }
/** Field-by-field changes of one entry, by the field names the vocabulary lists. */
export type AuditChanges<F extends string = AuditField> = Partial<Record<F, Change>>

type AuditInputOf<E extends AuditEntity> = {
  userId: string | null
  organisationId: string | null
  entity: E
  entityId: string
  action: AuditActionOf<E>
  changes?: AuditChanges<AuditFieldOf<E>>
}

/** One entry; its entity, action and fields must be in the vocabulary (./vocabulary.ts), which labels them. */
export type AuditInput = { [E in AuditEntity]: AuditInputOf<E> }[AuditEntity]

// Actions that consist of changed fields: one that changed none (a form saved
// as it was loaded) writes no entry. Other actions (a reminder sent, a
// password reset) are events in themselves and are written without changes.
const fieldEdits: ReadonlySet<string> = new Set<AuditInput['action']>([
  'update',
  'state',
  'move',
  'minutes',
  'evaluation',
  'evaluation_shared',
  'cancel',
  'share',
  'unshare',
  'answer',
  'answer_by_link',
  'accept',
  'reject',
  'merge',
  'feedback',
  'group_update',
  'person_update',
  'goal_update',
])

/** Whether the entry records a save that changed nothing; the log lists changes only. */
export function changesNothing(input: AuditInput): boolean {
  return fieldEdits.has(input.action) && Object.keys(input.changes ?? {}).length === 0
}

/** Written inside the same transaction as the change it records. */
export async function recordAudit(tx: Transaction, input: AuditInput): Promise<void> {
  if (changesNothing(input)) return
  await tx.insert(auditLog).values({ ...input, changes: toStored(input.changes) })
}

/** Many entries of one bulk write (an import), in chunks that stay under the bind-parameter limit. */
export async function recordAudits(tx: Transaction, inputs: AuditInput[]): Promise<void> {
  const kept = inputs.filter((input) => !changesNothing(input))
  for (let start = 0; start < kept.length; start += 1000) {
    await tx
      .insert(auditLog)
      .values(kept.slice(start, start + 1000).map((input) => ({ ...input, changes: toStored(input.changes) })))
  }
}

const toStored = (changes: AuditChanges<string> | undefined): FieldChanges => (changes ?? {}) as FieldChanges

/** Field-by-field difference of the named fields; unchanged fields are left out. */
export function diffFields<T extends Record<string, unknown>, F extends keyof T & string>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  fields: readonly F[],
): AuditChanges<F> {
  const changes: AuditChanges<F> = {}
  for (const field of fields) {
    const previous = before?.[field] ?? null
    const next = after?.[field] ?? null
    if (!sameValue(previous, next)) changes[field] = { before: previous, after: next }
  }
  return changes
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  return JSON.stringify(a) === JSON.stringify(b)
}

export interface AuditFilter {
  organisationId?: string
  userId?: string
  from?: Date
  /** Exclusive upper bound. */
  to?: Date
  entity?: string
  entityId?: string
  entities?: readonly string[]
  limit?: number
}

export async function listAuditEntries(db: Executor, filter: AuditFilter) {
  const conditions: SQL[] = []
  if (filter.organisationId) conditions.push(eq(auditLog.organisationId, filter.organisationId))
  if (filter.userId) conditions.push(eq(auditLog.userId, filter.userId))
  if (filter.from) conditions.push(gte(auditLog.at, filter.from))
  if (filter.to) conditions.push(lt(auditLog.at, filter.to))
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity))
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId))
  if (filter.entities) conditions.push(inArray(auditLog.entity, [...filter.entities]))
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userName: users.name,
      organisationId: auditLog.organisationId,
      organisationName: organisations.name,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      action: auditLog.action,
      changes: auditLog.changes,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit ?? 200)
}

/** What an organisation's page shows of its history: its registry data, not its people or accounts. */
const registryEntities = [
  'organisation',
  'contact_route',
  'contact_check',
  'site',
  'critical_service',
  'dependency',
  'network_member',
] as const

// A contact route's audit entry holds its value, which may be a restricted
// personal number: readers who may not see restricted routes get the entry
// without its values.
const entitiesWithContactValues = new Set(['contact_route', 'contact_check'])

export async function listOrganisationHistory(
  db: Executor,
  organisationId: string,
  options: { showContactValues: boolean; limit?: number },
) {
  const entries = await listAuditEntries(db, { organisationId, entities: registryEntities, limit: options.limit ?? 30 })
  if (options.showContactValues) return entries
  return entries.map((entry) => (entitiesWithContactValues.has(entry.entity) ? { ...entry, changes: {} } : entry))
}
