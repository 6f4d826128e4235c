/**
 * The outage scenario engine: what happens over time to the critical
 * services when resources or services fail. Plain, deterministic functions
 * with no database: it runs on the server and can run in the browser.
 *
 * ## The model
 *
 * **Time** is measured in hours (real numbers) from the scenario's start. The
 * scenario covers [0, horizonHours): a change at exactly horizonHours or later
 * is outside it. So a 72-hour backup in a 72-hour scenario lasts the scenario
 * and the service never fails (strict at the end); see also the totals below.
 * Every interval is half-open, [from, to): a failure from 0 lasting 10 hours
 * is over at 10.
 *
 * **Failures.** A scenario lists failures: a target (a resource, or a service
 * by id), a scope, a start and a duration (null: until the end).
 * - A resource failure hits a service's dependencies on that resource when the
 *   service is in scope: everywhere; its organisation is listed; one of its
 *   sites is listed; one of its positioned sites lies inside the area (edges
 *   count as inside; see area.ts). A service without sites is hit by an
 *   organisation scope when its organisation is listed, never by a site or an
 *   area scope. Overlapping or back-to-back failures of the same resource are
 *   one continuous loss.
 * - A service failure makes that service failed for the interval, whatever the
 *   scope says. It acts as a dependency with no backup and no margin, so when
 *   it ends the service restarts like any failed service, overlapping or
 *   back-to-back failures of the same service are one continuous failure, and
 *   it keeps the order of an instant below like any other loss. An unknown
 *   service id hits nothing.
 *
 * **Losing a dependency.** A dependency is lost while its resource fails for
 * the service, or while its supplier service is failed (only failed: a
 * supplier on backup or degraded still delivers). While it has been lost
 * continuously since s, with backup b and margin c (copesHours):
 * - during [s, s + b) the service runs on the backup,
 * - during [s + b, s + b + c) it is degraded (copes without),
 * - from s + b + c it is failed, as long as the dependency stays lost.
 * The backup is the dependency's own backupHours. An electricity dependency
 * without its own backupHours uses the site's backup power: the largest
 * backupPowerHours among the service's sites (all of them, not only those in
 * the failure's scope: the generator that lasts longest is the one that keeps
 * the service going). No backup is 0 hours. When the dependency returns, its
 * backup and margin are whole again (refilled) for the next loss. A backup
 * runs down while its dependency is lost, whether or not the service is
 * still running for other reasons.
 *
 * **A service's state** is the worst over its dependencies: normal < backup
 * < degraded < failed. Once failed, a service stays failed until none of its
 * dependencies is lost any more (one still on backup holds it back too), then
 * for restartHours more (a new loss during the restart starts the wait
 * over); after that it is "recovered": operating, shown apart from "normal"
 * for the rest of the scenario (and "backup" or "degraded" again if a later
 * loss calls for it). A supplier that is restarting still counts as failed
 * for the services that depend on it.
 *
 * **Same instant.** Zero delays propagate in the same instant: a supplier
 * failing at 14 makes a dependent with no backup and no margin fail at 14,
 * not 15. Within an instant, everything that returns is settled first, then
 * what is lost; a dependency lost just before and just after the instant
 * counts as lost continuously (no refill). So when electricity returns at 10
 * and water is lost at 10, a service failed for want of electricity is not
 * "none lost" at 10 and stays failed; and a dependency whose backup runs out
 * at exactly the hour it returns never fails. Exactly:
 * 1. Returns. What ended at the instant (a resource failure, a direct
 *    failure, a restart) is taken back, and with it everything that nothing
 *    lost holds any more, starting from the state just before the instant.
 *    Nothing becomes lost or failed in this step: the losses of the instant
 *    (failures that start, backups and margins that run out) wait. Only what
 *    must is taken back: the greatest state below the one before that the
 *    rules allow with the losses not yet counted.
 * 2. Losses. Then the losses of the instant count, and everything they make
 *    lost or failed: only what must, the least state above step 1 that the
 *    rules allow.
 * Where both readings of an instant would be consistent, this order decides:
 * - A restart that ends at the instant a new loss begins is a return: the
 *   service is running again before the loss counts, so it runs on the new
 *   loss's backup (or is degraded; with neither backup nor margin it fails
 *   again at once and its failure simply goes on).
 * - In a cycle, one member's direct failure may end at the instant another
 *   member's margin on it runs out, while an input from outside the cycle is
 *   still missing. Both "the member is back, so the other never fails" and
 *   "the other fails, so the member has lost it and stays failed" are
 *   consistent; the return is settled first, so the member is back, the
 *   other's dependency on it has returned (and refills) before its margin
 *   counts, and neither fails. Failed members that still hold each other in
 *   step 1 stay failed, though: a return takes back only what nothing lost
 *   holds any more.
 *
 * **Cycles.** Services that depend on each other in a circle form a strongly
 * connected component (Tarjan). Cycles terminate (every change is an event
 * at a time; an instant settles in a bounded number of steps), and they do
 * not deadlock recovery: a dependency on a service in the same component is
 * treated as present while every dependency from outside the component (of
 * every member, resources and direct failures included) is present. So once
 * all outside inputs have returned, the failed members restart together;
 * while any outside input is missing, the internal dependencies hold as usual.
 *
 * **Reasons.** Each failure of a service (an episode: failed from, until)
 * keeps its reason: the dependency that reached "failed" at that moment, as
 * structured data (resource or supplier service, when lost, backup and its
 * source, margin, when failed), or "direct" for a targeted service. When
 * several reach "failed" at the same instant, a direct failure wins, then the
 * dependency lost earliest, then resources (in the fixed resource order)
 * before services (by supplier id), then the smaller backup, then the
 * smaller margin. In a cycle the reason leads out of it: a dependency on a
 * member of the service's own cycle (itself included) whose failure starts
 * in the same instant counts only once that member's reason is settled. The
 * reasons of an instant are settled in rounds: first every service that
 * fails directly or has a failed dependency that counts at once (on a
 * resource, on a supplier outside its cycle, on a member failed before the
 * instant); then, round after round, every service left with a failed
 * dependency on a member settled in an earlier round; the order above
 * decides among the dependencies that count. A service reason points at the
 * supplier, whose own reason (for its episode that caused the loss)
 * continues the chain, so a chain always ends at a resource or a direct
 * failure: see reasonChain.
 *
 * **Acceptable outage time.** Exceeded when the service has been failed
 * continuously longer than acceptableOutageHours: at failed-from + that, if
 * it is still failed just after (an episode of exactly that length is not
 * exceeded) and that moment is inside the scenario.
 *
 * **Totals** are given for every whole hour h = 0 … horizonHours: the state
 * at the moment h, and for h = horizonHours the state the scenario ends in
 * (the last segment's), so the last entry never shows a change that happens
 * only at the end. The failed by Styrel class always carry the keys '1' …
 * '8' and 'none' (zeros where no service has them), and a key for any other
 * class that occurs.
 *
 * **Determinism.** The result does not depend on the order of the input:
 * affected services are sorted by id and every tie is broken by content.
 * Unknown ids (a site, a supplier, a dependent service) are ignored.
 */
