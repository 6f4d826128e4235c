import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../app/db/client.server'
import { DataDirInUseError } from '../../app/db/pglite-folder.server'
import { isUniqueViolation } from '../../app/modules/records/unique-violation'

const root = fileURLToPath(new URL('../..', import.meta.url))
const script = path.join(root, 'tests/support/pglite-commits.ts')

// The embedded database on a folder runs PostgreSQL in a thread of its own
// (docs/decisions/029): the HTTP thread must stay free while a query runs,
// and what the app sees of the database must be what PGlite on the caller's
// thread gives: the same rows, the same errors, transactions, notifications.
describe('PGlite on a data folder, in its own thread', () => {
  let tmp: string
  let dataDir: string
  let threaded: DatabaseHandle
  let inThread: DatabaseHandle

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-thread-'))
    dataDir = path.join(tmp, 'pglite')
    ;[threaded, inThread] = await Promise.all([
      openDatabase({ driver: 'pglite', dataDir }),
      openDatabase({ driver: 'pglite' }),
    ])
    await Promise.all([threaded.migrate(), inThread.migrate()])
  }, 120_000)

  afterAll(async () => {
    await Promise.all([threaded?.close(), inThread?.close()])
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  type Row = Record<string, unknown>
  /** The rows of a statement: the driver's result type says nothing of them. */
  const rowsOf = async (handle: DatabaseHandle, query: ReturnType<typeof sql>) =>
    ((await handle.db.execute(query)) as unknown as { rows: Row[] }).rows

  it(
    'keeps the HTTP thread free while a long query runs (on the caller thread it is held the whole time)',
    {
      timeout: 60_000,
    },
    async () => {
      const long = sql`select count(*) from generate_series(1, 4000000) as n where n % 7 = 3`
      /** What finishes first: a 5 ms timer set as the query starts, or the query. */
      async function orderDuring(handle: DatabaseHandle) {
        const order: string[] = []
        const started = performance.now()
        const timer = new Promise<void>((resolve) => setTimeout(resolve, 5)).then(() => order.push('timer'))
        const query = handle.db.execute(long).then(() => order.push('query'))
        await Promise.all([timer, query])
        return { order, ms: performance.now() - started }
      }
      const own = await orderDuring(threaded)
      const caller = await orderDuring(inThread)
      // The query takes hundreds of milliseconds; the timer waits for it only on the caller's thread.
      expect(caller.ms).toBeGreaterThan(150)
      expect(caller.order).toEqual(['query', 'timer'])
      expect(own.ms).toBeGreaterThan(150)
      expect(own.order).toEqual(['timer', 'query'])
    },
  )

  it('answers with the same rows as on the caller thread: dates, times, json, arrays, numerics, nulls', async () => {
    const query = sql`
      select 1::int as int, 2::bigint as big, 1.50::numeric(10, 2) as num, 'å'::text as text, null::text as nothing,
        true as yes, '2026-12-06'::date as day, '2026-12-06 10:15:00+01'::timestamptz as at,
        '2026-12-06 10:15:00'::timestamp as local, '3 days'::interval as span, '{"a": [1, "b"]}'::jsonb as json,
        array['2026-01-01'::date, '2026-02-01'::date] as days, array[1.5, 2.25]::numeric[] as nums,
        array['x', 'y'] as texts, '\\x00ff'::bytea as bytes`
    const own = await rowsOf(threaded, query)
    expect(own).toEqual(await rowsOf(inThread, query))
    expect(own[0]).toMatchObject({ day: '2026-12-06', span: '3 days', json: { a: [1, 'b'] } })
  })

  it('commits a transaction, rolls back a failed or rolled back one, and keeps a savepoint apart', async () => {
    await threaded.db.execute(sql`create table notes (id serial primary key, note text not null unique)`)
    await threaded.db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes (note) values ('kept')`)
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into notes (note) values ('savepoint')`)
          throw new Error('inner fails')
        })
        .catch(() => {})
    })
    await expect(
      threaded.db.transaction(async (tx) => {
        await tx.execute(sql`insert into notes (note) values ('thrown')`)
        throw new Error('body fails')
      }),
    ).rejects.toThrow('body fails')
    await expect(
      threaded.db.transaction(async (tx) => {
        await tx.execute(sql`insert into notes (note) values ('rolled back')`)
        tx.rollback()
      }),
    ).rejects.toThrow()
    expect(await rowsOf(threaded, sql`select note from notes order by id`)).toEqual([{ note: 'kept' }])
  })

  it('passes a database error over with its fields, so a duplicate still becomes a field message', async () => {
    await threaded.db.execute(sql`create table if not exists names (name text primary key)`)
    await threaded.db.execute(sql`insert into names values ('Brandkåren')`)
    const error = await threaded.db.execute(sql`insert into names values ('Brandkåren')`).catch((e: unknown) => e)
    expect(isUniqueViolation(error, 'names_pkey')).toBe(true)
    const syntax = await threaded.db.execute(sql`selec 1`).catch((e: unknown) => e)
    expect(syntax).toBeInstanceOf(Error)
    expect(String((syntax as Error).cause ?? syntax)).toMatch(/syntax error/)
  })

  it('runs concurrent transactions one after the other without losing any', async () => {
    await threaded.db.execute(sql`create table counter (id int primary key, n int not null)`)
    await threaded.db.execute(sql`insert into counter values (1, 0)`)
    await Promise.all(
      Array.from({ length: 40 }, () =>
        threaded.db.transaction(async (tx) => {
          const current = (await tx.execute(sql`select n from counter where id = 1`)) as unknown as { rows: Row[] }
          await tx.execute(sql`update counter set n = ${Number(current.rows[0]!.n) + 1} where id = 1`)
        }),
      ),
    )
    expect(await rowsOf(threaded, sql`select n from counter`)).toEqual([{ n: 40 }])
  })

  it('delivers notifications until the listener stops', async () => {
    const payloads: string[] = []
    let listening = 0
    const stop = await threaded.listen(
      'portal_test',
      (payload) => payloads.push(payload),
      () => listening++,
    )
    expect(listening).toBe(1)
    await threaded.db.execute(sql`select pg_notify('portal_test', 'ett')`)
    await expect.poll(() => payloads).toEqual(['ett'])
    await stop()
    await threaded.db.execute(sql`select pg_notify('portal_test', 'två')`)
    await threaded.db.execute(sql`select 1`)
    expect(payloads).toEqual(['ett'])
  })

  it('refuses a second handle on the folder with the lock error, and the folder opens again after close', async () => {
    const second = await openDatabase({ driver: 'pglite', dataDir }).catch((e: unknown) => e)
    expect(second).toBeInstanceOf(DataDirInUseError)
    expect((second as Error).message).toMatch(/används redan av process \d+/)

    await threaded.db.execute(sql`insert into names values ('Polisen')`)
    await threaded.close()
    threaded = await openDatabase({ driver: 'pglite', dataDir })
    expect(await rowsOf(threaded, sql`select name from names order by name`)).toEqual([
      { name: 'Brandkåren' },
      { name: 'Polisen' },
    ])
  }, 60_000)
})

