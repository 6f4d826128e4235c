import { sql } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { users, type User } from '~/db/schema/users'
import { deviceKey, isTrustedDevice, recordDeviceFailure } from './device-trust.server'
import { verifyAgainstDummy, verifyPassword } from './password.server'
import { clearFailures, readThrottle, recordFailure, rules, throttleKeys, waitOf } from './throttle.server'

export type PasswordCheck =
  { ok: true } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

export type LoginResult = { ok: true; user: User } | Exclude<PasswordCheck, { ok: true }>

export async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
  return user
}

/**
 * A password typed for `email` (decision 019). A browser trusted for the
 * account answers only to its own count; any other is held back by the
 * account's count and by its IP's count of failures for addresses that are no
 * account. Unknown e-mail, wrong password and inactive account answer
 * "invalid" after the same argon2 work and the same statements.
 */
export async function checkPassword(
  db: Executor,
  input: { email: string; user: User | undefined; password: string; ip: string; deviceToken?: string | null },
  now = new Date(),
): Promise<PasswordCheck> {
  const account = throttleKeys.account(input.email)
  const ip = throttleKeys.ip(input.ip)
  // Always a device key, one that cannot exist without a user and a token, so every path reads alike.
  const device = deviceKey(input.user?.id ?? 'none', input.deviceToken ?? '')
  const rows = await readThrottle(db, [account, ip, device])
  const trusted = isTrustedDevice(rows.get(device), now)
  const wait = trusted ? waitOf([rows.get(device)], now) : waitOf([rows.get(account), rows.get(ip)], now)
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) }

  const user = input.user?.passwordHash && input.user.active ? input.user : null
  const valid = user
    ? await verifyPassword(user.passwordHash!, input.password)
    : await verifyAgainstDummy(input.password)
  if (valid) {
    // The attacker's count of a trusted device's account stays; an unknown browser that knew the password ends it.
    if (!trusted) await clearFailures(db, [account])
    return { ok: true }
  }
  if (trusted) {
    await recordDeviceFailure(db, device, now)
  } else {
    await recordFailure(db, account, rules.account, now)
    // Only failures for addresses that are no account count against the IP, so
    // that guessing at colleagues' accounts cannot hold back a whole office.
    await recordFailure(db, ip, rules.ip, now, user ? 0 : 1)
  }
  return { ok: false, reason: 'invalid' }
}

export async function attemptLogin(
  db: Executor,
  input: { email: string; password: string; ip: string; deviceToken?: string | null },
  now = new Date(),
): Promise<LoginResult> {
  const user = await findUserByEmail(db, input.email)
  const check = await checkPassword(db, { ...input, user }, now)
  if (!check.ok) return check
  return { ok: true, user: user! }
}
