import { Form, Link } from '@remix-run/react'
import type { DeliverableKind } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import type { RsaDetail } from '~/modules/mandate/calendar'
import type { ShownState } from '~/modules/mandate/deliverable-state'
import { DecisionText, StateLabel } from './state-label'

export interface DeliverableShown {
  kind: DeliverableKind
  description: string
  year: number | null
  dueDate: string | null
  adoptedBy: string
  adoptedOn: string | null
  decisionReference: string
  notes: string
  ownerName: string | null
  ownerOrganisationName: string | null
}

/** What the deliverable is, when it is due, who owns it, its state and decision. */
export function DeliverableFacts({
  deliverable,
  status,
  rsaLink,
  milestone,
}: {
  deliverable: DeliverableShown
  status: { shown: ShownState; rsa: RsaDetail | null }
  rsaLink: string | null
  milestone: boolean
}) {
  const t = useT()
  const owner = [deliverable.ownerName, deliverable.ownerOrganisationName].filter(Boolean).join(', ')
  return (
    <dl className="facts mandate-facts">
      <dt>{t('mandateCalendar.column.kind')}</dt>
      <dd>{t(`mandate.kind.${deliverable.kind}`)}</dd>
      {deliverable.year !== null ? (
        <>
          <dt>{t('mandateCalendar.field.year')}</dt>
          <dd>{deliverable.year}</dd>
        </>
      ) : null}
      <dt>{t('mandateCalendar.column.due')}</dt>
      <dd>{deliverable.dueDate ?? t('mandateCalendar.duringPeriod')}</dd>
      <dt>{t('mandateCalendar.column.owner')}</dt>
      <dd>{owner || t('mandateCalendar.noOwner')}</dd>
      <dt>{t('mandateCalendar.column.state')}</dt>
      <dd>
        <StateLabel shown={status.shown} rsa={status.rsa} rsaLink={rsaLink} />
      </dd>
      <dt>{t('mandateCalendar.column.decision')}</dt>
      <dd>
        <DecisionText deliverable={deliverable} />
      </dd>
      {deliverable.description ? (
        <>
          <dt>{t('mandateCalendar.field.description')}</dt>
          <dd className="prewrap">{deliverable.description}</dd>
        </>
      ) : null}
      {milestone ? null : (
        <>
          <dt>{t('mandateCalendar.field.notes')}</dt>
          <dd className="prewrap">{deliverable.notes || '–'}</dd>
        </>
      )}
    </dl>
  )
}

/**
 * Removing a deliverable takes two posts: the first shows a confirmation
 * with the version it was asked at, the second removes; no JavaScript dialog.
 */
export function DeleteDeliverable({
  version,
  confirming,
  conflict,
  cancelTo,
}: {
  version: string
  confirming: boolean
  conflict: boolean
  /** The page itself, without the confirmation. */
  cancelTo: string
}) {
  const t = useT()
  return (
    <section aria-labelledby="delete-heading" className="danger-zone">
      <h3 id="delete-heading">{t('mandateCalendar.delete.heading')}</h3>
      {conflict ? <p role="alert">{t('mandateCalendar.delete.conflict')}</p> : null}
      {confirming ? (
        <Form method="post" className="stack">
          <p role="alert">{t('mandateCalendar.delete.confirmText')}</p>
          <input type="hidden" name="intent" value="confirmDelete" />
          <input type="hidden" name="version" value={version} />
          <div className="actions">
            <button type="submit" className="button button--danger">
              {t('mandateCalendar.delete.confirm')}
            </button>
            <Link to={cancelTo}>{t('common.cancel')}</Link>
          </div>
        </Form>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="version" value={version} />
          <button type="submit" className="button button--danger">
            {t('mandateCalendar.delete.start')}
          </button>
        </Form>
      )}
    </section>
  )
}
