import { eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { users } from '~/db/schema/users'
import { checkPassword } from './login.server'
import { verifyTotpForSession } from './second-factor.server'
import { secondFactorThrottle } from './second-factor-throttle.server'

export type ConfirmField = 'currentCode' | 'currentPassword'

export type Confirmation =
  | { ok: true }
  | { ok: false; field: ConfirmField; error: 'missing' | 'format' | 'wrong' | 'throttled'; retryAfterSeconds: number }

/**
 * Proof beyond the session that the account's owner is at the keyboard,
 * before the second factor is replaced, turned off or given new recovery
 * codes (decision 016): a code from the app that is set up now, or the
 * password (for someone who signed in with a recovery code). Both go through
 * sign-in's own checks, so wrong ones count toward the same throttle: a code
 * as on the sign-in code page, a password as on the sign-in form (decision 019).
 */
export async function confirmIdentity(
  db: Executor,
  input: {
    userId: string
    sessionId: string
    code?: string
    password?: string
    ip: string
    deviceToken: string | null
  },
  now = new Date(),
): Promise<Confirmation> {
  const code = (input.code ?? '').replace(/[\s-]/g, '')
  const refuse = (field: ConfirmField, error: Exclude<Confirmation, { ok: true }>['error'], retryAfterSeconds = 0) => ({
    ok: false as const,
    field,
    error,
    retryAfterSeconds,
  })
  if (code) {
    if (!/^\d{6}$/.test(code)) return refuse('currentCode', 'format')
    const throttle = await secondFactorThrottle(db, input, now)
    if (throttle.retryAfterSeconds > 0) return refuse('currentCode', 'throttled', throttle.retryAfterSeconds)
    if (await verifyTotpForSession(db, { userId: input.userId, sessionId: input.sessionId, code }, now)) {
      await throttle.passed()
      return { ok: true }
    }
    await throttle.failed()
    return refuse('currentCode', 'wrong')
  }
  if (input.password) {
    const [user] = await db.select().from(users).where(eq(users.id, input.userId))
    const check = await checkPassword(
      db,
      { email: user?.email ?? '', user, password: input.password, ip: input.ip, deviceToken: input.deviceToken },
      now,
    )
    if (check.ok) return { ok: true }
    if (check.reason === 'throttled') return refuse('currentPassword', 'throttled', check.retryAfterSeconds)
    return refuse('currentPassword', 'wrong')
  }
  return refuse('currentCode', 'missing')
}
