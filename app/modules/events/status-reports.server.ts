import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import type { EventNeed, ServiceStatus } from '~/db/enums'
import { eventOrganisations, events, eventStatusReports, type EventStatusReport } from '~/db/schema/events'
import { organisations } from '~/db/schema/organisations'
import { criticalServices } from '~/db/schema/registry'
import { users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import { appendLogEntry } from './event-log-append.server'
import { eventEnded } from './event-access.server'
import { notifyEventChanged } from './event-notify.server'
import type { ParsedServiceReport, ReportableService, ServiceReportFields } from './status-report-form'
import { statusReportLogText } from './status-report-text'

// Status reports are history: each is a new row stamped by the server's
// clock, never changed (the database refuses UPDATE and DELETE); the newest
// per service is its state. A report is filed for one service of one
// organisation that takes part in an event that has not ended; the report,
// its audit entry, its log line and the live-update notice commit together.

export type StatusReportRefusal = 'not_found' | 'ended' | 'not_taking_part' | 'foreign_service'

/** Why a report was refused, in words a reporter understands. */
export class StatusReportRefused extends Error {
  constructor(readonly reason: StatusReportRefusal) {
    super(
      {
        not_found: 'Händelsen finns inte.',
        ended: 'Händelsen är avslutad: den tar inte emot fler lägesrapporter.',
        not_taking_part: 'Organisationen deltar inte i händelsen.',
        foreign_service: 'Verksamheten hör inte till organisationen.',
      }[reason],
    )
    this.name = 'StatusReportRefused'
  }
}

export interface StatusReportInput {
  eventId: string
  organisationId: string
  serviceId: string
  status: ServiceStatus
  backupHoursLeft: number | null
  expectedRestorationAt: Date | null
  note: string
  needs: EventNeed[]
  needsOther: string
  /** Null when filed through a status link. */
  reportedBy: string | null
  via: 'portal' | 'link'
}

/** Files one report; throws StatusReportRefused (and writes nothing) when it may not be filed. */
export async function fileStatusReport(db: Executor, input: StatusReportInput): Promise<EventStatusReport> {
  return db.transaction(async (tx) => {
    // Shared lock: ending the event waits for the report, and a report never lands after the end.
    const [event] = await tx
      .select({ endedAt: events.endedAt })
      .from(events)
      .where(eq(events.id, input.eventId))
      .for('share')
    if (!event) throw new StatusReportRefused('not_found')
    if (eventEnded(event)) throw new StatusReportRefused('ended')
    const [taking] = await tx
      .select({ name: organisations.name })
      .from(eventOrganisations)
      .innerJoin(organisations, eq(organisations.id, eventOrganisations.organisationId))
      .where(
        and(eq(eventOrganisations.eventId, input.eventId), eq(eventOrganisations.organisationId, input.organisationId)),
      )
    if (!taking) throw new StatusReportRefused('not_taking_part')
    const [service] = await tx
      .select({ name: criticalServices.name })
      .from(criticalServices)
      .where(and(eq(criticalServices.id, input.serviceId), eq(criticalServices.organisationId, input.organisationId)))
    if (!service) throw new StatusReportRefused('foreign_service')
    const backupHoursLeft = input.status === 'backup' ? input.backupHoursLeft : null
    const [report] = await tx
      .insert(eventStatusReports)
      .values({
        eventId: input.eventId,
        organisationId: input.organisationId,
        serviceId: input.serviceId,
        status: input.status,
        backupHoursLeft,
        expectedRestorationAt: input.expectedRestorationAt,
        note: input.note,
        needs: input.needs,
        needsOther: input.needsOther,
        reportedBy: input.reportedBy,
        via: input.via,
        // The server's clock, whatever the client says.
        reportedAt: sql`now()`,
      })
      .returning()
    await recordAudit(tx, {
      userId: input.reportedBy,
      organisationId: input.organisationId,
      entity: 'event_status_report',
      entityId: input.eventId,
      action: 'create',
      changes: {
        organisationId: { before: null, after: input.organisationId },
        serviceId: { before: null, after: input.serviceId },
        status: { before: null, after: input.status },
        ...(backupHoursLeft !== null ? { backupHoursLeft: { before: null, after: backupHoursLeft } } : {}),
        ...(input.expectedRestorationAt
          ? { expectedRestorationAt: { before: null, after: input.expectedRestorationAt.toISOString() } }
          : {}),
        ...(input.note ? { note: { before: null, after: input.note } } : {}),
        ...(input.needs.length > 0 ? { needs: { before: null, after: input.needs } } : {}),
        ...(input.needsOther ? { needsOther: { before: null, after: input.needsOther } } : {}),
        via: { before: null, after: input.via },
      },
    })
    await appendLogEntry(tx, {
      eventId: input.eventId,
      kind: 'status_report',
      text: statusReportLogText({ serviceName: service.name, ...input, backupHoursLeft }),
      organisationId: input.organisationId,
      authorId: input.reportedBy,
      authorName: await authorName(tx, input.reportedBy, taking.name),
    })
    await notifyEventChanged(tx, input.eventId, 'status')
    return report!
  })
}

async function authorName(db: Executor, userId: string | null, organisationName: string): Promise<string> {
  if (userId === null) return `${organisationName} (via statuslänk)`
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId))
  return user?.name ?? ''
}

