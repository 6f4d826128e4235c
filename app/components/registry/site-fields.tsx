import { useEffect, useId, useRef, useState } from 'react'
import { CheckboxField, CodeOptions, Field, FieldGroup, NumberField } from '~/components/forms/field'
import { siteKinds } from '~/db/enums'
import { labelOf, useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import { conflictingValues } from '~/modules/forms/conflict'

type Values = Record<string, string | undefined>

/**
 * The fields of a site, shared by the create and edit forms. The position is
 * typed in one of two coordinate systems; the radio buttons say which one the
 * server reads. Before the script runs both pairs of fields show; after it,
 * only the chosen one.
 */
export function SiteFields({
  values,
  errors,
  current,
}: {
  values: Values
  errors: Record<string, string>
  current?: Values
}) {
  const t = useT()
  const systemsId = useId()
  const [system, setSystem] = useState(values.coordinateSystem === 'sweref99tm' ? 'sweref99tm' : 'wgs84')
  const [scripted, setScripted] = useState(false)
  const systems = useRef<HTMLFieldSetElement>(null)
  useEffect(() => {
    // A choice made before the script ran is in the DOM, not yet in the state.
    const chosen = systems.current?.querySelector<HTMLInputElement>('input[name="coordinateSystem"]:checked')
    if (chosen?.value === 'wgs84' || chosen?.value === 'sweref99tm') setSystem(chosen.value)
    setScripted(true)
  }, [])
  const changed = conflictingValues(values, current)
  const yesNo = (value: string) => t(value ? 'common.yes' : 'common.no')
  const decimal = (field: string, label: MessageKey, hint: MessageKey) => (
    <NumberField
      label={t(label)}
      name={field}
      hint={t(hint)}
      error={errors[field]}
      current={changed(field)}
      defaultValue={values[field]}
    />
  )
  return (
    <>
      <Field label={t('field.name')} name="name" error={errors.name} current={changed('name')}>
        {(props) => (
          <input {...props} type="text" defaultValue={values.name ?? ''} required maxLength={200} autoComplete="off" />
        )}
      </Field>
      <Field
        label={t('sites.field.kind')}
        name="kind"
        error={errors.kind}
        current={changed('kind', (kind) => labelOf(t, 'siteKind', kind))}
      >
        {(props) => (
          <select {...props} defaultValue={values.kind ?? 'other'}>
            <CodeOptions codes={siteKinds} prefix="siteKind" />
          </select>
        )}
      </Field>
      <Field label={t('sites.field.address')} name="address" error={errors.address} current={changed('address')}>
        {(props) => (
          <input {...props} type="text" defaultValue={values.address ?? ''} maxLength={300} autoComplete="off" />
        )}
      </Field>

      <FieldGroup legend={t('sites.position.legend')} hint={t('sites.position.hint')} className="registry-fieldset">
        <fieldset className="registry-fieldset registry-fieldset--plain" ref={systems}>
          <legend>{t('sites.position.system')}</legend>
          {(['wgs84', 'sweref99tm'] as const).map((option) => (
            <div className="registry-choice" key={option}>
              <input
                type="radio"
                id={`${systemsId}-${option}`}
                name="coordinateSystem"
                value={option}
                checked={system === option}
                onChange={() => setSystem(option)}
              />
              <label htmlFor={`${systemsId}-${option}`}>
                {t(option === 'wgs84' ? 'sites.position.wgs84' : 'sites.position.sweref')}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="stack" hidden={scripted && system !== 'wgs84'}>
          {decimal('lat', 'sites.field.lat', 'sites.field.latHint')}
          {decimal('lng', 'sites.field.lng', 'sites.field.lngHint')}
        </div>
        <div className="stack" hidden={scripted && system !== 'sweref99tm'}>
          {decimal('northing', 'sites.field.northing', 'sites.field.northingHint')}
          {decimal('easting', 'sites.field.easting', 'sites.field.eastingHint')}
        </div>
      </FieldGroup>

      {decimal('backupPowerHours', 'sites.field.backupPowerHours', 'sites.field.backupPowerHint')}
      <Field
        label={t('sites.field.backupFuel')}
        name="backupFuel"
        error={errors.backupFuel}
        current={changed('backupFuel')}
      >
        {(props) => (
          <input {...props} type="text" defaultValue={values.backupFuel ?? ''} maxLength={200} autoComplete="off" />
        )}
      </Field>
      <NumberField
        label={t('sites.field.styrelClass')}
        name="styrelClass"
        hint={t('sites.field.styrelHint')}
        error={errors.styrelClass}
        current={changed('styrelClass')}
        defaultValue={values.styrelClass}
        whole
      />
      <CheckboxField
        label={t('sites.field.safetyPoint')}
        name="safetyPoint"
        checked={Boolean(values.safetyPoint)}
        error={errors.safetyPoint}
        current={changed('safetyPoint', yesNo)}
      />
      <CheckboxField
        label={t('sites.field.emergencyWaterPoint')}
        name="emergencyWaterPoint"
        checked={Boolean(values.emergencyWaterPoint)}
        error={errors.emergencyWaterPoint}
        current={changed('emergencyWaterPoint', yesNo)}
      />
    </>
  )
}
