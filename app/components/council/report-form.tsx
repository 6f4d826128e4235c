import { Form, useRevalidator } from '@remix-run/react'
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { Field, FieldGroup, FormMessage } from '~/components/forms/field'
import type { Tiles } from '~/components/scenarios/area-field'
import { ClientOnly, useHydrated } from '~/components/ui/client-only'
import { reportLocationKinds } from '~/db/enums'
import { formatDateTime, formatDegrees } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import type { OfflineLifetime } from '~/modules/auth/offline-lifetime'
import { MAX_DESCRIPTION } from '~/modules/council/report-form'
import {
  clearDraft,
  clearPending,
  enqueue,
  flushQueue,
  loadDraft,
  loadQueue,
  markPending,
  saveDraft,
  sendReports,
  takePending,
  type DraftScope,
  type DraftValues,
} from './report-draft'

const ReportPinMap = lazy(() => import('./report-pin-map.client').then((module) => ({ default: module.ReportPinMap })))

interface Option {
  id: string
  name: string
}

/**
 * The informant's report form, made for a phone in one hand: big choices, the
 * map or the phone's position for "where", and a draft that survives a
 * dropped connection, for as long as the session lasts. Without JavaScript
 * every part shows and it still sends.
 */
export function ReportForm({
  councilId,
  userId,
  organisations,
  categories,
  areas,
  tiles,
  initial,
  errors,
  fromServer,
  lifetime,
  signedOut,
}: {
  councilId: string
  userId: string
  organisations: Option[]
  categories: Option[]
  areas: Option[]
  tiles: Tiles
  initial: DraftValues
  errors: Record<string, string>
  fromServer: boolean
  /** How long drafts and waiting reports may be kept: the session's end and the longest a session lasts. */
  lifetime: OfflineLifetime
  /** The server refused the report because the session has ended. */
  signedOut: boolean
}) {
  const t = useT()
  const locale = useLocale()
  const hydrated = useHydrated()
  const [values, setValues] = useState<DraftValues>(initial)
  const [notice, setNotice] = useState<{
    kind: 'info' | 'success' | 'error'
    key: MessageKey
    params?: Record<string, string | number>
  } | null>(null)
  const [discarded, setDiscarded] = useState(false)
  // Once the session has ended the server has had the browser forget drafts and waiting reports: from
  // then on the form and the reports not sent live only in this page, and nothing more is stored.
  const [ended, setEnded] = useState(false)
  const [unsent, setUnsent] = useState<DraftValues[]>([])
  const [locating, setLocating] = useState<'idle' | 'working' | 'failed' | { metres: number }>('idle')
  const revalidator = useRevalidator()
  const started = useRef(false)
  const memoryOnly = useRef(false)
  memoryOnly.current = ended
  const formValues = useRef(values)
  formValues.current = values
  const action = `/trygghet/${councilId}/rapportera`
  const { sessionEndsAt, maxAgeMs, idleMinutes } = lifetime
  const scope: DraftScope = useMemo(
    () => ({ councilId, userId, lifetime: { sessionEndsAt, maxAgeMs, idleMinutes } }),
    [councilId, userId, sessionEndsAt, maxAgeMs, idleMinutes],
  )

  // Once in the browser: a client key for this report, the draft if one was kept, and any report waiting to be sent.
  useEffect(() => {
    if (started.current) return
    started.current = true
    const draft = fromServer ? { values: null, expired: false } : loadDraft(scope)
    setValues((current) => {
      const next = { ...current, ...(draft.values ?? {}) }
      if (!next.clientKey) next.clientKey = crypto.randomUUID()
      return next
    })
    if (draft.values) setNotice({ kind: 'info', key: 'council.report.draftRestored' })
    // A report whose sending was never confirmed goes with the waiting ones.
    const pending = fromServer ? { values: null, expired: false } : takePending(scope)
    if (pending.values) enqueue(scope, pending.values)
    if (draft.expired || pending.expired || loadQueue(scope).expired) setDiscarded(true)
  }, [fromServer, scope])

  // Reports waiting for a connection go now if there is one, and whenever it comes back.
  useEffect(() => {
    const send = async () => {
      if (!navigator.onLine || loadQueue(scope).values.length === 0) return
      const { sent, refused, signedOut: notSent } = await flushQueue(scope, action)
      if (notSent.length > 0) {
        keepInPage(notSent)
        setNotice({ kind: 'error', key: 'council.report.queuedSignedOut', params: { count: notSent.length } })
      } else if (refused) {
        setValues(refused)
        setNotice({ kind: 'error', key: 'council.report.queuedFailed' })
      } else if (sent > 0) setNotice({ kind: 'success', key: 'council.report.queuedSent' })
    }
    void send()
    window.addEventListener('online', send)
    return () => window.removeEventListener('online', send)
  }, [action, scope])

  /** The first report not sent goes into an empty form, the others wait in the list under it. */
  const keepInPage = (reports: DraftValues[]) => {
    memoryOnly.current = true
    setEnded(true)
    const [first, ...rest] = reports
    if (first && !formValues.current.description?.trim()) {
      setValues(first)
      setUnsent((shown) => [...shown, ...rest])
    } else setUnsent((shown) => [...shown, ...reports])
  }

  /** Swaps a listed report with what the form holds. */
  const putInForm = (report: DraftValues) => {
    const held = formValues.current
    setUnsent((shown) => [...shown.filter((item) => item !== report), ...(held.description?.trim() ? [held] : [])])
    setValues(report)
  }

  /**
   * Sends what the page holds after the session ended (the form and the list),
   * once the user has signed in again. A navigation would drop the list, so
   * they go as the waiting reports do; once one gets through, the session is
   * live again and the page fetches its new lifetime.
   */
  const sendHeld = async () => {
    const held = [...(formValues.current.description?.trim() ? [formValues.current] : []), ...unsent]
    const { sent, refused, signedOut: stillOut, failed } = await sendReports(held, action)
    const notSent = [...(refused ? [refused] : []), ...failed, ...stillOut]
    setValues(notSent[0] ?? { ...initial, description: '', clientKey: crypto.randomUUID() })
    setUnsent(notSent.slice(1))
    if (stillOut.length > 0 && sent === 0 && !refused) {
      setNotice({ kind: 'error', key: 'council.report.queuedSignedOut', params: { count: held.length } })
      return
    }
    setEnded(false)
    revalidator.revalidate()
    if (refused) setNotice({ kind: 'error', key: 'council.report.queuedFailed' })
    else if (notSent.length > 0)
      setNotice({ kind: 'error', key: 'council.report.queuedSignedOut', params: { count: notSent.length } })
    else setNotice({ kind: 'success', key: 'council.report.queuedSent' })
  }

  const update = (changes: DraftValues) => {
    setValues((current) => {
      const next = { ...current, ...changes }
      if (!memoryOnly.current) saveDraft(scope, next)
      return next
    })
  }

  // The server refused the report: nothing was stored, so it is a draft again, unless the session has ended.
  // Only a new answer of the server runs this: not the new lifetime a revalidation brings.
  const scopeNow = useRef(scope)
  scopeNow.current = scope
  useEffect(() => {
    if (!fromServer) return
    clearPending(scopeNow.current)
    if (signedOut) {
      setEnded(true)
      setNotice({ kind: 'error', key: 'council.report.signedOut' })
      return
    }
    setValues((current) => {
      saveDraft(scopeNow.current, current)
      return current
    })
  }, [fromServer, errors, signedOut])

  // What lives only in this page is lost with it: the browser asks before the tab is closed or reloaded.
  const holdsUnsaved = unsent.length > 0 || (ended && Boolean(values.description?.trim()))
  useEffect(() => {
    if (!holdsUnsaved) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [holdsUnsaved])

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // With reports listed in the page a navigation would drop them: Send sends them all, as the queue does.
    if (unsent.length > 0 && navigator.onLine) {
      event.preventDefault()
      void sendHeld()
      return
    }
    if (memoryOnly.current) {
      // Nothing more is stored for a session that has ended; offline, the reports simply stay in the page.
      if (navigator.onLine) return
      event.preventDefault()
      setNotice({ kind: 'error', key: 'council.report.signedOut' })
      return
    }
    if (unsent.length > 0) {
      // Signed in again but offline: the listed reports join the queue like any other.
      for (const report of unsent) enqueue(scope, report)
      setUnsent([])
    }
    if (navigator.onLine) {
      markPending(scope, values)
      clearDraft(scope)
      return
    }
    // No connection: keep it on the phone and send it when the connection is back.
    event.preventDefault()
    enqueue(scope, values)
    clearDraft(scope)
    setValues({ ...initial, description: '', clientKey: crypto.randomUUID() })
    setNotice({ kind: 'info', key: 'council.report.offlineQueued' })
  }

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocating('failed')
      return
    }
    setLocating('working')
    navigator.geolocation.getCurrentPosition(
      (position) => {
        update({ lat: formatDegrees(position.coords.latitude), lng: formatDegrees(position.coords.longitude) })
        setLocating({ metres: Math.round(position.coords.accuracy) })
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    )
  }

  const kind = values.locationKind ?? 'pin'
  const show = (section: string) => !hydrated || kind === section
  const pin =
    values.lat && values.lng && Number.isFinite(Number(values.lat.replace(',', '.')))
      ? ([Number(values.lat.replace(',', '.')), Number(values.lng.replace(',', '.'))] as [number, number])
      : null

  return (
    <Form method="post" action={action} noValidate className="stack report-form" onSubmit={onSubmit}>
      {discarded ? <FormMessage kind="error">{t('council.report.expiredDiscarded')}</FormMessage> : null}
      {notice ? (
        <FormMessage kind={notice.kind}>
          {t(notice.key, notice.params)}
          {notice.key === 'council.report.signedOut' || notice.key === 'council.report.queuedSignedOut' ? (
            <>
              {' '}
              <a href="/logga-in" target="_blank" rel="noopener">
                {t('council.report.signInNewTab')}
              </a>
            </>
          ) : null}
        </FormMessage>
      ) : null}
      {unsent.length > 0 ? (
        <section className="panel" aria-labelledby="report-unsent">
          <h2 id="report-unsent" className="h3">
            {t('council.report.unsentTitle')}
          </h2>
          <ul className="link-list">
            {unsent.map((report, index) => (
              <li key={report.clientKey ?? index}>
                {[report.observedDate, report.observedTime].filter(Boolean).join(' ')} – {report.description}{' '}
                <button type="button" className="button button--secondary" onClick={() => putInForm(report)}>
                  {t('council.report.putInForm')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="field__hint">
        {t('council.report.keptUntil', { minutes: idleMinutes, time: formatDateTime(locale, new Date(sessionEndsAt)) })}
      </p>
      {Object.keys(errors).length > 0 ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
      <input type="hidden" name="clientKey" value={values.clientKey ?? ''} />

      {organisations.length === 1 ? (
        <input type="hidden" name="organisationId" value={organisations[0]!.id} />
      ) : (
        <Field label={t('council.report.organisation')} name="organisationId" error={errors.organisationId}>
          {(props) => (
            <select
              {...props}
              value={values.organisationId ?? ''}
              onChange={(e) => update({ organisationId: e.target.value })}
            >
              <option value="">{t('council.informants.chooseOrganisation')}</option>
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}

      <FieldGroup
        legend={t('council.report.category')}
        className="choices report-form__categories"
        error={errors.categoryId}
      >
        {categories.map((category) => (
          <label key={category.id} className="choice">
            <input
              type="radio"
              name="categoryId"
              value={category.id}
              checked={values.categoryId === category.id}
              onChange={() => update({ categoryId: category.id })}
            />
            <span>{category.name}</span>
          </label>
        ))}
      </FieldGroup>

      <FieldGroup
        legend={t('council.report.where')}
        className="choices report-form__where"
        error={errors.lat ?? errors.areaId}
      >
        <div className="segmented">
          {reportLocationKinds.map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="locationKind"
                value={option}
                checked={kind === option}
                onChange={() => update({ locationKind: option })}
              />
              <span>{t(`council.report.locationKind.${option}`)}</span>
            </label>
          ))}
        </div>

        {show('position') ? (
          <ClientOnly>
            {() => (
              <div className="report-form__locate">
                <button type="button" className="button button--secondary" onClick={locate}>
                  {t('council.report.usePosition')}
                </button>
                <p role="status" className="field__hint">
                  {locating === 'working'
                    ? t('council.report.positionWorking')
                    : locating === 'failed'
                      ? t('council.report.positionFailed')
                      : typeof locating === 'object'
                        ? t('council.report.positionFound', { metres: locating.metres })
                        : ''}
                </p>
              </div>
            )}
          </ClientOnly>
        ) : null}

        {show('pin') ? (
          <ClientOnly>
            {() => (
              <>
                <p className="field__hint">{t('council.report.mapHelp')}</p>
                <Suspense fallback={<div className="report-map report-map--loading" />}>
                  <ReportPinMap
                    pin={pin}
                    center={null}
                    tiles={tiles}
                    label={t('council.report.mapHelp')}
                    onPlace={(lat, lng) => update({ lat: formatDegrees(lat), lng: formatDegrees(lng) })}
                  />
                </Suspense>
              </>
            )}
          </ClientOnly>
        ) : null}

        {show('pin') || show('position') ? (
          <div className="report-form__coordinates">
            <p className="field__hint">{t('council.report.coordinatesHint')}</p>
            <Field label={t('council.report.lat')} name="lat">
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  autoComplete="off"
                  value={values.lat ?? ''}
                  onChange={(e) => update({ lat: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('council.report.lng')} name="lng">
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  autoComplete="off"
                  value={values.lng ?? ''}
                  onChange={(e) => update({ lng: e.target.value })}
                />
              )}
            </Field>
          </div>
        ) : null}

        {show('area') ? (
          areas.length === 0 ? (
            <p className="field__hint">{t('council.report.noAreas')}</p>
          ) : (
            <Field label={t('council.report.area')} name="areaId">
              {(props) => (
                <select {...props} value={values.areaId ?? ''} onChange={(e) => update({ areaId: e.target.value })}>
                  <option value="">{t('council.report.chooseArea')}</option>
                  {areas.map((area) => (
                    <option key={area.id} value={area.id}>
                      {area.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )
        ) : null}
      </FieldGroup>

      <FieldGroup legend={t('council.report.when')} className="choices report-form__when" error={errors.observedDate}>
        <Field label={t('council.report.date')} name="observedDate">
          {(props) => (
            <input
              {...props}
              type="date"
              value={values.observedDate ?? ''}
              onChange={(e) => update({ observedDate: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('council.report.time')} name="observedTime">
          {(props) => (
            <input
              {...props}
              type="time"
              value={values.observedTime ?? ''}
              onChange={(e) => update({ observedTime: e.target.value })}
            />
          )}
        </Field>
      </FieldGroup>

      <Field
        label={t('council.report.description')}
        name="description"
        hint={t('council.report.descriptionHint')}
        error={errors.description}
      >
        {(props) => (
          <textarea
            {...props}
            rows={4}
            maxLength={MAX_DESCRIPTION}
            value={values.description ?? ''}
            onChange={(e) => update({ description: e.target.value })}
          />
        )}
      </Field>

      <button type="submit" className="button report-form__send">
        {t('council.report.send')}
      </button>
    </Form>
  )
}
