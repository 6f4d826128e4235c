import { and, asc, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database, Executor, Transaction } from '~/db/client.server'
import type { Resource, Sector } from '~/db/enums'
import { organisations } from '~/db/schema/organisations'
import { criticalServices, dependencies, serviceSites, sites, type Dependency } from '~/db/schema/registry'
import { diffFields } from '~/modules/audit/audit.server'
import { createAudited, deleteVersioned, updateVersioned } from '~/modules/records/versioned.server'
import { targetServiceProblem, targetShapeProblem } from './dependency-rules'
import { RegistryRuleError } from './rule-error'

export interface DependencyFields {
  resource: Resource | null
  dependsOnServiceId: string | null
  copesHours: number
  backupDescription: string
  backupHours: number | null
}

/** A dependency with the organisation it belongs to: that of its service. */
export type OwnedDependency = Dependency & { organisationId: string }

const auditedFields = [
  'serviceId',
  'resource',
  'dependsOnServiceId',
  'copesHours',
  'backupDescription',
  'backupHours',
] as const

export async function getDependency(db: Executor, id: string): Promise<OwnedDependency | null> {
  const [row] = await db
    .select({ dependency: dependencies, organisationId: criticalServices.organisationId })
    .from(dependencies)
    .innerJoin(criticalServices, eq(criticalServices.id, dependencies.serviceId))
    .where(eq(dependencies.id, id))
  return row ? { ...row.dependency, organisationId: row.organisationId } : null
}

export interface DependencyView {
  id: string
  serviceId: string
  version: number
  resource: Resource | null
  dependsOn: { id: string; name: string; organisationId: string; organisationName: string } | null
  copesHours: number
  backupDescription: string
  backupHours: number | null
  /** The longest backup power among the service's sites, null if none states it: electricity's backup when the dependency has none of its own. */
  siteBackupHours: number | null
}

const dependedOn = alias(criticalServices, 'depended_on')

/** The dependencies of the given services, with the service each one depends on and its organisation. */
export async function listDependencies(db: Executor, serviceIds: string[]): Promise<DependencyView[]> {
  if (serviceIds.length === 0) return []
  const rows = await db
    .select({
      id: dependencies.id,
      serviceId: dependencies.serviceId,
      version: dependencies.version,
      resource: dependencies.resource,
      copesHours: dependencies.copesHours,
      backupDescription: dependencies.backupDescription,
      backupHours: dependencies.backupHours,
      siteBackupHours: sql<number | null>`(
        select max(${sites.backupPowerHours}) from ${serviceSites}
        join ${sites} on ${sites.id} = ${serviceSites.siteId}
        where ${serviceSites.serviceId} = ${dependencies.serviceId})`,
      targetId: dependedOn.id,
      targetName: dependedOn.name,
      targetOrganisationId: dependedOn.organisationId,
      targetOrganisationName: organisations.name,
    })
    .from(dependencies)
    .leftJoin(dependedOn, eq(dependedOn.id, dependencies.dependsOnServiceId))
    .leftJoin(organisations, eq(organisations.id, dependedOn.organisationId))
    .where(inArray(dependencies.serviceId, serviceIds))
    .orderBy(asc(dependencies.resource), asc(dependedOn.name), asc(dependencies.createdAt), asc(dependencies.id))
  return rows.map((row) => ({
    id: row.id,
    serviceId: row.serviceId,
    version: row.version,
    resource: row.resource,
    dependsOn:
      row.targetId && row.targetName && row.targetOrganisationId
        ? {
            id: row.targetId,
            name: row.targetName,
            organisationId: row.targetOrganisationId,
            organisationName: row.targetOrganisationName ?? '',
          }
        : null,
    copesHours: row.copesHours,
    backupDescription: row.backupDescription,
    backupHours: row.backupHours,
    siteBackupHours: row.siteBackupHours === null ? null : Number(row.siteBackupHours),
  }))
}

export interface DependentView {
  dependencyId: string
  /** The service of this organisation that the other one depends on. */
  onServiceId: string
  serviceId: string
  serviceName: string
  organisationId: string
  organisationName: string
  copesHours: number
}

/** Other organisations' services that depend on the given services. */
export async function listDependents(db: Executor, serviceIds: string[]): Promise<DependentView[]> {
  if (serviceIds.length === 0) return []
  return db
    .select({
      dependencyId: dependencies.id,
      onServiceId: sql<string>`${dependencies.dependsOnServiceId}`,
      serviceId: criticalServices.id,
      serviceName: criticalServices.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
      copesHours: dependencies.copesHours,
    })
    .from(dependencies)
    .innerJoin(criticalServices, eq(criticalServices.id, dependencies.serviceId))
    .innerJoin(organisations, eq(organisations.id, criticalServices.organisationId))
    .where(inArray(dependencies.dependsOnServiceId, serviceIds))
    .orderBy(asc(organisations.name), asc(criticalServices.name), asc(dependencies.id))
}

export interface DependableService {
  id: string
  name: string
  sector: Sector
  organisationId: string
  organisationName: string
}

