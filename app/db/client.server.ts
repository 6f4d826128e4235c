import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { openPgliteFolder } from './pglite-folder.server'
import { startPgliteThread, type PgliteThreadClient } from './pglite-worker-client.server'
import * as schema from './schema/index'

type Schema = typeof schema
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** Reads accept either the database or an open transaction. */
export type Executor = Database | Transaction

export interface DatabaseHandle {
  db: Database
  driver: 'postgres' | 'pglite'
  migrate(): Promise<void>
  /**
   * LISTENs on `channel`; `onPayload` gets each notification's payload.
   * `onListen` runs each time the LISTEN is in place: at first, and again
   * after a lost connection came back (what was notified in between is lost,
   * so the caller catches up then). Resolves to the function that stops it.
   */
  listen(channel: string, onPayload: (payload: string) => void, onListen?: () => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

export type DatabaseOptions =
  | { driver: 'postgres'; url: string; maxConnections?: number }
  | {
      driver: 'pglite'
      dataDir?: string
      loadDataDir?: Blob | File
      /**
       * Where PostgreSQL runs for a folder: in a thread of its own (the default,
       * so queries never hold up the HTTP thread), or on the caller's thread
       * (tests that instrument the file layer in-process). In memory it always
       * runs on the caller's thread.
       */
      thread?: 'own' | 'caller'
      /** The database thread died on its own: every query fails from then on. */
      onLost?: (error: Error) => void
    }

const migrationsFolder = path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle')

// Errors that mean the connection itself is gone (the database restarted,
// dropped it, or the network broke), as postgres.js reports them.
const connectionLost = new Set(['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'])

function isConnectionLost(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (connectionLost.has((cause as NodeJS.ErrnoException).code ?? '')) return true
  }
  return false
}

type Scope = (sql: postgres.TransactionSql) => unknown

/**
 * postgres.js 3.4.9 kills the process when a transaction's connection drops:
 * after the failed query it sends ROLLBACK on the dead connection, whose
 * socket is gone, and the write throws from a timer where nothing can catch
 * it ("Cannot read properties of null (reading 'write')", porsager/postgres
 * issues 1154 and 1208, unfixed upstream). So when a transaction (or a
 * savepoint) fails because its connection is gone, its body is left pending
 * instead of failing: postgres.js then never sends the ROLLBACK, and its
 * begin() fails by itself with CONNECTION_CLOSED once it sees the close,
 * which it always does for a lost connection. The database rolled the
 * transaction back when the connection ended. Any other error fails the
 * body as before.
 */
function keepRollbackOffLostConnections(client: postgres.Sql): postgres.Sql {
  const guard =
    (scope: Scope): Scope =>
    (sql) =>
      Promise.resolve()
        .then(() => scope(guardSavepoints(sql)))
        .catch((error: unknown) => (isConnectionLost(error) ? new Promise<never>(() => {}) : Promise.reject(error)))
  const guardSavepoints = (sql: postgres.TransactionSql): postgres.TransactionSql =>
    new Proxy(sql, {
      get(target, property, receiver) {
        if (property !== 'savepoint') return Reflect.get(target, property, receiver)
        return (...args: unknown[]) => {
          const scope = args.pop() as Scope
          return (target.savepoint as (...all: unknown[]) => unknown)(...args, guard(scope))
        }
      },
    })
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== 'begin') return Reflect.get(target, property, receiver)
      return (...args: unknown[]) => {
        const scope = args.pop() as Scope
        return (target.begin as (...all: unknown[]) => unknown)(...args, guard(scope))
      }
    },
  })
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.driver === 'postgres') {
    const shared = {
      onnotice: () => {},
      // Seconds between attempts to reach a database that refused or dropped us. postgres.js
      // grows this to 20 s, and a request waiting for a connection waits that long even after
      // the database is back; at most 2 s keeps a restart of the database a short pause.
      backoff: (attempt: number) => Math.min(2, ((0.5 + Math.random() / 2) * 3 ** attempt) / 100),
    }
    const client = postgres(options.url, {
      ...shared,
      max: options.maxConnections ?? 10,
      connection: { application_name: 'omradesansvar-portal' },
    })
    const listeners = new Set<postgres.Sql>()
    const db = drizzlePostgres(keepRollbackOffLostConnections(client), {
      schema,
      casing: 'snake_case',
    }) as unknown as Database
    return {
      db,
      driver: 'postgres',
      migrate: () => migratePostgres(db as never, { migrationsFolder }),
      // A client of its own for each listener: postgres.js 3.4.9 listens again after a lost
      // connection, but its unlisten then no longer finds the listener, so stopping ends that client.
      listen: async (channel, onPayload, onListen) => {
        const listener = postgres(options.url, {
          ...shared,
          max: 1,
          connection: { application_name: 'omradesansvar-portal-listen' },
        })
        listeners.add(listener)
        const stop = async () => {
          listeners.delete(listener)
          await listener.end({ timeout: 1 })
        }
        try {
          await listener.listen(channel, onPayload, onListen)
        } catch (error) {
          await stop()
          throw error
        }
        return stop
      },
      close: async () => {
        await Promise.all([...listeners].map((listener) => listener.end({ timeout: 1 })))
        await client.end({ timeout: 5 })
      },
    }
  }

  if (options.dataDir && options.loadDataDir) throw new Error('loadDataDir is for a database in memory')
  if (options.dataDir && options.thread !== 'caller') {
    const thread = await startPgliteThread(options.dataDir, { onLost: options.onLost })
    return pgliteHandle(thread.client, thread.listen, thread.close)
  }

  const extensions = { pg_trgm, unaccent }
  // A folder is a production database (locked, durable); without one, PGlite runs in memory (tests).
  const folder = options.dataDir ? await openPgliteFolder(options.dataDir, { extensions }) : undefined
  const client = folder?.client ?? new PGlite({ loadDataDir: options.loadDataDir, extensions })
  await client.waitReady
  return pgliteHandle(
    client,
    (channel, onPayload) => client.listen(channel, onPayload),
    () => (folder ? folder.close() : client.close()),
  )
}

/** A PGlite database as a handle, whether it runs on this thread or in the database thread. */
function pgliteHandle(
  client: PGlite | PgliteThreadClient,
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>,
  close: () => Promise<void>,
): DatabaseHandle {
  const db = drizzlePglite(client as PGlite, { schema, casing: 'snake_case' }) as unknown as Database
  return {
    db,
    driver: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    listen: async (channel, onPayload, onListen) => {
      const unlisten = await listen(channel, onPayload)
      onListen?.()
      return unlisten
    },
    close,
  }
}
