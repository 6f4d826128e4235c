import { like, sql } from 'drizzle-orm'
import { cookiesAreSecure } from '~/config/env.server'
import type { Executor } from '~/db/client.server'
import { loginThrottle } from '~/db/schema/auth'
import { type ThrottleRow, waitUntilSql } from './throttle.server'
import { readTokenCookie } from './session-cookie.server'
import { generateToken, hashToken } from './tokens.server'

/**
 * Device cookies, after OWASP's "Slow Down Online Guessing Attacks with Device
 * Cookies" (decision 019). A browser carries one random token; once a sign-in
 * to an account is complete there (password, and the second factor when the
 * account has one), the row `device:<user id>:<SHA-256 of the token>` in
 * `login_throttle` says the browser is trusted for that account. Its
 * `window_started_at` is when that last happened; `failures` and
 * `locked_until` are the device's own count and wait. Attempts from a trusted
 * device are not held back by the account's or the IP's count.
 */
const DAY = 24 * 60 * 60_000
export const DEVICE_TRUST_MS = 180 * DAY
// A trusted device has more room for typos, and no window: only a complete sign-in resets its count.
export const deviceRule = { delayFrom: 10, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000 }

export const deviceKey = (userId: string, token: string) => `device:${userId}:${hashToken(token)}`

function cookieName(): string {
  return cookiesAreSecure() ? '__Host-device' : 'device'
}

export function readDeviceToken(request: Request): string | null {
  return readTokenCookie(request, cookieName())
}

export function serializeDeviceCookie(token: string): string {
  const parts = [`${cookieName()}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${DEVICE_TRUST_MS / 1000}`]
  if (cookiesAreSecure()) parts.push('Secure')
  return parts.join('; ')
}

export function isTrustedDevice(row: ThrottleRow | undefined, now: Date): row is ThrottleRow {
  return Boolean(row && row.windowStartedAt.getTime() > now.getTime() - DEVICE_TRUST_MS)
}

/** Trusts the browser for the account from now, with a clean count. */
export async function trustDevice(db: Executor, userId: string, token: string, now = new Date()): Promise<void> {
  const at = now.toISOString()
  await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at, locked_until)
    values (${deviceKey(userId, token)}, 0, ${at}::timestamptz, null)
    on conflict (key) do update set failures = 0, window_started_at = ${at}::timestamptz, locked_until = null
  `)
}

/** At the end of a complete sign-in: trusts this browser for the account and returns the cookie that says so. */
export async function trustThisBrowser(
  db: Executor,
  request: Request,
  userId: string,
  now = new Date(),
): Promise<string> {
  const token = readDeviceToken(request) ?? generateToken()
  await trustDevice(db, userId, token, now)
  return serializeDeviceCookie(token)
}

/** A failure from a trusted device counts on that device only; it never creates trust. */
export async function recordDeviceFailure(db: Executor, key: string, now = new Date()): Promise<void> {
  const at = now.toISOString()
  const count = sql`(login_throttle.failures + 1)`
  await db.execute(sql`
    update login_throttle set
      failures = ${count},
      locked_until = case when ${count} >= ${deviceRule.delayFrom}::int then ${waitUntilSql(at, count, deviceRule)}
                          else login_throttle.locked_until end
    where key = ${key}
  `)
}

/** A new password or a deactivated account: no browser stays trusted for it. */
export async function forgetDevices(db: Executor, userId: string): Promise<void> {
  // A uuid holds no LIKE wildcards.
  await db.delete(loginThrottle).where(like(loginThrottle.key, `device:${userId}:%`))
}
