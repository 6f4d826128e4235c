import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DataDirInUseError, openDatabase, type DatabaseHandle } from '../../app/db/client.server'

// The lock guards a PGlite folder against a second process; the owner's pid is
// compared, so another live process is played by a `sleep` child.
describe('PGlite data folder lock', () => {
  let tmp: string
  let dataDir: string
  let lockFile: string
  let child: ChildProcess | undefined
  let handle: DatabaseHandle | undefined

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-lock-'))
    dataDir = path.join(tmp, 'pglite')
    lockFile = `${dataDir}.lock`
  })

  afterEach(async () => {
    await handle?.close()
    handle = undefined
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    child = undefined
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  function startOtherProcess(): Promise<ChildProcess> {
    const started = spawn('sleep', ['30'], { stdio: 'ignore' })
    return new Promise((resolve, reject) => {
      started.once('spawn', () => resolve(started))
      started.once('error', reject)
    })
  }

  function stop(process: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      process.once('exit', () => resolve())
      process.kill('SIGTERM')
    })
  }

  it('refuses a folder held by a live process, takes it over once that process is gone, and releases it on close', async () => {
    child = await startOtherProcess()
    const otherPid = child.pid!
    fs.writeFileSync(lockFile, String(otherPid))

    const refused = openDatabase({ driver: 'pglite', dataDir })
    await expect(refused).rejects.toBeInstanceOf(DataDirInUseError)
    await expect(refused).rejects.toThrow(dataDir)
    await expect(refused).rejects.toThrow(String(otherPid))
    // The refused attempt leaves the other process's lock alone.
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(otherPid))
    expect(fs.existsSync(dataDir)).toBe(false)

    await stop(child)

    handle = await openDatabase({ driver: 'pglite', dataDir })
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid))
    const result = (await handle.db.execute(sql`select 41 + 1 as answer`)) as unknown as { rows: { answer: number }[] }
    expect(result.rows[0]?.answer).toBe(42)

    await handle.close()
    handle = undefined
    expect(fs.existsSync(lockFile)).toBe(false)

    // A lock file without a valid pid (a crash mid-write) does not block the folder either.
    fs.writeFileSync(lockFile, 'ingen-pid')
    handle = await openDatabase({ driver: 'pglite', dataDir })
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid))
    await handle.close()
    handle = undefined
    expect(fs.existsSync(lockFile)).toBe(false)
  }, 60_000)
})
