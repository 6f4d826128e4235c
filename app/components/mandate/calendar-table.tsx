import { Link } from '@remix-run/react'
import { useT } from '~/i18n/i18n'
import { groupByYear, type CalendarEntry, type CalendarSummary } from '~/modules/mandate/calendar'
import { DecisionText, StateLabel } from './state-label'

/** How many are done, overdue and due soon: the first thing the coordinator looks for. */
export function SummaryList({ summary }: { summary: CalendarSummary }) {
  const t = useT()
  return (
    <ul className="mandate-summary">
      <li>
        <strong>{summary.done}</strong> {t('mandateCalendar.summary.done', { total: summary.total })}
      </li>
      <li className={summary.overdue > 0 ? 'mandate-summary__overdue' : undefined}>
        <strong>{summary.overdue}</strong> {t('mandateCalendar.summary.overdue')}
      </li>
      <li>
        <strong>{summary.dueSoon}</strong> {t('mandateCalendar.summary.dueSoon')}
      </li>
    </ul>
  )
}

function Owner({ entry }: { entry: CalendarEntry }) {
  const t = useT()
  if (!entry.ownerName && !entry.ownerOrganisationName)
    return <span className="muted">{t('mandateCalendar.noOwner')}</span>
  return (
    <>
      {entry.ownerName ? <span className="mandate-owner__person">{entry.ownerName}</span> : null}
      {entry.ownerName && entry.ownerOrganisationName ? <br /> : null}
      {entry.ownerOrganisationName ? <span className="muted">{entry.ownerOrganisationName}</span> : null}
    </>
  )
}

/**
 * The calendar by year: each deliverable's due date, what it is, who owns
 * it, its state and, for the whole period's readers, its decision and
 * documents.
 */
export function CalendarTables({
  periodId,
  entries,
  full,
  rsaLink,
}: {
  periodId: string
  entries: CalendarEntry[]
  full: boolean
  rsaLink: string | null
}) {
  const t = useT()
  return (
    <>
      {groupByYear(entries).map((group) => {
        const caption =
          group.year === null ? t('mandateCalendar.undated') : t('mandateCalendar.yearCaption', { year: group.year })
        return (
          <div
            key={group.year ?? 'undated'}
            className="table-wrap mandate-year"
            role="region"
            aria-label={caption}
            tabIndex={0}
          >
            <table className="table mandate-calendar">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mandateCalendar.column.due')}</th>
                  <th scope="col">{t('mandateCalendar.column.deliverable')}</th>
                  <th scope="col">{t('mandateCalendar.column.owner')}</th>
                  <th scope="col">{t('mandateCalendar.column.state')}</th>
                  {full ? (
                    <>
                      <th scope="col">{t('mandateCalendar.column.decision')}</th>
                      <th scope="col">{t('mandateCalendar.column.documents')}</th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {group.rows.map((entry) => (
                  <tr key={entry.id}>
                    <td className="mandate-calendar__due">{entry.dueDate ?? t('mandateCalendar.duringPeriod')}</td>
                    <th scope="row" className="mandate-calendar__title">
                      {entry.opens ? (
                        <Link to={`/mandatperiod/${periodId}/leveranser/${entry.id}`}>{entry.title}</Link>
                      ) : (
                        entry.title
                      )}
                      <br />
                      <span className="muted mandate-calendar__kind">{t(`mandate.kind.${entry.kind}`)}</span>
                    </th>
                    <td>
                      <Owner entry={entry} />
                    </td>
                    <td>
                      <StateLabel shown={entry.shown} rsa={entry.rsa} rsaLink={rsaLink} />
                    </td>
                    {full ? (
                      <>
                        <td>
                          {entry.decision ? (
                            <DecisionText deliverable={{ kind: entry.kind, ...entry.decision }} />
                          ) : (
                            '–'
                          )}
                        </td>
                        <td>{entry.documentCount ?? 0}</td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      })}
    </>
  )
}
