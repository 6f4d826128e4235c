import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { listOrganisations } from '~/modules/organisations/organisations.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'network.read')
  const rows = await listOrganisations(await getDb())
  return {
    organisations: rows.map(({ id, name, kind }) => ({ id, name, kind })),
    canCreate: can(user, 'organisation.create'),
  }
}

export default function OrganisationsPage() {
  const t = useT()
  const { organisations, canCreate } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <div className="page__heading">
        <h1>{t('organisations.title')}</h1>
        {canCreate ? (
          <Link className="button" to="/organisationer/ny">
            {t('organisations.create')}
          </Link>
        ) : null}
      </div>
      <p>{t('organisations.intro')}</p>
      <p className="muted">{t('organisations.count', { count: organisations.length })}</p>
      <ul className="card-list">
        {organisations.map((organisation) => (
          <li key={organisation.id} className="card">
            <Link to={`/organisationer/${organisation.id}`}>{organisation.name}</Link>
            <span className="tag">{t(`kind.${organisation.kind}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'organisations.title')]
