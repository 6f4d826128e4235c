import { asc, eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import type { Role } from '~/db/enums'
import { totpCredentials } from '~/db/schema/auth'
import { organisations } from '~/db/schema/organisations'
import { memberships, users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import { forgetDevices } from '~/modules/auth/device-trust.server'
import { invalidateUserSessions } from '~/modules/auth/sessions.server'
import { voidPasswordResets } from './passwords.server'

export async function listUsersWithMemberships(db: Executor) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      active: users.active,
      version: users.version,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      role: memberships.role,
      secondFactor: totpCredentials.userId,
    })
    .from(users)
    .leftJoin(totpCredentials, eq(totpCredentials.userId, users.id))
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .orderBy(asc(users.name), asc(organisations.name))
  const byUser = new Map<
    string,
    {
      id: string
      email: string
      name: string
      active: boolean
      version: number
      secondFactor: boolean
      memberships: { organisationId: string; organisationName: string; role: Role }[]
    }
  >()
  for (const row of rows) {
    let user = byUser.get(row.id)
    if (!user) {
      user = {
        id: row.id,
        email: row.email,
        name: row.name,
        active: row.active,
        version: row.version,
        secondFactor: row.secondFactor !== null,
        memberships: [],
      }
      byUser.set(row.id, user)
    }
    if (row.organisationId && row.organisationName && row.role) {
      user.memberships.push({
        organisationId: row.organisationId,
        organisationName: row.organisationName,
        role: row.role,
      })
    }
  }
  return [...byUser.values()]
}

export type SetActiveResult = { ok: true } | { ok: false; error: 'notFound' | 'conflict' | 'self' }

/** Deactivating ends all the user's sessions and voids their reset links in the same transaction. */
export async function setUserActive(
  db: Database,
  input: { actorId: string; userId: string; active: boolean; version: number },
): Promise<SetActiveResult> {
  if (input.actorId === input.userId && !input.active) return { ok: false, error: 'self' }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, input.userId))
    if (!before) return { ok: false as const, error: 'notFound' as const }
    const [after] = await tx
      .update(users)
      .set({ active: input.active, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(sql`${users.id} = ${input.userId} and ${users.version} = ${input.version}`)
      .returning()
    if (!after) return { ok: false as const, error: 'conflict' as const }
    if (!input.active) {
      await invalidateUserSessions(tx, input.userId)
      // Reactivating later must not revive a link or a trusted browser from before.
      await voidPasswordResets(tx, input.userId)
      await forgetDevices(tx, input.userId)
    }
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: null,
      entity: 'user',
      entityId: input.userId,
      action: input.active ? 'activate' : 'deactivate',
      changes: { active: { before: before.active, after: input.active } },
    })
    return { ok: true as const }
  })
}
