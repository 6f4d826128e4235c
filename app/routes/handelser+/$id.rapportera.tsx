import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useKeptActionData } from '~/components/events/use-kept-action-data'
import { StatusReportForm } from '~/components/events/status-report-form'
import { FormMessage } from '~/components/forms/field'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { actingOrganisationIds, eventEnded } from '~/modules/events/event-access.server'
import { organisationOptions, readableEventPage } from '~/modules/events/event-page.server'
import { handleReportForm, reportServiceViews } from '~/modules/events/status-report-page.server'
import { readFormData } from '~/modules/http/form-data.server'
import { forbidden } from '~/modules/http/responses'
import eventReportStyles from '~/styles/event-reports.css?url'

export const links = () => [{ rel: 'stylesheet', href: eventReportStyles }]

// A taking-part organisation's editor (or the municipality's duty officer)
// reports the status of the organisation's own critical services. Which
// organisations the user may report for is actingOrganisationIds' to say;
// any other is refused, whatever the form or the address names. The page
// has no meta of its own: the layout's title names the event (and ÖVNING).

async function reportingPage(request: Request, params: { id?: string }) {
  const page = await readableEventPage(request, params)
  const acting = actingOrganisationIds(page.user, page.event, 'event.report')
  if (acting.length === 0) throw forbidden()
  return { ...page, acting }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, event, acting } = await reportingPage(request, params)
  const requested = new URL(request.url).searchParams.get('organisation')
  const organisations = await organisationOptions(db, acting)
  const organisationId = requested ?? organisations[0]!.id
  if (!acting.includes(organisationId)) throw forbidden()
  return {
    eventId: event.id,
    ended: eventEnded(event),
    organisations,
    organisationId,
    services: await reportServiceViews(db, event.id, organisationId),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, event, acting } = await reportingPage(request, params)
  const formData = await readFormData(request)
  const organisationId = formData.get('organisationId')
  if (typeof organisationId !== 'string' || !acting.includes(organisationId)) throw forbidden()
  return handleReportForm(db, formData, { event, organisationId, reportedBy: user.id, via: 'portal' })
}

export default function ReportStatusPage() {
  const t = useT()
  const locale = useLocale()
  const { eventId, ended, organisations, organisationId, services } = useLoaderData<typeof loader>()
  const result = useKeptActionData<typeof action>()
  const organisation = organisations.find((row) => row.id === organisationId)
  return (
    <section className="status-report-page" aria-labelledby="report-heading">
      <h2 id="report-heading">{t('eventReport.page.title')}</h2>
      <p>{t('eventReport.page.intro')}</p>
      {organisations.length > 1 ? (
        <Form method="get" className="status-report-page__picker">
          <label htmlFor="report-organisation">{t('eventReport.page.organisation')}</label>
          <select id="report-organisation" name="organisation" defaultValue={organisationId}>
            {organisations.map((row) => (
              <option key={row.id} value={row.id}>
                {row.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary">
            {t('eventReport.page.show')}
          </button>
        </Form>
      ) : null}
      <p className="status-report-page__for">
        <strong>{t('eventReport.page.for', { organisation: organisation?.name ?? '' })}</strong>
      </p>
      {result?.saved ? (
        <FormMessage kind="success">
          {t('eventReport.saved', { time: formatDateTime(locale, result.saved.at), count: result.saved.count })}
        </FormMessage>
      ) : null}
      {ended ? (
        <FormMessage kind="info">{t('eventReport.page.ended')}</FormMessage>
      ) : services.length === 0 ? (
        <p>{t('eventReport.form.noServices')}</p>
      ) : (
        <StatusReportForm
          key={`${organisationId}-${result?.saved?.at ?? 'form'}`}
          services={services}
          submitted={result?.values ?? null}
          errors={result?.errors ?? {}}
          hidden={{ organisationId }}
          action={`/handelser/${eventId}/rapportera${organisations.length > 1 ? `?organisation=${organisationId}` : ''}`}
        />
      )}
    </section>
  )
}
