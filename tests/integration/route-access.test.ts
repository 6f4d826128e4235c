import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../app/db/client.server'
import { provideDatabase } from '../../app/db/app-db.server'
import type { Role } from '../../app/db/enums'
import { getOrganisation } from '../../app/modules/organisations/organisations.server'
import { createNetwork } from '../../app/modules/registry/networks.server'
import { createScenario } from '../../app/modules/scenarios/scenarios.server'
import {
  formRequest,
  getRequest,
  makeContactRoute,
  makeDependency,
  makeOrganisation,
  makeService,
  makeSite,
  makeUser,
  signedIn,
} from '../support/factories'
import { listRouteFiles, routeFileOf } from '../support/route-files'
import { loadAreaProbes } from '../support/route-probes/areas'
import { createTestDatabase } from '../support/test-db'

/**
 * The access matrix: every route module, every role, own and other
 * organisation's ids. A route file without a probe here fails the test, so a
 * new route cannot ship without a decision on who may use it.
 */
export type Who = 'anonymous' | Role
type Outcome = 'allow' | 'deny'
const everyone: Who[] = ['anonymous', 'coordinator', 'duty_officer', 'partner_editor', 'council_member', 'informant', 'viewer']
const signedInRoles: Who[] = everyone.filter((who) => who !== 'anonymous')
const networkReaders: Who[] = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']

export interface Probe {
  route: string
  method: 'GET' | 'POST'
  url: string
  params?: Record<string, string>
  body?: Record<string, string>
  allowed: Who[]
  /** Signing out ends the session it is given, so it gets one of its own. */
  ownSession?: boolean
  /** The route answers 404 for what the user may not see (another organisation's draft scenario), so a 404 is a denial here. */
  notFoundDenies?: boolean
}

