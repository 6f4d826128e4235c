/**
 * Weak points of the dependency graph: plain functions over the graph the
 * scenario engine reads (services, sites, dependencies), no database.
 *
 * - **Fan-in** (hubs): resources and services that at least two critical
 *   services depend on, directly or through chains of service dependencies.
 *   A service counts once however many ways it depends; a target never counts
 *   itself, also in a cycle.
 * - **Weak backups**: a dependency with no backup (0 h: also one whose backup
 *   is described without hours, as the scenario engine counts it), or whose
 *   backup lasts shorter than the dependent service's acceptable outage time.
 *   The backup is the engine's: the dependency's own hours; for electricity
 *   without them, the largest backup power among the service's sites.
 * - **Cross-organisation chains**: a path of service dependencies that passes
 *   from one organisation to another at least once (A needs B's service,
 *   which needs C's). From every service the chain followed is the one with
 *   the most crossings, then the most services, at most MAX_CHAIN services
 *   long (a longer one is cut and marked as going on). A chain that is the
 *   tail of another is left out. In a cycle a chain follows the circle until
 *   just before it would come back, so every chain is a simple path.
 *
 * Results do not depend on the order of the input: services are numbered by
 * id and ties are broken by id. Dependencies naming an unknown service are
 * ignored, as the engine ignores them.
 */
import { resources, type Resource } from '~/db/enums'
import { stronglyConnectedComponents } from '~/modules/graph/components'
import {
  backupHoursOf,
  backupWeakness,
  effectiveBackup,
  type EffectiveBackup,
  type WeakBackupKind,
} from '~/modules/registry/backup'
import type { ScenarioDependency, ScenarioGraph } from '~/modules/scenarios/engine'

export type DependencyTarget = { kind: 'resource'; resource: Resource } | { kind: 'service'; serviceId: string }

export interface FanIn {
  target: DependencyTarget
  /** The organisation that runs the service; null for a resource. */
  organisationId: string | null
  /** Services that depend on it directly. */
  direct: number
  /** Services that depend on it directly or through a chain of services. */
  transitive: number
  /** Organisations of the services that depend on it directly, most dependents first. */
  dependentOrganisationIds: string[]
}

export interface WeakBackup {
  /** Index of the dependency in the graph's list. */
  dependencyIndex: number
  serviceId: string
  organisationId: string
  target: DependencyTarget
  /** The organisation that runs the service depended on; null for a resource. */
  supplierOrganisationId: string | null
  copesHours: number
  backup: EffectiveBackup
  acceptableOutageHours: number
  kind: WeakBackupKind
}

export interface CrossChain {
  /** From the service that depends to the last service it depends on through the chain. */
  serviceIds: string[]
  /** The organisations along the chain, each once, in the order met. */
  organisationIds: string[]
  /** How many times the chain passes from one organisation to another. */
  crossings: number
  /** Cut at MAX_CHAIN services: the chain goes on. */
  continues: boolean
}

export interface Listing<T> {
  total: number
  items: T[]
}

export interface WeakPoints {
  hubs: Listing<FanIn>
  backups: Listing<WeakBackup>
  chains: Listing<CrossChain>
}

export interface WeakPointLimits {
  hubs: number
  backups: number
  chains: number
}

export const defaultLimits: WeakPointLimits = { hubs: 20, backups: 100, chains: 25 }

/** "Many" services: a resource or service is a hub from this many dependents on. */
export const HUB_MINIMUM = 2
/** The most services a reported chain shows; beyond that a reader needs the graph, not a list. */
export const MAX_CHAIN = 10
/** Services whose fan-in is counted exactly; in a larger graph an estimate chooses which. */
export const EXACT_FAN_IN = 100
const SKETCH_ROUNDS = 32

const resourceIndex = new Map<string, number>(resources.map((resource, i) => [resource, i]))

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Resources (in the fixed order) before services (by id). */
export function compareTargets(a: DependencyTarget, b: DependencyTarget): number {
  if (a.kind === 'resource' && b.kind === 'resource') {
    return resourceIndex.get(a.resource)! - resourceIndex.get(b.resource)!
  }
  if (a.kind === 'resource') return -1
  if (b.kind === 'resource') return 1
  return compareIds(a.serviceId, b.serviceId)
}

