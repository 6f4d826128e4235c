import { Form, Link } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { useT } from '~/i18n/i18n'
import type { PickerState } from '~/modules/organisations/picker'
import { MAX_FAILURES } from '~/modules/scenarios/definition'
import type { ScenarioFormErrors, ScenarioFormValues } from '~/modules/scenarios/scenario-form'
import type { ScenarioFormOptions } from '~/modules/scenarios/scenario-options.server'
import type { Tiles } from './area-field'
import { ScenarioFields } from './scenario-fields'

/** The builder's form, for a new scenario and for changing one. */
export function ScenarioForm({
  values,
  errors,
  options,
  pickers,
  canShare,
  tiles,
  cancelTo,
  conflict,
  submissionKey,
}: {
  values: ScenarioFormValues
  errors: ScenarioFormErrors
  options: ScenarioFormOptions
  /** Each failure's organisations and sites, under their fields (`f0.organisations` …). */
  pickers: Record<string, PickerState>
  canShare: boolean
  tiles: Tiles
  cancelTo: string
  conflict: boolean
  /** A new scenario's one-time key: a second post of the form creates no second scenario. */
  submissionKey?: string
}) {
  const t = useT()
  const invalid = Object.keys(errors).some((key) => key !== '_form')
  return (
    <>
      {conflict ? <FormMessage kind="error">{t('scenario.conflict')}</FormMessage> : null}
      {invalid || errors._form === 'validation.formInvalid' ? (
        <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
      ) : null}
      {/* Keyed by the values, so a post that adds a row or brings a conflict shows the kept input. */}
      <Form method="post" className="stack" noValidate key={JSON.stringify(values)}>
        <input type="hidden" name="version" value={values.version} />
        {submissionKey ? <SubmissionKeyField value={submissionKey} /> : null}
        <ScenarioFields
          values={values}
          errors={errors}
          options={options}
          pickers={pickers}
          canShare={canShare}
          tiles={tiles}
        />
        {values.failures.length < MAX_FAILURES ? (
          <p>
            <button type="submit" className="button button--secondary" name="intent" value="add" formNoValidate>
              {t('scenario.addFailure')}
            </button>
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" name="intent" value="save">
            {t('scenario.save')}
          </button>
          <Link to={cancelTo}>{t('common.cancel')}</Link>
        </div>
      </Form>
    </>
  )
}