import { resources, sectors, type Resource, type Sector } from '~/db/enums'
import { stronglyConnectedComponents } from '~/modules/graph/components'
import { createScopeTest, everywhere, type FailureScope } from './area'
import type { BackupSource } from '~/modules/registry/backup'

// ---------------------------------------------------------------------------
// Input

export interface ScenarioService {
  id: string
  organisationId: string
  sector: Sector
  styrelClass: number | null
  peopleServed: number | null
  acceptableOutageHours: number
  siteIds: readonly string[]
}

export interface ScenarioSite {
  id: string
  organisationId: string
  lat: number | null
  lng: number | null
  backupPowerHours: number | null
}

/** On a resource or on another service: exactly one of the two is set (a resource wins if both are). */
export interface ScenarioDependency {
  serviceId: string
  resource: Resource | null
  dependsOnServiceId: string | null
  copesHours: number
  backupHours: number | null
}

export interface ScenarioGraph {
  services: readonly ScenarioService[]
  sites: readonly ScenarioSite[]
  dependencies: readonly ScenarioDependency[]
}

export type FailureTarget = { resource: Resource } | { serviceId: string }

export interface ScenarioFailure {
  target: FailureTarget
  /** Where a resource fails; everywhere when left out. Ignored for a service target. */
  scope?: FailureScope
  startHour: number
  /** null: lasts until the end of the scenario. */
  durationHours: number | null
}

export interface Scenario {
  failures: readonly ScenarioFailure[]
  horizonHours: number
  /** Hours a failed service needs, once nothing is lost any more, before it is running again. Default 0. */
  restartHours?: number
}

export interface ScenarioInput extends ScenarioGraph {
  scenario: Scenario
}

// ---------------------------------------------------------------------------
// Output

export type ServiceState = 'normal' | 'backup' | 'degraded' | 'failed' | 'recovered'

/** Where the backup of a lost dependency came from. */
export type { BackupSource }

export interface ResourceReason {
  kind: 'resource'
  resource: Resource
  lostAt: number
  backupHours: number
  backupSource: BackupSource
  copesHours: number
  failedAt: number
}

export interface ServiceReason {
  kind: 'service'
  /** The supplier service; its own reason continues the chain (reasonChain). */
  serviceId: string
  lostAt: number
  backupHours: number
  backupSource: BackupSource
  copesHours: number
  failedAt: number
}

export interface DirectReason {
  kind: 'direct'
  failedAt: number
}

export type FailureReason = ResourceReason | ServiceReason | DirectReason

export interface FailureEpisode {
  from: number
  /** null: still failed when the scenario ends. */
  to: number | null
  reason: FailureReason
}

export interface TimelineSegment {
  from: number
  to: number
  state: ServiceState
}

export interface AffectedService {
  id: string
  /** Covers [0, horizonHours) without gaps; neighbouring segments differ in state. */
  timeline: TimelineSegment[]
  firstFailedAt: number | null
  outageExceededAt: number | null
  failures: FailureEpisode[]
}

/** Entry h of every array is the whole hour h, h = 0 … horizonHours. */
export interface HourlyTotals {
  failed: number[]
  backup: number[]
  degraded: number[]
  recovered: number[]
  /** Sum of peopleServed (missing counts as 0) of the failed services. */
  peopleServedFailed: number[]
  failedBySector: Record<Sector, number[]>
  /** Keys '1' … '8' and 'none' (services without a class) always, even when no service has them; and any other class that occurs. */
  failedByStyrel: Record<string, number[]>
}

export interface ScenarioResult {
  horizonHours: number
  restartHours: number
  serviceCount: number
  /** Every service whose state ever differs from normal, sorted by id. Other services stay normal throughout. */
  affected: AffectedService[]
  totals: HourlyTotals
}

// ---------------------------------------------------------------------------
// Preparation: integer indices, typed arrays and the components, once per graph

/** A graph in the engine's internal form; reusable for many scenarios. */
export interface PreparedScenarioGraph {
  readonly services: readonly ScenarioService[]
  readonly serviceIndex: ReadonlyMap<string, number>
  readonly sites: readonly ScenarioSite[]
  readonly siteIndex: ReadonlyMap<string, number>
  /** Sites of service s: siteList[siteStart[s] … siteStart[s + 1]). */
  readonly siteStart: Int32Array
  readonly siteList: Int32Array
  readonly depService: Int32Array
  /** Supplier service index, or -1 for a resource dependency. */
  readonly depSupplier: Int32Array
  /** Index in `resources`, or -1 for a service dependency. */
  readonly depResource: Int8Array
  readonly depBackup: Float64Array
  /** 0 none, 1 the dependency's own, 2 the sites' backup power. */
  readonly depBackupSource: Uint8Array
  readonly depCopes: Float64Array
  /** 1 when the supplier is in the dependent's component (a cycle). */
  readonly depInternal: Uint8Array
  /** Dependencies of service s, by dependent: depList[depStart[s] … depStart[s + 1]). */
  readonly depStart: Int32Array
  readonly depList: Int32Array
  /** Dependencies on service s, by supplier. */
  readonly dependentStart: Int32Array
  readonly dependentList: Int32Array
  /** Dependencies on resource r. */
  readonly resourceStart: Int32Array
  readonly resourceList: Int32Array
  readonly component: Int32Array
  readonly componentCount: number
  /** Internal dependencies of component c. */
  readonly internalStart: Int32Array
  readonly internalList: Int32Array
  readonly acceptable: Float64Array
  readonly people: Float64Array
  /** Index in `sectors`, -1 if unknown. */
  readonly sector: Int8Array
  readonly styrelKeys: readonly string[]
  readonly styrel: Int32Array
  /** Service indices sorted by id: the order of the result. */
  readonly byId: Int32Array
}

const resourceIndex = new Map<string, number>(resources.map((resource, i) => [resource, i]))
const sectorIndex = new Map<string, number>(sectors.map((sector, i) => [sector, i]))
const ELECTRICITY = resourceIndex.get('electricity')!