/** What a dependency is on: a resource wins if both are set; null if the service depended on is unknown. */
export function targetOf(
  dependency: Pick<ScenarioDependency, 'resource' | 'dependsOnServiceId'>,
  services: { has(id: string): boolean },
): DependencyTarget | null {
  if (dependency.resource !== null && resourceIndex.has(dependency.resource)) {
    return { kind: 'resource', resource: dependency.resource }
  }
  if (dependency.dependsOnServiceId !== null && services.has(dependency.dependsOnServiceId)) {
    return { kind: 'service', serviceId: dependency.dependsOnServiceId }
  }
  return null
}

// ---------------------------------------------------------------------------
// Backups

/** The largest backup power among each service's sites, for services with at least one site that states it. */
export function siteBackupPower(graph: Pick<ScenarioGraph, 'services' | 'sites'>): Map<string, number> {
  const power = new Map<string, number | null>(graph.sites.map((site) => [site.id, site.backupPowerHours]))
  const result = new Map<string, number>()
  for (const service of graph.services) {
    for (const siteId of service.siteIds) {
      const value = power.get(siteId)
      if (value === null || value === undefined) continue
      result.set(service.id, Math.max(result.get(service.id) ?? 0, backupHoursOf(value)))
    }
  }
  return result
}

// ---------------------------------------------------------------------------
// The service graph by number: services sorted by id, compressed adjacency
// lists.

interface IndexedGraph {
  ids: string[]
  organisationOf: string[]
  indexOf: Map<string, number>
  /** Distinct suppliers of service s: supplierList[supplierStart[s] … supplierStart[s + 1]), ascending. */
  supplierStart: Int32Array
  supplierList: Int32Array
  /** Distinct services that depend on service t directly: the reverse of the above. */
  dependentStart: Int32Array
  dependentList: Int32Array
}

