import { sql } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { users, type User } from '~/db/schema/users'
import { verifyAgainstDummy, verifyPassword } from './password.server'
import { accountKey, accountRule, clearFailures, ipKey, ipRule, lockedUntil, recordFailure } from './throttle.server'

export type LoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMinutes: number }

export async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
  return user
}

/**
 * Unknown e-mail, wrong password and inactive account all answer "invalid",
 * after the same argon2 work, so the answer tells nothing about who exists.
 */
export async function attemptLogin(
  db: Executor,
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<LoginResult> {
  const keys = [accountKey(input.email), ipKey(input.ip)]
  const locked = await lockedUntil(db, keys, now)
  if (locked) {
    return { ok: false, reason: 'throttled', retryAfterMinutes: Math.ceil((locked.getTime() - now.getTime()) / 60_000) }
  }
  const user = await findUserByEmail(db, input.email)
  const valid =
    user?.passwordHash && user.active
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstDummy(input.password)
  if (!valid || !user) {
    await recordFailure(db, keys[0]!, accountRule, now)
    await recordFailure(db, keys[1]!, ipRule, now)
    return { ok: false, reason: 'invalid' }
  }
  await clearFailures(db, keys[0]!)
  return { ok: true, user }
}
