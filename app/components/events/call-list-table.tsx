import { Form, useNavigation } from '@remix-run/react'
import { useEffect } from 'react'
import { ContactValue } from '~/components/contacts/contact-route-card'
import { FormMessage } from '~/components/forms/field'
import { callOutcomes, type CallOutcome, type ContactChannel, type ContactFunction } from '~/db/enums'
import { formatDateTime } from '~/i18n/format'
import { labelOf, translateMessage, useLocale, useT } from '~/i18n/i18n'

export interface CallListRouteView {
  id: string
  function: ContactFunction
  channel: ContactChannel
  value: string
  label: string
  availability: string
  restricted: boolean
  lastCall: { outcome: CallOutcome; note: string; calledAt: string; calledByName: string } | null
}

export interface CallListOrganisationView {
  id: string
  name: string
  calledOutAt: string | null
  routes: CallListRouteView[]
}

/** What the page's action answered for one row's form (`form` = `call:<routeId>`). */
export interface CallRowResult {
  form: string
  calledAt: string | null
  errors: Record<string, string>
}

/**
 * The call list: one row group per organisation, its routes in call order,
 * each with a number that dials, its latest recorded call and a small form to
 * record the next. Printed, only the list remains (event-reports.css).
 */
export function CallListTable({
  organisations,
  recording,
  result,
}: {
  organisations: CallListOrganisationView[]
  /** False once the event has ended: the list stays, its forms go. */
  recording: boolean
  result: CallRowResult | null
}) {
  const t = useT()
  const locale = useLocale()
  if (organisations.length === 0) return <p>{t('eventReport.calls.empty')}</p>
  return (
    <div className="table-wrap call-list__wrap">
      <table className="table call-list">
        <caption className="visually-hidden">{t('eventReport.calls.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('eventReport.calls.route')}</th>
            <th scope="col">{t('eventReport.calls.number')}</th>
            <th scope="col">{t('eventReport.calls.last')}</th>
            {recording ? (
              <th scope="col" className="call-list__record-column">
                {t('eventReport.calls.record')}
              </th>
            ) : null}
          </tr>
        </thead>
        {organisations.map((organisation) => (
          <tbody key={organisation.id}>
            <tr className="call-list__organisation">
              <th scope="rowgroup" colSpan={recording ? 4 : 3}>
                {organisation.name}{' '}
                <span className="call-list__called-out">
                  {organisation.calledOutAt
                    ? t('eventReport.calls.calledOut', { time: formatDateTime(locale, organisation.calledOutAt) })
                    : t('eventReport.calls.notCalledOut')}
                </span>
              </th>
            </tr>
            {organisation.routes.length === 0 ? (
              <tr>
                <td colSpan={recording ? 4 : 3} className="muted">
                  {t('eventReport.calls.noRoutes')}
                </td>
              </tr>
            ) : null}
            {organisation.routes.map((route) => (
              <CallRow
                key={route.id}
                organisationName={organisation.name}
                route={route}
                recording={recording}
                result={result?.form === `call:${route.id}` ? result : null}
              />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  )
}

/** "ISK" from "ISK – inriktnings- och samordningskontakt": the list is read at a glance and printed small. */
function shortFunction(label: string): string {
  return label.split(' – ')[0]!
}

function CallRow({
  organisationName,
  route,
  recording,
  result,
}: {
  organisationName: string
  route: CallListRouteView
  recording: boolean
  result: CallRowResult | null
}) {
  const t = useT()
  const locale = useLocale()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('contactRouteId') === route.id
  const functionName = shortFunction(t(`contactFunction.${route.function}`))
  const routeName = t('eventReport.calls.routeName', { organisation: organisationName, function: functionName })
  const noteId = `call-note-${route.id}`
  return (
    <tr>
      <th scope="row">
        {functionName}
        <span className="call-list__detail">
          {t(`contactChannel.${route.channel}`)}
          {route.label ? ` · ${route.label}` : ''} · {labelOf(t, 'availability', route.availability)}
        </span>
        {route.restricted ? <span className="tag tag--restricted">{t('eventReport.calls.restricted')}</span> : null}
      </th>
      <td className="call-list__number">
        <ContactValue channel={route.channel} value={route.value} />
      </td>
      <td>
        {route.lastCall ? (
          <>
            <strong>{t(`event.callOutcome.${route.lastCall.outcome}`)}</strong>{' '}
            {formatDateTime(locale, route.lastCall.calledAt)}
            {route.lastCall.calledByName ? ` ${t('eventReport.calls.by', { name: route.lastCall.calledByName })}` : ''}
            {route.lastCall.note ? <span className="call-list__detail prewrap">{route.lastCall.note}</span> : null}
          </>
        ) : (
          <span className="muted">{t('eventReport.calls.notCalled')}</span>
        )}
      </td>
      {recording ? (
        <td className="call-list__record-column">
          <Form method="post" className="call-record" preventScrollReset>
            <input type="hidden" name="intent" value="call" />
            <input type="hidden" name="contactRouteId" value={route.id} />
            {result?.calledAt ? (
              <FormMessage kind="success">
                {t('eventReport.calls.recorded', { time: formatDateTime(locale, result.calledAt) })}
              </FormMessage>
            ) : null}
            {result?.errors._form ? (
              <FormMessage kind="error">{translateMessage(t, result.errors._form)}</FormMessage>
            ) : null}
            <label htmlFor={noteId} className="call-record__label">
              {t('eventReport.calls.note')}
              <span className="visually-hidden"> – {routeName}</span>
            </label>
            {result?.errors.note ? (
              <p className="field__error" id={`${noteId}-error`}>
                {translateMessage(t, result.errors.note)}
              </p>
            ) : null}
            <input
              id={noteId}
              name="note"
              type="text"
              maxLength={300}
              autoComplete="off"
              aria-invalid={result?.errors.note ? true : undefined}
              aria-describedby={result?.errors.note ? `${noteId}-error` : undefined}
            />
            <div className="call-record__outcomes">
              {callOutcomes.map((outcome) => (
                <button
                  key={outcome}
                  type="submit"
                  name="outcome"
                  value={outcome}
                  className="button button--small button--secondary"
                  disabled={busy}
                >
                  {t(`event.callOutcome.${outcome}`)}
                  <span className="visually-hidden"> – {routeName}</span>
                </button>
              ))}
            </div>
          </Form>
        </td>
      ) : null}
    </tr>
  )
}

const REFRESH_MS = 20_000

/**
 * Keeps the service worker's copy of this page current (public/sw.js keeps
 * the latest call list for use without a network): a visit by client-side
 * navigation or a recorded call changes the page without loading it as a
 * document, so the page asks for itself once more, at most every 20 s.
 */
export function useKeepCallListOffline(path: string, fetchedAt: string) {
  useEffect(() => {
    if (!('serviceWorker' in navigator) || !navigator.serviceWorker.controller) return
    const key = `portal-offline-call-list:${path}`
    if (Date.now() - Number(sessionStorage.getItem(key) ?? 0) < REFRESH_MS) return
    sessionStorage.setItem(key, String(Date.now()))
    fetch(path, { credentials: 'same-origin', headers: { Accept: 'text/html' } }).catch(() => {
      // Offline or refused: the saved copy stays as it was.
    })
  }, [path, fetchedAt])
}
