import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { median } from './browser'

export interface LoadTarget {
  /** The figure's suffix: throughput_ratio_<name>. */
  name: string
  /** Paths asked in turn by every connection (a search rotates its queries, a page its ids). */
  paths: string[]
  /** The session cookie's value of a user who may read the page. */
  token: string
}

const CONNECTIONS = 10
const ROUNDS = 5
const BARE_SECONDS = 2
const PAGE_SECONDS = 3
// What Chromium asks for: the server compresses pages for browsers, so it does here too.
const ACCEPT_ENCODING = 'gzip, deflate, br'
// A resource route that answers from the process alone (app/routes/livez.ts): Express, the
// security headers and Remix's request handler, but no root loader, no database and no rendering.
export const BARE_PATH = '/livez'

/** Requests per second over `seconds`; a run with a failed or non-2xx answer throws. */
async function requestsPerSecond(baseUrl: string, paths: string[], token: string | null, seconds: number) {
  const headers: Record<string, string> = { 'accept-encoding': ACCEPT_ENCODING }
  if (token) headers.cookie = `session=${token}`
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 60,
    headers,
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  })
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${paths[0]}: ${result.errors} errors, ${result.non2xx} answers other than 2xx`)
  }
  return result['2xx'] / result.duration
}

/**
 * Alternating runs on one server: bare, page, bare, page … bare, so that each
 * page round has a bare round on either side; a round's ratio is the page's
 * rate over the mean of its two neighbours, which cancels what the other
 * processes on the machine do to both. One short run of each first, unmeasured
 * (a scenario's first request computes it, and V8 compiles the hot paths).
 */
export async function throughputRatio(baseUrl: string, target: LoadTarget) {
  const { paths, token } = target
  await requestsPerSecond(baseUrl, [BARE_PATH], null, 1)
  await requestsPerSecond(baseUrl, paths, token, 1)
  const bare = [await requestsPerSecond(baseUrl, [BARE_PATH], null, BARE_SECONDS)]
  const ratios: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const page = await requestsPerSecond(baseUrl, paths, token, PAGE_SECONDS)
    bare.push(await requestsPerSecond(baseUrl, [BARE_PATH], null, BARE_SECONDS))
    ratios.push(page / ((bare[round]! + bare[round + 1]!) / 2))
  }
  return { ratio: median(ratios), bare }
}

/** The highest resident set size of a process so far (VmHWM), in MiB. */
export function peakRssMib(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status)
  if (!match) throw new Error(`No VmHWM for process ${pid}`)
  return Number(match[1]) / 1024
}
