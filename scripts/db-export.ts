// Writes a complete logical dump of the configured database (DATABASE_URL,
// else the PGlite folder) to the file given, or to backup-<time>.ndjson.gz.
import { closeAppDatabase, getDatabaseHandle } from '../app/db/app-db.server'
import { defaultBackupName, exportDatabase } from '../app/modules/data-transfer/export.server'

const file = process.argv[2] || defaultBackupName()
try {
  const handle = await getDatabaseHandle()
  const started = performance.now()
  const summary = await exportDatabase(handle.db, file)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `Säkerhetskopian är skriven till ${summary.file} (${handle.driver}): ${summary.tables} tabeller, ` +
      `${summary.rows} rader, ${(summary.bytes / 1024).toFixed(0)} kB på ${seconds} s.`,
  )
} finally {
  await closeAppDatabase()
}