function compressed(n: number, pairs: [number, number][]): { start: Int32Array; list: Int32Array } {
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const start = new Int32Array(n + 1)
  const kept: number[] = []
  let previous: [number, number] | null = null
  for (const pair of pairs) {
    if (previous && previous[0] === pair[0] && previous[1] === pair[1]) continue
    previous = pair
    start[pair[0] + 1]!++
    kept.push(pair[1])
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!
  return { start, list: Int32Array.from(kept) }
}

function indexGraph(graph: Pick<ScenarioGraph, 'services' | 'dependencies'>): IndexedGraph {
  // The loader sends them sorted by id already; sorting 100,000 ids again costs a tenth of a second.
  const sorted = graph.services.every((service, i, all) => i === 0 || compareIds(all[i - 1]!.id, service.id) < 0)
  const services = sorted ? graph.services : [...graph.services].sort((a, b) => compareIds(a.id, b.id))
  const ids = services.map((service) => service.id)
  const organisationOf = services.map((service) => service.organisationId)
  const indexOf = new Map(ids.map((id, i) => [id, i]))
  const edges: [number, number][] = []
  for (const dependency of graph.dependencies) {
    const target = targetOf(dependency, indexOf)
    if (target?.kind !== 'service') continue
    const from = indexOf.get(dependency.serviceId)
    const to = indexOf.get(target.serviceId)!
    if (from !== undefined && from !== to) edges.push([from, to])
  }
  const forward = compressed(ids.length, edges.slice())
  const backward = compressed(
    ids.length,
    edges.map(([from, to]) => [to, from]),
  )
  return {
    ids,
    organisationOf,
    indexOf,
    supplierStart: forward.start,
    supplierList: forward.list,
    dependentStart: backward.start,
    dependentList: backward.list,
  }
}

// ---------------------------------------------------------------------------
// Weak backups

function weakBackupsOf(graph: ScenarioGraph, g: IndexedGraph, limit: number): Listing<WeakBackup> {
  const services = new Map(graph.services.map((service) => [service.id, service]))
  const power = siteBackupPower(graph)
  const targetRank = (target: DependencyTarget) =>
    target.kind === 'resource'
      ? resourceIndex.get(target.resource)!
      : resources.length + g.indexOf.get(target.serviceId)!
  // Sorted by numbers, the objects made only for those listed: a county has a quarter of a million.
  const found: { index: number; acceptable: number; none: number; service: number; target: number; hours: number }[] =
    []
  graph.dependencies.forEach((dependency, index) => {
    const service = services.get(dependency.serviceId)
    const target = service ? targetOf(dependency, services) : null
    if (!service || !target) return
    const backup = effectiveBackup(dependency, power.get(service.id))
    const kind = backupWeakness(backup, service.acceptableOutageHours)
    if (!kind) return
    found.push({
      index,
      acceptable: service.acceptableOutageHours,
      none: kind === 'none' ? 0 : 1,
      service: g.indexOf.get(service.id)!,
      target: targetRank(target),
      hours: backup.hours,
    })
  })
  // Only the services that may be out the shortest time can be listed: sort those.
  let listed = found
  if (found.length > limit) {
    const acceptable = Float64Array.from(found, (item) => item.acceptable).sort()
    const threshold = acceptable[limit - 1]!
    listed = found.filter((item) => item.acceptable <= threshold)
  }
  listed.sort(
    (a, b) =>
      a.acceptable - b.acceptable ||
      a.none - b.none ||
      a.service - b.service ||
      a.target - b.target ||
      a.hours - b.hours ||
      a.index - b.index,
  )
  const items = listed.slice(0, limit).map(({ index }): WeakBackup => {
    const dependency = graph.dependencies[index]!
    const service = services.get(dependency.serviceId)!
    const target = targetOf(dependency, services)!
    const backup = effectiveBackup(dependency, power.get(service.id))
    return {
      dependencyIndex: index,
      serviceId: service.id,
      organisationId: service.organisationId,
      target,
      supplierOrganisationId: target.kind === 'service' ? services.get(target.serviceId)!.organisationId : null,
      copesHours: dependency.copesHours,
      backup,
      acceptableOutageHours: service.acceptableOutageHours,
      kind: backupWeakness(backup, service.acceptableOutageHours)!,
    }
  })
  return { total: found.length, items }
}

/**
 * Every dependency whose backup is missing or shorter than its service's
 * acceptable outage time: the services that may be out the shortest time
 * first, then those without backup before those with too little, then by
 * service id and target. `total` counts them all, `items` up to `limit`.
 */
export function weakBackups(graph: ScenarioGraph, limit = Infinity): Listing<WeakBackup> {
  return weakBackupsOf(graph, indexGraph(graph), limit)
}

// ---------------------------------------------------------------------------
// Fan-in

/** Counts services upwards from seeds (breadth first, marking what it has seen, so cycles end). */
function upwardCounter(g: IndexedGraph) {
  const n = g.ids.length
  const seen = new Int32Array(n).fill(-1)
  const queue = new Int32Array(n)
  let round = 0
  /** Services that reach a seed, the seeds included; `exclude` is never counted nor passed. */
  return (seeds: Iterable<number>, exclude: number): number => {
    round++
    let head = 0
    let tail = 0
    if (exclude >= 0) seen[exclude] = round
    for (const seed of seeds) {
      if (seen[seed] === round) continue
      seen[seed] = round
      queue[tail++] = seed
    }
    while (head < tail) {
      const s = queue[head++]!
      for (let e = g.dependentStart[s]!; e < g.dependentStart[s + 1]!; e++) {
        const d = g.dependentList[e]!
        if (seen[d] === round) continue
        seen[d] = round
        queue[tail++] = d
      }
    }
    return tail
  }
}

/**
 * An estimate of how many services reach each service (itself included),
 * by Cohen's min-rank sketches: every service draws a random rank per round,
 * each component keeps the smallest rank among all that reach it, and k
 * rounds estimate a set of size N by (k - 1) / (sum of its minima). One pass
 * over the components per round, from dependents to suppliers; the ranks come
 * from a fixed seed, so the estimate is the same on every run.
 */
function estimatedReach(g: IndexedGraph): Float64Array {
  const n = g.ids.length
  const { component, componentCount } = stronglyConnectedComponents(n, g.supplierStart, (edge) => g.supplierList[edge]!)
  const members = compressed(
    componentCount,
    Array.from({ length: n }, (_, s): [number, number] => [component[s]!, s]),
  )
  const minimum = new Float64Array(componentCount)
  const sums = new Float64Array(componentCount)
  let seed = 0x9e3779b9
  const random = () => {
    // xorshift32: enough for ranks, and the same sequence everywhere.
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    return ((seed >>> 0) + 1) / 4294967297
  }
  for (let round = 0; round < SKETCH_ROUNDS; round++) {
    minimum.fill(1)
    for (let s = 0; s < n; s++) {
      const rank = random()
      const c = component[s]!
      if (rank < minimum[c]!) minimum[c] = rank
    }
    for (let c = componentCount - 1; c >= 0; c--) {
      for (let m = members.start[c]!; m < members.start[c + 1]!; m++) {
        const s = members.list[m]!
        for (let e = g.supplierStart[s]!; e < g.supplierStart[s + 1]!; e++) {
          const t = component[g.supplierList[e]!]!
          if (minimum[c]! < minimum[t]!) minimum[t] = minimum[c]!
        }
      }
      sums[c]! += minimum[c]!
    }
  }
  const estimate = new Float64Array(n)
  for (let s = 0; s < n; s++) estimate[s] = (SKETCH_ROUNDS - 1) / sums[component[s]!]!
  return estimate
}

function fanInOf(
  graph: Pick<ScenarioGraph, 'services' | 'dependencies'>,
  g: IndexedGraph,
  limit: number,
): Listing<FanIn> {
  const count = upwardCounter(g)
  const organisationsOf = (services: Iterable<number>): string[] => {
    const counts = new Map<string, number>()
    for (const s of services) counts.set(g.organisationOf[s]!, (counts.get(g.organisationOf[s]!) ?? 0) + 1)
    return [...counts].sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0])).map(([id]) => id)
  }

  const byResource = new Map<Resource, Set<number>>()
  for (const dependency of graph.dependencies) {
    const target = targetOf(dependency, g.indexOf)
    const s = g.indexOf.get(dependency.serviceId)
    if (target?.kind !== 'resource' || s === undefined) continue
    let set = byResource.get(target.resource)
    if (!set) byResource.set(target.resource, (set = new Set()))
    set.add(s)
  }
  const items: FanIn[] = []
  let total = 0
  for (const [resource, direct] of byResource) {
    const transitive = count(direct, -1)
    if (transitive < HUB_MINIMUM) continue
    total++
    items.push({
      target: { kind: 'resource', resource },
      organisationId: null,
      direct: direct.size,
      transitive,
      dependentOrganisationIds: organisationsOf(direct),
    })
  }

  // A service is a hub when two services depend on it directly, or its one
  // dependent has a dependent of its own (other than the service itself).
  const dependentsOf = (t: number) => g.dependentList.subarray(g.dependentStart[t]!, g.dependentStart[t + 1]!)
  const hubs: number[] = []
  for (let t = 0; t < g.ids.length; t++) {
    const direct = dependentsOf(t)
    if (direct.length >= HUB_MINIMUM || (direct.length === 1 && dependentsOf(direct[0]!).some((d) => d !== t))) {
      hubs.push(t)
    }
  }
  total += hubs.length
  let exact = hubs
  if (hubs.length > EXACT_FAN_IN) {
    const estimate = estimatedReach(g)
    exact = hubs
      .sort((a, b) => estimate[b]! - estimate[a]! || dependentsOf(b).length - dependentsOf(a).length || a - b)
      .slice(0, EXACT_FAN_IN)
  }
  for (const t of exact) {
    const direct = dependentsOf(t)
    items.push({
      target: { kind: 'service', serviceId: g.ids[t]! },
      organisationId: g.organisationOf[t]!,
      direct: direct.length,
      transitive: count(direct, t),
      dependentOrganisationIds: organisationsOf(direct),
    })
  }
  items.sort((a, b) => b.transitive - a.transitive || b.direct - a.direct || compareTargets(a.target, b.target))
  return { total, items: items.slice(0, limit) }
}