const OWN = ':own'
const OTHER = ':other'
// Contact routes of the own and the other organisation.
const OWN_ROUTE = ':routeOfOwn'
const OTHER_ROUTE = ':routeOfOther'
const NETWORK = ':network'

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
  { route: 'tillganglighet', method: 'GET', url: '/tillganglighet', allowed: everyone },
  { route: 'livez', method: 'GET', url: '/livez', allowed: everyone },
  { route: '$', method: 'GET', url: '/finns-inte', params: { '*': 'finns-inte' }, allowed: everyone },
  { route: 'konto', method: 'GET', url: '/konto', allowed: signedInRoles },
  { route: 'konto', method: 'POST', url: '/konto', body: {}, allowed: signedInRoles },
  { route: 'konto_.tvastegsverifiering', method: 'GET', url: '/konto/tvastegsverifiering', allowed: signedInRoles },
  { route: 'konto_.tvastegsverifiering', method: 'POST', url: '/konto/tvastegsverifiering', body: {}, allowed: signedInRoles },
  { route: 'logga-in_.kod', method: 'GET', url: '/logga-in/kod', allowed: signedInRoles },
  { route: 'logga-in_.kod', method: 'POST', url: '/logga-in/kod', body: {}, allowed: signedInRoles },
  { route: 'organisationer._index', method: 'GET', url: '/organisationer', allowed: networkReaders },
  { route: 'organisationer.ny', method: 'GET', url: '/organisationer/ny', allowed: ['coordinator'] },
  { route: 'organisationer.ny', method: 'POST', url: '/organisationer/ny', body: {}, allowed: ['coordinator'] },
  { route: 'organisationer.$id', method: 'GET', url: `/organisationer/${OWN}`, params: { id: OWN }, allowed: networkReaders },
  { route: 'organisationer.$id', method: 'GET', url: `/organisationer/${OTHER}`, params: { id: OTHER }, allowed: networkReaders },
  { route: 'organisationer.$id._index', method: 'GET', url: `/organisationer/${OWN}`, params: { id: OWN }, allowed: networkReaders },
  { route: 'organisationer.$id._index', method: 'GET', url: `/organisationer/${OTHER}`, params: { id: OTHER }, allowed: networkReaders },
  {
    route: 'organisationer.$id.redigera',
    method: 'GET',
    url: `/organisationer/${OWN}/redigera`,
    params: { id: OWN },
    allowed: ['coordinator', 'partner_editor'],
  },
  {
    route: 'organisationer.$id.redigera',
    method: 'POST',
    url: `/organisationer/${OWN}/redigera`,
    params: { id: OWN },
    body: {},
    allowed: ['coordinator', 'partner_editor'],
  },
  {
    route: 'organisationer.$id.redigera',
    method: 'GET',
    url: `/organisationer/${OTHER}/redigera`,
    params: { id: OTHER },
    allowed: ['coordinator'],
  },
  {
    route: 'organisationer.$id.redigera',
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
  {
    route: 'admin.utkorg_.$id',
    method: 'GET',
    url: '/admin/utkorg/00000000-0000-4000-8000-000000000000',
    params: { id: '00000000-0000-4000-8000-000000000000' },
    allowed: ['coordinator'],
  },
  { route: 'admin.logg', method: 'GET', url: '/admin/logg', allowed: ['coordinator'] },
  { route: 'admin.aktualitet', method: 'GET', url: '/admin/aktualitet', allowed: ['coordinator'] },
  { route: 'admin.aktualitet', method: 'POST', url: '/admin/aktualitet', body: { organisationId: OTHER }, allowed: ['coordinator'] },
  { route: 'admin.import', method: 'GET', url: '/admin/import', allowed: ['coordinator'] },
  { route: 'admin.import', method: 'POST', url: '/admin/import', body: { intent: 'preview', text: 'organisation;typ\nNy;Kommun' }, allowed: ['coordinator'] },
  {
    route: 'admin.import',
    method: 'POST',
    url: '/admin/import',
    body: { intent: 'confirm', batchId: '00000000-0000-4000-8000-000000000000' },
    allowed: ['coordinator'],
  },
  { route: 'admin.import_.mall', method: 'GET', url: '/admin/import/mall', allowed: ['coordinator'] },
  { route: 'karta._index', method: 'GET', url: '/karta', allowed: networkReaders },
  { route: 'karta._index', method: 'GET', url: '/karta?sector=energy&no247=1&sort=styrel-desc&page=2', allowed: networkReaders },
  { route: 'karta.platser', method: 'GET', url: '/karta/platser?stale=1', allowed: networkReaders },
  { route: 'karta.platser', method: 'GET', url: '/karta/platser?bbox=12.5,57.9,13.2,58.2&zoom=10', allowed: networkReaders },
  { route: 'beroenden', method: 'GET', url: '/beroenden', allowed: networkReaders },
  { route: 'beroenden', method: 'GET', url: `/beroenden?organisation=${OWN}`, allowed: networkReaders },
  { route: 'beroenden', method: 'GET', url: `/beroenden?organisation=${OTHER}`, allowed: networkReaders },
  { route: 'beroenden', method: 'GET', url: `/beroenden?scope=network&network=${NETWORK}&page=2`, allowed: networkReaders },
  { route: 'karta.plats.$id', method: 'GET', url: '/karta/plats/:siteOfOwn', params: { id: ':siteOfOwn' }, allowed: networkReaders },
  { route: 'karta.plats.$id', method: 'GET', url: '/karta/plats/:siteOfOther', params: { id: ':siteOfOther' }, allowed: networkReaders },
  ...contactRouteProbes(),
  ...registryProbes(),
  ...scenarioProbes(),
  { route: 'kontaktlista', method: 'GET', url: '/kontaktlista', allowed: networkReaders },
  { route: 'katalog._index', method: 'GET', url: '/katalog', allowed: networkReaders },
  { route: 'katalog._index', method: 'GET', url: '/katalog?q=vargarda&kind=energy&sector=energy', allowed: networkReaders },
  { route: 'katalog.utskrift', method: 'GET', url: '/katalog/utskrift?q=vargarda', allowed: networkReaders },
  { route: 'katalog.export[.csv]', method: 'GET', url: '/katalog/export.csv?kind=company', allowed: networkReaders },
  { route: 'katalog.export[.vcf]', method: 'GET', url: '/katalog/export.vcf?q=organisation', allowed: networkReaders },
  { route: 'organisationer.$id_.vcard[.vcf]', method: 'GET', url: `/organisationer/${OWN}/vcard.vcf`, params: { id: OWN }, allowed: networkReaders },
  { route: 'organisationer.$id_.vcard[.vcf]', method: 'GET', url: `/organisationer/${OTHER}/vcard.vcf`, params: { id: OTHER }, allowed: networkReaders },
  { route: 'natverk._index', method: 'GET', url: '/natverk', allowed: networkReaders },
  { route: 'natverk._index', method: 'POST', url: '/natverk', body: {}, allowed: ['coordinator'] },
  { route: 'natverk.$id', method: 'GET', url: `/natverk/${NETWORK}`, params: { id: NETWORK }, allowed: networkReaders },
  {
    route: 'natverk.$id',
    method: 'POST',
    url: `/natverk/${NETWORK}`,
    params: { id: NETWORK },
    body: { intent: 'add' },
    allowed: ['coordinator'],
  },
  {
    route: 'natverk.$id',
    method: 'POST',
    url: `/natverk/${NETWORK}`,
    params: { id: NETWORK },
    body: { intent: 'update' },
    allowed: ['coordinator'],
  },
]

