import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../app/db/client.server'

// An acknowledged save in the embedded mode must survive a power cut: the
// write-ahead log is on stable storage before the answer, as with PostgreSQL.
// The file system is instrumented: every fsync the driver issues is recorded
// with the file it reaches (Linux names an open descriptor in /proc/self/fd).
describe('PGlite on a data folder: durable commits', () => {
  let tmp: string
  let dataDir: string
  let handle: DatabaseHandle
  const synced: string[] = []

  beforeAll(async () => {
    const fsync = fs.fsyncSync
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      synced.push(fs.readlinkSync(`/proc/self/fd/${fd}`))
      fsync(fd)
    })
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-durable-'))
    dataDir = path.join(tmp, 'pglite')
    handle = await openDatabase({ driver: 'pglite', dataDir, thread: 'caller' })
  }, 120_000)

  afterAll(async () => {
    await handle?.close()
    vi.restoreAllMocks()
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  beforeEach(() => {
    synced.length = 0
  })

  const walSyncs = () => synced.filter((file) => file.startsWith(path.join(dataDir, 'pg_wal') + path.sep)).length

  it('a new folder is on stable storage before the first answer: every file and folder in it was synced', async () => {
    const fresh = path.join(tmp, 'fresh')
    const opened = await openDatabase({ driver: 'pglite', dataDir: fresh, thread: 'caller' })
    try {
      const everything = [
        fresh,
        ...fs.readdirSync(fresh, { recursive: true }).map((entry) => path.join(fresh, String(entry))),
      ]
      expect(everything.filter((entry) => !synced.includes(entry))).toEqual([])
      // And the folder's own entry in its parent.
      expect(synced).toContain(tmp)
    } finally {
      await opened.close()
    }
  }, 120_000)

  it('syncs the write-ahead log before a single statement answers', async () => {
    await handle.db.execute(sql`create table saves (id serial primary key, note text not null)`)
    for (let i = 0; i < 20; i++) {
      synced.length = 0
      await handle.db.execute(sql`insert into saves (note) values (${`sparad ${i}`})`)
      expect(walSyncs()).toBeGreaterThanOrEqual(1)
    }
  })

  it('syncs the write-ahead log before a transaction answers (PGlite skips its own sync after COMMIT, issue 1065)', async () => {
    await handle.db.execute(sql`create table if not exists saves (id serial primary key, note text not null)`)
    for (let i = 0; i < 20; i++) {
      synced.length = 0
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into saves (note) values (${`först ${i}`})`)
        await tx.execute(sql`insert into saves (note) values (${`sedan ${i}`})`)
        // Nothing is synced before COMMIT: the cost is paid once per transaction.
        expect(walSyncs()).toBe(0)
      })
      expect(walSyncs()).toBe(1)
    }
  })

  it('does not sync for reads', async () => {
    await handle.db.execute(sql`create table if not exists saves (id serial primary key, note text not null)`)
    synced.length = 0
    for (let i = 0; i < 20; i++) await handle.db.execute(sql`select count(*) from saves`)
    expect(synced).toEqual([])
  })
})
