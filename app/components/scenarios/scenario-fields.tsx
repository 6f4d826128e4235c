import { CodeOptions, Field, NumberField } from '~/components/forms/field'
import { resources, scenarioStates } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import type { PickerState } from '~/modules/organisations/picker'
import {
  failureFieldName,
  type FailureRowValues,
  type ScenarioFormErrors,
  type ScenarioFormValues,
} from '~/modules/scenarios/scenario-form'
import type { ScenarioFormOptions } from '~/modules/scenarios/scenario-options.server'
import type { Tiles } from './area-field'
import { ScopeFields, scopePickerStates } from './scope-fields'

/** The scenario builder's fields: name, length, and one fieldset per failure. */
export function ScenarioFields({
  values,
  errors,
  options,
  pickers,
  canShare,
  tiles,
}: {
  values: ScenarioFormValues
  errors: ScenarioFormErrors
  options: ScenarioFormOptions
  pickers: Record<string, PickerState>
  canShare: boolean
  tiles: Tiles
}) {
  const t = useT()
  return (
    <>
      <input type="hidden" name="rows" value={values.failures.length} />
      <Field label={t('scenario.name')} name="name" hint={t('scenario.nameHint')} error={errors.name}>
        {(props) => <input {...props} type="text" required defaultValue={values.name} />}
      </Field>
      <Field label={t('scenario.description')} name="description" error={errors.description}>
        {(props) => <textarea {...props} rows={3} defaultValue={values.description} />}
      </Field>
      <div className="field-row">
        <NumberField
          label={t('scenario.horizon')}
          name="horizon"
          hint={t('scenario.horizonHint')}
          error={errors.horizon}
          defaultValue={values.horizon}
          whole
          required
        />
        <NumberField
          label={t('scenario.restart')}
          name="restart"
          hint={t('scenario.restartHint')}
          error={errors.restart}
          defaultValue={values.restart}
        />
      </div>
      {canShare ? (
        <Field label={t('scenario.state')} name="state" hint={t('scenario.stateHint')} error={errors.state}>
          {(props) => (
            <select {...props} defaultValue={values.state}>
              <CodeOptions codes={scenarioStates} prefix="scenario.state" />
            </select>
          )}
        </Field>
      ) : (
        <input type="hidden" name="state" value={values.state === 'shared' ? 'shared' : 'draft'} />
      )}
      <h2>{t('scenario.failures')}</h2>
      {values.failures.map((row, index) => (
        <FailureFields
          key={index}
          index={index}
          row={row}
          errors={errors}
          options={options}
          pickers={pickers}
          removable={values.failures.length > 1}
          tiles={tiles}
        />
      ))}
    </>
  )
}

function FailureFields({
  index,
  row,
  errors,
  options,
  pickers,
  removable,
  tiles,
}: {
  tiles: Tiles
  index: number
  row: FailureRowValues
  errors: ScenarioFormErrors
  options: ScenarioFormOptions
  pickers: Record<string, PickerState>
  removable: boolean
}) {
  const t = useT()
  const name = failureFieldName(index)
  const number = index + 1
  return (
    <fieldset className="registry-fieldset scenario-failure">
      <legend>{t('scenario.failure', { number })}</legend>
      <Field label={t('scenario.target')} name={name('target')} error={errors[name('target')]}>
        {(props) => (
          <select {...props} defaultValue={row.target}>
            <option value="">{t('scenario.targetNone')}</option>
            <optgroup label={t('scenario.targetResources')}>
              {resources.map((resource) => (
                <option key={resource} value={`resource:${resource}`}>
                  {t(`resource.${resource}`)}
                </option>
              ))}
            </optgroup>
            {options.services.length > 0 ? (
              <optgroup label={t('scenario.targetServices')}>
                {options.services.map((service) => (
                  <option key={service.id} value={`service:${service.id}`}>
                    {service.name} ({service.organisationName})
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        )}
      </Field>
      <ScopeFields
        name={name}
        values={row}
        errors={errors}
        pickers={scopePickerStates(name, pickers)}
        tiles={tiles}
        legend={t('scenario.where')}
      />
      <div className="field-row">
        <NumberField
          label={t('scenario.start')}
          name={name('start')}
          hint={t('scenario.startHint')}
          error={errors[name('start')]}
          defaultValue={row.start}
        />
        <NumberField
          label={t('scenario.duration')}
          name={name('duration')}
          hint={t('scenario.durationHint')}
          error={errors[name('duration')]}
          defaultValue={row.duration}
        />
      </div>
      {removable ? (
        <button
          type="submit"
          className="button button--secondary"
          name="intent"
          value={`remove:${index}`}
          formNoValidate
        >
          {t('scenario.removeFailure', { number })}
        </button>
      ) : null}
    </fieldset>
  )
}