export type FileReportsResult =
  { ok: true; reportedAt: Date; count: number } | { ok: false; reason: StatusReportRefusal }

/** Files the changed rows of one form together: all of them, or none. */
export async function fileStatusReports(
  db: Executor,
  input: {
    eventId: string
    organisationId: string
    reports: readonly ParsedServiceReport[]
    reportedBy: string | null
    via: 'portal' | 'link'
  },
): Promise<FileReportsResult> {
  try {
    const filed = await db.transaction(async (tx) => {
      const rows: EventStatusReport[] = []
      for (const report of input.reports) {
        rows.push(
          await fileStatusReport(tx, {
            ...report,
            eventId: input.eventId,
            organisationId: input.organisationId,
            reportedBy: input.reportedBy,
            via: input.via,
          }),
        )
      }
      return rows
    })
    return { ok: true, reportedAt: filed[0]!.reportedAt, count: filed.length }
  } catch (error) {
    if (error instanceof StatusReportRefused) return { ok: false, reason: error.reason }
    throw error
  }
}

function fieldsOf(report: EventStatusReport): ServiceReportFields {
  return {
    status: report.status,
    backupHoursLeft: report.backupHoursLeft,
    expectedRestorationAt: report.expectedRestorationAt,
    note: report.note,
    needs: report.needs,
    needsOther: report.needsOther,
  }
}

/** The newest report of each of the organisation's services in the event, by service id. */
export async function latestReports(
  db: Executor,
  eventId: string,
  organisationId: string,
): Promise<Map<string, EventStatusReport>> {
  const rows = await db
    .selectDistinctOn([eventStatusReports.serviceId])
    .from(eventStatusReports)
    .where(and(eq(eventStatusReports.eventId, eventId), eq(eventStatusReports.organisationId, organisationId)))
    .orderBy(eventStatusReports.serviceId, desc(eventStatusReports.reportedAt), desc(eventStatusReports.id))
  return new Map(rows.map((row) => [row.serviceId, row]))
}

/** Every report of one service in the event, newest first. */
export function reportHistory(db: Executor, eventId: string, serviceId: string): Promise<EventStatusReport[]> {
  return db
    .select()
    .from(eventStatusReports)
    .where(and(eq(eventStatusReports.eventId, eventId), eq(eventStatusReports.serviceId, serviceId)))
    .orderBy(desc(eventStatusReports.reportedAt), desc(eventStatusReports.id))
}

export interface ReportFormService extends ReportableService {
  name: string
  reportedAt: Date | null
}

/** The organisation's critical services with their latest reports: what the form shows and checks against. */
export async function reportFormServices(
  db: Executor,
  eventId: string,
  organisationId: string,
): Promise<ReportFormService[]> {
  const [services, latest] = await Promise.all([
    db
      .select({ id: criticalServices.id, name: criticalServices.name })
      .from(criticalServices)
      .where(eq(criticalServices.organisationId, organisationId))
      .orderBy(asc(criticalServices.name), asc(criticalServices.id)),
    latestReports(db, eventId, organisationId),
  ])
  return services.map((service) => {
    const report = latest.get(service.id)
    return { ...service, latest: report ? fieldsOf(report) : null, reportedAt: report?.reportedAt ?? null }
  })
}
