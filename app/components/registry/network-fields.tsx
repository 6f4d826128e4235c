import { fieldProps } from '~/components/forms/conform'
import { Field } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import { useT } from '~/i18n/i18n'
import type { PickerState } from '~/modules/organisations/picker'

type NetworkField = 'name' | 'description' | 'coordinatorOrganisationId'

/** A field of the network form, as Conform's `useForm` gives it. */
interface FieldMeta {
  name: string
  errors?: string[]
  defaultValue?: string
}

/** Name, description and coordinating organisation; after a conflict, the stored values beside. */
export function NetworkFields({
  fields,
  coordinator,
  current = () => undefined,
  currentCoordinatorName,
}: {
  fields: Record<NetworkField, FieldMeta>
  /** The coordinating organisation, chosen in a picker. */
  coordinator: PickerState
  /** After a conflict: a field's stored value where it differs from what was sent (`conflictOf`). */
  current?: (field: NetworkField, shown?: (value: string) => string) => string | undefined
  /** After a conflict: the name of the coordinating organisation saved meanwhile. */
  currentCoordinatorName?: string | null
}) {
  const t = useT()
  const nameOf = () => currentCoordinatorName ?? t('networks.noCoordinator')
  return (
    <>
      <Field label={t('field.name')} {...fieldProps(fields.name)} current={current('name')}>
        {(props) => (
          <input {...props} type="text" defaultValue={fields.name.defaultValue ?? ''} required maxLength={200} />
        )}
      </Field>
      <Field label={t('field.description')} {...fieldProps(fields.description)} current={current('description')}>
        {(props) => (
          <textarea {...props} rows={4} defaultValue={fields.description.defaultValue ?? ''} maxLength={4000} />
        )}
      </Field>
      <ItemPicker
        state={coordinator}
        label={t('networks.coordinator')}
        error={fields.coordinatorOrganisationId.errors?.[0]}
        current={current('coordinatorOrganisationId', nameOf)}
        single
      />
    </>
  )
}
