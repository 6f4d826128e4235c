// The embedded default (PGlite on a folder) and PostgreSQL mode side by side, on the demo
// data set as a municipality starts with it (issue 21, README "I drift": when to move):
// signed-in partner editors reading a mix of the main pages at 10, 50 and 200 connections,
// a load balancer's /livez probe on a new connection every 50 ms while the load runs, and
// the server process's peak memory. Part of `npm run bench`; alone (after `npm run build`):
//   npx tsx bench/embedded-vs-postgres.ts
// which prints the BENCH lines and writes its section of bench/results.md.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import autocannon from 'autocannon'
import {
  createScratchDatabase,
  DEFAULT_ADMIN_URL,
  snapshotBuild,
  startPortal,
  type PortalServer,
} from '../tests/support/portal-server'
import { round, type Figure } from './measure'
import { peakRssMib } from './throughput'

export const CONNECTION_LEVELS = [10, 50, 200] as const
const SECONDS = 15
const WARMUP_SECONDS = 3
// Longer than anyone waits for a page: a request not answered by then has failed.
const REQUEST_TIMEOUT_S = 15
const PROBE_EVERY_MS = 50
const PROBE_TIMEOUT_MS = 15_000
const DEMO_PASSWORD = 'bench-inbäddad-mot-postgres-2026'
// The demo's partner editors: no second factor, so they sign in through the form like anyone.
const READERS = ['per.holm@example.org', 'lena.berg@example.org', 'anna.lind@example.org', 'sofia.wall@example.org']
const ACCEPT_ENCODING = 'gzip, deflate, br'

type Mode = 'embedded' | 'postgres'

/** What issue 21 asks of the embedded mode; PostgreSQL mode is held to the same for comparison. */
export const goals: Record<string, { goal: string; met: (value: number) => boolean }> = {
  embedded_livez_p99_ms_50: { goal: '< 50 ms', met: (value) => value < 50 },
  postgres_livez_p99_ms_50: { goal: '< 50 ms', met: (value) => value < 50 },
  ...Object.fromEntries(
    (['embedded', 'postgres'] as const).flatMap((mode) =>
      CONNECTION_LEVELS.map((n) => [`${mode}_read_failed_${n}`, { goal: '0', met: (value: number) => value === 0 }]),
    ),
  ),
}

/** A sign-in through the form; the session cookie. */
async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(new URL('/logga-in', baseUrl), {
    method: 'POST',
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: '/' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    redirect: 'manual',
  })
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('session='))
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in of ${email} answered ${response.status}`)
  return cookie.split(';')[0]!
}

async function read(baseUrl: string, cookie: string, pathname: string): Promise<string> {
  const response = await fetch(new URL(pathname, baseUrl), { headers: { cookie }, redirect: 'manual' })
  const body = await response.text()
  if (response.status !== 200) throw new Error(`${pathname} answered ${response.status} to a partner editor`)
  return body
}

/** The main pages a partner editor reads, with ids taken from the pages themselves. */
async function pageMix(baseUrl: string, cookie: string): Promise<string[]> {
  const ids = (html: string, prefix: string) => [
    ...new Set([...html.matchAll(new RegExp(`href="/${prefix}/([0-9a-f-]{36})"`, 'g'))].map((match) => match[1]!)),
  ]
  const organisations = ids(await read(baseUrl, cookie, '/organisationer'), 'organisationer').slice(0, 4)
  const events = ids(await read(baseUrl, cookie, '/handelser'), 'handelser').slice(0, 1)
  const meetings = ids(await read(baseUrl, cookie, '/moten'), 'moten').slice(0, 1)
  if (organisations.length === 0 || events.length === 0 || meetings.length === 0) {
    throw new Error('The demo data set lacks an organisation, event or meeting a partner editor can open')
  }
  const paths = [
    '/',
    '/organisationer',
    ...organisations.map((id) => `/organisationer/${id}`),
    '/katalog',
    '/katalog?q=v%C3%A4rme',
    '/moten',
    `/moten/${meetings[0]}`,
    '/handelser',
    `/handelser/${events[0]}`,
    '/kontaktlista',
  ]
  return paths
}

interface Visit {
  path: string
  cookie: string
}

/** Every page with every partner who may read it (an event or a meeting is not everyone's). */
async function visits(baseUrl: string, cookies: string[], paths: string[]): Promise<Visit[]> {
  const found: Visit[] = []
  for (const pathname of paths) {
    const readers: Visit[] = []
    for (const cookie of cookies) {
      const response = await fetch(new URL(pathname, baseUrl), { headers: { cookie }, redirect: 'manual' })
      await response.arrayBuffer()
      if (response.status === 200) readers.push({ path: pathname, cookie })
    }
    if (readers.length === 0) throw new Error(`No partner editor may read ${pathname}`)
    found.push(...readers)
  }
  return found
}

// A load balancer's health check: a new connection each time, so a full accept queue shows.
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads')
const http = require('node:http')
let running = true
const samples = []
parentPort.on('message', () => { running = false })
function probe() {
  return new Promise((resolve) => {
    const started = performance.now()
    const request = http.get(workerData.url, { agent: false, timeout: workerData.timeoutMs }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode === 200 ? performance.now() - started : workerData.timeoutMs))
    })
    request.on('timeout', () => request.destroy())
    request.on('error', () => resolve(workerData.timeoutMs))
  })
}
;(async () => {
  while (running) {
    const started = performance.now()
    samples.push(await probe())
    const wait = workerData.everyMs - (performance.now() - started)
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  }
  parentPort.postMessage(samples)
})()
`

