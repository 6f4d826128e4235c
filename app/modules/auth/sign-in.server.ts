import { redirect } from '@remix-run/node'
import type { Executor } from '~/db/client.server'
import { serializeClearedSessionCookie, serializeSessionCookie, sessionPolicy } from './session-cookie.server'
import { secondFactorPath } from './guards.server'
import { isEnrolled, secondFactorStep } from './second-factor.server'
import { createSession, loadSessionUser } from './sessions.server'
import { users } from '~/db/schema/users'
import { eq } from 'drizzle-orm'

/**
 * Starts a session and redirects with its cookie: to `to`, or first to the
 * second factor the account owes. A session that replaces one which had
 * passed it (a changed password) keeps that.
 */
export async function signInAndRedirect(
  db: Executor,
  userId: string,
  to: string,
  options: { twoFactorVerified?: boolean } = {},
): Promise<Response> {
  const { token, session } = await createSession(db, userId, sessionPolicy(), new Date(), options)
  const [user] = await db.select().from(users).where(eq(users.id, userId))
  const step = secondFactorStep({
    sessionVerified: session.twoFactorVerified,
    enrolled: await isEnrolled(db, userId),
    memberships: user ? (await loadSessionUser(db, user)).memberships : [],
  })
  const target = step === 'code' || step === 'enrol' ? secondFactorPath(step, to) : to
  return redirect(target, { headers: { 'Set-Cookie': serializeSessionCookie(token, session.expiresAt) } })
}

/** Also tells the browser to drop the offline contact list and the service worker. */
export function signedOutRedirect(to: string): Response {
  return redirect(to, {
    headers: { 'Set-Cookie': serializeClearedSessionCookie(), 'Clear-Site-Data': '"cache", "storage"' },
  })
}

export function siteOrigin(request: Request, publicUrl?: string): string {
  return publicUrl ? new URL(publicUrl).origin : new URL(request.url).origin
}