// The same proof as pglite-durability.test.ts, for the production path: there
// the file layer is instrumented in-process; here PostgreSQL runs in its own
// thread, so the system calls of the whole process are traced instead.
describe('PGlite in its own thread: durable commits', () => {
  it('syncs the write-ahead log once per committed save (strace of the process)', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-thread-sync-'))
    const trace = path.join(tmp, 'trace')
    const saves = 20
    try {
      const run = spawnSync(
        'strace',
        [
          '-f',
          '-qq',
          '-y',
          '-e',
          'trace=fsync,fdatasync,chdir',
          '-o',
          trace,
          process.execPath,
          '--import',
          'tsx',
          script,
          path.join(tmp, 'pglite'),
          String(saves),
        ],
        { cwd: root, encoding: 'utf8', timeout: 120_000 },
      )
      expect(run.status, run.stderr).toBe(0)
      const lines = fs.readFileSync(trace, 'utf8').split('\n')
      const marks = lines.flatMap((line, index) => (/chdir\("\."\)/.test(line) ? [index] : []))
      expect(marks).toHaveLength(2)
      const during = lines.slice(marks[0], marks[1])
      const walSyncs = during.filter((line) => /f(data)?sync\(\d+<[^>]*\/pg_wal\//.test(line))
      expect(walSyncs).toHaveLength(saves)
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  }, 150_000)
})
