import { desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import type { ScenarioState } from '~/db/enums'
import { organisations } from '~/db/schema/organisations'
import { scenarios, type ScenarioRecord } from '~/db/schema/scenarios'
import { diffFields } from '~/modules/audit/audit.server'
import { isCoordinator, type Actor } from '~/modules/auth/permissions'
import { createAudited, deleteVersioned, updateVersioned } from '~/modules/records/versioned.server'
import { ScenarioDefinitionSchema, type ScenarioDefinition } from './definition'

export interface ScenarioFields {
  name: string
  description: string
  state: ScenarioState
  definition: ScenarioDefinition
}

const auditedFields = ['name', 'description', 'state', 'definition'] as const

/** Shared scenarios, and the drafts of the reader's own organisations (all drafts for the coordinator). */
function readableBy(actor: Actor): SQL | undefined {
  if (isCoordinator(actor)) return undefined
  const own = actor.memberships.map((membership) => membership.organisationId)
  return own.length > 0
    ? or(eq(scenarios.state, 'shared'), inArray(scenarios.organisationId, own))
    : eq(scenarios.state, 'shared')
}

export function listScenarios(db: Executor, actor: Actor) {
  return db
    .select({
      id: scenarios.id,
      name: scenarios.name,
      description: scenarios.description,
      state: scenarios.state,
      updatedAt: scenarios.updatedAt,
      organisationId: scenarios.organisationId,
      organisationName: organisations.name,
      horizonHours: sql<number>`(${scenarios.definition} ->> 'horizonHours')::int`,
    })
    .from(scenarios)
    .innerJoin(organisations, eq(organisations.id, scenarios.organisationId))
    .where(readableBy(actor))
    .orderBy(desc(scenarios.updatedAt), scenarios.id)
}

/** One scenario with its definition checked again: a row edited by hand never reaches the engine malformed. */
export async function getScenario(db: Executor, id: string) {
  const [row] = await db
    .select({ scenario: scenarios, organisationName: organisations.name })
    .from(scenarios)
    .innerJoin(organisations, eq(organisations.id, scenarios.organisationId))
    .where(eq(scenarios.id, id))
  if (!row) return null
  return {
    ...row.scenario,
    definition: ScenarioDefinitionSchema.parse(row.scenario.definition),
    organisationName: row.organisationName,
  }
}

export function createScenario(
  db: Database,
  input: { actorId: string; organisationId: string } & ScenarioFields,
): Promise<ScenarioRecord> {
  const { actorId, ...values } = input
  ScenarioDefinitionSchema.parse(values.definition)
  return createAudited(db, {
    write: async (tx) =>
      (
        await tx
          .insert(scenarios)
          .values({ ...values, createdBy: actorId })
          .returning()
      )[0]!,
    audit: (created) => ({
      userId: actorId,
      organisationId: created.organisationId,
      entity: 'scenario',
      entityId: created.id,
      action: 'create',
      changes: diffFields(null, created, auditedFields),
    }),
  })
}

const lockScenario = async (tx: Executor, id: string) =>
  (await tx.select().from(scenarios).where(eq(scenarios.id, id)).for('update'))[0]

export function updateScenario(
  db: Database,
  input: { actorId: string; id: string; version: number } & ScenarioFields,
  /** Checked against the row as locked, so a scenario shared meanwhile is not changed by its former drafter. */
  allowed: (before: ScenarioRecord) => boolean,
) {
  const { actorId, id, version, ...values } = input
  ScenarioDefinitionSchema.parse(values.definition)
  return updateVersioned(db, {
    expectedVersion: version,
    load: async (tx) => {
      const before = await lockScenario(tx, id)
      return before && allowed(before) ? before : undefined
    },
    write: async (tx) =>
      (
        await tx
          .update(scenarios)
          .set({ ...values, updatedAt: new Date(), version: sql`${scenarios.version} + 1` })
          .where(eq(scenarios.id, id))
          .returning()
      )[0]!,
    audit: (before, after) => ({
      userId: actorId,
      organisationId: after.organisationId,
      entity: 'scenario',
      entityId: id,
      action: 'update',
      changes: diffFields(before, after, auditedFields),
    }),
  })
}

export function deleteScenario(
  db: Database,
  input: { actorId: string; id: string; version: number },
  allowed: (before: ScenarioRecord) => boolean,
) {
  return deleteVersioned(db, {
    expectedVersion: input.version,
    load: async (tx) => {
      const before = await lockScenario(tx, input.id)
      return before && allowed(before) ? before : undefined
    },
    remove: async (tx) => {
      await tx.delete(scenarios).where(eq(scenarios.id, input.id))
    },
    audit: (before) => ({
      userId: input.actorId,
      organisationId: before.organisationId,
      entity: 'scenario',
      entityId: input.id,
      action: 'delete',
      changes: diffFields(before, null, auditedFields),
    }),
  })
}
