import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useEffect } from 'react'
import { CouncilHeader } from '~/components/council/council-header'
import { clearDraft, clearPending } from '~/components/council/report-draft'
import { ReportStateBadge } from '~/components/council/report-state'
import { FormMessage } from '~/components/forms/field'
import { formatDateTime, useLocale, useT } from '~/i18n/i18n'
import { can } from '~/modules/auth/permissions'
import { councilHeader, requireReportingCouncil } from '~/modules/council/council-access.server'
import { listOwnReports } from '~/modules/council/reports.server'
import councilStyles from '~/styles/council.css?url'

export const links = () => [{ rel: 'stylesheet', href: councilStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireReportingCouncil(request, params)
  const rows = await listOwnReports(db, { councilId: council.id, userId: user.id })
  return {
    council: councilHeader(user, council),
    userId: user.id,
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

export default function OwnReportsPage() {
  const t = useT()
  const locale = useLocale()
  const loaded = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const sent = search.get('skickad') === '1'

  // The report reached the council: the draft kept on the phone is no longer needed.
  useEffect(() => {
    if (!sent) return
    const owner = { councilId: loaded.council.id, userId: loaded.userId }
    clearDraft(owner)
    clearPending(owner)
  }, [sent, loaded.council.id, loaded.userId])

  return (
    <div className="page">
      <CouncilHeader council={loaded.council} heading={t('council.own.title')} />
      {sent ? <FormMessage kind="success">{t('council.report.sent')}</FormMessage> : null}
      <p>
        <Link className="button" to={`/trygghet/${loaded.council.id}/rapportera`}>
          {t('council.own.newReport')}
        </Link>
      </p>
      {loaded.reports.length === 0 ? (
        <p>{t('council.own.none')}</p>
      ) : (
        <ul className="report-list">
          {loaded.reports.map((report) => (
            <li key={report.id}>
              <h2>
                {report.categoryName}, {formatDateTime(locale, report.observedAt)}
              </h2>
              <p>
                <ReportStateBadge state={report.state} />{' '}
                {report.areaName ?? (report.lat !== null ? `${report.lat}, ${report.lng}` : '')}
              </p>
              {report.description ? <p>{report.description}</p> : null}
              <h3>{t('council.own.feedback')}</h3>
              <p>{report.feedback || t('council.own.noFeedback')}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Mina rapporter – ${data?.council.name ?? 'Lokalt BRÅ'} – Områdesansvarsportalen` },
]
