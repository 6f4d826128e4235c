/**
 * What happens next in an event: the scenario engine run from the event's
 * start on the registry, with the reported statuses put in where they say
 * more than the registry. Plain functions with no database.
 *
 * ## The model
 *
 * **Time.** Hour 0 of the engine's run is the event's start (or now, if the
 * start is still ahead). `elapsed` is the hours from there to now; the run
 * covers [0, elapsed + 72). The page shows the window from now to now + 72 h:
 * engine hour h is shown as h − elapsed ("om 6 h"). Window hour 72 is the
 * state the run ends in, as in the engine's totals.
 *
 * **The event's losses.** Each of the event's `lostResources` fails inside
 * its `area` (a failure scope, as in a scenario) from the start for the
 * whole run: the event names no restoration.
 *
 * **Reports override the registry.** The newest report per service is its
 * state; its time is the report's hour r (0 if earlier than the start, never
 * later than now) and an expected restoration its hour x.
 * - `failed`: the service fails directly from r, until x if x > r, else to
 *   the end.
 * - `backup` with H hours left: it runs until r + H, then fails directly
 *   until x if x > r + H, else to the end ("10 h left" beats the registry's
 *   backup hours). It is shown on backup from r until then.
 * - `backup` without hours left: the report says nothing about how long, so
 *   the registry's dependencies and backups decide; shown on backup from r
 *   wherever the engine would say normal.
 * - `degraded`: it still delivers (a supplier counts as lost only when
 *   failed), so no failure; shown degraded from r until x if x > r, else to
 *   the end.
 * - `normal` / `restored`: it is running; no failure.
 * In every case but a backup without hours, the report is the truth about
 * the service: its own dependencies are taken out of the graph, so losses
 * upstream of it do not make it fail before or after what it reported.
 * Its dependants follow the engine's rules (their backups and margins).
 *
 * **The failure that counts** for a service is the one going on now, else
 * the first that starts after now within the run. `failsIn` is its start in
 * hours from now (0 or less: failed since). Its chain of reasons is the
 * engine's (reasonChain). A service's **wake** is the number of other
 * services whose counting failure's chain passes through it: the services
 * that fail in its wake ("→ 4 verksamheter påverkas").
 *
 * **The list** holds every service whose course in the window is not normal
 * throughout: those with a counting failure by failsIn, then the others;
 * ties by the larger wake, then more people served, then id. **Next to
 * fail** are the first of those whose failure is still ahead (failsIn > 0).
 */
import { sectors, type Resource, type Sector, type ServiceStatus } from '~/db/enums'
import type { FailureScope } from '~/modules/scenarios/area'
import {
  findAffected,
  prepareScenarioGraph,
  reasonChain,
  runPreparedScenario,
  styrelKey,
  withoutDependenciesOf,
  type AffectedService,
  type FailureEpisode,
  type FailureReason,
  type PreparedScenarioGraph,
  type Scenario,
  type ScenarioFailure,
  type ScenarioGraph,
  type ScenarioResult,
  type ServiceState,
  type TimelineSegment,
} from '~/modules/scenarios/engine'
import type { ScenarioTotals } from '~/modules/scenarios/scenario-view'

export const PROJECTION_WINDOW_HOURS = 72
const HOUR_MS = 3_600_000

export interface ProjectionEvent {
  startedAt: Date
  lostResources: readonly Resource[]
  area: FailureScope
}

/** The newest status report of one service. */
export interface ProjectionReport {
  id: string
  serviceId: string
  status: ServiceStatus
  backupHoursLeft: number | null
  expectedRestorationAt: Date | null
  reportedAt: Date
}

/** What the engine is asked, and how its hours map to the clock. */
export interface ProjectionPlan {
  /** The moment of engine hour 0. */
  origin: Date
  /** Hours from the origin to now. */
  elapsed: number
  scenario: Scenario
  /** Services whose own dependencies are taken out: their report is the truth about them. */
  detached: ReadonlySet<string>
  /** The newest report per service. */
  reports: ReadonlyMap<string, ProjectionReport>
}

function hoursBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / HOUR_MS
}

/** Engine hour of an instant. */
export function engineHour(plan: Pick<ProjectionPlan, 'origin'>, at: Date): number {
  return hoursBetween(plan.origin, at)
}

