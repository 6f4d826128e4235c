import { Form } from '@remix-run/react'
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react'
import { Field, FieldGroup, FormMessage } from '~/components/forms/field'
import type { Tiles } from '~/components/scenarios/area-field'
import { ClientOnly, useHydrated } from '~/components/ui/client-only'
import { reportLocationKinds } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
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
  takePending,
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
 * dropped connection. Without JavaScript every part shows and it still sends.
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
}) {
  const t = useT()
  const hydrated = useHydrated()
  const [values, setValues] = useState<DraftValues>(initial)
  const [notice, setNotice] = useState<{ kind: 'info' | 'success' | 'error'; key: MessageKey } | null>(null)
  const [locating, setLocating] = useState<'idle' | 'working' | 'failed' | { metres: number }>('idle')
  const started = useRef(false)
  const action = `/trygghet/${councilId}/rapportera`

  // Once in the browser: a client key for this report, the draft if one was kept, and any report waiting to be sent.
  useEffect(() => {
    if (started.current) return
    started.current = true
    const draft = fromServer ? null : loadDraft(councilId, userId)
    setValues((current) => {
      const next = { ...current, ...(draft ?? {}) }
      if (!next.clientKey) next.clientKey = crypto.randomUUID()
      return next
    })
    if (draft) setNotice({ kind: 'info', key: 'council.report.draftRestored' })
    // A report whose sending was never confirmed goes with the waiting ones.
    const pending = fromServer ? null : takePending(councilId, userId)
    if (pending) enqueue(councilId, userId, pending)
    const send = async () => {
      if (!navigator.onLine || loadQueue(councilId, userId).length === 0) return
      const { sent, refused } = await flushQueue(councilId, userId, action)
      if (refused) {
        setValues(refused)
        setNotice({ kind: 'error', key: 'council.report.queuedFailed' })
      } else if (sent > 0) setNotice({ kind: 'success', key: 'council.report.queuedSent' })
    }
    void send()
    window.addEventListener('online', send)
    return () => window.removeEventListener('online', send)
  }, [action, councilId, fromServer, userId])

  const update = (changes: DraftValues) => {
    setValues((current) => {
      const next = { ...current, ...changes }
      saveDraft(councilId, userId, next)
      return next
    })
  }

  // The server refused the report: nothing was stored, so it is a draft again.
  useEffect(() => {
    if (!fromServer) return
    clearPending(councilId, userId)
    setValues((current) => {
      saveDraft(councilId, userId, current)
      return current
    })
  }, [councilId, fromServer, errors, userId])

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (navigator.onLine) {
      markPending(councilId, userId, values)
      clearDraft(councilId, userId)
      return
    }
    // No connection: keep it on the phone and send it when the connection is back.
    event.preventDefault()
    enqueue(councilId, userId, values)
    clearDraft(councilId, userId)
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
        update({ lat: position.coords.latitude.toFixed(6), lng: position.coords.longitude.toFixed(6) })
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
      {notice ? <FormMessage kind={notice.kind}>{t(notice.key)}</FormMessage> : null}
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
                    onPlace={(lat, lng) => update({ lat: lat.toFixed(6), lng: lng.toFixed(6) })}
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
