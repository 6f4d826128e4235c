import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { SituationReportDraftForm } from '~/components/events/situation-report-draft-form'
import { useKeptActionData } from '~/components/events/use-kept-action-data'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { readableEventPage } from '~/modules/events/event-page.server'
import { loadSituationReportsPage, runDraftAction } from '~/modules/events/situation-report-page.server'
import styles from '~/styles/situation-reports.css?url'

export const links = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadSituationReportsPage(await readableEventPage(request, params))
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runDraftAction(await readableEventPage(request, params), request)
}

/** The event's frozen situation reports, and for those who lead it the draft of the next one. */
export default function SituationReportsPage() {
  const t = useT()
  const locale = useLocale()
  const { event, reports, draft } = useLoaderData<typeof loader>()
  const result = useKeptActionData<typeof action>()
  return (
    <div className="situation-reports">
      <h2>{t('situationReport.title')}</h2>
      <p>{t('situationReport.intro')}</p>
      {event.frozen ? <p>{t('situationReport.ended')}</p> : null}
      <section aria-labelledby="situation-frozen">
        <h3 id="situation-frozen">{t('situationReport.frozenList')}</h3>
        {reports.length === 0 ? (
          <p>{t('situationReport.none')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('situationReport.number')}</th>
                  <th scope="col">{t('situationReport.frozenAt')}</th>
                  <th scope="col">{t('situationReport.sentTo')}</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((report) => (
                  <tr key={report.number}>
                    <th scope="row">
                      <Link to={`/handelser/${event.id}/lagesrapporter/${report.number}`}>
                        {t('situationReport.name', { number: report.number })}
                      </Link>
                    </th>
                    <td>{formatDateTime(locale, report.frozenAt)}</td>
                    <td className="situation-reports__sent">
                      {report.sentTo.length > 0 ? report.sentTo.join(', ') : t('situationReport.notSent')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {draft ? (
        <SituationReportDraftForm
          values={result?.values ?? draft.values}
          errors={result?.errors ?? {}}
          version={result?.version ?? draft.version}
          nextNumber={draft.nextNumber}
          notice={result ? { kind: result.kind, key: result.notice } : undefined}
        />
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    (t) =>
      `${data?.event.exercise ? `${t('event.exercise')} – ` : ''}${t('situationReport.meta.list', { event: data?.event.title ?? t('eventRoom.meta.fallback') })}`,
  ),
]
