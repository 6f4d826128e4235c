import { Form, Link } from '@remix-run/react'
import { CodeOptions, Field, FormMessage } from '~/components/forms/field'
import type { Option } from '~/components/forms/option-select'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { eventTaskStates } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import type { LogActionResult } from '~/modules/events/event-log-actions.server'
import { correctionKind } from '~/modules/events/event-log-form'
import type { LogEntryView } from '~/modules/events/event-log.server'
import { LogEntryFields, WritingOrganisationField } from './log-entry-fields'
import { useFormGeneration } from './use-form-generation'

export interface Writing {
  organisations: Option[]
  defaultOrganisationId: string
  owners: Option[]
}

interface FormProps {
  writing: Writing
  submissionKey: string
  /** The action's answer, when it was for this form. */
  result: LogActionResult | undefined
}

function Notice({ result }: { result: LogActionResult | undefined }) {
  const t = useT()
  if (!result) return null
  return <FormMessage kind="error">{t(result.notice ?? 'validation.formInvalid')}</FormMessage>
}

/** A new entry: observation, decision, task or message. */
export function NewEntryForm({ writing, submissionKey, result }: FormProps) {
  const t = useT()
  const generation = useFormGeneration('write', result !== undefined)
  return (
    <section aria-labelledby="log-add" className="event-log-form">
      <h3 id="log-add">{t('eventLog.add')}</h3>
      <Notice result={result} />
      <Form method="post" className="stack" noValidate key={generation}>
        <SubmissionKeyField value={submissionKey} />
        <WritingOrganisationField
          organisations={writing.organisations}
          defaultValue={result?.values.organisationId ?? writing.defaultOrganisationId}
        />
        <LogEntryFields values={result?.values ?? {}} errors={result?.errors ?? {}} owners={writing.owners} />
        <div className="actions">
          <button type="submit" className="button" name="intent" value="write">
            {t('eventLog.addSubmit')}
          </button>
        </div>
      </Form>
    </section>
  )
}

/** A correction of one entry: a new entry of its kind (an observation for what the portal wrote), pre-filled. */
export function CorrectionForm({
  entry,
  values,
  writing,
  submissionKey,
  result,
  cancelTo,
}: FormProps & { entry: LogEntryView; values: Record<string, string>; cancelTo: string }) {
  const t = useT()
  const kind = correctionKind({ kind: entry.kind, stateChange: entry.refersTo !== null })
  return (
    <div className="event-log-form event-log-form--correction">
      <h5 id={`correct-${entry.id}`}>{t('eventLog.correctHeading', { number: entry.number })}</h5>
      <p>
        {t('eventLog.correctIntro', { number: entry.number })}{' '}
        {kind === entry.kind ? null : t('eventLog.correctAutomatic')}
      </p>
      <Notice result={result} />
      <Form method="post" className="stack" noValidate aria-labelledby={`correct-${entry.id}`}>
        <SubmissionKeyField value={submissionKey} />
        <input type="hidden" name="entryId" value={entry.id} />
        <WritingOrganisationField
          organisations={writing.organisations}
          defaultValue={result?.values.organisationId ?? writing.defaultOrganisationId}
        />
        <LogEntryFields
          values={result?.values ?? values}
          errors={result?.errors ?? {}}
          owners={writing.owners}
          fixedKind={kind}
        />
        <div className="actions">
          <button type="submit" className="button" name="intent" value="correct">
            {t('eventLog.correctSubmit')}
          </button>
          <Link to={cancelTo} preventScrollReset>
            {t('common.cancel')}
          </Link>
        </div>
      </Form>
    </div>
  )
}

/** A task's new state, with a short note. */
export function TaskStateForm({ entry, writing, submissionKey, result }: FormProps & { entry: LogEntryView }) {
  const t = useT()
  if (!entry.task) return null
  return (
    <Form method="post" className="event-log__state" aria-label={t('eventLog.changeStateOf', { number: entry.number })}>
      <Notice result={result} />
      <SubmissionKeyField value={submissionKey} />
      <input type="hidden" name="taskId" value={entry.id} />
      <input type="hidden" name="organisationId" value={writing.defaultOrganisationId} />
      <Field label={t('eventLog.field.state')} name="state" error={result?.errors.state}>
        {(props) => (
          <select {...props} defaultValue={result?.values.state ?? entry.task!.state}>
            <CodeOptions codes={eventTaskStates} prefix="event.taskState" />
          </select>
        )}
      </Field>
      <Field label={t('eventLog.field.stateNote')} name="text" error={result?.errors.text}>
        {(props) => <input {...props} maxLength={500} defaultValue={result?.values.text ?? ''} />}
      </Field>
      <button type="submit" className="button button--secondary" name="intent" value="taskState">
        {t('eventLog.changeState')}
      </button>
    </Form>
  )
}
