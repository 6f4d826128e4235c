import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '~/db/client.server'
import { contactRoutes } from '~/db/schema/registry'
import { freePort, startPortal, type PortalServer } from '../support/portal-server'
import { Browser, demoUsers, isRedirect, listOrganisationRefs, newContactRouteFields, pick, signIn } from './harness'

// The embedded default (PGlite on a folder) as a small municipality runs it in
// production, under a supervisor that restarts it the moment it dies: the
// folder's lock must be free at once, and every save the server acknowledged
// must be there after each crash.

const ROUNDS = 10
const WRITERS = 8
const LOAD_BEFORE_KILL_MS = 1_500
const RESTART_WITHIN_MS = 200
const DEMO_PASSWORD = 'inbäddad-krasch-lösenord-2026'

describe('the embedded server killed (kill -9) under writes and restarted at once, again and again', () => {
  let tmp: string
  let pgliteDir: string
  let server: PortalServer | undefined
  let handle: DatabaseHandle | undefined

  const start = (port?: number) =>
    startPortal({ dir: inject('portalDir'), databaseUrl: { pgliteDir }, demoPassword: DEMO_PASSWORD, port })

  /** The pid the folder's lock file names: the server that holds the folder. */
  function lockHolder(): number | undefined {
    try {
      return (JSON.parse(fs.readFileSync(`${fs.realpathSync(pgliteDir)}.lock`, 'utf8')) as { pid: number }).pid
    } catch {
      return undefined
    }
  }

  function processState(pid: number): string | undefined {
    try {
      // The state follows the command name, which is in parentheses.
      return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0]
    } catch {
      return undefined
    }
  }

  /**
   * Blocks this process, which therefore cannot reap the killed server (a
   * supervisor that has not yet), until another server holds the folder;
   * returns the killed server's state at that moment.
   */
  function stateWhenLockTaken(killedPid: number): string | undefined {
    const pause = new Int32Array(new SharedArrayBuffer(4))
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      const holder = lockHolder()
      if (holder !== undefined && holder !== killedPid) return processState(killedPid)
      Atomics.wait(pause, 0, 0, 20)
    }
    throw new Error(`No new server took the folder within 60 s of killing ${killedPid}`)
  }

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-crash-'))
    pgliteDir = path.join(tmp, 'data', 'pglite')
  })

  afterAll(async () => {
    await server?.stop()
    await handle?.close()
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  it(`starts ${ROUNDS} times in a row within ${RESTART_WITHIN_MS} ms of each kill, keeps every acknowledged save, and still refuses a second live server`, async () => {
    // The first start creates the folder and loads the demo network; the test then signs its writers in through the folder.
    server = await start()
    await server.stop()
    handle = await openDatabase({ driver: 'pglite', dataDir: pgliteDir })
    const targets = (await listOrganisationRefs(handle.db)).slice(0, 5)
    const cookies: string[] = []
    for (let i = 0; i < WRITERS; i++) cookies.push(await signIn(handle.db, demoUsers.coordinator))
    await handle.close()
    handle = undefined

    const acknowledged: string[] = []
    const restartDelays: number[] = []
    const statesWhenTaken: (string | undefined)[] = []
    let sequence = 0
    server = await start()
    for (let round = 1; round <= ROUNDS; round++) {
      const current = server
      let killed = false
      const writeLoop = async (cookie: string) => {
        const browser = new Browser(current.baseUrl, cookie)
        while (!killed) {
          const email = `inbaddad-${round}-${++sequence}@example.org`
          try {
            const answer = await browser.post(
              `/organisationer/${pick(targets).id}/kontaktvagar/ny`,
              newContactRouteFields(email),
            )
            if (isRedirect(answer.status)) acknowledged.push(email)
            else expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500)
          } catch (error) {
            // A request in flight when the process died got no answer: it was never acknowledged.
            if (!killed) throw error
          }
        }
      }
      const roundStart = acknowledged.length
      const loops = cookies.map((cookie) => writeLoop(cookie))
      await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_KILL_MS))
      const port = await freePort()
      killed = true
      const killedAt = performance.now()
      const dead = current.kill()
      // The next server is spawned at once, and takes the folder while the killed one is a zombie.
      const next = start(port)
      statesWhenTaken.push(stateWhenLockTaken(current.pid))
      await dead
      server = await next
      restartDelays.push(server.spawnedAt - killedAt)
      await Promise.all(loops)
      expect(acknowledged.length - roundStart, `saves acknowledged in round ${round}`).toBeGreaterThan(0)
    }
    console.log(
      `Embedded crash: ${ROUNDS} kills, ${acknowledged.length} acknowledged saves, ` +
        `each restart spawned ${Math.max(...restartDelays).toFixed(1)} ms after the kill at most`,
    )
    expect(Math.max(...restartDelays)).toBeLessThan(RESTART_WITHIN_MS)
    // Each new server had the folder while its killed predecessor was still unreaped (state Z).
    expect(statesWhenTaken).toEqual(Array(ROUNDS).fill('Z'))
    expect(acknowledged.length).toBeGreaterThan(ROUNDS)

    // Two live servers must never share the folder: a second one on it stops at start and says why.
    const holder = server
    const second = await start().then(
      async (started) => {
        await started.kill()
        return 'started'
      },
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    )
    expect(second).toContain(`Databasmappen ${fs.realpathSync(pgliteDir)} används redan av process ${holder.pid}`)
    expect(second).toContain('is in use by process')
    expect(holder.alive()).toBe(true)

    // The last server takes a save after all this, then stops cleanly; every acknowledged save is in the folder.
    const after = await new Browser(holder.baseUrl, cookies[0]!).post(
      `/organisationer/${targets[0]!.id}/kontaktvagar/ny`,
      newContactRouteFields('efter-alla-krascher@example.org'),
    )
    expect(after.status).toSatisfy(isRedirect)
    expect(holder.errorLines()).toEqual([])
    await holder.stop()
    server = undefined
    handle = await openDatabase({ driver: 'pglite', dataDir: pgliteDir })
    const stored = await handle.db
      .select({ value: contactRoutes.value })
      .from(contactRoutes)
      .where(inArray(contactRoutes.value, [...acknowledged, 'efter-alla-krascher@example.org']))
    const missing = new Set([...acknowledged, 'efter-alla-krascher@example.org'])
    for (const row of stored) missing.delete(row.value)
    expect([...missing]).toEqual([])
  }, 900_000)
})
