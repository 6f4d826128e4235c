import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useEffect } from 'react'
import { clearDraft, clearPending } from '~/components/council/report-draft'
import { ReportStateBadge } from '~/components/council/report-state'
import { Pager, pageFromSearch } from '~/components/ui/pager'
import type { SectionHandle } from '~/components/ui/section-heading'
import { reportStates, type ReportState } from '~/db/enums'
import { formatCount, formatDateTime, formatPosition } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { can } from '~/modules/auth/permissions'
import { requireReportingCouncil } from '~/modules/council/council-access.server'
import { councilRef } from '~/modules/council/council-sections'
import { listOwnReports, OWN_PAGE_SIZE } from '~/modules/council/reports.server'
import { readFlash } from '~/modules/http/flash.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireReportingCouncil(request, params)
  const url = new URL(request.url)
  const requested = url.searchParams.get('status')
  const state = reportStates.includes(requested as ReportState) ? (requested as ReportState) : null
  const page = pageFromSearch(url.searchParams.get('sida'))
  const { rows, counts, all, total } = await listOwnReports(db, {
    councilId: council.id,
    userId: user.id,
    state,
    page,
  })
  return {
    council: councilRef(council),
    userId: user.id,
    // Reached from a report just sent (the root shows the notice): the draft kept on the phone can go.
    sent: readFlash(request).notice?.message === 'council.report.sent',
    state,
    page,
    pages: Math.max(1, Math.ceil(total / OWN_PAGE_SIZE)),
    counts,
    all,
    reports: rows
      .filter((row) => can(user, 'council.report.readOwn', { ownerUserId: row.reporterId }))
      .map((row) => ({
        id: row.id,
        observedAt: row.observedAt.toISOString(),
        categoryName: row.categoryName,
        areaName: row.areaName,
        lat: row.lat,
        lng: row.lng,
        description: row.description,
        state: row.state,
        rejectionReason: row.rejectionReason,
        feedback: row.feedback,
        feedbackAt: row.feedbackAt?.toISOString() ?? null,
      })),
  }
}

export const handle: SectionHandle<typeof loader> = { heading: 'council.own.title' }

export default function OwnReportsPage() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const base = `/trygghet/${loaded.council.id}/mina-rapporter`
  const pageLink = (page: number) =>
    loaded.state ? `${base}?status=${loaded.state}&sida=${page}` : `${base}?sida=${page}`

  // The report reached the council: the draft kept on the phone is no longer needed.
  useEffect(() => {
    if (!loaded.sent) return
    const owner = { councilId: loaded.council.id, userId: loaded.userId }
    clearDraft(owner)
    clearPending(owner)
  }, [loaded.sent, loaded.council.id, loaded.userId])

  return (
    <>
      <p>
        <Link className="button" to={`/trygghet/${loaded.council.id}/rapportera`}>
          {t('council.own.newReport')}
        </Link>
      </p>
      {loaded.all > 0 ? (
        <nav className="council-tabs" aria-label={t('council.own.filter')}>
          <ul>
            <li>
              <Link to={base} aria-current={loaded.state === null ? 'page' : undefined}>
                {t('council.own.allStates')} ({formatCount(locale, loaded.all)})
              </Link>
            </li>
            {reportStates.map((state) => (
              <li key={state}>
                <Link to={`${base}?status=${state}`} aria-current={state === loaded.state ? 'page' : undefined}>
                  {t(`council.state.${state}`)} ({formatCount(locale, loaded.counts[state])})
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {loaded.reports.length === 0 ? (
        <p>{loaded.all === 0 ? t('council.own.none') : t('council.inbox.none')}</p>
      ) : (
        <ul className="report-list">
          {loaded.reports.map((report) => (
            <li key={report.id}>
              <h2>
                {report.categoryName}, {formatDateTime(locale, report.observedAt)}
              </h2>
              <p>
                <ReportStateBadge state={report.state} />{' '}
                {report.areaName ??
                  (report.lat !== null && report.lng !== null
                    ? formatPosition({ lat: report.lat, lng: report.lng }, locale)
                    : '')}
              </p>
              {report.description ? <p>{report.description}</p> : null}
              <h3>{t('council.own.feedback')}</h3>
              <p>{report.feedback || t('council.own.noFeedback')}</p>
            </li>
          ))}
        </ul>
      )}
      <Pager
        page={loaded.page}
        pages={loaded.pages}
        pageLink={pageLink}
        label={t('council.own.pages')}
        previous={t('council.inbox.previous')}
        next={t('council.inbox.next')}
        position={t('council.own.pageOf', {
          page: formatCount(locale, loaded.page),
          pages: formatCount(locale, loaded.pages),
        })}
      />
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('council.meta.ownReports', { council: data?.council.name ?? t('council.meta.fallback') }),
  ),
]
