import { asc, desc, eq, sql } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import type { EventLogKind, EventNeed, Sector, ServiceStatus } from '~/db/enums'
import { eventLogEntries, eventOrganisations, eventStatusReports, type EventRecord } from '~/db/schema/events'
import { organisations } from '~/db/schema/organisations'
import { criticalServices, serviceSites, sites } from '~/db/schema/registry'
import { backupEndsAt, backupHoursLeftNow, compareServiceStates, statusOrder } from './event-picture'

// The event's overview at a glance: who has reported and when, the newest
// status of every reported service (table and map), open needs and the
// latest log entries. Built for an event with hundreds of organisations and
// thousands of services (docs/decisions/023-event-room.md): the newest
// report per service is one `distinct on` over the event's reports, from
// which one statement takes the counts and only the rows the page shows,
// worst first, with their sites' positions; the last report per organisation
// is one backward probe of the (event, organisation, reported_at) index each.

/** Rows of the services table (and dots on the map) the page shows at most; the counts cover all. */
export const PICTURE_SERVICE_LIMIT = 300
export const PICTURE_NEEDS_LIMIT = 100
export const PICTURE_LOG_LIMIT = 10

export interface PictureOrganisation {
  id: string
  name: string
  /** Its newest status report, if any (ISO instant). */
  lastReportAt: string | null
  calledOutAt: string | null
  services: number
  reportedServices: number
}

export interface PictureService {
  serviceId: string
  serviceName: string
  organisationId: string
  organisationName: string
  sector: Sector
  status: ServiceStatus
  reportedAt: string
  /** On backup: when it runs out, and the hours left now. */
  backupEndsAt: string | null
  backupHoursLeft: number | null
  expectedRestorationAt: string | null
  note: string
  needs: EventNeed[]
  needsOther: string
  /** Positions of its sites, [lat, lng]. */
  positions: [number, number][]
}

export interface PictureLogEntry {
  id: string
  seq: number
  kind: EventLogKind
  text: string
  authorName: string
  createdAt: string
  corrected: boolean
  correctsId: string | null
}

export interface EventPicture {
  /** The server's clock when the picture was taken. */
  at: string
  organisations: PictureOrganisation[]
  statusCounts: Record<ServiceStatus, number>
  /** Services of taking-part organisations with no report yet. */
  unreportedServices: number
  services: PictureService[]
  /** How many services match the filter, of which `services` holds the worst first. */
  servicesTotal: number
  openNeeds: PictureService[]
  openNeedsTotal: number
  log: PictureLogEntry[]
}

/** A service's newest report as the statement returns it (JSON: instants as text). */
interface RawService {
  serviceId: string
  serviceName: string
  organisationId: string
  organisationName: string
  sector: Sector
  status: ServiceStatus
  reportedAt: string
  backupHoursLeft: number | null
  expectedRestorationAt: string | null
  note: string
  needs: EventNeed[]
  needsOther: string
  positions: [number, number][] | null
}

interface RawServices {
  counts: Partial<Record<ServiceStatus, number>> | null
  byOrganisation: Record<string, number> | null
  matching: number
  needsTotal: number
  shown: RawService[] | null
  needs: RawService[] | null
}

const severityList = sql.raw(`array[${statusOrder.map((status) => `'${status}'`).join(',')}]::text[]`)

/**
 * The newest report of each service of an organisation still taking part
 * (one that was removed no longer counts): the counts, and the rows the page
 * shows, worst first.
 */
async function servicePicture(db: Executor, eventId: string, status: ServiceStatus | undefined): Promise<RawServices> {
  const filter = status ? sql`where status = ${status}` : sql``
  // Names are looked up for the shown rows only; among equals the newest report comes first.
  const worstFirst = sql`severity, backup_ends nulls last, reported_at desc, service_id`
  const asJson = sql`json_build_object('serviceId', x.service_id, 'serviceName', cs.name,
    'organisationId', x.organisation_id, 'organisationName', o.name, 'sector', cs.sector, 'status', x.status,
    'reportedAt', x.reported_at, 'backupHoursLeft', x.backup_hours_left, 'expectedRestorationAt', x.expected_restoration_at,
    'note', x.note, 'needs', x.needs, 'needsOther', x.needs_other,
    'positions', (select json_agg(json_build_array(s.lat, s.lng)) from ${serviceSites} ss join ${sites} s on s.id = ss.site_id
      where ss.service_id = x.service_id and s.lat is not null and s.lng is not null))`
  const named = sql`join ${criticalServices} cs on cs.id = x.service_id join ${organisations} o on o.id = x.organisation_id`
  // In the order of the (event, service, reported_at) index walked backwards, which spares a sort where the planner takes it.
  const query = sql`
    with l as materialized (
      select distinct on (r.service_id) r.service_id, r.organisation_id, r.status, r.backup_hours_left,
        r.expected_restoration_at, r.note, r.needs, r.needs_other, r.reported_at
      from ${eventStatusReports} r
      where r.event_id = ${eventId}
      order by r.service_id desc, r.reported_at desc
    ), t as materialized (
      select l.*, array_position(${severityList}, l.status) as severity,
        l.reported_at + l.backup_hours_left * interval '1 hour' as backup_ends,
        l.status not in ('normal', 'restored') and (jsonb_array_length(l.needs) > 0 or btrim(l.needs_other) <> '') as open_need
      from l join ${eventOrganisations} eo on eo.event_id = ${eventId} and eo.organisation_id = l.organisation_id
    ), shown as (
      select * from t ${filter} order by ${worstFirst} limit ${PICTURE_SERVICE_LIMIT}
    ), needing as (
      select * from t where open_need order by ${worstFirst} limit ${PICTURE_NEEDS_LIMIT}
    )
    select json_build_object(
      'counts', (select json_object_agg(status, n) from (select status, count(*) as n from t group by status) c),
      'byOrganisation', (select json_object_agg(organisation_id, n)
        from (select organisation_id, count(*) as n from t group by organisation_id) b),
      'matching', (select count(*) from t ${filter}),
      'needsTotal', (select count(*) from t where open_need),
      'shown', (select json_agg(${asJson}) from shown x ${named}),
      'needs', (select json_agg(${asJson}) from needing x ${named})
    )::text as data`
  const result = (await db.execute(query)) as unknown as { data: string }[] | { rows: { data: string }[] }
  const rows = Array.isArray(result) ? result : result.rows
  return JSON.parse(rows[0]!.data) as RawServices
}

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString())

