// Restores a dump made by `npm run db:export` into the configured database
// (DATABASE_URL, else the PGlite folder), which must be empty and migrated
// to the same version; it is migrated on opening.
import { closeAppDatabase, getDatabaseHandle } from '../app/db/app-db.server'
import { BackupRefused, importDatabase } from '../app/modules/data-transfer/import.server'

const file = process.argv[2]
if (!file) {
  console.error('Ange filen att läsa in: npm run db:import -- <fil>')
  process.exit(2)
}
try {
  const handle = await getDatabaseHandle()
  const started = performance.now()
  const summary = await importDatabase(handle.db, file)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `Säkerhetskopian är inläst (${handle.driver}): ${summary.tables} tabeller, ${summary.rows} rader på ${seconds} s.`,
  )
} catch (error) {
  if (!(error instanceof BackupRefused)) throw error
  console.error(error.message)
  process.exitCode = 1
} finally {
  await closeAppDatabase()
}
