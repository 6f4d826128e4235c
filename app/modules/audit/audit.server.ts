import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm'
import type { Executor, Transaction } from '~/db/client.server'
import { auditLog, type FieldChanges } from '~/db/schema/audit'
import { organisations } from '~/db/schema/organisations'
import { users } from '~/db/schema/users'

export interface AuditInput {
  userId: string | null
  organisationId: string | null
  entity: string
  entityId: string
  action: 'create' | 'update' | 'delete' | (string & {})
  changes?: FieldChanges
}

/** Written inside the same transaction as the change it records. */
export async function recordAudit(tx: Transaction, input: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({ ...input, changes: input.changes ?? {} })
}

/** Many entries of one bulk write (an import), in chunks that stay under the bind-parameter limit. */
export async function recordAudits(tx: Transaction, inputs: AuditInput[]): Promise<void> {
  for (let start = 0; start < inputs.length; start += 1000) {
    await tx.insert(auditLog).values(inputs.slice(start, start + 1000).map((input) => ({ ...input, changes: input.changes ?? {} })))
  }
}

/** Field-by-field difference of the named fields; unchanged fields are left out. */
export function diffFields<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  fields: readonly (keyof T & string)[],
): FieldChanges {
  const changes: FieldChanges = {}
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