function toService(raw: RawService, now: Date): PictureService {
  const reportedAt = new Date(raw.reportedAt)
  const backup = raw.status === 'backup'
  return {
    ...raw,
    reportedAt: reportedAt.toISOString(),
    backupEndsAt: backup ? (backupEndsAt(reportedAt, raw.backupHoursLeft)?.toISOString() ?? null) : null,
    backupHoursLeft: backup ? backupHoursLeftNow(reportedAt, raw.backupHoursLeft, now) : null,
    expectedRestorationAt: iso(raw.expectedRestorationAt),
    positions: raw.positions ?? [],
  }
}

export async function eventPicture(
  db: Executor,
  event: Pick<EventRecord, 'id'>,
  options: { status?: ServiceStatus; now?: Date } = {},
): Promise<EventPicture> {
  const now = options.now ?? new Date()
  const [organisationRows, services, logRows] = await Promise.all([
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        calledOutAt: eventOrganisations.calledOutAt,
        lastReportAt: sql`(select max(r.reported_at) from ${eventStatusReports} r
          where r.event_id = ${eventOrganisations}.event_id and r.organisation_id = ${eventOrganisations}.organisation_id)`.mapWith(
          eventStatusReports.reportedAt,
        ),
        services: sql<number>`(select count(*)::int from ${criticalServices} cs
          where cs.organisation_id = ${eventOrganisations}.organisation_id)`.mapWith(Number),
      })
      .from(eventOrganisations)
      .innerJoin(organisations, eq(organisations.id, eventOrganisations.organisationId))
      .where(eq(eventOrganisations.eventId, event.id))
      .orderBy(asc(organisations.name), asc(organisations.id)),
    servicePicture(db, event.id, options.status),
    db
      .select({
        id: eventLogEntries.id,
        seq: eventLogEntries.seq,
        kind: eventLogEntries.kind,
        text: eventLogEntries.text,
        authorName: eventLogEntries.authorName,
        createdAt: eventLogEntries.createdAt,
        correctsId: eventLogEntries.correctsId,
        corrected: sql<boolean>`exists (select 1 from ${eventLogEntries} c where c.corrects_id = ${eventLogEntries}.id)`,
      })
      .from(eventLogEntries)
      .where(eq(eventLogEntries.eventId, event.id))
      .orderBy(desc(eventLogEntries.seq))
      .limit(PICTURE_LOG_LIMIT),
  ])

  const statusCounts = Object.fromEntries(
    statusOrder.map((status) => [status, Number(services.counts?.[status] ?? 0)]),
  ) as Record<ServiceStatus, number>
  const reported = Object.values(statusCounts).reduce((sum, count) => sum + count, 0)
  const servicesTotal = organisationRows.reduce((sum, row) => sum + row.services, 0)
  // The page's order: worst first, then by name in Swedish.
  const shown = (services.shown ?? []).map((raw) => toService(raw, now)).sort(compareServiceStates)
  const needs = (services.needs ?? []).map((raw) => toService(raw, now)).sort(compareServiceStates)
  return {
    at: now.toISOString(),
    organisations: organisationRows.map((row) => ({
      id: row.id,
      name: row.name,
      lastReportAt: row.lastReportAt?.toISOString() ?? null,
      calledOutAt: row.calledOutAt?.toISOString() ?? null,
      services: row.services,
      reportedServices: Number(services.byOrganisation?.[row.id] ?? 0),
    })),
    statusCounts,
    unreportedServices: Math.max(0, servicesTotal - reported),
    services: shown,
    servicesTotal: Number(services.matching),
    openNeeds: needs,
    openNeedsTotal: Number(services.needsTotal),
    log: logRows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
  }
}
