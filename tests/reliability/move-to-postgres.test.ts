import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openDatabase, type DatabaseOptions } from '~/db/client.server'
import { queryRows, quoteIdent, readTables } from '~/modules/data-transfer/catalog.server'
import {
  createScratchDatabase,
  inheritedButIgnored,
  root,
  startPortal,
  type PortalServer,
  type ScratchDatabase,
} from '../support/portal-server'
import { demoUsers, isRedirect, newContactRouteFields } from './harness'

// The paths the README's production section ("I drift") tells a municipality to
// take, run as it tells them: the server on the embedded default, a save through
// the browser's forms, then `npm run db:export` and `npm run db:import` as child
// processes, into a new PostgreSQL database (the move) and into a new embedded
// folder from the nightly export (the restore drill), and a production server on
// each that serves what was saved and signs the same people in.

const DEMO_PASSWORD = 'flytt-till-postgres-lösenord-2026'
// The servers after a move start with another demo password: were the demo loaded
// again instead of the export, the old password would fail.
const OTHER_PASSWORD = 'annat-demo-lösenord-som-inte-gäller-2026'
const SAVED_EMAIL = 'sparad-fore-flytten@example.org'
const ORGANISATION = 'Vårgårda Bostäder AB'
const SCRIPT_TIMEOUT_MS = 60_000

interface ScriptRun {
  code: number | null
  output: string
}

