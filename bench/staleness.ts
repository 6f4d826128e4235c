import { sql } from 'drizzle-orm'
import type { Database } from '../app/db/client.server'
import { staleBefore } from '../app/modules/staleness/staleness'
import { getStalenessPage, listStaleOrganisations } from '../app/modules/staleness/staleness.server'
import { p95, round, type Figure } from './measure'

/**
 * The staleness dashboard over the county: every contact route gets three
 * test calls (the latest of every seventh route failed) and every third
 * organisation a partner editor, deterministically, before measuring.
 */
export async function stalenessBenchmarks(db: Database): Promise<Figure[]> {
  await db.execute(sql`
    insert into contact_checks (route_id, checked_at, reached)
    select r.id, timestamp '2026-06-01' - (n * 30 + r.rn % 30) * interval '1 day', not (n = 0 and r.rn % 7 = 0)
    from (select id, row_number() over (order by id) as rn from contact_routes) as r, generate_series(0, 2) as n`)
  await db.execute(sql`
    with picked as (select id, row_number() over (order by id) as rn from organisations)
    insert into users (id, email, name)
    select md5('editor' || rn)::uuid, 'redaktor-' || rn || '@example.org', 'Redaktör ' || rn from picked where rn % 3 = 0`)
  await db.execute(sql`
    with picked as (select id, row_number() over (order by id) as rn from organisations)
    insert into memberships (user_id, organisation_id, role)
    select md5('editor' || rn)::uuid, id, 'partner_editor' from picked where rn % 3 = 0`)
  await db.execute(sql`analyze`)

  const cutoff = staleBefore(new Date('2026-11-27T00:00:00Z'), 6)
  const page = await p95(() => getStalenessPage(db, { staleBefore: cutoff, page: 1 }), 30, 3)
  const all = await listStaleOrganisations(db, { staleBefore: cutoff })
  const whole = await p95(() => listStaleOrganisations(db, { staleBefore: cutoff }), 10, 2)
  return [
    { name: 'staleness_page_p95_ms', value: round(page), unit: 'ms' },
    { name: 'staleness_all_p95_ms', value: round(whole), unit: 'ms' },
    { name: 'staleness_organisations', value: all.length, unit: 'count' },
  ]
}