export function styrelKey(styrelClass: number | null): string {
  return styrelClass === null ? 'none' : String(styrelClass)
}

function hours(value: number | null | undefined): number {
  return value === null || value === undefined || !(value > 0) ? 0 : value
}

function prefixSums(counts: Int32Array): Int32Array {
  const start = new Int32Array(counts.length + 1)
  for (let i = 0; i < counts.length; i++) start[i + 1] = start[i]! + counts[i]!
  return start
}

/** Items 0 … keys.length-1 grouped by key (compressed rows: group g is list[start[g] … start[g + 1])); negative keys are left out. */
function groupBy(keys: Int32Array | Int8Array, groups: number): { start: Int32Array; list: Int32Array } {
  const fill = new Int32Array(groups)
  for (let i = 0; i < keys.length; i++) if (keys[i]! >= 0) fill[keys[i]!]!++
  const start = prefixSums(fill)
  fill.set(start.subarray(0, groups))
  const list = new Int32Array(start[groups]!)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    if (key >= 0) list[fill[key]!++] = i
  }
  return { start, list }
}

export function prepareScenarioGraph(graph: ScenarioGraph): PreparedScenarioGraph {
  const { services, sites } = graph
  const n = services.length
  const serviceIndex = new Map<string, number>()
  for (let s = 0; s < n; s++) {
    const id = services[s]!.id
    if (serviceIndex.has(id)) throw new Error(`Service ${id} occurs twice in the scenario graph`)
    serviceIndex.set(id, s)
  }
  const siteIndex = new Map<string, number>()
  for (let k = 0; k < sites.length; k++) {
    const id = sites[k]!.id
    if (siteIndex.has(id)) throw new Error(`Site ${id} occurs twice in the scenario graph`)
    siteIndex.set(id, k)
  }

  // Sites of each service, and the best site backup power (NaN: none known).
  const siteStart = new Int32Array(n + 1)
  const linked: number[] = []
  const siteBackup = new Float64Array(n).fill(NaN)
  for (let s = 0; s < n; s++) {
    for (const id of services[s]!.siteIds) {
      const k = siteIndex.get(id)
      if (k === undefined) continue
      linked.push(k)
      const power = sites[k]!.backupPowerHours
      if (power !== null && !(power <= siteBackup[s]!)) siteBackup[s] = Math.max(0, power)
    }
    siteStart[s + 1] = linked.length
  }
  const siteList = Int32Array.from(linked)

  // Dependencies that name a known service and a known resource or supplier.
  const all = graph.dependencies
  const depService = new Int32Array(all.length)
  const depSupplier = new Int32Array(all.length)
  const depResource = new Int8Array(all.length)
  const depBackup = new Float64Array(all.length)
  const depBackupSource = new Uint8Array(all.length)
  const depCopes = new Float64Array(all.length)
  let m = 0
  for (const dependency of all) {
    const s = serviceIndex.get(dependency.serviceId)
    if (s === undefined) continue
    const r = dependency.resource === null ? undefined : resourceIndex.get(dependency.resource)
    const supplier =
      r === undefined && dependency.dependsOnServiceId !== null
        ? serviceIndex.get(dependency.dependsOnServiceId)
        : undefined
    if (r === undefined && supplier === undefined) continue
    depService[m] = s
    depSupplier[m] = supplier ?? -1
    depResource[m] = r ?? -1
    depCopes[m] = hours(dependency.copesHours)
    if (dependency.backupHours !== null) {
      depBackup[m] = hours(dependency.backupHours)
      depBackupSource[m] = 1
    } else if (r === ELECTRICITY && !Number.isNaN(siteBackup[s]!)) {
      depBackup[m] = siteBackup[s]!
      depBackupSource[m] = 2
    }
    m++
  }
  const structure = dependencyStructure(
    {
      depService: depService.subarray(0, m),
      depSupplier: depSupplier.subarray(0, m),
      depResource: depResource.subarray(0, m),
      depBackup: depBackup.subarray(0, m),
      depBackupSource: depBackupSource.subarray(0, m),
      depCopes: depCopes.subarray(0, m),
    },
    n,
  )

  const acceptable = new Float64Array(n)
  const people = new Float64Array(n)
  const sector = new Int8Array(n)
  const styrel = new Int32Array(n)
  const styrelKeys = ['1', '2', '3', '4', '5', '6', '7', '8', 'none']
  const extraClasses = new Set<number>()
  for (const service of services) {
    const c = service.styrelClass
    if (c !== null && !(Number.isInteger(c) && c >= 1 && c <= 8)) extraClasses.add(c)
  }
  styrelKeys.push(...[...extraClasses].sort((a, b) => a - b).map(String))
  const styrelIndex = new Map(styrelKeys.map((key, i) => [key, i]))
  for (let s = 0; s < n; s++) {
    const service = services[s]!
    acceptable[s] = hours(service.acceptableOutageHours)
    people[s] = service.peopleServed ?? 0
    sector[s] = sectorIndex.get(service.sector) ?? -1
    styrel[s] = styrelIndex.get(styrelKey(service.styrelClass))!
  }

  return {
    services,
    serviceIndex,
    sites,
    siteIndex,
    siteStart,
    siteList,
    ...structure,
    acceptable,
    people,
    sector,
    styrelKeys,
    styrel,
    byId: idOrder(services),
  }
}

type DependencyColumns = Pick<
  PreparedScenarioGraph,
  'depService' | 'depSupplier' | 'depResource' | 'depBackup' | 'depBackupSource' | 'depCopes'
>

/** The dependencies with their groupings (by dependent, supplier, resource) and the cycles they form. */
function dependencyStructure(deps: DependencyColumns, n: number) {
  const m = deps.depService.length
  const byService = groupBy(deps.depService, n)
  const bySupplier = groupBy(deps.depSupplier, n)
  const byResource = groupBy(deps.depResource, resources.length)

  const { component, componentCount } = stronglyConnectedComponents(
    n,
    byService.start,
    (edge) => deps.depSupplier[byService.list[edge]!]!,
  )
  const depInternal = new Uint8Array(m)
  const internalOf = new Int32Array(m).fill(-1)
  for (let d = 0; d < m; d++) {
    const supplier = deps.depSupplier[d]!
    if (supplier >= 0 && component[supplier] === component[deps.depService[d]!]) {
      depInternal[d] = 1
      internalOf[d] = component[supplier]!
    }
  }
  const byComponent = groupBy(internalOf, componentCount)
  return {
    ...deps,
    depInternal,
    depStart: byService.start,
    depList: byService.list,
    dependentStart: bySupplier.start,
    dependentList: bySupplier.list,
    resourceStart: byResource.start,
    resourceList: byResource.list,
    component,
    componentCount,
    internalStart: byComponent.start,
    internalList: byComponent.list,
  }
}

