import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/pglite'
import { openDatabase, type Database } from '../app/db/client.server'
import { round, type Figure } from './measure'

const COMMITS = 200

// What a save costs in the embedded mode now that its write-ahead log reaches the disk
// before the answer (docs/decisions/022): syncs per committed transaction, the time per
// transaction, and the same transaction on PGlite's own defaults (fsync off) for comparison.
// Each transaction is a save as the portal makes one: a row and its audit entry.
export async function embeddedDurabilityBenchmarks(): Promise<Figure[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-durability-'))
  const fsync = fs.fsyncSync
  let syncs = 0
  fs.fsyncSync = (fd) => {
    syncs++
    fsync(fd)
  }
  try {
    const durable = await openDatabase({ driver: 'pglite', dataDir: path.join(tmp, 'durable'), thread: 'caller' })
    let durableMs: number
    let perCommit: number
    try {
      durableMs = await commitTime(durable.db)
      syncs = 0
      await saves(durable.db, COMMITS)
      perCommit = syncs / COMMITS
    } finally {
      await durable.close()
    }

    const unsynced = new PGlite({ dataDir: path.join(tmp, 'pglite-defaults') })
    let unsyncedMs: number
    try {
      unsyncedMs = await commitTime(drizzle(unsynced) as unknown as Database)
    } finally {
      await unsynced.close()
    }
    return [
      { name: 'embedded_fsync_per_commit', value: round(perCommit), unit: 'count' },
      { name: 'embedded_commit_ms', value: Math.round(durableMs * 100) / 100, unit: 'ms' },
      { name: 'embedded_commit_unsynced_ms', value: Math.round(unsyncedMs * 100) / 100, unit: 'ms' },
    ]
  } finally {
    fs.fsyncSync = fsync
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

async function saves(db: Database, count: number) {
  for (let i = 0; i < count; i++) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into saves (note) values (${`sparad ${i}`})`)
      await tx.execute(sql`insert into save_log (note) values (${`ändrad ${i}`})`)
    })
  }
}

/** The median time of one save, in ms, after a warm-up. */
async function commitTime(db: Database): Promise<number> {
  await db.execute(sql`create table saves (id serial primary key, note text not null)`)
  await db.execute(sql`create table save_log (id serial primary key, note text not null, at timestamptz default now())`)
  await saves(db, 20)
  const times: number[] = []
  for (let i = 0; i < COMMITS; i++) {
    const started = performance.now()
    await saves(db, 1)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}
