import { sql } from 'drizzle-orm'
import { getDb } from '~/db/app-db.server'

// Public on purpose: load balancers ask it. It says only whether the database answers.
export async function loader() {
  try {
    await (await getDb()).execute(sql`select 1`)
    return new Response('ok', { status: 200, headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } })
  } catch {
    return new Response('database unavailable', { status: 503, headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } })
  }
}
