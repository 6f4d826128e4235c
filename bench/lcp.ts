import type { Browser } from 'playwright-core'
import { median } from './browser'
import { round, type Figure } from './measure'

const RUNS = 5

// A string, not a function: the bundler would wrap a named inner function in a helper the page lacks.
// The buffered entries arrive in the observer's first call; the last one is the page's LCP so far.
const LARGEST_PAINT = `new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const entries = list.getEntries()
    resolve(entries[entries.length - 1].startTime)
  }).observe({ type: 'largest-contentful-paint', buffered: true })
})`

/** Largest Contentful Paint of one cold visit, read once the page has loaded and settled. */
async function largestContentfulPaint(browser: Browser, baseUrl: string, path: string, token: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  try {
    await context.addCookies([{ name: 'session', value: token, url: baseUrl }])
    const page = await context.newPage()
    const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load', timeout: 60_000 })
    if (!response?.ok()) throw new Error(`${path} answered ${response?.status()}`)
    // Candidates stop only at the first input; a later, larger paint (hydration) must be in.
    await page.waitForTimeout(500)
    return (await page.evaluate(LARGEST_PAINT)) as number
  } finally {
    await context.close()
  }
}

/** The directory's Largest Contentful Paint on loopback: the median of five cold visits after one warm-up. */
export async function directoryLcpFigures(browser: Browser, baseUrl: string, token: string): Promise<Figure[]> {
  await largestContentfulPaint(browser, baseUrl, '/katalog', token)
  const runs: number[] = []
  for (let run = 0; run < RUNS; run++) runs.push(await largestContentfulPaint(browser, baseUrl, '/katalog', token))
  return [{ name: 'directory_lcp_ms', value: round(median(runs)), unit: 'ms' }]
}
