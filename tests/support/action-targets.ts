import fs from 'node:fs'
import type { Database } from '../../app/db/client.server'
import type { Role } from '../../app/db/enums'
import { createNetwork } from '../../app/modules/registry/networks.server'
import { createScenario } from '../../app/modules/scenarios/scenarios.server'
import type { Probe, Who } from '../integration/route-access.test'
import { makeContactRoute, makeDependency, makeOrganisation, makeService, makeSite, makeUser, signedIn } from './factories'
import { loadAreaProbes } from './route-probes/areas'
import { listRouteFiles, routeFileOf } from './route-files'

/**
 * Every route action with a URL that reaches a real record of the probing users' own organisation,
 * for tests that post arbitrary bodies to all of them (tests/integration/hostile-input.test.ts).
 * The areas' probes (route-probes/*.ts) are reused; the core routes, whose probes live inside the
 * access matrix, are listed here the same way.
 */
export interface ActionTarget {
  route: string
  url: string
  params: Record<string, string>
  /** The bodies the access matrix posts here, placeholders resolved: starting points for generated ones. */
  bodies: Record<string, string>[]
  /** Signing out ends the session it is given, so each post gets a session of its own. */
  ownSession: boolean
}

export function routeFiles(): string[] {
  return listRouteFiles().map((route) => route.name)
}

export function routeSource(route: string): string {
  return fs.readFileSync(routeFileOf(route), 'utf8')
}

export type RouteModule = {
  loader?: (args: unknown) => Promise<unknown>
  action?: (args: unknown) => Promise<unknown>
  default?: unknown
}

export function importRoute(route: string): Promise<RouteModule> {
  return import(/* @vite-ignore */ routeFileOf(route)) as Promise<RouteModule>
}

const htmlWords = new Set(['intent', 'submit', 'hidden', 'button', 'post', 'get', 'string', 'number', 'text'])