/**
 * A prepared graph without the dependencies of the given services (by id;
 * unknown ids are ignored): the same as preparing the graph without them,
 * but from the prepared one, so no id is looked up again. An event's
 * projection takes the reported services' own dependencies out this way.
 */
export function withoutDependenciesOf(
  graph: PreparedScenarioGraph,
  serviceIds: Iterable<string>,
): PreparedScenarioGraph {
  const n = graph.services.length
  const drop = new Uint8Array(n)
  for (const id of serviceIds) {
    const s = graph.serviceIndex.get(id)
    if (s !== undefined) drop[s] = 1
  }
  const total = graph.depService.length
  let m = 0
  for (let d = 0; d < total; d++) if (drop[graph.depService[d]!] === 0) m++
  if (m === total) return graph
  const columns: DependencyColumns = {
    depService: new Int32Array(m),
    depSupplier: new Int32Array(m),
    depResource: new Int8Array(m),
    depBackup: new Float64Array(m),
    depBackupSource: new Uint8Array(m),
    depCopes: new Float64Array(m),
  }
  for (let d = 0, k = 0; d < total; d++) {
    if (drop[graph.depService[d]!] === 1) continue
    columns.depService[k] = graph.depService[d]!
    columns.depSupplier[k] = graph.depSupplier[d]!
    columns.depResource[k] = graph.depResource[d]!
    columns.depBackup[k] = graph.depBackup[d]!
    columns.depBackupSource[k] = graph.depBackupSource[d]!
    columns.depCopes[k] = graph.depCopes[d]!
    k++
  }
  return { ...graph, ...dependencyStructure(columns, n) }
}

/** Indices sorted by id, by code unit (not locale): a loader that sorts by id already gives them in order. */
function idOrder(services: readonly ScenarioService[]): Int32Array {
  const order = new Int32Array(services.length)
  let sorted = true
  for (let s = 0; s < services.length; s++) {
    order[s] = s
    if (s > 0 && !(services[s - 1]!.id < services[s]!.id)) sorted = false
  }
  if (!sorted) order.sort((a, b) => (services[a]!.id < services[b]!.id ? -1 : 1))
  return order
}

// ---------------------------------------------------------------------------
// The event queue: a binary heap on time over parallel typed arrays

const START = 0
const END = 1
const TIMER = 2
const RESTART = 3

class EventQueue {
  size = 0
  private time = new Float64Array(1024)
  private kind = new Uint8Array(1024)
  private a = new Int32Array(1024)
  private b = new Int32Array(1024)

  push(time: number, kind: number, a: number, b: number) {
    if (this.size === this.time.length) this.grow()
    let i = this.size++
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (this.time[parent]! <= time) break
      this.move(parent, i)
      i = parent
    }
    this.time[i] = time
    this.kind[i] = kind
    this.a[i] = a
    this.b[i] = b
  }

  peekTime(): number {
    return this.time[0]!
  }

  /** Removes the earliest event into `out` (kind, a, b). */
  pop(out: Int32Array) {
    out[0] = this.kind[0]!
    out[1] = this.a[0]!
    out[2] = this.b[0]!
    const last = --this.size
    if (last === 0) return
    const time = this.time[last]!
    const kind = this.kind[last]!
    const a = this.a[last]!
    const b = this.b[last]!
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= last) break
      if (child + 1 < last && this.time[child + 1]! < this.time[child]!) child++
      if (this.time[child]! >= time) break
      this.move(child, i)
      i = child
    }
    this.time[i] = time
    this.kind[i] = kind
    this.a[i] = a
    this.b[i] = b
  }

  private move(from: number, to: number) {
    this.time[to] = this.time[from]!
    this.kind[to] = this.kind[from]!
    this.a[to] = this.a[from]!
    this.b[to] = this.b[from]!
  }

  private grow() {
    const size = this.time.length * 2
    const time = new Float64Array(size)
    time.set(this.time)
    this.time = time
    const kind = new Uint8Array(size)
    kind.set(this.kind)
    this.kind = kind
    const a = new Int32Array(size)
    a.set(this.a)
    this.a = a
    const b = new Int32Array(size)
    b.set(this.b)
    this.b = b
  }
}

/** A growing list of numbers kept off the JS heap, so the garbage collector need not copy it. */
class Column {
  length = 0
  private data = new Float64Array(1024)

  push(value: number) {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }

  get(i: number): number {
    return this.data[i]!
  }

  set(i: number, value: number) {
    this.data[i] = value
  }
}

// ---------------------------------------------------------------------------
// The simulation

// Dependency values and display states share numbers: 0 present/normal … 3 failed.
const NORMAL = 0
const BACKUP = 1
const DEGRADED = 2
const FAILED = 3
const RECOVERED = 4
const stateNames: readonly ServiceState[] = ['normal', 'backup', 'degraded', 'failed', 'recovered']
const backupSources: readonly BackupSource[] = ['none', 'dependency', 'site']
/** A failure whose reason is not settled yet (a dependency index is 0 or more, a direct failure -1). */
const PENDING = -2

/** What a failure touches: the dependencies it makes lost, or the service it fails (-1: none). */
interface FailureTargets {
  deps: Int32Array | null
  service: number
}

function validate(scenario: Scenario) {
  const { horizonHours, restartHours = 0 } = scenario
  if (!(Number.isFinite(horizonHours) && horizonHours > 0))
    throw new RangeError('horizonHours must be a positive number')
  if (!(Number.isFinite(restartHours) && restartHours >= 0)) throw new RangeError('restartHours must be 0 or more')
  for (const failure of scenario.failures) {
    if (!(Number.isFinite(failure.startHour) && failure.startHour >= 0))
      throw new RangeError('startHour must be 0 or more')
    const duration = failure.durationHours
    if (duration !== null && !(duration >= 0)) throw new RangeError('durationHours must be 0 or more, or null')
    if ('resource' in failure.target && !resourceIndex.has(failure.target.resource)) {
      throw new RangeError(`Unknown resource ${failure.target.resource}`)
    }
  }
}

