import type { Executor } from '~/db/client.server'
import type { Site } from '~/db/schema/registry'
import { wgs84ToSweref, type SwerefPoint } from './coordinates'
import { listDependencies, listDependents, type DependencyView, type DependentView } from './dependencies.server'
import { listServices, type ServiceWithSites } from './services.server'
import { listSites } from './sites.server'

export type ServiceOverview = ServiceWithSites & {
  sites: { id: string; name: string }[]
  dependencies: DependencyView[]
  /** Other organisations' services that depend on this one. */
  dependents: DependentView[]
}

export interface OrganisationRegistry {
  /** With the position also in SWEREF 99 TM, the grid rescue services and maps in Sweden use. */
  sites: (Site & { sweref: SwerefPoint | null })[]
  services: ServiceOverview[]
}

/** What the organisation page shows of the registry: its sites, its services, what they depend on and who depends on them. */
export async function getOrganisationRegistry(db: Executor, organisationId: string): Promise<OrganisationRegistry> {
  const [siteRows, services] = await Promise.all([listSites(db, organisationId), listServices(db, organisationId)])
  const serviceIds = services.map((service) => service.id)
  const [dependencyRows, dependentRows] = await Promise.all([
    listDependencies(db, serviceIds),
    listDependents(db, serviceIds),
  ])
  const siteNames = new Map(siteRows.map((site) => [site.id, site.name]))
  return {
    sites: siteRows.map((site) => ({
      ...site,
      sweref: site.lat !== null && site.lng !== null ? wgs84ToSweref({ lat: site.lat, lng: site.lng }) : null,
    })),
    services: services.map((service) => ({
      ...service,
      sites: service.siteIds.map((id) => ({ id, name: siteNames.get(id) ?? '' })),
      dependencies: dependencyRows.filter((row) => row.serviceId === service.id),
      dependents: dependentRows.filter((row) => row.onServiceId === service.id),
    })),
  }
}
