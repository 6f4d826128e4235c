import { useEffect, useId, useRef, useState } from 'react'
import { Field } from '~/components/forms/field'
import { siteKinds } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import { CheckboxField, CurrentValue } from './form-parts'

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
  const positionHintId = useId()
  const [system, setSystem] = useState(values.coordinateSystem === 'sweref99tm' ? 'sweref99tm' : 'wgs84')
  const [scripted, setScripted] = useState(false)
  const systems = useRef<HTMLFieldSetElement>(null)
  useEffect(() => {
    // A choice made before the script ran is in the DOM, not yet in the state.
    const chosen = systems.current?.querySelector<HTMLInputElement>('input[name="coordinateSystem"]:checked')
    if (chosen?.value === 'wgs84' || chosen?.value === 'sweref99tm') setSystem(chosen.value)
    setScripted(true)
  }, [])
  const now = (field: string, shown?: string) => (
    <CurrentValue submitted={values[field]} current={current?.[field]} shown={shown} />
  )
  const yesNo = (value: string | undefined) => t(value ? 'common.yes' : 'common.no')
  const decimal = (field: string, label: MessageKey, hint: MessageKey) => (
    <>
      <Field label={t(label)} name={field} error={errors[field]} hint={t(hint)}>
        {(props) => (
          <input {...props} type="text" inputMode="decimal" autoComplete="off" defaultValue={values[field] ?? ''} />
        )}
      </Field>
      {now(field)}
    </>
  )
  return (
    <>
      <Field label={t('field.name')} name="name" error={errors.name}>
        {(props) => (
          <input {...props} type="text" defaultValue={values.name ?? ''} required maxLength={200} autoComplete="off" />
        )}
      </Field>
      {now('name')}
      <Field label={t('sites.field.kind')} name="kind" error={errors.kind}>
        {(props) => (
          <select {...props} defaultValue={values.kind ?? 'other'}>
            {siteKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`siteKind.${kind}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {now('kind', current?.kind ? t(`siteKind.${current.kind}` as MessageKey) : undefined)}
      <Field label={t('sites.field.address')} name="address" error={errors.address}>
        {(props) => (
          <input {...props} type="text" defaultValue={values.address ?? ''} maxLength={300} autoComplete="off" />
        )}
      </Field>
      {now('address')}

      <fieldset className="registry-fieldset" aria-describedby={positionHintId}>
        <legend>{t('sites.position.legend')}</legend>
        <p className="field__hint" id={positionHintId}>
          {t('sites.position.hint')}
        </p>
        <fieldset className="registry-fieldset registry-fieldset--plain" ref={systems}>
          <legend>{t('sites.position.system')}</legend>
          {(['wgs84', 'sweref99tm'] as const).map((option) => (
            <div className="registry-choice" key={option}>
              <input
                type="radio"
                id={`${positionHintId}-${option}`}
                name="coordinateSystem"
                value={option}
                checked={system === option}
                onChange={() => setSystem(option)}
              />
              <label htmlFor={`${positionHintId}-${option}`}>
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
      </fieldset>

      <Field
        label={t('sites.field.backupPowerHours')}
        name="backupPowerHours"
        error={errors.backupPowerHours}
        hint={t('sites.field.backupPowerHint')}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={values.backupPowerHours ?? ''}
          />
        )}
      </Field>
      {now('backupPowerHours')}
      <Field label={t('sites.field.backupFuel')} name="backupFuel" error={errors.backupFuel}>
        {(props) => (
          <input {...props} type="text" defaultValue={values.backupFuel ?? ''} maxLength={200} autoComplete="off" />
        )}
      </Field>
      {now('backupFuel')}
      <Field
        label={t('sites.field.styrelClass')}
        name="styrelClass"
        error={errors.styrelClass}
        hint={t('sites.field.styrelHint')}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={values.styrelClass ?? ''}
          />
        )}
      </Field>
      {now('styrelClass')}
      <CheckboxField
        label={t('sites.field.safetyPoint')}
        name="safetyPoint"
        checked={Boolean(values.safetyPoint)}
        error={errors.safetyPoint}
      />
      {now('safetyPoint', yesNo(current?.safetyPoint))}
      <CheckboxField
        label={t('sites.field.emergencyWaterPoint')}
        name="emergencyWaterPoint"
        checked={Boolean(values.emergencyWaterPoint)}
        error={errors.emergencyWaterPoint}
      />
      {now('emergencyWaterPoint', yesNo(current?.emergencyWaterPoint))}
    </>
  )
}
