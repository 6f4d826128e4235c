import fs from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import { answerTiles, baseUrl, expectConsoleError, setupBrowser, signIn, unique } from '../support/e2e-browser'
import { pickInCombobox } from '../support/e2e-picker'
import { listRouteFiles } from '../support/route-files'

/**
 * Every page, as every role, through axe (WCAG 2.1 A and AA), and measured at
 * 1280 and 360 px: no page is wider than the window. Each role starts
 * at the start page and follows every link it is shown, one page per path
 * shape (ids folded), so the sweep sees what that role can reach. A page
 * route that no role reached fails the test, unless it is listed below with
 * the reason: a new page cannot ship unchecked.
 */
const browser = setupBrowser()

const pageRoutes = listRouteFiles()
  .filter((route) => route.file.endsWith('.tsx') && /export default/.test(fs.readFileSync(route.file, 'utf8')))
  .map((route) => route.id)

// Pages only a link in an e-mail or a form's answer leads to; their own tests run axe on them.
const reachedElsewhere: Record<string, string> = {
  'routes/inbjudan.$token': 'the invitation link (invitation-flow.test.ts)',
  'routes/aterstall.$token': 'the password-reset link (layout and access tests reach it by e-mail only)',
  'routes/moten+/svar.$token': "an invitation's answer link (meetings.test.ts)",
  'routes/logga-in_.kod': 'the code step of signing in (second-factor.test.ts)',
  'routes/organisationer+/$id_.bekrafta': "a form's target; a GET only redirects to the organisation page",
  'routes/rsa+/$id.atgarder_.$measureId': "an action plan's measure (rsa.test.ts, 'the coordinator keeps the action plan')",
  'routes/rsa+/$id_.uppfoljning.$year': "the action plan's yearly follow-up (rsa.test.ts, same test)",
  'routes/trygghet+/$id.lagesbilder_.$pictureId': 'a situation picture (council-situation.test.ts)',
  'routes/trygghet+/$id.lagesbilder_.$pictureId_.version.$number': "a situation picture's frozen version (council-situation.test.ts)",
  // The browser tests' server sends its mail by SMTP, so its outbox holds no message to open.
  'routes/admin+/utkorg_.$id': 'one message of the outbox (tests/integration/outbox.test.ts renders it)',
  // The demo's only event has ended, and reporting closes with the end.
  'routes/handelser+/$id.rapportera': "reporting in an ongoing event (event-room.test.ts)",
  'routes/lagesrapport.$token': "an event's status link (event-room.test.ts)",
  // The sweep opens the first event its list shows, which may be one another browser test left running.
  'routes/handelser+/$id.lagesrapporter_.$number': 'a frozen situation report (event-follow-up.test.ts)',
  'routes/handelser+/$id.utvardering': "an ended exercise's evaluation (event-follow-up.test.ts)",
  // The demo's finished exercise held no ISF conference.
  'routes/handelser+/$id.isf_.$meetingId': "an ISF conference's minutes (event-room.test.ts convenes one)",
}

// Links the sweep does not follow: e-mailed secrets in the outbox, files, signing out.
const skipped = [/^\/lagesrapport\//, /\/strom$/, /^\/inbjudan\//, /^\/aterstall\//, /^\/moten\/svar\//, /^\/kalender\//, /^\/logga-ut/, /\.(csv|vcf|pdf|ics|txt)$/, /\/mall$/, /\/dokument\/[^/]+$/]

const visitedRoutes = new Set<string>()
const violations: string[] = []
const tooWide: string[] = []

const wide = { width: 1280, height: 900 }
const narrow = { width: 360, height: 740 }

/** Pixels the page reaches beyond the window sideways; a page never scrolls sideways as a whole. */
function overflowOf(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)
}

/**
 * The overflow once the page has laid itself out at the window's new size: two frames after the
 * resize, or, while it is still too wide, up to a second for the parts that follow a resize
 * after a pause (the dependency graph's canvas redraws 100 ms after the last resize event).
 */
async function overflowAfterLayout(page: Page): Promise<number> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  )
  let overflow = await overflowOf(page)
  for (let waited = 0; overflow > 0 && waited < 1_000; waited += 100) {
    await page.waitForTimeout(100)
    overflow = await overflowOf(page)
  }
  return overflow
}

/** "/organisationer/0b5e…/platser/12" → "/organisationer/:/platser/:" */
function shapeOf(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (/^[0-9a-f-]{36}$|^\d+$/.test(segment) ? ':' : segment))
    .join('/')
}

type RemixWindow = { __remixRouter?: { state: { initialized: boolean; matches: { route: { id: string } }[] } } }

/** The route that rendered the page, once the app has hydrated. */
/** The matched routes, innermost last: a section's layout (handelser.$id) is reached with its parts. */
async function routeIdsOf(page: Page): Promise<string[]> {
  await page.waitForFunction(() => (window as unknown as RemixWindow).__remixRouter?.state.initialized === true, null, {
    timeout: 15_000,
  })
  return page.evaluate(() => {
    const router = (window as unknown as RemixWindow).__remixRouter
    return (router?.state.matches ?? []).map((match) => match.route.id)
  })
}

