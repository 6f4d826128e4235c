import { ItemPicker, type PickerNetwork } from '~/components/forms/organisation-picker'
import { useT } from '~/i18n/i18n'
import type { PickerState } from '~/modules/organisations/picker'

/** Participating organisations, searched and added one by one, or every member of a network at once. */
export function ParticipantFields({
  state,
  networks,
  error,
}: {
  state: PickerState
  networks: readonly PickerNetwork[]
  error?: string
}) {
  const t = useT()
  return (
    <ItemPicker
      state={state}
      label={t('rsa.participants')}
      hint={t('rsa.participantsHint')}
      error={error}
      networks={networks}
    />
  )
}
