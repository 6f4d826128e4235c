import { sql } from 'drizzle-orm'
import type { Database } from '../app/db/client.server'
import { listVisibleContactRoutes } from '../app/modules/registry/contact-routes.server'
import { p95, round, type Figure } from './measure'

const viewer = { memberships: [{ organisationId: '00000000-0000-0000-0000-000000000001', role: 'viewer' as const }] }

export async function registryBenchmarks(db: Database): Promise<Figure[]> {
  const ids = (await db.execute(sql`select id from organisations order by id limit 200`)) as unknown as { id: string }[]
  const orgIds = ('rows' in ids ? (ids as unknown as { rows: { id: string }[] }).rows : ids).map((row) => row.id)
  const contactRoutes = await p95((i) => listVisibleContactRoutes(db, viewer, [orgIds[i % orgIds.length]!]))
  return [{ name: 'registry_org_contact_routes_p95_ms', value: round(contactRoutes), unit: 'ms' }]
}
