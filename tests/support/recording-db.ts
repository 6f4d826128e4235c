import type { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import type postgres from 'postgres'
import type { Database } from '../../app/db/client.server'
import * as schema from '../../app/db/schema/index'

/**
 * The same database, with every statement sent through it written down: the
 * work a call does, to compare two paths without timing them.
 */
export function recording(db: Database, statements: string[]): Database {
  const client = (db as unknown as { $client: unknown }).$client
  const logger = { logQuery: (query: string) => void statements.push(query) }
  const wrapped =
    typeof client === 'function'
      ? drizzlePostgres(client as postgres.Sql, { schema, logger })
      : drizzlePglite(client as PGlite, { schema, logger })
  return wrapped as unknown as Database
}
