import { eq, inArray } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { criticalServices } from '~/db/schema/registry'
import type { Sector } from '~/db/enums'
import type { ScenarioDefinition } from './definition'
import { reasonChain, type AffectedService } from './engine'
import type { ComputedScenario } from './scenario-result.server'
import {
  serviceStateOrder,
  type ExceededItem,
  type FailureView,
  type ListPage,
  type ReasonStep,
  type ScenarioDots,
  type ScenarioTotals,
  type ScenarioView,
  type ServiceOutcome,
} from './scenario-view'

export const OUTCOMES_PER_PAGE = 50
export const EXCEEDED_PER_PAGE = 50

/** Names of services and organisations by id, read in pieces so that a long list stays one query per piece. */
export async function namesOf(db: Executor, serviceIds: string[]) {
  const names = new Map<string, { name: string; organisationName: string }>()
  for (let start = 0; start < serviceIds.length; start += 5000) {
    const rows = await db
      .select({ id: criticalServices.id, name: criticalServices.name, organisationName: organisations.name })
      .from(criticalServices)
      .innerJoin(organisations, eq(organisations.id, criticalServices.organisationId))
      .where(inArray(criticalServices.id, serviceIds.slice(start, start + 5000)))
    for (const row of rows) names.set(row.id, { name: row.name, organisationName: row.organisationName })
  }
  return names
}

async function describeFailures(db: Executor, definition: ScenarioDefinition): Promise<FailureView[]> {
  const organisationIds = definition.failures.flatMap((failure) =>
    failure.scope.kind === 'organisations' ? failure.scope.organisationIds : [],
  )
  const serviceIds = definition.failures.flatMap((failure) =>
    'serviceId' in failure.target ? [failure.target.serviceId] : [],
  )
  const organisationNames = new Map(
    organisationIds.length
      ? (
          await db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(inArray(organisations.id, organisationIds))
        ).map((row) => [row.id, row.name])
      : [],
  )
  const serviceNames = serviceIds.length ? await namesOf(db, serviceIds) : new Map()
  return definition.failures.map((failure) => ({
    target:
      'resource' in failure.target
        ? { kind: 'resource', resource: failure.target.resource }
        : {
            kind: 'service',
            name: serviceNames.get(failure.target.serviceId)?.name ?? '?',
            organisationName: serviceNames.get(failure.target.serviceId)?.organisationName ?? '',
          },
    scope:
      failure.scope.kind === 'organisations'
        ? { kind: 'organisations', names: failure.scope.organisationIds.map((id) => organisationNames.get(id) ?? '?') }
        : failure.scope.kind === 'sites'
          ? { kind: 'sites', count: failure.scope.siteIds.length }
          : failure.scope.kind === 'area'
            ? { kind: 'area', count: failure.scope.ring.length }
            : { kind: 'everywhere' },
    startHour: failure.startHour,
    durationHours: failure.durationHours,
  }))
}

type Names = Map<string, { name: string; organisationName: string }>

/** A computed scenario with its names and its two orders, worked out once per result. */
interface Ordered {
  names: Names
  /** Affected services, those that stop first at the top, then by name. */
  worstFirst: AffectedService[]
  /** Those whose acceptable outage time is passed, in the order it happens. */
  exceeded: AffectedService[]
}

const ordered = new WeakMap<ComputedScenario, Promise<Ordered>>()

