import { redirect } from '@remix-run/node'
import type { Executor } from '~/db/client.server'
import { trustThisBrowser } from './device-trust.server'
import { serializeClearedSessionCookie, serializeSessionCookie, sessionPolicy } from './session-cookie.server'
import { secondFactorPath } from './guards.server'
import { isEnrolled, secondFactorStep } from './second-factor.server'
import { createSession, loadSessionUser } from './sessions.server'
import { users } from '~/db/schema/users'
import { eq } from 'drizzle-orm'
import { flashHeaders, serializeFlashCookie, type Notice } from '~/modules/http/flash.server'

/**
 * Starts a session and redirects with its cookie: to `to`, or first to the
 * second factor the account owes. A session that replaces one which had
 * passed it (a changed password) keeps that. When the sign-in is complete
 * here, the browser of `request` becomes trusted for the account (decision 019).
 */
export async function signInAndRedirect(
  db: Executor,
  userId: string,
  to: string,
  options: { twoFactorVerified?: boolean; request?: Request; notice?: Notice } = {},
): Promise<Response> {
  const now = new Date()
  const { token, session } = await createSession(db, userId, sessionPolicy(), now, options)
  const [user] = await db.select().from(users).where(eq(users.id, userId))
  const step = secondFactorStep({
    sessionVerified: session.twoFactorVerified,
    enrolled: await isEnrolled(db, userId),
    memberships: user ? (await loadSessionUser(db, user)).memberships : [],
  })
  const owed = step === 'code' || step === 'enrol'
  const headers = new Headers({ 'Set-Cookie': serializeSessionCookie(token, session.expiresAt) })
  if (!owed && options.request) headers.append('Set-Cookie', await trustThisBrowser(db, options.request, userId, now))
  if (options.notice) headers.append('Set-Cookie', serializeFlashCookie(options.notice))
  return redirect(owed ? secondFactorPath(step, to) : to, { headers })
}

/** Also tells the browser to drop the offline contact list and the service worker. */
export function signedOutRedirect(to: string, notice?: Notice): Response {
  const headers = new Headers({ 'Set-Cookie': serializeClearedSessionCookie(), 'Clear-Site-Data': '"cache", "storage"' })
  return redirect(to, { headers: notice ? flashHeaders(notice, headers) : headers })
}
