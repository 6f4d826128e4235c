import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Database } from '~/db/client.server'
import { passwordResets } from '~/db/schema/auth'
import { users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import { findUserByEmail } from '~/modules/auth/login.server'
import { hashPassword, verifyPassword } from '~/modules/auth/password.server'
import { invalidateUserSessions } from '~/modules/auth/sessions.server'
import { generateToken, hashToken } from '~/modules/auth/tokens.server'
import type { Mailer } from '~/modules/mail/mailer.server'

export const RESET_LIFETIME_MS = 60 * 60_000

/**
 * Answers the same whether or not the address belongs to someone; only an
 * active account gets a link.
 */
export async function requestPasswordReset(
  db: Database,
  mailer: Mailer,
  input: { email: string; origin: string },
  now = new Date(),
): Promise<void> {
  const user = await findUserByEmail(db, input.email)
  if (!user || !user.active) return
  const token = generateToken()
  await db.transaction(async (tx) => {
    const [reset] = await tx
      .insert(passwordResets)
      .values({ tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS) })
      .returning()
    await recordAudit(tx, { userId: user.id, organisationId: null, entity: 'password_reset', entityId: reset!.id, action: 'create' })
  })
  try {
    await mailer.send(db, {
      to: user.email,
      subject: 'Återställ ditt lösenord i områdesansvarsportalen',
      text: [
        `Hej ${user.name}!`,
        '',
        'Någon (förhoppningsvis du) bad om att återställa lösenordet till ditt konto.',
        'Öppna länken inom en timme för att välja ett nytt lösenord. Länken fungerar en gång.',
        '',
        `${input.origin}/aterstall/${token}`,
        '',
        'Om du inte bad om detta kan du bortse från meddelandet; ditt lösenord är oförändrat.',
      ].join('\n'),
    })
  } catch {
    // The answer must not reveal whether the address exists, so a failed send is only logged by the caller's logger.
  }
}

export async function isResetTokenValid(db: Database, token: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
  return Boolean(row)
}

/** Sets the new password and ends every session of the account. */
export async function resetPassword(
  db: Database,
  input: { token: string; password: string },
  now = new Date(),
): Promise<{ ok: true; userId: string } | { ok: false }> {
  const passwordHash = await hashPassword(input.password)
  return db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, hashToken(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning()
    if (!reset) return { ok: false as const }
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: now, version: sql`${users.version} + 1` })
      .where(and(eq(users.id, reset.userId), eq(users.active, true)))
      .returning({ id: users.id })
    if (!user) return { ok: false as const }
    await invalidateUserSessions(tx, user.id)
    await recordAudit(tx, { userId: user.id, organisationId: null, entity: 'user', entityId: user.id, action: 'password_reset' })
    return { ok: true as const, userId: user.id }
  })
}

export type ChangePasswordResult = { ok: true } | { ok: false; error: 'wrongCurrent' }

/** Ends every session of the account; the caller signs the current browser in again. */
export async function changePassword(
  db: Database,
  input: { userId: string; currentPassword: string; newPassword: string },
): Promise<ChangePasswordResult> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId))
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, error: 'wrongCurrent' }
  }
  const passwordHash = await hashPassword(input.newPassword)
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id))
    await invalidateUserSessions(tx, user.id)
    await recordAudit(tx, { userId: user.id, organisationId: null, entity: 'user', entityId: user.id, action: 'password_change' })
  })
  return { ok: true }
}
