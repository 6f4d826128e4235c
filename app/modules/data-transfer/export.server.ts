import fs from 'node:fs'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { sql } from 'drizzle-orm'
import type { Database, Transaction } from '~/db/client.server'
import {
  queryRows,
  quoteIdent,
  readMigrationPosition,
  readSequences,
  readTables,
  useCanonicalText,
  type MigrationPosition,
} from './catalog.server'

// A logical dump in plain SQL, so that it works the same on PostgreSQL and
// PGlite (which has no pg_dump). One line of JSON per line of the file:
//   {"format":…,"migrations":…,"tables":[…]}            the header
//   {"table":"organisations","columns":[…]}             then that table's rows,
//   ["0b5e…","Vårgårda kommun",null,…]                   each value in its text form,
//   {"end":"organisations","rows":12}                   in primary-key order
//   {"sequences":[{"name":…,"lastValue":"7","isCalled":true}]}
//   {"complete":true}                                   a cut-off file lacks it
// Every value goes as PostgreSQL's own text output under fixed settings
// (UTC, ISO dates, exact floats), which its input functions read back
// exactly: timestamps to the microsecond, numeric, jsonb, bytea, arrays.

export const BACKUP_FORMAT = 'omradesansvar-backup'
export const BACKUP_VERSION = 1
const BATCH = 2000

export interface BackupHeader {
  format: typeof BACKUP_FORMAT
  version: number
  createdAt: string
  migrations: MigrationPosition
  tables: string[]
}

export interface ExportSummary {
  file: string
  tables: number
  rows: number
  bytes: number
}

export function defaultBackupName(now = new Date()): string {
  return `backup-${now.toISOString().replace(/[:.]/g, '-')}.ndjson.gz`
}

/** Writes the whole database to `file` (gzipped when it ends in .gz), from one consistent snapshot. */
export async function exportDatabase(db: Database, file: string): Promise<ExportSummary> {
  const output = fs.createWriteStream(file)
  const gzip = file.endsWith('.gz') ? createGzip() : null
  const sink = gzip ?? output
  if (gzip) gzip.pipe(output)
  const write = async (text: string) => {
    if (!sink.write(text)) await once(sink, 'drain')
  }
  let rows = 0
  let tables = 0
  try {
    await db.transaction(
      async (tx) => {
        await useCanonicalText(tx)
        const info = await readTables(tx)
        tables = info.length
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          migrations: await readMigrationPosition(tx),
          tables: info.map((table) => table.name),
        }
        await write(`${JSON.stringify(header)}\n`)
        for (const table of info) {
          await write(`${JSON.stringify({ table: table.name, columns: table.columns.map((column) => column.name) })}\n`)
          const count = await streamRows(
            tx,
            table.name,
            table.columns.map((c) => c.name),
            table.orderBy,
            write,
          )
          rows += count
          await write(`${JSON.stringify({ end: table.name, rows: count })}\n`)
        }
        const sequences = []
        for (const name of await readSequences(tx)) {
          const [state] = await queryRows<{ last_value: string; is_called: boolean }>(
            tx,
            sql.raw(`select last_value::text as last_value, is_called from ${quoteIdent(name)}`),
          )
          sequences.push({ name, lastValue: state!.last_value, isCalled: state!.is_called })
        }
        await write(`${JSON.stringify({ sequences })}\n`)
        await write(`${JSON.stringify({ complete: true })}\n`)
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
  } catch (error) {
    sink.destroy()
    output.destroy()
    fs.rmSync(file, { force: true })
    throw error
  }
  sink.end()
  await finished(output)
  return { file, tables, rows, bytes: fs.statSync(file).size }
}

/** Writes a table's rows as JSON arrays of text, through a cursor, in key order. */
async function streamRows(
  tx: Transaction,
  table: string,
  columns: string[],
  orderBy: string[],
  write: (text: string) => Promise<void>,
): Promise<number> {
  const values = columns.map((column) => `${quoteIdent(column)}::text`).join(', ')
  const order = orderBy.map(quoteIdent).join(', ')
  await tx.execute(
    sql.raw(
      `declare backup_rows no scroll cursor for
       select array_to_json(array[${values}]::text[])::text as line from ${quoteIdent(table)} order by ${order}`,
    ),
  )
  let count = 0
  for (;;) {
    const batch = await queryRows<{ line: string }>(tx, sql.raw(`fetch forward ${BATCH} from backup_rows`))
    if (batch.length === 0) break
    count += batch.length
    await write(`${batch.map((row) => row.line).join('\n')}\n`)
  }
  await tx.execute(sql.raw('close backup_rows'))
  return count
}
