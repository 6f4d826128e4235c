import { redirect } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { forbidden } from '~/modules/http/responses'
import { can, type Action, type Resource } from './permissions'
import { carriesSessionCookie, endedSessionHeaders, readSessionToken, sessionPolicy } from './session-cookie.server'
import { safeRedirect as safeRedirectOn } from './safe-redirect'
import { portalOrigin } from '~/config/env.server'
import { secondFactorStep, type SecondFactorStep } from './second-factor.server'
import { validateSessionToken, type SessionUser, type ValidSession } from './sessions.server'
import { flashHeaders } from '~/modules/http/flash.server'

/** A path on the portal's own origin to send the user back to, or the fallback. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  return safeRedirectOn(target, fallback, portalOrigin())
}

// Root and route loaders of one request share the lookup.
const perRequest = new WeakMap<Request, Promise<ValidSession | null>>()

export function getSession(request: Request): Promise<ValidSession | null> {
  let pending = perRequest.get(request)
  if (!pending) {
    pending = (async () => {
      const token = readSessionToken(request)
      if (!token) return null
      return validateSessionToken(await getDb(), token, sessionPolicy())
    })()
    perRequest.set(request, pending)
  }
  return pending
}

/**
 * Whether the request carried a session cookie that opens no session (idle or
 * past its lifetime, signed out elsewhere, user deactivated): its answer must
 * clear the cookie and the browser's offline data.
 */
export async function sessionHasEnded(request: Request): Promise<boolean> {
  return (await getSession(request)) === null && carriesSessionCookie(request)
}

/** The sign-in page, coming back to `back`. */
function signInPath(back: string): string {
  return `/logga-in?redirectTo=${encodeURIComponent(back)}`
}

/** What the answer to a request whose session has ended sends: the cookie and the offline data go, and sign-in says why. */
function endedHeaders(): Headers {
  return flashHeaders({ kind: 'info', message: 'login.expired' }, endedSessionHeaders())
}

export function stepOf(current: ValidSession): SecondFactorStep {
  return secondFactorStep({
    sessionVerified: current.session.twoFactorVerified,
    enrolled: current.enrolled,
    memberships: current.user.memberships,
  })
}

/** The signed-in user, once any second factor their account needs is passed; else null. */
export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const current = await getSession(request)
  if (!current) return null
  const step = stepOf(current)
  return step === 'passed' || step === 'notNeeded' ? current.user : null
}

/** Where a session that still owes its second factor goes: the code, or setting up an app. */
export function secondFactorPath(step: 'code' | 'enrol', back: string): string {
  const page = step === 'code' ? '/logga-in/kod' : '/konto/tvastegsverifiering'
  return back === '/' ? page : `${page}?redirectTo=${encodeURIComponent(back)}`
}

/**
 * Signed out: a page goes to sign-in and comes back; anything else gets 401.
 * Signed in but the second factor is still owed: a page goes to that step.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const current = await getSession(request)
  const step = current ? stepOf(current) : null
  if (current && (step === 'passed' || step === 'notNeeded')) return current.user
  const ended = await sessionHasEnded(request)
  const url = new URL(request.url)
  if (request.method === 'GET' && !url.searchParams.has('_data')) {
    const back = `${url.pathname}${url.search}`.replace(/\.data(\?|$)/, '$1')
    if (step === 'code' || step === 'enrol') throw redirect(secondFactorPath(step, back))
    throw redirect(signInPath(back), { headers: ended ? endedHeaders() : undefined })
  }
  if (step === 'code' || step === 'enrol') throw new Response('Tvåstegsverifiering krävs', { status: 401 })
  throw new Response('Inte inloggad', { status: 401, headers: ended ? endedSessionHeaders() : undefined })
}

/** The pages of the second factor itself: any live session, whichever step it is at. */
export async function requireSession(request: Request): Promise<ValidSession & { step: SecondFactorStep }> {
  const current = await getSession(request)
  if (current) return { ...current, step: stepOf(current) }
  const ended = await sessionHasEnded(request)
  const url = new URL(request.url)
  if (request.method === 'GET') {
    throw redirect(signInPath(`${url.pathname}${url.search}`), { headers: ended ? endedHeaders() : undefined })
  }
  throw new Response('Inte inloggad', { status: 401, headers: ended ? endedSessionHeaders() : undefined })
}

export function assertPermission(user: SessionUser, action: Action, resource?: Resource): void {
  if (!can(user, action, resource)) {
    throw forbidden()
  }
}

export async function requirePermission(request: Request, action: Action, resource?: Resource): Promise<SessionUser> {
  const user = await requireUser(request)
  assertPermission(user, action, resource)
  return user
}
