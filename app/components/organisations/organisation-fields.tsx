import { Field } from '~/components/forms/field'
import { organisationKinds } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'

export interface OrganisationValues {
  name: string
  kind: string
  description: string
}

/** The fields of an organisation, shared by the create and edit forms. */
export function OrganisationFields({
  values,
  errors,
  current,
}: {
  values: OrganisationValues
  errors: Record<string, string>
  /** After a conflict: the values someone else saved meanwhile. */
  current?: OrganisationValues
}) {
  const t = useT()
  const now = (field: keyof OrganisationValues, shown: string) =>
    current && current[field] !== values[field] ? (
      <p className="field__current">{t('organisations.currentValue', { value: shown || '–' })}</p>
    ) : null
  return (
    <>
      <Field label={t('field.name')} name="name" error={errors.name}>
        {(props) => <input {...props} type="text" defaultValue={values.name} required maxLength={200} />}
      </Field>
      {now('name', current?.name ?? '')}
      <Field label={t('field.kind')} name="kind" error={errors.kind}>
        {(props) => (
          <select {...props} defaultValue={values.kind}>
            {organisationKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {now('kind', current ? t(`kind.${current.kind}` as MessageKey) : '')}
      <Field label={t('field.description')} name="description" error={errors.description}>
        {(props) => <textarea {...props} rows={5} defaultValue={values.description} maxLength={4000} />}
      </Field>
      {now('description', current?.description ?? '')}
    </>
  )
}