/** New, edit, remove, test call and "Bekräfta uppgifter": own organisation for its editors, every one for the coordinator. */
function contactRouteProbes(): Probe[] {
  const editors: Who[] = ['coordinator', 'partner_editor']
  const probes: Probe[] = []
  for (const [organisation, route, allowed] of [
    [OWN, OWN_ROUTE, editors],
    [OTHER, OTHER_ROUTE, ['coordinator']],
  ] as const) {
    const base = `/organisationer/${organisation}`
    const routeParams = { id: organisation, routeId: route }
    probes.push(
      { route: 'organisationer.$id.kontaktvagar.ny', method: 'GET', url: `${base}/kontaktvagar/ny`, params: { id: organisation }, allowed: [...allowed] },
      { route: 'organisationer.$id.kontaktvagar.ny', method: 'POST', url: `${base}/kontaktvagar/ny`, params: { id: organisation }, body: {}, allowed: [...allowed] },
      { route: 'organisationer.$id.kontaktvagar.$routeId', method: 'GET', url: `${base}/kontaktvagar/${route}`, params: routeParams, allowed: [...allowed] },
      { route: 'organisationer.$id.kontaktvagar.$routeId', method: 'POST', url: `${base}/kontaktvagar/${route}`, params: routeParams, body: {}, allowed: [...allowed] },
      {
        route: 'organisationer.$id.kontaktvagar.$routeId',
        method: 'POST',
        url: `${base}/kontaktvagar/${route}`,
        params: routeParams,
        body: { intent: 'delete' },
        allowed: [...allowed],
      },
      {
        route: 'organisationer.$id.kontaktvagar.$routeId_.provsamtal',
        method: 'GET',
        url: `${base}/kontaktvagar/${route}/provsamtal`,
        params: routeParams,
        allowed: [...allowed],
      },
      {
        route: 'organisationer.$id.kontaktvagar.$routeId_.provsamtal',
        method: 'POST',
        url: `${base}/kontaktvagar/${route}/provsamtal`,
        params: routeParams,
        body: {},
        allowed: [...allowed],
      },
      { route: 'organisationer.$id_.bekrafta', method: 'POST', url: `${base}/bekrafta`, params: { id: organisation }, allowed: [...allowed] },
    )
  }
  return probes
}

// Sites, services and dependencies of the own and the other organisation.
const registryIds: Record<string, string> = { ':siteOfOwn': '', ':siteOfOther': '', ':serviceOfOwn': '', ':serviceOfOther': '', ':dependencyOfOwn': '', ':dependencyOfOther': '' }
const resolveRegistry = (value: string) => Object.entries(registryIds).reduce((text, [placeholder, id]) => text.split(placeholder).join(id), value)

