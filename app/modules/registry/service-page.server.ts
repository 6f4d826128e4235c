import type { Executor } from '~/db/client.server'
import { getOrganisation } from '~/modules/organisations/organisations.server'
import { listDependableServices, listDependencies, listDependents, type OwnedDependency } from './dependencies.server'
import { dependencyFormValues, serviceFormValues } from './form-values'
import type { ServiceWithSites } from './services.server'
import { listSites } from './sites.server'

/** Everything the page that edits a service and manages its dependencies shows. */
export async function getServicePage(
  db: Executor,
  input: { service: ServiceWithSites; editing: OwnedDependency | null; query: string },
) {
  const { service, editing, query } = input
  const [organisation, sites, dependencies, dependents, dependable] = await Promise.all([
    getOrganisation(db, service.organisationId),
    listSites(db, service.organisationId),
    listDependencies(db, [service.id]),
    listDependents(db, [service.id]),
    listDependableServices(db, {
      excludeOrganisationId: service.organisationId,
      query,
      include: editing?.dependsOnServiceId ? [editing.dependsOnServiceId] : [],
    }),
  ])
  return {
    organisation: { id: service.organisationId, name: organisation?.name ?? '' },
    service: {
      id: service.id,
      name: service.name,
      version: service.version,
      acceptableOutageHours: service.acceptableOutageHours,
      values: serviceFormValues(service),
      siteIds: service.siteIds,
    },
    sites: sites.map(({ id, name }) => ({ id, name })),
    dependencies,
    dependents,
    dependable,
    editing: editing ? { id: editing.id, version: editing.version, values: dependencyFormValues(editing) } : null,
    query,
  }
}
