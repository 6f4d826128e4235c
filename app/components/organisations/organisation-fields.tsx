import { CodeOptions, Field } from '~/components/forms/field'
import { organisationKinds } from '~/db/enums'
import { labelOf, useT } from '~/i18n/i18n'
import { conflictingValues } from '~/modules/forms/conflict'

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
  const changed = conflictingValues(values, current)
  return (
    <>
      <Field label={t('field.name')} name="name" error={errors.name} current={changed('name')}>
        {(props) => <input {...props} type="text" defaultValue={values.name} required maxLength={200} />}
      </Field>
      <Field
        label={t('field.kind')}
        name="kind"
        error={errors.kind}
        current={changed('kind', (kind) => labelOf(t, 'kind', kind))}
      >
        {(props) => (
          <select {...props} defaultValue={values.kind}>
            <CodeOptions codes={organisationKinds} prefix="kind" />
          </select>
        )}
      </Field>
      <Field
        label={t('field.description')}
        name="description"
        error={errors.description}
        current={changed('description')}
      >
        {(props) => <textarea {...props} rows={5} defaultValue={values.description} maxLength={4000} />}
      </Field>
    </>
  )
}
