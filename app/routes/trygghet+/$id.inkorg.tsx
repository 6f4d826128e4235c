import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { pageFromSearch } from '~/components/ui/pager'
import type { SectionHandle } from '~/components/ui/section-heading'
import { reportStates, type ReportState } from '~/db/enums'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireCouncil } from '~/modules/council/council-access.server'
import { councilRef } from '~/modules/council/council-sections'
import { countByState, INBOX_PAGE_SIZE, listReportsInState } from '~/modules/council/reports.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.read')
  const url = new URL(request.url)
  const requested = url.searchParams.get('status')
  const state: ReportState = reportStates.includes(requested as ReportState) ? (requested as ReportState) : 'new'
  const page = pageFromSearch(url.searchParams.get('sida'))
  const [{ rows, total }, counts] = await Promise.all([
    listReportsInState(db, { councilId: council.id, state, page, readerId: user.id }),
    countByState(db, council.id),
  ])
  return {
    council: councilRef(council),
    state,
    page,
    total,
    counts,
    pageSize: INBOX_PAGE_SIZE,
    reports: rows.map((row) => ({
      id: row.id,
      observedAt: row.observedAt.toISOString(),
      categoryName: row.categoryName,
      areaName: row.areaName,
      organisationName: row.organisationName,
      description: row.description,
    })),
  }
}

export const handle: SectionHandle<typeof loader> = { heading: 'council.inbox.title' }

export default function InboxPage() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const base = `/trygghet/${loaded.council.id}/inkorg`
  const from = (loaded.page - 1) * loaded.pageSize + 1
  const to = from + loaded.reports.length - 1
  const pageLink = (page: number) => `${base}?status=${loaded.state}&sida=${page}`

  return (
    <>
      <nav className="council-tabs" aria-label={t('council.inbox.tabs')}>
        <ul>
          {reportStates.map((state) => (
            <li key={state}>
              <Link to={`${base}?status=${state}`} aria-current={state === loaded.state ? 'page' : undefined}>
                {t(`council.state.${state}`)} ({loaded.counts[state]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {loaded.reports.length === 0 ? (
        <p>{t('council.inbox.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>
              {t('council.inbox.caption', {
                state: t(`council.state.${loaded.state}`).toLowerCase(),
                from,
                to,
                total: loaded.total,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('council.inbox.observed')}</th>
                <th scope="col">{t('council.inbox.category')}</th>
                <th scope="col">{t('council.inbox.area')}</th>
                <th scope="col">{t('council.inbox.organisation')}</th>
                <th scope="col">{t('council.inbox.description')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.reports.map((report) => {
                const when = formatDateTime(locale, report.observedAt)
                return (
                  <tr key={report.id}>
                    <td data-label={t('council.inbox.observed')}>
                      <Link
                        to={`/trygghet/${loaded.council.id}/rapporter/${report.id}`}
                        aria-label={t('council.inbox.openReport', { date: when })}
                      >
                        {when}
                      </Link>
                    </td>
                    <td data-label={t('council.inbox.category')}>{report.categoryName}</td>
                    <td data-label={t('council.inbox.area')}>{report.areaName ?? t('council.inbox.noArea')}</td>
                    <td data-label={t('council.inbox.organisation')}>{report.organisationName}</td>
                    <td data-label={t('council.inbox.description')}>{report.description}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {loaded.total > loaded.pageSize ? (
        <p className="actions">
          {loaded.page > 1 ? <Link to={pageLink(loaded.page - 1)}>{t('council.inbox.previous')}</Link> : null}
          {to < loaded.total ? <Link to={pageLink(loaded.page + 1)}>{t('council.inbox.next')}</Link> : null}
        </p>
      ) : null}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => t('council.meta.inbox', { council: data?.council.name ?? t('council.meta.fallback') })),
]