function targetsOf(graph: PreparedScenarioGraph, failure: ScenarioFailure): FailureTargets {
  if ('serviceId' in failure.target)
    return { deps: null, service: graph.serviceIndex.get(failure.target.serviceId) ?? -1 }
  const r = resourceIndex.get(failure.target.resource)!
  const onResource = graph.resourceList.subarray(graph.resourceStart[r]!, graph.resourceStart[r + 1]!)
  const test = createScopeTest(failure.scope ?? everywhere)
  if (test.everywhere) return { deps: onResource, service: -1 }
  const siteHit = new Uint8Array(graph.sites.length)
  for (let k = 0; k < graph.sites.length; k++) if (test.site(graph.sites[k]!)) siteHit[k] = 1
  const inScope = (s: number) => {
    if (test.organisation(graph.services[s]!.organisationId)) return true
    for (let i = graph.siteStart[s]!; i < graph.siteStart[s + 1]!; i++)
      if (siteHit[graph.siteList[i]!] === 1) return true
    return false
  }
  const hit: number[] = []
  for (const d of onResource) if (inScope(graph.depService[d]!)) hit.push(d)
  return { deps: Int32Array.from(hit), service: -1 }
}

class Cascade {
  private readonly g: PreparedScenarioGraph
  private readonly horizon: number
  private readonly restart: number
  private readonly queue = new EventQueue()
  private t = 0

  // Per dependency: the value now (0 present … 3 failed), and as committed at the end of the last instant.
  private readonly value: Uint8Array
  private readonly lostCommitted: Uint8Array
  private readonly lostSince: Float64Array
  private readonly resourceActive: Int32Array
  private readonly depTouched: Uint8Array
  private readonly depQueued: Uint8Array

  // Per service.
  private readonly failed: Uint8Array
  private readonly failedCommitted: Uint8Array
  /** Direct failures of the service going on now, and whether that counts yet (a loss waits for the returns of its instant). */
  private readonly direct: Int32Array
  private readonly directLost: Uint8Array
  private readonly lost: Int32Array
  private readonly onBackup: Int32Array
  private readonly degraded: Int32Array
  private readonly failedDeps: Int32Array
  private readonly everFailed: Uint8Array
  private readonly restarting: Uint8Array
  private readonly restartGeneration: Int32Array
  private readonly completing: Uint8Array
  private readonly svcTouched: Uint8Array
  private readonly svcQueued: Uint8Array
  private readonly display: Uint8Array
  private readonly failedSince: Float64Array
  private readonly exceededAt: Float64Array
  private readonly episodeOf: Int32Array
  /** 1 while a service whose failure starts in this instant has no reason yet. */
  private readonly reasonPending: Uint8Array
  private readonly reasonDeps: Int32Array

  /** Per component: lost dependencies from outside it plus directly failed members. */
  private readonly outsideLost: Int32Array

  private readonly touchedDeps: number[] = []
  private readonly touchedSvcs: number[] = []
  private readonly workDeps: number[] = []
  private readonly workSvcs: number[] = []
  private readonly starting: number[] = []
  private readonly stillPending: number[] = []

  // State changes (service, time, state), in time order.
  readonly logService = new Column()
  readonly logTime = new Column()
  readonly logState = new Column()
  // Failure episodes, in time order; dependency -1 is a direct failure.
  readonly episodeService = new Column()
  readonly episodeFrom = new Column()
  readonly episodeTo = new Column()
  readonly episodeDep = new Column()
  readonly episodeLostAt = new Column()

  private readonly failures: readonly FailureTargets[]

  constructor(graph: PreparedScenarioGraph, scenario: Scenario) {
    this.g = graph
    this.horizon = scenario.horizonHours
    this.restart = scenario.restartHours ?? 0
    const n = graph.services.length
    const m = graph.depService.length
    this.value = new Uint8Array(m)
    this.lostCommitted = new Uint8Array(m)
    this.lostSince = new Float64Array(m)
    this.resourceActive = new Int32Array(m)
    this.depTouched = new Uint8Array(m)
    this.depQueued = new Uint8Array(m)
    this.failed = new Uint8Array(n)
    this.failedCommitted = new Uint8Array(n)
    this.direct = new Int32Array(n)
    this.directLost = new Uint8Array(n)
    this.lost = new Int32Array(n)
    this.onBackup = new Int32Array(n)
    this.degraded = new Int32Array(n)
    this.failedDeps = new Int32Array(n)
    this.everFailed = new Uint8Array(n)
    this.restarting = new Uint8Array(n)
    this.restartGeneration = new Int32Array(n)
    this.completing = new Uint8Array(n)
    this.svcTouched = new Uint8Array(n)
    this.svcQueued = new Uint8Array(n)
    this.display = new Uint8Array(n)
    this.failedSince = new Float64Array(n)
    this.exceededAt = new Float64Array(n).fill(NaN)
    this.episodeOf = new Int32Array(n).fill(-1)
    this.reasonPending = new Uint8Array(n)
    this.reasonDeps = new Int32Array(n)
    this.outsideLost = new Int32Array(graph.componentCount)

    this.failures = scenario.failures.map((failure) => targetsOf(graph, failure))
    scenario.failures.forEach((failure, f) => {
      const duration = failure.durationHours
      if (failure.startHour >= this.horizon || duration === 0) return
      this.queue.push(failure.startHour, START, f, 0)
      if (duration !== null && failure.startHour + duration < this.horizon) {
        this.queue.push(failure.startHour + duration, END, f, 0)
      }
    })
  }

  run() {
    const event = new Int32Array(3)
    while (this.queue.size > 0) {
      const t = this.queue.peekTime()
      if (t >= this.horizon) break
      this.t = t
      do {
        this.queue.pop(event)
        this.apply(event[0]!, event[1]!, event[2]!)
      } while (this.queue.size > 0 && this.queue.peekTime() === t)
      // Returns first, then losses: each settles to its fixed point (see the model, "Same instant").
      this.drain(false)
      for (const d of this.touchedDeps) this.queueDep(d)
      for (const s of this.touchedSvcs) this.queueSvc(s)
      this.drain(true)
      this.commit()
    }
    for (let s = 0; s < this.failed.length; s++) {
      if (this.failedCommitted[s] === 1) this.checkExceeded(s, Infinity)
    }
  }

  private apply(kind: number, a: number, b: number) {
    if (kind === START || kind === END) {
      const targets = this.failures[a]!
      const delta = kind === START ? 1 : -1
      if (targets.deps) {
        for (const d of targets.deps) {
          this.resourceActive[d]! += delta
          this.touchDep(d)
        }
      } else if (targets.service >= 0) {
        this.direct[targets.service]! += delta
        this.touchSvc(targets.service)
      }
    } else if (kind === TIMER) {
      if (this.lostCommitted[a] === 1) this.touchDep(a)
    } else if (kind === RESTART) {
      if (this.restarting[a] === 1 && this.restartGeneration[a] === b) {
        this.completing[a] = 1
        this.touchSvc(a)
      }
    }
  }