async function sweep(page: Page, who: string, start: string[]): Promise<number> {
  // A role may be shown a link to a page it may not open (a 403 page is a page too): axe checks it as well.
  expectConsoleError(page, /status of 40[34]\b/)
  const origin = new URL(baseUrl()).origin
  const seen = new Set<string>()
  const queue = [...start]
  let pages = 0
  while (queue.length > 0 && pages < 150) {
    const target = queue.shift()!
    const response = await page.goto(target, { waitUntil: 'load' })
    pages++
    expect(response?.status() ?? 0, `${who}: ${target}`).toBeLessThan(500)
    const routeIds = await routeIdsOf(page)
    expect(routeIds.at(-1), `${who}: ${target} did not hydrate`).toBeTruthy()
    for (const routeId of routeIds) visitedRoutes.add(routeId)
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    for (const violation of results.violations) {
      violations.push(`${who} ${target}: ${violation.id} – ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)
    }
    const overflow = await overflowOf(page)
    if (overflow > 0) tooWide.push(`${who} ${target} at ${wide.width} px: ${overflow} px too wide`)
    // The same page on a small phone, as a phone turned on its side: the window narrows, the page
    // lays itself out again (media queries, the map's own resize handling). axe's rules do not depend
    // on the width, so only the width is measured.
    await page.setViewportSize(narrow)
    const narrowOverflow = await overflowAfterLayout(page)
    if (narrowOverflow > 0) tooWide.push(`${who} ${target} at ${narrow.width} px: ${narrowOverflow} px too wide`)
    await page.setViewportSize(wide)
    const links = await page.$$eval('a[href]:not([download])', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))
    for (const link of links) {
      const address = new URL(link)
      if (address.origin !== origin) continue
      if (skipped.some((pattern) => pattern.test(address.pathname))) continue
      const shape = shapeOf(address.pathname)
      if (seen.has(shape)) continue
      seen.add(shape)
      queue.push(`${address.pathname}${address.search}`)
    }
  }
  return pages
}

/** The demo holds no risk analysis and no scenario; the coordinator starts one of each, so their pages are there to reach. */
async function startAnalysisAndScenario(page: Page): Promise<void> {
  await page.goto('/scenarier/ny')
  await page.getByLabel('Namn', { exact: true }).fill(unique('Elavbrott för tillgänglighetsgenomgången'))
  await Promise.all([
    page.waitForURL(/\/scenarier\/[0-9a-f-]{36}$/),
    page.getByRole('button', { name: 'Spara och räkna' }).click(),
  ])
  await startAnalysis(page)
}

async function startAnalysis(page: Page): Promise<void> {
  await page.goto('/rsa/ny')
  await page.getByLabel('Namn på analysen').fill(unique('RSA för tillgänglighetsgenomgången'))
  await page.getByLabel('Mandatperiodens första år').fill('2027')
  await page.getByLabel('Mandatperiodens sista år').fill('2030')
  await pickInCombobox(page, 'Sök organisation att lägga till', demoOrganisations.bostader)
  await Promise.all([
    page.waitForURL(/\/rsa\/[0-9a-f-]{36}\/installningar$/),
    page.getByRole('button', { name: 'Skapa analysen' }).click(),
  ])
}

const roles = [
  ['coordinator', demoUsers.coordinator],
  ['partner editor', demoUsers.partnerEditor],
  ['council member', demoUsers.councilMember],
  ['informant', demoUsers.informant],
  ['viewer', demoUsers.viewer],
] as const

describe('accessibility sweep', () => {
  afterAll(() => {
    // Reported once, for the whole sweep, in the test below; kept here for a partial run's log.
    if (violations.length > 0) console.warn(violations.join('\n'))
    if (tooWide.length > 0) console.warn(tooWide.join('\n'))
  })

  it('finds nothing on the pages a signed-out visitor can open', async () => {
    const page = await browser.open({ viewport: wide })
    await answerTiles(page)
    const pages = await sweep(page, 'signed out', ['/logga-in', '/glomt-losenord', '/tillganglighet', '/finns-inte-alls'])
    expect(pages).toBeGreaterThanOrEqual(4)
  }, 120_000)

  for (const [who, email] of roles) {
    it(`finds nothing on any page the ${who} can reach`, async () => {
      const page = await browser.open({ viewport: wide })
      // Before anything opens a map: the coordinator's new scenario shows one before the sweep starts.
      await answerTiles(page)
      await signIn(page, email)
      if (who === 'coordinator') await startAnalysisAndScenario(page)
      // The menu shows the outbox only without a mail server; the browser tests' server has one.
      const extra = who === 'coordinator' ? ['/admin/utkorg'] : []
      const pages = await sweep(page, who, ['/', '/konto', '/konto/tvastegsverifiering', ...extra])
      expect(pages).toBeGreaterThan(3)
    }, 600_000)
  }

  it('found no violations, no page wider than the window, and reached every page route', () => {
    expect(violations).toEqual([])
    expect(tooWide).toEqual([])
    const unreached = pageRoutes.filter((route) => !visitedRoutes.has(route) && !(route in reachedElsewhere))
    expect(unreached).toEqual([])
  })
})
