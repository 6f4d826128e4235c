import { getEnv } from '~/config/env.server'
import { openDatabase, type Database, type DatabaseHandle } from './client.server'

// One handle per process. Kept on globalThis so Vite's dev reloads reuse it
// instead of opening the PGlite folder twice.
const globalForDb = globalThis as unknown as { __appDb?: Promise<DatabaseHandle> }

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (!globalForDb.__appDb) {
    const env = getEnv()
    const opening = (async () => {
      const handle = env.DATABASE_URL
        ? await openDatabase({ driver: 'postgres', url: env.DATABASE_URL })
        : await openDatabase({ driver: 'pglite', dataDir: env.PGLITE_DIR, onLost: exitWithLostDatabase })
      await handle.migrate()
      return handle
    })()
    // A failed start is not cached: the next request tries again.
    opening.catch(() => {
      if (globalForDb.__appDb === opening) globalForDb.__appDb = undefined
    })
    globalForDb.__appDb = opening
  }
  return globalForDb.__appDb
}

/**
 * The embedded database's thread died (PostgreSQL aborted in it): every query
 * would fail from now on, and the folder's lock is freed only when the process
 * ends. So the process ends with an error and its supervisor (systemd,
 * docs/drift/) starts it again; the new start opens the folder as after a crash.
 */
function exitWithLostDatabase(error: Error): never {
  console.error(
    `\nDatabasen slutade svara; portalen avslutas. / The database stopped; the portal exits.\n${error.message}\n`,
  )
  process.exit(1)
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db
}

export async function closeAppDatabase(): Promise<void> {
  const opening = globalForDb.__appDb
  globalForDb.__appDb = undefined
  if (opening) await (await opening).close()
}

/**
 * Hands the app an already open database: integration tests call loaders and
 * actions directly against their own isolated database this way.
 */
export function provideDatabase(handle: DatabaseHandle | null): void {
  globalForDb.__appDb = handle ? Promise.resolve(handle) : undefined
}
