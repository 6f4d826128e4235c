import { describe, expect, it } from 'vitest'
import type { Database } from '../../app/db/client.server'
import { criticalServices, networkMembers, networks } from '../../app/db/schema/registry'
import type { DependencyGraphView } from '../../app/modules/dependency-graph/graph-view'
import { parseGraphSearch } from '../../app/modules/dependency-graph/graph-view'
import type { PickerState } from '../../app/modules/organisations/picker'
import { loadDependencyGraphView, resolveGraphScope } from '../../app/modules/dependency-graph/graph-view.server'
import { loader } from '../../app/routes/beroenden'
import {
  getRequest,
  makeDependency,
  makeOrganisation,
  makeService,
  makeSite,
  makeUser,
  signedIn,
} from '../support/factories'
import { useTestDatabase } from '../support/test-db'

const context = { clientIp: '127.0.0.1', cspNonce: '', requestId: 'test' }

/**
 * Three organisations in a chain: the region's home care needs the
 * municipality's care home, which needs the water company's drinking water,
 * which runs on electricity with 12 h of backup power at its plant (its
 * acceptable outage time is 24 h). A fourth organisation stands apart.
 */
async function chain(db: Database) {
  const water = await makeOrganisation(db, { name: 'Alingsås Vatten', kind: 'water' })
  const municipality = await makeOrganisation(db, { name: 'Bollebygds kommun', kind: 'municipality' })
  const region = await makeOrganisation(db, { name: 'Västra Götalandsregionen', kind: 'healthcare' })
  const apart = await makeOrganisation(db, { name: 'Fristående AB', kind: 'company' })
  const plant = await makeSite(db, { organisationId: water.id, name: 'Vattenverket', backupPowerHours: 12 })
  const drinkingWater = await makeService(db, {
    organisationId: water.id,
    name: 'Dricksvatten',
    sector: 'municipal_technical',
    acceptableOutageHours: 24,
    siteIds: [plant.id],
  })
  const care = await makeService(db, {
    organisationId: municipality.id,
    name: 'Äldreomsorg',
    sector: 'health_care',
    acceptableOutageHours: 8,
  })
  const homeCare = await makeService(db, {
    organisationId: region.id,
    name: 'Hemsjukvård',
    sector: 'health_care',
    acceptableOutageHours: 4,
  })
  const separate = await makeService(db, { organisationId: apart.id, name: 'Lager', acceptableOutageHours: 48 })
  await makeDependency(db, { serviceId: drinkingWater.id, resource: 'electricity', copesHours: 2 })
  await makeDependency(db, { serviceId: care.id, dependsOnServiceId: drinkingWater.id, copesHours: 6 })
  await makeDependency(db, {
    serviceId: homeCare.id,
    dependsOnServiceId: care.id,
    copesHours: 1,
    backupDescription: 'Egen personalpool',
    backupHours: 8,
  })
  await makeDependency(db, {
    serviceId: separate.id,
    resource: 'fuel',
    copesHours: 24,
    backupDescription: 'Egen tank',
    backupHours: 72,
  })
  return { water, municipality, region, apart, drinkingWater, care, homeCare, separate }
}

async function viewOf(db: Database, search: string, pageSize = 100): Promise<DependencyGraphView> {
  const { query, page } = parseGraphSearch(new URLSearchParams(search))
  return loadDependencyGraphView(db, await resolveGraphScope(db, query), { page, pageSize })
}

