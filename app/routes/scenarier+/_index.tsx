import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '~/db/app-db.server'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { listScenarios } from '~/modules/scenarios/scenarios.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'network.read')
  const rows = await listScenarios(await getDb(), user)
  return {
    scenarios: rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() })),
    mayCreate: can(user, 'scenario.create'),
  }
}

export default function ScenariosPage() {
  const t = useT()
  const locale = useLocale()
  const { scenarios, mayCreate } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('scenario.title')}</h1>
      <p>{t('scenario.intro')}</p>
      {mayCreate ? (
        <p>
          <Link className="button" to="/scenarier/ny">
            {t('scenario.create')}
          </Link>
        </p>
      ) : null}
      {scenarios.length === 0 ? (
        <p>{t('scenario.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('scenario.name')}</th>
              <th scope="col">{t('scenario.length')}</th>
              <th scope="col">{t('scenario.state')}</th>
              <th scope="col">{t('scenario.owner')}</th>
              <th scope="col">{t('scenario.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {scenarios.map((scenario) => (
              <tr key={scenario.id}>
                <td>
                  <Link to={`/scenarier/${scenario.id}`}>{scenario.name}</Link>
                </td>
                <td>{t('scenario.hoursValue', { hours: scenario.horizonHours })}</td>
                <td>{t(`scenario.state.${scenario.state}`)}</td>
                <td>{scenario.organisationName}</td>
                <td>{formatDate(locale, scenario.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'scenario.title')]
