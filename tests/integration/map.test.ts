import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Database } from '../../app/db/client.server'
import { sectors, type Role } from '../../app/db/enums'
import { siteServiceSummaries } from '../../app/db/schema/map'
import { organisations } from '../../app/db/schema/organisations'
import { criticalServices, serviceSites, sites } from '../../app/db/schema/registry'
import type { Actor } from '../../app/modules/auth/permissions'
import { sectorBit, sectorsOfMask, type MapFilters } from '../../app/modules/map/map-filters'
import { getMapExtent, getMapListPage, getMapSiteDetails, getMapView } from '../../app/modules/map/map.server'
import { SINGLE_SITES_ZOOM, type MapData, type MapExtent, type MapView } from '../../app/modules/map/map-view'
import { createNetwork, setNetworkMember } from '../../app/modules/registry/networks.server'
import { loader as mapDataLoader } from '../../app/routes/karta+/platser'
import { loader as siteLoader } from '../../app/routes/karta+/plats.$id'
import { loader as mapPageLoader } from '../../app/routes/karta+/_index'
import {
  getRequest,
  makeContactRoute,
  makeOrganisation,
  makeService,
  makeSite,
  makeUser,
  signedIn,
} from '../support/factories'
import { useTestDatabase } from '../support/test-db'

const options = { staleBefore: new Date('2026-05-27T12:00:00Z') }
const context = { clientIp: '127.0.0.1', cspNonce: '', requestId: 'test' }

const actor = (role: Role, organisationId: string): Actor => ({ memberships: [{ organisationId, role }] })

/** Every matching site by itself: the whole world at street level, which only a test asks for. */
function getMapData(db: Database, reader: Actor, filters: MapFilters, mapOptions: typeof options): Promise<MapView> {
  return getMapView(db, reader, filters, mapOptions, { bbox: [-180, -85, 180, 85], zoom: SINGLE_SITES_ZOOM })
}

function siteNames(data: MapData): string[] {
  return [...data.sites.name].sort()
}

/** Each site's organisation's routes, as "function/value" strings. */
function routesOf(data: MapData, organisationName: string): string[] {
  const index = data.organisations.name.indexOf(organisationName)
  return (data.organisations.routes[index] ?? []).map(([fn, , value]) => `${fn}/${value}`)
}

/**
 * Two organisations with sites and services that differ in every filtered way:
 * - Vattenbolaget (water, in the network, confirmed last month, a 24/7 ISK, sites with water and energy services)
 * - Polisen (police, not in the network, never confirmed, only an office-hours switchboard and a restricted 24/7 mobile)
 */
async function county(db: Database) {
  const water = await makeOrganisation(db, { name: 'Vattenbolaget', kind: 'water' })
  const police = await makeOrganisation(db, { name: 'Polisen', kind: 'police' })
  await db
    .update(organisations)
    .set({ confirmedAt: new Date('2026-10-27T12:00:00Z') })
    .where(eq(organisations.id, water.id))
  const network = await createNetwork(db, {
    actorId: null,
    name: 'Krissamverkan Sjuhärad',
    description: '',
    coordinatorOrganisationId: null,
  })
  await setNetworkMember(db, { actorId: null, networkId: network.id, organisationId: water.id, member: true })

  const works = await makeSite(db, {
    organisationId: water.id,
    name: 'Vattenverket',
    lat: 58.03,
    lng: 12.8,
    styrelClass: 3,
  })
  const tower = await makeSite(db, { organisationId: water.id, name: 'Vattentornet', lat: 58.04, lng: 12.81 })
  await makeSite(db, { organisationId: water.id, name: 'Utan position', lat: null, lng: null })
  const station = await makeSite(db, { organisationId: police.id, name: 'Polisstationen', lat: 58.035, lng: 12.805 })

  await makeService(db, {
    organisationId: water.id,
    name: 'Dricksvatten',
    sector: 'municipal_technical',
    styrelClass: 1,
    siteIds: [works.id, tower.id],
  })
  await makeService(db, { organisationId: water.id, name: 'Reservkraft', sector: 'energy', siteIds: [works.id] })
  await makeService(db, {
    organisationId: police.id,
    name: 'Polisverksamhet',
    sector: 'protection_safety',
    styrelClass: 2,
    siteIds: [station.id],
  })

  // Saved in an order other than the crisis order, to see the sorting.
  await makeContactRoute(db, {
    organisationId: water.id,
    function: 'switchboard',
    value: '031-390 06 10',
    availability: 'office_hours',
  })
  await makeContactRoute(db, {
    organisationId: water.id,
    function: 'duty_officer',
    value: '031-390 06 11',
    availability: 'always',
  })
  await makeContactRoute(db, {
    organisationId: water.id,
    function: 'isk',
    value: '031-390 06 12',
    availability: 'always',
    callOrder: 2,
  })
  await makeContactRoute(db, {
    organisationId: police.id,
    function: 'switchboard',
    value: '08-465 004 01',
    availability: 'office_hours',
  })
  await makeContactRoute(db, {
    organisationId: police.id,
    function: 'isk',
    channel: 'mobile',
    value: '070-174 06 20',
    availability: 'always',
    visibility: 'restricted',
  })
  return { water, police, network, works, tower, station }
}

