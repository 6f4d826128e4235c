import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import {
  type Availability,
  type ContactChannel,
  type ContactFunction,
  type OrganisationKind,
  type Sector,
} from '~/db/enums'
import { organisations } from '~/db/schema/organisations'
import { siteServiceSummaries } from '~/db/schema/map'
import { contactRoutes, criticalServices, networkMembers, serviceSites, sites } from '~/db/schema/registry'
import type { Actor } from '~/modules/auth/permissions'
import { crisisOrder, visibleRoutesCondition } from './contact-routes.server'
import { sectorBit, type MapFilters, type MapSort } from './map-filters'

/** An ISK or round-the-clock route, as the map and the list show it: function, channel, value, label, availability. */
export type MapRoute = [ContactFunction, ContactChannel, string, string, Availability]

/**
 * The map's data, shaped for 30,000 sites: parallel arrays of primitives
 * (entry i of every `sites` array is one site), and each organisation once,
 * with its ISK and 24/7 routes, referred to by its index.
 */
export interface MapData {
  sites: {
    id: string[]
    name: string[]
    lat: number[]
    lng: number[]
    /** Index into `organisations`. */
    org: number[]
    /** Sectors of the services at the site, as a bit mask over the fixed sector list (see sectorsOfMask). */
    sectors: number[]
    /** The most critical Styrel class of the site and its services (1 is the most critical). */
    styrel: (number | null)[]
  }
  organisations: {
    id: string[]
    name: string[]
    kind: OrganisationKind[]
    confirmedAt: (string | null)[]
    routes: MapRoute[][]
  }
}

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

/**
 * Every site with a position that matches the filters, for the map, as the
 * JSON text of MapData. PostgreSQL builds the arrays itself (json_agg), so the
 * app receives one value instead of 30,000 rows and sends it on unparsed:
 * row-by-row decoding, not the query, is what costs at county scale.
 */
export async function getMapDataJson(
  db: Executor,
  actor: Actor,
  filters: MapFilters,
  options: MapOptions,
): Promise<string> {
  const visible = visibleRoutesCondition(actor) ?? sql`true`
  const query = sql`
    with picked as (
      select ${sites.id} as id, ${sites.name} as name,
             -- About a metre: plenty for a map, and shorter JSON.
             round(${sites.lat} * 100000) / 100000 as lat, round(${sites.lng} * 100000) / 100000 as lng,
             ${sites.organisationId} as organisation_id,
             coalesce(${siteServiceSummaries.sectorMask}, 0) as sectors,
             ${effectiveStyrel} as styrel
      from ${sites}
      join ${organisations} on ${organisations.id} = ${sites.organisationId}
      left join ${siteServiceSummaries} on ${siteServiceSummaries.siteId} = ${sites.id}
      where ${and(...siteConditions(actor, filters, options))}
    ),
    -- Numbered in no particular order: the number only ties a site to its organisation's entry.
    picked_organisations as (
      select organisation_id, (row_number() over ()) - 1 as org from (select distinct organisation_id from picked) d
    ),
    routes as (
      select ${contactRoutes.organisationId} as organisation_id,
             json_agg(json_build_array(${contactRoutes.function}, ${contactRoutes.channel}, ${contactRoutes.value}, ${contactRoutes.label}, ${contactRoutes.availability})
                      order by ${sql.join(crisisOrder, sql`, `)}) as list
      from ${contactRoutes}
      where ${contactRoutes.organisationId} in (select organisation_id from picked_organisations)
        and (${contactRoutes.function} = 'isk' or ${contactRoutes.availability} = 'always')
        and ${visible}
      group by ${contactRoutes.organisationId}
    )
    select json_build_object(
      'sites', (
        select json_build_object(
          'id', coalesce(json_agg(p.id), '[]'), 'name', coalesce(json_agg(p.name), '[]'),
          'lat', coalesce(json_agg(p.lat), '[]'), 'lng', coalesce(json_agg(p.lng), '[]'),
          'org', coalesce(json_agg(po.org), '[]'), 'sectors', coalesce(json_agg(p.sectors), '[]'),
          'styrel', coalesce(json_agg(p.styrel), '[]'))
        from picked p
        join picked_organisations po on po.organisation_id = p.organisation_id
      ),
      'organisations', (
        select json_build_object(
          'id', coalesce(json_agg(x.id), '[]'), 'name', coalesce(json_agg(x.name), '[]'),
          'kind', coalesce(json_agg(x.kind), '[]'),
          'confirmedAt', coalesce(json_agg(x.confirmed_at), '[]'),
          'routes', coalesce(json_agg(x.routes), '[]'))
        from (
          select o.id, o.name, o.kind,
                 to_char(o.confirmed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as confirmed_at,
                 coalesce(r.list, '[]'::json) as routes
          from picked_organisations po
          join ${organisations} o on o.id = po.organisation_id
          left join routes r on r.organisation_id = po.organisation_id
          order by po.org
        ) x
      )
    )::text as data`
  const result = (await db.execute(query)) as unknown as { data: string }[] | { rows: { data: string }[] }
  const rows = Array.isArray(result) ? result : result.rows
  return rows[0]!.data
}

/** The map's data as an object (see getMapDataJson, which the map's data request sends as it is). */
export async function getMapData(
  db: Executor,
  actor: Actor,
  filters: MapFilters,
  options: MapOptions,
): Promise<MapData> {
  return JSON.parse(await getMapDataJson(db, actor, filters, options)) as MapData
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
