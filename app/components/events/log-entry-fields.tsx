import { useState } from 'react'
import { CodeOptions, Field, FieldGroup } from '~/components/forms/field'
import { OptionSelect, type Option } from '~/components/forms/option-select'
import { useHydrated } from '~/components/ui/client-only'
import { writtenEventLogKinds, type WrittenEventLogKind } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import { LOG_TEXT_MAX } from '~/modules/events/event-log-form'

type Values = Record<string, string | undefined>

/**
 * The fields of a log entry. A new entry picks its kind; without JavaScript
 * every kind's fields are shown under their own legend (the server reads
 * those of the chosen kind), with it only the chosen kind's. A correction
 * has its kind fixed and shows only its fields.
 */
export function LogEntryFields({
  values,
  errors,
  owners,
  fixedKind,
}: {
  values: Values
  errors: Record<string, string>
  /** The organisations taking part: who a task can be given to. */
  owners: readonly Option[]
  fixedKind?: WrittenEventLogKind
}) {
  const t = useT()
  const hydrated = useHydrated()
  const [chosen, setChosen] = useState(values.kind ?? 'observation')
  const kind = fixedKind ?? chosen
  const show = (kinds: readonly string[]) => (fixedKind ? kinds.includes(fixedKind) : !hydrated || kinds.includes(kind))
  return (
    <>
      {fixedKind ? (
        <input type="hidden" name="kind" value={fixedKind} />
      ) : (
        <Field label={t('eventLog.field.kind')} name="kind" error={errors.kind}>
          {(props) => (
            <select {...props} defaultValue={values.kind ?? 'observation'} onChange={(e) => setChosen(e.target.value)}>
              <CodeOptions codes={writtenEventLogKinds} prefix="event.logKind" />
            </select>
          )}
        </Field>
      )}
      <Field
        label={t('eventLog.field.text')}
        name="text"
        error={errors.text}
        hint={t('eventLog.field.textHint', { max: LOG_TEXT_MAX })}
      >
        {(props) => <textarea {...props} rows={4} maxLength={LOG_TEXT_MAX} required defaultValue={values.text ?? ''} />}
      </Field>
      {!fixedKind && !hydrated ? <p className="field__hint">{t('eventLog.groupHint')}</p> : null}
      {show(['decision']) ? (
        <FieldGroup legend={t('eventLog.group.decision')} className="event-log-form__group">
          <Field
            label={t('eventLog.field.decidedBy')}
            name="decidedBy"
            error={errors.decidedBy}
            hint={t('eventLog.field.decidedByHint')}
          >
            {(props) => <input {...props} defaultValue={values.decidedBy ?? ''} maxLength={200} />}
          </Field>
          <Field
            label={t('eventLog.field.mandate')}
            name="mandate"
            error={errors.mandate}
            hint={t('eventLog.field.mandateHint')}
          >
            {(props) => <input {...props} defaultValue={values.mandate ?? ''} maxLength={300} />}
          </Field>
        </FieldGroup>
      ) : null}
      {show(['task']) ? (
        <FieldGroup legend={t('eventLog.group.task')} className="event-log-form__group">
          <OptionSelect
            label={t('eventLog.field.taskOrganisation')}
            name="taskOrganisationId"
            options={owners}
            placeholder={t('eventLog.chooseOrganisation')}
            defaultValue={values.taskOrganisationId ?? ''}
            error={errors.taskOrganisationId}
          />
          <Field label={t('eventLog.field.due')} name="due" error={errors.due} hint={t('eventLog.field.dueHint')}>
            {(props) => <input {...props} type="datetime-local" defaultValue={values.due ?? ''} />}
          </Field>
        </FieldGroup>
      ) : null}
      {show(['message_in', 'message_out']) ? (
        <FieldGroup legend={t('eventLog.group.message')} className="event-log-form__group">
          <Field
            label={t('eventLog.field.counterpart')}
            name="counterpart"
            error={errors.counterpart}
            hint={t('eventLog.field.counterpartHint')}
          >
            {(props) => <input {...props} defaultValue={values.counterpart ?? ''} maxLength={200} />}
          </Field>
        </FieldGroup>
      ) : null}
    </>
  )
}

/** Who the user writes for: a choice when they may write for several organisations, else a hidden field. */
export function WritingOrganisationField({
  organisations,
  defaultValue,
}: {
  organisations: readonly Option[]
  defaultValue: string
}) {
  const t = useT()
  if (organisations.length <= 1) return <input type="hidden" name="organisationId" value={defaultValue} />
  return (
    <OptionSelect
      label={t('eventLog.field.organisation')}
      name="organisationId"
      options={organisations}
      defaultValue={defaultValue}
    />
  )
}
