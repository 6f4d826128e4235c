import { Link } from '@remix-run/react'
import { useT } from '~/i18n/i18n'
import { decisionParts, rsaDetailText, type RsaDetail } from '~/modules/mandate/calendar'
import type { DeliverableKind } from '~/db/enums'
import type { ShownState } from '~/modules/mandate/deliverable-state'

/** A deliverable's state in words (the colour only repeats it), and what the RSA pages say for the RSA's. */
export function StateLabel({
  shown,
  rsa,
  rsaLink,
}: {
  shown: ShownState
  rsa?: RsaDetail | null
  rsaLink?: string | null
}) {
  const t = useT()
  return (
    <>
      <span className={`mandate-state mandate-state--${shown}`}>{t(`mandate.state.${shown}`)}</span>
      {rsa ? (
        <span className="mandate-state__rsa">
          {rsaLink ? <Link to={rsaLink}>{rsaDetailText(t, rsa)}</Link> : rsaDetailText(t, rsa)}
        </span>
      ) : null}
    </>
  )
}

/** The decision as the municipality writes it, its day and paragraph never broken over two lines; "–" when none. */
export function DecisionText({
  deliverable,
}: {
  deliverable: { kind: DeliverableKind; adoptedBy: string; adoptedOn: string | null; decisionReference: string }
}) {
  const t = useT()
  const parts = decisionParts(t, deliverable)
  if (!parts) return <>–</>
  return (
    <>
      {parts.head}
      {parts.date ? (
        <>
          {' '}
          <span className="nowrap">{parts.date}</span>
        </>
      ) : null}
      {parts.reference ? (
        <>
          , <span className="nowrap">{parts.reference}</span>
        </>
      ) : null}
    </>
  )
}
