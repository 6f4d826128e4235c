import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ClientOnly } from '~/components/ui/client-only'
import { getDb } from '~/db/app-db.server'
import { rsaMeasureStates, type RsaMeasureState } from '~/db/enums'
import { formatDate, formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { notFound, requireFound, requireUuid } from '~/modules/http/responses'
import { isOverdue, planProgress } from '~/modules/rsa/action-plan'
import { getFollowUp } from '~/modules/rsa/measures.server'
import { requireResultsReadable } from '~/modules/rsa/rsa-access.server'
import rsaStyles from '~/styles/rsa.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: rsaStyles }]

const isState = (value: string): value is RsaMeasureState => (rsaMeasureStates as readonly string[]).includes(value)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const year = Number(params.year)
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw notFound()
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireResultsReadable(db, user, id)
  const followUp = requireFound(await getFollowUp(db, id, year))
  const measures = followUp.snapshot.map((row) => ({
    ...row,
    state: isState(row.state) ? row.state : ('planned' as const),
  }))
  // Overdue as it stood on the day of the follow-up.
  const day = followUp.createdAt.toISOString().slice(0, 10)
  return {
    analysis: { id, title: analysis.title, periodStart: analysis.periodStart, periodEnd: analysis.periodEnd },
    year,
    note: followUp.note,
    recordedAt: followUp.createdAt.toISOString(),
    measures,
    progress: planProgress(measures, day),
    day,
  }
}

/** The yearly follow-up of the action plan, as recorded, for screen and paper. */
export default function FollowUpReportPage() {
  const t = useT()
  const locale = useLocale()
  const { analysis, year, note, recordedAt, measures, progress, day } = useLoaderData<typeof loader>()
  return (
    <div className="page rsa-report-page">
      <div className="rsa-report__tools">
        <Link to={`/rsa/${analysis.id}/atgarder`}>{t('rsa.plan.back')}</Link>
        <ClientOnly>
          {() => (
            <button type="button" className="button" onClick={() => window.print()}>
              {t('rsa.report.print')}
            </button>
          )}
        </ClientOnly>
      </div>
      <article className="rsa-report">
        <h1>{t('rsa.followUp.title', { year, title: analysis.title })}</h1>
        <p>{t('rsa.periodValue', { start: analysis.periodStart, end: analysis.periodEnd })}</p>
        <p className="muted">{t('rsa.followUp.recorded', { date: formatDateTime(locale, recordedAt) })}</p>
        <h2>{t('rsa.followUp.note')}</h2>
        {note ? <div className="prewrap">{note}</div> : <p className="muted">{t('rsa.followUp.noNote')}</p>}
        <h2>{t('rsa.plan.progress')}</h2>
        <p>
          {t('rsa.plan.summary', { total: progress.total, percent: progress.percentDone, overdue: progress.overdue })}
        </p>
        <div className="table-wrap">
          <table className="table rsa-measures">
            <caption>{t('rsa.followUp.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rsa.plan.measure')}</th>
                <th scope="col">{t('rsa.plan.due')}</th>
                <th scope="col">{t('rsa.plan.state')}</th>
              </tr>
            </thead>
            <tbody>
              {measures.map((measure) => (
                <tr key={measure.measureId}>
                  <th scope="row">{measure.title}</th>
                  <td>
                    {measure.dueDate ? formatDate(locale, measure.dueDate) : '–'}
                    {isOverdue(measure, day) ? <strong className="rsa-overdue"> {t('rsa.plan.overdue')}</strong> : null}
                  </td>
                  <td>{t(`rsa.measureState.${measure.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </article>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('rsa.meta.followUp', { year: data?.year ?? '', analysis: data?.analysis.title ?? t('rsa.meta.fallback') }),
  ),
]