  private touchDep(d: number) {
    if (this.depTouched[d] === 0) {
      this.depTouched[d] = 1
      this.touchedDeps.push(d)
    }
    this.queueDep(d)
  }

  private touchSvc(s: number) {
    if (this.svcTouched[s] === 0) {
      this.svcTouched[s] = 1
      this.touchedSvcs.push(s)
    }
    this.queueSvc(s)
  }

  private queueDep(d: number) {
    if (this.depQueued[d] === 0) {
      this.depQueued[d] = 1
      this.workDeps.push(d)
    }
  }

  private queueSvc(s: number) {
    if (this.svcQueued[s] === 0) {
      this.svcQueued[s] = 1
      this.workSvcs.push(s)
    }
  }

  /** Lowers (up = false) or raises values that differ from what their inputs say, until none does. */
  private drain(up: boolean) {
    for (;;) {
      if (this.workDeps.length > 0) {
        const d = this.workDeps.pop()!
        this.depQueued[d] = 0
        const wanted = this.depValue(d)
        const current = this.value[d]!
        if (up ? wanted > current : wanted < current) this.setDep(d, wanted)
      } else if (this.workSvcs.length > 0) {
        const s = this.workSvcs.pop()!
        this.svcQueued[s] = 0
        const direct = this.direct[s]! > 0 ? 1 : 0
        if (up ? direct > this.directLost[s]! : direct < this.directLost[s]!) this.setDirect(s, direct)
        const wanted = this.svcFailed(s)
        const current = this.failed[s]!
        if (up ? wanted > current : wanted < current) this.setSvc(s, wanted)
      } else {
        return
      }
    }
  }

  /** What a dependency is at this instant, from its inputs now and when it was lost. */
  private depValue(d: number): number {
    const g = this.g
    let lost = this.resourceActive[d]! > 0
    if (!lost) {
      const supplier = g.depSupplier[d]!
      if (supplier >= 0 && this.failed[supplier] === 1) {
        lost = g.depInternal[d] === 0 || this.outsideLost[g.component[supplier]!]! > 0
      }
    }
    if (!lost) return NORMAL
    const since = this.lostCommitted[d] === 1 ? this.lostSince[d]! : this.t
    const backupEnds = since + g.depBackup[d]!
    if (this.t < backupEnds) return BACKUP
    if (this.t < backupEnds + g.depCopes[d]!) return DEGRADED
    return FAILED
  }

  private svcFailed(s: number): number {
    if (this.failedDeps[s]! > 0 || this.directLost[s] === 1) return 1
    if (this.failedCommitted[s] === 0) return 0
    if (this.restart === 0) return this.lost[s]! > 0 ? 1 : 0
    return this.completing[s] === 1 ? 0 : 1
  }

  private setDep(d: number, next: number) {
    const s = this.g.depService[d]!
    const previous = this.value[d]!
    this.value[d] = next
    if (previous === BACKUP) this.onBackup[s]!--
    else if (previous === DEGRADED) this.degraded[s]!--
    else if (previous === FAILED) this.failedDeps[s]!--
    if (next === BACKUP) this.onBackup[s]!++
    else if (next === DEGRADED) this.degraded[s]!++
    else if (next === FAILED) this.failedDeps[s]!++
    if (previous === NORMAL || next === NORMAL) {
      const delta = next === NORMAL ? -1 : 1
      this.lost[s]! += delta
      if (this.g.depInternal[d] === 0) this.addOutsideLost(this.g.component[s]!, delta)
    }
    this.touchSvc(s)
  }

  /** A direct failure is lost like a dependency of the service with no backup and no margin. */
  private setDirect(s: number, next: number) {
    this.directLost[s] = next
    const delta = next === 1 ? 1 : -1
    this.lost[s]! += delta
    this.addOutsideLost(this.g.component[s]!, delta)
  }

  private setSvc(s: number, next: number) {
    this.failed[s] = next
    const g = this.g
    for (let i = g.dependentStart[s]!; i < g.dependentStart[s + 1]!; i++) this.touchDep(g.dependentList[i]!)
  }

  /** Internal dependencies of a component switch between held and forgiven when its outside losses reach or leave 0. */
  private addOutsideLost(c: number, delta: number) {
    const before = this.outsideLost[c]!
    const after = before + delta
    this.outsideLost[c] = after
    if ((before === 0) !== (after === 0)) {
      const g = this.g
      for (let i = g.internalStart[c]!; i < g.internalStart[c + 1]!; i++) this.touchDep(g.internalList[i]!)
    }
  }

  private commit() {
    const g = this.g
    const t = this.t
    for (const d of this.touchedDeps) {
      this.depTouched[d] = 0
      const isLost = this.value[d]! > 0
      if (isLost && this.lostCommitted[d] === 0) {
        this.lostCommitted[d] = 1
        this.lostSince[d] = t
        const backupEnds = t + g.depBackup[d]!
        const failsAt = backupEnds + g.depCopes[d]!
        if (backupEnds > t && backupEnds < this.horizon) this.queue.push(backupEnds, TIMER, d, 0)
        if (failsAt > backupEnds && failsAt < this.horizon) this.queue.push(failsAt, TIMER, d, 0)
      } else if (!isLost && this.lostCommitted[d] === 1) {
        this.lostCommitted[d] = 0
      }
    }
    for (const s of this.touchedSvcs) {
      this.svcTouched[s] = 0
      this.commitService(s)
    }
    if (this.starting.length > 0) this.settleReasons()
    this.touchedDeps.length = 0
    this.touchedSvcs.length = 0
  }

  private commitService(s: number) {
    const t = this.t
    const isFailed = this.failed[s]!
    if (this.completing[s] === 1) {
      this.completing[s] = 0
      this.restarting[s] = 0
    }
    if (isFailed === 1 && this.failedCommitted[s] === 0) this.startEpisode(s)
    else if (isFailed === 0 && this.failedCommitted[s] === 1) this.endEpisode(s)
    this.failedCommitted[s] = isFailed
    if (isFailed === 1 && this.restart > 0) {
      if (this.lost[s] === 0 && this.restarting[s] === 0) {
        this.restarting[s] = 1
        const generation = ++this.restartGeneration[s]!
        if (t + this.restart < this.horizon) this.queue.push(t + this.restart, RESTART, s, generation)
      } else if (this.lost[s]! > 0 && this.restarting[s] === 1) {
        this.restarting[s] = 0
        this.restartGeneration[s]!++
      }
    }
    const state =
      isFailed === 1
        ? FAILED
        : this.degraded[s]! > 0
          ? DEGRADED
          : this.onBackup[s]! > 0
            ? BACKUP
            : this.everFailed[s] === 1
              ? RECOVERED
              : NORMAL
    if (state !== this.display[s]) {
      this.display[s] = state
      this.logService.push(s)
      this.logTime.push(t)
      this.logState.push(state)
    }
  }

