import { z } from 'zod'
import type { Resource, Sector } from '~/db/enums'
import { backupWeakness, effectiveBackup, type BackupSource, type WeakBackupKind } from '~/modules/registry/backup'
import type { ScenarioGraph } from '~/modules/scenarios/engine'
import { siteBackupPower, targetOf, type Listing } from './weak-points'

// The dependency graph page's data, shared by the server (which builds it)
// and the browser (which draws the graph).

/** Above this many nodes the graph is not drawn: a layout of thousands is unreadable and slow; the table has it all. */
export const GRAPH_NODE_LIMIT = 500
export const TABLE_PAGE_SIZE = 100
/** Organisations named with a hub; the rest are counted. */
export const HUB_ORGANISATIONS_SHOWN = 8

export const graphScopes = ['area', 'network', 'organisation'] as const
export type GraphScopeKind = (typeof graphScopes)[number]

/**
 * The page's search parameters. A GET form sends all three (the radio button
 * chooses); a link may send only ?organisation= or ?network=. What does not
 * parse is left out, as with any filter.
 */
export const GraphSearchSchema = z.object({
  scope: z.enum(graphScopes).optional().catch(undefined),
  organisation: z.string().optional().catch(undefined),
  network: z.string().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})

export type GraphQuery = { kind: 'area' } | { kind: 'organisation' | 'network'; id: string }

export function parseGraphSearch(searchParams: URLSearchParams): { query: GraphQuery; page: number } {
  const entries = [...searchParams.entries()].filter(([, value]) => value !== '')
  const search = GraphSearchSchema.parse(Object.fromEntries(entries))
  const kind = search.scope ?? (search.organisation ? 'organisation' : search.network ? 'network' : 'area')
  const query: GraphQuery =
    kind === 'area' ? { kind } : { kind, id: (kind === 'organisation' ? search.organisation : search.network) ?? '' }
  return { query, page: search.page ?? 1 }
}

export interface NamedRef {
  id: string
  name: string
}

export type GraphScopeView =
  | { kind: 'area' }
  | { kind: 'organisation'; organisation: NamedRef }
  | { kind: 'network'; network: NamedRef; members: number }

export type TargetView =
  { kind: 'resource'; resource: Resource } | { kind: 'service'; service: NamedRef; organisation: NamedRef }

export interface HubView {
  target: TargetView
  direct: number
  transitive: number
  /** Organisations whose services depend on it directly, most dependents first, up to HUB_ORGANISATIONS_SHOWN. */
  dependents: NamedRef[]
  moreDependents: number
}

export interface WeakBackupView {
  service: NamedRef
  organisation: NamedRef
  target: TargetView
  copesHours: number
  backupHours: number
  backupSource: BackupSource
  acceptableOutageHours: number
  kind: WeakBackupKind
}

export interface ChainView {
  steps: { service: NamedRef; organisation: NamedRef }[]
  organisations: NamedRef[]
  crossings: number
  continues: boolean
}

export interface GraphNode {
  id: string
  kind: 'service' | 'resource'
  /** The service's name; for a resource its code (the browser says it in words). */
  label: string
  resource?: Resource
  sector?: Sector
  organisation?: string
  /** A service of an organisation outside the chosen scope, shown because a service in it depends on it. */
  outside?: boolean
}

export interface GraphEdge {
  id: string
  source: string
  target: string
  copesHours: number
  backupHours: number
  weak: WeakBackupKind | null
}

export type GraphDrawing = { drawn: true; nodes: GraphNode[]; edges: GraphEdge[] } | { drawn: false; nodeCount: number }

export interface DependencyRow {
  id: string
  service: NamedRef
  organisation: NamedRef
  sector: Sector
  acceptableOutageHours: number
  target: TargetView
  copesHours: number
  backupDescription: string
  backupHours: number
  backupSource: BackupSource
  weak: WeakBackupKind | null
}

export interface GraphSummary {
  services: number
  /** Services of the organisations in scope; the rest are their suppliers from outside it. */
  servicesInScope: number
  organisations: number
  dependencies: number
  onResources: number
  onServices: number
}

export interface DependencyGraphView {
  scope: GraphScopeView
  summary: GraphSummary
  hubs: Listing<HubView>
  backups: Listing<WeakBackupView>
  chains: Listing<ChainView>
  graph: GraphDrawing
  table: { total: number; page: number; pageSize: number; rows: DependencyRow[] }
}

export function resourceNodeId(resource: Resource): string {
  return `resource:${resource}`
}

/** How many nodes the drawing would have: every service and every resource something depends on. */
export function nodeCount(graph: Pick<ScenarioGraph, 'services' | 'dependencies'>): number {
  const used = new Set<Resource>()
  for (const dependency of graph.dependencies) if (dependency.resource !== null) used.add(dependency.resource)
  return graph.services.length + used.size
}

/**
 * Nodes and edges for the drawing: a node per service and per resource used,
 * an edge from each service to what it depends on, carrying the hours and
 * whether the backup is a weak point (by the same rule as the list).
 */
export function graphElements(
  graph: ScenarioGraph,
  serviceNames: ReadonlyMap<string, string>,
  organisationNames: ReadonlyMap<string, string>,
  inScope: (organisationId: string) => boolean,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const services = new Map(graph.services.map((service) => [service.id, service]))
  const power = siteBackupPower(graph)
  const nodes: GraphNode[] = graph.services.map((service) => ({
    id: service.id,
    kind: 'service',
    label: serviceNames.get(service.id) ?? '?',
    sector: service.sector,
    organisation: organisationNames.get(service.organisationId) ?? '',
    outside: !inScope(service.organisationId),
  }))
  const resourcesUsed = new Set<Resource>()
  const edges: GraphEdge[] = []
  graph.dependencies.forEach((dependency, index) => {
    const service = services.get(dependency.serviceId)
    const target = targetOf(dependency, services)
    if (!service || !target) return
    if (target.kind === 'resource') resourcesUsed.add(target.resource)
    const backup = effectiveBackup(dependency, power.get(service.id))
    edges.push({
      id: `d${index}`,
      source: service.id,
      target: target.kind === 'resource' ? resourceNodeId(target.resource) : target.serviceId,
      copesHours: dependency.copesHours,
      backupHours: backup.hours,
      weak: backupWeakness(backup, service.acceptableOutageHours),
    })
  })
  for (const resource of resourcesUsed) {
    nodes.push({ id: resourceNodeId(resource), kind: 'resource', label: resource, resource })
  }
  return { nodes, edges }
}
