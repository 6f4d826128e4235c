import { redirect } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { can, type Action, type Resource } from './permissions'
import { readSessionToken, sessionPolicy } from './session-cookie.server'
import { validateSessionToken, type SessionUser, type ValidSession } from './sessions.server'

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

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null
}

/** Signed out: a page goes to sign-in and comes back; anything else gets 401. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request)
  if (user) return user
  const url = new URL(request.url)
  if (request.method === 'GET' && !url.searchParams.has('_data')) {
    const back = `${url.pathname}${url.search}`.replace(/\.data(\?|$)/, '$1')
    throw redirect(`/logga-in?redirectTo=${encodeURIComponent(back)}`)
  }
  throw new Response('Inte inloggad', { status: 401 })
}

export function assertPermission(user: SessionUser, action: Action, resource?: Resource): void {
  if (!can(user, action, resource)) {
    throw new Response('Ingen åtkomst', { status: 403 })
  }
}

export async function requirePermission(
  request: Request,
  action: Action,
  resource?: Resource,
): Promise<SessionUser> {
  const user = await requireUser(request)
  assertPermission(user, action, resource)
  return user
}

/** Where a sign-in may send the user back to: only paths on this site. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return fallback
  }
  return target
}
