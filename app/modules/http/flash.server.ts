// A notice for the next page ("Sparat.", "Mötet är skapat."), carried across
// a redirect in a short-lived signed cookie that the root loader reads once
// and clears (docs/decisions/030). Before, each page read its own query flag
// (`?sparat=1`), which stayed in the address, in the history and in links
// copied from it, and announced "Sparat" again on every reload.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { redirect } from '@remix-run/node'
import { cookiesAreSecure, getEnv } from '~/config/env.server'
import { isMessageKey } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import { isNotice, type Notice } from './notice'

export type { Notice } from './notice'

/** Long enough for the redirect's GET, short enough that a notice never greets a later visit. */
const MAX_AGE_SECONDS = 60

function cookieName(): string {
  return cookiesAreSecure() ? '__Host-flash' : 'flash'
}

function attributes(maxAgeSeconds: number): string {
  const parts = ['Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`]
  if (cookiesAreSecure()) parts.push('Secure')
  return parts.join('; ')
}

// COOKIE_SECRET when set (several portal processes behind one address must
// share it); otherwise a key of this process's own. A notice signed by another
// (or an earlier) process is then dropped, never shown unsigned.
let processKey: Buffer | null = null
function signingKey(): Buffer {
  const configured = getEnv().COOKIE_SECRET
  if (configured) return Buffer.from(configured, 'utf8')
  processKey ??= randomBytes(32)
  return processKey
}

function sign(payload: string): string {
  return createHmac('sha256', signingKey()).update(payload).digest('base64url')
}

export function serializeFlashCookie(notice: Notice): string {
  const payload = Buffer.from(JSON.stringify(notice), 'utf8').toString('base64url')
  return `${cookieName()}=${payload}.${sign(payload)}; ${attributes(MAX_AGE_SECONDS)}`
}

function clearedFlashCookie(): string {
  return `${cookieName()}=; ${attributes(0)}`
}

/** Headers that carry a notice to the next page: for a redirect, or beside other headers. */
export function flashHeaders(notice: Notice, headers: HeadersInit = {}): Headers {
  const merged = new Headers(headers)
  merged.append('Set-Cookie', serializeFlashCookie(notice))
  return merged
}

/** A redirect whose next page shows the notice: `redirectWithNotice(to, { kind: 'success', message: 'common.saved' })`. */
export function redirectWithNotice(to: string, notice: Notice, init: ResponseInit = {}): Response {
  return redirect(to, { ...init, headers: flashHeaders(notice, init.headers) })
}

/** A success notice of one message: the common case. */
export function saved(message: MessageKey, values?: Notice['values']): Notice {
  return values ? { kind: 'success', message, values } : { kind: 'success', message }
}

function readCookie(request: Request): string | null {
  const header = request.headers.get('Cookie')
  if (!header) return null
  const name = cookieName()
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

function verified(value: string): Notice | null {
  const dot = value.lastIndexOf('.')
  if (dot <= 0) return null
  const payload = value.slice(0, dot)
  const given = Buffer.from(value.slice(dot + 1), 'base64url')
  const expected = Buffer.from(sign(payload), 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const notice: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    return isNotice(notice) && isMessageKey(notice.message) ? notice : null
  } catch {
    return null
  }
}

/**
 * The notice the request carries, if its signature holds, and the header that
 * clears it: read once. A forged or stale cookie is cleared and shows nothing.
 */
export function readFlash(request: Request): { notice: Notice | null; headers: Headers | null } {
  const value = readCookie(request)
  if (value === null) return { notice: null, headers: null }
  return { notice: verified(value), headers: new Headers({ 'Set-Cookie': clearedFlashCookie() }) }
}
