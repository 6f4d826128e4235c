import { sql } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { toEngineScenario, type ScenarioDefinition } from './definition'
import { runScenario, type ScenarioGraph, type ScenarioResult } from './engine'
import { loadScenarioGraph } from './graph.server'

/** A scenario run on the registry as it was at `fingerprint`, with the graph it ran on. */
export interface ComputedScenario {
  graph: ScenarioGraph
  result: ScenarioResult
  /** Where a service or site is in `graph`, by id. */
  serviceIndex: ReadonlyMap<string, number>
  siteIndex: ReadonlyMap<string, number>
  fingerprint: string
}

/**
 * What the registry looks like to a scenario, in one short string: per table
 * the row count, the newest change and the sum of the versions. Any insert,
 * update or delete of a service, site, link, dependency or organisation
 * changes it. It costs one scan of each table (tens of ms at county scale)
 * against seconds for loading the graph again.
 */
export async function registryFingerprint(db: Executor): Promise<string> {
  const query = sql`
    select concat_ws('|',
      (select concat_ws(':', count(*), max(updated_at), sum(version)) from critical_services),
      (select concat_ws(':', count(*), max(updated_at), sum(version)) from dependencies),
      (select concat_ws(':', count(*), max(updated_at), sum(version)) from sites),
      (select concat_ws(':', count(*), max(updated_at), sum(version)) from organisations),
      (select concat_ws(':', count(*), sum(hashtext(service_id::text || site_id::text)::bigint)) from service_sites)
    ) as fingerprint`
  const result = (await db.execute(query)) as unknown as { fingerprint: string }[] | { rows: { fingerprint: string }[] }
  const rows = Array.isArray(result) ? result : result.rows
  return rows[0]!.fingerprint
}

/**
 * The registry's graph at a fingerprint. The latest one is kept, so the
 * scenario pages and an event's projection share one load (about a second
 * at county scale); a changed registry is a new fingerprint and a new load.
 */
let latestGraph: { fingerprint: string; graph: Promise<ScenarioGraph> } | null = null

export function registryGraph(db: Executor, fingerprint: string): Promise<ScenarioGraph> {
  if (latestGraph?.fingerprint === fingerprint) return latestGraph.graph
  const entry = { fingerprint, graph: loadScenarioGraph(db) }
  latestGraph = entry
  entry.graph.catch(() => {
    if (latestGraph === entry) latestGraph = null
  })
  return entry.graph
}

/**
 * The last few results, by definition and registry state. At county scale a
 * run costs seconds (mostly reading the graph), and the result page asks for
 * the same run several times: the page, the next page of the list, the map's
 * dots, the CSV, the printout. A changed registry is a new key, so a cached
 * result is never older than the data it shows. Entries are promises: two
 * requests at once share one run.
 */
const CACHE_SIZE = 3
const cache = new Map<string, Promise<ComputedScenario>>()

export async function computeScenario(db: Executor, definition: ScenarioDefinition): Promise<ComputedScenario> {
  const fingerprint = await registryFingerprint(db)
  const key = `${fingerprint}#${JSON.stringify(definition)}`
  const cached = cache.get(key)
  if (cached) {
    // Most recently used last.
    cache.delete(key)
    cache.set(key, cached)
    return cached
  }
  const computing = (async () => {
    const graph = await registryGraph(db, fingerprint)
    return {
      graph,
      result: runScenario({ ...graph, scenario: toEngineScenario(definition) }),
      serviceIndex: new Map(graph.services.map((service, index) => [service.id, index])),
      siteIndex: new Map(graph.sites.map((site, index) => [site.id, index])),
      fingerprint,
    }
  })()
  cache.set(key, computing)
  computing.catch(() => cache.delete(key))
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return computing
}
