import { Field } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'
import { conflictingValues } from '~/modules/forms/conflict'

export interface NetworkValues {
  name: string
  description: string
  coordinatorOrganisationId: string
}

/** Name, description and coordinating organisation; after a conflict, the stored values beside. */
export function NetworkFields({
  values,
  errors,
  organisations,
  current,
}: {
  values: NetworkValues
  errors: Record<string, string>
  organisations: { id: string; name: string }[]
  current?: NetworkValues
}) {
  const t = useT()
  const nameOf = (id: string) => organisations.find((o) => o.id === id)?.name ?? t('networks.noCoordinator')
  const changed = conflictingValues(values, current)
  return (
    <>
      <Field label={t('field.name')} name="name" error={errors.name} current={changed('name')}>
        {(props) => <input {...props} type="text" defaultValue={values.name} required maxLength={200} />}
      </Field>
      <Field
        label={t('field.description')}
        name="description"
        error={errors.description}
        current={changed('description')}
      >
        {(props) => <textarea {...props} rows={4} defaultValue={values.description} maxLength={4000} />}
      </Field>
      <Field
        label={t('networks.coordinator')}
        name="coordinatorOrganisationId"
        error={errors.coordinatorOrganisationId}
        current={changed('coordinatorOrganisationId', nameOf)}
      >
        {(props) => (
          <select {...props} defaultValue={values.coordinatorOrganisationId}>
            <option value="">{t('networks.noCoordinator')}</option>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  )
}