function orderedOf(db: Executor, computed: ComputedScenario): Promise<Ordered> {
  let entry = ordered.get(computed)
  if (!entry) {
    entry = (async () => {
      const affected = computed.result.affected
      const names = await namesOf(
        db,
        affected.map((service) => service.id),
      )
      const collator = new Intl.Collator('sv')
      const nameOf = (service: AffectedService) => names.get(service.id)?.name ?? ''
      const byName = (a: AffectedService, b: AffectedService) =>
        collator.compare(nameOf(a), nameOf(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
      const worstFirst = [...affected].sort(
        (a, b) => (a.firstFailedAt ?? Infinity) - (b.firstFailedAt ?? Infinity) || byName(a, b),
      )
      const exceeded = affected
        .filter((service) => service.outageExceededAt !== null)
        .sort((a, b) => a.outageExceededAt! - b.outageExceededAt! || byName(a, b))
      return { names, worstFirst, exceeded }
    })()
    ordered.set(computed, entry)
    entry.catch(() => ordered.delete(computed))
  }
  return entry
}

function pageOf<T, U>(list: readonly T[], page: number, perPage: number, shape: (item: T) => U): ListPage<U> {
  const pages = Math.max(1, Math.ceil(list.length / perPage))
  const current = Math.min(Math.max(1, page), pages)
  return {
    items: list.slice((current - 1) * perPage, current * perPage).map(shape),
    page: current,
    pages,
    count: list.length,
  }
}

function outcomeOf(computed: ComputedScenario, names: Names, affected: AffectedService): ServiceOutcome {
  const service = computed.graph.services[computed.serviceIndex.get(affected.id)!]!
  const nameOf = (id: string) => names.get(id) ?? { name: '?', organisationName: '' }
  const reasons: ReasonStep[] = affected.failures.length
    ? reasonChain(computed.result, affected.id).map((reason): ReasonStep => {
        if (reason.kind === 'service') {
          const supplier = nameOf(reason.serviceId)
          return { ...reason, serviceName: supplier.name, organisationName: supplier.organisationName }
        }
        return reason
      })
    : []
  return {
    id: affected.id,
    ...nameOf(affected.id),
    organisationId: service.organisationId,
    sector: service.sector,
    styrelClass: service.styrelClass,
    peopleServed: service.peopleServed,
    acceptableOutageHours: service.acceptableOutageHours,
    timeline: affected.timeline.map((segment) => [segment.from, segment.to, segment.state]),
    firstFailedAt: affected.firstFailedAt,
    outageExceededAt: affected.outageExceededAt,
    reasons,
  }
}

/** Only the series where something happens: a chart or table of zeros says nothing. */
function nonZero<K extends string>(series: Record<K, number[]>): Partial<Record<K, number[]>> {
  return Object.fromEntries(
    Object.entries<number[]>(series).filter(([, values]) => values.some((value) => value > 0)),
  ) as Partial<Record<K, number[]>>
}

/**
 * A computed scenario shaped for the result page: the totals per hour, one
 * page of the affected services (with names, course and the chain of
 * reasons) and one page of those that pass their acceptable outage time.
 */
export async function scenarioView(
  db: Executor,
  computed: ComputedScenario,
  definition: ScenarioDefinition,
  pages: { outcomes: number; exceeded: number },
): Promise<ScenarioView> {
  const { names, worstFirst, exceeded } = await orderedOf(db, computed)
  const { result } = computed
  const totals: ScenarioTotals = {
    failed: result.totals.failed,
    backup: result.totals.backup,
    degraded: result.totals.degraded,
    recovered: result.totals.recovered,
    peopleServedFailed: result.totals.peopleServedFailed,
    failedBySector: nonZero<Sector>(result.totals.failedBySector),
    failedByStyrel: nonZero(result.totals.failedByStyrel) as Record<string, number[]>,
  }
  return {
    horizonHours: result.horizonHours,
    serviceCount: result.serviceCount,
    failures: await describeFailures(db, definition),
    outcomes: pageOf(worstFirst, pages.outcomes, OUTCOMES_PER_PAGE, (affected) => outcomeOf(computed, names, affected)),
    exceeded: pageOf(exceeded, pages.exceeded, EXCEEDED_PER_PAGE, (affected): ExceededItem => {
      const service = computed.graph.services[computed.serviceIndex.get(affected.id)!]!
      return {
        id: affected.id,
        name: names.get(affected.id)?.name ?? '?',
        organisationName: names.get(affected.id)?.organisationName ?? '',
        acceptableOutageHours: service.acceptableOutageHours,
        outageExceededAt: affected.outageExceededAt!,
      }
    }),
    hasPositions: result.affected.some((affected) =>
      computed.graph.services[computed.serviceIndex.get(affected.id)!]!.siteIds.some((siteId) => {
        const site = computed.graph.sites[computed.siteIndex.get(siteId)!]
        return site !== undefined && site.lat !== null && site.lng !== null
      }),
    ),
    totals,
  }
}

/** Every affected service, worst first, at most `limit`: for the CSV file and the printout. */
export async function scenarioOutcomes(
  db: Executor,
  computed: ComputedScenario,
  limit = Infinity,
): Promise<{ outcomes: ServiceOutcome[]; count: number }> {
  const { names, worstFirst } = await orderedOf(db, computed)
  return {
    outcomes: worstFirst.slice(0, limit).map((affected) => outcomeOf(computed, names, affected)),
    count: worstFirst.length,
  }
}

const stateCode = new Map(serviceStateOrder.map((state, index) => [state, index]))

const dotsOf = new WeakMap<ComputedScenario, ScenarioDots>()

/** The map's dots: one per site with a position of every affected service, with the service's course. */
export function scenarioDots(computed: ComputedScenario): ScenarioDots {
  const cached = dotsOf.get(computed)
  if (cached) return cached
  const points: number[] = []
  const course: number[] = []
  const courses: number[][] = []
  const round = (degrees: number) => Math.round(degrees * 1e5) / 1e5
  for (const affected of computed.result.affected) {
    const service = computed.graph.services[computed.serviceIndex.get(affected.id)!]!
    let index = -1
    for (const siteId of service.siteIds) {
      const site = computed.graph.sites[computed.siteIndex.get(siteId)!]
      if (!site || site.lat === null || site.lng === null) continue
      if (index < 0) {
        index = courses.length
        courses.push(affected.timeline.flatMap((segment) => [segment.from, stateCode.get(segment.state)!]))
      }
      points.push(round(site.lat), round(site.lng))
      course.push(index)
    }
  }
  const dots = { points, course, courses }
  dotsOf.set(computed, dots)
  return dots
}
