import { getSession } from './guards.server'
import type { OfflineLifetime } from './offline-lifetime'
import { sessionPolicy } from './session-cookie.server'

/** How long what this request's page keeps offline may live: call it after the page's guard. */
export async function offlineLifetime(request: Request): Promise<OfflineLifetime> {
  const current = await getSession(request)
  const policy = sessionPolicy()
  return {
    // Without a session nothing may be kept: it ends now.
    sessionEndsAt: current ? current.session.expiresAt.getTime() : Date.now(),
    maxAgeMs: policy.absoluteMs,
    idleMinutes: Math.round(policy.idleMs / 60_000),
  }
}

/** The same figures as headers, for the service worker that keeps the contact list. */
export function offlineLifetimeHeaders(lifetime: OfflineLifetime): Record<string, string> {
  return {
    'X-Offline-Session-Ends': String(lifetime.sessionEndsAt),
    'X-Offline-Max-Age-Ms': String(lifetime.maxAgeMs),
  }
}
