import { Field } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import { useT } from '~/i18n/i18n'
import { conflictingValues } from '~/modules/forms/conflict'
import type { PickerState } from '~/modules/organisations/picker'

export interface NetworkValues {
  name: string
  description: string
  coordinatorOrganisationId: string
}

/** Name, description and coordinating organisation; after a conflict, the stored values beside. */
export function NetworkFields({
  values,
  errors,
  coordinator,
  current,
  currentCoordinatorName,
}: {
  values: NetworkValues
  errors: Record<string, string>
  /** The coordinating organisation, chosen in a picker. */
  coordinator: PickerState
  current?: NetworkValues
  /** After a conflict: the name of the coordinating organisation saved meanwhile. */
  currentCoordinatorName?: string | null
}) {
  const t = useT()
  const nameOf = () => currentCoordinatorName ?? t('networks.noCoordinator')
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
      <ItemPicker
        state={coordinator}
        label={t('networks.coordinator')}
        error={errors.coordinatorOrganisationId}
        current={changed('coordinatorOrganisationId', nameOf)}
        single
      />
    </>
  )
}