  /** The reason is settled once every failure of the instant has started (settleReasons). */
  private startEpisode(s: number) {
    this.episodeOf[s] = this.episodeService.length
    this.episodeService.push(s)
    this.episodeFrom.push(this.t)
    this.episodeTo.push(NaN)
    this.episodeDep.push(-1)
    this.episodeLostAt.push(this.t)
    this.failedSince[s] = this.t
    this.everFailed[s] = 1
    this.starting.push(s)
    this.reasonPending[s] = 1
  }

  /**
   * Reasons of the failures starting in this instant, in rounds outward from
   * the causes (see the model, "Reasons"): a dependency on a member of the
   * same cycle whose reason is still pending does not count, so a chain never
   * comes back to where it started. Round k settles every service that has a
   * dependency that counts once rounds 0 … k-1 are settled.
   */
  private settleReasons() {
    let pending = this.starting
    let next = this.stillPending
    for (;;) {
      for (const s of pending) {
        const d = this.directLost[s] === 1 ? -1 : this.reasonDep(s, true)
        this.reasonDeps[s] = d
        if (d === PENDING) next.push(s)
      }
      // Some service always settles (each was raised by a dependency whose
      // supplier was raised before it); should none, the plain order decides.
      if (next.length === pending.length) {
        for (const s of next) this.reasonDeps[s] = this.reasonDep(s, false)
        next.length = 0
      }
      for (const s of pending) if (this.reasonDeps[s] !== PENDING) this.settleReason(s)
      pending.length = 0
      if (next.length === 0) return
      ;[pending, next] = [next, pending]
    }
  }

  private settleReason(s: number) {
    const d = this.reasonDeps[s]!
    const episode = this.episodeOf[s]!
    this.reasonPending[s] = 0
    this.episodeDep.set(episode, d)
    if (d >= 0) this.episodeLostAt.set(episode, this.lostSince[d]!)
  }

  private endEpisode(s: number) {
    this.episodeTo.set(this.episodeOf[s]!, this.t)
    this.episodeOf[s] = -1
    this.checkExceeded(s, this.t)
  }

  private checkExceeded(s: number, endedAt: number) {
    if (!Number.isNaN(this.exceededAt[s]!)) return
    const at = this.failedSince[s]! + this.g.acceptable[s]!
    if (endedAt > at && at < this.horizon) this.exceededAt[s] = at
  }

  /**
   * The dependency that failed the service now: see the model, "Reasons", for
   * the order of ties. With `settledOnly`, a dependency on a member of the same
   * cycle whose reason is pending is left out, and PENDING means none is left.
   */
  private reasonDep(s: number, settledOnly: boolean): number {
    const g = this.g
    let best = PENDING
    for (let i = g.depStart[s]!; i < g.depStart[s + 1]!; i++) {
      const d = g.depList[i]!
      if (this.value[d] !== FAILED) continue
      if (settledOnly && g.depInternal[d] === 1 && this.reasonPending[g.depSupplier[d]!] === 1) continue
      if (best === PENDING || this.ranksBefore(d, best)) best = d
    }
    return best
  }

  private ranksBefore(a: number, b: number): boolean {
    const g = this.g
    if (this.lostSince[a] !== this.lostSince[b]) return this.lostSince[a]! < this.lostSince[b]!
    const resourceA = g.depResource[a]!
    const resourceB = g.depResource[b]!
    if (resourceA >= 0 !== resourceB >= 0) return resourceA >= 0
    if (resourceA !== resourceB) return resourceA < resourceB
    if (resourceA < 0) {
      const idA = g.services[g.depSupplier[a]!]!.id
      const idB = g.services[g.depSupplier[b]!]!.id
      if (idA !== idB) return idA < idB
    }
    if (g.depBackup[a] !== g.depBackup[b]) return g.depBackup[a]! < g.depBackup[b]!
    return g.depCopes[a]! < g.depCopes[b]!
  }

  reason(episode: number): FailureReason {
    const g = this.g
    const d = this.episodeDep.get(episode)
    const failedAt = this.episodeFrom.get(episode)
    if (d < 0) return { kind: 'direct', failedAt }
    const lostAt = this.episodeLostAt.get(episode)
    const backupHours = g.depBackup[d]!
    const backupSource = backupSources[g.depBackupSource[d]!]!
    const copesHours = g.depCopes[d]!
    const r = g.depResource[d]!
    if (r >= 0)
      return { kind: 'resource', resource: resources[r]!, lostAt, backupHours, backupSource, copesHours, failedAt }
    const serviceId = g.services[g.depSupplier[d]!]!.id
    return { kind: 'service', serviceId, lostAt, backupHours, backupSource, copesHours, failedAt }
  }

  outageExceededAt(s: number): number | null {
    const at = this.exceededAt[s]!
    return Number.isNaN(at) ? null : at
  }
}

// ---------------------------------------------------------------------------
// Results

function emptySeries(length: number): number[] {
  return new Array<number>(length).fill(0)
}

