import type { Database } from '../app/db/client.server'
import { resources, sectors } from '../app/db/enums'
import {
  runScenario,
  type Scenario,
  type ScenarioDependency,
  type ScenarioGraph,
  type ScenarioService,
  type ScenarioSite,
} from '../app/modules/scenarios/engine'
import { loadScenarioGraph } from '../app/modules/scenarios/graph.server'
import { round, type Figure } from './measure'

/** The question the scenario page exists for: the whole county without electricity for 72 hours. */
export const countyBlackout: Scenario = {
  horizonHours: 72,
  failures: [{ target: { resource: 'electricity' }, scope: { kind: 'everywhere' }, startHour: 0, durationHours: null }],
}

/** Median time in ms of `samples` runs after `warmup` runs (the engine is synchronous and allocation-heavy: the median ignores a GC pause). */
export function medianMs(fn: () => unknown, samples = 5, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn()
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

/** A small fast deterministic PRNG (mulberry32): the same seed gives the same graph on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = state
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

const uuid = (label: number, i: number) =>
  `${label.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`

/**
 * An in-memory graph shaped like the county generator's (bench/county.ts):
 * deps / 3 services, three dependencies each (two on resources, one on a
 * random other service), a third of the sites with backup power, a quarter
 * of the dependencies with their own backup.
 */
export function syntheticGraph(dependencyCount: number, seed = 1): ScenarioGraph {
  const next = random(seed)
  const pick = (size: number) => Math.floor(next() * size)
  const serviceCount = Math.max(1, Math.round(dependencyCount / 3))
  const siteCount = Math.max(1, Math.round(serviceCount / 3))
  const organisationCount = Math.max(1, Math.round(serviceCount / 10))
  const sites: ScenarioSite[] = []
  for (let k = 0; k < siteCount; k++) {
    sites.push({
      id: uuid(2, k),
      organisationId: uuid(1, k % organisationCount),
      lat: 57.3 + next() * 1.6,
      lng: 11.5 + next() * 2.6,
      backupPowerHours: k % 3 === 0 ? pick(72) : null,
    })
  }
  const services: ScenarioService[] = []
  for (let i = 0; i < serviceCount; i++) {
    services.push({
      id: uuid(3, i),
      organisationId: uuid(1, i % organisationCount),
      sector: sectors[(i * 7) % sectors.length]!,
      styrelClass: i % 4 === 0 ? null : 1 + (i % 8),
      peopleServed: (i * 37) % 20000,
      acceptableOutageHours: [2, 4, 8, 12, 24, 48, 72][i % 7]!,
      siteIds: [sites[pick(siteCount)]!.id],
    })
  }
  const dependencies: ScenarioDependency[] = []
  for (let d = 0; d < serviceCount * 3; d++) {
    const onService = d % 3 === 2
    dependencies.push({
      serviceId: services[d % serviceCount]!.id,
      resource: onService ? null : resources[pick(8)]!,
      dependsOnServiceId: onService ? services[pick(serviceCount)]!.id : null,
      copesHours: pick(24),
      backupHours: next() < 0.25 ? pick(96) : null,
    })
  }
  return { services, sites, dependencies }
}

/**
 * Engine time (preparation included, graph building excluded) of the
 * county-wide blackout on graphs of 10k, 100k and 1M dependencies: the
 * median of 5 runs after 2 warm-ups (1M: of 3 after 1).
 */
export function syntheticScenarioFigures(): Figure[] {
  return [10_000, 100_000, 1_000_000].map((size) => {
    const graph = syntheticGraph(size)
    const big = size >= 1_000_000
    const ms = medianMs(() => runScenario({ ...graph, scenario: countyBlackout }), big ? 3 : 5, big ? 1 : 2)
    return { name: `cascade_${size >= 1_000_000 ? '1m' : `${size / 1000}k`}_deps_ms`, value: round(ms), unit: 'ms' }
  })
}

/**
 * The scenario engine on the county data set already in the database:
 * load time (median of 3 loads after one) and engine time (median of 5 runs
 * after 2 warm-ups, preparation of the graph included) of a 72-hour county-wide
 * electricity outage; then the scaling figures on synthetic graphs.
 */
export async function scenarioBenchmarks(db: Database): Promise<Figure[]> {
  let graph = await loadScenarioGraph(db)
  const loadTimes: number[] = []
  for (let i = 0; i < 3; i++) {
    const start = performance.now()
    graph = await loadScenarioGraph(db)
    loadTimes.push(performance.now() - start)
  }
  loadTimes.sort((a, b) => a - b)
  const cascade = medianMs(() => runScenario({ ...graph, scenario: countyBlackout }))
  return [
    { name: 'scenario_graph_load_ms', value: round(loadTimes[1]!), unit: 'ms' },
    { name: 'cascade_100k_ms', value: round(cascade), unit: 'ms' },
    ...syntheticScenarioFigures(),
  ]
}
