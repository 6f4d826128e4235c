import { eq } from 'drizzle-orm'
import type { Database, Transaction } from '~/db/client.server'
import { defaultReportCategories } from '~/db/enums'
import { councilCategories, councils, type Council } from '~/db/schema/council'
import { diffFields } from '~/modules/audit/audit.server'
import { createAudited, updateVersioned, type SaveResult } from '~/modules/records/versioned.server'

// Setting up a council: the coordinator names it and picks its network. It
// starts with the usual categories, which the council then maintains.

/** The usual categories a new council starts with, in their order. */
export function insertDefaultCategories(tx: Transaction, councilId: string) {
  return tx
    .insert(councilCategories)
    .values(defaultReportCategories.map((name, position) => ({ councilId, name, position })))
    .returning({ id: councilCategories.id, name: councilCategories.name })
}

export async function createCouncil(
  db: Database,
  options: {
    actorId: string | null
    name: string
    networkId: string
    retentionMonths?: number
    coarsenMetres?: number
  },
): Promise<Council> {
  return createAudited(db, {
    write: async (tx) => {
      const [council] = await tx
        .insert(councils)
        .values({
          name: options.name,
          networkId: options.networkId,
          retentionMonths: options.retentionMonths ?? 24,
          coarsenMetres: options.coarsenMetres ?? 100,
        })
        .returning()
      await insertDefaultCategories(tx, council!.id)
      return council!
    },
    audit: (council) => ({
      userId: options.actorId,
      organisationId: null,
      entity: 'council',
      entityId: council.id,
      action: 'create',
      changes: diffFields(null, council, ['name', 'networkId', 'retentionMonths', 'coarsenMetres']),
    }),
  })
}

export async function updateCouncilSettings(
  db: Database,
  options: {
    actorId: string
    id: string
    version: number
    name: string
    retentionMonths: number
    coarsenMetres: number
  },
): Promise<SaveResult<Council>> {
  const fields = ['name', 'retentionMonths', 'coarsenMetres'] as const
  return updateVersioned(db, {
    expectedVersion: options.version,
    load: async (tx) => (await tx.select().from(councils).where(eq(councils.id, options.id)).for('update'))[0],
    write: async (tx, before) => {
      const [after] = await tx
        .update(councils)
        .set({
          name: options.name,
          retentionMonths: options.retentionMonths,
          coarsenMetres: options.coarsenMetres,
          updatedAt: new Date(),
          version: before.version + 1,
        })
        .where(eq(councils.id, before.id))
        .returning()
      return after!
    },
    audit: (before, after) => ({
      userId: options.actorId,
      organisationId: null,
      entity: 'council',
      entityId: before.id,
      action: 'update',
      changes: diffFields(before, after, [...fields]),
    }),
  })
}
