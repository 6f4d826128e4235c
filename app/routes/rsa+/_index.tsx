import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '~/db/app-db.server'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { listAnalyses } from '~/modules/rsa/analyses.server'
import { reportDeadline } from '~/modules/rsa/report'
import rsaStyles from '~/styles/rsa.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: rsaStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'network.read')
  const analyses = await listAnalyses(await getDb(), user)
  return {
    analyses: analyses.map((row) => ({
      ...row,
      resultsSharedAt: row.resultsSharedAt?.toISOString() ?? null,
      deadline: reportDeadline(row.periodStart),
    })),
    mayCreate: can(user, 'rsa.manage'),
  }
}

export default function RsaListPage() {
  const t = useT()
  const locale = useLocale()
  const { analyses, mayCreate } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('rsa.title')}</h1>
      <p>{t('rsa.intro')}</p>
      {mayCreate ? (
        <p>
          <Link className="button" to="/rsa/ny">
            {t('rsa.create')}
          </Link>
        </p>
      ) : null}
      {analyses.length === 0 ? (
        <p>{t('rsa.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('rsa.analysisTitle')}</th>
                <th scope="col">{t('rsa.period')}</th>
                <th scope="col">{t('rsa.deadline')}</th>
                <th scope="col">{t('rsa.participantCount')}</th>
                <th scope="col">{t('rsa.results')}</th>
              </tr>
            </thead>
            <tbody>
              {analyses.map((analysis) => (
                <tr key={analysis.id}>
                  <td>
                    <Link to={`/rsa/${analysis.id}`}>{analysis.title}</Link>
                  </td>
                  <td>{t('rsa.periodValue', { start: analysis.periodStart, end: analysis.periodEnd })}</td>
                  <td>{formatDate(locale, analysis.deadline)}</td>
                  <td>{analysis.participants}</td>
                  <td>{analysis.resultsSharedAt ? t('rsa.shared') : t('rsa.notShared')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'rsa.meta.list')]
