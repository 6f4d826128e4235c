import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AuditTable } from '~/components/audit/audit-table'
import { ContactRoutesSection } from '~/components/contacts/contact-routes-section'
import { ServicesSection } from '~/components/registry/service-list'
import { SitesSection } from '~/components/registry/site-list'
import type { OrganisationPageHandle } from '~/components/organisations/organisation-header'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { listOrganisationHistory } from '~/modules/audit/audit.server'
import { presentAuditEntries } from '~/modules/audit/presentation.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { requireFound, requireUuid } from '~/modules/http/responses'
import { getOrganisation, listMembers } from '~/modules/organisations/organisations.server'
import { loadContactOverview } from '~/modules/contacts/contact-pages.server'
import { getOrganisationRegistry } from '~/modules/registry/organisation-registry.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requirePermission(request, 'network.read', { organisationId: id })
  const db = await getDb()
  const organisation = requireFound(await getOrganisation(db, id))
  const seesMembers = can(user, 'organisation.members.read', { organisationId: id })
  return {
    organisation: { id, name: organisation.name, kind: organisation.kind, description: organisation.description },
    contacts: await loadContactOverview(db, user, organisation),
    registry: await getOrganisationRegistry(db, id),
    members: seesMembers ? await listMembers(db, id) : null,
    history: await presentAuditEntries(
      db,
      user,
      await listOrganisationHistory(db, id, {
        showContactValues: can(user, 'contact.restricted.read', { organisationId: id }),
      }),
    ),
    canEdit: can(user, 'organisation.update', { organisationId: id }),
  }
}

export const handle: OrganisationPageHandle<typeof loader> = {
  heading: (_t, data) => data.organisation.name,
  home: true,
}

export default function OrganisationPage() {
  const t = useT()
  const { organisation, contacts, registry, members, history, canEdit } = useLoaderData<typeof loader>()
  return (
    <>
      <p className="tag">{t(`kind.${organisation.kind}`)}</p>
      <p>
        <a href={`/organisationer/${organisation.id}/vcard.vcf`} download>
          {t('directory.organisationVcard', { organisation: organisation.name })}
        </a>
      </p>
      <ContactRoutesSection organisationId={organisation.id} contacts={contacts} canEdit={canEdit} />
      <p className="prewrap">{organisation.description || t('organisations.noDescription')}</p>
      <SitesSection organisationId={organisation.id} sites={registry.sites} canEdit={canEdit} />
      <ServicesSection organisationId={organisation.id} services={registry.services} canEdit={canEdit} />
      <p>
        <Link to={`/beroenden?organisation=${organisation.id}`}>{t('graph.organisationLink')}</Link>
      </p>
      {members ? (
        <section aria-labelledby="members">
          <h2 id="members">{t('organisations.members')}</h2>
          {members.length === 0 ? (
            <p>{t('organisations.noMembers')}</p>
          ) : (
            <ul className="link-list">
              {members.map((member) => (
                <li key={member.id}>
                  {member.name} – {t(`role.${member.role}`)}
                  {member.active ? '' : ` (${t('users.inactive')})`}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="history">
        <h2 id="history">{t('organisations.history')}</h2>
        <AuditTable rows={history} caption={t('organisations.history')} />
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.organisation.name ?? t('organisations.meta.fallback')),
]