describe('the map data', () => {
  const db = useTestDatabase()

  it('returns every site with a position, with its organisation, sectors and most critical Styrel class', async () => {
    const { water, works, tower, station } = await county(db())
    const viewer = actor('viewer', (await makeOrganisation(db())).id)
    const data = await getMapData(db(), viewer, {}, options)

    expect(siteNames(data)).toEqual(['Polisstationen', 'Vattentornet', 'Vattenverket'])
    const at = (id: string) => data.sites.id.indexOf(id)
    expect(sectorsOfMask(data.sites.sectors[at(works.id)]!)).toEqual(['energy', 'municipal_technical'])
    expect(sectorsOfMask(data.sites.sectors[at(station.id)]!)).toEqual(['protection_safety'])
    // The site's own class 3, but a class-1 service runs there.
    expect(data.sites.styrel[at(works.id)]).toBe(1)
    expect(data.sites.styrel[at(tower.id)]).toBe(1)
    expect(data.sites.styrel[at(station.id)]).toBe(2)
    expect([data.sites.lat[at(works.id)], data.sites.lng[at(works.id)]]).toEqual([58.03, 12.8])

    // Each organisation once, referred to by index.
    expect(data.organisations.name).toHaveLength(2)
    const waterIndex = data.organisations.id.indexOf(water.id)
    expect(data.sites.org[at(works.id)]).toBe(waterIndex)
    expect(data.sites.org[at(tower.id)]).toBe(waterIndex)
    expect(data.organisations.kind[waterIndex]).toBe('water')
    expect(data.organisations.confirmedAt[waterIndex]).toBe('2026-10-27T12:00:00.000Z')
    for (const column of Object.values(data.sites)) expect(column).toHaveLength(3)
  })

  it.each<[string, MapFilters, string[]]>([
    ['sector', { sector: 'energy' }, ['Vattenverket']],
    ['sector of another site', { sector: 'protection_safety' }, ['Polisstationen']],
    ['organisation kind', { kind: 'police' }, ['Polisstationen']],
    ['network', { network: 'NETWORK' }, ['Vattentornet', 'Vattenverket']],
    ['Styrel class', { styrel: 2 }, ['Polisstationen']],
    ['Styrel class of a service at the site', { styrel: 1 }, ['Vattentornet', 'Vattenverket']],
    ['no 24/7 route', { no247: true }, ['Polisstationen']],
    ['data older than 6 months', { stale: true }, ['Polisstationen']],
    ['several filters at once', { kind: 'water', sector: 'municipal_technical', stale: true }, []],
  ])('narrows by %s', async (_, filters, expected) => {
    const { network } = await county(db())
    const viewer = actor('viewer', (await makeOrganisation(db())).id)
    const resolved = filters.network ? { ...filters, network: network.id } : filters
    expect(siteNames(await getMapData(db(), viewer, resolved, options))).toEqual(expected)
    const page = await getMapListPage(
      db(),
      viewer,
      { filters: resolved, sort: { key: 'site', direction: 'asc' }, page: 1, pageSize: 50 },
      options,
    )
    expect(page.total).toBe(expected.length)
    expect(page.rows.map((row) => row.name)).toEqual(expected)
  })

  it('counts data as old when it was confirmed before the limit or never', async () => {
    const { water } = await county(db())
    const viewer = actor('viewer', water.id)
    await db()
      .update(organisations)
      .set({ confirmedAt: new Date('2026-05-01T00:00:00Z') })
      .where(eq(organisations.id, water.id))
    expect(siteNames(await getMapData(db(), viewer, { stale: true }, options))).toEqual([
      'Polisstationen',
      'Vattentornet',
      'Vattenverket',
    ])
  })

  it('sends only ISK and 24/7 routes, ISK first, and never restricted routes of other organisations', async () => {
    const { water, police } = await county(db())
    const viewer = await getMapData(db(), actor('viewer', water.id), {}, options)
    expect(routesOf(viewer, 'Vattenbolaget')).toEqual(['isk/031-390 06 12', 'duty_officer/031-390 06 11'])
    expect(routesOf(viewer, 'Polisen')).toEqual([])
    expect(JSON.stringify(viewer)).not.toContain('070-174 06 20')

    const otherPartner = await getMapData(db(), actor('partner_editor', water.id), {}, options)
    expect(JSON.stringify(otherPartner)).not.toContain('070-174 06 20')

    // The police's own editor and the coordinator see the restricted ISK.
    const ownPartner = await getMapData(db(), actor('partner_editor', police.id), {}, options)
    expect(routesOf(ownPartner, 'Polisen')).toEqual(['isk/070-174 06 20'])
    const coordinator = await getMapData(db(), actor('coordinator', (await makeOrganisation(db())).id), {}, options)
    expect(routesOf(coordinator, 'Polisen')).toEqual(['isk/070-174 06 20'])

    const list = await getMapListPage(
      db(),
      actor('viewer', water.id),
      { filters: {}, sort: { key: 'organisation', direction: 'asc' }, page: 1, pageSize: 50 },
      options,
    )
    expect(JSON.stringify(list)).not.toContain('070-174 06 20')
  })

  it('shows a viewer and a partner of another organisation the same network routes', async () => {
    await county(db())
    const third = await makeOrganisation(db())
    const viewer = await getMapData(db(), actor('viewer', third.id), {}, options)
    const partner = await getMapData(db(), actor('partner_editor', third.id), {}, options)
    expect(partner.organisations).toEqual(viewer.organisations)
  })

  it('judges "no 24/7 route" by the routes the reader can see', async () => {
    const { police } = await county(db())
    const stranger = await getMapData(
      db(),
      actor('viewer', (await makeOrganisation(db())).id),
      { no247: true },
      options,
    )
    expect(siteNames(stranger)).toEqual(['Polisstationen'])
    const own = await getMapData(db(), actor('partner_editor', police.id), { no247: true }, options)
    expect(siteNames(own)).toEqual([])
  })

  it('lists the same records as the map, sorted and in pages, with what a popup shows', async () => {
    const { water } = await county(db())
    const viewer = actor('viewer', water.id)
    const map = await getMapData(db(), viewer, {}, options)
    const query = (
      sort: 'organisation' | 'site' | 'sector' | 'styrel',
      direction: 'asc' | 'desc',
      page = 1,
      pageSize = 50,
    ) => getMapListPage(db(), viewer, { filters: {}, sort: { key: sort, direction }, page, pageSize }, options)

    const all = await query('organisation', 'asc')
    expect(all.total).toBe(map.sites.id.length)
    expect(all.rows.map((row) => row.id).sort()).toEqual([...map.sites.id].sort())
    expect(all.rows.map((row) => row.name)).toEqual(['Polisstationen', 'Vattentornet', 'Vattenverket'])
    expect((await query('organisation', 'desc')).rows.map((row) => row.name)).toEqual([
      'Vattenverket',
      'Vattentornet',
      'Polisstationen',
    ])
    expect((await query('site', 'desc')).rows.map((row) => row.name)).toEqual([
      'Vattenverket',
      'Vattentornet',
      'Polisstationen',
    ])
    // Energy comes first in the sector list, then municipal technical services, then protection and safety.
    expect((await query('sector', 'asc')).rows.map((row) => row.name)).toEqual([
      'Vattenverket',
      'Vattentornet',
      'Polisstationen',
    ])
    expect((await query('styrel', 'desc')).rows.map((row) => row.name)).toEqual([
      'Polisstationen',
      'Vattentornet',
      'Vattenverket',
    ])

    const second = await query('site', 'asc', 2, 2)
    expect(second.total).toBe(3)
    expect(second.rows.map((row) => row.name)).toEqual(['Vattenverket'])

    const works = all.rows.find((row) => row.name === 'Vattenverket')!
    expect(works.services.map((service) => service.name)).toEqual(['Dricksvatten', 'Reservkraft'])
    expect(works.routes.map(([fn]) => fn)).toEqual(['isk', 'duty_officer'])
    expect(works.organisation).toMatchObject({ name: 'Vattenbolaget', kind: 'water' })
    expect(works.styrel).toBe(1)
    expect(works.sectors).toBe(sectorBit('energy') | sectorBit('municipal_technical'))

    const details = await getMapSiteDetails(db(), works.id)
    expect(details?.services.map((service) => service.name)).toEqual(['Dricksvatten', 'Reservkraft'])
    expect(await getMapSiteDetails(db(), '00000000-0000-4000-8000-000000000000')).toBeNull()
  })

  it('keeps the per-site summary current when services, their sites and sectors change', async () => {
    const { works, tower, station } = await county(db())
    const summary = async (siteId: string) =>
      (await db().select().from(siteServiceSummaries).where(eq(siteServiceSummaries.siteId, siteId)))[0] ?? null

    expect(await summary(tower.id)).toEqual({
      siteId: tower.id,
      sectorMask: sectorBit('municipal_technical'),
      styrelClass: 1,
    })

    const [water] = await db().select().from(criticalServices).where(eq(criticalServices.name, 'Dricksvatten'))
    await db()
      .update(criticalServices)
      .set({ sector: 'food', styrelClass: 4 })
      .where(eq(criticalServices.id, water!.id))
    expect(await summary(tower.id)).toEqual({ siteId: tower.id, sectorMask: sectorBit('food'), styrelClass: 4 })
    expect((await summary(works.id))?.sectorMask).toBe(sectorBit('food') | sectorBit('energy'))

    await db().delete(serviceSites).where(eq(serviceSites.siteId, tower.id))
    expect(await summary(tower.id)).toBeNull()

    await db().delete(criticalServices).where(eq(criticalServices.name, 'Reservkraft'))
    expect(await summary(works.id)).toEqual({ siteId: works.id, sectorMask: sectorBit('food'), styrelClass: 4 })

    await db().delete(sites).where(eq(sites.id, station.id))
    expect(await summary(station.id)).toBeNull()
  })

  it('agrees with the sector list of the code on every sector bit', async () => {
    const organisation = await makeOrganisation(db())
    for (const sector of sectors) {
      const site = await makeSite(db(), { organisationId: organisation.id, name: sector })
      await makeService(db(), { organisationId: organisation.id, sector, siteIds: [site.id] })
    }
    const rows = await db()
      .select({ name: sites.name, mask: siteServiceSummaries.sectorMask })
      .from(siteServiceSummaries)
      .innerJoin(sites, eq(sites.id, siteServiceSummaries.siteId))
    expect(Object.fromEntries(rows.map((row) => [row.name, row.mask]))).toEqual(
      Object.fromEntries(sectors.map((sector) => [sector, sectorBit(sector)])),
    )
    const [check] = await db()
      .execute<{ bit: number }>(sql`select portal_sector_bit('transport') as bit`)
      .then((result) => (Array.isArray(result) ? result : (result as unknown as { rows: { bit: number }[] }).rows))
    expect(check?.bit).toBe(sectorBit('transport'))
  })
})