/**
 * Services another organisation's service can depend on: every service of the
 * other organisations, narrowed by a search text, at most `limit` of them, and
 * always the ones named in `include` (the current choice of an edited dependency).
 */
export async function listDependableServices(
  db: Executor,
  options: { excludeOrganisationId: string; query?: string; limit?: number; include?: string[] },
): Promise<{ services: DependableService[]; more: boolean }> {
  const limit = options.limit ?? 300
  const query = options.query?.trim()
  const columns = {
    id: criticalServices.id,
    name: criticalServices.name,
    sector: criticalServices.sector,
    organisationId: organisations.id,
    organisationName: organisations.name,
  }
  const pattern = query ? `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : undefined
  const rows = await db
    .select(columns)
    .from(criticalServices)
    .innerJoin(organisations, eq(organisations.id, criticalServices.organisationId))
    .where(
      and(
        ne(criticalServices.organisationId, options.excludeOrganisationId),
        pattern ? or(ilike(criticalServices.name, pattern), ilike(organisations.name, pattern)) : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(criticalServices.name), asc(criticalServices.id))
    .limit(limit + 1)
  const services = rows.slice(0, limit)
  const missing = (options.include ?? []).filter((id) => !services.some((service) => service.id === id))
  if (missing.length > 0) {
    services.push(
      ...(await db
        .select(columns)
        .from(criticalServices)
        .innerJoin(organisations, eq(organisations.id, criticalServices.organisationId))
        .where(inArray(criticalServices.id, missing))),
    )
  }
  return { services, more: rows.length > limit }
}

/**
 * Checks the target inside the write's transaction and holds a share lock on
 * the service depended on, so it cannot be deleted before this commits.
 */
async function checkTarget(tx: Transaction, organisationId: string, fields: DependencyFields): Promise<void> {
  const shape = targetShapeProblem(fields)
  if (shape) throw new RegistryRuleError('resource', shape)
  if (fields.dependsOnServiceId === null) return
  const [target] = await tx
    .select({ organisationId: criticalServices.organisationId })
    .from(criticalServices)
    .where(eq(criticalServices.id, fields.dependsOnServiceId))
    .for('share')
  const problem = targetServiceProblem(organisationId, target ?? null)
  if (problem) throw new RegistryRuleError('dependsOnServiceId', problem)
}

function columnsOf(input: DependencyFields) {
  const { resource, dependsOnServiceId, copesHours, backupDescription, backupHours } = input
  return { resource, dependsOnServiceId, copesHours, backupDescription, backupHours }
}

async function loadForUpdate(tx: Transaction, id: string): Promise<OwnedDependency | undefined> {
  const [row] = await tx.select().from(dependencies).where(eq(dependencies.id, id)).for('update')
  if (!row) return undefined
  const [service] = await tx
    .select({ organisationId: criticalServices.organisationId })
    .from(criticalServices)
    .where(eq(criticalServices.id, row.serviceId))
  return { ...row, organisationId: service!.organisationId }
}

export function createDependency(db: Database, input: { actorId: string; serviceId: string } & DependencyFields) {
  return createAudited(db, {
    write: async (tx): Promise<OwnedDependency> => {
      const [service] = await tx
        .select({ organisationId: criticalServices.organisationId })
        .from(criticalServices)
        .where(eq(criticalServices.id, input.serviceId))
        .for('share')
      if (!service) throw new RegistryRuleError('_form', 'deps.service.gone')
      await checkTarget(tx, service.organisationId, input)
      const [created] = await tx
        .insert(dependencies)
        .values({ serviceId: input.serviceId, ...columnsOf(input) })
        .returning()
      return { ...created!, organisationId: service.organisationId }
    },
    audit: (created) => ({
      userId: input.actorId,
      organisationId: created.organisationId,
      entity: 'dependency',
      entityId: created.id,
      action: 'create',
      changes: diffFields(null, created, auditedFields),
    }),
  })
}

export function updateDependency(
  db: Database,
  input: { actorId: string; id: string; version: number } & DependencyFields,
) {
  return updateVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => loadForUpdate(tx, input.id),
    write: async (tx, before): Promise<OwnedDependency> => {
      await checkTarget(tx, before.organisationId, input)
      const [after] = await tx
        .update(dependencies)
        .set({ ...columnsOf(input), updatedAt: new Date(), version: sql`${dependencies.version} + 1` })
        .where(eq(dependencies.id, input.id))
        .returning()
      return { ...after!, organisationId: before.organisationId }
    },
    audit: (before, after) => ({
      userId: input.actorId,
      organisationId: before.organisationId,
      entity: 'dependency',
      entityId: input.id,
      action: 'update',
      changes: diffFields(before, after, auditedFields),
    }),
  })
}

export function deleteDependency(db: Database, input: { actorId: string; id: string; version: number }) {
  return deleteVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => loadForUpdate(tx, input.id),
    remove: async (tx) => {
      await tx.delete(dependencies).where(eq(dependencies.id, input.id))
    },
    audit: (before) => ({
      userId: input.actorId,
      organisationId: before.organisationId,
      entity: 'dependency',
      entityId: input.id,
      action: 'delete',
      changes: diffFields(before, null, auditedFields),
    }),
  })
}
