import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { invitations } from '~/db/schema/auth'
import { organisations } from '~/db/schema/organisations'
import { memberships, users } from '~/db/schema/users'

// The council's informants: accounts with the informant role in one of the
// council's organisations, and invitations to such accounts not yet used.

export async function listInformants(db: Executor, organisationIds: readonly string[], now = new Date()) {
  if (organisationIds.length === 0) return { active: [], pending: [] }
  const [active, pending] = await Promise.all([
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        active: users.active,
        organisationName: organisations.name,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(and(eq(memberships.role, 'informant'), inArray(memberships.organisationId, [...organisationIds])))
      .orderBy(asc(users.name)),
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        organisationName: organisations.name,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
      .where(
        and(
          eq(invitations.role, 'informant'),
          inArray(invitations.organisationId, [...organisationIds]),
          isNull(invitations.usedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .orderBy(asc(invitations.email)),
  ])
  return { active, pending }
}

export async function organisationOptions(db: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return []
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...organisationIds]))
    .orderBy(asc(organisations.name))
}
