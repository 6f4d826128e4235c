import { Form, Link } from '@remix-run/react'
import { CodeOptions, Field, FieldGroup, FormMessage } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import type { Tiles } from '~/components/scenarios/area-field'
import { ScopeFields, scopePickerStates } from '~/components/scenarios/scope-fields'
import { eventKinds, eventLevels, resources } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import {
  areaFieldName,
  type EventFormErrors,
  type EventFormValues,
  type EventPickers,
} from '~/modules/events/event-form'
import type { EventFormOptions } from '~/modules/events/event-options.server'

/** The network whose members all take part. */
export function NetworkSelect({
  label,
  value,
  error,
  networks,
}: {
  label: string
  value: string
  error?: string
  networks: { id: string; name: string }[]
}) {
  const t = useT()
  return (
    <Field label={label} name="networkId" error={error}>
      {(props) => (
        <select {...props} defaultValue={value}>
          <option value="">{t('eventRoom.form.noNetwork')}</option>
          {networks.map((network) => (
            <option key={network.id} value={network.id}>
              {network.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/** Declaring an event: what, how serious, since when, where, and who takes part. */
export function DeclareEventForm({
  values,
  errors,
  options,
  pickers,
  tiles,
  submissionKey,
}: {
  values: EventFormValues
  errors: EventFormErrors
  options: EventFormOptions
  pickers: EventPickers
  tiles: Tiles
  submissionKey: string
}) {
  const t = useT()
  const invalid = Object.keys(errors).length > 0
  const lost = new Set(values.lostResources)
  return (
    <>
      {invalid ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
      <Form method="post" className="stack" noValidate key={JSON.stringify(values)}>
        <SubmissionKeyField value={submissionKey} />
        <Field label={t('eventRoom.form.title')} name="title" hint={t('eventRoom.form.titleHint')} error={errors.title}>
          {(props) => (
            <input {...props} type="text" required maxLength={200} autoComplete="off" defaultValue={values.title} />
          )}
        </Field>
        <FieldGroup
          legend={t('eventRoom.form.kind')}
          hint={t('eventRoom.form.kindHint')}
          error={errors.kind}
          className="registry-fieldset registry-fieldset--plain"
        >
          {eventKinds.map((kind) => (
            <label key={kind} className="registry-choice">
              <input type="radio" name="kind" value={kind} defaultChecked={values.kind === kind} />{' '}
              {t(`event.kind.${kind}`)}
            </label>
          ))}
        </FieldGroup>
        <Field label={t('eventRoom.form.level')} name="level" hint={t('eventRoom.form.levelHint')} error={errors.level}>
          {(props) => (
            <select {...props} defaultValue={values.level}>
              <CodeOptions codes={eventLevels} prefix="event.level" />
            </select>
          )}
        </Field>
        <div className="field-row">
          <Field label={t('eventRoom.form.date')} name="date" error={errors.date}>
            {(props) => <input {...props} type="date" required defaultValue={values.date} />}
          </Field>
          <Field label={t('eventRoom.form.time')} name="time" hint={t('eventRoom.form.timeHint')} error={errors.time}>
            {(props) => <input {...props} type="time" required defaultValue={values.time} />}
          </Field>
        </div>
        <Field label={t('eventRoom.form.description')} name="description" error={errors.description}>
          {(props) => <textarea {...props} rows={4} defaultValue={values.description} />}
        </Field>
        <FieldGroup
          legend={t('eventRoom.form.lostResources')}
          hint={t('eventRoom.form.lostResourcesHint')}
          error={errors.lostResources}
          className="registry-fieldset registry-fieldset--plain"
        >
          {resources.map((resource) => (
            <label key={resource} className="registry-choice">
              <input type="checkbox" name="lostResources" value={resource} defaultChecked={lost.has(resource)} />
              {t(`resource.${resource}`)}
            </label>
          ))}
        </FieldGroup>
        <fieldset className="registry-fieldset">
          <legend>{t('eventRoom.form.area')}</legend>
          <ScopeFields
            name={areaFieldName}
            values={values.area}
            errors={errors}
            pickers={scopePickerStates(areaFieldName, pickers)}
            tiles={tiles}
            legend={t('scenario.where')}
          />
        </fieldset>
        <fieldset className="registry-fieldset">
          <legend>{t('eventRoom.form.takingPart')}</legend>
          <p className="field__hint">{t('eventRoom.form.takingPartHint')}</p>
          <NetworkSelect
            label={t('eventRoom.form.network')}
            value={values.networkId}
            error={errors.networkId}
            networks={options.networks}
          />
          <ItemPicker
            state={pickers.organisations}
            label={t('eventRoom.form.organisations')}
            error={errors.organisations}
            networks={options.networks}
          />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button">
            {t('eventRoom.form.submit')}
          </button>
          <Link to="/handelser">{t('common.cancel')}</Link>
        </div>
      </Form>
    </>
  )
}
