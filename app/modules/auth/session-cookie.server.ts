import { cookiesAreSecure, getEnv } from '~/config/env.server'
import type { SessionPolicy } from './sessions.server'

export function sessionPolicy(): SessionPolicy {
  const env = getEnv()
  return {
    idleMs: env.SESSION_IDLE_MINUTES * 60_000,
    absoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
  }
}

function cookieName(): string {
  // The __Host- prefix makes the browser refuse the cookie unless it is Secure, path=/, host-only.
  return cookiesAreSecure() ? '__Host-session' : 'session'
}

function attributes(maxAgeSeconds: number): string {
  const parts = ['Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`]
  if (cookiesAreSecure()) parts.push('Secure')
  return parts.join('; ')
}

export function serializeSessionCookie(token: string, expiresAt: Date, now = new Date()): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000))
  return `${cookieName()}=${token}; ${attributes(maxAge)}`
}

export function serializeClearedSessionCookie(): string {
  return `${cookieName()}=; ${attributes(0)}`
}

const CLEAR_SITE_DATA = '"cache", "storage"'

/**
 * What a response sends when the session it was asked with has ended: the
 * cookie goes, and the browser drops the offline contact list, the service
 * worker and report drafts kept for that session (docs/decisions/003).
 */
export function endedSessionHeaders(): Headers {
  return new Headers({ 'Set-Cookie': serializeClearedSessionCookie(), 'Clear-Site-Data': CLEAR_SITE_DATA })
}

/**
 * A response that clears the session cookie clears the site's data with it.
 * Remix keeps a loader's or an action's Set-Cookie through its header merge,
 * but not other headers of a refused (4xx) request, so the entry adds this.
 */
export function clearSiteDataWithSession(headers: Headers): void {
  const cleared = `${cookieName()}=; `
  if (headers.getSetCookie().some((cookie) => cookie.startsWith(cleared) && /(?:^|; )Max-Age=0(?:;|$)/.test(cookie))) {
    headers.set('Clear-Site-Data', CLEAR_SITE_DATA)
  }
}

/** Whether the request names a session cookie at all, valid or not. */
export function carriesSessionCookie(request: Request): boolean {
  const name = cookieName()
  return (request.headers.get('Cookie') ?? '').split(';').some((part) => part.trim().split('=')[0] === name)
}

/** A token cookie's value (160 bits, base32), or null when it is missing or not of that shape. */
export function readTokenCookie(request: Request, name: string): string | null {
  const header = request.headers.get('Cookie')
  if (!header) return null
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) {
      const value = rest.join('=')
      return /^[a-z2-7]{32}$/.test(value) ? value : null
    }
  }
  return null
}

export function readSessionToken(request: Request): string | null {
  return readTokenCookie(request, cookieName())
}
