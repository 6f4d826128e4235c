import { data } from '@remix-run/node'
import type { Database } from '~/db/client.server'
import type { ServiceStatus } from '~/db/enums'
import { forbidden } from '~/modules/http/responses'
import { eventEnded } from './event-access.server'
import { parseReportForm, reportValues, type ServiceReportValues } from './status-report-form'
import { fileStatusReports, reportFormServices, type ReportFormService } from './status-reports.server'

// What the two report pages share: the portal's (signed in, for one of the
// user's taking-part organisations) and the status link's (no session, for
// the link's organisation). Who reports for which organisation is decided
// before these are called; here the form is read and filed.

export interface ReportServiceView {
  id: string
  name: string
  latestStatus: ServiceStatus | null
  reportedAt: string | null
  values: ServiceReportValues
}

export interface ReportActionData {
  saved: { at: string; count: number } | null
  errors: Record<string, string>
  values: ServiceReportValues[] | null
}

function views(services: ReportFormService[]): ReportServiceView[] {
  return services.map((service) => ({
    id: service.id,
    name: service.name,
    latestStatus: service.latest?.status ?? null,
    reportedAt: service.reportedAt?.toISOString() ?? null,
    values: reportValues(service.id, service.latest),
  }))
}

/** The organisation's services as the form shows them, pre-filled from their latest reports. */
export async function reportServiceViews(
  db: Database,
  eventId: string,
  organisationId: string,
): Promise<ReportServiceView[]> {
  return views(await reportFormServices(db, eventId, organisationId))
}

/**
 * Reads and files one organisation's report form: 400 with field messages
 * and the input kept, 409 when the event has ended, 403 for a service that
 * is not the organisation's, else the server's time of the saved report.
 */
export async function handleReportForm(
  db: Database,
  formData: FormData,
  target: {
    event: { id: string; endedAt: Date | null }
    organisationId: string
    reportedBy: string | null
    via: 'portal' | 'link'
  },
  headers?: HeadersInit,
) {
  const reply = (body: ReportActionData, status = 200) => data(body, { status, headers })
  if (eventEnded(target.event))
    return reply({ saved: null, errors: { _form: 'eventReport.error.ended' }, values: null }, 409)
  const services = await reportFormServices(db, target.event.id, target.organisationId)
  const parsed = parseReportForm(formData, services, new Date())
  if (!parsed.ok && parsed.reason === 'foreign') throw forbidden({ headers })
  if (!parsed.ok) return reply({ saved: null, errors: parsed.errors, values: parsed.values }, 400)
  const filed = await fileStatusReports(db, {
    eventId: target.event.id,
    organisationId: target.organisationId,
    reports: parsed.reports,
    reportedBy: target.reportedBy,
    via: target.via,
  })
  if (!filed.ok && filed.reason === 'ended') {
    return reply({ saved: null, errors: { _form: 'eventReport.error.ended' }, values: null }, 409)
  }
  if (!filed.ok) throw forbidden({ headers })
  return reply({ saved: { at: filed.reportedAt.toISOString(), count: filed.count }, errors: {}, values: null })
}
