import type { Executor } from '~/db/client.server'
import type { Site } from '~/db/schema/registry'
import { assertPermission, requirePermission } from '~/modules/auth/guards.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { notFound, requireFound } from '~/modules/http/responses'
import { getOrganisation } from '~/modules/organisations/organisations.server'
import { getDependency, type OwnedDependency } from './dependencies.server'
import { getService, type ServiceWithSites } from './services.server'
import { getSite } from './sites.server'

// Who may change a registry record is decided by the organisation stored on
// the record, never by the URL. A record that belongs to another organisation
// than the URL names is not found there (404), whoever asks.

/** The organisation of the URL, which the user may edit; for the "new …" pages. */
export async function requireEditableOrganisation(request: Request, db: Executor, organisationId: string) {
  const user = await requirePermission(request, 'organisation.update', { organisationId })
  const organisation = requireFound(await getOrganisation(db, organisationId))
  return { user, organisation }
}

export async function requireEditableSite(
  db: Executor,
  user: SessionUser,
  organisationId: string,
  siteId: string,
): Promise<Site> {
  const site = await getSite(db, siteId)
  if (!site || site.organisationId !== organisationId) throw notFound()
  assertPermission(user, 'organisation.update', { organisationId: site.organisationId })
  return site
}

export async function requireEditableService(
  db: Executor,
  user: SessionUser,
  organisationId: string,
  serviceId: string,
): Promise<ServiceWithSites> {
  const service = await getService(db, serviceId)
  if (!service || service.organisationId !== organisationId) throw notFound()
  assertPermission(user, 'organisation.update', { organisationId: service.organisationId })
  return service
}

/** A dependency of the given service; its organisation is its service's. */
export async function requireEditableDependency(
  db: Executor,
  user: SessionUser,
  serviceId: string,
  dependencyId: string,
): Promise<OwnedDependency> {
  const dependency = await getDependency(db, dependencyId)
  if (!dependency || dependency.serviceId !== serviceId) throw notFound()
  assertPermission(user, 'organisation.update', { organisationId: dependency.organisationId })
  return dependency
}
