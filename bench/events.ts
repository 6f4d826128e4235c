import { sql } from 'drizzle-orm'
import type { Database } from '../app/db/client.server'
import { sectors } from '../app/db/enums'
import { events } from '../app/db/schema/events'
import { getEventWithScope } from '../app/modules/events/event-access.server'
import { eventPicture } from '../app/modules/events/event-picture.server'
import { p95, round, type Figure } from './measure'

/**
 * The event page at the issue's scale: one event with 500 taking-part
 * organisations, 5,000 critical services (ten each, each at a site of its
 * own) and 20,000 status reports (four per service over the last hours),
 * plus a log. Its own rows, generated in SQL: every "random" value is a
 * function of the row number, so each run measures the same data.
 */
export const eventScale = { organisations: 500, servicesPerOrganisation: 10, reportsPerService: 4, logEntries: 300 }

export async function generateEvent(db: Database): Promise<string> {
  const [event] = await db
    .insert(events)
    .values({
      title: 'Bänkhändelse: elavbrott i länet',
      kind: 'exercise',
      level: 'staff',
      startedAt: new Date(Date.now() - 6 * 3_600_000),
      lostResources: ['electricity'],
    })
    .returning({ id: events.id })
  const eventId = event!.id
  const sectorList = sql.raw(`array[${sectors.map((sector) => `'${sector}'`).join(',')}]`)
  await db.execute(sql`
    with o as (
      insert into organisations (name, kind, description)
      select 'Händelsebänk ' || lpad(g::text, 3, '0'), 'company', ''
      from generate_series(1, ${eventScale.organisations}) g
      returning id
    )
    insert into event_organisations (event_id, organisation_id) select ${eventId}, id from o`)
  await db.execute(sql`
    insert into critical_services (organisation_id, name, sector, acceptable_outage_hours)
    select eo.organisation_id, 'Bänkverksamhet ' || g, (${sectorList})[1 + (g % ${sectors.length})], 12
    from event_organisations eo, generate_series(1, ${eventScale.servicesPerOrganisation}) g
    where eo.event_id = ${eventId}`)
  // One site per service, spread over Västra Götaland.
  await db.execute(sql`
    with s as (
      select cs.id, cs.organisation_id, row_number() over (order by cs.id) n
      from critical_services cs join event_organisations eo on eo.organisation_id = cs.organisation_id
      where eo.event_id = ${eventId}
    ), site as (
      insert into sites (organisation_id, name, kind, lat, lng)
      select organisation_id, 'Bänkplats ' || n, 'plant', 57.6 + ((n * 7919) % 1000) / 1000.0, 11.9 + ((n * 104729) % 1000) / 700.0
      from s
      returning id, name
    )
    insert into service_sites (service_id, site_id)
    select s.id, site.id from s join site on site.name = 'Bänkplats ' || s.n`)
  await db.execute(sql`
    insert into event_status_reports
      (event_id, organisation_id, service_id, status, backup_hours_left, note, needs, via, reported_at)
    select ${eventId}, cs.organisation_id, cs.id,
      (array['normal','backup','degraded','failed','restored'])[1 + ((n + k) % 5)],
      case when (n + k) % 5 = 1 then 2 + (n % 20) end,
      case when k = 3 then 'Lägesrapport ' || n else '' end,
      case when (n + k) % 7 = 0 then '["fuel","staff"]'::jsonb else '[]'::jsonb end,
      'portal',
      now() - ((${eventScale.reportsPerService} - k) * interval '1 hour') + ((n % 50) * interval '1 minute')
    from (
      select cs.*, row_number() over (order by cs.id) n
      from critical_services cs join event_organisations eo on eo.organisation_id = cs.organisation_id
      where eo.event_id = ${eventId}
    ) cs, generate_series(0, ${eventScale.reportsPerService - 1}) k`)
  await db.execute(sql`
    insert into event_log_entries (event_id, kind, text, author_name, created_at)
    select ${eventId}, 'observation', 'Iakttagelse ' || g, 'Bänk', now() - ((${eventScale.logEntries} - g) * interval '1 minute')
    from generate_series(1, ${eventScale.logEntries}) g`)
  await db.execute(sql`analyze`)
  return eventId
}

/** event_page_p95_ms: what the overview's loader asks of the database (the event and its scope, then the picture). */
export async function eventBenchmarks(db: Database): Promise<Figure[]> {
  const eventId = await generateEvent(db)
  const page = await p95(async () => {
    const event = await getEventWithScope(db, eventId)
    await eventPicture(db, event!)
  }, 50)
  return [{ name: 'event_page_p95_ms', value: round(page), unit: 'ms' }]
}
