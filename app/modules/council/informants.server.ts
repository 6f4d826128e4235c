import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { invitations } from '~/db/schema/auth'
import { organisations } from '~/db/schema/organisations'

// Informants the council has invited and who have not yet set up their
// account; accepting the invitation grants them the council.

export async function listPendingInformants(db: Executor, councilId: string, now = new Date()) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      organisationName: organisations.name,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(eq(invitations.councilId, councilId), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
    .orderBy(asc(invitations.email))
}

export async function organisationOptions(db: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return []
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...organisationIds]))
    .orderBy(asc(organisations.name))
}
