import { useId, useState } from 'react'
import { Field } from '~/components/forms/field'
import { availabilities, contactChannels, contactFunctions, visibilities } from '~/db/enums'
import { translateMessage, useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import { CONTACT_VALUE_MAX, type ContactRouteValues } from '~/modules/registry/contact-route-values'

const inputModes: Record<string, 'tel' | 'email' | 'text'> = {
  phone: 'tel',
  mobile: 'tel',
  satellite_phone: 'tel',
  email: 'email',
}

/** The fields of a contact route, shared by the new and edit forms. */
export function ContactRouteFields({
  values,
  errors,
  current,
}: {
  values: ContactRouteValues
  errors: Record<string, string>
  /** After a conflict: the values someone else saved meanwhile. */
  current?: ContactRouteValues
}) {
  const t = useT()
  const visibilityId = useId()
  const [channel, setChannel] = useState(values.channel)
  const label = (prefix: string, value: string) => t(`${prefix}.${value}` as MessageKey)
  const now = (field: keyof ContactRouteValues, shown?: (value: string) => string) =>
    current && current[field] !== values[field] ? (
      <p className="field__current">
        {t('organisations.currentValue', { value: (shown ? shown(current[field]) : current[field]) || '–' })}
      </p>
    ) : null
  const visibilityError = errors.visibility ? `${visibilityId}-error` : undefined
  return (
    <>
      <Field label={t('contacts.field.function')} name="function" error={errors.function}>
        {(props) => (
          <select {...props} defaultValue={values.function}>
            {contactFunctions.map((value) => (
              <option key={value} value={value}>
                {label('contactFunction', value)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {now('function', (value) => label('contactFunction', value))}
      <Field label={t('contacts.field.channel')} name="channel" error={errors.channel}>
        {(props) => (
          <select {...props} defaultValue={values.channel} onChange={(event) => setChannel(event.target.value)}>
            {contactChannels.map((value) => (
              <option key={value} value={value}>
                {label('contactChannel', value)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {now('channel', (value) => label('contactChannel', value))}
      <Field label={t('contacts.field.value')} name="value" error={errors.value} hint={t('contacts.field.valueHint')}>
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode={inputModes[channel] ?? 'text'}
            defaultValue={values.value}
            required
            maxLength={CONTACT_VALUE_MAX}
            autoComplete="off"
          />
        )}
      </Field>
      {now('value')}
      <Field label={t('contacts.field.label')} name="label" error={errors.label} hint={t('contacts.field.labelHint')}>
        {(props) => <input {...props} type="text" defaultValue={values.label} maxLength={CONTACT_VALUE_MAX} />}
      </Field>
      {now('label')}
      <Field label={t('contacts.field.availability')} name="availability" error={errors.availability}>
        {(props) => (
          <select {...props} defaultValue={values.availability}>
            {availabilities.map((value) => (
              <option key={value} value={value}>
                {label('availability', value)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {now('availability', (value) => label('availability', value))}
      <Field
        label={t('contacts.field.callOrder')}
        name="callOrder"
        error={errors.callOrder}
        hint={t('contacts.field.callOrderHint')}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="numeric"
            defaultValue={values.callOrder}
            required
            className="input--short"
          />
        )}
      </Field>
      {now('callOrder')}
      <fieldset
        className={errors.visibility ? 'choices field--error' : 'choices'}
        aria-describedby={[`${visibilityId}-hint`, visibilityError].filter(Boolean).join(' ')}
      >
        <legend>{t('contacts.field.visibility')}</legend>
        <p className="field__hint" id={`${visibilityId}-hint`}>
          {t('contacts.field.visibilityHint')}
        </p>
        {errors.visibility ? (
          <p className="field__error" id={visibilityError}>
            {translateMessage(t, errors.visibility)}
          </p>
        ) : null}
        {visibilities.map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="visibility" value={value} defaultChecked={values.visibility === value} />
            {label('visibility', value)}
          </label>
        ))}
      </fieldset>
      {now('visibility', (value) => label('visibility', value))}
    </>
  )
}
