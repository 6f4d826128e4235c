import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { LogEntryView } from '~/modules/events/event-log.server'
import { entryHref } from '~/modules/events/event-log-view'

/**
 * The log's entries as a list, each under its own heading ("Post 12:
 * Beslut"). A corrected entry says so in words with a link to the entry that
 * corrects it, and the correction names the entry it corrects; a task shows
 * its owner, due time and current state. `whole` is true when every entry is
 * on this page (the printout), so links stay on it.
 */
export function EventLogList({
  entries,
  total,
  whole,
  renderActions,
}: {
  entries: LogEntryView[]
  total: number
  whole: boolean
  renderActions?: (entry: LogEntryView) => ReactNode
}) {
  const t = useT()
  const locale = useLocale()
  if (entries.length === 0) return <p>{t('eventLog.empty')}</p>
  const ref = (entry: { id: string; number: number }) => (
    <Link to={entryHref(entry, total, whole)}>{t('eventLog.postRef', { number: entry.number })}</Link>
  )
  return (
    <ol className="event-log">
      {entries.map((entry) => {
        const corrected = entry.correctedBy.length > 0
        return (
          <li
            key={entry.id}
            id={`post-${entry.id}`}
            value={entry.number}
            className={corrected ? 'event-log__entry event-log__entry--corrected' : 'event-log__entry'}
          >
            <h4 className="event-log__heading">
              {t('eventLog.entryHeading', { number: entry.number, kind: t(`event.logKind.${entry.kind}`) })}
            </h4>
            <p className="event-log__meta">
              <time dateTime={entry.createdAt}>{formatDateTime(locale, entry.createdAt)}</time>
              {' · '}
              {entry.authorName || t('eventLog.byPortal')}
              {entry.organisationName ? `, ${entry.organisationName}` : ''}
            </p>
            {corrected ? (
              <p className="event-log__mark event-log__mark--corrected">
                <strong>{t('eventLog.corrected')}</strong> – {t('eventLog.see')}{' '}
                {entry.correctedBy.map((by, index) => (
                  <span key={by.id}>
                    {index > 0 ? ', ' : ''}
                    {ref(by)}
                  </span>
                ))}
              </p>
            ) : null}
            {entry.corrects ? (
              <p className="event-log__mark">
                {t('eventLog.corrects')} {ref(entry.corrects)}
              </p>
            ) : null}
            <p className="prewrap event-log__text">{entry.text}</p>
            <EntryFacts entry={entry} refLink={ref} />
            {renderActions?.(entry)}
          </li>
        )
      })}
    </ol>
  )
}

function EntryFacts({
  entry,
  refLink,
}: {
  entry: LogEntryView
  refLink: (entry: { id: string; number: number }) => ReactNode
}) {
  const t = useT()
  const locale = useLocale()
  const facts: [string, ReactNode][] = []
  if (entry.decidedBy) facts.push([t('eventLog.field.decidedBy'), entry.decidedBy])
  if (entry.mandate) facts.push([t('eventLog.field.mandate'), entry.mandate])
  if (entry.counterpart) facts.push([t('eventLog.field.counterpart'), entry.counterpart])
  if (entry.task) {
    facts.push([t('eventLog.task.owner'), entry.task.organisationName ?? '–'])
    facts.push([
      t('eventLog.task.due'),
      entry.task.dueAt ? formatDateTime(locale, entry.task.dueAt) : t('eventLog.task.noDue'),
    ])
    facts.push([t('eventLog.task.state'), <strong key="state">{t(`event.taskState.${entry.task.state}`)}</strong>])
  }
  if (entry.refersTo) facts.push([t('eventLog.refersTo'), refLink(entry.refersTo)])
  if (entry.setsState) facts.push([t('eventLog.setsState'), t(`event.taskState.${entry.setsState}`)])
  if (facts.length === 0) return null
  return (
    <dl className="event-log__facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
