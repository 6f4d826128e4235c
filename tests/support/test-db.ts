import postgres from 'postgres'
import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest'
import { openDatabase, type Database, type DatabaseHandle } from '../../app/db/client.server'
import { provideDatabase } from '../../app/db/app-db.server'

let pgliteTemplate: Promise<File | Blob> | undefined

/** A migrated PGlite, dumped once per worker and loaded fresh for each test. */
function migratedPgliteDump(): Promise<File | Blob> {
  pgliteTemplate ??= (async () => {
    const handle = await openDatabase({ driver: 'pglite' })
    await handle.migrate()
    const client = (handle.db as unknown as { $client: { dumpDataDir(compression?: 'none'): Promise<File | Blob> } }).$client
    const dump = await client.dumpDataDir('none')
    await handle.close()
    return dump
  })()
  return pgliteTemplate
}

function urlFor(name: string): string {
  const url = new URL(process.env.DATABASE_URL!)
  url.pathname = `/${name}`
  return url.toString()
}

/** A fresh, migrated database of the kind this test project runs on. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.TEST_DB !== 'postgres') {
    return openDatabase({ driver: 'pglite', loadDataDir: await migratedPgliteDump() })
  }
  const name = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`create database "${name}" template "${inject('pgTemplate')}"`)
  } finally {
    await admin.end()
  }
  const handle = await openDatabase({ driver: 'postgres', url: urlFor(name), maxConnections: 4 })
  return {
    ...handle,
    close: async () => {
      await handle.close()
      const cleanup = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`)
      await cleanup.end()
    },
  }
}

/**
 * Every table of the portal's schema emptied and its sequences restarted, and
 * any table a test added dropped: the state of a freshly migrated database
 * (the migrations add no rows). Cheaper than a new database per test (0.72 s
 * on PGlite, a clone and a drop on PostgreSQL), and the same to the tests.
 */
async function emptyDatabase(db: Database, tables: string[]): Promise<void> {
  const added = (await tablesOf(db)).filter((table) => !tables.includes(table))
  if (added.length > 0) await db.execute(sql.raw(`drop table ${added.map((table) => `"${table}"`).join(', ')} cascade`))
  if (tables.length === 0) return
  await db.execute(sql.raw(`truncate ${tables.map((table) => `"${table}"`).join(', ')} restart identity cascade`))
}

async function tablesOf(db: Database): Promise<string[]> {
  const result = (await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)) as unknown as
    | { name: string }[]
    | { rows: { name: string }[] }
  return (Array.isArray(result) ? result : result.rows).map((row) => row.name)
}

/**
 * Gives each test of the file (or describe block) an empty, migrated
 * database, also installed as the app's database so loaders and actions can
 * be called directly. One database serves the whole block; it is emptied
 * before every test but the first.
 */
export function useTestDatabase(): () => Database {
  let handle: DatabaseHandle | undefined
  let tables: string[] = []
  let used = false
  beforeAll(async () => {
    handle = await createTestDatabase()
    tables = await tablesOf(handle.db)
  })
  beforeEach(async () => {
    if (!handle) throw new Error('useTestDatabase: the database did not open')
    if (used) await emptyDatabase(handle.db, tables)
    used = true
    provideDatabase(handle)
  })
  afterEach(() => {
    provideDatabase(null)
  })
  afterAll(async () => {
    await handle?.close()
    handle = undefined
  })
  return () => {
    if (!handle) throw new Error('useTestDatabase: no database outside a test')
    return handle.db
  }
}
