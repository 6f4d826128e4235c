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

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get('Cookie')
  if (!header) return null
  const name = cookieName()
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) {
      const value = rest.join('=')
      return /^[a-z2-7]{32}$/.test(value) ? value : null
    }
  }
  return null
}
