import { Field, FieldGroup } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'
import { scopeKinds, type ScopeValues } from '~/modules/scenarios/scenario-form'
import { AreaField, type Tiles } from './area-field'

export interface ScopeOptions {
  organisations: { id: string; name: string }[]
  sites: { id: string; name: string; organisationName: string }[]
}

/**
 * Where something applies: everywhere, picked organisations, picked sites, or
 * an area typed or drawn on the map. Used by a scenario's failures and by an
 * event's affected area; `name` gives each field's name.
 */
export function ScopeFields({
  name,
  values,
  errors,
  options,
  tiles,
  legend,
}: {
  name: (field: keyof ScopeValues) => string
  values: ScopeValues
  errors: Record<string, string | undefined>
  options: ScopeOptions
  tiles: Tiles
  legend: string
}) {
  const t = useT()
  return (
    <>
      <FieldGroup legend={legend} className="registry-fieldset registry-fieldset--plain">
        {scopeKinds.map((kind) => (
          <label key={kind} className="registry-choice">
            <input type="radio" name={name('scope')} value={kind} defaultChecked={values.scope === kind} />{' '}
            {t(`scenario.scope.${kind}`)}
          </label>
        ))}
      </FieldGroup>
      <Field
        label={t('scenario.organisations')}
        name={name('organisations')}
        hint={t('scenario.organisationsHint')}
        error={errors[name('organisations')]}
      >
        {(props) => (
          <select
            {...props}
            multiple
            size={Math.min(6, Math.max(2, options.organisations.length))}
            defaultValue={values.organisations}
          >
            {options.organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('scenario.sites')}
        name={name('sites')}
        hint={t('scenario.organisationsHint')}
        error={errors[name('sites')]}
      >
        {(props) => (
          <select {...props} multiple size={Math.min(6, Math.max(2, options.sites.length))} defaultValue={values.sites}>
            {options.sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name} ({site.organisationName})
              </option>
            ))}
          </select>
        )}
      </Field>
      <AreaField name={name('area')} defaultValue={values.area} error={errors[name('area')]} tiles={tiles} />
    </>
  )
}
