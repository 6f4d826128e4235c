import fs from 'node:fs'
import readline from 'node:readline'
import type { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
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
  type TableInfo,
} from './catalog.server'
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader } from './export.server'

// Restores a dump made by export.server.ts into an empty database of the
// same migration version, in one transaction: a refused or broken file
// leaves the database as it was. Tables come in the dump's order, parents
// first; a column that references its own table (a parent id) is filled in
// once all of the table's rows are in. Trigger-maintained tables
// (site_service_summaries) are restored as dumped, with the triggers off.

/** An import that was not started because the file or the target is not right; nothing was changed. */
export class BackupRefused extends Error {}

export interface ImportSummary {
  tables: number
  rows: number
}

const BATCH_ROWS = 1000
const BATCH_CHARS = 4_000_000

function openLines(file: string): AsyncIterable<string> {
  const descriptor = fs.openSync(file, 'r')
  const magic = Buffer.alloc(2)
  fs.readSync(descriptor, magic, 0, 2, 0)
  fs.closeSync(descriptor)
  let stream: Readable = fs.createReadStream(file)
  if (magic[0] === 0x1f && magic[1] === 0x8b) stream = stream.pipe(createGunzip())
  return readline.createInterface({ input: stream, crlfDelay: Infinity })
}

const positionText = (position: MigrationPosition) =>
  position.count === 0 ? 'inga migreringar' : `${position.count} migreringar, den sista från ${position.createdAt}`

/** Restores `file` into `db`, which must be migrated to the dump's version and hold no rows. */
export async function importDatabase(db: Database, file: string): Promise<ImportSummary> {
  const lines = openLines(file)[Symbol.asyncIterator]()
  const first = await lines.next()
  let header: BackupHeader
  try {
    header = JSON.parse(first.done ? '' : first.value) as BackupHeader
  } catch {
    throw new BackupRefused(`${file} är ingen säkerhetskopia från portalen.`)
  }
  if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) {
    throw new BackupRefused(`${file} är ingen säkerhetskopia från portalen (format ${header.version ?? 'okänt'}).`)
  }

  return db.transaction(async (tx) => {
    await useCanonicalText(tx)
    const position = await readMigrationPosition(tx)
    const wanted = header.migrations
    if (position.count !== wanted.count || position.hash !== wanted.hash) {
      throw new BackupRefused(
        `Säkerhetskopian är gjord med en annan databasversion (${positionText(wanted)}) än måldatabasens ` +
          `(${positionText(position)}). Läs in den med samma version av portalen som gjorde den.`,
      )
    }
    const tables = new Map((await readTables(tx)).map((table) => [table.name, table]))
    const unknown = header.tables.filter((name) => !tables.has(name))
    if (unknown.length > 0) throw new BackupRefused(`Måldatabasen saknar tabellerna ${unknown.join(', ')}.`)
    const filled = await tablesWithRows(tx, [...tables.keys()])
    if (filled.length > 0) {
      throw new BackupRefused(
        `Måldatabasen innehåller redan data (${filled.join(', ')}). ` +
          'En säkerhetskopia läses bara in i en tom, migrerad databas; ingenting har ändrats.',
      )
    }

    const triggered = [...tables.values()].filter((table) => table.hasUserTriggers)
    for (const table of triggered)
      await tx.execute(sql.raw(`alter table ${quoteIdent(table.name)} disable trigger user`))

    let rows = 0
    let current: TableWriter | null = null
    let complete = false
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value
      if (line.startsWith('[')) {
        if (!current) throw new BackupRefused('Säkerhetskopian är trasig: en rad utan tabell.')
        await current.add(line)
        continue
      }
      if (!line.trim()) continue
      const control = JSON.parse(line) as
        | { table: string; columns: string[] }
        | { end: string; rows: number }
        | { sequences: { name: string; lastValue: string; isCalled: boolean }[] }
        | { complete: true }
      if ('table' in control) {
        current = new TableWriter(tx, tables.get(control.table)!, control.columns)
      } else if ('end' in control) {
        const written = await current!.finish()
        if (written !== control.rows) {
          throw new BackupRefused(
            `Säkerhetskopian är trasig: ${control.end} har ${written} rader, väntat ${control.rows}.`,
          )
        }
        rows += written
        current = null
      } else if ('sequences' in control) {
        await restoreSequences(tx, control.sequences)
      } else if ('complete' in control) {
        complete = true
      }
    }
    if (!complete)
      throw new BackupRefused('Säkerhetskopian är ofullständig (filen tar slut för tidigt); ingenting har ändrats.')

    for (const table of triggered)
      await tx.execute(sql.raw(`alter table ${quoteIdent(table.name)} enable trigger user`))
    return { tables: header.tables.length, rows }
  })
}

