import { Field, FieldGroup } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'

export interface ParticipantOptions {
  organisations: { id: string; name: string }[]
  networks: { id: string; name: string; members: number }[]
}

/** Participating organisations, ticked one by one, and optionally every member of a network. */
export function ParticipantFields({
  options,
  selected,
  networkId,
  error,
}: {
  options: ParticipantOptions
  selected: string[]
  networkId: string | null
  error?: string
}) {
  const t = useT()
  const chosen = new Set(selected)
  return (
    <>
      <FieldGroup
        legend={t('rsa.participants')}
        className="choices rsa-participants"
        hint={t('rsa.participantsHint')}
        error={error}
      >
        <ul className="rsa-participants__list">
          {options.organisations.map((organisation) => (
            <li key={organisation.id} className="choice">
              <input
                type="checkbox"
                id={`participant-${organisation.id}`}
                name="organisationIds"
                value={organisation.id}
                defaultChecked={chosen.has(organisation.id)}
              />
              <label htmlFor={`participant-${organisation.id}`}>{organisation.name}</label>
            </li>
          ))}
        </ul>
      </FieldGroup>
      <Field label={t('rsa.network')} name="networkId" hint={t('rsa.networkHint')}>
        {(props) => (
          <select {...props} defaultValue={networkId ?? ''}>
            <option value="">{t('rsa.noNetwork')}</option>
            {options.networks.map((network) => (
              <option key={network.id} value={network.id}>
                {t('rsa.networkOption', { name: network.name, count: network.members })}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  )
}
