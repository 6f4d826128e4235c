import { CheckboxField, CodeOptions, Field, FieldGroup, NumberField } from '~/components/forms/field'
import { sectors } from '~/db/enums'
import { labelOf, useT } from '~/i18n/i18n'
import { conflictingValues } from '~/modules/forms/conflict'

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
  const chosenSiteNames = sites
    .filter((site) => siteIds.includes(site.id))
    .map((site) => site.name)
    .join(', ')
  const changed = conflictingValues({ ...values, siteNames: chosenSiteNames }, current)
  return (
    <>
      <Field label={t('field.name')} name="name" error={errors.name} current={changed('name')}>
        {(props) => (
          <input {...props} type="text" defaultValue={values.name ?? ''} required maxLength={200} autoComplete="off" />
        )}
      </Field>
      <Field
        label={t('services.field.sector')}
        name="sector"
        error={errors.sector}
        current={changed('sector', (sector) => labelOf(t, 'sector', sector))}
      >
        {(props) => (
          <select {...props} defaultValue={values.sector ?? ''}>
            <option value="" disabled>
              {t('deps.chooseNone')}
            </option>
            <CodeOptions codes={sectors} prefix="sector" />
          </select>
        )}
      </Field>
      <Field
        label={t('field.description')}
        name="description"
        error={errors.description}
        current={changed('description')}
      >
        {(props) => <textarea {...props} rows={3} defaultValue={values.description ?? ''} maxLength={4000} />}
      </Field>
      <NumberField
        label={t('services.field.acceptableOutage')}
        name="acceptableOutageHours"
        hint={t('services.field.acceptableOutageHint')}
        error={errors.acceptableOutageHours}
        current={changed('acceptableOutageHours')}
        defaultValue={values.acceptableOutageHours}
        required
      />
      <NumberField
        label={t('sites.field.styrelClass')}
        name="styrelClass"
        hint={t('sites.field.styrelHint')}
        error={errors.styrelClass}
        current={changed('styrelClass')}
        defaultValue={values.styrelClass}
        whole
      />
      <NumberField
        label={t('services.field.peopleServed')}
        name="peopleServed"
        error={errors.peopleServed}
        current={changed('peopleServed')}
        defaultValue={values.peopleServed}
        whole
      />
      <CheckboxField
        label={t('services.field.hasContinuityPlan')}
        name="hasContinuityPlan"
        checked={Boolean(values.hasContinuityPlan)}
        error={errors.hasContinuityPlan}
        current={changed('hasContinuityPlan', (ticked) => t(ticked ? 'common.yes' : 'common.no'))}
      />
      <Field
        label={t('services.field.exercisedOn')}
        name="continuityExercisedOn"
        error={errors.continuityExercisedOn}
        hint={t('services.field.exercisedHint')}
        current={changed('continuityExercisedOn')}
      >
        {(props) => <input {...props} type="date" defaultValue={values.continuityExercisedOn ?? ''} />}
      </Field>
      <FieldGroup
        legend={t('services.field.sites')}
        className="registry-fieldset"
        hint={sites.length === 0 ? t('services.field.sitesNone') : undefined}
        error={errors.siteIds}
        current={changed('siteNames')}
      >
        {sites.map((site) => (
          <CheckboxField
            key={site.id}
            label={site.name}
            name="siteIds"
            value={site.id}
            checked={siteIds.includes(site.id)}
          />
        ))}
      </FieldGroup>
    </>
  )
}
