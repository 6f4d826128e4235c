import { redirect } from '@remix-run/node'
import type { Executor } from '~/db/client.server'
import { serializeClearedSessionCookie, serializeSessionCookie, sessionPolicy } from './session-cookie.server'
import { createSession } from './sessions.server'

/** Starts a session and redirects with its cookie. */
export async function signInAndRedirect(db: Executor, userId: string, to: string): Promise<Response> {
  const { token, session } = await createSession(db, userId, sessionPolicy())
  return redirect(to, { headers: { 'Set-Cookie': serializeSessionCookie(token, session.expiresAt) } })
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
