import { sql } from 'drizzle-orm'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { Database } from '../app/db/client.server'
import { addDays, daysBetween, MAX_RANGE_DAYS } from '../app/modules/council/weekly'
import { instantToStockholm } from '../app/modules/meetings/stockholm-time'
import { CHROMIUM, CHROMIUM_ARGS, GREY_PNG, median, startServer } from './browser'
import { round, type Figure } from './measure'

const TARGET_POINTS = 50_000
const RUNS = 3
const STEPS = 20

/**
 * The shortest range of whole days up to today that holds at least 50,000
 * reports the map draws (counted states, with a position): its `fran` and `till`.
 */
async function rangeWithPoints(db: Database, councilId: string, today: string) {
  const rows = (await db.execute(sql`
    select (observed_at at time zone 'Europe/Stockholm')::date::text as day, count(*)::int as count
    from council_reports
    where council_id = ${councilId} and state in ('new', 'accepted') and lat is not null
      and observed_at >= now() - interval '${sql.raw(String(MAX_RANGE_DAYS + 1))} days'
    group by 1`)) as unknown as { day: string; count: number }[]
  const perDay = new Map(rows.map((row) => [row.day, row.count]))
  let total = 0
  for (let back = 0; back < MAX_RANGE_DAYS; back++) {
    total += perDay.get(addDays(today, -back)) ?? 0
    if (total >= TARGET_POINTS) return { from: addDays(today, -back), to: today }
  }
  throw new Error(`Not ${TARGET_POINTS} points in ${MAX_RANGE_DAYS} days`)
}

// The map draws its dots synchronously when its data arrives and again on
// fitBounds; it sets no mark, so the first frame whose canvas has a painted
// pixel is the signal.
const drawnAt = () => {
  const canvas = document.querySelector<HTMLCanvasElement>('canvas.weekly-map__dots')
  if (!canvas || canvas.width === 0 || canvas.height === 0) return false
  const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return performance.now()
  return false
}

/** A fresh context each time: ms from navigation until the dots are on the canvas, the points sent, and the page. */
async function openMap(browser: Browser, baseUrl: string, path: string, token: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  await context.addCookies([{ name: 'session', value: token, url: baseUrl }])
  await context.route('https://tile.openstreetmap.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: GREY_PNG }),
  )
  const page = await context.newPage()
  const data = page.waitForResponse((response) => response.url().includes('/veckobild/punkter'), { timeout: 120_000 })
  // Polling from the first byte: the dots may be drawn before the load event.
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit', timeout: 120_000 })
  const handle = await page.waitForFunction(drawnAt, undefined, { polling: 'raf', timeout: 120_000 })
  const ms = (await handle.jsonValue()) as number
  const body = (await (await data).json()) as { points: unknown[]; truncated: boolean }
  return { ms, points: body.points.length, truncated: body.truncated, page, close: () => context.close() }
}

/**
 * Twenty steps of panning and zooming with the mouse: a drag, then a wheel
 * turn (in and out by turns), each followed by a pause for Leaflet's
 * animation and the redraw. Every frame's time comes from requestAnimationFrame;
 * long tasks (over 50 ms) from a PerformanceObserver started just before.
 */
async function panAndZoom(page: Page) {
  const map = page.locator('.weekly-map__canvas')
  await map.scrollIntoViewIfNeeded()
  const box = (await map.boundingBox())!
  const x = box.x + box.width / 2
  const y = box.y + box.height / 2
  // A string, not a function: the bundler would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    window.frames_ = []
    window.longest_ = 0
    window.recording_ = true
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longest_ = Math.max(window.longest_, entry.duration)
    }).observe({ type: 'longtask' })
    let last = 0
    window.frame_ = (time) => {
      if (!window.recording_) return
      if (last) window.frames_.push(time - last)
      last = time
      requestAnimationFrame(window.frame_)
    }
    requestAnimationFrame(window.frame_)
  })()`)
  for (let step = 0; step < STEPS; step++) {
    if (step % 2 === 0) {
      const dx = step % 4 === 0 ? 160 : -160
      const dy = step % 8 < 4 ? 90 : -90
      await page.mouse.move(x, y)
      await page.mouse.down()
      await page.mouse.move(x + dx, y + dy, { steps: 12 })
      await page.mouse.up()
    } else {
      await page.mouse.move(x, y)
      await page.mouse.wheel(0, step % 4 === 1 ? -300 : 300)
    }
    await page.waitForTimeout(400)
  }
  return page.evaluate(() => {
    const record = window as unknown as { frames_: number[]; longest_: number; recording_: boolean }
    record.recording_ = false
    return { frames: record.frames_, longest: record.longest_ }
  })
}

/**
 * The weekly picture's map in headless Chromium against the production
 * build, signed in as a council member (precise positions): a range of days
 * up to today holding about 50,000 points. Ready time is the median of three
 * cold visits after one warm-up; then 20 steps of panning and zooming on the
 * last visit: the 95th percentile of frame times and the longest task.
 */
export async function councilMapFigures(
  db: Database,
  databaseUrl: string,
  councilId: string,
  token: string,
): Promise<Figure[]> {
  const range = await rangeWithPoints(db, councilId, instantToStockholm(new Date()).date)
  const path = `/trygghet/${councilId}/veckobild?fran=${range.from}&till=${range.to}`
  const { baseUrl, child } = await startServer(databaseUrl)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
  try {
    await (await openMap(browser, baseUrl, path, token)).close()
    const times: number[] = []
    let points = 0
    let frames: number[] = []
    let longest = 0
    for (let run = 0; run < RUNS; run++) {
      const visit = await openMap(browser, baseUrl, path, token)
      if (visit.truncated) throw new Error('The map cut its points')
      times.push(visit.ms)
      points = visit.points
      if (run === RUNS - 1) {
        await visit.page.waitForTimeout(1000)
        ;({ frames, longest } = await panAndZoom(visit.page))
      }
      await visit.close()
    }
    const sorted = [...frames].sort((a, b) => a - b)
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!
    return [
      { name: 'council_map_points', value: points, unit: 'points' },
      { name: 'council_map_range_days', value: daysBetween(range.from, addDays(range.to, 1)), unit: 'days' },
      { name: 'council_map_50k_ready_ms', value: round(median(times)), unit: 'ms' },
      { name: 'council_map_pan_frame_p95_ms', value: round(p95), unit: 'ms' },
      { name: 'council_map_longest_task_ms', value: round(longest), unit: 'ms' },
    ]
  } finally {
    await browser.close()
    child.kill('SIGTERM')
  }
}