/** Sites, critical services and their dependencies: own organisation for its editors, every one for the coordinator. */
function registryProbes(): Probe[] {
  const probes: Probe[] = []
  for (const [organisation, of, allowed] of [
    [OWN, 'Own', ['coordinator', 'partner_editor']],
    [OTHER, 'Other', ['coordinator']],
  ] as const) {
    const base = `/organisationer/${organisation}`
    const site = { id: organisation, siteId: `:siteOf${of}` }
    const service = { id: organisation, serviceId: `:serviceOf${of}` }
    const dependencyId = `:dependencyOf${of}`
    const probe = (route: string, method: 'GET' | 'POST', url: string, params: Record<string, string>, body?: Record<string, string>): Probe => ({
      route,
      method,
      url,
      params,
      ...(method === 'POST' ? { body: body ?? {} } : {}),
      allowed: [...allowed],
    })
    probes.push(
      probe('organisationer.$id.platser.ny', 'GET', `${base}/platser/ny`, { id: organisation }),
      probe('organisationer.$id.platser.ny', 'POST', `${base}/platser/ny`, { id: organisation }),
      probe('organisationer.$id.platser.$siteId', 'GET', `${base}/platser/${site.siteId}`, site),
      probe('organisationer.$id.platser.$siteId', 'POST', `${base}/platser/${site.siteId}`, site, { intent: 'save' }),
      probe('organisationer.$id.platser.$siteId', 'POST', `${base}/platser/${site.siteId}`, site, { intent: 'delete' }),
      probe('organisationer.$id.verksamheter.ny', 'GET', `${base}/verksamheter/ny`, { id: organisation }),
      probe('organisationer.$id.verksamheter.ny', 'POST', `${base}/verksamheter/ny`, { id: organisation }),
      probe('organisationer.$id.verksamheter.$serviceId', 'GET', `${base}/verksamheter/${service.serviceId}`, service),
      probe('organisationer.$id.verksamheter.$serviceId', 'GET', `${base}/verksamheter/${service.serviceId}?beroende=${dependencyId}`, service),
      ...['save', 'delete', 'addDependency', 'updateDependency', 'deleteDependency'].map((intent) =>
        probe('organisationer.$id.verksamheter.$serviceId', 'POST', `${base}/verksamheter/${service.serviceId}`, service, { intent, dependencyId }),
      ),
    )
  }
  return probes
}

// Scenarios: a draft and a shared one of the own and of the other organisation.
const scenarioIds: Record<string, string> = { ':scenarioDraftOfOwn': '', ':scenarioDraftOfOther': '', ':scenarioSharedOfOwn': '', ':scenarioSharedOfOther': '' }
const resolveScenario = (value: string) => Object.entries(scenarioIds).reduce((text, [placeholder, id]) => text.split(placeholder).join(id), value)

/**
 * Scenarios: the list for every network reader, the builder for editors. A draft is read by its organisation's network
 * readers and changed by its partner editors; a shared one is read by every network reader and changed by the
 * coordinator alone. Another organisation's draft is a 404.
 */
function scenarioProbes(): Probe[] {
  const editors: Who[] = ['coordinator', 'partner_editor']
  const probes: Probe[] = [
    { route: 'scenarier._index', method: 'GET', url: '/scenarier', allowed: networkReaders },
    { route: 'scenarier.ny', method: 'GET', url: '/scenarier/ny', allowed: editors },
    { route: 'scenarier.ny', method: 'POST', url: '/scenarier/ny', body: {}, allowed: editors },
  ]
  for (const [scenario, readers, changers] of [
    [':scenarioDraftOfOwn', networkReaders, editors],
    [':scenarioDraftOfOther', ['coordinator'], ['coordinator']],
    [':scenarioSharedOfOwn', networkReaders, ['coordinator']],
    [':scenarioSharedOfOther', networkReaders, ['coordinator']],
  ] as const) {
    const base = `/scenarier/${scenario}`
    const probe = (route: string, method: 'GET' | 'POST', url: string, allowed: readonly Who[], body?: Record<string, string>): Probe => ({
      route,
      method,
      url,
      params: { id: scenario },
      ...(method === 'POST' ? { body: body ?? {} } : {}),
      allowed: [...allowed],
      notFoundDenies: true,
    })
    probes.push(
      probe('scenarier.$id', 'GET', base, readers),
      probe('scenarier.$id_.export[.csv]', 'GET', `${base}/export.csv`, readers),
      probe('scenarier.$id_.utskrift', 'GET', `${base}/utskrift`, readers),
      probe('scenarier.$id_.punkter', 'GET', `${base}/punkter`, readers),
      probe('scenarier.$id_.redigera', 'GET', `${base}/redigera`, changers),
      probe('scenarier.$id_.redigera', 'POST', `${base}/redigera`, changers, { intent: 'save' }),
      probe('scenarier.$id_.redigera', 'POST', `${base}/redigera`, changers, { intent: 'delete' }),
    )
  }
  return probes
}

