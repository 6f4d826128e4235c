import { desc, eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { eventStatusReports, type EventRecord } from '~/db/schema/events'
import {
  prepareScenarioGraph,
  runPreparedScenario,
  withoutDependenciesOf,
  type PreparedScenarioGraph,
  type ScenarioGraph,
} from '~/modules/scenarios/engine'
import { registryFingerprint, registryGraph } from '~/modules/scenarios/scenario-result.server'
import type { ListPage, ReasonStep } from '~/modules/scenarios/scenario-view'
import { namesOf } from '~/modules/scenarios/scenario-view.server'
import { eventEnded } from './event-access.server'
import {
  interpretProjection,
  nextToFail,
  planProjection,
  projectionChain,
  type EventProjection,
  type ProjectedService,
  type ProjectionReport,
  windowCourse,
} from './event-projection'
import type {
  ProjectionOutcome,
  ProjectionReportView,
  ProjectionSummaryData,
  ProjectionView,
} from './event-projection-view'

export const PROJECTION_PER_PAGE = 50
/** "Now" is taken to these minutes, so that views within them share one computation. */
const NOW_STEP_MS = 5 * 60_000

type ProjectedEvent = Pick<
  EventRecord,
  'id' | 'startedAt' | 'endedAt' | 'lostResources' | 'area' | 'version' | 'updatedAt'
>

/** The newest status report of each service in the event: its state. */
export async function newestReports(db: Executor, eventId: string): Promise<ProjectionReport[]> {
  return db
    .selectDistinctOn([eventStatusReports.serviceId], {
      id: eventStatusReports.id,
      serviceId: eventStatusReports.serviceId,
      status: eventStatusReports.status,
      backupHoursLeft: eventStatusReports.backupHoursLeft,
      expectedRestorationAt: eventStatusReports.expectedRestorationAt,
      reportedAt: eventStatusReports.reportedAt,
    })
    .from(eventStatusReports)
    .where(eq(eventStatusReports.eventId, eventId))
    .orderBy(eventStatusReports.serviceId, desc(eventStatusReports.reportedAt), desc(eventStatusReports.id))
}

/** Lets other requests in between the synchronous steps (each is a few hundred ms at most at county scale). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

// The registry's graph prepared once per load, and without the reported
// services' own dependencies per set of them: a new report from a service
// that had reported before keeps the set, so an update skips even that. A
// few sets are kept per graph, for a few events going on at once.
const PREPARED_PER_GRAPH = 3
const preparedGraphs = new WeakMap<
  ScenarioGraph,
  { registry: PreparedScenarioGraph; detached: Map<string, PreparedScenarioGraph> }
>()

async function preparedFor(graph: ScenarioGraph, detached: ReadonlySet<string>): Promise<PreparedScenarioGraph> {
  let kept = preparedGraphs.get(graph)
  if (!kept) {
    preparedGraphs.set(graph, (kept = { registry: prepareScenarioGraph(graph), detached: new Map() }))
    await breathe()
  }
  const key = [...detached].sort().join(',')
  let prepared = kept.detached.get(key)
  if (prepared) kept.detached.delete(key)
  else prepared = withoutDependenciesOf(kept.registry, detached)
  kept.detached.set(key, prepared)
  while (kept.detached.size > PREPARED_PER_GRAPH) kept.detached.delete(kept.detached.keys().next().value!)
  return prepared
}

export interface ComputedProjection {
  projection: EventProjection
  /** The projection's "now". */
  computedFor: Date
}

/**
 * The last few projections, by registry state, event, newest report and
 * "now" (to five minutes). A new report, a change of the event or of the
 * registry is a new key: a kept projection is never older than what it rests
 * on. Entries are promises: the page and the overview share one run.
 */
const CACHE_SIZE = 4
const cache = new Map<string, Promise<ComputedProjection>>()

