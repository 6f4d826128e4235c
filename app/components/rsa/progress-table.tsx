import { Link } from '@remix-run/react'
import { useT } from '~/i18n/i18n'
import type { ProgressState } from '~/modules/rsa/compile'

export interface ProgressRow {
  organisationId: string
  name: string
  states: ProgressState[]
  submitted: number
}

/** Who has answered: one row per organisation, one column per event, each cell the answer's state. */
export function ProgressTable({
  analysisId,
  events,
  rows,
  caption,
  linkAnswers,
}: {
  analysisId: string
  events: { id: string; title: string }[]
  rows: ProgressRow[]
  caption: string
  /** Each cell links to the answer form of that organisation and event. */
  linkAnswers: boolean
}) {
  const t = useT()
  return (
    <div className="table-wrap rsa-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="rsa-grid rsa-progress">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rsa.organisation')}</th>
            <th scope="col">{t('rsa.progress.done')}</th>
            {events.map((event) => (
              <th scope="col" key={event.id}>
                {event.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.organisationId}>
              <th scope="row">{row.name}</th>
              <td>{t('rsa.progress.count', { done: row.submitted, total: events.length })}</td>
              {row.states.map((state, index) => {
                const label = t(`rsa.answerState.${state}`)
                const event = events[index]!
                return (
                  <td key={event.id} className={`rsa-state rsa-state--${state}`}>
                    {linkAnswers ? (
                      <Link to={`/rsa/${analysisId}/svar/${event.id}?organisation=${row.organisationId}`}>
                        {label}
                        <span className="visually-hidden">
                          {' '}
                          – {event.title}, {row.name}
                        </span>
                      </Link>
                    ) : (
                      label
                    )}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