const routeFiles = listRouteFiles().map((route) => route.name)

type RouteModule = {
  loader?: (args: unknown) => Promise<unknown>
  action?: (args: unknown) => Promise<unknown>
}

function importRoute(route: string): Promise<RouteModule> {
  return import(/* @vite-ignore */ routeFileOf(route)) as Promise<RouteModule>
}

async function outcomeOf(run: () => Promise<unknown>, notFoundDenies = false): Promise<{ outcome: Outcome; status: number }> {
  try {
    const result = await run()
    const status = result instanceof Response ? result.status : 200
    return { outcome: isDenial(result, notFoundDenies) ? 'deny' : 'allow', status }
  } catch (thrown) {
    if (thrown instanceof Response) return { outcome: isDenial(thrown, notFoundDenies) ? 'deny' : 'allow', status: thrown.status }
    throw thrown
  }
}

function isDenial(result: unknown, notFoundDenies = false): boolean {
  const denials = notFoundDenies ? [401, 403, 404] : [401, 403]
  if (!(result instanceof Response)) {
    // data() results carry their status in `init`.
    const init = (result as { init?: { status?: number } } | null)?.init
    return denials.includes(init?.status ?? 200)
  }
  if (denials.includes(result.status)) return true
  const location = result.headers.get('Location') ?? ''
  return result.status >= 300 && result.status < 400 && location.startsWith('/logga-in?redirectTo=')
}

// Areas keep their probes and fixtures in tests/support/route-probes/*.ts.
const areaProbes = await loadAreaProbes()
probes.push(...areaProbes.flatMap((area) => area.probes()))
const areaIds: Record<string, string> = {}
const resolveAreas = (value: string) =>
  Object.entries(areaIds)
    .sort(([a], [b]) => b.length - a.length)
    .reduce((text, [placeholder, id]) => text.split(placeholder).join(id), value)

/**
 * With a PostgreSQL (CI), the whole matrix runs there; on PGlite each route
 * then runs once, as a role it lets in (or, for a route that lets nobody in,
 * as the first role), which proves the embedded driver serves every route's
 * queries without paying for the matrix twice. Without a PostgreSQL, PGlite
 * runs the whole matrix.
 */
function rolesToProbe(probe: { allowed: readonly Who[] }): readonly Who[] {
  const onePass = process.env.TEST_DB !== 'postgres' && Boolean(process.env.DATABASE_URL)
  if (!onePass) return everyone
  return [everyone.find((who) => probe.allowed.includes(who)) ?? everyone[0]!]
}