/**
 * The resources and services that at least HUB_MINIMUM services depend on,
 * most dependents (direct and through chains) first. Counting walks the
 * dependents of each once; in a graph with more than EXACT_FAN_IN such
 * services an estimate picks the ones counted, so the list stays fast on a
 * county's registry while its numbers are exact. `total` counts them all.
 */
export function fanIn(graph: Pick<ScenarioGraph, 'services' | 'dependencies'>, limit = Infinity): Listing<FanIn> {
  return fanInOf(graph, indexGraph(graph), limit)
}

// ---------------------------------------------------------------------------
// Cross-organisation chains

const NEW = 0
const OPEN = 1
const DONE = 2

/**
 * The best chain from every service, by dynamic programming in one
 * depth-first pass: a service's chain is itself followed by the best chain of
 * one of its suppliers, kept as a pointer (`next`). A supplier still open on
 * the search path is skipped: that edge closes a cycle. When a service is
 * finished, everything it reaches is finished or open, and its chain holds
 * only finished services; so a chain never comes back to an open service, and
 * every chain is a simple path. A chain longer than MAX_CHAIN is cut after
 * its last service kept (`stopAt`; a walk obeys the first stop it meets),
 * which also bounds the walk that counts the crossings of a cut chain.
 */
function bestChains(g: IndexedGraph) {
  const n = g.ids.length
  const state = new Uint8Array(n)
  const next = new Int32Array(n).fill(-1)
  const stopAt = new Int32Array(n).fill(-1)
  const continues = new Uint8Array(n)
  const crossings = new Int32Array(n)
  const length = new Int32Array(n).fill(1)
  const callNode = new Int32Array(n)
  const callEdge = new Int32Array(n)
  const crosses = (a: number, b: number) => (g.organisationOf[a] !== g.organisationOf[b] ? 1 : 0)

  const consider = (v: number, t: number) => {
    let c = crossings[t]!
    let l = length[t]!
    let stop = -1
    if (l >= MAX_CHAIN) {
      // Keep the first MAX_CHAIN - 1 services of t's chain.
      c = 0
      l = 0
      for (let current = t; l < MAX_CHAIN - 1; current = next[current]!) {
        if (l > 0) c += crosses(stop, current)
        l++
        stop = current
      }
    }
    c += crosses(v, t)
    l += 1
    if (c > crossings[v]! || (c === crossings[v]! && l > length[v]!)) {
      crossings[v] = c
      length[v] = l
      next[v] = t
      stopAt[v] = stop
      continues[v] = stop !== -1 || continues[t] === 1 ? 1 : 0
    }
  }

  for (let root = 0; root < n; root++) {
    if (state[root] !== NEW) continue
    state[root] = OPEN
    callNode[0] = root
    callEdge[0] = g.supplierStart[root]!
    let depth = 1
    while (depth > 0) {
      const v = callNode[depth - 1]!
      const edge = callEdge[depth - 1]!
      if (edge < g.supplierStart[v + 1]!) {
        callEdge[depth - 1] = edge + 1
        const t = g.supplierList[edge]!
        if (state[t] === DONE) consider(v, t)
        else if (state[t] === NEW) {
          state[t] = OPEN
          callNode[depth] = t
          callEdge[depth] = g.supplierStart[t]!
          depth++
        }
        continue
      }
      state[v] = DONE
      depth--
      if (depth > 0) consider(callNode[depth - 1]!, v)
    }
  }

  const walk = (start: number): number[] => {
    const path: number[] = []
    let pending = -1
    for (let current = start; current !== -1; current = next[current]!) {
      path.push(current)
      if (pending === -1) pending = stopAt[current]!
      if (current === pending) break
    }
    return path
  }
  return { crossings, length, next, continues, walk }
}

