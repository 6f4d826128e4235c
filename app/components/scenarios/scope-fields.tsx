import { useRef } from 'react'
import { FieldGroup } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import { useT } from '~/i18n/i18n'
import { emptyPickerState, type PickerState } from '~/modules/organisations/picker'
import { scopeKinds, type ScopeKind, type ScopePickers, type ScopeValues } from '~/modules/scenarios/scenario-form'
import { AreaField, type Tiles } from './area-field'

/** A scope's two pickers out of a form's pickers, by their field names. */
export function scopePickerStates(
  name: (field: keyof ScopeValues) => string,
  pickers: Record<string, PickerState>,
): ScopePickers {
  return {
    organisations: pickers[name('organisations')] ?? emptyPickerState(name('organisations'), 'organisation'),
    sites: pickers[name('sites')] ?? emptyPickerState(name('sites'), 'site'),
  }
}

/**
 * Where something applies: everywhere, picked organisations, picked sites, or
 * an area typed or drawn on the map. Used by a scenario's failures and by an
 * event's affected area; `name` gives each field's name. Organisations and
 * sites are picked by searching (the register may be long), and post under
 * the same names as before: `f0.organisations`, `area.sites` … Choosing one
 * ticks its radio button (when JavaScript runs).
 */
export function ScopeFields({
  name,
  values,
  errors,
  pickers,
  tiles,
  legend,
}: {
  name: (field: keyof ScopeValues) => string
  values: ScopeValues
  errors: Record<string, string | undefined>
  pickers: ScopePickers
  tiles: Tiles
  legend: string
}) {
  const t = useT()
  const radios = useRef<Partial<Record<ScopeKind, HTMLInputElement | null>>>({})
  const tick = (kind: ScopeKind) => {
    const radio = radios.current[kind]
    if (radio) radio.checked = true
  }
  return (
    <>
      <FieldGroup legend={legend} className="registry-fieldset registry-fieldset--plain">
        {scopeKinds.map((kind) => (
          <label key={kind} className="registry-choice">
            <input
              type="radio"
              name={name('scope')}
              value={kind}
              defaultChecked={values.scope === kind}
              ref={(element) => {
                radios.current[kind] = element
              }}
            />{' '}
            {t(`scenario.scope.${kind}`)}
          </label>
        ))}
      </FieldGroup>
      <ItemPicker
        state={pickers.organisations}
        label={t('scenario.organisations')}
        hint={t('scenario.organisationsHint')}
        error={errors[name('organisations')]}
        onChoose={() => tick('organisations')}
      />
      <ItemPicker
        state={pickers.sites}
        label={t('scenario.sites')}
        hint={t('scenario.sitesHint')}
        error={errors[name('sites')]}
        onChoose={() => tick('sites')}
      />
      <AreaField name={name('area')} defaultValue={values.area} error={errors[name('area')]} tiles={tiles} />
    </>
  )
}