/** A command in the checkout, with the production environment an operator's env file gives it, on one database. */
function run(
  command: string,
  args: string[],
  database: string | { pgliteDir: string },
  extra: Record<string, string> = {},
) {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of inheritedButIgnored) delete env[name]
  Object.assign(env, { NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example.org', LOG_LEVEL: 'silent' }, extra)
  if (typeof database === 'string') env.DATABASE_URL = database
  else env.PGLITE_DIR = database.pgliteDir
  return new Promise<ScriptRun>((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), SCRIPT_TIMEOUT_MS)
    child.once('error', reject)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

const npm = (args: string[], database: string | { pgliteDir: string }, extra?: Record<string, string>) =>
  run('npm', ['run', '--silent', ...args], database, extra)

/** Row count and md5 of every row's JSON in key order, per table: equal means the same data. */
async function fingerprint(options: DatabaseOptions) {
  const handle = await openDatabase(options)
  try {
    return await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`)
      const result: Record<string, string> = {}
      for (const table of await readTables(tx)) {
        const order = table.orderBy.map((column) => `t.${quoteIdent(column)}`).join(', ')
        const [row] = await queryRows<{ rows: number; md5: string }>(
          tx,
          sql.raw(
            `select count(*)::int as rows, md5(coalesce(string_agg(row_to_json(t)::text, E'\\n' order by ${order}), '')) as md5
             from ${quoteIdent(table.name)} as t`,
          ),
        )
        result[table.name] = `${row!.rows} ${row!.md5}`
      }
      return result
    })
  } finally {
    await handle.close()
  }
}

/** A sign-in through the form, as a browser does it; the session cookie it sets. */
async function signInWithPassword(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(new URL('/logga-in', baseUrl), {
    method: 'POST',
    body: new URLSearchParams({ email, password, redirectTo: '/' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  })
  const body = await response.text()
  expect(response.status, body.slice(0, 500)).toSatisfy(isRedirect)
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('session='))
  expect(session, 'the sign-in sets a session cookie').toBeDefined()
  return session!.split(';')[0]!
}

async function page(baseUrl: string, cookie: string, pathname: string): Promise<string> {
  const response = await fetch(new URL(pathname, baseUrl), {
    headers: { cookie, accept: 'text/html' },
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  })
  const body = await response.text()
  expect(response.status, `${pathname}: ${body.slice(0, 300)}`).toBe(200)
  return body
}

/** The organisation's id, from the organisation list a signed-in partner reads. */
async function organisationId(baseUrl: string, cookie: string, name: string): Promise<string> {
  const list = await page(baseUrl, cookie, '/organisationer')
  const match = new RegExp(`href="/organisationer/([0-9a-f-]{36})"[^>]*>${name}</a>`).exec(list)
  if (!match) throw new Error(`${name} is not on /organisationer`)
  return match[1]!
}

/** What a server after a move or a restore must show: the saved contact route, the demo network, the same sign-in. */
async function expectServesTheData(server: PortalServer) {
  const cookie = await signInWithPassword(server.baseUrl, demoUsers.partnerEditor, DEMO_PASSWORD)
  const id = await organisationId(server.baseUrl, cookie, ORGANISATION)
  expect(await page(server.baseUrl, cookie, `/organisationer/${id}`)).toContain(SAVED_EMAIL)
  const list = await page(server.baseUrl, cookie, '/organisationer')
  for (const name of ['Vårgårda kommun', 'Solör Bioenergi i Vårgårda AB', 'Länsstyrelsen Västra Götaland']) {
    expect(list).toContain(name)
  }
  // The demo's finished exercise, which Vårgårda Bostäder took part in.
  expect(await page(server.baseUrl, cookie, '/handelser')).toContain('Övning Elavbrott Vårgårda')
  const refused = await fetch(new URL('/logga-in', server.baseUrl), {
    method: 'POST',
    body: new URLSearchParams({ email: demoUsers.partnerEditor, password: OTHER_PASSWORD }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.baseUrl },
    redirect: 'manual',
  })
  expect(refused.status, 'the demo was not loaded again over the restored data').toBe(400)
  expect(server.errorLines()).toEqual([])
}

describe('the move from the embedded database to PostgreSQL, and the restore drill, as the README tells them', () => {
  let tmp: string
  let source: { pgliteDir: string }
  let sourcePrint: Record<string, string>
  let server: PortalServer | undefined
  let database: ScratchDatabase | undefined

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'move-to-postgres-'))
    source = { pgliteDir: path.join(tmp, 'source', 'pglite') }
    server = await startPortal({ dir: inject('portalDir'), databaseUrl: source, demoPassword: DEMO_PASSWORD })
    const cookie = await signInWithPassword(server.baseUrl, demoUsers.partnerEditor, DEMO_PASSWORD)
    const id = await organisationId(server.baseUrl, cookie, ORGANISATION)
    const saved = await fetch(new URL(`/organisationer/${id}/kontaktvagar/ny`, server.baseUrl), {
      method: 'POST',
      body: new URLSearchParams(newContactRouteFields(SAVED_EMAIL)).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.baseUrl, cookie },
      redirect: 'manual',
    })
    expect(saved.status, await saved.text()).toSatisfy(isRedirect)
    expect(await page(server.baseUrl, cookie, `/organisationer/${id}`)).toContain(SAVED_EMAIL)

    // While the server holds the folder, an export is refused and leaves no file: the nightly export stops the server first.
    const whileRunning = path.join(tmp, 'while-running.ndjson.gz')
    const refused = await npm(['db:export', '--', whileRunning], source)
    expect(refused.code).not.toBe(0)
    expect(refused.output).toContain('används redan av process')
    expect(fs.existsSync(whileRunning)).toBe(false)

    await server.stop()
    server = undefined
    sourcePrint = await fingerprint({ driver: 'pglite', dataDir: source.pgliteDir })
    expect(Object.keys(sourcePrint).length).toBeGreaterThan(50)
  })

  afterAll(async () => {
    await server?.stop()
    await database?.drop()
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('exports the embedded folder, imports it into a new PostgreSQL database, and the server there has it all', async () => {
    const file = path.join(tmp, 'flytt.ndjson.gz')
    const exported = await npm(['db:export', '--', file], source)
    expect(exported.code, exported.output).toBe(0)
    expect(exported.output).toContain('(pglite)')

    database = await createScratchDatabase(inject('adminUrl'), 'rel_move')
    const imported = await npm(['db:import', '--', file], database.url)
    expect(imported.code, imported.output).toBe(0)
    expect(imported.output).toContain('Säkerhetskopian är inläst (postgres)')
    expect(await fingerprint({ driver: 'postgres', url: database.url, maxConnections: 1 })).toEqual(sourcePrint)

    server = await startPortal({ dir: inject('portalDir'), databaseUrl: database.url, demoPassword: OTHER_PASSWORD })
    await expectServesTheData(server)
    await server.stop()
    server = undefined

    // A second import into the now used database is refused and changes nothing.
    const again = await npm(['db:import', '--', file], database.url)
    expect(again.code).toBe(1)
    expect(again.output).toContain('innehåller redan data')
  })

  it('restore drill: the nightly export (with its rotation) read into a new embedded folder, and a server on it', async () => {
    const exportDir = path.join(tmp, 'export')
    fs.mkdirSync(exportDir)
    const older = ['omradesansvar-2026-11-01T031500Z.ndjson.gz', 'omradesansvar-2026-11-02T031500Z.ndjson.gz']
    for (const name of older) fs.writeFileSync(path.join(exportDir, name), 'an older night')
    fs.writeFileSync(path.join(exportDir, 'readme.txt'), 'not an export: never rotated away')

    const nightly = await run('scripts/export-rotate.sh', [], source, { EXPORT_DIR: exportDir, EXPORT_KEEP: '2' })
    expect(nightly.code, nightly.output).toBe(0)
    const left = fs.readdirSync(exportDir).sort()
    const newest = left.find((name) => !older.includes(name) && name.startsWith('omradesansvar-'))
    expect(newest).toMatch(/^omradesansvar-\d{4}-\d{2}-\d{2}T\d{6}Z\.ndjson\.gz$/)
    expect(left).toEqual([older[1], newest, 'readme.txt'].sort())
    expect(fs.statSync(path.join(exportDir, newest!)).mode & 0o777).toBe(0o600)

    const restored = { pgliteDir: path.join(tmp, 'restored', 'pglite') }
    const imported = await npm(['db:import', '--', path.join(exportDir, newest!)], restored)
    expect(imported.code, imported.output).toBe(0)
    expect(await fingerprint({ driver: 'pglite', dataDir: restored.pgliteDir })).toEqual(sourcePrint)

    server = await startPortal({ dir: inject('portalDir'), databaseUrl: restored, demoPassword: OTHER_PASSWORD })
    await expectServesTheData(server)
    await server.stop()
    server = undefined
  })
})
