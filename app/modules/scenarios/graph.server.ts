import { sql, type SQL } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { resources, type Resource, type Sector } from '~/db/enums'
import { criticalServices, dependencies, serviceSites, sites } from '~/db/schema/registry'
import type { ScenarioDependency, ScenarioGraph, ScenarioService, ScenarioSite } from './engine'

/** Which services a scenario looks at; their suppliers, and theirs, are loaded too. */
export interface ScenarioGraphScope {
  organisationIds: readonly string[]
}

/** The graph as PostgreSQL sends it: parallel arrays of primitives, rows referring to services and sites by number. */
interface RawGraph {
  services: {
    idx: number[]
    id: string[]
    organisationId: string[]
    sector: Sector[]
    acceptableOutageHours: number[]
    styrelClass: (number | null)[]
    peopleServed: (number | null)[]
  }
  sites: {
    idx: number[]
    id: string[]
    organisationId: string[]
    lat: (number | null)[]
    lng: (number | null)[]
    backupPowerHours: (number | null)[]
  }
  links: { service: number[]; site: number[] }
  dependencies: {
    service: number[]
    /** Index in `resources`, null for a dependency on a service. */
    resource: (number | null)[]
    supplier: (number | null)[]
    copesHours: number[]
    backupHours: (number | null)[]
  }
}

const resourceList = sql.raw(`array[${resources.map((resource) => `'${resource}'`).join(',')}]::text[]`)

function serviceFilter(scope: ScenarioGraphScope | undefined): SQL {
  if (!scope) return sql``
  // The services of the organisations and everything upstream of them: a
  // cascade needs every supplier, never the services that depend on them.
  const organisations = `{${scope.organisationIds.join(',')}}`
  return sql`where s.id in (
    with recursive wanted(id) as (
      select id from ${criticalServices} where organisation_id = any(${organisations}::uuid[])
      union
      select d.depends_on_service_id from ${dependencies} d join wanted w on d.service_id = w.id
      where d.depends_on_service_id is not null
    )
    select id from wanted)`
}

/**
 * The scenario engine's input, read with one set-based query: services (with
 * their sites), the sites they run at (with positions and backup power) and
 * every dependency of those services. PostgreSQL builds one JSON value of
 * parallel arrays (json_agg), numbering services and sites so that links and
 * dependencies carry small numbers instead of uuids: at county scale
 * (100,000 services, 300,000 dependencies) that keeps the value small and
 * spares the driver 400,000 row decodings. Services come sorted by id.
 *
 * Every join reads a table, never a CTE's output through IN: PostgreSQL has
 * no statistics for a CTE, and the misestimate (millions of rows) made it
 * spend longer compiling the query (JIT) than running it.
 */