function startProbe(baseUrl: string): { stop(): Promise<number[]> } {
  const worker = new Worker(PROBE, {
    eval: true,
    workerData: { url: `${baseUrl}/livez`, everyMs: PROBE_EVERY_MS, timeoutMs: PROBE_TIMEOUT_MS },
  })
  const samples = new Promise<number[]>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  return {
    stop: async () => {
      worker.postMessage('stop')
      const result = await samples
      await worker.terminate()
      return result
    },
  }
}

/**
 * The 99th percentile of the answer time, a timed-out request counted at the
 * time-out: when more than 1 % timed out (or nothing was answered), that is the time-out.
 */
function readP99(result: autocannon.Result): number {
  const answered = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx']
  const timedOut = result.timeouts
  if (answered + timedOut === 0 || timedOut / (answered + timedOut) > 0.01) return REQUEST_TIMEOUT_S * 1000
  return result.latency.p99
}

/** Lets the requests a previous level left queued drain: /livez answers fast twice in a row, or 60 s pass. */
async function settle(baseUrl: string) {
  const deadline = Date.now() + 60_000
  let fast = 0
  while (fast < 2 && Date.now() < deadline) {
    const started = performance.now()
    const ok = await fetch(`${baseUrl}/livez`, { signal: AbortSignal.timeout(10_000) }).then(
      (response) => response.ok,
      () => false,
    )
    fast = ok && performance.now() - started < 50 ? fast + 1 : 0
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? Number.NaN
}

async function load(baseUrl: string, mix: Visit[], connections: number, seconds: number) {
  // Each request is the next visit in a fixed shuffle shared by all connections: under heavy load a
  // connection makes only a few requests, and they must still spread over the whole mix.
  let next = 0
  const visit = () => mix[(next++ * 7919) % mix.length]!
  return autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: REQUEST_TIMEOUT_S,
    headers: { 'accept-encoding': ACCEPT_ENCODING, accept: 'text/html' },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const { path: pathname, cookie } = visit()
          return { ...request, path: pathname, headers: { ...request.headers, cookie } }
        },
      },
    ],
  })
}

async function measureMode(mode: Mode, server: PortalServer): Promise<Figure[]> {
  const cookies: string[] = []
  for (const email of READERS) cookies.push(await signIn(server.baseUrl, email))
  const mix = await visits(server.baseUrl, cookies, await pageMix(server.baseUrl, cookies[0]!))
  await load(server.baseUrl, mix, 10, WARMUP_SECONDS)
  const figures: Figure[] = []
  for (const n of CONNECTION_LEVELS) {
    await settle(server.baseUrl)
    const loggedBefore = server.errorLines().length
    const probe = startProbe(server.baseUrl)
    const result = await load(server.baseUrl, mix, n, SECONDS)
    const livez = await probe.stop()
    // A page whose render the server gave up on (entry.server.tsx's abort delay) was cut off after its 200.
    console.error(
      `${mode}, ${n} connections: ${result['2xx']} 2xx, ${result['3xx']} 3xx, ${result['4xx']} 4xx, ${result['5xx']} 5xx, ` +
        `${result.errors} errors (${result.timeouts} time-outs), ${livez.length} probes`,
    )
    const logged = server.errorLines().slice(loggedBefore)
    const aborted = logged.length
    for (const message of new Set(
      logged.map((line) => (JSON.parse(line) as { msg?: string; err?: { message?: string } }).err?.message ?? line),
    )) {
      console.error(`${mode}, ${n} connections: the server logged "${message}"`)
    }
    figures.push(
      { name: `${mode}_read_rps_${n}`, value: Math.round(result['2xx'] / result.duration), unit: 'req/s' },
      { name: `${mode}_read_p99_ms_${n}`, value: round(readP99(result)), unit: 'ms' },
      { name: `${mode}_read_failed_${n}`, value: result.errors + result.non2xx + aborted, unit: 'count' },
      { name: `${mode}_livez_p99_ms_${n}`, value: round(p99(livez)), unit: 'ms' },
    )
  }
  figures.push({ name: `${mode}_peak_rss_mib`, value: round(peakRssMib(server.pid)), unit: 'MiB' })
  return figures
}

