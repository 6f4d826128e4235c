import { useState } from 'react'
import { CodeOptions, Field, FieldGroup, NumberField } from '~/components/forms/field'
import { availabilities, contactChannels, contactFunctions, visibilities } from '~/db/enums'
import { labelOf, useT } from '~/i18n/i18n'
import { conflictingValues } from '~/modules/forms/conflict'
import { CONTACT_VALUE_MAX, type ContactRouteValues } from '~/modules/contacts/contact-route-values'

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
  const [channel, setChannel] = useState(values.channel)
  const changed = conflictingValues(values, current)
  const labelsOf = (prefix: string) => (value: string) => labelOf(t, prefix, value)
  return (
    <>
      <Field
        label={t('contacts.field.function')}
        name="function"
        error={errors.function}
        current={changed('function', labelsOf('contactFunction'))}
      >
        {(props) => (
          <select {...props} defaultValue={values.function}>
            <CodeOptions codes={contactFunctions} prefix="contactFunction" />
          </select>
        )}
      </Field>
      <Field
        label={t('contacts.field.channel')}
        name="channel"
        error={errors.channel}
        current={changed('channel', labelsOf('contactChannel'))}
      >
        {(props) => (
          <select {...props} defaultValue={values.channel} onChange={(event) => setChannel(event.target.value)}>
            <CodeOptions codes={contactChannels} prefix="contactChannel" />
          </select>
        )}
      </Field>
      <Field
        label={t('contacts.field.value')}
        name="value"
        error={errors.value}
        hint={t('contacts.field.valueHint')}
        current={changed('value')}
      >
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
      <Field
        label={t('contacts.field.label')}
        name="label"
        error={errors.label}
        hint={t('contacts.field.labelHint')}
        current={changed('label')}
      >
        {(props) => <input {...props} type="text" defaultValue={values.label} maxLength={CONTACT_VALUE_MAX} />}
      </Field>
      <Field
        label={t('contacts.field.availability')}
        name="availability"
        error={errors.availability}
        current={changed('availability', labelsOf('availability'))}
      >
        {(props) => (
          <select {...props} defaultValue={values.availability}>
            <CodeOptions codes={availabilities} prefix="availability" />
          </select>
        )}
      </Field>
      <NumberField
        label={t('contacts.field.callOrder')}
        name="callOrder"
        hint={t('contacts.field.callOrderHint')}
        error={errors.callOrder}
        current={changed('callOrder')}
        defaultValue={values.callOrder}
        whole
        required
        className="input--short"
      />
      <FieldGroup
        legend={t('contacts.field.visibility')}
        className="choices"
        hint={t('contacts.field.visibilityHint')}
        error={errors.visibility}
        current={changed('visibility', labelsOf('visibility'))}
      >
        {visibilities.map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="visibility" value={value} defaultChecked={values.visibility === value} />
            {labelsOf('visibility')(value)}
          </label>
        ))}
      </FieldGroup>
    </>
  )
}
