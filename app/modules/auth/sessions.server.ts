import { eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { sessions, totpCredentials, type Session } from '~/db/schema/auth'
import { memberships, users, type User } from '~/db/schema/users'
import type { MembershipRef } from './permissions'
import { generateToken, hashToken } from './tokens.server'

export interface SessionPolicy {
  idleMs: number
  absoluteMs: number
}

export interface SessionUser {
  id: string
  email: string
  name: string
  memberships: MembershipRef[]
}

export interface ValidSession {
  session: Session
  user: SessionUser
  /** Whether the user has an authenticator app set up. */
  enrolled: boolean
}

// Writing last_seen_at on every request would turn every read into a write.
const LAST_SEEN_GRANULARITY_MS = 60_000

export async function createSession(
  db: Executor,
  userId: string,
  policy: SessionPolicy,
  now = new Date(),
  options: { twoFactorVerified?: boolean } = {},
): Promise<{ token: string; session: Session }> {
  const token = generateToken()
  const [session] = await db
    .insert(sessions)
    .values({
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteMs),
      twoFactorVerified: options.twoFactorVerified ?? false,
    })
    .returning()
  return { token, session: session! }
}

/** Null when the token is unknown, idle too long, past its absolute lifetime, or the user is inactive. */
export async function validateSessionToken(
  db: Executor,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<ValidSession | null> {
  const id = hashToken(token)
  const [row] = await db
    .select({ session: sessions, user: users, totpUserId: totpCredentials.userId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(totpCredentials, eq(totpCredentials.userId, sessions.userId))
    .where(eq(sessions.id, id))
  if (!row) return null
  const { session, user, totpUserId } = row
  const idleExpired = now.getTime() - session.lastSeenAt.getTime() >= policy.idleMs
  if (!user.active || idleExpired || now >= session.expiresAt) {
    await db.delete(sessions).where(eq(sessions.id, id))
    return null
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id))
    session.lastSeenAt = now
  }
  return { session, user: await loadSessionUser(db, user), enrolled: totpUserId !== null }
}

export async function loadSessionUser(db: Executor, user: User): Promise<SessionUser> {
  const rows = await db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
  return { id: user.id, email: user.email, name: user.name, memberships: rows }
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId))
}

export async function invalidateUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId))
}
