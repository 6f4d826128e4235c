import type { ReactNode } from 'react'
import { CodeOptions, Field } from '~/components/forms/field'
import { organisationKinds, sectors, type OrganisationKind, type Sector } from '~/db/enums'
import { useT } from '~/i18n/i18n'

/** A select that narrows a list: its first option, "all", leaves the filter off. */
export function FilterSelect({
  label,
  name,
  allLabel,
  value,
  children,
}: {
  label: string
  name: string
  allLabel: string
  value: string | undefined
  children: ReactNode
}) {
  return (
    <Field label={label} name={name}>
      {(props) => (
        <select {...props} defaultValue={value ?? ''}>
          <option value="">{allLabel}</option>
          {children}
        </select>
      )}
    </Field>
  )
}

/**
 * The filters the directory and the map share: the sector of a critical
 * service, the kind of organisation and a network it belongs to.
 */
export function OrganisationFilterSelects({
  filters,
  networks,
  labels,
}: {
  filters: { sector?: Sector; kind?: OrganisationKind; network?: string }
  networks: { id: string; name: string }[]
  /** Each page says "sector", "network" and "all" in its own messages. */
  labels: { sector: string; network: string; all: string }
}) {
  const t = useT()
  return (
    <>
      <FilterSelect label={labels.sector} name="sector" allLabel={labels.all} value={filters.sector}>
        <CodeOptions codes={sectors} prefix="sector" />
      </FilterSelect>
      <FilterSelect label={t('field.kind')} name="kind" allLabel={labels.all} value={filters.kind}>
        <CodeOptions codes={organisationKinds} prefix="kind" />
      </FilterSelect>
      <FilterSelect label={labels.network} name="network" allLabel={labels.all} value={filters.network}>
        {networks.map((network) => (
          <option key={network.id} value={network.id}>
            {network.name}
          </option>
        ))}
      </FilterSelect>
    </>
  )
}