describe('route access matrix', () => {
  let handle: DatabaseHandle
  const cookies = new Map<Who, string | undefined>()
  const userIds = new Map<Who, string>()
  const ids = { own: '', other: '', network: '', ownRoute: '', otherRoute: '' }

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    const db = handle.db
    const own = await makeOrganisation(db, { name: 'Egen organisation' })
    const other = await makeOrganisation(db, { name: 'Annan organisation' })
    ids.own = own.id
    ids.other = other.id
    ids.ownRoute = (await makeContactRoute(db, { organisationId: own.id })).id
    ids.otherRoute = (await makeContactRoute(db, { organisationId: other.id })).id
    ids.network = (await createNetwork(db, { actorId: null, name: 'Nätverk', description: '', coordinatorOrganisationId: null })).id
    for (const [of, organisationId] of [['Own', own.id], ['Other', other.id]] as const) {
      registryIds[`:siteOf${of}`] = (await makeSite(db, { organisationId })).id
      const service = await makeService(db, { organisationId })
      registryIds[`:serviceOf${of}`] = service.id
      registryIds[`:dependencyOf${of}`] = (await makeDependency(db, { serviceId: service.id })).id
    }
    cookies.set('anonymous', undefined)
    for (const role of signedInRoles as Role[]) {
      const user = await makeUser(db, { role, organisationId: own.id })
      userIds.set(role, user.id)
      cookies.set(role, (await signedIn(db, user.id)).cookie)
    }
    for (const [of, organisationId] of [['Own', own.id], ['Other', other.id]] as const) {
      for (const state of ['draft', 'shared'] as const) {
        const scenario = await createScenario(db, {
          actorId: userIds.get('coordinator')!,
          organisationId,
          name: `Scenario ${state}`,
          description: '',
          state,
          definition: { failures: [{ target: { resource: 'electricity' }, scope: { kind: 'everywhere' }, startHour: 0, durationHours: null }], horizonHours: 24, restartHours: 0 },
        })
        scenarioIds[`:scenario${state === 'draft' ? 'Draft' : 'Shared'}Of${of}`] = scenario.id
      }
    }
    for (const area of areaProbes) {
      Object.assign(areaIds, await area.setup(db, { own: own.id, other: other.id, userIds }))
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

  const resolve = (value: string) =>
    resolveRegistry(resolveScenario(resolveAreas(value))).replace(OWN_ROUTE, ids.ownRoute).replace(OTHER_ROUTE, ids.otherRoute).replace(OWN, ids.own).replace(OTHER, ids.other).replace(NETWORK, ids.network)

  for (const probe of probes) {
    for (const who of rolesToProbe(probe)) {
      const expected: Outcome = probe.allowed.includes(who) ? 'allow' : 'deny'
      const body = probe.body && Object.keys(probe.body).length > 0 ? ` ${JSON.stringify(probe.body)}` : ''
      it(`${probe.method} ${probe.url}${body} as ${who}: ${expected}`, async () => {
        const module = await importRoute(probe.route)
        const handler = probe.method === 'GET' ? module.loader : module.action
        expect(handler, `${probe.route} has no ${probe.method === 'GET' ? 'loader' : 'action'}`).toBeTypeOf('function')
        const url = resolve(probe.url)
        const userId = userIds.get(who)
        const cookie = probe.ownSession && userId ? (await signedIn(handle.db, userId)).cookie : cookies.get(who)
        const request =
          probe.method === 'GET' ? getRequest(url, cookie) : formRequest(url, Object.fromEntries(Object.entries(probe.body ?? {}).map(([key, value]) => [key, resolve(value)])), cookie)
        const params = Object.fromEntries(Object.entries(probe.params ?? {}).map(([key, value]) => [key, resolve(value)]))
        const { outcome } = await outcomeOf(() =>
          handler!({ request, params, context: { clientIp: `10.0.0.${everyone.indexOf(who)}`, cspNonce: '', requestId: 'test' } }),
          probe.notFoundDenies,
        )
        expect(outcome).toBe(expected)
      })
    }
  }

  it("a partner editor's valid edit of another organisation is refused and changes nothing", async () => {
    const module = await importRoute('organisationer.$id.redigera')
    const request = formRequest(`/organisationer/${ids.other}/redigera`, validOrganisation, cookies.get('partner_editor'))
    const { outcome, status } = await outcomeOf(() =>
      module.action!({ request, params: { id: ids.other }, context: { clientIp: '10.0.1.1', cspNonce: '', requestId: 't' } }),
    )
    expect([outcome, status]).toEqual(['deny', 403])
    expect((await getOrganisation(handle.db, ids.other))?.name).toBe('Annan organisation')
  })
})
