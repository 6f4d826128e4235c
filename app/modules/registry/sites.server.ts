import { asc, eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import type { SiteKind } from '~/db/enums'
import { sites, type Site } from '~/db/schema/registry'
import { diffFields } from '~/modules/audit/audit.server'
import { createAudited, deleteVersioned, updateVersioned } from '~/modules/records/versioned.server'

export interface SiteFields {
  name: string
  kind: SiteKind
  address: string
  /** WGS84; both or neither. */
  lat: number | null
  lng: number | null
  backupPowerHours: number | null
  backupFuel: string
  styrelClass: number | null
  safetyPoint: boolean
  emergencyWaterPoint: boolean
}

const auditedFields = [
  'name',
  'kind',
  'address',
  'lat',
  'lng',
  'backupPowerHours',
  'backupFuel',
  'styrelClass',
  'safetyPoint',
  'emergencyWaterPoint',
] as const

function fieldsOf(input: SiteFields): SiteFields {
  const { name, kind, address, lat, lng, backupPowerHours, backupFuel, styrelClass, safetyPoint, emergencyWaterPoint } =
    input
  const positioned = lat !== null && lng !== null
  return {
    name,
    kind,
    address,
    lat: positioned ? lat : null,
    lng: positioned ? lng : null,
    backupPowerHours,
    backupFuel,
    styrelClass,
    safetyPoint,
    emergencyWaterPoint,
  }
}

/**
 * The form shows degrees with six decimals (about 0.1 m). A position sent back
 * unchanged from that rounding keeps its stored precision, so saving another
 * field neither moves the site nor logs a position change.
 */
function keepPosition(before: Site, fields: SiteFields): SiteFields {
  if (before.lat === null || before.lng === null || fields.lat === null || fields.lng === null) return fields
  const unchanged = Math.abs(before.lat - fields.lat) < 5e-7 && Math.abs(before.lng - fields.lng) < 5e-7
  return unchanged ? { ...fields, lat: before.lat, lng: before.lng } : fields
}

export function listSites(db: Executor, organisationId: string): Promise<Site[]> {
  return db.select().from(sites).where(eq(sites.organisationId, organisationId)).orderBy(asc(sites.name), asc(sites.id))
}

export async function getSite(db: Executor, id: string): Promise<Site | null> {
  const [row] = await db.select().from(sites).where(eq(sites.id, id))
  return row ?? null
}

export function createSite(db: Database, input: { actorId: string; organisationId: string } & SiteFields) {
  return createAudited(db, {
    write: async (tx) =>
      (
        await tx
          .insert(sites)
          .values({ organisationId: input.organisationId, ...fieldsOf(input) })
          .returning()
      )[0]!,
    audit: (created) => ({
      userId: input.actorId,
      organisationId: created.organisationId,
      entity: 'site',
      entityId: created.id,
      action: 'create',
      changes: diffFields(null, created, auditedFields),
    }),
  })
}

export function updateSite(db: Database, input: { actorId: string; id: string; version: number } & SiteFields) {
  return updateVersioned(db, {
    expectedVersion: input.version,
    load: async (tx) => (await tx.select().from(sites).where(eq(sites.id, input.id)).for('update'))[0],
    write: async (tx, before) =>
      (
        await tx
          .update(sites)
          .set({ ...keepPosition(before, fieldsOf(input)), updatedAt: new Date(), version: sql`${sites.version} + 1` })
          .where(eq(sites.id, input.id))
          .returning()
      )[0]!,
    audit: (before, after) => ({
      userId: input.actorId,
      organisationId: before.organisationId,
      entity: 'site',
      entityId: input.id,
      action: 'update',
      changes: diffFields(before, after, auditedFields),
    }),
  })
}

/** Removing a site unlinks it from the services that ran there; the services stay. */
export function deleteSite(db: Database, input: { actorId: string; id: string; version: number }) {
  return deleteVersioned(db, {
    expectedVersion: input.version,
    load: async (tx) => (await tx.select().from(sites).where(eq(sites.id, input.id)).for('update'))[0],
    remove: async (tx) => {
      await tx.delete(sites).where(eq(sites.id, input.id))
    },
    audit: (before) => ({
      userId: input.actorId,
      organisationId: before.organisationId,
      entity: 'site',
      entityId: input.id,
      action: 'delete',
      changes: diffFields(before, null, auditedFields),
    }),
  })
}
