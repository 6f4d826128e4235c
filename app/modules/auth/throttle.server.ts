import { inArray, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { loginThrottle } from '~/db/schema/auth'

const SECOND = 1_000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/**
 * A count under one key of `login_throttle` (decision 019). From the
 * `delayFrom`-th event in a window on, each event makes the next attempt wait:
 * `firstDelayMs`, twice that after the next, and so on up to `maxDelayMs`.
 * A rule whose first and longest wait are equal is a plain limit.
 */
export interface ThrottleRule {
  delayFrom: number
  windowMs: number
  firstDelayMs: number
  maxDelayMs: number
}

export const rules = {
  /** Wrong passwords for one e-mail address from browsers not trusted for it (and /konto's check). */
  account: { delayFrom: 5, windowMs: 24 * HOUR, firstDelayMs: 30 * SECOND, maxDelayMs: 15 * MINUTE },
  /** Wrong passwords from one IP for addresses that are no active account: password spraying. */
  ip: { delayFrom: 50, windowMs: 15 * MINUTE, firstDelayMs: 15 * MINUTE, maxDelayMs: 15 * MINUTE },
  /** Wrong second-factor codes in one session. */
  secondFactorSession: { delayFrom: 5, windowMs: HOUR, firstDelayMs: 30 * SECOND, maxDelayMs: 15 * MINUTE },
  /** Wrong second-factor codes for one account from browsers not trusted for it. */
  secondFactorAccount: { delayFrom: 5, windowMs: 24 * HOUR, firstDelayMs: MINUTE, maxDelayMs: HOUR },
  /** Password-reset requests for one address, known or not. */
  resetAddress: { delayFrom: 3, windowMs: HOUR, firstDelayMs: HOUR, maxDelayMs: HOUR },
  /** Password-reset requests from one IP. */
  resetIp: { delayFrom: 20, windowMs: HOUR, firstDelayMs: HOUR, maxDelayMs: HOUR },
} satisfies Record<string, ThrottleRule>

const normaliseEmail = (email: string) => email.trim().toLowerCase()

export const throttleKeys = {
  account: (email: string) => `account:${normaliseEmail(email)}`,
  ip: (ip: string) => `ip:${ip}`,
  secondFactorSession: (sessionId: string) => `second-factor-session:${sessionId}`,
  secondFactorAccount: (userId: string) => `second-factor:${userId}`,
  resetAddress: (email: string) => `reset-address:${normaliseEmail(email)}`,
  resetIp: (ip: string) => `reset-ip:${ip}`,
}

export type ThrottleRow = typeof loginThrottle.$inferSelect

export async function readThrottle(db: Executor, keys: string[]): Promise<Map<string, ThrottleRow>> {
  if (keys.length === 0) return new Map()
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys))
  return new Map(rows.map((row) => [row.key, row]))
}

/** Milliseconds until none of the rows asks for a wait any more; 0 when none does. */
export function waitOf(rows: (ThrottleRow | undefined)[], now: Date): number {
  let wait = 0
  for (const row of rows) {
    if (row?.lockedUntil) wait = Math.max(wait, row.lockedUntil.getTime() - now.getTime())
  }
  return wait
}

/**
 * When the next attempt may come after the `count`-th event at `at`. The
 * exponent is capped so that a very long count cannot overflow a double.
 */
export function waitUntilSql(
  at: string,
  count: SQL,
  rule: Pick<ThrottleRule, 'delayFrom' | 'firstDelayMs' | 'maxDelayMs'>,
) {
  return sql`${at}::timestamptz + least(
    ${rule.firstDelayMs}::float8 * power(2, least(${count} - ${rule.delayFrom}::int, 30)),
    ${rule.maxDelayMs}::float8
  ) * interval '1 millisecond'`
}

/**
 * Counts one event (a failure; for the reset rules, a request) under `key`,
 * in one atomic upsert so that concurrent events from several processes all
 * count. `weight` 0 touches the row without counting, for paths that must
 * cost the same as one that counts.
 */
export async function recordFailure(
  db: Executor,
  key: string,
  rule: ThrottleRule,
  now = new Date(),
  weight: 0 | 1 = 1,
) {
  // Raw SQL skips drizzle's column mapping, and postgres.js (as drizzle sets it
  // up) cannot bind a Date: pass ISO strings and cast them.
  const at = now.toISOString()
  const windowStart = new Date(now.getTime() - rule.windowMs).toISOString()
  const expired = sql`login_throttle.window_started_at < ${windowStart}::timestamptz`
  const count = sql`(case when ${expired} then ${weight}::int else login_throttle.failures + ${weight}::int end)`
  const firstWait = weight >= rule.delayFrom ? new Date(now.getTime() + rule.firstDelayMs).toISOString() : null
  await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at, locked_until)
    values (${key}, ${weight}::int, ${at}::timestamptz, ${firstWait}::timestamptz)
    on conflict (key) do update set
      failures = ${count},
      window_started_at = case when ${expired} then ${at}::timestamptz else login_throttle.window_started_at end,
      locked_until = case
        when ${weight}::int > 0 and ${count} >= ${rule.delayFrom}::int then ${waitUntilSql(at, count, rule)}
        else login_throttle.locked_until end
  `)
}

export async function clearFailures(db: Executor, keys: string[]): Promise<void> {
  if (keys.length === 0) return
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, keys))
}
