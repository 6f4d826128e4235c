import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import remixConfig from '../../remix.config.js'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import * as entry from '../../app/entry.server'
import * as root from '../../app/root'
import * as contactList from '../../app/routes/kontaktlista'
import * as signInPage from '../../app/routes/logga-in'
import * as secondFactorCode from '../../app/routes/logga-in_.kod'
import * as accessibility from '../../app/routes/tillganglighet'
import * as councilLayout from '../../app/routes/trygghet+/$id'
import * as report from '../../app/routes/trygghet+/$id.rapportera'
import { sessions } from '../../app/db/schema/auth'
import { users } from '../../app/db/schema/users'
import { sv } from '../../app/i18n/sv'
import { createSession } from '../../app/modules/auth/sessions.server'
import { sessionPolicy } from '../../app/modules/auth/session-cookie.server'
import { makeCouncil, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { renderRoute } from '../support/render-route'
import { callRoute, flashCookieOf } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

// Issue 14, item 18: a browser whose session ended (idle, absolute lifetime,
// deactivated user, signed out elsewhere) still holds the offline contact list
// and report drafts. The first response that finds the session gone clears the
// cookie and tells the browser to drop them, whatever kind of request it was.

const CLEAR_SITE_DATA = '"cache", "storage"'
const HOUR = 3_600_000

/** The app's real root, entry and route modules, served by Remix's own request handler. */
function portal() {
  const routes: Record<string, { id: string; parentId?: string; path: string; module: object }> = {
    root: { id: 'root', path: '', module: root },
    'routes/kontaktlista': { id: 'routes/kontaktlista', parentId: 'root', path: 'kontaktlista', module: contactList },
    'routes/logga-in': { id: 'routes/logga-in', parentId: 'root', path: 'logga-in', module: signInPage },
    'routes/tillganglighet': {
      id: 'routes/tillganglighet',
      parentId: 'root',
      path: 'tillganglighet',
      module: accessibility,
    },
    'routes/trygghet+/$id': {
      id: 'routes/trygghet+/$id',
      parentId: 'root',
      path: 'trygghet/:id',
      module: councilLayout,
    },
    'routes/trygghet+/$id.rapportera': {
      id: 'routes/trygghet+/$id.rapportera',
      parentId: 'routes/trygghet+/$id',
      path: 'rapportera',
      module: report,
    },
  }
  const manifestRoute = (id: string) => ({
    id,
    parentId: routes[id]!.parentId,
    path: routes[id]!.path,
    module: `/assets/${id}.js`,
    imports: [],
    css: [],
    hasLoader: true,
    hasAction: 'action' in routes[id]!.module,
    hasClientLoader: false,
    hasClientAction: false,
    hasErrorBoundary: id === 'root',
  })
  const build = {
    mode: 'production',
    entry: { module: entry },
    routes,
    assets: {
      entry: { module: '/assets/entry.client.js', imports: [] },
      routes: Object.fromEntries(Object.keys(routes).map((id) => [id, manifestRoute(id)])),
      url: '/assets/manifest.js',
      version: 'test',
    },
    publicPath: '/',
    assetsBuildDirectory: 'build/client',
    // The app's own future flags, as the build has them.
    future: remixConfig.future,
    isSpaMode: false,
  } as unknown as ServerBuild
  const handle = createRequestHandler(build, 'production')
  return (request: Request) => handle(request, { cspNonce: '', requestId: 'test', clientIp: '10.0.9.2' })
}

function expectSiteDataCleared(response: Response | Headers) {
  const headers = response instanceof Headers ? response : response.headers
  expect(headers.get('Clear-Site-Data')).toBe(CLEAR_SITE_DATA)
  const cookies = headers.getSetCookie()
  const session = cookies.filter((cookie) => cookie.startsWith('session='))
  expect(session).toHaveLength(1)
  expect(session[0]).toMatch(/^session=;/)
  expect(session[0]).toContain('Max-Age=0')
  // Beside it, at most the notice for the sign-in page.
  expect(cookies.filter((cookie) => !cookie.startsWith('session=') && !cookie.startsWith('flash='))).toEqual([])
}

const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })

