import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { passwordResets } from '~/db/schema/auth'
import { memberships, users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import { forgetDevices } from '~/modules/auth/device-trust.server'
import { checkPassword, findUserByEmail } from '~/modules/auth/login.server'
import { hashPassword } from '~/modules/auth/password.server'
import { invalidateUserSessions } from '~/modules/auth/sessions.server'
import { clearFailures, readThrottle, recordFailure, rules, throttleKeys, waitOf } from '~/modules/auth/throttle.server'
import { generateToken, hashToken } from '~/modules/auth/tokens.server'
import type { Mailer } from '~/modules/mail/mailer.server'

export const RESET_LIFETIME_MS = 60 * 60_000

export type ResetRequestResult = { ok: true } | { ok: false; reason: 'throttled'; retryAfterMinutes: number }

type Later = (task: () => Promise<void>) => void

// Not awaited: the answer must neither wait for nor be timed by the work for a real account.
const afterTheAnswer: Later = (task) => void setImmediate(() => void task())

/**
 * Answers the same, after the same statements, whether or not the address
 * belongs to someone: only the throttle (per address and per IP, counted for
 * every request) runs before the answer. Looking the address up, making the
 * link and sending it run in `later`, after the answer.
 */
export async function requestPasswordReset(
  db: Database,
  mailer: Mailer,
  input: { email: string; origin: string; ip: string },
  now = new Date(),
  later: Later = afterTheAnswer,
): Promise<ResetRequestResult> {
  const address = throttleKeys.resetAddress(input.email)
  const ip = throttleKeys.resetIp(input.ip)
  const wait = waitOf([...(await readThrottle(db, [address, ip])).values()], now)
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMinutes: Math.ceil(wait / 60_000) }
  await recordFailure(db, address, rules.resetAddress, now)
  await recordFailure(db, ip, rules.resetIp, now)
  later(() => sendResetLink(db, mailer, input, now))
  return { ok: true }
}

/** Only an active account gets a link. */
async function sendResetLink(db: Database, mailer: Mailer, input: { email: string; origin: string }, now: Date) {
  try {
    const user = await findUserByEmail(db, input.email)
    if (!user || !user.active) return
    const token = generateToken()
    await db.transaction(async (tx) => {
      const [reset] = await tx
        .insert(passwordResets)
        .values({
          tokenHash: hashToken(token),
          userId: user.id,
          createdAt: now,
          expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS),
        })
        .returning()
      await recordAudit(tx, {
        userId: user.id,
        organisationId: null,
        entity: 'password_reset',
        entityId: reset!.id,
        action: 'create',
      })
    })
    const link = `${input.origin}/aterstall/${token}`
    const sent = await mailer.send(db, {
      to: user.email,
      subject: 'Återställ ditt lösenord i områdesansvarsportalen',
      text: [
        `Hej ${user.name}!`,
        '',
        'Någon (förhoppningsvis du) bad om att återställa lösenordet till ditt konto.',
        'Öppna länken inom en timme för att välja ett nytt lösenord. Länken fungerar en gång.',
        '',
        link,
        '',
        'Om du inte bad om detta kan du bortse från meddelandet; ditt lösenord är oförändrat.',
      ].join('\n'),
    })
    // Without a mail server the outbox keeps the message but shows no link, and
    // only a coordinator can read the outbox: so that the coordinator can still
    // get in, their own link goes to whoever runs the server.
    if (sent === 'outbox' && (await isCoordinator(db, user.id))) {
      console.log(
        [
          '',
          `Ingen e-postserver (SMTP_URL) är inställd. Länk för att välja nytt lösenord för samordnaren ${user.email}`,
          `(No mail server (SMTP_URL) is set. Link to choose a new password for the coordinator ${user.email}):`,
          `  ${link}`,
          'Länken gäller en timme och fungerar en gång. / The link is valid for one hour, once.',
          '',
        ].join('\n'),
      )
    }
  } catch (error) {
    // Never with the link: a failed send is reported by what failed.
    console.error(`Återställningslänken kunde inte skickas: ${error instanceof Error ? error.message : String(error)}`)
  }
}

async function isCoordinator(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'coordinator')))
    .limit(1)
  return Boolean(row)
}

/** Every open reset link of the account stops working: one was used, the password changed, or the account was closed. */
export async function voidPasswordResets(db: Executor, userId: string, now = new Date()): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
}

export async function isResetTokenValid(db: Database, token: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
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
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(input.token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .returning()
    if (!reset) return { ok: false as const }
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: now, version: sql`${users.version} + 1` })
      .where(and(eq(users.id, reset.userId), eq(users.active, true)))
      .returning({ id: users.id, email: users.email })
    if (!user) return { ok: false as const }
    await voidPasswordResets(tx, user.id, now)
    await invalidateUserSessions(tx, user.id)
    await forgetDevices(tx, user.id)
    // The link proves the mailbox: the owner gets a fresh count of sign-in attempts.
    await clearFailures(tx, [throttleKeys.account(user.email)])
    await recordAudit(tx, {
      userId: user.id,
      organisationId: null,
      entity: 'user',
      entityId: user.id,
      action: 'password_reset',
    })
    return { ok: true as const, userId: user.id }
  })
}

export type ChangePasswordResult =
  { ok: true } | { ok: false; error: 'wrongCurrent' } | { ok: false; error: 'throttled'; retryAfterSeconds: number }

/**
 * Checks the current password under the sign-in throttle, then ends every
 * session of the account, voids its reset links and forgets its trusted
 * devices; the caller signs the current browser in again.
 */
export async function changePassword(
  db: Database,
  input: {
    userId: string
    currentPassword: string
    newPassword: string
    ip?: string
    deviceToken?: string | null
  },
  now = new Date(),
): Promise<ChangePasswordResult> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId))
  const check = await checkPassword(
    db,
    {
      email: user?.email ?? '',
      user,
      password: input.currentPassword,
      ip: input.ip ?? 'unknown',
      deviceToken: input.deviceToken,
    },
    now,
  )
  if (!check.ok && check.reason === 'throttled') {
    return { ok: false, error: 'throttled', retryAfterSeconds: check.retryAfterSeconds }
  }
  if (!check.ok || !user) return { ok: false, error: 'wrongCurrent' }
  const passwordHash = await hashPassword(input.newPassword)
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id))
    await voidPasswordResets(tx, user.id, now)
    await invalidateUserSessions(tx, user.id)
    await forgetDevices(tx, user.id)
    await recordAudit(tx, {
      userId: user.id,
      organisationId: null,
      entity: 'user',
      entityId: user.id,
      action: 'password_change',
    })
  })
  return { ok: true }
}
