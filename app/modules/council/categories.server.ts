import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '~/db/client.server'
import { councilCategories, type CouncilCategory } from '~/db/schema/council'
import { diffFields } from '~/modules/audit/audit.server'
import { isUniqueViolation } from '~/modules/records/unique-violation'
import { createAudited, updateVersioned, type SaveResult } from '~/modules/records/versioned.server'

// The council maintains its own categories. A category is never deleted:
// reports, counts and frozen pictures refer to it, so it is retired instead.

const NAME_INDEX = 'council_categories_name_idx'

export async function addCategory(
  db: Database,
  options: { actorId: string; councilId: string; name: string },
): Promise<{ ok: true; category: CouncilCategory } | { ok: false; error: 'duplicate' }> {
  try {
    const category = await createAudited(db, {
      write: async (tx) => {
        const [last] = await tx
          .select({ position: sql<number>`coalesce(max(${councilCategories.position}), -1)::int` })
          .from(councilCategories)
          .where(eq(councilCategories.councilId, options.councilId))
        const [row] = await tx
          .insert(councilCategories)
          .values({ councilId: options.councilId, name: options.name, position: (last?.position ?? -1) + 1 })
          .returning()
        return row!
      },
      audit: (row) => ({
        userId: options.actorId,
        organisationId: null,
        entity: 'council_category',
        entityId: row.id,
        action: 'create',
        changes: diffFields(null, row, ['name']),
      }),
    })
    return { ok: true, category }
  } catch (error) {
    if (isUniqueViolation(error, NAME_INDEX)) return { ok: false, error: 'duplicate' }
    throw error
  }
}

export async function updateCategory(
  db: Database,
  options: { actorId: string; councilId: string; id: string; version: number; name?: string; active?: boolean },
): Promise<SaveResult<CouncilCategory> | { ok: false; error: 'duplicate' }> {
  try {
    return await updateVersioned(db, {
      expectedVersion: options.version,
      load: async (tx) =>
        (
          await tx
            .select()
            .from(councilCategories)
            .where(and(eq(councilCategories.id, options.id), eq(councilCategories.councilId, options.councilId)))
            .for('update')
        )[0],
      write: async (tx, before) => {
        const [after] = await tx
          .update(councilCategories)
          .set({
            name: options.name ?? before.name,
            active: options.active ?? before.active,
            updatedAt: new Date(),
            version: before.version + 1,
          })
          .where(eq(councilCategories.id, before.id))
          .returning()
        return after!
      },
      audit: (before, after) => ({
        userId: options.actorId,
        organisationId: null,
        entity: 'council_category',
        entityId: before.id,
        action: 'update',
        changes: diffFields(before, after, ['name', 'active']),
      }),
    })
  } catch (error) {
    if (isUniqueViolation(error, NAME_INDEX)) return { ok: false, error: 'duplicate' }
    throw error
  }
}