function collect(
  graph: PreparedScenarioGraph,
  cascade: Cascade,
  horizon: number,
  restartHours: number,
): ScenarioResult {
  const n = graph.services.length
  const services = graph.services

  // Group the change log and the episodes by service (both are in time order).
  const byService = (column: Column) => {
    const count = new Int32Array(n)
    for (let i = 0; i < column.length; i++) count[column.get(i)]!++
    const start = prefixSums(count)
    const fill = start.slice(0, n)
    const order = new Int32Array(column.length)
    for (let i = 0; i < column.length; i++) order[fill[column.get(i)]!++] = i
    return { count, start, order }
  }
  const { count: logCount, start: logStart, order: logOrder } = byService(cascade.logService)
  const { start: episodeStart, order: episodeOrder } = byService(cascade.episodeService)

  const affectedIndices: number[] = []
  for (const s of graph.byId) if (logCount[s]! > 0) affectedIndices.push(s)

  const lastHour = Math.floor(horizon)
  const endsOnTheHour = lastHour === horizon
  const length = lastHour + 2
  const series = {
    failed: new Float64Array(length),
    backup: new Float64Array(length),
    degraded: new Float64Array(length),
    recovered: new Float64Array(length),
    people: new Float64Array(length),
    sector: sectors.map(() => new Float64Array(length)),
    styrel: graph.styrelKeys.map(() => new Float64Array(length)),
  }
  const add = (s: number, state: number, from: number, to: number) => {
    if (state === NORMAL || to <= from) return
    const perState =
      state === FAILED
        ? series.failed
        : state === BACKUP
          ? series.backup
          : state === DEGRADED
            ? series.degraded
            : series.recovered
    perState[from]! += 1
    perState[to]! -= 1
    if (state !== FAILED) return
    series.people[from]! += graph.people[s]!
    series.people[to]! -= graph.people[s]!
    const sector = graph.sector[s]!
    if (sector >= 0) {
      series.sector[sector]![from]! += 1
      series.sector[sector]![to]! -= 1
    }
    const styrel = series.styrel[graph.styrel[s]!]!
    styrel[from]! += 1
    styrel[to]! -= 1
  }
  // Whole hours h with from <= h < to, within 0 … lastHour.
  const firstHourIn = (time: number) => Math.min(Math.ceil(time), lastHour + 1)

  const affected: AffectedService[] = affectedIndices.map((s) => {
    const timeline: TimelineSegment[] = []
    let from = 0
    let state = NORMAL
    for (let i = logStart[s]!; i < logStart[s + 1]!; i++) {
      const entry = logOrder[i]!
      const time = cascade.logTime.get(entry)
      if (time > from) {
        timeline.push({ from, to: time, state: stateNames[state]! })
        add(s, state, firstHourIn(from), firstHourIn(time))
      }
      from = time
      state = cascade.logState.get(entry)
    }
    timeline.push({ from, to: horizon, state: stateNames[state]! })
    add(s, state, firstHourIn(from), firstHourIn(horizon))
    if (endsOnTheHour) add(s, state, lastHour, lastHour + 1)

    const failures: FailureEpisode[] = []
    for (let i = episodeStart[s]!; i < episodeStart[s + 1]!; i++) {
      const episode = episodeOrder[i]!
      const to = cascade.episodeTo.get(episode)
      failures.push({
        from: cascade.episodeFrom.get(episode),
        to: Number.isNaN(to) ? null : to,
        reason: cascade.reason(episode),
      })
    }
    return {
      id: services[s]!.id,
      timeline,
      firstFailedAt: failures[0]?.from ?? null,
      outageExceededAt: cascade.outageExceededAt(s),
      failures,
    }
  })

  const cumulative = (diff: Float64Array) => {
    const out = emptySeries(lastHour + 1)
    let running = 0
    for (let h = 0; h <= lastHour; h++) {
      running += diff[h]!
      out[h] = running
    }
    return out
  }
  return {
    horizonHours: horizon,
    restartHours,
    serviceCount: n,
    affected,
    totals: {
      failed: cumulative(series.failed),
      backup: cumulative(series.backup),
      degraded: cumulative(series.degraded),
      recovered: cumulative(series.recovered),
      peopleServedFailed: cumulative(series.people),
      failedBySector: Object.fromEntries(sectors.map((sector, i) => [sector, cumulative(series.sector[i]!)])) as Record<
        Sector,
        number[]
      >,
      failedByStyrel: Object.fromEntries(graph.styrelKeys.map((key, i) => [key, cumulative(series.styrel[i]!)])),
    },
  }
}

// ---------------------------------------------------------------------------
// Public functions

/** Runs a scenario on a prepared graph (prepare once, run many scenarios on it). */
export function runPreparedScenario(graph: PreparedScenarioGraph, scenario: Scenario): ScenarioResult {
  validate(scenario)
  const cascade = new Cascade(graph, scenario)
  cascade.run()
  return collect(graph, cascade, scenario.horizonHours, scenario.restartHours ?? 0)
}

export function runScenario(input: ScenarioInput): ScenarioResult {
  return runPreparedScenario(prepareScenarioGraph(input), input.scenario)
}

/** An affected service by id (binary search: `affected` is sorted by id), or undefined if it stayed normal. */
export function findAffected(result: ScenarioResult, serviceId: string): AffectedService | undefined {
  const list = result.affected
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const id = list[mid]!.id
    if (id === serviceId) return list[mid]
    if (id < serviceId) lo = mid + 1
    else hi = mid - 1
  }
  return undefined
}

/**
 * The state of a service at an hour in [0, horizonHours]; at horizonHours,
 * the state the scenario ends in. A number is an index in `result.affected`;
 * an id of a service that is not affected is normal throughout.
 */
export function stateAt(result: ScenarioResult, serviceIndexOrId: number | string, hour: number): ServiceState {
  if (!(hour >= 0 && hour <= result.horizonHours)) throw new RangeError(`Hour ${hour} is outside the scenario`)
  let service: AffectedService | undefined
  if (typeof serviceIndexOrId === 'number') {
    service = result.affected[serviceIndexOrId]
    if (!service) throw new RangeError(`No affected service at index ${serviceIndexOrId}`)
  } else {
    service = findAffected(result, serviceIndexOrId)
    if (!service) return 'normal'
  }
  const timeline = service.timeline
  let lo = 0
  let hi = timeline.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (timeline[mid]!.from <= hour) lo = mid
    else hi = mid - 1
  }
  return timeline[lo]!.state
}

/**
 * Why a service failed, as a chain: its own reason for the given failure
 * episode, then, while the reason is a supplier service, that supplier's
 * reason for the failure that took it away, and so on down to a resource or
 * a direct failure (the engine settles reasons so that a chain always gets
 * there; it still stops at a service it has already visited, for a result
 * made elsewhere).
 */
export function reasonChain(result: ScenarioResult, serviceId: string, episodeIndex = 0): FailureReason[] {
  const chain: FailureReason[] = []
  const seen = new Set<string>()
  let service = findAffected(result, serviceId)
  let episode = service?.failures[episodeIndex]
  while (service && episode) {
    const key = `${service.id}@${episode.from}`
    if (seen.has(key)) break
    seen.add(key)
    const reason = episode.reason
    chain.push(reason)
    if (reason.kind !== 'service') break
    service = findAffected(result, reason.serviceId)
    episode = service?.failures.findLast((candidate) => candidate.from <= reason.lostAt)
  }
  return chain
}
