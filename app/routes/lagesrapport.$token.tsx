import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { StatusReportForm } from '~/components/events/status-report-form'
import { FormMessage } from '~/components/forms/field'
import { getDb } from '~/db/app-db.server'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { findOpenStatusLink } from '~/modules/events/status-links.server'
import { handleReportForm, reportServiceViews } from '~/modules/events/status-report-page.server'
import { readFormData } from '~/modules/http/form-data.server'
import { notFound } from '~/modules/http/responses'
import eventReportStyles from '~/styles/event-reports.css?url'

export const links = () => [{ rel: 'stylesheet', href: eventReportStyles }]

// The status link of a call-out: the secret in the address is the only
// credential, so the page shows no more than the mail did (the event's
// title and level, the organisation's own services) and files reports only
// for the link's organisation, whatever the form says. Whether the link
// still opens is findOpenStatusLink's to say, at every use.

const secretHeaders = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' }

export const headers: HeadersFunction = () => secretHeaders

async function lookup(token: string | undefined) {
  return token ? findOpenStatusLink(await getDb(), token) : null
}

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await lookup(params.token)
  if (!found) return data({ found: null }, { status: 404, headers: secretHeaders })
  const { event, organisationId, organisationName } = found
  return data(
    {
      found: {
        event: { id: event.id, title: event.title, kind: event.kind, level: event.level },
        organisationName,
        services: await reportServiceViews(await getDb(), event.id, organisationId),
      },
    },
    { headers: secretHeaders },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const found = await lookup(params.token)
  if (!found) throw notFound({ headers: secretHeaders })
  return handleReportForm(
    await getDb(),
    await readFormData(request),
    // Always the link's organisation, whatever the form says.
    { event: found.event, organisationId: found.organisationId, reportedBy: null, via: 'link' },
    secretHeaders,
  )
}

export default function StatusReportByLinkPage() {
  const t = useT()
  const locale = useLocale()
  const { found } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  if (!found) {
    return (
      <div className="page page--narrow">
        <h1>{t('eventReport.link.title')}</h1>
        <FormMessage kind="error">{t('eventReport.link.invalid')}</FormMessage>
      </div>
    )
  }
  const { event } = found
  const exercise = event.kind === 'exercise'
  return (
    <div
      className={
        exercise
          ? 'page page--narrow status-link-page status-link-page--exercise'
          : 'page page--narrow status-link-page'
      }
    >
      {exercise ? (
        <p className="status-link-page__exercise">
          <strong>{t('eventReport.link.exercise')}</strong>
        </p>
      ) : null}
      <h1>
        {exercise ? `${t('event.exercise')}: ` : ''}
        {t('eventReport.link.title')}
      </h1>
      <p>
        <strong>{t('eventReport.link.event', { title: event.title })}</strong>
        <br />
        {t('eventReport.link.level', { level: t(`event.level.${event.level}`) })}
      </p>
      <h2>{t('eventReport.page.for', { organisation: found.organisationName })}</h2>
      <p>{t('eventReport.link.intro', { organisation: found.organisationName })}</p>
      {result?.saved ? (
        <FormMessage kind="success">
          {t('eventReport.saved', { time: formatDateTime(locale, result.saved.at), count: result.saved.count })}
        </FormMessage>
      ) : null}
      {found.services.length === 0 ? (
        <p>{t('eventReport.form.noServicesLink')}</p>
      ) : (
        <StatusReportForm
          key={result?.saved?.at ?? 'form'}
          services={found.services}
          submitted={result?.values ?? null}
          errors={result?.errors ?? {}}
        />
      )}
      <p>
        <Link to={`/handelser/${event.id}`}>{t('eventReport.link.signIn')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  pageTitle(
    matches,
    (t) =>
      `${loaded?.found?.event.kind === 'exercise' ? `${t('event.exercise')}: ` : ''}${t('eventReport.meta.title')}`,
  ),
]