function chainsOf(g: IndexedGraph, limit: number): Listing<CrossChain> {
  const { crossings, length, next, continues, walk } = bestChains(g)
  const n = g.ids.length
  // The chain of t is the tail of x's when x's goes on with it (perhaps cut for length).
  const isTail = new Uint8Array(n)
  for (let x = 0; x < n; x++) if (next[x] !== -1 && crossings[x]! > 0) isTail[next[x]!] = 1
  const starts: number[] = []
  for (let s = 0; s < n; s++) if (crossings[s]! > 0 && isTail[s] === 0) starts.push(s)
  starts.sort((a, b) => crossings[b]! - crossings[a]! || length[b]! - length[a]! || a - b)
  const items = starts.slice(0, limit).map((start): CrossChain => {
    const path = walk(start)
    const organisationIds: string[] = []
    for (const s of path) {
      const organisation = g.organisationOf[s]!
      if (!organisationIds.includes(organisation)) organisationIds.push(organisation)
    }
    return {
      serviceIds: path.map((s) => g.ids[s]!),
      organisationIds,
      crossings: crossings[start]!,
      continues: continues[start] === 1,
    }
  })
  return { total: starts.length, items }
}

/**
 * Chains of service dependencies that cross organisations, one from every
 * service that starts one: most crossings first, then most services, then by
 * the first service's id. `total` counts them all, `items` up to `limit`.
 */
export function crossOrganisationChains(
  graph: Pick<ScenarioGraph, 'services' | 'dependencies'>,
  limit = Infinity,
): Listing<CrossChain> {
  return chainsOf(indexGraph(graph), limit)
}

// ---------------------------------------------------------------------------

/** The three lists of weak points, each cut to its limit with the full count kept. */
export function findWeakPoints(graph: ScenarioGraph, limits: WeakPointLimits = defaultLimits): WeakPoints {
  const g = indexGraph(graph)
  return {
    hubs: fanInOf(graph, g, limits.hubs),
    backups: weakBackupsOf(graph, g, limits.backups),
    chains: chainsOf(g, limits.chains),
  }
}
