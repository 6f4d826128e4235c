import { and, asc, between, desc, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import type { PgSelect } from 'drizzle-orm/pg-core'
import type { Executor } from '~/db/client.server'
import type { OrganisationKind, Sector } from '~/db/enums'
import { organisations } from '~/db/schema/organisations'
import { siteServiceSummaries } from '~/db/schema/map'
import { contactRoutes, criticalServices, networkMembers, serviceSites, sites } from '~/db/schema/registry'
import type { Actor } from '~/modules/auth/permissions'
import { crisisOrder, visibleRoutesCondition } from '~/modules/contacts/contact-routes.server'
import { sectorBit, type MapFilters, type MapSort } from './map-filters'
import {
  CLUSTER_CELL_PX,
  MAX_SINGLE_SITES,
  SINGLE_SITES_ZOOM,
  worldPixels,
  type MapData,
  type MapExtent,
  type MapRoute,
  type MapView,
  type MapViewport,
} from './map-view'

export interface MapOptions {
  /** Organisations confirmed before this (or never) count as having old data. */
  staleBefore: Date
}

const effectiveStyrel = sql<number | null>`least(${sites.styrelClass}, ${siteServiceSummaries.styrelClass})`

/** The services' summary is joined only when a filter, a sort or the result needs it. */
function needsServices(filters: MapFilters): boolean {
  return filters.sector !== undefined || filters.styrel !== undefined
}

function siteConditions(actor: Actor, filters: MapFilters, options: MapOptions): SQL[] {
  const conditions: SQL[] = [isNotNull(sites.lat), isNotNull(sites.lng)]
  if (filters.kind) conditions.push(eq(organisations.kind, filters.kind))
  if (filters.network) {
    conditions.push(
      sql`exists (select 1 from ${networkMembers} where ${networkMembers.networkId} = ${filters.network} and ${networkMembers.organisationId} = ${sites.organisationId})`,
    )
  }
  if (filters.stale) {
    conditions.push(or(isNull(organisations.confirmedAt), lt(organisations.confirmedAt, options.staleBefore))!)
  }
  if (filters.no247) {
    // Judged on the routes this reader can see: a hidden 24/7 route does not help them in a crisis.
    const visible = visibleRoutesCondition(actor) ?? sql`true`
    conditions.push(
      sql`not exists (select 1 from ${contactRoutes} where ${contactRoutes.organisationId} = ${sites.organisationId} and ${contactRoutes.availability} = 'always' and ${visible})`,
    )
  }
  if (filters.sector) conditions.push(sql`(${siteServiceSummaries.sectorMask} & ${sectorBit(filters.sector)}) <> 0`)
  if (filters.styrel) conditions.push(sql`${effectiveStyrel} = ${filters.styrel}`)
  return conditions
}

/** The ISK and 24/7 routes of the given organisations (a page's worth) that the actor may see, in crisis order. */
export async function crisisRoutesOf(
  db: Executor,
  actor: Actor,
  organisationIds: string[],
): Promise<Map<string, MapRoute[]>> {
  const byOrganisation = new Map<string, MapRoute[]>()
  if (organisationIds.length === 0) return byOrganisation
  const rows = await db
    .select({
      organisationId: contactRoutes.organisationId,
      function: contactRoutes.function,
      channel: contactRoutes.channel,
      value: contactRoutes.value,
      label: contactRoutes.label,
      availability: contactRoutes.availability,
    })
    .from(contactRoutes)
    .where(
      and(
        inArray(contactRoutes.organisationId, organisationIds),
        or(eq(contactRoutes.function, 'isk'), eq(contactRoutes.availability, 'always')),
        visibleRoutesCondition(actor),
      ),
    )
    .orderBy(...crisisOrder)
  for (const row of rows) {
    const list = byOrganisation.get(row.organisationId) ?? []
    list.push([row.function, row.channel, row.value, row.label, row.availability])
    byOrganisation.set(row.organisationId, list)
  }
  return byOrganisation
}

/** Where the matching sites are, and how many: what the map fits itself to before it asks for a view. */
export async function getMapExtent(
  db: Executor,
  actor: Actor,
  filters: MapFilters,
  options: MapOptions,
): Promise<MapExtent> {
  const [row] = await withFilterJoins(
    db
      .select({
        total: sql<number>`count(*)::int`,
        south: sql<number | null>`min(${sites.lat})`,
        west: sql<number | null>`min(${sites.lng})`,
        north: sql<number | null>`max(${sites.lat})`,
        east: sql<number | null>`max(${sites.lng})`,
      })
      .from(sites)
      .$dynamic(),
    filters,
  ).where(and(...siteConditions(actor, filters, options)))
  if (!row || row.total === 0 || row.south === null || row.west === null || row.north === null || row.east === null) {
    return { total: 0, bounds: null }
  }
  return { total: row.total, bounds: [row.south, row.west, row.north, row.east] }
}

/** The tables the filters read besides sites, joined only when a filter needs them. */
function withFilterJoins<T extends PgSelect>(query: T, filters: MapFilters): T {
  let joined: PgSelect = query
  if (filters.kind || filters.stale)
    joined = joined.innerJoin(organisations, eq(organisations.id, sites.organisationId))
  if (needsServices(filters)) joined = joined.leftJoin(siteServiceSummaries, eq(siteServiceSummaries.siteId, sites.id))
  // Drizzle types each join as a new query type; the columns selected stay the same.
  return joined as T
}

interface CellRow extends Record<string, unknown> {
  key: string
  count: number
  lat: number
  lng: number
  south: number
  west: number
  north: number
  east: number
  site: string | null
}

/**
 * One view of the map: the matching sites inside the box, gathered into the
 * cells of a screen grid (CLUSTER_CELL_PX square at the view's zoom level, in
 * Web Mercator like the tiles). A cell with one site shows the site, a cell
 * with more a cluster at their centre; from SINGLE_SITES_ZOOM on every site
 * shows by itself. PostgreSQL does the grouping, so the answer stays small
 * however many sites the county has.
 */
export async function getMapView(
  db: Executor,
  actor: Actor,
  filters: MapFilters,
  options: MapOptions,
  viewport: MapViewport,
): Promise<MapView> {
  const [west, south, east, north] = viewport.bbox
  const conditions = and(
    ...siteConditions(actor, filters, options),
    between(sites.lat, south, north),
    between(sites.lng, west, east),
  )
  const clustered = viewport.zoom < SINGLE_SITES_ZOOM
  let cells: CellRow[] = []
  let singleIds: string[]
  if (clustered) {
    const cellsPerWorld = worldPixels(viewport.zoom) / CLUSTER_CELL_PX
    const cellX = sql`floor((${sites.lng} + 180) / 360 * ${cellsPerWorld})`
    const cellY = sql`floor((0.5 - ln(tan(pi() / 4 + radians(${sites.lat}) / 2)) / (2 * pi())) * ${cellsPerWorld})`
    const picked = withFilterJoins(
      db
        .select({
          id: sites.id,
          lat: sites.lat,
          lng: sites.lng,
          cx: sql`${cellX}`.as('cx'),
          cy: sql`${cellY}`.as('cy'),
        })
        .from(sites)
        .$dynamic(),
      filters,
    )
      .where(conditions)
      .as('picked')
    const query = (executor: Executor) =>
      executor
        .select({
          key: sql<string>`${viewport.zoom} || '/' || ${picked.cx} || '/' || ${picked.cy}`,
          count: sql<number>`count(*)::int`,
          lat: sql<number>`avg(${picked.lat})`,
          lng: sql<number>`avg(${picked.lng})`,
          south: sql<number>`min(${picked.lat})`,
          west: sql<number>`min(${picked.lng})`,
          north: sql<number>`max(${picked.lat})`,
          east: sql<number>`max(${picked.lng})`,
          site: sql<string | null>`case when count(*) = 1 then (array_agg(${picked.id}))[1] end`,
        })
        .from(picked)
        .groupBy(picked.cx, picked.cy)
    // The planner cannot know how few cells 30,000 sites fall into: it expects
    // a group per site and sorts them all. Grouping in a hash table is two to
    // three times faster; the cells are put in order here instead.
    cells = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_sort = off`)
      return query(tx)
    })
    // A fixed order, so the same view gives the same answer.
    cells.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    singleIds = cells.flatMap((cell) => (cell.site ? [cell.site] : []))
  } else {
    const rows = await withFilterJoins(db.select({ id: sites.id }).from(sites).$dynamic(), filters)
      .where(conditions)
      .orderBy(asc(sites.id))
      .limit(MAX_SINGLE_SITES)
    singleIds = rows.map((row) => row.id)
  }
  const clusters = cells.filter((cell) => cell.site === null)
  const singles = await mapSites(db, actor, singleIds)
  return {
    zoom: viewport.zoom,
    inView: clustered ? cells.reduce((sum, cell) => sum + cell.count, 0) : singleIds.length,
    clusters: {
      key: clusters.map((cell) => cell.key),
      lat: clusters.map((cell) => roundDegrees(cell.lat)),
      lng: clusters.map((cell) => roundDegrees(cell.lng)),
      count: clusters.map((cell) => cell.count),
      bounds: clusters.map((cell) => [cell.south, cell.west, cell.north, cell.east]),
    },
    ...singles,
  }
}

/** About a metre: plenty for a map, and shorter JSON. */
const roundDegrees = (value: number) => Math.round(value * 100_000) / 100_000

/** The given sites in the compact shape of MapData, in the given order, with their organisations' crisis routes. */
async function mapSites(db: Executor, actor: Actor, ids: string[]): Promise<MapData> {
  const data: MapData = {
    sites: { id: [], name: [], lat: [], lng: [], org: [], sectors: [], styrel: [] },
    organisations: { id: [], name: [], kind: [], confirmedAt: [], routes: [] },
  }
  if (ids.length === 0) return data
  const rows = await db
    .select({
      id: sites.id,
      name: sites.name,
      lat: sites.lat,
      lng: sites.lng,
      sectors: siteServiceSummaries.sectorMask,
      styrel: effectiveStyrel,
      organisationId: organisations.id,
      organisationName: organisations.name,
      kind: organisations.kind,
      confirmedAt: organisations.confirmedAt,
    })
    .from(sites)
    .innerJoin(organisations, eq(organisations.id, sites.organisationId))
    .leftJoin(siteServiceSummaries, eq(siteServiceSummaries.siteId, sites.id))
    .where(inArray(sites.id, ids))
  const byId = new Map(rows.map((row) => [row.id, row]))
  const organisationIndex = new Map<string, number>()
  for (const id of ids) {
    const row = byId.get(id)
    if (!row || row.lat === null || row.lng === null) continue
    let org = organisationIndex.get(row.organisationId)
    if (org === undefined) {
      org = data.organisations.id.length
      organisationIndex.set(row.organisationId, org)
      data.organisations.id.push(row.organisationId)
      data.organisations.name.push(row.organisationName)
      data.organisations.kind.push(row.kind)
      data.organisations.confirmedAt.push(row.confirmedAt?.toISOString() ?? null)
    }
    data.sites.id.push(row.id)
    data.sites.name.push(row.name)
    data.sites.lat.push(roundDegrees(row.lat))
    data.sites.lng.push(roundDegrees(row.lng))
    data.sites.org.push(org)
    data.sites.sectors.push(row.sectors ?? 0)
    data.sites.styrel.push(row.styrel)
  }
  const routes = await crisisRoutesOf(db, actor, data.organisations.id)
  data.organisations.routes = data.organisations.id.map((id) => routes.get(id) ?? [])
  return data
}

export interface MapServiceSummary {
  name: string
  sector: Sector
  styrelClass: number | null
}

/** The critical services at each of the given sites, by name. */
export async function servicesAtSites(db: Executor, siteIds: string[]): Promise<Map<string, MapServiceSummary[]>> {
  const bySite = new Map<string, MapServiceSummary[]>()
  if (siteIds.length === 0) return bySite
  const rows = await db
    .select({
      siteId: serviceSites.siteId,
      name: criticalServices.name,
      sector: criticalServices.sector,
      styrelClass: criticalServices.styrelClass,
    })
    .from(serviceSites)
    .innerJoin(criticalServices, eq(criticalServices.id, serviceSites.serviceId))
    .where(inArray(serviceSites.siteId, siteIds))
    .orderBy(asc(criticalServices.name))
  for (const row of rows) {
    const list = bySite.get(row.siteId) ?? []
    list.push({ name: row.name, sector: row.sector, styrelClass: row.styrelClass })
    bySite.set(row.siteId, list)
  }
  return bySite
}

export interface MapListRow {
  id: string
  name: string
  address: string
  organisation: { id: string; name: string; kind: OrganisationKind; confirmedAt: string | null }
  sectors: number
  styrel: number | null
  services: MapServiceSummary[]
  routes: MapRoute[]
}

function orderFor(sort: MapSort): SQL[] {
  const direction = sort.direction === 'asc' ? asc : desc
  const nullsLast = (expression: SQL) =>
    sort.direction === 'asc' ? sql`${expression} asc nulls last` : sql`${expression} desc nulls last`
  const byOrganisation = [asc(organisations.name), asc(sites.name), asc(sites.id)]
  switch (sort.key) {
    case 'organisation':
      return [direction(organisations.name), direction(sites.name), asc(sites.id)]
    case 'site':
      return [direction(sites.name), asc(organisations.name), asc(sites.id)]
    case 'sector':
      // The lowest set bit is the site's first sector in the fixed list.
      return [
        nullsLast(sql`nullif(${siteServiceSummaries.sectorMask} & -${siteServiceSummaries.sectorMask}, 0)`),
        ...byOrganisation,
      ]
    case 'styrel':
      return [nullsLast(effectiveStyrel), ...byOrganisation]
  }
}

/**
 * One page of the same records as the map, sorted, with the total count and
 * everything a popup shows, so the list can stand in for the map.
 */
export async function getMapListPage(
  db: Executor,
  actor: Actor,
  query: { filters: MapFilters; sort: MapSort; page: number; pageSize: number },
  options: MapOptions,
): Promise<{ total: number; rows: MapListRow[] }> {
  const conditions = and(...siteConditions(actor, query.filters, options))
  const countQuery = needsServices(query.filters)
    ? db
        .select({ total: sql<number>`count(*)::int` })
        .from(sites)
        .innerJoin(organisations, eq(organisations.id, sites.organisationId))
        .leftJoin(siteServiceSummaries, eq(siteServiceSummaries.siteId, sites.id))
        .where(conditions)
    : db
        .select({ total: sql<number>`count(*)::int` })
        .from(sites)
        .innerJoin(organisations, eq(organisations.id, sites.organisationId))
        .where(conditions)
  const [counted, page] = await Promise.all([
    countQuery,
    db
      .select({
        id: sites.id,
        name: sites.name,
        address: sites.address,
        organisationId: organisations.id,
        organisationName: organisations.name,
        kind: organisations.kind,
        confirmedAt: organisations.confirmedAt,
        sectorMask: siteServiceSummaries.sectorMask,
        styrel: effectiveStyrel,
      })
      .from(sites)
      .innerJoin(organisations, eq(organisations.id, sites.organisationId))
      .leftJoin(siteServiceSummaries, eq(siteServiceSummaries.siteId, sites.id))
      .where(conditions)
      .orderBy(...orderFor(query.sort))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
  ])
  const [servicesBySite, routes] = await Promise.all([
    servicesAtSites(
      db,
      page.map((row) => row.id),
    ),
    crisisRoutesOf(db, actor, [...new Set(page.map((row) => row.organisationId))]),
  ])
  return {
    total: counted[0]?.total ?? 0,
    rows: page.map((row) => ({
      id: row.id,
      name: row.name,
      address: row.address,
      organisation: {
        id: row.organisationId,
        name: row.organisationName,
        kind: row.kind,
        confirmedAt: row.confirmedAt?.toISOString() ?? null,
      },
      sectors: row.sectorMask ?? 0,
      styrel: row.styrel,
      services: servicesBySite.get(row.id) ?? [],
      routes: routes.get(row.organisationId) ?? [],
    })),
  }
}

/** What a map popup adds to the map's data: the site's address and its services by name. */
export async function getMapSiteDetails(db: Executor, siteId: string) {
  const [site] = await db
    .select({ id: sites.id, name: sites.name, address: sites.address })
    .from(sites)
    .where(eq(sites.id, siteId))
  if (!site) return null
  const services = await servicesAtSites(db, [siteId])
  return { ...site, services: services.get(siteId) ?? [] }
}
