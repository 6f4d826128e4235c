import { Link } from '@remix-run/react'
import { useT } from '~/i18n/i18n'
import type { NamedRef, TargetView } from '~/modules/dependency-graph/graph-view'

export function OrganisationLink({ organisation }: { organisation: NamedRef }) {
  return <Link to={`/organisationer/${organisation.id}`}>{organisation.name}</Link>
}

/** What a service depends on: a resource in words, or another service with a link to its organisation. */
export function TargetName({ target }: { target: TargetView }) {
  const t = useT()
  if (target.kind === 'resource') return <>{t(`resource.${target.resource}`)}</>
  return (
    <>
      {target.service.name} (<OrganisationLink organisation={target.organisation} />)
    </>
  )
}

/** Organisations as links, separated by commas. */
export function OrganisationLinks({ organisations }: { organisations: NamedRef[] }) {
  return (
    <>
      {organisations.map((organisation, index) => (
        <span key={organisation.id}>
          {index > 0 ? ', ' : ''}
          <OrganisationLink organisation={organisation} />
        </span>
      ))}
    </>
  )
}
