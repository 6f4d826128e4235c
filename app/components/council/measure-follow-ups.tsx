import { Form } from '@remix-run/react'
import { Field, FieldGroup, FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { councilFollowUpAssessments, type CouncilFollowUpAssessment } from '~/db/enums'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'

export interface FollowUpRow {
  id: string
  followedUpOn: string
  assessment: CouncilFollowUpAssessment
  note: string
  recordedByName: string | null
}

/** A measure's follow-ups and evaluations, newest first. */
export function FollowUpList({ followUps }: { followUps: FollowUpRow[] }) {
  const t = useT()
  const locale = useLocale()
  if (followUps.length === 0) return <p>{t('councilMeasures.noFollowUps')}</p>
  return (
    <ul className="report-list">
      {followUps.map((followUp) => (
        <li key={followUp.id}>
          <h3>{t(`councilMeasures.assessment.${followUp.assessment}`)}</h3>
          <p className="muted">
            {t('councilMeasures.followUpBy', {
              date: formatDate(locale, followUp.followedUpOn),
              name: followUp.recordedByName ?? '–',
            })}
          </p>
          {followUp.note ? <p className="prewrap">{followUp.note}</p> : null}
        </li>
      ))}
    </ul>
  )
}

/** Records a follow-up: the day, how it went, and a note. */
export function FollowUpForm({
  submissionKey,
  today,
  values,
  errors,
}: {
  /** The form's one-time key: a second post of it records no second follow-up. */
  submissionKey: string
  today: string
  values: Record<string, string>
  errors: Record<string, string>
}) {
  const t = useT()
  const failed = Object.keys(errors).length > 0
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value="followUp" />
      <SubmissionKeyField value={submissionKey} />
      <h3>{t('councilMeasures.recordFollowUp')}</h3>
      {failed ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
      <Field label={t('councilMeasures.followUpDate')} name="followedUpOn" error={errors.followedUpOn}>
        {(props) => <input {...props} type="date" required max={today} defaultValue={values.followedUpOn ?? today} />}
      </Field>
      <FieldGroup legend={t('councilMeasures.assessmentLabel')} className="choices" error={errors.assessment}>
        {councilFollowUpAssessments.map((assessment) => (
          <label key={assessment} className="choice">
            <input
              type="radio"
              name="assessment"
              value={assessment}
              defaultChecked={values.assessment === assessment}
            />
            <span>{t(`councilMeasures.assessment.${assessment}`)}</span>
          </label>
        ))}
      </FieldGroup>
      <Field label={t('councilMeasures.note')} name="note" hint={t('councilMeasures.noteHint')} error={errors.note}>
        {(props) => <textarea {...props} rows={4} defaultValue={values.note ?? ''} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button">
          {t('councilMeasures.recordSubmit')}
        </button>
      </div>
    </Form>
  )
}
