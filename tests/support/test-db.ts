import postgres from 'postgres'
import { afterEach, beforeEach, inject } from 'vitest'
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
 * Gives each test of the file its own database, also installed as the app's
 * database so loaders and actions can be called directly.
 */
export function useTestDatabase(): () => Database {
  let handle: DatabaseHandle | undefined
  beforeEach(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
  })
  afterEach(async () => {
    provideDatabase(null)
    await handle?.close()
    handle = undefined
  })
  return () => {
    if (!handle) throw new Error('useTestDatabase: no database outside a test')
    return handle.db
  }
}
