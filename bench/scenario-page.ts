import type { Browser, Page } from 'playwright-core'
import type { Database } from '../app/db/client.server'
import { createScenario } from '../app/modules/scenarios/scenarios.server'
import { GREY_PNG, median, type StorageState } from './browser'
import { round, type Figure } from './measure'

// The User Timing mark the result map sets once its dots are drawn (app/components/scenarios/scenario-map.client.tsx).
const DRAWN_MARK = 'scenario-map-drawn'
const HORIZON = 72
const STEPS = 24
const WARM_RUNS = 3

/** The question, saved and shared: the whole county without electricity for 72 hours. */
export async function countyScenario(db: Database, owner: { userId: string; organisationId: string }) {
  const scenario = await createScenario(db, {
    actorId: owner.userId,
    organisationId: owner.organisationId,
    name: 'Storskaligt elavbrott, 72 h',
    description: '',
    state: 'shared',
    definition: {
      failures: [
        { target: { resource: 'electricity' }, scope: { kind: 'everywhere' }, startHour: 0, durationHours: null },
      ],
      horizonHours: HORIZON,
      restartHours: 0,
    },
  })
  return scenario.id
}

/** Milliseconds from navigation until the map's dots are drawn, and the page, still open. */
async function openResult(browser: Browser, baseUrl: string, state: StorageState, scenarioId: string) {
  const context = await browser.newContext({ storageState: state, viewport: { width: 1280, height: 900 } })
  await context.route('https://tile.openstreetmap.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: GREY_PNG }),
  )
  const page = await context.newPage()
  await page.goto(`${baseUrl}/scenarier/${scenarioId}`, { timeout: 120_000 })
  const handle = await page.waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime, DRAWN_MARK, {
    timeout: 120_000,
  })
  return { ms: (await handle.jsonValue()) as number, page, close: () => context.close() }
}

/**
 * Steps the hour with the keyboard, one hour at a time, and times each step
 * in the page: from the key press to the frame after React has rendered and
 * the map has been drawn again. Long tasks (over 50 ms) are collected too.
 */
async function stepTimes(page: Page) {
  await page.evaluate(() => {
    const record = window as unknown as { steps: number[]; longest: number }
    record.steps = []
    record.longest = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longest = Math.max(record.longest, entry.duration)
    }).observe({ type: 'longtask' })
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now()
        requestAnimationFrame(() => setTimeout(() => record.steps.push(performance.now() - start)))
      },
      { capture: true },
    )
  })
  await page.locator('#scenario-hour').focus()
  for (let hour = 1; hour <= STEPS; hour++) {
    await page.keyboard.press('ArrowRight')
    await page.getByText(`Timme ${hour} av ${HORIZON}`, { exact: true }).waitFor()
  }
  await page.waitForFunction((count) => (window as unknown as { steps: number[] }).steps.length >= count, STEPS)
  return page.evaluate(() => {
    const { steps, longest } = window as unknown as { steps: number[]; longest: number }
    return { steps, longest }
  })
}

/**
 * The result page of the county-wide 72-hour power cut (100,000 services):
 * time until the map's dots are drawn on the first visit (the server runs
 * the scenario) and on later visits (it keeps the result), and how long the
 * main thread is busy per step of the hour.
 */
export async function scenarioPageFigures(
  browser: Browser,
  baseUrl: string,
  state: StorageState,
  scenarioId: string,
): Promise<Figure[]> {
  const first = await openResult(browser, baseUrl, state, scenarioId)
  const dots = await first.page.locator('canvas.scenario-map__dots').count()
  await first.close()
  if (dots !== 1) throw new Error('The county scenario did not draw its dots on a canvas')
  const warm: number[] = []
  let steps: number[] = []
  let longest = 0
  for (let run = 0; run < WARM_RUNS; run++) {
    const visit = await openResult(browser, baseUrl, state, scenarioId)
    warm.push(visit.ms)
    if (run === WARM_RUNS - 1) {
      // Let the page settle (the dots' JSON is parsed, tiles are in) before timing the steps.
      await visit.page.waitForTimeout(1000)
      ;({ steps, longest } = await stepTimes(visit.page))
    }
    await visit.close()
  }
  const sorted = [...steps].sort((a, b) => a - b)
  return [
    { name: 'scenario_result_first_visit_ms', value: round(first.ms), unit: 'ms' },
    { name: 'scenario_result_visit_ms', value: round(median(warm)), unit: 'ms' },
    { name: 'scenario_slider_step_median_ms', value: round(median(steps)), unit: 'ms' },
    { name: 'scenario_slider_step_max_ms', value: round(sorted[sorted.length - 1]!), unit: 'ms' },
    { name: 'scenario_slider_longest_task_ms', value: round(longest), unit: 'ms' },
  ]
}
