import { inArray, sql } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { loginThrottle } from '~/db/schema/auth'

export interface ThrottleRule {
  maxFailures: number
  windowMs: number
  lockMs: number
}

// Per account: a person mistyping a few times is fine; guessing is not.
// Per IP: looser, since many people can sit behind one municipal NAT.
export const accountRule: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 }
export const ipRule: ThrottleRule = { maxFailures: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 }

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`
export const ipKey = (ip: string) => `ip:${ip}`

/** The latest lock among the keys, or null when none is locked now. */
export async function lockedUntil(db: Executor, keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys))
  let latest: Date | null = null
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil > now && (!latest || row.lockedUntil > latest)) {
      latest = row.lockedUntil
    }
  }
  return latest
}

/** One atomic upsert per key, so concurrent failures from several processes all count. */
export async function recordFailure(db: Executor, key: string, rule: ThrottleRule, now = new Date()) {
  // Raw SQL skips drizzle's column mapping, and postgres.js (as drizzle sets it
  // up) cannot bind a Date: pass ISO strings and cast them.
  const at = now.toISOString()
  const windowStart = new Date(now.getTime() - rule.windowMs).toISOString()
  const lockUntil = new Date(now.getTime() + rule.lockMs).toISOString()
  await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at, locked_until)
    values (${key}, 1, ${at}::timestamptz, ${rule.maxFailures <= 1 ? lockUntil : null}::timestamptz)
    on conflict (key) do update set
      failures = case when login_throttle.window_started_at < ${windowStart}::timestamptz
                      then 1 else login_throttle.failures + 1 end,
      window_started_at = case when login_throttle.window_started_at < ${windowStart}::timestamptz
                               then ${at}::timestamptz else login_throttle.window_started_at end,
      locked_until = case
        when login_throttle.window_started_at >= ${windowStart}::timestamptz
             and login_throttle.failures + 1 >= ${rule.maxFailures}
        then ${lockUntil}::timestamptz
        else login_throttle.locked_until end
  `)
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [key]))
}
