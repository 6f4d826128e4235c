import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import type { Database } from '../app/db/client.server'
import { sessionPolicy } from '../app/modules/auth/session-cookie.server'
import { createSession } from '../app/modules/auth/sessions.server'
import { countyScale } from './county'
import { round, type Figure } from './measure'
import { countyScenario, scenarioPageFigures } from './scenario-page'

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>

const root = fileURLToPath(new URL('..', import.meta.url))
export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
]
const EMAIL = 'bench-coordinator@example.org'
const RUNS = 5
// The User Timing mark the map sets when its first view is painted (app/components/map/site-map.client.tsx).
const INTERACTIVE_MARK = 'map-interactive'
// A one-pixel grey tile: the bench never reaches the real tile server.
export const GREY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

export async function startServer(databaseUrl: string): Promise<{ baseUrl: string; child: ChildProcess }> {
  if (!existsSync(`${root}build/server/index.js`)) throw new Error('build/ is missing: `npm run bench` builds first')
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['server.js'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The portal exited during start (code ${child.exitCode})`)
    const healthy = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    )
    if (healthy) return { baseUrl, child }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  child.kill('SIGKILL')
  throw new Error('The portal did not become healthy within 60 s')
}

/**
 * The browser state of a signed-in user: a session made directly, past the
 * second factor a coordinator needs (the bench has no authenticator app).
 */
export async function signedInState(db: Database, browser: Browser, baseUrl: string, userId: string) {
  // Long enough for the whole suite: the default idle time is 30 minutes.
  const policy = { ...sessionPolicy(), idleMs: 6 * 3_600_000 }
  const { token } = await createSession(db, userId, policy, new Date(), { twoFactorVerified: true })
  const context = await browser.newContext()
  await context.addCookies([{ name: 'session', value: token, url: baseUrl }])
  const state = await context.storageState()
  await context.close()
  return state
}

/**
 * Milliseconds from navigation to the map's first painted view, in a fresh
 * context each time (nothing cached), and the number of sites the map says
 * it shows.
 */
async function timeToInteractive(browser: Browser, baseUrl: string, state: StorageState, path: string) {
  const context = await browser.newContext({ storageState: state, viewport: { width: 1280, height: 900 } })
  try {
    await context.route('https://tile.openstreetmap.org/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: GREY_PNG }),
    )
    const page = await context.newPage()
    await page.goto(`${baseUrl}${path}`)
    const handle = await page.waitForFunction(
      (mark) => performance.getEntriesByName(mark)[0]?.startTime,
      INTERACTIVE_MARK,
      { timeout: 60_000 },
    )
    const ms = (await handle.jsonValue()) as number
    const sites = Number(await page.locator('[data-site-count]').getAttribute('data-site-count'))
    return { ms, sites }
  } finally {
    await context.close()
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** The bench coordinator, a member of the first organisation; returns the user's id. */
export async function benchCoordinator(db: Database): Promise<{ userId: string; organisationId: string }> {
  const [organisation] = (await db.execute(sql`select id from organisations order by id limit 1`)) as unknown as {
    id: string
  }[]
  const [user] = (await db.execute(sql`
    with created as (
      insert into users (email, name) values (${EMAIL}, 'Bench Samordnare') returning id
    ), joined as (
      insert into memberships (user_id, organisation_id, role) select id, ${organisation!.id}, 'coordinator' from created
    )
    select id from created`)) as unknown as { id: string }[]
  return { userId: user!.id, organisationId: organisation!.id }
}

/**
 * A network of the first `organisations` generated organisations, for the
 * map's network filter: the generator gives organisation i the sites k with
 * k mod 10,000 = i, three each. Returns its id and a function that removes it.
 */
async function subsetNetwork(db: Database, organisations: number) {
  const [network] = (await db.execute(sql`
    insert into networks (name) values (${`Bench: ${organisations * 3} platser`}) returning id`)) as unknown as {
    id: string
  }[]
  await db.execute(sql`
    insert into network_members (network_id, organisation_id)
    select ${network!.id}::uuid, md5('org' || i)::uuid from generate_series(0, ${organisations - 1}) as i`)
  // Autovacuum would within the minute; without it the planner takes the table for empty.
  await db.execute(sql`analyze network_members`)
  const remove = async () => {
    await db.execute(sql`delete from networks where id = ${network!.id}`)
    await db.execute(sql`analyze network_members`)
  }
  return { id: network!.id, remove }
}

/**
 * The map page in headless Chromium against the production build on the
 * county data set: time to interactive with every site (30,000), with about
 * 10,000 and 1,000 (the network filter on a network of 3,333 or 333
 * organisations: 9,999 and 999 sites) and with none (a network that does not
 * exist), the median of five cold visits each after one warm-up visit.
 */
async function mapFigures(db: Database, browser: Browser, baseUrl: string, state: StorageState): Promise<Figure[]> {
  const measure = async (path: string) => {
    await timeToInteractive(browser, baseUrl, state, path)
    const runs = []
    for (let i = 0; i < RUNS; i++) runs.push(await timeToInteractive(browser, baseUrl, state, path))
    return { ms: median(runs.map((run) => run.ms)), sites: runs[0]!.sites }
  }
  const all = await measure('/karta')
  // A network that does not exist: the same page with no site to show.
  const none = await measure('/karta?network=00000000-0000-4000-8000-000000000000')
  if (all.sites !== countyScale.sites || none.sites !== 0) {
    throw new Error(`The map showed ${all.sites} and ${none.sites} sites, not ${countyScale.sites} and 0`)
  }
  const subsets = []
  for (const [label, organisations] of [
    ['1k', 333],
    ['10k', 3_333],
  ] as const) {
    const network = await subsetNetwork(db, organisations)
    try {
      const subset = await measure(`/karta?network=${network.id}`)
      if (subset.sites !== organisations * 3) {
        throw new Error(`The map showed ${subset.sites} sites, not ${organisations * 3}`)
      }
      subsets.push({ label, ms: subset.ms })
    } finally {
      await network.remove()
    }
  }
  const ratio = (ms: number) => Math.round((ms / none.ms) * 100) / 100
  return [
    { name: 'registry_map_interactive_30k_ms', value: round(all.ms), unit: 'ms' },
    ...subsets.map(({ label, ms }) => ({ name: `registry_map_interactive_${label}_ms`, value: round(ms), unit: 'ms' })),
    { name: 'registry_map_interactive_0_ms', value: round(none.ms), unit: 'ms' },
    { name: 'registry_map_interactive_ratio_30k_to_0', value: ratio(all.ms), unit: 'ratio' },
    ...subsets.map(({ label, ms }) => ({
      name: `registry_map_interactive_ratio_${label}_to_0`,
      value: ratio(ms),
      unit: 'ratio',
    })),
  ]
}

/** Every browser figure, against one production server on the county data set. */
export async function browserBenchmarks(db: Database, databaseUrl: string): Promise<Figure[]> {
  const coordinator = await benchCoordinator(db)
  const scenarioId = await countyScenario(db, coordinator)
  const { baseUrl, child } = await startServer(databaseUrl)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
  try {
    const state = await signedInState(db, browser, baseUrl, coordinator.userId)
    return [
      ...(await mapFigures(db, browser, baseUrl, state)),
      ...(await scenarioPageFigures(browser, baseUrl, state, scenarioId)),
    ]
  } finally {
    await browser.close()
    child.kill('SIGTERM')
  }
}
