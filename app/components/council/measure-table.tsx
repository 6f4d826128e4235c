import { Link } from '@remix-run/react'
import type { CouncilFollowUpAssessment, CouncilMeasureKind, CouncilMeasureState } from '~/db/enums'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { measureTypeLabel, measureWhere } from './measure-labels'

export interface MeasureTableRow {
  id: string
  title: string
  kind: CouncilMeasureKind
  measureType: string
  areaName: string | null
  place: string
  responsibleOrganisationName: string
  startDate: string
  followUpDate: string
  state: CouncilMeasureState
  latestFollowUp: { followedUpOn: string; assessment: CouncilFollowUpAssessment } | null
  overdue: boolean
}

/** The council's action plan; an overdue follow-up says so in words, not only in colour. */
export function MeasureTable({ councilId, measures }: { councilId: string; measures: MeasureTableRow[] }) {
  const t = useT()
  const locale = useLocale()
  if (measures.length === 0) return <p>{t('councilMeasures.none')}</p>
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('councilMeasures.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('councilMeasures.column.title')}</th>
            <th scope="col">{t('councilMeasures.column.kind')}</th>
            <th scope="col">{t('councilMeasures.column.type')}</th>
            <th scope="col">{t('councilMeasures.column.where')}</th>
            <th scope="col">{t('councilMeasures.column.responsible')}</th>
            <th scope="col">{t('councilMeasures.column.start')}</th>
            <th scope="col">{t('councilMeasures.column.followUp')}</th>
            <th scope="col">{t('councilMeasures.column.state')}</th>
            <th scope="col">{t('councilMeasures.column.assessment')}</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((measure) => (
            <tr key={measure.id}>
              <th scope="row">
                <Link to={`/trygghet/${councilId}/insatser/${measure.id}`}>{measure.title}</Link>
              </th>
              <td>{t(`councilMeasures.kind.${measure.kind}`)}</td>
              <td>{measureTypeLabel(t, measure.measureType)}</td>
              <td>{measureWhere(measure)}</td>
              <td>{measure.responsibleOrganisationName}</td>
              <td>{formatDate(locale, measure.startDate)}</td>
              <td>
                {formatDate(locale, measure.followUpDate)}
                {measure.overdue ? (
                  <>
                    {' '}
                    <strong>{t('councilMeasures.overdue')}</strong>
                  </>
                ) : null}
              </td>
              <td>{t(`councilMeasures.state.${measure.state}`)}</td>
              <td>
                {measure.latestFollowUp
                  ? `${t(`councilMeasures.assessment.${measure.latestFollowUp.assessment}`)} (${formatDate(locale, measure.latestFollowUp.followedUpOn)})`
                  : t('councilMeasures.notFollowedUp')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
