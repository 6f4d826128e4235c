import { eq, inArray } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { criticalServices } from '~/db/schema/registry'
import { toEngineScenario, type ScenarioDefinition } from './definition'
import { reasonChain, runScenario, type ScenarioGraph } from './engine'
import { loadScenarioGraph } from './graph.server'
import type { FailureView, ReasonStep, ScenarioView, ServiceOutcome } from './scenario-view'

/** Names of services and organisations by id, read in pieces so that a long list stays one query per piece. */
async function namesOf(db: Executor, serviceIds: string[]) {
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

/**
 * Runs a saved scenario on the registry as it is now and shapes the result
 * for the pages: every affected service with its names, positions, timeline
 * and the chain of reasons for its first failure, worst first.
 */
export async function computeScenarioView(
  db: Executor,
  definition: ScenarioDefinition,
  graph?: ScenarioGraph,
): Promise<ScenarioView> {
  const loaded = graph ?? (await loadScenarioGraph(db))
  const result = runScenario({ ...loaded, scenario: toEngineScenario(definition) })
  const serviceById = new Map(loaded.services.map((service) => [service.id, service]))
  const siteById = new Map(loaded.sites.map((site) => [site.id, site]))
  const names = await namesOf(
    db,
    result.affected.map((service) => service.id),
  )
  const nameOf = (id: string) => names.get(id) ?? { name: '?', organisationName: '' }

  const outcomes: ServiceOutcome[] = result.affected.map((affected) => {
    const service = serviceById.get(affected.id)!
    const reasons: ReasonStep[] = affected.failures.length
      ? reasonChain(result, affected.id).map((reason): ReasonStep => {
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
      positions: service.siteIds.flatMap((siteId) => {
        const site = siteById.get(siteId)
        return site && site.lat !== null && site.lng !== null ? [[site.lat, site.lng] as [number, number]] : []
      }),
    }
  })
  // Worst first: those that stop, earliest first; then the rest by name.
  outcomes.sort(
    (a, b) =>
      (a.firstFailedAt ?? Infinity) - (b.firstFailedAt ?? Infinity) ||
      a.name.localeCompare(b.name, 'sv') ||
      a.id.localeCompare(b.id),
  )
  return {
    horizonHours: result.horizonHours,
    serviceCount: result.serviceCount,
    failures: await describeFailures(db, definition),
    outcomes,
    totals: {
      failed: result.totals.failed,
      backup: result.totals.backup,
      degraded: result.totals.degraded,
      recovered: result.totals.recovered,
      peopleServedFailed: result.totals.peopleServedFailed,
    },
  }
}