describe('the map views', () => {
  const db = useTestDatabase()
  const viewer = async () => actor('viewer', (await makeOrganisation(db())).id)

  it('tells how many sites match and where they are, before any view is asked for', async () => {
    await county(db())
    const reader = await viewer()
    expect(await getMapExtent(db(), reader, {}, options)).toEqual<MapExtent>({
      total: 3,
      bounds: [58.03, 12.8, 58.04, 12.81],
    })
    expect(await getMapExtent(db(), reader, { kind: 'police' }, options)).toEqual<MapExtent>({
      total: 1,
      bounds: [58.035, 12.805, 58.035, 12.805],
    })
    expect(await getMapExtent(db(), reader, { sector: 'food' }, options)).toEqual<MapExtent>({
      total: 0,
      bounds: null,
    })
  })

  it('gathers sites that crowd together on screen into clusters, and shows the rest by themselves', async () => {
    const { works, tower, station } = await county(db())
    const reader = await viewer()
    const box: [number, number, number, number] = [12, 57.5, 13.5, 58.5]

    // Zoomed out, the three sites share one 64-pixel cell.
    const far = await getMapView(db(), reader, {}, options, { bbox: box, zoom: 8 })
    expect(far.inView).toBe(3)
    expect(far.sites.id).toEqual([])
    expect(far.clusters.count).toEqual([3])
    expect(far.clusters.bounds).toEqual([[58.03, 12.8, 58.04, 12.81]])
    expect(far.clusters.lat[0]).toBeCloseTo((58.03 + 58.04 + 58.035) / 3, 5)

    // Closer, the water works sits alone; the tower and the police station still share a cell.
    const near = await getMapView(db(), reader, {}, options, { bbox: box, zoom: 10 })
    expect(near.inView).toBe(3)
    expect(near.sites.id).toEqual([works.id])
    expect(near.organisations.name).toEqual(['Vattenbolaget'])
    expect(near.clusters.key).toEqual(['10/2193/1232'])
    expect(near.clusters.count).toEqual([2])
    expect(near.clusters.bounds).toEqual([[58.035, 12.805, 58.04, 12.81]])

    // At street level every site shows by itself.
    const street = await getMapView(db(), reader, {}, options, { bbox: [12.79, 58.02, 12.82, 58.05], zoom: 17 })
    expect(street.clusters.key).toEqual([])
    expect([...street.sites.id].sort()).toEqual([works.id, tower.id, station.id].sort())
    expect(street.inView).toBe(3)

    // A pan keeps a cluster's key, so the browser keeps its marker (and the focus on it).
    const panned = await getMapView(db(), reader, {}, options, { bbox: [12.5, 57.9, 14, 58.9], zoom: 10 })
    expect(panned.clusters.key).toEqual(near.clusters.key)
  })

  it('leaves out what is outside the view and what the filters exclude', async () => {
    const { station } = await county(db())
    const reader = await viewer()
    const elsewhere = await getMapView(db(), reader, {}, options, { bbox: [13, 57, 14, 58], zoom: 8 })
    expect(elsewhere).toMatchObject({ inView: 0, clusters: { key: [] }, sites: { id: [] } })

    const police = await getMapView(db(), reader, { kind: 'police' }, options, {
      bbox: [12, 57.5, 13.5, 58.5],
      zoom: 8,
    })
    expect(police.inView).toBe(1)
    expect(police.sites.id).toEqual([station.id])
    expect(police.clusters.key).toEqual([])
  })
})

