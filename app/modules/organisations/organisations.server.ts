import { asc, eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { organisations, type Organisation, type OrganisationKind } from '~/db/schema/organisations'
import { memberships, users } from '~/db/schema/users'
import { diffFields, recordAudit } from '~/modules/audit/audit.server'
import { updateVersioned, type SaveResult } from '~/modules/records/versioned.server'

export interface OrganisationFields {
  name: string
  kind: OrganisationKind
  description: string
}

const auditedFields = ['name', 'kind', 'description'] as const

export function listOrganisations(db: Executor) {
  return db.select().from(organisations).orderBy(asc(organisations.name))
}

export async function getOrganisation(db: Executor, id: string): Promise<Organisation | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id))
  return row ?? null
}

export function listMembers(db: Executor, organisationId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: memberships.role, active: users.active })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name))
}

export async function createOrganisation(
  db: Database,
  input: { actorId: string | null } & OrganisationFields,
): Promise<Organisation> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(organisations)
      .values({ name: input.name, kind: input.kind, description: input.description })
      .returning()
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: created!.id,
      entity: 'organisation',
      entityId: created!.id,
      action: 'create',
      changes: diffFields(null, created!, auditedFields),
    })
    return created!
  })
}

export type UpdateResult = SaveResult<Organisation>

/**
 * Saves only over the version the form was loaded with; a newer version in
 * the database is a conflict, returned with the current record so the form
 * can show both.
 */
export function updateOrganisation(
  db: Database,
  input: { actorId: string; id: string; version: number } & OrganisationFields,
): Promise<UpdateResult> {
  return updateVersioned(db, {
    expectedVersion: input.version,
    load: async (tx) => (await tx.select().from(organisations).where(eq(organisations.id, input.id)).for('update'))[0],
    write: async (tx) =>
      (
        await tx
          .update(organisations)
          .set({
            name: input.name,
            kind: input.kind,
            description: input.description,
            updatedAt: new Date(),
            version: sql`${organisations.version} + 1`,
          })
          .where(eq(organisations.id, input.id))
          .returning()
      )[0]!,
    audit: (before, after) => ({
      userId: input.actorId,
      organisationId: input.id,
      entity: 'organisation',
      entityId: input.id,
      action: 'update',
      changes: diffFields(before, after, auditedFields),
    }),
  })
}

/** "Bekräfta uppgifter": a person of the organisation vouches that all its data is current. */
export async function confirmOrganisationData(
  db: Database,
  input: { actorId: string; id: string },
  now = new Date(),
): Promise<Organisation | null> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, input.id)).for('update')
    if (!before) return null
    const [after] = await tx
      .update(organisations)
      .set({ confirmedAt: now, confirmedBy: input.actorId })
      .where(eq(organisations.id, input.id))
      .returning()
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: input.id,
      entity: 'organisation',
      entityId: input.id,
      action: 'confirm',
      changes: diffFields(before, after!, ['confirmedAt']),
    })
    return after!
  })
}
