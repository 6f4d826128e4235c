import { Link } from '@remix-run/react'
import { formatDate, formatKronor } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { RsaMeasureState } from '~/db/enums'
import { isOverdue } from '~/modules/rsa/action-plan'

export interface MeasureRow {
  id: string
  title: string
  description: string
  ownerName: string
  eventTitle: string | null
  dueDate: string | null
  costEstimate: number | null
  state: RsaMeasureState
}

/** The action plan's measures; overdue ones say so in words. `editable` is the analysis whose measures link to their edit page. */
export function MeasureTable({
  measures,
  today,
  editable,
}: {
  measures: MeasureRow[]
  today: string
  editable: string | null
}) {
  const t = useT()
  const locale = useLocale()
  if (measures.length === 0) return <p>{t('rsa.plan.none')}</p>
  return (
    <div className="table-wrap">
      <table className="table rsa-measures">
        <caption className="visually-hidden">{t('rsa.plan.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rsa.plan.measure')}</th>
            <th scope="col">{t('rsa.plan.owner')}</th>
            <th scope="col">{t('rsa.event')}</th>
            <th scope="col">{t('rsa.plan.due')}</th>
            <th scope="col">{t('rsa.plan.cost')}</th>
            <th scope="col">{t('rsa.plan.state')}</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((measure) => {
            const overdue = isOverdue(measure, today)
            return (
              <tr key={measure.id} className={overdue ? 'rsa-measures__overdue' : undefined}>
                <th scope="row">
                  {editable ? (
                    <Link to={`/rsa/${editable}/atgarder/${measure.id}`}>{measure.title}</Link>
                  ) : (
                    measure.title
                  )}
                  {measure.description ? <div className="muted prewrap">{measure.description}</div> : null}
                </th>
                <td>{measure.ownerName}</td>
                <td>{measure.eventTitle ?? '–'}</td>
                <td>
                  {measure.dueDate ? formatDate(locale, measure.dueDate) : '–'}
                  {overdue ? <strong className="rsa-overdue"> {t('rsa.plan.overdue')}</strong> : null}
                </td>
                <td>{measure.costEstimate !== null ? formatKronor(locale, measure.costEstimate) : '–'}</td>
                <td>{t(`rsa.measureState.${measure.state}`)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
