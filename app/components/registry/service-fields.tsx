import { useId } from 'react'
import { Field } from '~/components/forms/field'
import { sectors } from '~/db/enums'
import { translateMessage, useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import { CheckboxField, CurrentValue } from './form-parts'

type Values = Record<string, string | undefined>

/** The fields of a critical service, shared by the create and edit forms. */
export function ServiceFields({
  values,
  siteIds,
  sites,
  errors,
  current,
}: {
  values: Values
  /** The sites ticked in the form. */
  siteIds: string[]
  /** The organisation's sites to choose from. */
  sites: { id: string; name: string }[]
  errors: Record<string, string>
  current?: Values & { siteNames?: string }
}) {
  const t = useT()
  const sitesId = useId()
  const now = (field: string, shown?: string) => (
    <CurrentValue submitted={values[field]} current={current?.[field]} shown={shown} />
  )
  const chosenSiteNames = sites
    .filter((site) => siteIds.includes(site.id))
    .map((site) => site.name)
    .join(', ')
  return (
    <>
      <Field label={t('field.name')} name="name" error={errors.name}>
        {(props) => (
          <input {...props} type="text" defaultValue={values.name ?? ''} required maxLength={200} autoComplete="off" />
        )}
      </Field>
      {now('name')}
      <Field label={t('services.field.sector')} name="sector" error={errors.sector}>
        {(props) => (
          <select {...props} defaultValue={values.sector ?? ''}>
            <option value="" disabled>
              {t('deps.chooseNone')}
            </option>
            {sectors.map((sector) => (
              <option key={sector} value={sector}>
                {t(`sector.${sector}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {now('sector', current?.sector ? t(`sector.${current.sector}` as MessageKey) : undefined)}
      <Field label={t('field.description')} name="description" error={errors.description}>
        {(props) => <textarea {...props} rows={3} defaultValue={values.description ?? ''} maxLength={4000} />}
      </Field>
      {now('description')}
      <Field
        label={t('services.field.acceptableOutage')}
        name="acceptableOutageHours"
        error={errors.acceptableOutageHours}
        hint={t('services.field.acceptableOutageHint')}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            required
            defaultValue={values.acceptableOutageHours ?? ''}
          />
        )}
      </Field>
      {now('acceptableOutageHours')}
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
      <Field label={t('services.field.peopleServed')} name="peopleServed" error={errors.peopleServed}>
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={values.peopleServed ?? ''}
          />
        )}
      </Field>
      {now('peopleServed')}
      <CheckboxField
        label={t('services.field.hasContinuityPlan')}
        name="hasContinuityPlan"
        checked={Boolean(values.hasContinuityPlan)}
        error={errors.hasContinuityPlan}
      />
      {now('hasContinuityPlan', t(current?.hasContinuityPlan ? 'common.yes' : 'common.no'))}
      <Field
        label={t('services.field.exercisedOn')}
        name="continuityExercisedOn"
        error={errors.continuityExercisedOn}
        hint={t('services.field.exercisedHint')}
      >
        {(props) => <input {...props} type="date" defaultValue={values.continuityExercisedOn ?? ''} />}
      </Field>
      {now('continuityExercisedOn')}
      <fieldset
        className={errors.siteIds ? 'registry-fieldset field--error' : 'registry-fieldset'}
        aria-describedby={errors.siteIds ? `${sitesId}-error` : undefined}
      >
        <legend>{t('services.field.sites')}</legend>
        {errors.siteIds ? (
          <p className="field__error" id={`${sitesId}-error`}>
            {translateMessage(t, errors.siteIds)}
          </p>
        ) : null}
        {sites.length === 0 ? <p className="field__hint">{t('services.field.sitesNone')}</p> : null}
        {sites.map((site) => (
          <CheckboxField
            key={site.id}
            label={site.name}
            name="siteIds"
            value={site.id}
            checked={siteIds.includes(site.id)}
          />
        ))}
        {current?.siteNames !== undefined && current.siteNames !== chosenSiteNames ? (
          <p className="field__current">{t('organisations.currentValue', { value: current.siteNames || '–' })}</p>
        ) : null}
      </fieldset>
    </>
  )
}
