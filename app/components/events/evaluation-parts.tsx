import { Form } from '@remix-run/react'
import { Field, FieldGroup, FormMessage } from '~/components/forms/field'
import { OptionSelect } from '~/components/forms/option-select'
import { formatDateTime } from '~/i18n/format'
import { labelOf, useLocale, useT } from '~/i18n/i18n'
import { eventEvaluationQuestions, ratingValues } from '~/modules/events/evaluation-form'
import type { EvaluationOutcome } from '~/modules/events/evaluation-page.server'

// The parts of the evaluation page: the timeline, the responses, the
// findings and the leaders' forms, and the questionnaire an organisation
// answers. Each form keeps the reader's input when a post is refused.

type Invalid = Extract<EvaluationOutcome, { kind: 'invalid' }>
type Org = { id: string; name: string }

export interface TimelineRow {
  id: string
  at: string
  kind: string
  text: string
  organisationName: string | null
}

export function EvaluationTimeline({ items }: { items: TimelineRow[] }) {
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="evaluation-timeline">
      <h3 id="evaluation-timeline">{t('eventEvaluation.timeline.heading')}</h3>
      {items.length === 0 ? (
        <p>{t('eventEvaluation.timeline.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('eventEvaluation.timeline.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('eventEvaluation.timeline.time')}</th>
                <th scope="col">{t('eventEvaluation.timeline.kind')}</th>
                <th scope="col">{t('eventEvaluation.timeline.what')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{formatDateTime(locale, item.at)}</th>
                  <td>{labelOf(t, 'event.logKind', item.kind)}</td>
                  <td>
                    {item.text}
                    {item.organisationName ? <span className="evaluation-org"> ({item.organisationName})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export interface ResponseRow {
  id: string
  organisationName: string
  ratings: Record<string, number>
  worked: string
  didNotWork: string
  change: string
}

export function EvaluationResponses({ responses }: { responses: ResponseRow[] }) {
  const t = useT()
  return (
    <section aria-labelledby="evaluation-responses">
      <h3 id="evaluation-responses">{t('eventEvaluation.responses.heading')}</h3>
      {responses.length === 0 ? <p>{t('eventEvaluation.responses.none')}</p> : null}
      {responses.map((response) => (
        <article key={response.id} className="evaluation-response">
          <h4>{response.organisationName}</h4>
          <dl className="evaluation-ratings">
            {eventEvaluationQuestions.map((key) => (
              <div key={key}>
                <dt>{t(`eventEvaluation.q.${key}`)}</dt>
                <dd>{t('eventEvaluation.responses.rating', { value: response.ratings[key] ?? '–' })}</dd>
              </div>
            ))}
            {(['worked', 'didNotWork', 'change'] as const).map((key) => (
              <div key={key}>
                <dt>{t(`eventEvaluation.answer.${key}`)}</dt>
                <dd className="evaluation-text">{response[key] || '–'}</dd>
              </div>
            ))}
          </dl>
        </article>
      ))}
    </section>
  )
}

export function AnswerForm({
  organisation,
  own,
  outcome,
}: {
  organisation: Org
  own: (ResponseRow & { version: number }) | undefined
  outcome: Invalid | undefined
}) {
  const t = useT()
  const mine = outcome?.form === 'answer' && outcome.target === organisation.id ? outcome : undefined
  const value = (name: string, saved: string | undefined) => mine?.values[name] ?? saved ?? ''
  const headingId = `evaluation-answer-${organisation.id}`
  return (
    <section aria-labelledby={headingId} className="evaluation-answer">
      <h3 id={headingId}>{t('eventEvaluation.answer.heading', { organisation: organisation.name })}</h3>
      <p>{own ? t('eventEvaluation.answer.answered') : t('eventEvaluation.answer.intro')}</p>
      <Form method="post" noValidate key={`${organisation.id}-${own?.version ?? 0}`}>
        {mine ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
        <input type="hidden" name="intent" value="answer" />
        <input type="hidden" name="organisationId" value={organisation.id} />
        <input type="hidden" name="version" value={own?.version ?? 0} />
        {eventEvaluationQuestions.map((key) => {
          const checked = value(`q.${key}`, own?.ratings[key]?.toString())
          return (
            <FieldGroup
              key={key}
              legend={t(`eventEvaluation.q.${key}`)}
              className="rating-group"
              error={mine?.errors[key]}
            >
              <div className="rating-options">
                {ratingValues.map((rating) => (
                  <label key={rating}>
                    <input type="radio" name={`q.${key}`} value={rating} defaultChecked={checked === String(rating)} />
                    {t(`meetingFollowUp.evaluation.rating.${rating}`)}
                  </label>
                ))}
              </div>
            </FieldGroup>
          )
        })}
        {(['worked', 'didNotWork', 'change'] as const).map((key) => (
          <Field key={key} label={t(`eventEvaluation.answer.${key}`)} name={key} error={mine?.errors[key]}>
            {(props) => <textarea {...props} rows={4} defaultValue={value(key, own?.[key])} />}
          </Field>
        ))}
        <button type="submit" className="button">
          {t('eventEvaluation.answer.submit')}
        </button>
      </Form>
    </section>
  )
}

export interface FindingRow {
  id: string
  organisationName: string
  text: string
  rsaMeasureId: string | null
  measureTitle: string | null
  measureAnalysisId: string | null
  measureDueDate: string | null
}

export function EvaluationFindings({
  findings,
  organisations,
  lead,
  analysis,
  outcome,
}: {
  findings: FindingRow[]
  organisations: Org[]
  lead: boolean
  analysis: { id: string; title: string } | null
  outcome: Invalid | undefined
}) {
  const t = useT()
  const adding = outcome?.form === 'finding' ? outcome : undefined
  return (
    <section aria-labelledby="evaluation-findings">
      <h3 id="evaluation-findings">{t('eventEvaluation.findings.heading')}</h3>
      {findings.length === 0 ? <p>{t('eventEvaluation.findings.none')}</p> : null}
      <ul className="evaluation-findings">
        {findings.map((finding) => (
          <li key={finding.id}>
            <p>
              <strong>{finding.organisationName}:</strong> <span className="evaluation-text">{finding.text}</span>
            </p>
            {finding.rsaMeasureId && finding.measureAnalysisId ? (
              <p>
                {t('eventEvaluation.findings.measure')}{' '}
                <a href={`/rsa/${finding.measureAnalysisId}/atgarder/${finding.rsaMeasureId}`}>
                  {finding.measureTitle}
                </a>
              </p>
            ) : finding.rsaMeasureId ? (
              <p>
                {t('eventEvaluation.findings.measure')} {finding.measureTitle}
              </p>
            ) : lead && analysis ? (
              <MeasureForm finding={finding} organisations={organisations} analysis={analysis} outcome={outcome} />
            ) : null}
          </li>
        ))}
      </ul>
      {lead && !analysis && findings.some((finding) => !finding.rsaMeasureId) ? (
        <p>{t('eventEvaluation.findings.noAnalysis')}</p>
      ) : null}
      {lead ? (
        <Form method="post" noValidate className="evaluation-form" key={`finding-${findings.length}`}>
          <h4>{t('eventEvaluation.findings.add')}</h4>
          {adding ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
          <input type="hidden" name="intent" value="finding" />
          <OptionSelect
            label={t('eventEvaluation.findings.organisation')}
            name="organisationId"
            options={organisations}
            placeholder={t('eventEvaluation.choose')}
            defaultValue={adding?.values.organisationId ?? ''}
            error={adding?.errors.organisationId}
          />
          <Field label={t('eventEvaluation.findings.text')} name="text" error={adding?.errors.text}>
            {(props) => <textarea {...props} rows={3} defaultValue={adding?.values.text ?? ''} />}
          </Field>
          <button type="submit" className="button">
            {t('eventEvaluation.findings.submit')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

function MeasureForm({
  finding,
  organisations,
  analysis,
  outcome,
}: {
  finding: FindingRow
  organisations: Org[]
  analysis: { id: string; title: string }
  outcome: Invalid | undefined
}) {
  const t = useT()
  const mine = outcome?.form === 'measure' && outcome.target === finding.id ? outcome : undefined
  return (
    <details className="evaluation-measure" open={mine !== undefined}>
      <summary>{t('eventEvaluation.measure.open')}</summary>
      <Form method="post" noValidate>
        <p>{t('eventEvaluation.measure.intro', { analysis: analysis.title })}</p>
        {mine ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
        <input type="hidden" name="intent" value="measure" />
        <input type="hidden" name="findingId" value={finding.id} />
        <Field label={t('eventEvaluation.measure.title')} name="title" error={mine?.errors.title}>
          {(props) => <input {...props} type="text" defaultValue={mine?.values.title ?? finding.text.slice(0, 200)} />}
        </Field>
        <OptionSelect
          label={t('eventEvaluation.measure.owner')}
          name="ownerOrganisationId"
          options={organisations}
          placeholder={t('eventEvaluation.choose')}
          defaultValue={mine?.values.ownerOrganisationId ?? ''}
          error={mine?.errors.ownerOrganisationId}
        />
        <Field label={t('eventEvaluation.measure.due')} name="dueDate" error={mine?.errors.dueDate}>
          {(props) => <input {...props} type="date" defaultValue={mine?.values.dueDate ?? ''} />}
        </Field>
        <button type="submit" className="button">
          {t('eventEvaluation.measure.submit')}
        </button>
      </Form>
    </details>
  )
}

export function SummaryForm({
  worked,
  improve,
  version,
  outcome,
}: {
  worked: string
  improve: string
  version: number
  outcome: Invalid | undefined
}) {
  const t = useT()
  const mine = outcome?.form === 'summary' ? outcome : undefined
  return (
    <Form method="post" noValidate className="evaluation-form" key={`summary-${version}`}>
      {mine ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
      <input type="hidden" name="intent" value="summary" />
      <input type="hidden" name="version" value={version} />
      <Field label={t('eventEvaluation.summary.worked')} name="worked" error={mine?.errors.worked}>
        {(props) => <textarea {...props} rows={4} defaultValue={mine?.values.worked ?? worked} />}
      </Field>
      <Field label={t('eventEvaluation.summary.improve')} name="improve" error={mine?.errors.improve}>
        {(props) => <textarea {...props} rows={4} defaultValue={mine?.values.improve ?? improve} />}
      </Field>
      <button type="submit" className="button">
        {t('eventEvaluation.summary.submit')}
      </button>
    </Form>
  )
}

export function EvaluationMessage({ outcome }: { outcome: EvaluationOutcome | undefined }) {
  const t = useT()
  if (!outcome || outcome.kind === 'invalid') return null
  if (outcome.kind === 'saved')
    return <FormMessage kind="success">{t(`eventEvaluation.saved.${outcome.what}`)}</FormMessage>
  return <FormMessage kind="error">{t(`eventEvaluation.refused.${outcome.error}`)}</FormMessage>
}
