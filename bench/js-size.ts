import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { GREY_PNG } from './browser'
import type { Figure } from './measure'

export interface ShippedRoute {
  /** The figure's middle: js_gzip_<name>_kib. */
  name: string
  path: string
  /** The session cookie's value, or null for a page one sees signed out. */
  token: string | null
  /** A User Timing mark the page sets once its lazily loaded parts are up (the maps). */
  mark?: string
}

const MAP_BUDGET_KIB = 200

/**
 * The JavaScript files a first visit loads, in a fresh context (nothing
 * cached): every script response of the portal's own origin until the
 * network has been idle for half a second, so that the chunks a page imports
 * lazily after hydration (Leaflet, the graph) count. Each file once, gzipped
 * at zlib's default level as the server's compression sends it. The inline
 * scripts of the HTML (Remix's context and loader data) are the document's
 * bytes, not counted here.
 */
async function shippedBytes(browser: Browser, baseUrl: string, route: ShippedRoute) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  try {
    if (route.token) await context.addCookies([{ name: 'session', value: route.token, url: baseUrl }])
    await context.route('https://tile.openstreetmap.org/**', (r) =>
      r.fulfill({ status: 200, contentType: 'image/png', body: GREY_PNG }),
    )
    const page = await context.newPage()
    const bodies = new Map<string, Promise<Buffer>>()
    page.on('response', (response) => {
      const url = response.url()
      const type = response.headers()['content-type'] ?? ''
      if (url.startsWith(baseUrl) && /javascript/.test(type) && !bodies.has(url)) bodies.set(url, response.body())
    })
    const response = await page.goto(`${baseUrl}${route.path}`, { timeout: 120_000 })
    if (!response?.ok() || new URL(page.url()).pathname !== new URL(`${baseUrl}${route.path}`).pathname) {
      throw new Error(`${route.path} answered ${response?.status()} at ${page.url()}`)
    }
    if (route.mark) {
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, route.mark, {
        timeout: 120_000,
      })
    }
    await page.waitForLoadState('networkidle', { timeout: 120_000 })
    let bytes = 0
    for (const body of bodies.values()) bytes += gzipSync(await body).length
    return { bytes, files: bodies.size }
  } finally {
    await context.close()
  }
}

/** Gzipped KiB of JavaScript per main route, and the map's share of its budget. */
export async function jsShippedFigures(browser: Browser, baseUrl: string, routes: ShippedRoute[]): Promise<Figure[]> {
  const figures: Figure[] = []
  for (const route of routes) {
    const { bytes, files } = await shippedBytes(browser, baseUrl, route)
    if (files === 0) throw new Error(`${route.path} loaded no JavaScript`)
    figures.push({ name: `js_gzip_${route.name}_kib`, value: Math.round((bytes / 1024) * 10) / 10, unit: 'KiB' })
  }
  const map = figures.find((figure) => figure.name === 'js_gzip_map_kib')
  if (map) {
    figures.push({
      name: 'js_gzip_map_budget_ratio',
      value: Math.round((map.value / MAP_BUDGET_KIB) * 100) / 100,
      unit: 'ratio',
    })
  }
  return figures
}
