import { asc, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { criticalServices, dependencies, networkMembers, networks } from '~/db/schema/registry'
import { requireFound, requireUuid } from '~/modules/http/responses'
import type { ScenarioGraph } from '~/modules/scenarios/engine'
import { loadScenarioGraph } from '~/modules/scenarios/graph.server'
import {
  GRAPH_NODE_LIMIT,
  graphElements,
  HUB_ORGANISATIONS_SHOWN,
  nodeCount,
  type DependencyGraphView,
  type DependencyRow,
  type GraphQuery,
  type GraphScopeView,
  type NamedRef,
  type TargetView,
} from './graph-view'
import { backupWeakness, effectiveBackup } from '~/modules/registry/backup'
import { findWeakPoints, siteBackupPower, type DependencyTarget, type WeakPoints } from './weak-points'

/** A scope with what the loader needs: the organisations whose services it starts from (null: all). */
export interface GraphScope {
  view: GraphScopeView
  organisationIds: string[] | null
}

/** The scope the page asks for; an unknown or malformed organisation or network is a 404. */
export async function resolveGraphScope(db: Executor, query: GraphQuery): Promise<GraphScope> {
  if (query.kind === 'area') return { view: { kind: 'area' }, organisationIds: null }
  const id = requireUuid(query.id)
  if (query.kind === 'organisation') {
    const [organisation] = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, id))
    const found = requireFound(organisation)
    return { view: { kind: 'organisation', organisation: found }, organisationIds: [found.id] }
  }
  const [network] = await db.select({ id: networks.id, name: networks.name }).from(networks).where(eq(networks.id, id))
  const found = requireFound(network)
  const members = await db
    .select({ id: networkMembers.organisationId })
    .from(networkMembers)
    .where(eq(networkMembers.networkId, id))
  return {
    view: { kind: 'network', network: found, members: members.length },
    organisationIds: members.map((member) => member.id),
  }
}

/** What the scope form offers in a list: every network, by name. Organisations are searched for in the picker. */
export async function listScopeChoices(db: Executor): Promise<{ networks: NamedRef[] }> {
  const networkRows = await db
    .select({ id: networks.id, name: networks.name })
    .from(networks)
    .orderBy(asc(networks.name))
  return { networks: networkRows }
}

/** Names by id, read in pieces so that a long list stays a few queries. */
async function namesOf(
  db: Executor,
  table: typeof criticalServices | typeof organisations,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const list = [...new Set(ids)]
  const names = new Map<string, string>()
  for (let start = 0; start < list.length; start += 5000) {
    const rows = await db
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(inArray(table.id, list.slice(start, start + 5000)))
    for (const row of rows) names.set(row.id, row.name)
  }
  return names
}

/** Which dependencies the table lists: those of the services in the graph (all of them for the whole area). */
function tableFilter(graph: ScenarioGraph, scope: GraphScope) {
  if (scope.organisationIds === null) return undefined
  // One array parameter, however many services: a list of parameters has a limit of 65,535.
  return sql`${dependencies.serviceId} = any(${`{${graph.services.map((service) => service.id).join(',')}}`}::uuid[])`
}