/** The engine's scenario for the event now, from its losses and the newest report per service. */
export function planProjection(
  event: ProjectionEvent,
  reports: readonly ProjectionReport[],
  now: Date,
): ProjectionPlan {
  const origin = new Date(Math.min(event.startedAt.getTime(), now.getTime()))
  const elapsed = hoursBetween(origin, now)
  const horizonHours = elapsed + PROJECTION_WINDOW_HOURS
  const startHour = hoursBetween(origin, event.startedAt)
  const failures: ScenarioFailure[] = [...new Set(event.lostResources)].map((resource) => ({
    target: { resource },
    scope: event.area,
    startHour,
    durationHours: null,
  }))
  const newest = new Map<string, ProjectionReport>()
  for (const report of reports) {
    const known = newest.get(report.serviceId)
    if (!known || report.reportedAt.getTime() > known.reportedAt.getTime()) newest.set(report.serviceId, report)
  }
  const detached = new Set<string>()
  for (const report of newest.values()) {
    const r = Math.min(Math.max(0, hoursBetween(origin, report.reportedAt)), elapsed)
    const x = report.expectedRestorationAt ? hoursBetween(origin, report.expectedRestorationAt) : null
    const directFrom = (from: number) => {
      if (from >= horizonHours) return
      failures.push({
        target: { serviceId: report.serviceId },
        startHour: from,
        durationHours: x !== null && x > from ? x - from : null,
      })
    }
    if (report.status === 'backup' && report.backupHoursLeft === null) continue
    detached.add(report.serviceId)
    if (report.status === 'failed') directFrom(r)
    else if (report.status === 'backup') directFrom(r + Math.max(0, report.backupHoursLeft!))
  }
  return { origin, elapsed, scenario: { failures, horizonHours }, detached, reports: newest }
}

/** The registry's graph without the dependencies of the detached services (the server takes them out of a prepared graph: withoutDependenciesOf). */
export function detachReported(graph: ScenarioGraph, detached: ReadonlySet<string>): ScenarioGraph {
  if (detached.size === 0) return graph
  return { ...graph, dependencies: graph.dependencies.filter((dependency) => !detached.has(dependency.serviceId)) }
}

// ---------------------------------------------------------------------------
// Interpretation

export interface ProjectedService {
  id: string
  /** The counting failure's index in the engine's failures of the service, or -1. */
  episode: number
  /** Start of the counting failure in hours from now: 0 or less, failed since; null, none in the window. */
  failsIn: number | null
  stateNow: ServiceState
  /** The course in engine hours, with a reported backup or degraded operation laid over it (see windowCourse). */
  course: readonly TimelineSegment[]
  /** How many other services fail in its wake. */
  wake: number
  report: ProjectionReport | null
}

export interface EventProjection {
  plan: ProjectionPlan
  windowHours: number
  serviceCount: number
  /** Every service not normal throughout the window, in list order. */
  services: ProjectedService[]
  /** Entry w of every array is window hour w, w = 0 … 72. */
  totals: ScenarioTotals
  result: ScenarioResult
}

/** Replaces the normal parts of [from, to) by `state`, merging equal neighbours. */
export function overlayNormal(
  timeline: readonly TimelineSegment[],
  from: number,
  to: number,
  state: ServiceState,
): TimelineSegment[] {
  const out: TimelineSegment[] = []
  const push = (segment: TimelineSegment) => {
    if (segment.to <= segment.from) return
    const last = out[out.length - 1]
    if (last && last.state === segment.state && last.to === segment.from) last.to = segment.to
    else out.push({ ...segment })
  }
  for (const segment of timeline) {
    if (segment.state !== 'normal' || segment.to <= from || segment.from >= to) {
      push(segment)
      continue
    }
    push({ from: segment.from, to: Math.max(segment.from, from), state: 'normal' })
    push({ from: Math.max(segment.from, from), to: Math.min(segment.to, to), state })
    push({ from: Math.min(segment.to, to), to: segment.to, state: 'normal' })
  }
  return out
}

/** A reported service's course: what the engine says, with the reported backup or degraded operation laid over it. */
function reportedCourse(
  plan: ProjectionPlan,
  timeline: readonly TimelineSegment[],
  failures: readonly FailureEpisode[],
  report: ProjectionReport,
): readonly TimelineSegment[] {
  const r = Math.min(Math.max(0, engineHour(plan, report.reportedAt)), plan.elapsed)
  if (report.status === 'backup') {
    const next = failures.find((failure) => failure.from >= r)
    return overlayNormal(timeline, r, next ? next.from : Infinity, 'backup')
  }
  if (report.status === 'degraded') {
    const x = report.expectedRestorationAt ? engineHour(plan, report.expectedRestorationAt) : Infinity
    return overlayNormal(timeline, r, x > r ? x : Infinity, 'degraded')
  }
  return timeline
}