/** The intent values a route's source names: literals on the lines that mention `intent`. */
export function intentsOf(source: string): string[] {
  const found = new Set<string>()
  for (const line of source.split('\n')) {
    if (!/intent/.test(line) || /^\s*import /.test(line)) continue
    for (const match of line.matchAll(/['"]([A-Za-z][A-Za-z0-9_]*)['"]/g)) {
      if (!htmlWords.has(match[1]!)) found.add(match[1]!)
    }
  }
  return [...found].sort()
}

/** Field names a route's source posts or validates: `name="…"` attributes and zod object keys. */
export function fieldNamesOf(source: string): string[] {
  const found = new Set<string>()
  for (const match of source.matchAll(/\bname=["']([A-Za-z][A-Za-z0-9_]*)["']/g)) found.add(match[1]!)
  for (const match of source.matchAll(/^\s+([A-Za-z][A-Za-z0-9_]*): (?:z\.|[A-Za-z]+Field\b|[A-Za-z]+Schema\b)/gm)) found.add(match[1]!)
  return [...found].sort()
}

const OWN = ':own'
const OTHER = ':other'

/** POST probes of the core routes: the own organisation's records, as the access matrix probes them. */
function coreProbes(): Probe[] {
  const post = (route: string, url: string, body: Record<string, string> = {}, params?: Record<string, string>, ownSession = false): Probe => ({
    route,
    method: 'POST',
    url,
    ...(params ? { params } : {}),
    body,
    allowed: ['coordinator'],
    ...(ownSession ? { ownSession } : {}),
  })
  const base = `/organisationer/${OWN}`
  const routeParams = { id: OWN, routeId: ':coreRouteOfOwn' }
  const site = { id: OWN, siteId: ':coreSiteOfOwn' }
  const service = { id: OWN, serviceId: ':coreServiceOfOwn' }
  const organisation = { name: 'Ändrat namn', kind: 'company', description: 'x', version: '1' }
  return [
    post('$', '/finns-inte', {}, { '*': 'finns-inte' }),
    post('logga-in', '/logga-in', { email: 'ingen@example.org', password: 'fel', redirectTo: '/' }),
    post('logga-ut', '/logga-ut', {}, undefined, true),
    post('sprak', '/sprak', { locale: 'en' }),
    post('glomt-losenord', '/glomt-losenord', { email: 'ingen@example.org' }),
    post('aterstall.$token', '/aterstall/x', {}, { token: 'x' }),
    post('inbjudan.$token', '/inbjudan/x', {}, { token: 'x' }),
    post('moten.svar.$token', '/moten/svar/x', { answer: 'attending', attendees: 'Anna' }, { token: 'x' }),
    post('konto', '/konto', {}),
    post('konto_.tvastegsverifiering', '/konto/tvastegsverifiering', {}),
    post('logga-in_.kod', '/logga-in/kod', {}),
    post('organisationer.ny', '/organisationer/ny', organisation),
    post('organisationer.$id.redigera', `${base}/redigera`, organisation, { id: OWN }),
    post('organisationer.$id_.bekrafta', `${base}/bekrafta`, {}, { id: OWN }),
    post('admin.anvandare', '/admin/anvandare', { intent: 'invite', email: 'ny@example.org', organisationId: OWN, role: 'viewer' }),
    post('admin.anvandare', '/admin/anvandare', { intent: 'deactivate', userId: ':coreViewer' }),
    post('admin.aktualitet', '/admin/aktualitet', { organisationId: OTHER }),
    post('admin.import', '/admin/import', { intent: 'preview', text: 'organisation;typ\nNy;Kommun' }),
    post('admin.import', '/admin/import', { intent: 'confirm', batchId: '00000000-0000-4000-8000-000000000000' }),
    post('natverk._index', '/natverk', { name: 'Nätverk', description: '' }),
    post('natverk.$id', '/natverk/:coreNetwork', { intent: 'add', organisationId: OWN }, { id: ':coreNetwork' }),
    post('natverk.$id', '/natverk/:coreNetwork', { intent: 'update', name: 'Nätverk', description: '', version: '1' }, { id: ':coreNetwork' }),
    post('organisationer.$id.kontaktvagar.ny', `${base}/kontaktvagar/ny`, {}, { id: OWN }),
    post('organisationer.$id.kontaktvagar.$routeId', `${base}/kontaktvagar/:coreRouteOfOwn`, { intent: 'save', version: '1' }, routeParams),
    post('organisationer.$id.kontaktvagar.$routeId_.provsamtal', `${base}/kontaktvagar/:coreRouteOfOwn/provsamtal`, {}, routeParams),
    post('organisationer.$id.platser.ny', `${base}/platser/ny`, {}, { id: OWN }),
    post('organisationer.$id.platser.$siteId', `${base}/platser/:coreSiteOfOwn`, { intent: 'save', version: '1' }, site),
    post('organisationer.$id.verksamheter.ny', `${base}/verksamheter/ny`, {}, { id: OWN }),
    post('organisationer.$id.verksamheter.$serviceId', `${base}/verksamheter/:coreServiceOfOwn`, { intent: 'save', version: '1' }, service),
    post(
      'organisationer.$id.verksamheter.$serviceId',
      `${base}/verksamheter/:coreServiceOfOwn`,
      { intent: 'updateDependency', dependencyId: ':coreDependencyOfOwn', version: '1' },
      service,
    ),
    post('scenarier.ny', '/scenarier/ny', {}),
    post('scenarier.$id_.redigera', '/scenarier/:coreScenarioOfOwn/redigera', { intent: 'save', version: '1' }, { id: ':coreScenarioOfOwn' }),
  ]
}

async function coreSetup(db: Database, { own, other, userIds }: { own: string; other: string; userIds: ReadonlyMap<Who, string> }) {
  const service = await makeService(db, { organisationId: own })
  const scenario = await createScenario(db, {
    actorId: userIds.get('coordinator')!,
    organisationId: own,
    name: 'Scenario',
    description: '',
    state: 'draft',
    definition: { failures: [{ target: { resource: 'electricity' }, scope: { kind: 'everywhere' }, startHour: 0, durationHours: null }], horizonHours: 24, restartHours: 0 },
  })
  const network = await createNetwork(db, { actorId: null, name: 'Nätverk', description: '', coordinatorOrganisationId: null })
  return {
    [OWN]: own,
    [OTHER]: other,
    ':coreRouteOfOwn': (await makeContactRoute(db, { organisationId: own })).id,
    ':coreSiteOfOwn': (await makeSite(db, { organisationId: own })).id,
    ':coreServiceOfOwn': service.id,
    ':coreDependencyOfOwn': (await makeDependency(db, { serviceId: service.id })).id,
    ':coreScenarioOfOwn': scenario.id,
    ':coreNetwork': network.id,
    ':coreViewer': userIds.get('viewer')!,
  }
}

export interface TargetWorld {
  targets: ActionTarget[]
  /** Every record id the fixtures made: values a generated body may use. */
  ids: string[]
  userIds: Map<Who, string>
  cookies: Map<Who, string>
  own: string
  other: string
}

const roles: Role[] = ['coordinator', 'partner_editor', 'council_member', 'informant', 'viewer']

/**
 * Makes the records (two organisations, a user of each role in the first, the areas' fixtures) and
 * returns one target per route action: the first POST probe of each route, with every body the
 * probes post there as a starting point.
 */
export async function makeActionTargets(db: Database): Promise<TargetWorld> {
  const own = (await makeOrganisation(db, { name: 'Egen organisation' })).id
  const other = (await makeOrganisation(db, { name: 'Annan organisation' })).id
  const userIds = new Map<Who, string>()
  const cookies = new Map<Who, string>()
  for (const role of roles) {
    const user = await makeUser(db, { role, organisationId: own })
    userIds.set(role, user.id)
    cookies.set(role, (await signedIn(db, user.id)).cookie)
  }
  const placeholders: Record<string, string> = await coreSetup(db, { own, other, userIds })
  const areas = await loadAreaProbes()
  for (const area of areas) Object.assign(placeholders, await area.setup(db, { own, other, userIds }))
  const ordered = Object.entries(placeholders).sort(([a], [b]) => b.length - a.length)
  const resolve = (value: string) => ordered.reduce((text, [placeholder, id]) => text.split(placeholder).join(id), value)
  const resolveAll = (record: Record<string, string> = {}) =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [key, resolve(value)]))

  const byRoute = new Map<string, ActionTarget>()
  for (const probe of [...coreProbes(), ...areas.flatMap((area) => area.probes())]) {
    if (probe.method !== 'POST') continue
    const existing = byRoute.get(probe.route)
    if (existing) {
      existing.bodies.push(resolveAll(probe.body))
      continue
    }
    byRoute.set(probe.route, {
      route: probe.route,
      url: resolve(probe.url),
      params: resolveAll(probe.params),
      bodies: [resolveAll(probe.body)],
      ownSession: probe.ownSession ?? false,
    })
  }
  return {
    targets: [...byRoute.values()].sort((a, b) => a.route.localeCompare(b.route)),
    ids: [...new Set(Object.values(placeholders))],
    userIds,
    cookies,
    own,
    other,
  }
}
