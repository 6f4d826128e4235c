import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { organisations, type Organisation, type OrganisationKind } from '~/db/schema/organisations'
import { memberships, users } from '~/db/schema/users'
import { diffFields, recordAudit } from '~/modules/audit/audit.server'

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

export type UpdateResult =
  | { ok: true; organisation: Organisation }
  | { ok: false; error: 'notFound' }
  | { ok: false; error: 'conflict'; current: Organisation }

/**
 * Saves only over the version the form was loaded with; a newer version in
 * the database is a conflict, returned with the current record so the form
 * can show both.
 */
export async function updateOrganisation(
  db: Database,
  input: { actorId: string; id: string; version: number } & OrganisationFields,
): Promise<UpdateResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, input.id)).for('update')
    if (!before) return { ok: false as const, error: 'notFound' as const }
    if (before.version !== input.version) return { ok: false as const, error: 'conflict' as const, current: before }
    const [after] = await tx
      .update(organisations)
      .set({
        name: input.name,
        kind: input.kind,
        description: input.description,
        updatedAt: new Date(),
        version: sql`${organisations.version} + 1`,
      })
      .where(and(eq(organisations.id, input.id), eq(organisations.version, input.version)))
      .returning()
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: input.id,
      entity: 'organisation',
      entityId: input.id,
      action: 'update',
      changes: diffFields(before, after!, auditedFields),
    })
    return { ok: true as const, organisation: after! }
  })
}