describe('the map routes', () => {
  const db = useTestDatabase()

  it('serve the page, the map data and a popup to a network reader, with the filters from the URL', async () => {
    const { water, works } = await county(db())
    const user = await makeUser(db(), { role: 'viewer', organisationId: water.id })
    const { cookie } = await signedIn(db(), user.id)

    const mapData = async (search: string) => {
      const response = (await mapDataLoader({
        request: getRequest(`/karta/platser?${search}`, cookie),
        params: {},
        context,
      })) as Response
      expect(response.headers.get('Content-Type')).toContain('application/json')
      expect(response.headers.get('Cache-Control')).toContain('no-store')
      return { status: response.status, body: (await response.json()) as unknown }
    }
    // Without a view: the extent; with one: what the view shows.
    expect(await mapData('sector=energy&kind=bogus')).toEqual({
      status: 200,
      body: { total: 1, bounds: [58.03, 12.8, 58.03, 12.8] },
    })
    const view = await mapData('sector=energy&kind=bogus&bbox=12.7,57.9,12.9,58.1&zoom=14')
    expect(view.status).toBe(200)
    const data = view.body as MapView
    expect(data.sites.name).toEqual(['Vattenverket'])
    expect(data.inView).toBe(1)
    // A view no screen shows, or no view at all: refused with a message.
    for (const search of [
      'bbox=-180,-85,180,85&zoom=17',
      'bbox=12.9,57.9,12.7,58.1&zoom=10',
      'bbox=12.7,57.9,12.9&zoom=10',
      'bbox=a,b,c,d&zoom=10',
      'bbox=12.7,57.9,12.9,58.1&zoom=21',
      'bbox=12.7,57.9,12.9,58.1',
    ]) {
      expect(await mapData(search), search).toEqual({
        status: 400,
        body: { error: 'Kartutsnittet (bbox och zoom) är ogiltigt.' },
      })
    }

    const page = await mapPageLoader({
      request: getRequest('/karta?sector=energy&sort=site-desc&page=1', cookie),
      params: {},
      context,
    })
    expect(page.list.total).toBe(1)
    expect(page.list.rows.map((row) => row.id)).toEqual(data.sites.id)
    expect(page.query.sort).toEqual({ key: 'site', direction: 'desc' })
    expect(page.tiles.url).toContain('{z}')

    const popup = (await siteLoader({
      request: getRequest(`/karta/plats/${works.id}`, cookie),
      params: { id: works.id },
      context,
    })) as Response
    expect(await popup.json()).toMatchObject({
      name: 'Vattenverket',
      services: [{ name: 'Dricksvatten' }, { name: 'Reservkraft' }],
    })

    await expect(
      siteLoader({
        request: getRequest('/karta/plats/00000000-0000-4000-8000-000000000000', cookie),
        params: { id: '00000000-0000-4000-8000-000000000000' },
        context,
      }),
    ).rejects.toMatchObject({ status: 404 })
  })
})