async function tablesWithRows(tx: Transaction, names: string[]): Promise<string[]> {
  if (names.length === 0) return []
  const query = names
    .map((name) => `select '${name.replace(/'/g, "''")}' as name where exists (select 1 from ${quoteIdent(name)})`)
    .join(' union all ')
  return (await queryRows<{ name: string }>(tx, sql.raw(query))).map((row) => row.name).sort()
}

async function restoreSequences(tx: Transaction, sequences: { name: string; lastValue: string; isCalled: boolean }[]) {
  const present = new Set(await readSequences(tx))
  for (const sequence of sequences) {
    if (!present.has(sequence.name)) throw new BackupRefused(`Måldatabasen saknar sekvensen ${sequence.name}.`)
    await tx.execute(
      sql`select setval(${quoteIdent(sequence.name)}::regclass, ${sequence.lastValue}::bigint, ${sequence.isCalled})`,
    )
  }
}

/** Collects one table's rows and inserts them in batches, each batch one statement. */
class TableWriter {
  private batch: string[] = []
  private chars = 0
  private written = 0
  private readonly insert: string
  private readonly selfUpdate: string | null
  private readonly parents: string[] = []

  constructor(
    private readonly tx: Transaction,
    table: TableInfo,
    columns: string[],
  ) {
    const types = new Map(table.columns.map((column) => [column.name, column.type]))
    const expected = table.columns.map((column) => column.name).sort()
    if (JSON.stringify([...columns].sort()) !== JSON.stringify(expected)) {
      throw new BackupRefused(`Kolumnerna i ${table.name} skiljer sig mellan säkerhetskopian och måldatabasen.`)
    }
    const cast = (column: string) => `(r->>${columns.indexOf(column)})::${types.get(column)}`
    const self = new Set(table.selfReferences)
    this.insert =
      `insert into ${quoteIdent(table.name)} (${columns.map(quoteIdent).join(', ')}) overriding system value ` +
      `select ${columns.map((column) => (self.has(column) ? 'null' : cast(column))).join(', ')} ` +
      'from json_array_elements($1::json) as r'
    if (self.size > 0) {
      if (table.primaryKey.length === 0)
        throw new Error(`${table.name} refererar till sig själv men saknar primärnyckel.`)
      const keys = table.primaryKey
      this.selfUpdate =
        `update ${quoteIdent(table.name)} as t set ${[...self].map((c) => `${quoteIdent(c)} = v.${quoteIdent(c)}`).join(', ')} ` +
        `from (select ${[...keys, ...self].map((c) => `${cast(c)} as ${quoteIdent(c)}`).join(', ')} ` +
        'from json_array_elements($1::json) as r) as v ' +
        `where ${keys.map((c) => `t.${quoteIdent(c)} = v.${quoteIdent(c)}`).join(' and ')}`
    } else {
      this.selfUpdate = null
    }
  }

  async add(line: string): Promise<void> {
    this.batch.push(line)
    this.chars += line.length
    if (this.selfUpdate) this.parents.push(line)
    if (this.batch.length >= BATCH_ROWS || this.chars >= BATCH_CHARS) await this.flush()
  }

  async finish(): Promise<number> {
    await this.flush()
    // Parent ids once every row of the table exists, so their order in the file does not matter.
    for (let start = 0; this.selfUpdate && start < this.parents.length; start += BATCH_ROWS) {
      await this.run(this.selfUpdate, this.parents.slice(start, start + BATCH_ROWS))
    }
    return this.written
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return
    await this.run(this.insert, this.batch)
    this.written += this.batch.length
    this.batch = []
    this.chars = 0
  }

  private async run(statement: string, lines: string[]): Promise<void> {
    const [before, after] = statement.split('$1')
    await this.tx.execute(sql`${sql.raw(before!)}${`[${lines.join(',')}]`}${sql.raw(after!)}`)
  }
}
