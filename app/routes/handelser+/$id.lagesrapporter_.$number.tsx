import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useKeptActionData } from '~/components/events/use-kept-action-data'
import { FormMessage } from '~/components/forms/field'
import { PrintButton } from '~/components/ui/print-button'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { readableEventPage } from '~/modules/events/event-page.server'
import { loadReportPage, runReportAction } from '~/modules/events/situation-report-page.server'
import { situationHeadings } from '~/modules/events/situation-report-text'
import styles from '~/styles/situation-reports.css?url'

export const links = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadReportPage(await readableEventPage(request, params), params.number)
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runReportAction(await readableEventPage(request, params), request, params.number)
}

/** One frozen situation report: the four headings, what changed since the one before, print, PDF, text and mail. */
export default function SituationReportPage() {
  const t = useT()
  const locale = useLocale()
  const { event, report, mail } = useLoaderData<typeof loader>()
  const result = useKeptActionData<typeof action>()
  const base = `/handelser/${event.id}/lagesrapporter/${report.number}`
  const { content } = report
  return (
    <article className="situation-report" aria-labelledby="situation-report-title">
      {event.exercise ? <p className="situation-report__exercise">{t('event.exercise')}</p> : null}
      <h2 id="situation-report-title">{t('situationReport.name', { number: report.number })}</h2>
      <p className="situation-report__actions">
        <Link to={`/handelser/${event.id}/lagesrapporter`}>{t('situationReport.back')}</Link>
        <a href={`${base}.pdf`}>{t('situationReport.pdf')}</a>
        <a href={`${base}.txt`}>{t('situationReport.text')}</a>
        <PrintButton label={t('situationReport.print')} />
      </p>
      <dl className="situation-report__facts">
        <dt>{t('situationReport.sender')}</dt>
        <dd>{content.sender || '–'}</dd>
        <dt>{t('situationReport.situationAt')}</dt>
        <dd>{formatDateTime(locale, content.situationAt)}</dd>
        <dt>{t('situationReport.frozenAt')}</dt>
        <dd>{formatDateTime(locale, report.frozenAt)}</dd>
        <dt>{t('situationReport.nextReportAt')}</dt>
        <dd>{content.nextReportAt ? formatDateTime(locale, content.nextReportAt) : '–'}</dd>
        <dt>{t('situationReport.contact')}</dt>
        <dd>{content.contact || '–'}</dd>
      </dl>
      {situationHeadings.map((heading) => (
        <section key={heading} aria-labelledby={`heading-${heading}`}>
          <h3 id={`heading-${heading}`}>{t(`situationReport.${heading}`)}</h3>
          <p className="situation-report__text">{content[heading] || '–'}</p>
        </section>
      ))}
      {report.changes === null ? (
        <p>{t('situationReport.firstReport')}</p>
      ) : (
        <section aria-labelledby="situation-changes" className="situation-report__changes">
          <h3 id="situation-changes">{t('situationReport.changes', { number: report.number - 1 })}</h3>
          {report.changes.length === 0 ? <p>{t('situationReport.noChanges')}</p> : null}
          {report.changes.map((change) => (
            <div key={change.heading}>
              <h4>{t(`situationReport.${change.heading}`)}</h4>
              <ul className="situation-report__diff">
                {change.added.map((line, index) => (
                  <li key={`a${index}`} className="situation-report__added">
                    <strong>{t('situationReport.added')}:</strong> {line}
                  </li>
                ))}
                {change.removed.map((line, index) => (
                  <li key={`r${index}`} className="situation-report__removed">
                    <strong>{t('situationReport.removed')}:</strong> <del>{line}</del>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      {mail ? (
        <section aria-labelledby="situation-mail" className="situation-report__mail">
          <h3 id="situation-mail">{t('situationReport.mail')}</h3>
          {result ? <FormMessage kind={result.kind}>{t(result.notice, result.vars)}</FormMessage> : null}
          {report.sentTo.length > 0 ? (
            <p>
              {t('situationReport.alreadySent')}: {report.sentTo.join(', ')}
            </p>
          ) : null}
          {mail.recipients.length === 0 ? (
            <p>{t('situationReport.noRecipients')}</p>
          ) : (
            <>
              <h4>{t('situationReport.recipients')}</h4>
              <ul>
                {mail.recipients.map((recipient) => (
                  <li key={recipient.email}>
                    {recipient.organisationName}: {recipient.email}
                  </li>
                ))}
              </ul>
              <Form method="post">
                <button type="submit" className="button">
                  {t('situationReport.mail')}
                </button>
              </Form>
            </>
          )}
        </section>
      ) : null}
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    (t) =>
      `${data?.event.exercise ? `${t('event.exercise')} – ` : ''}${t('situationReport.meta.report', { number: data?.report.number ?? '', event: data?.event.title ?? t('eventRoom.meta.fallback') })}`,
  ),
]
