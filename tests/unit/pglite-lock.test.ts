import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../app/db/client.server'
import { DataDirError, DataDirInUseError } from '../../app/db/pglite-folder.server'

const root = fileURLToPath(new URL('../..', import.meta.url))
const holderScript = path.join(root, 'tests/support/pglite-holder.ts')

// The lock is an exclusive lock on an open file, which the kernel drops the
// moment its holder dies: who the lock file names does not matter. Other
// processes are real ones: a node process holding the folder through the
// driver, and `sleep` standing in for an unrelated process with a reused pid.
describe('PGlite data folder lock', () => {
  let tmp: string
  let dataDir: string
  let lockFile: string
  const children: ChildProcess[] = []
  const holders: number[] = []
  const handles: DatabaseHandle[] = []

  // One folder made by the driver (PGlite's initdb takes seconds), copied for each test: the lock
  // sits beside the folder, so a copy is a folder no process holds.
  let made: string
  beforeAll(async () => {
    made = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-lock-made-'))
    await (await openDatabase({ driver: 'pglite', dataDir: path.join(made, 'pglite') })).close()
  }, 120_000)
  afterAll(() => {
    fs.rmSync(made, { recursive: true, force: true })
  })

  /** A copy of the made folder at `folder`. */
  function madeFolderAt(folder: string): void {
    fs.cpSync(path.join(made, 'pglite'), folder, { recursive: true })
  }

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-lock-'))
    dataDir = path.join(tmp, 'pglite')
    lockFile = `${dataDir}.lock`
  })

  afterEach(async () => {
    for (const handle of handles.splice(0)) await handle.close()
    // A holder's parent is sleep, not this process: it is ended by its pid.
    for (const pid of holders.splice(0)) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  async function open(folder = dataDir): Promise<DatabaseHandle> {
    const handle = await openDatabase({ driver: 'pglite', dataDir: folder })
    handles.push(handle)
    return handle
  }

  /** Opens the folder; the outcome is 'opened' or what was thrown (a handle is too large for a failure message). */
  async function attempt(folder = dataDir): Promise<unknown> {
    try {
      handles.push(await openDatabase({ driver: 'pglite', dataDir: folder }))
      return 'opened'
    } catch (error) {
      return error
    }
  }

  function messageOf(outcome: unknown): string {
    return outcome instanceof Error ? outcome.message : String(outcome)
  }

  async function answer(handle: DatabaseHandle): Promise<number> {
    const result = (await handle.db.execute(sql`select 41 + 1 as answer`)) as unknown as { rows: { answer: number }[] }
    return result.rows[0]!.answer
  }

  /** Runs `command` through sh and resolves with the child once a line of its output matches `ready`. */
  function start(
    command: string,
    args: string[],
    ready: RegExp,
  ): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
    const child = spawn('sh', ['-c', command, 'sh', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(child)
    let output = ''
    return new Promise((resolve, reject) => {
      const look = (chunk: Buffer) => {
        output += chunk.toString()
        const match = output.match(ready)
        if (match) resolve({ child, match })
      }
      child.stdout!.on('data', look)
      child.stderr!.on('data', look)
      child.once('exit', (code) => reject(new Error(`${command} exited (${code}) before it was ready:\n${output}`)))
    })
  }

  /** A node process that holds `folder` through the driver; `sleep` is its parent and never reaps it. */
  async function holdInOtherProcess(folder: string): Promise<{ holderPid: number }> {
    const { match } = await start(
      `"${process.execPath}" --import tsx "${holderScript}" "$1" & exec sleep 120`,
      [folder],
      /ready (\d+)/,
    )
    holders.push(Number(match[1]))
    return { holderPid: Number(match[1]) }
  }

  function processState(pid: number): string | undefined {
    try {
      // The state follows the command name, which is in parentheses.
      return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0]
    } catch {
      return undefined
    }
  }

  it('refuses a folder another live process holds, saying so in Swedish and English', async () => {
    madeFolderAt(dataDir)
    const { holderPid } = await holdInOtherProcess(dataDir)

    const refused = await attempt()
    expect(refused).toBeInstanceOf(DataDirInUseError)
    expect(messageOf(refused)).toContain(`process ${holderPid}`)
    expect(messageOf(refused)).toMatch(/Databasmappen .* används redan .* \/ The database folder .* is in use/s)
  }, 120_000)

  it('starts at once after its holder was killed, while the dead holder is still a zombie', async () => {
    madeFolderAt(dataDir)
    const { holderPid } = await holdInOtherProcess(dataDir)
    process.kill(holderPid, 'SIGKILL')
    // Its parent (sleep) never waits for it: it stays a zombie, as it does until a supervisor reaps it.
    for (let i = 0; i < 100 && processState(holderPid) !== 'Z'; i++) await new Promise((r) => setTimeout(r, 20))
    expect(processState(holderPid)).toBe('Z')

    const handle = await open()
    expect(await answer(handle)).toBe(42)
  }, 120_000)

  it('is not held by an unrelated live process whose pid the lock file names (a pid reused after a reboot)', async () => {
    madeFolderAt(dataDir)
    const { child } = await start('echo started; exec sleep 120', [], /started/)
    fs.writeFileSync(lockFile, String(child.pid))

    const handle = await open()
    expect(await answer(handle)).toBe(42)
  }, 60_000)

  it('refuses a second open in the same process, and frees the folder on close', async () => {
    madeFolderAt(dataDir)
    const first = await open()
    expect(await attempt()).toBeInstanceOf(DataDirInUseError)

    await first.close()
    handles.splice(handles.indexOf(first), 1)
    const second = await open()
    expect(await answer(second)).toBe(42)
  }, 60_000)

  it('opens a symlinked data folder, and locks the folder itself rather than the link', async () => {
    const real = path.join(tmp, 'disk', 'pglite')
    fs.mkdirSync(real, { recursive: true })
    fs.symlinkSync(real, dataDir)

    const handle = await open()
    expect(await answer(handle)).toBe(42)
    expect(fs.existsSync(path.join(real, 'PG_VERSION'))).toBe(true)
    expect(await attempt(real)).toBeInstanceOf(DataDirInUseError)
  }, 60_000)

  it('says in Swedish and English why a folder cannot be opened', async () => {
    fs.writeFileSync(dataDir, 'en fil, ingen mapp')
    const notAFolder = await attempt()
    expect(notAFolder).toBeInstanceOf(DataDirError)
    expect(messageOf(notAFolder)).toMatch(
      /Databasmappen .*pglite kunde inte öppnas.* \/ The database folder .*pglite could not be opened/s,
    )
    expect(messageOf(notAFolder)).toContain('ENOTDIR')

    const dangling = path.join(tmp, 'borta')
    fs.symlinkSync(path.join(tmp, 'finns-inte', 'pglite'), dangling)
    const noTarget = await attempt(dangling)
    expect(noTarget).toBeInstanceOf(DataDirError)
    expect(messageOf(noTarget)).toMatch(/borta kunde inte öppnas.*ENOENT/s)
  }, 60_000)
})
