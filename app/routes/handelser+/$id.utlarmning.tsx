import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useKeptActionData } from '~/components/events/use-kept-action-data'
import { z } from 'zod'
import { CalloutPanel } from '~/components/events/callout-panel'
import {
  CallListTable,
  useKeepCallListOffline,
  type CallListOrganisationView,
} from '~/components/events/call-list-table'
import { PrintButton } from '~/components/ui/print-button'
import { callOutcomes } from '~/db/enums'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { assertPermission } from '~/modules/auth/guards.server'
import { offlineLifetime, offlineLifetimeHeaders } from '~/modules/auth/offline-lifetime.server'
import { callList, recordCall } from '~/modules/events/call-list.server'
import { callOut } from '~/modules/events/callout.server'
import { eventEnded, eventResource } from '~/modules/events/event-access.server'
import { readableEventPage } from '~/modules/events/event-page.server'
import { enumField, optionalText, uuidField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'
import { notFound } from '~/modules/http/responses'
import eventReportStyles from '~/styles/event-reports.css?url'

export const links = () => [{ rel: 'stylesheet', href: eventReportStyles }]

// The call-out and the call list, for those who lead the event. The service
// worker (public/sw.js) keeps the latest copy of this page for use without a
// network, no longer than the session lasts (the X-Offline-* headers); the
// browser's HTTP cache must not keep a second one (docs/decisions/003).
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  for (const name of ['X-Offline-Session-Ends', 'X-Offline-Max-Age-Ms']) {
    const value = loaderHeaders.get(name)
    if (value) headers.set(name, value)
  }
  return headers
}

const CallSchema = z.object({
  contactRouteId: uuidField,
  outcome: enumField(callOutcomes),
  note: optionalText(300),
})

async function leadingPage(request: Request, params: { id?: string }) {
  const page = await readableEventPage(request, params)
  assertPermission(page.user, 'event.manage', eventResource(page.event))
  return page
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, event } = await leadingPage(request, params)
  const list = await callList(db, event.id, user)
  const calledOut = list.flatMap((row) => (row.calledOutAt ? [row.calledOutAt.getTime()] : []))
  const organisations: CallListOrganisationView[] = list.map((organisation) => ({
    ...organisation,
    calledOutAt: organisation.calledOutAt?.toISOString() ?? null,
    routes: organisation.routes.map((route) => ({
      ...route,
      lastCall: route.lastCall ? { ...route.lastCall, calledAt: route.lastCall.calledAt.toISOString() } : null,
    })),
  }))
  const page = {
    event: { id: event.id, title: event.title, exercise: event.kind === 'exercise', ended: eventEnded(event) },
    organisations,
    lastCalledOutAt: calledOut.length > 0 ? new Date(Math.max(...calledOut)).toISOString() : null,
    fetchedAt: new Date().toISOString(),
  }
  return data(page, { headers: offlineLifetimeHeaders(await offlineLifetime(request)) })
}

interface ActionData {
  form: string
  notice: string | null
  callout: { organisations: number; sent: number; failed: number; withoutEmail: string[] } | null
  calledAt: string | null
  errors: Record<string, string>
}

const reply = (body: Partial<ActionData> & { form: string }, status = 200) =>
  data<ActionData>({ notice: null, callout: null, calledAt: null, errors: {}, ...body }, { status })

type CalloutAction = Awaited<ReturnType<typeof leadingPage>> & { formData: FormData }

async function callout({ user, db, event }: CalloutAction) {
  const result = await callOut(db, { event, actor: user })
  if (result.ok) return reply({ form: 'callout', callout: result })
  if (result.reason === 'ended') return reply({ form: 'callout', notice: 'eventReport.callout.ended' }, 409)
  if (result.reason === 'no_organisations')
    return reply({ form: 'callout', notice: 'eventReport.callout.noOrganisations' }, 400)
  throw notFound()
}

async function call({ user, db, event, formData }: CalloutAction) {
  const routeId = formData.get('contactRouteId')
  const form = `call:${typeof routeId === 'string' ? routeId : ''}`
  const parsed = parseForm(CallSchema, formData)
  if (!parsed.ok) return reply({ form, errors: parsed.errors }, 400)
  const result = await recordCall(db, { event, actor: user, ...parsed.data })
  if (result.ok) return reply({ form, calledAt: result.calledAt.toISOString() })
  if (result.reason === 'ended') return reply({ form: 'callout', notice: 'eventReport.callout.ended' }, 409)
  if (result.reason === 'unknown_route')
    return reply({ form, errors: { _form: 'eventReport.error.unknownRoute' } }, 400)
  throw notFound()
}

export async function action({ request, params }: ActionFunctionArgs) {
  const page = await leadingPage(request, params)
  const formData = await readFormData(request)
  return dispatchIntent(formData, { callout, call }, { ...page, formData })
}

export default function CalloutPage() {
  const t = useT()
  const locale = useLocale()
  const { event, organisations, lastCalledOutAt, fetchedAt } = useLoaderData<typeof loader>()
  const result = useKeptActionData<typeof action>()
  const path = `/handelser/${event.id}/utlarmning`
  useKeepCallListOffline(path, fetchedAt)
  const count = organisations.length
  return (
    <div className="call-list-page">
      <header className="call-list-page__print-head">
        {event.exercise ? <p className="call-list-page__exercise">{t('event.exercise')}</p> : null}
        <p>
          <strong>
            {t('eventReport.calls.title')}: {event.exercise ? `${t('event.exercise')} – ` : ''}
            {event.title}
          </strong>{' '}
          · {t('eventReport.calls.printedAt', { time: formatDateTime(locale, fetchedAt) })}
        </p>
      </header>
      {/* public/sw.js removes `hidden` when it serves this page from its cache. */}
      <div className="notice notice--error" data-offline-notice="" hidden role="status">
        {t('eventReport.calls.offlineNotice')}
      </div>
      <CalloutPanel
        exercise={event.exercise}
        ended={event.ended}
        organisations={count}
        lastCalledOutAt={lastCalledOutAt}
        notice={result?.notice ?? null}
        done={result?.callout ?? null}
      />
      <section aria-labelledby="calls-heading">
        <div className="page__heading">
          <h2 id="calls-heading">{t('eventReport.calls.title')}</h2>
          <PrintButton label={t('eventReport.calls.print')} />
        </div>
        <p className="call-list-page__intro">{t('eventReport.calls.intro')}</p>
        <p className="call-list-page__saved muted">
          {t('eventReport.calls.savedAt', { time: formatDateTime(locale, fetchedAt) })}
        </p>
        <CallListTable
          organisations={organisations}
          recording={!event.ended}
          result={result?.form.startsWith('call:') ? result : null}
        />
      </section>
    </div>
  )
}