describe('an ended session clears the browser’s offline data', () => {
  const db = useTestDatabase()

  /** A viewer whose session was last used longer ago than the idle time allows. */
  async function idleSession() {
    const organisation = await makeOrganisation(db(), { name: 'Vårgårda kommun' })
    const user = await makeUser(db(), { role: 'viewer', organisationId: organisation.id })
    const policy = sessionPolicy()
    const { token } = await createSession(db(), user.id, policy, new Date(Date.now() - policy.idleMs - 60_000), {
      twoFactorVerified: true,
    })
    return { user, cookie: `session=${token}` }
  }

  it('the redirect to sign-in after an idle timeout clears the cookie, the caches and the storage', async () => {
    const { cookie } = await idleSession()
    const result = await callRoute(contactList.loader, get('/kontaktlista', cookie))
    expect(result.status).toBe(302)
    expect(result.location).toMatch(/^\/logga-in\?redirectTo=%2Fkontaktlista/)
    expectSiteDataCleared(result.response!)
  })

  it('so does the redirect after the absolute lifetime, for a session in constant use', async () => {
    const user = await makeUser(db())
    const { cookie, session } = await signedIn(db(), user.id)
    await db()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1_000), createdAt: new Date(Date.now() - 12 * HOUR) })
      .where(eq(sessions.id, session.id))
    const result = await callRoute(contactList.loader, get('/kontaktlista', cookie))
    expect(result.status).toBe(302)
    expectSiteDataCleared(result.response!)
  })

  it('so do the pages of the second factor, which take any live session', async () => {
    const { cookie } = await idleSession()
    const result = await callRoute(secondFactorCode.loader, get('/logga-in/kod', cookie))
    expect(result.status).toBe(302)
    expectSiteDataCleared(result.response!)
    expect(result.location).toBe('/logga-in?redirectTo=%2Flogga-in%2Fkod')
    expect(result.notice).toEqual({ kind: 'info', message: 'login.expired' })
  })

  it('and for a deactivated user, or a cookie whose session is already gone', async () => {
    const user = await makeUser(db())
    const { cookie } = await signedIn(db(), user.id)
    await db().update(users).set({ active: false }).where(eq(users.id, user.id))
    expectSiteDataCleared((await callRoute(contactList.loader, get('/kontaktlista', cookie))).response!)
    // The first answer deleted the session; a second request with the old cookie is cleared too.
    expectSiteDataCleared((await callRoute(contactList.loader, get('/kontaktlista', cookie))).response!)
  })

  it('a document request and a .data request through Remix both carry it on the redirect', async () => {
    const { cookie } = await idleSession()
    const handle = portal()

    const document = await handle(get('/kontaktlista', cookie))
    expect(document.status).toBe(302)
    expectSiteDataCleared(document)
    expect(document.headers.get('Location')).toBe('/logga-in?redirectTo=%2Fkontaktlista')
    // The sign-in page says what the browser was told to forget, once.
    const flash = flashCookieOf(document)!
    const signIn = await handle(get('/logga-in?redirectTo=%2Fkontaktlista', flash))
    expect(signIn.status).toBe(200)
    expect(await signIn.text()).toContain(sv['login.expired'])
    expect(signIn.headers.getSetCookie()).toEqual([expect.stringMatching(/^flash=; .*Max-Age=0/)])
    const again = await handle(get('/logga-in?redirectTo=%2Fkontaktlista', ''))
    expect(await again.text()).not.toContain(sv['login.expired'])

    const data = await handle(get('/kontaktlista.data', cookie))
    // Single fetch answers a redirect with 202 and the target in the body.
    expect(data.status).toBe(202)
    expect(await data.text()).toContain('/logga-in?redirectTo=%2Fkontaktlista')
    expectSiteDataCleared(data)
  })

  it('a form sent with an ended session (.data) is refused with 401 and the same headers', async () => {
    const { cookie } = await idleSession()
    const response = await portal()(
      new Request('http://localhost/trygghet/00000000-0000-4000-8000-000000000000/rapportera.data', {
        method: 'POST',
        body: new URLSearchParams({ description: 'Klotter' }),
        headers: {
          Cookie: cookie,
          Host: 'localhost',
          Origin: 'http://localhost',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
      }),
    )
    expect(response.status).toBe(401)
    expectSiteDataCleared(response)
    // The report form reads this answer: it keeps the report in the page and says the session ended.
    expect(await response.text()).toContain('signedOut')
  })

  it('the waiting reports, posted as a document, end on the sign-in page with the same headers', async () => {
    // The report form's queue posts with fetch and follows the redirect: ending on /logga-in tells it the
    // session ended (the report stays in the page), anywhere else that the report is stored.
    const { cookie } = await idleSession()
    const response = await portal()(
      new Request('http://localhost/trygghet/00000000-0000-4000-8000-000000000000/rapportera', {
        method: 'POST',
        body: new URLSearchParams({ description: 'Klotter' }),
        headers: {
          Cookie: cookie,
          Host: 'localhost',
          Origin: 'http://localhost',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
      }),
    )
    expect(response.status).toBe(302)
    expectSiteDataCleared(response)
    expect(new URL(response.headers.get('Location')!, 'http://localhost').pathname).toBe('/logga-in')
  })

  it('a public page (document and .data) read with an ended session clears it as well', async () => {
    const { cookie } = await idleSession()
    const handle = portal()
    const data = await handle(get('/tillganglighet.data', cookie))
    expect(data.status).toBe(200)
    expectSiteDataCleared(data)

    const { cookie: second } = await idleSession()
    const document = await handle(get('/tillganglighet', second))
    expect(document.status).toBe(200)
    expectSiteDataCleared(document)
  })

  it('a live session, and a request without a cookie, keep their data', async () => {
    const user = await makeUser(db(), { role: 'viewer', organisationId: (await makeOrganisation(db())).id })
    const { cookie } = await signedIn(db(), user.id)
    const handle = portal()
    for (const response of [
      await handle(get('/kontaktlista.data', cookie)),
      await handle(get('/tillganglighet', cookie)),
      await handle(new Request('http://localhost/tillganglighet')),
      await handle(new Request('http://localhost/kontaktlista')),
    ]) {
      expect(response.headers.get('Clear-Site-Data')).toBeNull()
      expect(response.headers.getSetCookie()).toEqual([])
    }
  })

  it('the report form gets its session’s end and the longest lifetime, and says how long drafts are kept', async () => {
    const housing = await makeOrganisation(db(), { name: 'Vårgårdahem' })
    const informant = await makeUser(db(), { role: 'informant', organisationId: housing.id })
    const council = await makeCouncil(db(), {
      organisationIds: [housing.id],
      members: [{ userId: informant.id, role: 'informant' }],
    })
    const { cookie, session } = await signedIn(db(), informant.id)
    const page = await callRoute<{ lifetime: { sessionEndsAt: number; maxAgeMs: number; idleMinutes: number } }>(
      report.loader,
      get(`/trygghet/${council.id}/rapportera`, cookie),
      { id: council.id },
    )
    expect(page.status).toBe(200)
    expect(page.body!.lifetime).toEqual({
      sessionEndsAt: session.expiresAt.getTime(),
      maxAgeMs: sessionPolicy().absoluteMs,
      idleMinutes: 30,
    })
    const html = await renderRoute(report.default, { loaderData: page.body })
    expect(html).toContain('sparas bara i den här webbläsaren och bara medan du är inloggad')
    expect(html).toContain('efter 30 minuter utan kontakt med portalen')
  })
})
