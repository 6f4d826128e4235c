import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../app/db/client.server'
import { provideDatabase } from '../../app/db/app-db.server'
import type { Role } from '../../app/db/enums'
import { getOrganisation } from '../../app/modules/organisations/organisations.server'
import { formRequest, getRequest, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { createTestDatabase } from '../support/test-db'

/**
 * The access matrix: every route module, every role, own and other
 * organisation's ids. A route file without a probe here fails the test, so a
 * new route cannot ship without a decision on who may use it.
 */
type Who = 'anonymous' | Role
type Outcome = 'allow' | 'deny'
const everyone: Who[] = ['anonymous', 'coordinator', 'partner_editor', 'council_member', 'informant', 'viewer']
const signedInRoles: Who[] = everyone.filter((who) => who !== 'anonymous')
const networkReaders: Who[] = ['coordinator', 'partner_editor', 'council_member', 'viewer']

interface Probe {
  route: string
  method: 'GET' | 'POST'
  url: string
  params?: Record<string, string>
  body?: Record<string, string>
  allowed: Who[]
  /** Signing out ends the session it is given, so it gets one of its own. */
  ownSession?: boolean
}

const OWN = ':own'
const OTHER = ':other'

const validOrganisation = { name: 'Ändrat namn', kind: 'company', description: 'x', version: '1' }

const probes: Probe[] = [
  { route: '_index', method: 'GET', url: '/', allowed: signedInRoles },
  { route: 'logga-in', method: 'GET', url: '/logga-in', allowed: everyone },
  { route: 'logga-in', method: 'POST', url: '/logga-in', body: {}, allowed: everyone },
  { route: 'logga-ut', method: 'POST', url: '/logga-ut', allowed: everyone, ownSession: true },
  { route: 'sprak', method: 'POST', url: '/sprak', body: { locale: 'en' }, allowed: everyone },
  { route: 'glomt-losenord', method: 'POST', url: '/glomt-losenord', body: {}, allowed: everyone },
  { route: 'aterstall.$token', method: 'GET', url: '/aterstall/x', params: { token: 'x' }, allowed: everyone },
  { route: 'aterstall.$token', method: 'POST', url: '/aterstall/x', params: { token: 'x' }, body: {}, allowed: everyone },
  { route: 'inbjudan.$token', method: 'GET', url: '/inbjudan/x', params: { token: 'x' }, allowed: everyone },
  { route: 'inbjudan.$token', method: 'POST', url: '/inbjudan/x', params: { token: 'x' }, body: {}, allowed: everyone },
  { route: 'healthz', method: 'GET', url: '/healthz', allowed: everyone },
  { route: '$', method: 'GET', url: '/finns-inte', params: { '*': 'finns-inte' }, allowed: everyone },
  { route: 'konto', method: 'GET', url: '/konto', allowed: signedInRoles },
  { route: 'konto', method: 'POST', url: '/konto', body: {}, allowed: signedInRoles },
  { route: 'organisationer._index', method: 'GET', url: '/organisationer', allowed: networkReaders },
  { route: 'organisationer.ny', method: 'GET', url: '/organisationer/ny', allowed: ['coordinator'] },
  { route: 'organisationer.ny', method: 'POST', url: '/organisationer/ny', body: {}, allowed: ['coordinator'] },
  { route: 'organisationer.$id', method: 'GET', url: `/organisationer/${OWN}`, params: { id: OWN }, allowed: networkReaders },
  { route: 'organisationer.$id', method: 'GET', url: `/organisationer/${OTHER}`, params: { id: OTHER }, allowed: networkReaders },
  {
    route: 'organisationer.$id_.redigera',
    method: 'GET',
    url: `/organisationer/${OWN}/redigera`,
    params: { id: OWN },
    allowed: ['coordinator', 'partner_editor'],
  },
  {
    route: 'organisationer.$id_.redigera',
    method: 'POST',
    url: `/organisationer/${OWN}/redigera`,
    params: { id: OWN },
    body: {},
    allowed: ['coordinator', 'partner_editor'],
  },
  {
    route: 'organisationer.$id_.redigera',
    method: 'GET',
    url: `/organisationer/${OTHER}/redigera`,
    params: { id: OTHER },
    allowed: ['coordinator'],
  },
  {
    route: 'organisationer.$id_.redigera',
    method: 'POST',
    url: `/organisationer/${OTHER}/redigera`,
    params: { id: OTHER },
    body: {},
    allowed: ['coordinator'],
  },
  { route: 'admin.anvandare', method: 'GET', url: '/admin/anvandare', allowed: ['coordinator'] },
  { route: 'admin.anvandare', method: 'POST', url: '/admin/anvandare', body: { intent: 'invite' }, allowed: ['coordinator'] },
  { route: 'admin.anvandare', method: 'POST', url: '/admin/anvandare', body: { intent: 'deactivate' }, allowed: ['coordinator'] },
  { route: 'admin.utkorg', method: 'GET', url: '/admin/utkorg', allowed: ['coordinator'] },
  { route: 'admin.logg', method: 'GET', url: '/admin/logg', allowed: ['coordinator'] },
]

const routesDir = path.resolve('app/routes')
const routeFiles = fs
  .readdirSync(routesDir)
  .filter((file) => /\.tsx?$/.test(file) && !/\.server\.tsx?$/.test(file))
  .map((file) => file.replace(/\.tsx?$/, ''))

type RouteModule = {
  loader?: (args: unknown) => Promise<unknown>
  action?: (args: unknown) => Promise<unknown>
}

function importRoute(route: string): Promise<RouteModule> {
  const file = fs.existsSync(path.join(routesDir, `${route}.tsx`)) ? `${route}.tsx` : `${route}.ts`
  return import(/* @vite-ignore */ path.join(routesDir, file)) as Promise<RouteModule>
}

async function outcomeOf(run: () => Promise<unknown>): Promise<{ outcome: Outcome; status: number }> {
  try {
    const result = await run()
    const status = result instanceof Response ? result.status : 200
    return { outcome: isDenial(result) ? 'deny' : 'allow', status }
  } catch (thrown) {
    if (thrown instanceof Response) return { outcome: isDenial(thrown) ? 'deny' : 'allow', status: thrown.status }
    throw thrown
  }
}

function isDenial(result: unknown): boolean {
  if (!(result instanceof Response)) {
    // data() results carry their status in `init`.
    const init = (result as { init?: { status?: number } } | null)?.init
    return init?.status === 401 || init?.status === 403
  }
  if (result.status === 401 || result.status === 403) return true
  const location = result.headers.get('Location') ?? ''
  return result.status >= 300 && result.status < 400 && location.startsWith('/logga-in?redirectTo=')
}

describe('route access matrix', () => {
  let handle: DatabaseHandle
  const cookies = new Map<Who, string | undefined>()
  const userIds = new Map<Who, string>()
  const ids = { own: '', other: '' }

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    const db = handle.db
    const own = await makeOrganisation(db, { name: 'Egen organisation' })
    const other = await makeOrganisation(db, { name: 'Annan organisation' })
    ids.own = own.id
    ids.other = other.id
    cookies.set('anonymous', undefined)
    for (const role of signedInRoles as Role[]) {
      const user = await makeUser(db, { role, organisationId: own.id })
      userIds.set(role, user.id)
      cookies.set(role, (await signedIn(db, user.id)).cookie)
    }
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  it('has a probe for every route module', () => {
    const probed = new Set(probes.map((probe) => probe.route))
    expect(routeFiles.filter((route) => !probed.has(route))).toEqual([])
  })

  const resolve = (value: string) => value.replace(OWN, ids.own).replace(OTHER, ids.other)

  for (const probe of probes) {
    for (const who of everyone) {
      const expected: Outcome = probe.allowed.includes(who) ? 'allow' : 'deny'
      it(`${probe.method} ${probe.url} as ${who}: ${expected}`, async () => {
        const module = await importRoute(probe.route)
        const handler = probe.method === 'GET' ? module.loader : module.action
        expect(handler, `${probe.route} has no ${probe.method === 'GET' ? 'loader' : 'action'}`).toBeTypeOf('function')
        const url = resolve(probe.url)
        const userId = userIds.get(who)
        const cookie = probe.ownSession && userId ? (await signedIn(handle.db, userId)).cookie : cookies.get(who)
        const request =
          probe.method === 'GET' ? getRequest(url, cookie) : formRequest(url, probe.body ?? {}, cookie)
        const params = Object.fromEntries(Object.entries(probe.params ?? {}).map(([key, value]) => [key, resolve(value)]))
        const { outcome } = await outcomeOf(() =>
          handler!({ request, params, context: { clientIp: `10.0.0.${everyone.indexOf(who)}`, cspNonce: '', requestId: 'test' } }),
        )
        expect(outcome).toBe(expected)
      })
    }
  }

  it("a partner editor's valid edit of another organisation is refused and changes nothing", async () => {
    const module = await importRoute('organisationer.$id_.redigera')
    const request = formRequest(`/organisationer/${ids.other}/redigera`, validOrganisation, cookies.get('partner_editor'))
    const { outcome, status } = await outcomeOf(() =>
      module.action!({ request, params: { id: ids.other }, context: { clientIp: '10.0.1.1', cspNonce: '', requestId: 't' } }),
    )
    expect([outcome, status]).toEqual(['deny', 403])
    expect((await getOrganisation(handle.db, ids.other))?.name).toBe('Annan organisation')
  })
})
