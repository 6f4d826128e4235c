import { Form, Link } from '@remix-run/react'
import { CodeOptions, Field, FieldGroup, FormMessage } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { useT } from '~/i18n/i18n'
import {
  offeredMeetingKinds,
  type MeetingFormErrors,
  type MeetingFormValues,
  type MeetingPickers,
} from '~/modules/meetings/meeting-form'
import type { MeetingFormOptions } from '~/modules/meetings/meeting-options.server'

/** The form for convening a meeting and for changing one; after a conflict `current` holds what is saved now. */
export function MeetingForm({
  values,
  errors,
  options,
  pickers,
  submitLabel,
  cancelTo,
  current,
  submissionKey,
}: {
  values: MeetingFormValues
  errors: MeetingFormErrors
  options: MeetingFormOptions
  /** The invited organisations and people, chosen in the picker. */
  pickers: MeetingPickers
  submitLabel: string
  cancelTo: string
  current?: MeetingFormValues
  /** A new meeting's one-time key: a second post of the form creates no second meeting. */
  submissionKey?: string
}) {
  const t = useT()
  const invalid = Object.keys(errors).some((key) => key !== '_form')
  const changed = (field: keyof MeetingFormValues) => {
    if (!current) return undefined
    const stored = current[field]
    const typed = values[field]
    const same = Array.isArray(stored)
      ? JSON.stringify([...stored].sort()) === JSON.stringify([...(typed as string[])].sort())
      : stored === typed
    return same ? undefined : Array.isArray(stored) ? String(stored.length) : stored
  }
  const text = (name: 'title' | 'theme' | 'place' | 'videoLink', label: string, hint?: string, type = 'text') => (
    <Field label={label} name={name} error={errors[name]} hint={hint} current={changed(name)}>
      {(props) => (
        <input
          {...props}
          type={type}
          defaultValue={values[name]}
          required={name === 'title'}
          autoComplete="off"
          inputMode={type === 'url' ? 'url' : undefined}
        />
      )}
    </Field>
  )
  return (
    <>
      {current ? <FormMessage kind="error">{t('meeting.conflict')}</FormMessage> : null}
      {invalid ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
      {errors._form ? <FormMessage kind="error">{t(errors._form as 'meeting.error.version')}</FormMessage> : null}
      <Form method="post" className="stack" noValidate key={JSON.stringify(values)}>
        <input type="hidden" name="version" value={values.version} />
        {submissionKey ? <SubmissionKeyField value={submissionKey} /> : null}
        <Field label={t('meeting.kind')} name="kind" error={errors.kind} current={changed('kind')}>
          {(props) => (
            <select {...props} defaultValue={values.kind}>
              <CodeOptions codes={offeredMeetingKinds(current?.kind ?? values.kind)} prefix="meeting.kind" />
            </select>
          )}
        </Field>
        {text('title', t('meeting.field.title'))}
        {text('theme', t('meeting.field.theme'))}
        <Field
          label={t('meeting.field.description')}
          name="description"
          error={errors.description}
          current={changed('description')}
        >
          {(props) => <textarea {...props} rows={4} defaultValue={values.description} />}
        </Field>
        <Field
          label={t('meeting.field.agenda')}
          name="agenda"
          error={errors.agenda}
          hint={t('meeting.field.agendaHint')}
          current={changed('agenda')}
        >
          {(props) => <textarea {...props} rows={6} defaultValue={values.agenda} />}
        </Field>
        <div className="field-row">
          <Field label={t('meeting.field.date')} name="date" error={errors.date} current={changed('date')}>
            {(props) => <input {...props} type="date" required defaultValue={values.date} />}
          </Field>
          <Field
            label={t('meeting.field.startTime')}
            name="startTime"
            error={errors.startTime}
            hint={t('meeting.field.timeHint')}
            current={changed('startTime')}
          >
            {(props) => <input {...props} type="time" required defaultValue={values.startTime} />}
          </Field>
          <Field
            label={t('meeting.field.endTime')}
            name="endTime"
            error={errors.endTime}
            hint={t('meeting.field.timeHint')}
            current={changed('endTime')}
          >
            {(props) => <input {...props} type="time" required defaultValue={values.endTime} />}
          </Field>
          <Field
            label={t('meeting.field.endDate')}
            name="endDate"
            error={errors.endDate}
            hint={t('meeting.field.endDateHint')}
            current={changed('endDate')}
          >
            {(props) => <input {...props} type="date" defaultValue={values.endDate} />}
          </Field>
        </div>
        {text('place', t('meeting.field.place'))}
        {text('videoLink', t('meeting.field.videoLink'), t('meeting.field.videoLinkHint'), 'url')}
        <FieldGroup
          legend={t('meeting.field.invite')}
          className="stack fieldset"
          hint={t('meeting.field.inviteHint')}
          error={errors.organisations}
        >
          <Field
            label={t('meeting.field.network')}
            name="networkId"
            error={errors.networkId}
            current={changed('networkId')}
          >
            {(props) => (
              <select {...props} defaultValue={values.networkId}>
                <option value="">{t('meeting.field.noNetwork')}</option>
                {options.networks.map((network) => (
                  <option key={network.id} value={network.id}>
                    {network.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ItemPicker
            state={pickers.organisations}
            label={t('meeting.field.organisations')}
            networks={options.networks}
            current={changed('organisations')}
          />
          <ItemPicker state={pickers.people} label={t('meeting.field.people')} error={errors.people} />
        </FieldGroup>
        {options.scenarios.length > 0 ? (
          <Field
            label={t('meeting.field.scenario')}
            name="scenarioId"
            error={errors.scenarioId}
            hint={t('meeting.field.scenarioHint')}
            current={changed('scenarioId')}
          >
            {(props) => (
              <select {...props} defaultValue={values.scenarioId}>
                <option value="">{t('meeting.field.noScenario')}</option>
                {options.scenarios.map((scenario) => (
                  <option key={scenario.id} value={scenario.id}>
                    {scenario.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" name="intent" value="save">
            {submitLabel}
          </button>
          <Link to={cancelTo}>{t('common.cancel')}</Link>
        </div>
      </Form>
    </>
  )
}
