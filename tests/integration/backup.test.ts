import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import type { Database, DatabaseHandle } from '../../app/db/client.server'
import { queryRows, quoteIdent, readTables, type TableInfo } from '../../app/modules/data-transfer/catalog.server'
import { exportDatabase } from '../../app/modules/data-transfer/export.server'
import { BackupRefused, importDatabase } from '../../app/modules/data-transfer/import.server'
import { seedDemo } from '../../app/modules/seed/seed.server'
import { generateCounty, scaled } from '../../bench/county'
import { makeCouncil, makeOrganisation, makeUser } from '../support/factories'
import { createTestDatabase, useTestDatabase } from '../support/test-db'

/** Row count and md5 of every row's JSON, in key order, per table. */
async function fingerprint(db: Database, tables: TableInfo[]) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`)
    const result: Record<string, { rows: number; md5: string }> = {}
    for (const table of tables) {
      const order = table.orderBy.map((column) => `t.${quoteIdent(column)}`).join(', ')
      const [row] = await queryRows<{ rows: number | string; md5: string }>(
        tx,
        sql.raw(
          `select count(*)::int as rows, md5(coalesce(string_agg(row_to_json(t)::text, E'\\n' order by ${order}), '')) as md5
           from ${quoteIdent(table.name)} as t`,
        ),
      )
      result[table.name] = { rows: Number(row!.rows), md5: row!.md5 }
    }
    return result
  })
}

// Values the app's own tables hardly show: a table the test adds to both
// databases, with a parent id that points forward in key order.
const probeTable = `
  create table backup_probe (
    id bigint generated always as identity primary key,
    parent_id bigint references backup_probe(id),
    amount numeric(30, 10),
    ratio real,
    precise double precision,
    payload bytea,
    tags text[],
    document jsonb,
    at timestamptz,
    span interval,
    day date,
    note text
  )`

async function addProbe(db: Database, rows: boolean) {
  await db.execute(sql.raw(probeTable))
  if (!rows) return
  await db.execute(
    sql.raw(`
    insert into backup_probe (parent_id, amount, ratio, precise, payload, tags, document, at, span, day, note) values
      (null, 12345678901234567890.0123456789, 0.1, 0.1, '\\x00ff10', '{"a","b,c","d\\"e",NULL}', '{"big": 123456789012345678901234567890.5}', '2026-11-27 21:03:04.123456+01', '1 day 02:03:04.5', '2026-02-28', E'rad 1\\nrad "2" \\\\ – åäö 🚒'),
      (null, -0.0000000001, 'NaN', 1e-300, '\\x', '{}', 'null', '1970-01-01 00:00:00+00', '-3 months', '0001-01-01', ''),
      (null, null, 'Infinity', '-Infinity', null, null, null, null, null, null, null)`),
  )
  // The first row's parent comes after it.
  await db.execute(sql.raw('update backup_probe set parent_id = 3 where id = 1'))
  await db.execute(sql.raw('update backup_probe set parent_id = 1 where id = 2'))
}

describe('backup and restore', () => {
  const db = useTestDatabase()
  const opened: DatabaseHandle[] = []
  const files: string[] = []

  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close()
    for (const file of files.splice(0)) fs.rmSync(file, { force: true })
  })

  const tempFile = (name: string) => {
    const file = path.join(os.tmpdir(), `backup-test-${process.pid}-${Date.now()}-${name}`)
    files.push(file)
    return file
  }

  const freshDatabase = async () => {
    const handle = await createTestDatabase()
    opened.push(handle)
    return handle.db
  }

  it('restores the demo network and a county into an empty database, every table the same', async () => {
    await seedDemo(db(), { password: 'demo-lösenord-123' })
    await generateCounty(db(), scaled(0.02))
    const [organisation] = await queryRows<{ id: string }>(db(), sql`select id from organisations limit 1`)
    const user = await makeUser(db(), { role: 'coordinator', organisationId: organisation!.id })
    const council = await makeCouncil(db(), { organisationIds: [organisation!.id] })
    // A serial column and a key of a sent form, so sequences and the newest table are in the dump.
    await db().execute(sql`insert into council_report_reads (council_id, report_id, user_id, place)
      select ${council.id}, gen_random_uuid(), ${user.id}, 'inbox' from generate_series(1, 3)`)
    await db().execute(
      sql`insert into form_submissions (key, user_id, action, location) values ('k-123456789012345678', ${user.id}, '/x', '/y')`,
    )
    await addProbe(db(), true)

    const file = tempFile('full.ndjson.gz')
    let started = performance.now()
    const exported = await exportDatabase(db(), file)
    const exportMs = performance.now() - started

    const target = await freshDatabase()
    await addProbe(target, false)
    started = performance.now()
    const imported = await importDatabase(target, file)
    const importMs = performance.now() - started
    console.info(
      `backup round trip: ${exported.rows} rows, ${exported.tables} tables, ${(exported.bytes / 1024).toFixed(0)} kB; ` +
        `export ${exportMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms`,
    )
    expect(imported).toEqual({ tables: exported.tables, rows: exported.rows })

    const tables = await readTables(db())
    expect(tables.length).toBeGreaterThan(50)
    const before = await fingerprint(db(), tables)
    const after = await fingerprint(target, tables)
    expect(after).toEqual(before)
    expect(before.organisations!.rows).toBeGreaterThan(200)
    expect(before.dependencies!.rows).toBeGreaterThan(0)
    expect(before.backup_probe!.rows).toBe(3)
    // The next generated ids go on where the source's would.
    const next = async (target: Database) =>
      (await queryRows<{ id: string }>(target, sql`select nextval('council_report_reads_id_seq')::text as id`))[0]!.id
    expect(await next(target)).toBe(await next(db()))
    const [probe] = await queryRows<{ id: string }>(
      target,
      sql`insert into backup_probe (note) values ('neu') returning id::text as id`,
    )
    expect(probe!.id).toBe('4')
  })

  it('refuses a database that already holds data, and changes nothing', async () => {
    await makeOrganisation(db(), { name: 'Källan' })
    const file = tempFile('small.ndjson.gz')
    await exportDatabase(db(), file)

    const target = await freshDatabase()
    await makeOrganisation(target, { name: 'Redan här' })
    const tables = await readTables(target)
    const before = await fingerprint(target, tables)
    await expect(importDatabase(target, file)).rejects.toThrow(BackupRefused)
    await expect(importDatabase(target, file)).rejects.toThrow(/innehåller redan data \(organisations\)/)
    expect(await fingerprint(target, tables)).toEqual(before)
  })

  it('refuses a dump of another schema version, and a cut-off file, leaving the database empty', async () => {
    await makeOrganisation(db(), { name: 'Källan' })
    const file = tempFile('plain.ndjson')
    await exportDatabase(db(), file)
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n')

    const target = await freshDatabase()
    const older = JSON.parse(lines[0]!)
    older.migrations = { ...older.migrations, count: older.migrations.count - 1, hash: 'older' }
    const otherVersion = tempFile('other.ndjson')
    fs.writeFileSync(otherVersion, [JSON.stringify(older), ...lines.slice(1)].join('\n'))
    await expect(importDatabase(target, otherVersion)).rejects.toThrow(/annan databasversion/)

    const cut = tempFile('cut.ndjson')
    fs.writeFileSync(cut, lines.slice(0, -1).join('\n'))
    await expect(importDatabase(target, cut)).rejects.toThrow(/ofullständig/)
    const [left] = await queryRows<{ n: number }>(target, sql`select count(*)::int as n from organisations`)
    expect(Number(left!.n)).toBe(0)
  })
})
