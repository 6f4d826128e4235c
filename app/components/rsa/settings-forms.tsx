import { Form } from '@remix-run/react'
import { CheckboxField, Field, FieldGroup, FormMessage } from '~/components/forms/field'
import { translateMessage, useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import type { ProtectedValue, ScaleStep } from '~/db/schema/rsa'
import { scaleNames, type ScaleName } from '~/modules/rsa/rsa-forms'
import type { PickerNetwork } from '~/components/forms/organisation-picker'
import type { PickerState } from '~/modules/organisations/picker'
import { ParticipantFields } from './participant-fields'

type Errors = Record<string, string>

const scaleLegend: Record<ScaleName, MessageKey> = {
  likelihood: 'rsa.scale.likelihood',
  consequence: 'rsa.scale.consequence',
  capability: 'rsa.scale.capability',
}

/** Title, period, each scale's steps and the protected values' names, saved together under the analysis's version. */
export function SettingsForm({
  values,
  errors,
  scales,
  protectedValues,
}: {
  values: Record<string, string>
  errors: Errors
  scales: Record<ScaleName, ScaleStep[]>
  protectedValues: ProtectedValue[]
}) {
  const t = useT()
  return (
    <Form method="post" className="stack rsa-settings" noValidate>
      <input type="hidden" name="intent" value="settings" />
      <input type="hidden" name="version" value={values.version ?? ''} />
      {errors._form ? <FormMessage kind="error">{translateMessage(t, errors._form)}</FormMessage> : null}
      {Object.keys(errors).length > 0 && !errors._form ? (
        <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
      ) : null}
      <Field label={t('rsa.analysisTitle')} name="title" error={errors.title}>
        {(props) => <input {...props} type="text" required defaultValue={values.title ?? ''} />}
      </Field>
      <div className="field-row">
        <Field label={t('rsa.periodStart')} name="periodStart" error={errors.periodStart}>
          {(props) => (
            <input {...props} type="text" inputMode="numeric" required defaultValue={values.periodStart ?? ''} />
          )}
        </Field>
        <Field label={t('rsa.periodEnd')} name="periodEnd" error={errors.periodEnd}>
          {(props) => (
            <input {...props} type="text" inputMode="numeric" required defaultValue={values.periodEnd ?? ''} />
          )}
        </Field>
      </div>
      {scaleNames.map((name) => (
        <FieldGroup key={name} legend={t(scaleLegend[name])} className="choices rsa-scale">
          {scales[name].map((_, index) => (
            <div className="rsa-scale__step" key={index}>
              <Field
                label={t('rsa.stepLabel', { step: index + 1 })}
                name={`${name}.${index}.label`}
                error={errors[`${name}.${index}.label`]}
              >
                {(props) => (
                  <input {...props} type="text" required defaultValue={values[`${name}.${index}.label`] ?? ''} />
                )}
              </Field>
              <Field
                label={t('rsa.stepDescription', { step: index + 1 })}
                name={`${name}.${index}.description`}
                error={errors[`${name}.${index}.description`]}
              >
                {(props) => (
                  <textarea {...props} rows={2} defaultValue={values[`${name}.${index}.description`] ?? ''} />
                )}
              </Field>
            </div>
          ))}
        </FieldGroup>
      ))}
      <FieldGroup legend={t('rsa.protectedValues')} className="choices rsa-scale" hint={t('rsa.protectedValuesHint')}>
        {protectedValues.map((value, index) => (
          <div key={value.key} className="rsa-scale__step">
            <Field
              label={t('rsa.protectedValueN', { n: index + 1 })}
              name={`pv.${value.key}`}
              error={errors[`pv.${value.key}`]}
            >
              {(props) => <input {...props} type="text" required defaultValue={values[`pv.${value.key}`] ?? ''} />}
            </Field>
            <CheckboxField
              label={t('rsa.removeProtectedValue', { label: value.label })}
              name={`pv.${value.key}.remove`}
              checked={values[`pv.${value.key}.remove`] === 'on'}
            />
          </div>
        ))}
        <Field
          label={t('rsa.newProtectedValue')}
          name="pv.new"
          hint={t('rsa.newProtectedValueHint')}
          error={errors['pv.new']}
        >
          {(props) => <input {...props} type="text" defaultValue={values['pv.new'] ?? ''} />}
        </Field>
      </FieldGroup>
      <div className="actions">
        <button type="submit" className="button">
          {t('rsa.saveSettings')}
        </button>
      </div>
    </Form>
  )
}

export interface EditableEvent {
  id: string
  title: string
  description: string
  version: number
}

/** The events to assess: each one renamed, moved or removed on its own, and a new one added at the end. */
export function EventsEditor({
  events,
  failed,
}: {
  events: EditableEvent[]
  /** The form that failed, its input and its errors. */
  failed: { form: string; values: Record<string, string>; errors: Errors } | null
}) {
  const t = useT()
  const adding = failed?.form === 'addEvent' ? failed : null
  return (
    <>
      <ol className="rsa-events">
        {events.map((event, index) => {
          const own = failed?.form === `event:${event.id}` ? failed : null
          const values = own?.values ?? {
            title: event.title,
            description: event.description,
            version: String(event.version),
          }
          const errors = own?.errors ?? {}
          return (
            <li key={`${event.id}:${event.version}`} className="rsa-event">
              <Form method="post" className="rsa-event__form" noValidate>
                <input type="hidden" name="eventId" value={event.id} />
                <input type="hidden" name="version" value={values.version ?? String(event.version)} />
                {errors._form ? <FormMessage kind="error">{translateMessage(t, errors._form)}</FormMessage> : null}
                <FieldGroup legend={t('rsa.eventN', { n: index + 1, title: event.title })} className="choices">
                  <Field label={t('rsa.eventTitle')} name="title" error={errors.title}>
                    {(props) => <input {...props} type="text" required defaultValue={values.title ?? ''} />}
                  </Field>
                  <Field label={t('rsa.eventDescription')} name="description" error={errors.description}>
                    {(props) => <textarea {...props} rows={2} defaultValue={values.description ?? ''} />}
                  </Field>
                  <div className="actions">
                    <button type="submit" className="button button--small" name="intent" value="renameEvent">
                      {t('common.save')}
                      <span className="visually-hidden"> {event.title}</span>
                    </button>
                    <button
                      type="submit"
                      className="button button--secondary button--small"
                      name="intent"
                      value="moveUp"
                      disabled={index === 0}
                    >
                      {t('rsa.moveUp')}
                      <span className="visually-hidden"> {event.title}</span>
                    </button>
                    <button
                      type="submit"
                      className="button button--secondary button--small"
                      name="intent"
                      value="moveDown"
                      disabled={index === events.length - 1}
                    >
                      {t('rsa.moveDown')}
                      <span className="visually-hidden"> {event.title}</span>
                    </button>
                    <button
                      type="submit"
                      className="button button--danger button--small"
                      name="intent"
                      value="removeEvent"
                    >
                      {t('rsa.removeEvent')}
                      <span className="visually-hidden"> {event.title}</span>
                    </button>
                  </div>
                </FieldGroup>
              </Form>
            </li>
          )
        })}
      </ol>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="addEvent" />
        <h3>{t('rsa.addEvent')}</h3>
        <Field label={t('rsa.eventTitle')} name="title" error={adding?.errors.title}>
          {(props) => <input {...props} type="text" required defaultValue={adding?.values.title ?? ''} />}
        </Field>
        <Field label={t('rsa.eventDescription')} name="description" error={adding?.errors.description}>
          {(props) => <textarea {...props} rows={2} defaultValue={adding?.values.description ?? ''} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            {t('rsa.addEventSubmit')}
          </button>
        </div>
      </Form>
    </>
  )
}

export function ParticipantsForm({
  state,
  networks,
  version,
  error,
}: {
  state: PickerState
  networks: readonly PickerNetwork[]
  version: number
  error?: string
}) {
  const t = useT()
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value="participants" />
      <input type="hidden" name="version" value={version} />
      {error ? <FormMessage kind="error">{translateMessage(t, error)}</FormMessage> : null}
      <ParticipantFields state={state} networks={networks} />
      <div className="actions">
        <button type="submit" className="button">
          {t('rsa.saveParticipants')}
        </button>
      </div>
    </Form>
  )
}
