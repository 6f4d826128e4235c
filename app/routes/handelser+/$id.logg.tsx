import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useKeptActionData } from '~/components/events/use-kept-action-data'
import { EventLogList } from '~/components/events/event-log-list'
import { CorrectionForm, NewEntryForm, TaskStateForm } from '~/components/events/event-log-forms'
import { FormMessage } from '~/components/forms/field'
import { Pager } from '~/components/ui/pager'
import { PrintButton } from '~/components/ui/print-button'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { runLogAction } from '~/modules/events/event-log-actions.server'
import { loadLogPage } from '~/modules/events/event-log-page.server'
import { entryHref } from '~/modules/events/event-log-view'
import { readableEventPage } from '~/modules/events/event-page.server'
import eventLogStyles from '~/styles/event-log.css?url'

export const links = () => [{ rel: 'stylesheet', href: eventLogStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadLogPage(await readableEventPage(request, params), new URL(request.url))
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runLogAction(await readableEventPage(request, params), request)
}

/** The event log: append-only; a correction is a new entry, and the corrected one says so. */
export default function EventLogPage() {
  const t = useT()
  const locale = useLocale()
  const { event, log, print, printedAt, writing, correction, submissionKey } = useLoaderData<typeof loader>()
  const result = useKeptActionData<typeof action>()
  const resultFor = (form: string) => (result?.form === form ? result : undefined)
  const base = `/handelser/${event.id}/logg`
  const correctingId = result?.form.startsWith('correct:') ? result.form.slice('correct:'.length) : correction?.entryId
  return (
    <div className={print ? 'event-log-page event-log-page--print' : 'event-log-page'}>
      <header className="event-log-print-head">
        {event.exercise ? <p className="event-log-print-head__exercise">{t('event.exercise')}</p> : null}
        <p className="event-log-print-head__title">{t('eventLog.printTitle', { title: event.title })}</p>
        <p>{t('eventLog.printed', { date: formatDateTime(locale, printedAt) })}</p>
      </header>
      <h2>{t('eventLog.title')}</h2>
      <p className="event-log-page__intro">{t('eventLog.intro')}</p>
      <ul className="event-log-page__tools">
        <li>
          <a href={`${base}.csv`} download>
            {t('eventLog.exportCsv')}
          </a>
        </li>
        <li>
          {print ? (
            <Link to={base}>{t('eventLog.backToLog')}</Link>
          ) : (
            <Link to={`${base}?visa=utskrift`}>{t('eventLog.print')}</Link>
          )}
        </li>
        {print ? (
          <li>
            <PrintButton label={t('eventLog.print')} />
          </li>
        ) : null}
      </ul>
      {result?.notice === 'eventLog.frozen' ? <FormMessage kind="error">{t('eventLog.frozen')}</FormMessage> : null}
      {event.frozen ? (
        <p className="event-log-page__locked">
          <strong>{t('eventLog.locked')}</strong> – {t('eventLog.lockedText')}
        </p>
      ) : null}
      {writing && !print ? (
        <NewEntryForm writing={writing} submissionKey={submissionKey} result={resultFor('write')} />
      ) : null}
      <section aria-labelledby="log-entries">
        <h3 id="log-entries">{t('eventLog.entries', { count: log.total })}</h3>
        <EventLogList
          entries={log.entries}
          total={log.total}
          whole={print}
          renderActions={(entry) =>
            writing && !print ? (
              <div className="event-log__actions">
                {entry.task && entry.correctedBy.length === 0 ? (
                  <TaskStateForm
                    key={`${entry.id}-${entry.task.state}`}
                    entry={entry}
                    writing={writing}
                    submissionKey={submissionKey}
                    result={resultFor(`state:${entry.id}`)}
                  />
                ) : null}
                {correctingId === entry.id ? (
                  <CorrectionForm
                    entry={entry}
                    values={correction?.entryId === entry.id ? correction.values : {}}
                    writing={writing}
                    submissionKey={submissionKey}
                    result={resultFor(`correct:${entry.id}`)}
                    cancelTo={entryHref(entry, log.total, false)}
                  />
                ) : (
                  <Link
                    to={`?sida=${log.page}&ratta=${entry.id}#post-${entry.id}`}
                    preventScrollReset
                    aria-label={t('eventLog.correctOf', { number: entry.number })}
                  >
                    {t('eventLog.correct')}
                  </Link>
                )}
              </div>
            ) : null
          }
        />
        {print ? null : (
          <Pager
            page={log.page}
            pages={log.pageCount}
            pageLink={(page) => `${base}?sida=${page}`}
            label={t('eventLog.pages')}
            previous={t('eventLog.newer')}
            next={t('eventLog.older')}
            position={t('eventLog.position', { page: log.page, pages: log.pageCount })}
          />
        )}
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    (t) =>
      `${data?.event.exercise ? `${t('event.exercise')} – ` : ''}${t('eventLog.meta.title', { event: data?.event.title ?? t('eventRoom.meta.fallback') })}`,
  ),
]