export async function computeEventProjection(
  db: Executor,
  event: ProjectedEvent,
  now = new Date(),
): Promise<ComputedProjection> {
  const [fingerprint, reports] = await Promise.all([registryFingerprint(db), newestReports(db, event.id)])
  let newest: ProjectionReport | undefined
  for (const report of reports) if (!newest || report.reportedAt > newest.reportedAt) newest = report
  // A report stamped after the rounded "now" moves it forward: the projection never predates what it rests on.
  const computedFor = new Date(
    Math.max(Math.floor(now.getTime() / NOW_STEP_MS) * NOW_STEP_MS, newest?.reportedAt.getTime() ?? 0),
  )
  const key = [
    fingerprint,
    event.id,
    event.version,
    event.updatedAt.getTime(),
    reports.length,
    newest ? `${newest.id}@${newest.reportedAt.getTime()}` : '',
    computedFor.getTime(),
  ].join('#')
  const cached = cache.get(key)
  if (cached) {
    cache.delete(key)
    cache.set(key, cached)
    return cached
  }
  const computing = (async (): Promise<ComputedProjection> => {
    const graph = await registryGraph(db, fingerprint)
    const plan = planProjection(event, reports, computedFor)
    await breathe()
    const prepared = await preparedFor(graph, plan.detached)
    await breathe()
    const result = runPreparedScenario(prepared, plan.scenario)
    await breathe()
    return { projection: interpretProjection(plan, prepared, result), computedFor }
  })()
  cache.set(key, computing)
  computing.catch(() => cache.delete(key))
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return computing
}

function reportView(report: ProjectionReport): ProjectionReportView {
  return {
    status: report.status,
    reportedAt: report.reportedAt.toISOString(),
    backupHoursLeft: report.backupHoursLeft,
    expectedRestorationAt: report.expectedRestorationAt?.toISOString() ?? null,
  }
}

/** The services with their names and chains of reasons, in one query for all their names. */
async function outcomesOf(
  db: Executor,
  projection: EventProjection,
  services: ProjectedService[],
): Promise<ProjectionOutcome[]> {
  const chains = services.map((service) => projectionChain(projection, service))
  const ids = new Set(services.map((service) => service.id))
  for (const chain of chains) {
    ids.add(chain.rootServiceId)
    for (const reason of chain.reasons) if (reason.kind === 'service') ids.add(reason.serviceId)
  }
  const names =
    ids.size > 0 ? await namesOf(db, [...ids]) : new Map<string, { name: string; organisationName: string }>()
  const nameOf = (id: string) => names.get(id) ?? { name: '?', organisationName: '' }
  return services.map((service, index) => {
    const chain = chains[index]!
    const reasons = chain.reasons.map((reason): ReasonStep => {
      if (reason.kind !== 'service') return reason
      const supplier = nameOf(reason.serviceId)
      return { ...reason, serviceName: supplier.name, organisationName: supplier.organisationName }
    })
    return {
      id: service.id,
      ...nameOf(service.id),
      report: service.report ? reportView(service.report) : null,
      stateNow: service.stateNow,
      timeline: windowCourse(projection.plan, service.course),
      failsIn: service.failsIn,
      wake: service.wake,
      reasons,
      rootReport: chain.rootReport
        ? { ...reportView(chain.rootReport), serviceName: nameOf(chain.rootServiceId).name }
        : null,
    }
  })
}

/** The projection page: totals over the window and one page of the list. */
export async function projectionView(
  db: Executor,
  event: ProjectedEvent,
  page: number,
  now = new Date(),
): Promise<ProjectionView> {
  const { projection, computedFor } = await computeEventProjection(db, event, now)
  const list = projection.services
  const pages = Math.max(1, Math.ceil(list.length / PROJECTION_PER_PAGE))
  const current = Math.min(Math.max(1, page), pages)
  const outcomes: ListPage<ProjectionOutcome> = {
    items: await outcomesOf(
      db,
      projection,
      list.slice((current - 1) * PROJECTION_PER_PAGE, current * PROJECTION_PER_PAGE),
    ),
    page: current,
    pages,
    count: list.length,
  }
  return {
    origin: projection.plan.origin.toISOString(),
    computedFor: computedFor.toISOString(),
    windowHours: projection.windowHours,
    serviceCount: projection.serviceCount,
    reportCount: projection.plan.reports.size,
    outcomes,
    totals: projection.totals,
  }
}

/** What the overview's "Härnäst" shows: the five soonest failures ahead. An ended event has none. */
export async function projectionSummary(
  db: Executor,
  event: ProjectedEvent,
  now = new Date(),
): Promise<ProjectionSummaryData> {
  if (eventEnded(event, now)) return { eventId: event.id, ended: true, computedFor: null, next: [] }
  const { projection, computedFor } = await computeEventProjection(db, event, now)
  return {
    eventId: event.id,
    ended: false,
    computedFor: computedFor.toISOString(),
    next: await outcomesOf(db, projection, nextToFail(projection, 5)),
  }
}
