import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import type { Sector } from '~/db/enums'
import { criticalServices, dependencies, serviceSites, sites, type CriticalService } from '~/db/schema/registry'
import { diffFields } from '~/modules/audit/audit.server'
import { createAudited, deleteVersioned, updateVersioned } from '~/modules/records/versioned.server'
import { RegistryRuleError } from './rule-error'

export interface ServiceFields {
  name: string
  description: string
  sector: Sector
  acceptableOutageHours: number
  styrelClass: number | null
  peopleServed: number | null
  hasContinuityPlan: boolean
  continuityExercisedOn: string | null
  /** Sites of the same organisation where the service runs. */
  siteIds: string[]
}

export type ServiceWithSites = CriticalService & { siteIds: string[] }

const auditedFields = [
  'name',
  'description',
  'sector',
  'acceptableOutageHours',
  'styrelClass',
  'peopleServed',
  'hasContinuityPlan',
  'continuityExercisedOn',
  'siteIds',
] as const

function columnsOf(input: ServiceFields) {
  const {
    name,
    description,
    sector,
    acceptableOutageHours,
    styrelClass,
    peopleServed,
    hasContinuityPlan,
    continuityExercisedOn,
  } = input
  return {
    name,
    description,
    sector,
    acceptableOutageHours,
    styrelClass,
    peopleServed,
    hasContinuityPlan,
    continuityExercisedOn: hasContinuityPlan ? continuityExercisedOn : null,
  }
}

async function siteIdsByService(db: Executor, serviceIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>()
  if (serviceIds.length === 0) return map
  const rows = await db
    .select({ serviceId: serviceSites.serviceId, siteId: serviceSites.siteId })
    .from(serviceSites)
    .innerJoin(sites, eq(sites.id, serviceSites.siteId))
    .where(inArray(serviceSites.serviceId, serviceIds))
    .orderBy(asc(sites.name), asc(sites.id))
  for (const row of rows) map.set(row.serviceId, [...(map.get(row.serviceId) ?? []), row.siteId])
  return map
}

export async function listServices(db: Executor, organisationId: string): Promise<ServiceWithSites[]> {
  const rows = await db
    .select()
    .from(criticalServices)
    .where(eq(criticalServices.organisationId, organisationId))
    .orderBy(asc(criticalServices.name), asc(criticalServices.id))
  const links = await siteIdsByService(
    db,
    rows.map((row) => row.id),
  )
  return rows.map((row) => ({ ...row, siteIds: links.get(row.id) ?? [] }))
}

export async function getService(db: Executor, id: string): Promise<ServiceWithSites | null> {
  const [row] = await db.select().from(criticalServices).where(eq(criticalServices.id, id))
  if (!row) return null
  return { ...row, siteIds: (await siteIdsByService(db, [id])).get(id) ?? [] }
}

async function loadForUpdate(tx: Transaction, id: string): Promise<ServiceWithSites | undefined> {
  const [row] = await tx.select().from(criticalServices).where(eq(criticalServices.id, id)).for('update')
  if (!row) return undefined
  return { ...row, siteIds: (await siteIdsByService(tx, [id])).get(id) ?? [] }
}

/** The service's sites must be the organisation's own; they are locked so they cannot vanish meanwhile. */
async function linkSites(
  tx: Transaction,
  organisationId: string,
  serviceId: string,
  siteIds: string[],
): Promise<string[]> {
  await tx.delete(serviceSites).where(eq(serviceSites.serviceId, serviceId))
  if (siteIds.length === 0) return []
  const own = await tx
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(and(inArray(sites.id, siteIds), eq(sites.organisationId, organisationId)))
    .orderBy(asc(sites.name), asc(sites.id))
    .for('share')
  if (own.length !== new Set(siteIds).size) throw new RegistryRuleError('siteIds', 'services.sites.foreign')
  await tx.insert(serviceSites).values(own.map((site) => ({ serviceId, siteId: site.id })))
  return own.map((site) => site.id)
}

export function createService(db: Database, input: { actorId: string; organisationId: string } & ServiceFields) {
  return createAudited(db, {
    write: async (tx): Promise<ServiceWithSites> => {
      const [created] = await tx
        .insert(criticalServices)
        .values({ organisationId: input.organisationId, ...columnsOf(input) })
        .returning()
      const siteIds = await linkSites(tx, input.organisationId, created!.id, input.siteIds)
      return { ...created!, siteIds }
    },
    audit: (created) => ({
      userId: input.actorId,
      organisationId: created.organisationId,
      entity: 'critical_service',
      entityId: created.id,
      action: 'create',
      changes: diffFields(null, created, auditedFields),
    }),
  })
}

export function updateService(db: Database, input: { actorId: string; id: string; version: number } & ServiceFields) {
  return updateVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => loadForUpdate(tx, input.id),
    write: async (tx, before): Promise<ServiceWithSites> => {
      const [after] = await tx
        .update(criticalServices)
        .set({ ...columnsOf(input), updatedAt: new Date(), version: sql`${criticalServices.version} + 1` })
        .where(eq(criticalServices.id, input.id))
        .returning()
      const siteIds = await linkSites(tx, before.organisationId, input.id, input.siteIds)
      return { ...after!, siteIds }
    },
    audit: (before, after) => ({
      userId: input.actorId,
      organisationId: before.organisationId,
      entity: 'critical_service',
      entityId: input.id,
      action: 'update',
      changes: diffFields(before, after, auditedFields),
    }),
  })
}

/**
 * A service other organisations depend on is not removed: their dependency
 * records are their data, and deleting the service would silently delete them.
 * They change their dependency first (or the coordinator does).
 */
export function deleteService(db: Database, input: { actorId: string; id: string; version: number }) {
  return deleteVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => loadForUpdate(tx, input.id),
    remove: async (tx) => {
      const [dependent] = await tx
        .select({ id: dependencies.id })
        .from(dependencies)
        .where(eq(dependencies.dependsOnServiceId, input.id))
        .limit(1)
      if (dependent) throw new RegistryRuleError('_form', 'services.delete.inUse')
      await tx.delete(criticalServices).where(eq(criticalServices.id, input.id))
    },
    audit: (before) => ({
      userId: input.actorId,
      organisationId: before.organisationId,
      entity: 'critical_service',
      entityId: input.id,
      action: 'delete',
      changes: diffFields(before, null, auditedFields),
    }),
  })
}