async function tablePage(
  db: Executor,
  graph: ScenarioGraph,
  scope: GraphScope,
  page: number,
  pageSize: number,
): Promise<DependencyRow[]> {
  if (graph.services.length === 0) return []
  const supplier = alias(criticalServices, 'supplier')
  const supplierOrganisation = alias(organisations, 'supplier_organisation')
  const rows = await db
    .select({
      id: dependencies.id,
      serviceId: criticalServices.id,
      serviceName: criticalServices.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
      sector: criticalServices.sector,
      acceptableOutageHours: criticalServices.acceptableOutageHours,
      resource: dependencies.resource,
      supplierId: supplier.id,
      supplierName: supplier.name,
      supplierOrganisationId: supplierOrganisation.id,
      supplierOrganisationName: supplierOrganisation.name,
      copesHours: dependencies.copesHours,
      backupDescription: dependencies.backupDescription,
      backupHours: dependencies.backupHours,
    })
    .from(dependencies)
    .innerJoin(criticalServices, eq(criticalServices.id, dependencies.serviceId))
    .innerJoin(organisations, eq(organisations.id, criticalServices.organisationId))
    .leftJoin(supplier, eq(supplier.id, dependencies.dependsOnServiceId))
    .leftJoin(supplierOrganisation, eq(supplierOrganisation.id, supplier.organisationId))
    .where(tableFilter(graph, scope))
    .orderBy(
      asc(organisations.name),
      asc(criticalServices.name),
      asc(criticalServices.id),
      asc(dependencies.resource),
      asc(supplier.name),
      asc(dependencies.id),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  const power = siteBackupPower(graph)
  return rows.map((row) => {
    const backup = effectiveBackup(row, power.get(row.serviceId))
    const target: TargetView =
      row.resource !== null || row.supplierId === null
        ? { kind: 'resource', resource: row.resource ?? 'other' }
        : {
            kind: 'service',
            service: { id: row.supplierId, name: row.supplierName ?? '' },
            organisation: { id: row.supplierOrganisationId ?? '', name: row.supplierOrganisationName ?? '' },
          }
    return {
      id: row.id,
      service: { id: row.serviceId, name: row.serviceName },
      organisation: { id: row.organisationId, name: row.organisationName },
      sector: row.sector,
      acceptableOutageHours: row.acceptableOutageHours,
      target,
      copesHours: row.copesHours,
      backupDescription: row.backupDescription,
      backupHours: backup.hours,
      backupSource: backup.source,
      weak: backupWeakness(backup, row.acceptableOutageHours),
    }
  })
}

/** Every service and organisation the lists and the drawing name. */
function namedIds(weak: WeakPoints, graph: ScenarioGraph, drawn: boolean) {
  const services = new Set<string>()
  const organisationIds = new Set<string>()
  const target = (item: DependencyTarget) => {
    if (item.kind === 'service') services.add(item.serviceId)
  }
  for (const hub of weak.hubs.items) {
    target(hub.target)
    if (hub.organisationId) organisationIds.add(hub.organisationId)
    for (const id of hub.dependentOrganisationIds.slice(0, HUB_ORGANISATIONS_SHOWN)) organisationIds.add(id)
  }
  for (const backup of weak.backups.items) {
    services.add(backup.serviceId)
    target(backup.target)
    organisationIds.add(backup.organisationId)
    if (backup.supplierOrganisationId) organisationIds.add(backup.supplierOrganisationId)
  }
  for (const chain of weak.chains.items) {
    for (const id of chain.serviceIds) services.add(id)
    for (const id of chain.organisationIds) organisationIds.add(id)
  }
  if (drawn) {
    for (const service of graph.services) {
      services.add(service.id)
      organisationIds.add(service.organisationId)
    }
  }
  return { services, organisationIds }
}

/**
 * The dependency graph of a scope for the page: what it holds, its weak
 * points, the drawing (up to GRAPH_NODE_LIMIT nodes) and one page of the
 * table. The graph is the scenario engine's: the services of the scope's
 * organisations and every service upstream of them, with all their
 * dependencies; names are read only for what is shown.
 */
export async function loadDependencyGraphView(
  db: Executor,
  scope: GraphScope,
  paging: { page: number; pageSize: number },
): Promise<DependencyGraphView> {
  const graph = await loadScenarioGraph(
    db,
    scope.organisationIds === null ? undefined : { organisationIds: scope.organisationIds },
  )
  const weak = findWeakPoints(graph)
  const inScopeSet = scope.organisationIds === null ? null : new Set(scope.organisationIds)
  const inScope = (organisationId: string) => inScopeSet === null || inScopeSet.has(organisationId)
  const nodes = nodeCount(graph)
  const drawn = nodes <= GRAPH_NODE_LIMIT
  const pages = Math.max(1, Math.ceil(graph.dependencies.length / paging.pageSize))
  const page = Math.min(paging.page, pages)

  const ids = namedIds(weak, graph, drawn)
  const [serviceNames, organisationNames, rows] = await Promise.all([
    namesOf(db, criticalServices, ids.services),
    namesOf(db, organisations, ids.organisationIds),
    tablePage(db, graph, scope, page, paging.pageSize),
  ])
  const serviceById = new Map(graph.services.map((service) => [service.id, service]))
  const organisation = (id: string): NamedRef => ({ id, name: organisationNames.get(id) ?? '' })
  const service = (id: string): NamedRef => ({ id, name: serviceNames.get(id) ?? '' })
  const targetView = (target: DependencyTarget): TargetView =>
    target.kind === 'resource'
      ? { kind: 'resource', resource: target.resource }
      : {
          kind: 'service',
          service: service(target.serviceId),
          organisation: organisation(serviceById.get(target.serviceId)!.organisationId),
        }

  let onResources = 0
  for (const dependency of graph.dependencies) if (dependency.resource !== null) onResources++
  return {
    scope: scope.view,
    summary: {
      services: graph.services.length,
      servicesInScope: graph.services.filter((item) => inScope(item.organisationId)).length,
      organisations: new Set(graph.services.map((item) => item.organisationId)).size,
      dependencies: graph.dependencies.length,
      onResources,
      onServices: graph.dependencies.length - onResources,
    },
    hubs: {
      total: weak.hubs.total,
      items: weak.hubs.items.map((hub) => ({
        target: targetView(hub.target),
        direct: hub.direct,
        transitive: hub.transitive,
        dependents: hub.dependentOrganisationIds.slice(0, HUB_ORGANISATIONS_SHOWN).map(organisation),
        moreDependents: Math.max(0, hub.dependentOrganisationIds.length - HUB_ORGANISATIONS_SHOWN),
      })),
    },
    backups: {
      total: weak.backups.total,
      items: weak.backups.items.map((backup) => ({
        service: service(backup.serviceId),
        organisation: organisation(backup.organisationId),
        target: targetView(backup.target),
        copesHours: backup.copesHours,
        backupHours: backup.backup.hours,
        backupSource: backup.backup.source,
        acceptableOutageHours: backup.acceptableOutageHours,
        kind: backup.kind,
      })),
    },
    chains: {
      total: weak.chains.total,
      items: weak.chains.items.map((chain) => ({
        steps: chain.serviceIds.map((id) => ({
          service: service(id),
          organisation: organisation(serviceById.get(id)!.organisationId),
        })),
        organisations: chain.organisationIds.map(organisation),
        crossings: chain.crossings,
        continues: chain.continues,
      })),
    },
    graph: drawn
      ? { drawn: true, ...graphElements(graph, serviceNames, organisationNames, inScope) }
      : { drawn: false, nodeCount: nodes },
    table: { total: graph.dependencies.length, page, pageSize: paging.pageSize, rows },
  }
}