async function status(run: () => Promise<unknown>): Promise<number> {
  try {
    await run()
    return 200
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}

describe('the dependency graph view', () => {
  const db = useTestDatabase()

  it('for one organisation: its services and the services upstream of them, with names, weak points and the table', async () => {
    const c = await chain(db())
    const view = await viewOf(db(), `organisation=${c.municipality.id}`)
    expect(view.scope).toEqual({
      kind: 'organisation',
      organisation: { id: c.municipality.id, name: 'Bollebygds kommun' },
    })
    // The care home and the drinking water it needs; not the home care that needs it, nor the company apart.
    expect(view.summary).toEqual({
      services: 2,
      servicesInScope: 1,
      organisations: 2,
      dependencies: 2,
      onResources: 1,
      onServices: 1,
    })

    // Electricity: drinking water directly, the care home through it.
    expect(view.hubs.items).toEqual([
      {
        target: { kind: 'resource', resource: 'electricity' },
        direct: 1,
        transitive: 2,
        dependents: [{ id: c.water.id, name: 'Alingsås Vatten' }],
        moreDependents: 0,
      },
    ])
    // Care home → drinking water: no backup (contact both); drinking water →
    // electricity: 12 h of the plant's backup power < 24 h.
    expect(
      view.backups.items.map((item) => [item.service.name, item.kind, item.backupHours, item.backupSource]),
    ).toEqual([
      ['Äldreomsorg', 'none', 0, 'none'],
      ['Dricksvatten', 'short', 12, 'site'],
    ])
    expect(view.backups.items[0]!.target).toEqual({
      kind: 'service',
      service: { id: c.drinkingWater.id, name: 'Dricksvatten' },
      organisation: { id: c.water.id, name: 'Alingsås Vatten' },
    })
    expect(view.chains.items).toEqual([
      {
        steps: [
          {
            service: { id: c.care.id, name: 'Äldreomsorg' },
            organisation: { id: c.municipality.id, name: 'Bollebygds kommun' },
          },
          {
            service: { id: c.drinkingWater.id, name: 'Dricksvatten' },
            organisation: { id: c.water.id, name: 'Alingsås Vatten' },
          },
        ],
        organisations: [
          { id: c.municipality.id, name: 'Bollebygds kommun' },
          { id: c.water.id, name: 'Alingsås Vatten' },
        ],
        crossings: 1,
        continues: false,
      },
    ])

    // Drawn: two services (the supplier outside the scope) and electricity.
    expect(view.graph.drawn).toBe(true)
    if (!view.graph.drawn) return
    expect(
      view.graph.nodes.map((node) => [node.kind, node.label, node.organisation ?? null, node.outside ?? null]).sort(),
    ).toEqual([
      ['resource', 'electricity', null, null],
      ['service', 'Dricksvatten', 'Alingsås Vatten', true],
      ['service', 'Äldreomsorg', 'Bollebygds kommun', false],
    ])
    expect(
      view.graph.edges.map((edge) => [edge.source, edge.target, edge.copesHours, edge.backupHours, edge.weak]).sort(),
    ).toEqual(
      [
        [c.care.id, c.drinkingWater.id, 6, 0, 'none'],
        [c.drinkingWater.id, 'resource:electricity', 2, 12, 'short'],
      ].sort(),
    )

    // The table: organisation by name (first letters that sort alike in every collation), then service.
    expect(
      view.table.rows.map((row) => [
        row.organisation.name,
        row.service.name,
        row.target.kind === 'resource' ? row.target.resource : row.target.service.name,
        row.copesHours,
        row.backupHours,
        row.backupSource,
        row.weak,
      ]),
    ).toEqual([
      ['Alingsås Vatten', 'Dricksvatten', 'electricity', 2, 12, 'site', 'short'],
      ['Bollebygds kommun', 'Äldreomsorg', 'Dricksvatten', 6, 0, 'none', 'none'],
    ])
  })

  it('for the whole area: every service, the longest chain first, and the table in pages', async () => {
    await chain(db())
    const view = await viewOf(db(), '', 2)
    expect(view.summary).toMatchObject({ services: 4, servicesInScope: 4, organisations: 4, dependencies: 4 })
    // Home care → care home → drinking water: three organisations.
    expect(view.chains.total).toBe(1)
    expect(view.chains.items[0]!.organisations.map((o) => o.name)).toEqual([
      'Västra Götalandsregionen',
      'Bollebygds kommun',
      'Alingsås Vatten',
    ])
    // Electricity: 1 direct, 3 in all; drinking water: the care home directly, home care through it.
    expect(
      view.hubs.items.map((hub) => [
        hub.target.kind === 'resource' ? hub.target.resource : hub.target.service.name,
        hub.direct,
        hub.transitive,
      ]),
    ).toEqual([
      ['electricity', 1, 3],
      ['Dricksvatten', 1, 2],
    ])
    // Home care's 8 h backup lasts its 4 h; the company's fuel lasts 72 h ≥ 48 h.
    expect(view.backups.total).toBe(2)
    // Four rows, two a page: Alingsås Vatten, Bollebygds kommun | Fristående AB, Västra Götalandsregionen.
    expect(view.table).toMatchObject({ total: 4, page: 1, pageSize: 2 })
    expect(view.table.rows.map((row) => row.organisation.name)).toEqual(['Alingsås Vatten', 'Bollebygds kommun'])
    const second = await viewOf(db(), 'page=2', 2)
    expect(second.table.rows.map((row) => row.organisation.name)).toEqual(['Fristående AB', 'Västra Götalandsregionen'])
    expect(second.table.rows[0]).toMatchObject({ backupDescription: 'Egen tank', backupHours: 72, weak: null })
    // A page past the end shows the last one.
    expect((await viewOf(db(), 'page=9', 2)).table.page).toBe(2)
  })

  it("for a network: its members' services and what they depend on", async () => {
    const c = await chain(db())
    const [network] = await db().insert(networks).values({ name: 'Vårdnätverket' }).returning()
    await db()
      .insert(networkMembers)
      .values([{ networkId: network!.id, organisationId: c.region.id }])
    const view = await viewOf(db(), `network=${network!.id}`)
    expect(view.scope).toEqual({ kind: 'network', network: { id: network!.id, name: 'Vårdnätverket' }, members: 1 })
    // Home care, and upstream the care home and the drinking water.
    expect(view.summary).toMatchObject({ services: 3, servicesInScope: 1, organisations: 3, dependencies: 3 })
    expect(view.table.rows.map((row) => row.service.name).sort()).toEqual([
      'Dricksvatten',
      'Hemsjukvård',
      'Äldreomsorg',
    ])
    // The radio button decides when the form sends both lists.
    const both = await viewOf(db(), `scope=network&network=${network!.id}&organisation=${c.apart.id}`)
    expect(both.scope.kind).toBe('network')
  })

  it('does not draw a graph past the node limit but still lists and pages it', async () => {
    const organisation = await makeOrganisation(db())
    const values = Array.from({ length: 501 }, (_, i) => ({
      organisationId: organisation.id,
      name: `Verksamhet ${String(i).padStart(3, '0')}`,
      sector: 'food' as const,
      acceptableOutageHours: 24,
    }))
    await db().insert(criticalServices).values(values)
    const view = await viewOf(db(), '')
    expect(view.graph).toEqual({ drawn: false, nodeCount: 501 })
    expect(view.summary.services).toBe(501)
  })
})

describe('the /beroenden route', () => {
  const db = useTestDatabase()

  it('is open to every network reader and answers 404 for an unknown or malformed scope', async () => {
    const c = await chain(db())
    const viewer = await makeUser(db(), { role: 'viewer', organisationId: c.apart.id })
    const { cookie } = await signedIn(db(), viewer.id)
    const page = (await loader({
      request: getRequest(`/beroenden?organisation=${c.region.id}`, cookie),
      params: {},
      context,
    })) as { view: DependencyGraphView; organisationPicker: PickerState }
    expect(page.view.chains.items[0]!.steps.map((step) => step.service.name)).toEqual([
      'Hemsjukvård',
      'Äldreomsorg',
      'Dricksvatten',
    ])
    // The organisation shown is the one chosen in the picker; the page lists no others.
    expect(page.organisationPicker.selected.map((o) => o.name)).toEqual([c.region.name])

    const unknown = '00000000-0000-4000-8000-000000000000'
    for (const search of [`organisation=${unknown}`, `network=${unknown}`, 'organisation=abc', 'scope=network']) {
      expect(
        await status(() => loader({ request: getRequest(`/beroenden?${search}`, cookie), params: {}, context })),
      ).toBe(404)
    }
  })

  it('sends a signed-out visitor to sign in and refuses an informant', async () => {
    expect(await status(() => loader({ request: getRequest('/beroenden'), params: {}, context }))).toBe(302)
    const informant = await makeUser(db(), { role: 'informant' })
    const { cookie } = await signedIn(db(), informant.id)
    expect(await status(() => loader({ request: getRequest('/beroenden', cookie), params: {}, context }))).toBe(403)
  })
})