export async function loadScenarioGraph(db: Executor, scope?: ScenarioGraphScope): Promise<ScenarioGraph> {
  const query = sql`
    with svc as materialized (
      select s.id, s.organisation_id, s.sector, s.acceptable_outage_hours, s.styrel_class, s.people_served,
             (row_number() over (order by s.id))::int - 1 as idx
      from ${criticalServices} s
      ${serviceFilter(scope)}
    ),
    st as materialized (
      select p.id, p.organisation_id, p.lat, p.lng, p.backup_power_hours,
             (row_number() over (order by p.id))::int - 1 as idx
      from ${sites} p
      where exists (select 1 from ${serviceSites} l join svc on svc.id = l.service_id where l.site_id = p.id)
    )
    select json_build_object(
      'services', (
        select json_build_object(
          'idx', coalesce(json_agg(idx), '[]'), 'id', coalesce(json_agg(id), '[]'),
          'organisationId', coalesce(json_agg(organisation_id), '[]'), 'sector', coalesce(json_agg(sector), '[]'),
          'acceptableOutageHours', coalesce(json_agg(acceptable_outage_hours), '[]'),
          'styrelClass', coalesce(json_agg(styrel_class), '[]'), 'peopleServed', coalesce(json_agg(people_served), '[]'))
        from svc
      ),
      'sites', (
        select json_build_object(
          'idx', coalesce(json_agg(idx), '[]'), 'id', coalesce(json_agg(id), '[]'),
          'organisationId', coalesce(json_agg(organisation_id), '[]'),
          'lat', coalesce(json_agg(lat), '[]'), 'lng', coalesce(json_agg(lng), '[]'),
          'backupPowerHours', coalesce(json_agg(backup_power_hours), '[]'))
        from st
      ),
      'links', (
        select json_build_object('service', coalesce(json_agg(svc.idx), '[]'), 'site', coalesce(json_agg(st.idx), '[]'))
        from ${serviceSites} l join svc on svc.id = l.service_id join st on st.id = l.site_id
      ),
      'dependencies', (
        select json_build_object(
          'service', coalesce(json_agg(x.service), '[]'),
          'resource', coalesce(json_agg(x.resource), '[]'),
          'supplier', coalesce(json_agg(x.supplier), '[]'),
          'copesHours', coalesce(json_agg(x.copes_hours), '[]'),
          'backupHours', coalesce(json_agg(x.backup_hours), '[]'))
        -- Resource and service dependencies apart: an outer join on depends_on_service_id
        -- hashes every resource dependency's null into one bucket (20 s at county scale).
        from (
          select svc.idx as service, array_position(${resourceList}, d.resource) - 1 as resource,
                 null::int as supplier, d.copes_hours, d.backup_hours
          from ${dependencies} d
          join svc on svc.id = d.service_id
          where d.resource is not null
          union all
          select svc.idx, null, sup.idx, d.copes_hours, d.backup_hours
          from ${dependencies} d
          join svc on svc.id = d.service_id
          join svc sup on sup.id = d.depends_on_service_id
          where d.resource is null
        ) x
      )
    )::text as data`
  const result = (await db.execute(query)) as unknown as { data: string }[] | { rows: { data: string }[] }
  const rows = Array.isArray(result) ? result : result.rows
  return toGraph(JSON.parse(rows[0]!.data) as RawGraph)
}

function toGraph(raw: RawGraph): ScenarioGraph {
  // Each aggregate's order is PostgreSQL's to choose; the numbers say where a row belongs.
  const s = raw.services
  const n = s.id.length
  const serviceIds = new Array<string>(n)
  for (let i = 0; i < n; i++) serviceIds[s.idx[i]!] = s.id[i]!

  const p = raw.sites
  const siteList = new Array<ScenarioSite>(p.id.length)
  for (let i = 0; i < p.id.length; i++) {
    siteList[p.idx[i]!] = {
      id: p.id[i]!,
      organisationId: p.organisationId[i]!,
      lat: p.lat[i]!,
      lng: p.lng[i]!,
      backupPowerHours: p.backupPowerHours[i]!,
    }
  }

  const linkCounts = new Int32Array(n)
  for (const service of raw.links.service) linkCounts[service]!++
  const siteIdsOf: string[][] = Array.from(linkCounts, (count) => new Array<string>(count))
  const filled = new Int32Array(n)
  raw.links.service.forEach((service, i) => {
    siteIdsOf[service]![filled[service]!++] = siteList[raw.links.site[i]!]!.id
  })
  for (const ids of siteIdsOf) if (ids.length > 1) ids.sort()

  const serviceList = new Array<ScenarioService>(n)
  for (let i = 0; i < n; i++) {
    const at = s.idx[i]!
    serviceList[at] = {
      id: s.id[i]!,
      organisationId: s.organisationId[i]!,
      sector: s.sector[i]!,
      styrelClass: s.styrelClass[i]!,
      peopleServed: s.peopleServed[i]!,
      acceptableOutageHours: s.acceptableOutageHours[i]!,
      siteIds: siteIdsOf[at]!,
    }
  }

  const d = raw.dependencies
  const dependencyList = new Array<ScenarioDependency>(d.service.length)
  for (let i = 0; i < d.service.length; i++) {
    const resource = d.resource[i]
    const supplier = d.supplier[i]
    const isResource = resource !== null && resource !== undefined && resource >= 0
    dependencyList[i] = {
      serviceId: serviceIds[d.service[i]!]!,
      resource: isResource ? (resources[resource] as Resource) : null,
      dependsOnServiceId: !isResource && supplier !== null && supplier !== undefined ? serviceIds[supplier]! : null,
      copesHours: d.copesHours[i]!,
      backupHours: d.backupHours[i]!,
    }
  }
  return { services: serviceList, sites: siteList, dependencies: dependencyList }
}
