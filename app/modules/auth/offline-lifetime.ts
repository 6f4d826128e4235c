// What the browser keeps for use without a network (the contact list, report
// drafts and reports waiting for a connection) lives no longer than the
// session it was stored in (docs/decisions/003). The server ends an idle
// session's copies with Clear-Site-Data at the next request; once the absolute
// lifetime is over the cookie is gone and the server never hears of it, so the
// copies carry their own end. public/sw.js holds a copy of `isFresh` (a worker
// cannot import this module); tests/unit/offline-lifetime.test.ts holds both
// to the same cases.

/** The figures the server hands a page that keeps something offline. */
export interface OfflineLifetime {
  /** When the current session ends at the latest (its absolute expiry), ms since 1970. */
  sessionEndsAt: number
  /** The longest any session lasts (SESSION_ABSOLUTE_HOURS), in ms. */
  maxAgeMs: number
  /** SESSION_IDLE_MINUTES: what the page tells the user about an idle session. */
  idleMinutes: number
}

export interface OfflineStamp {
  storedAt: number
  expiresAt: number
}

// A phone's clock set back a little after storing does not make a copy unreadable.
const CLOCK_SLACK_MS = 5 * 60_000

/** The stamp of a copy stored `now`: it ends with the session, and never lasts longer than a session can. */
export function offlineStamp(now: number, lifetime: Pick<OfflineLifetime, 'sessionEndsAt' | 'maxAgeMs'>): OfflineStamp {
  return { storedAt: now, expiresAt: Math.min(lifetime.sessionEndsAt, now + lifetime.maxAgeMs) }
}

/** Whether a stored copy may still be read: stamped, not past its end, and not older than `maxAgeMs`. */
export function isFresh(stamp: unknown, now: number, maxAgeMs: number): boolean {
  if (typeof stamp !== 'object' || stamp === null) return false
  const { storedAt, expiresAt } = stamp as Partial<Record<keyof OfflineStamp, unknown>>
  if (typeof storedAt !== 'number' || typeof expiresAt !== 'number') return false
  if (!Number.isFinite(storedAt) || !Number.isFinite(expiresAt) || !Number.isFinite(now)) return false
  return now >= storedAt - CLOCK_SLACK_MS && now < expiresAt && now - storedAt < maxAgeMs
}