/** A course in the window: [from, to, state] in hours from now, covering 0 … 72. */
export function windowCourse(
  plan: ProjectionPlan,
  course: readonly TimelineSegment[],
): [number, number, ServiceState][] {
  const { elapsed } = plan
  const horizon = plan.scenario.horizonHours
  const windowed: [number, number, ServiceState][] = []
  for (const segment of course) {
    const from = Math.max(segment.from, elapsed) - elapsed
    const to = Math.min(segment.to, horizon) - elapsed
    if (to > from) windowed.push([from, to, segment.state])
  }
  return windowed
}

const NO_FAILURES: readonly FailureEpisode[] = []
const stateIndex: Record<ServiceState, number> = { normal: -1, backup: 0, degraded: 1, failed: 2, recovered: 3 }
const sectorIndex = new Map<string, number>(sectors.map((sector, i) => [sector, i]))

/** Adds 1 (or `amount`) to the window hours [a, b) of a difference series. */
function addRange(series: Float64Array, a: number, b: number, amount: number) {
  series[a]! += amount
  series[b]! -= amount
}

/** The engine's run read into the window: the list, the wake of each service and the totals. */
export function interpretProjection(
  plan: ProjectionPlan,
  graph: Pick<PreparedScenarioGraph, 'services' | 'serviceIndex'>,
  result: ScenarioResult,
): EventProjection {
  const { elapsed } = plan
  const horizon = plan.scenario.horizonHours
  const window = PROJECTION_WINDOW_HOURS

  // Every affected service, and every reported one (its report may say more than the engine).
  interface Candidate {
    id: string
    index: number
    course: readonly TimelineSegment[]
    failures: readonly FailureEpisode[]
    episode: number
  }
  const candidates: Candidate[] = []
  const consider = (id: string, affected: AffectedService | undefined) => {
    const index = graph.serviceIndex.get(id)
    if (index === undefined) return
    const failures = affected?.failures ?? NO_FAILURES
    let course: readonly TimelineSegment[] = affected?.timeline ?? [{ from: 0, to: horizon, state: 'normal' }]
    const report = plan.reports.get(id)
    if (report) course = reportedCourse(plan, course, failures, report)
    let episode = -1
    for (let i = 0; i < failures.length; i++) {
      const failure = failures[i]!
      if (failure.from <= elapsed && (failure.to === null || failure.to > elapsed)) {
        episode = i
        break
      }
      if (failure.from > elapsed) {
        episode = i
        break
      }
    }
    candidates.push({ id, index, course, failures, episode })
  }
  for (const affected of result.affected) consider(affected.id, affected)
  for (const id of plan.reports.keys()) if (!findAffected(result, id)) consider(id, undefined)

  // The wake: walk each counting failure's chain up through its suppliers,
  // as reasonChain does, without building the chain.
  const wake = new Map<string, number>()
  const seen = new Set<FailureEpisode>()
  for (const candidate of candidates) {
    if (candidate.episode < 0) continue
    let episode: FailureEpisode | undefined = candidate.failures[candidate.episode]
    seen.clear()
    while (episode && !seen.has(episode)) {
      seen.add(episode)
      const reason: FailureReason = episode.reason
      if (reason.kind !== 'service') break
      if (reason.serviceId !== candidate.id) wake.set(reason.serviceId, (wake.get(reason.serviceId) ?? 0) + 1)
      const lostAt = reason.lostAt
      const failures = findAffected(result, reason.serviceId)?.failures ?? NO_FAILURES
      episode = undefined
      for (let i = failures.length - 1; i >= 0; i--) {
        if (failures[i]!.from <= lostAt) {
          episode = failures[i]
          break
        }
      }
    }
  }

  // Totals: each segment counts for the whole window hours w with from <= w < to (the last also at 72).
  const length = window + 2
  const byState = [0, 1, 2, 3].map(() => new Float64Array(length))
  const people = new Float64Array(length)
  const bySector = sectors.map(() => new Float64Array(length))
  const byStyrel = new Map<string, Float64Array>()
  const firstHourIn = (time: number) => Math.min(Math.max(0, Math.ceil(time - elapsed)), window + 1)

  const services: ProjectedService[] = []
  const peopleOf: number[] = []
  for (const candidate of candidates) {
    const service = graph.services[candidate.index]!
    const course = candidate.course
    let shown = false
    let stateNow: ServiceState = 'normal'
    for (let i = 0; i < course.length; i++) {
      const segment = course[i]!
      if (segment.from <= elapsed) stateNow = segment.state
      if (segment.state === 'normal' || segment.to <= elapsed || segment.from >= horizon) continue
      shown = true
      const a = firstHourIn(segment.from)
      const b = i === course.length - 1 ? window + 1 : firstHourIn(segment.to)
      if (b <= a) continue
      addRange(byState[stateIndex[segment.state]]!, a, b, 1)
      if (segment.state !== 'failed') continue
      addRange(people, a, b, service.peopleServed ?? 0)
      const sector = sectorIndex.get(service.sector)
      if (sector !== undefined) addRange(bySector[sector]!, a, b, 1)
      const key = styrelKey(service.styrelClass)
      let styrel = byStyrel.get(key)
      if (!styrel) byStyrel.set(key, (styrel = new Float64Array(length)))
      addRange(styrel, a, b, 1)
    }
    if (!shown) continue
    const episode = candidate.episode
    peopleOf.push(service.peopleServed ?? 0)
    services.push({
      id: candidate.id,
      episode,
      failsIn: episode < 0 ? null : candidate.failures[episode]!.from - elapsed,
      stateNow,
      course,
      wake: wake.get(candidate.id) ?? 0,
      report: plan.reports.get(candidate.id) ?? null,
    })
  }

  const order = services.map((_, i) => i)
  order.sort((i, j) => {
    const a = services[i]!
    const b = services[j]!
    return (
      (a.failsIn ?? Infinity) - (b.failsIn ?? Infinity) ||
      b.wake - a.wake ||
      peopleOf[j]! - peopleOf[i]! ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    )
  })

  const cumulative = (series: Float64Array) => {
    const out = new Array<number>(window + 1)
    let running = 0
    for (let w = 0; w <= window; w++) out[w] = running += series[w]!
    return out
  }
  const failedBySector: Partial<Record<Sector, number[]>> = {}
  sectors.forEach((sector, i) => {
    if (bySector[i]!.some((value) => value !== 0)) failedBySector[sector] = cumulative(bySector[i]!)
  })
  const failedByStyrel: Record<string, number[]> = {}
  for (const [key, series] of byStyrel) failedByStyrel[key] = cumulative(series)

  return {
    plan,
    windowHours: window,
    serviceCount: graph.services.length,
    services: order.map((i) => services[i]!),
    totals: {
      backup: cumulative(byState[0]!),
      degraded: cumulative(byState[1]!),
      failed: cumulative(byState[2]!),
      recovered: cumulative(byState[3]!),
      peopleServedFailed: cumulative(people),
      failedBySector,
      failedByStyrel,
    },
    result,
  }
}

