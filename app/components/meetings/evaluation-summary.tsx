import { useLocale, useT } from '~/i18n/i18n'
import { formatAverage, type EvaluationSummary } from '~/modules/meetings/evaluation'

/** The compiled questionnaire: how many answered, the average per statement, and the comments. */
export function EvaluationSummaryView({ summary }: { summary: EvaluationSummary }) {
  const t = useT()
  const locale = useLocale()
  if (summary.count === 0) return <p>{t('meetingFollowUp.evaluation.noResponses')}</p>
  return (
    <>
      <p>{t('meetingFollowUp.evaluation.responses', { count: summary.count })}</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('meetingFollowUp.evaluation.resultHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetingFollowUp.evaluation.question')}</th>
              <th scope="col">{t('meetingFollowUp.evaluation.average')}</th>
              <th scope="col">{t('meetingFollowUp.evaluation.answeredCount')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.questions.map((question) => (
              <tr key={question.key}>
                <th scope="row">{t(`meetingFollowUp.evaluation.q.${question.key}`)}</th>
                <td>{formatAverage(question.average, locale)}</td>
                <td>{question.answered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('meetingFollowUp.evaluation.comments')}</h3>
      {summary.comments.length === 0 ? (
        <p>{t('meetingFollowUp.evaluation.noComments')}</p>
      ) : (
        <ul>
          {summary.comments.map((comment, index) => (
            <li key={index} className="prewrap">
              {comment}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
