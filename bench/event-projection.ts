import { eq, sql } from 'drizzle-orm'
import type { Database } from '../app/db/client.server'
import { events, eventStatusReports } from '../app/db/schema/events'
import { computeEventProjection, projectionView } from '../app/modules/events/event-projection.server'
import { round, type Figure } from './measure'

const HOUR = 3_600_000

interface Target {
  serviceId: string
  organisationId: string
}
export const PROJECTION_REPORTS = 3_000

/** The longest stretch in which the event loop did not get round to a timer while `run` went on. */
async function withLongestBlock<T>(run: () => Promise<T>): Promise<{ value: T; longestBlockMs: number }> {
  let longest = 0
  let last = performance.now()
  let running = true
  const tick = () => {
    const time = performance.now()
    longest = Math.max(longest, time - last)
    last = time
    if (running) setTimeout(tick, 0)
  }
  setTimeout(tick, 0)
  try {
    return { value: await run(), longestBlockMs: longest }
  } finally {
    running = false
  }
}

/**
 * An event on the county data set: electricity lost in the southern half of
 * the county since six hours ago, and 3,000 status reports spread over the
 * county's services (every status, backups with 1–24 h left, some expected
 * restorations). Then, each figure on page 1 of the list (names and reasons included):
 * - event_projection_ms: the median of 5 projections, each after a service's
 *   first report, so that the graph without the reported services' own
 *   dependencies is prepared anew (the registry's graph itself is cached);
 * - event_projection_update_ms: the median of 5 after a new report from a
 *   service that had reported already (the prepared graph is reused);
 * - event_projection_first_ms: the first one, the registry's graph loaded too;
 * - event_projection_longest_block_ms: the longest time the event loop was
 *   held during one of the measured projections (the page stays responsive).
 * The event is removed again at the end.
 */
export async function eventProjectionBenchmarks(db: Database): Promise<Figure[]> {
  const now = Date.now()
  const [event] = await db
    .insert(events)
    .values({
      title: 'Elavbrott, bench',
      kind: 'exercise',
      level: 'staff',
      startedAt: new Date(now - 6 * HOUR),
      lostResources: ['electricity'],
      area: {
        kind: 'area',
        ring: [
          [57.3, 11.5],
          [57.3, 14.1],
          [58.1, 14.1],
          [58.1, 11.5],
        ],
      },
    })
    .returning()
  try {
    await db.execute(sql`
      insert into event_status_reports
        (event_id, organisation_id, service_id, status, backup_hours_left, expected_restoration_at, via, reported_at)
      select ${event!.id}::uuid, s.organisation_id, s.id,
             (array['normal','backup','degraded','failed','restored'])[1 + n % 5],
             case when n % 5 = 1 then 1 + n % 24 end,
             case when n % 5 = 3 and n % 2 = 0 then now() + (n % 30) * interval '1 hour' end,
             'portal',
             now() - (n % 360) * interval '1 minute'
      from (
        select id, organisation_id, (row_number() over (order by md5(id::text)))::int as n
        from critical_services
      ) s
      where n <= ${PROJECTION_REPORTS}`)
    // Services without a report yet, for reports that add a service to those the reports speak for.
    const found = (await db.execute(sql`
      select s.id as "serviceId", s.organisation_id as "organisationId" from critical_services s
      where not exists (select 1 from event_status_reports r where r.event_id = ${event!.id} and r.service_id = s.id)
      order by s.id limit 5`)) as unknown as Target[] | { rows: Target[] }
    const unreported = Array.isArray(found) ? found : found.rows
    const report = (target: Target, hoursLeft: number) =>
      db.insert(eventStatusReports).values({
        eventId: event!.id,
        ...target,
        status: 'backup',
        backupHoursLeft: hoursLeft,
        via: 'portal',
      })

    const started = performance.now()
    await computeEventProjection(db, event!)
    const first = performance.now() - started

    let longestBlockMs = 0
    const measure = async (before: () => Promise<unknown>) => {
      await before()
      const { value, longestBlockMs: block } = await withLongestBlock(async () => {
        const start = performance.now()
        await projectionView(db, event!, 1)
        return performance.now() - start
      })
      longestBlockMs = Math.max(longestBlockMs, block)
      return value
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!
    // A first report from a service: the set of reported services changes, the graph is prepared anew.
    const times: number[] = []
    for (const target of unreported) times.push(await measure(() => report(target, 10)))
    // A new report from a service that has reported before: the prepared graph is reused.
    const updates: number[] = []
    for (let i = 0; i < 5; i++) updates.push(await measure(() => report(unreported[0]!, 9 - i)))
    return [
      { name: 'event_projection_ms', value: round(median(times)), unit: 'ms' },
      { name: 'event_projection_update_ms', value: round(median(updates)), unit: 'ms' },
      { name: 'event_projection_first_ms', value: round(first), unit: 'ms' },
      { name: 'event_projection_longest_block_ms', value: round(longestBlockMs), unit: 'ms' },
    ]
  } finally {
    await db.delete(events).where(eq(events.id, event!.id))
  }
}