/**
 * Both modes on a private copy of the build: a fresh embedded folder, then a
 * scratch database on `adminUrl`'s server, each seeded with the demo at its
 * first start. One mode at a time, so they never compete for the machine.
 */
export async function embeddedVsPostgresBenchmarks(adminUrl: string): Promise<Figure[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-embedded-vs-postgres-'))
  const database = await createScratchDatabase(adminUrl, 'bench_modes')
  try {
    await snapshotBuild(tmp)
    const figures: Figure[] = []
    const targets: [Mode, string | { pgliteDir: string }][] = [
      ['embedded', { pgliteDir: path.join(tmp, 'data', 'pglite') }],
      ['postgres', database.url],
    ]
    for (const [mode, databaseUrl] of targets) {
      const server = await startPortal({ dir: tmp, databaseUrl, demoPassword: DEMO_PASSWORD })
      try {
        figures.push(...(await measureMode(mode, server)))
      } finally {
        await server.stop()
      }
    }
    return figures
  } finally {
    await database.drop()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

const START = '<!-- embedded-vs-postgres: written by bench/embedded-vs-postgres.ts -->'
const END = '<!-- /embedded-vs-postgres -->'

/** The side-by-side table for bench/results.md: both modes on one line per figure, with the goal where there is one. */
export function embeddedVsPostgresSection(figures: Figure[]): string {
  const byName = new Map(figures.map((figure) => [figure.name, figure]))
  const kinds = [
    ...CONNECTION_LEVELS.flatMap((n) => [`read_rps_${n}`, `read_p99_ms_${n}`, `livez_p99_ms_${n}`, `read_failed_${n}`]),
    'peak_rss_mib',
  ]
  const value = (mode: Mode, kind: string) => String(byName.get(`${mode}_${kind}`)?.value ?? '–')
  const verdict = (kind: string) =>
    (['embedded', 'postgres'] as const)
      .map((mode) => {
        const figure = byName.get(`${mode}_${kind}`)
        const goal = goals[`${mode}_${kind}`]
        return figure && goal ? `${mode} ${goal.met(figure.value) ? 'met' : 'missed'}` : null
      })
      .filter(Boolean)
      .join(', ') || '–'
  const lines = kinds
    .filter((kind) => byName.has(`embedded_${kind}`) || byName.has(`postgres_${kind}`))
    .map((kind) => {
      const goal = goals[`embedded_${kind}`]?.goal ?? '–'
      const unit = (byName.get(`embedded_${kind}`) ?? byName.get(`postgres_${kind}`))!.unit
      return `| ${kind} | ${value('embedded', kind)} | ${value('postgres', kind)} | ${unit} | ${goal} | ${verdict(kind)} |`
    })
  return [
    START,
    '## Embedded (PGlite) and PostgreSQL side by side',
    '',
    `Demo data set; ${READERS.length} signed-in partner editors reading a mix of the main pages; autocannon for ` +
      `${SECONDS} s per level; /livez on a new connection every ${PROBE_EVERY_MS} ms while the load runs ` +
      `(a failed or ${PROBE_TIMEOUT_MS / 1000} s probe counts as ${PROBE_TIMEOUT_MS} ms); read_p99 counts a request ` +
      `not answered within ${REQUEST_TIMEOUT_S} s at that time-out; ` +
      `read_failed: errors, those time-outs, answers other than 2xx and pages whose render the ` +
      'server aborted (an error in its log); ' +
      `peak RSS of the node process (PostgreSQL's own processes not counted). ${os.cpus().length} cores, load average ` +
      `${os.loadavg()[0]!.toFixed(1)} at the end. The goals are issue 21's for the embedded mode ` +
      '(/livez p99 under 50 ms at 50 connections, nothing failing at 200); PostgreSQL mode is held to the same.',
    '',
    '| figure | embedded | postgres | unit | goal | verdict |',
    '| --- | ---: | ---: | --- | --- | --- |',
    ...lines,
    END,
    '',
  ].join('\n')
}

/** Puts the section into bench/results.md, in place of an earlier one. */
export function writeSection(section: string, file = new URL('./results.md', import.meta.url)) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n'
  const start = current.indexOf(START)
  const end = current.indexOf(END)
  const without =
    start >= 0 && end > start ? current.slice(0, start) + current.slice(end + END.length).replace(/^\n+/, '') : current
  fs.writeFileSync(file, `${without.trimEnd()}\n\n${section}`)
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const root = fileURLToPath(new URL('..', import.meta.url))
  if (!fs.existsSync(path.join(root, 'build/server/index.js')))
    throw new Error('build/ is missing: run `npm run build` first')
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL
  const figures = await embeddedVsPostgresBenchmarks(adminUrl)
  for (const figure of figures) console.log(`BENCH ${figure.name} ${figure.value} ${figure.unit}`)
  writeSection(embeddedVsPostgresSection(figures))
}