/** The first `limit` services whose failure is still ahead, soonest first. */
export function nextToFail(projection: EventProjection, limit = 5): ProjectedService[] {
  const next: ProjectedService[] = []
  for (const service of projection.services) {
    if (next.length === limit) break
    if (service.failsIn !== null && service.failsIn > 0) next.push(service)
  }
  return next
}

/** Why a service's counting failure happens: the engine's chain, and the report at its root when it ends at one. */
export function projectionChain(
  projection: EventProjection,
  service: ProjectedService,
): { reasons: FailureReason[]; rootServiceId: string; rootReport: ProjectionReport | null } {
  if (service.episode < 0) return { reasons: [], rootServiceId: service.id, rootReport: null }
  const reasons = reasonChain(projection.result, service.id, service.episode)
  let rootServiceId = service.id
  for (const reason of reasons) if (reason.kind === 'service') rootServiceId = reason.serviceId
  const last = reasons[reasons.length - 1]
  const rootReport = last?.kind === 'direct' ? (projection.plan.reports.get(rootServiceId) ?? null) : null
  return { reasons, rootServiceId, rootReport }
}

/** The whole projection in one go (the server does the same in steps, with caches). */
export function projectEvent(
  event: ProjectionEvent,
  reports: readonly ProjectionReport[],
  graph: ScenarioGraph,
  now: Date,
): EventProjection {
  const plan = planProjection(event, reports, now)
  const prepared = withoutDependenciesOf(prepareScenarioGraph(graph), plan.detached)
  return interpretProjection(plan, prepared, runPreparedScenario(prepared, plan.scenario))
}
