import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core'
import { afterAll, afterEach, beforeAll, inject } from 'vitest'
import { DEMO_PASSWORD } from './e2e-constants'
import { nextCode, rememberKey } from './e2e-second-factor'
import { pickInCombobox } from './e2e-picker'

const CHROMIUM = '/usr/bin/chromium'
// Debian's Chromium in a container: no sandbox, no GPU, and nothing that phones home.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export const desktop = { width: 1280, height: 900 }
export const phone = { width: 360, height: 740 }

export function baseUrl(): string {
  return inject('baseUrl')
}

export function url(path: string): string {
  return new URL(path, baseUrl()).toString()
}

/** Playwright adds its own fresh user-data dir; the browser is never downloaded. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
}

interface Collector {
  errors: string[]
  allowed: RegExp[]
}

const collectors = new WeakMap<Page, Collector>()

/**
 * A page in a new context (axe needs one; a context is also a separate
 * browser profile with its own cookies), watched for console and page errors.
 */
export async function newPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string; javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? desktop,
    locale: options.locale ?? 'sv-SE',
    baseURL: baseUrl(),
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  })
  const page = await context.newPage()
  watchErrors(page)
  return page
}

export function watchErrors(page: Page): void {
  const collector: Collector = { errors: [], allowed: [] }
  collectors.set(page, collector)
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const where = message.location().url ? ` (${message.location().url})` : ''
    collector.errors.push(`console.error: ${message.text()}${where}`)
  })
  page.on('pageerror', (error) => {
    collector.errors.push(`page error: ${error.stack ?? error.message}`)
  })
}

/**
 * The test expects this console error, e.g. Chromium's "Failed to load
 * resource: … status of 403" when it opens a page it may not see.
 */
export function expectConsoleError(page: Page, pattern: RegExp): void {
  collectors.get(page)?.allowed.push(pattern)
}

/** Chromium logs every 4xx document or fetch as a console error; tests of 4xx pages expect it. */
export function expectHttpErrorInConsole(page: Page, status: number): void {
  expectConsoleError(page, new RegExp(`Failed to load resource: the server responded with a status of ${status}\\b`))
}

export function unexpectedErrors(page: Page): string[] {
  const collector = collectors.get(page)
  if (!collector) return []
  return collector.errors.filter((error) => !collector.allowed.some((pattern) => pattern.test(error)))
}

export function assertNoBrowserErrors(page: Page): void {
  const errors = unexpectedErrors(page)
  if (errors.length > 0) {
    throw new Error(`The browser reported ${errors.length} unexpected error(s) on ${page.url()}:\n${errors.join('\n')}`)
  }
}

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Fails with one readable line per violation and affected element. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze()
  if (results.violations.length === 0) return
  const lines = results.violations.flatMap((violation) => [
    `- ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}`,
    `  ${violation.helpUrl}`,
    ...violation.nodes.map(
      (node) =>
        `    at ${node.target.join(' ')}: ${node.html.slice(0, 200)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
    ),
  ])
  throw new Error(
    `axe found ${results.violations.length} accessibility violation(s) on ${page.url()}:\n${lines.join('\n')}`,
  )
}

/** Opens a path and checks the page with axe; returns the response for status checks. */
export async function visit(page: Page, path: string, options: { axe?: boolean } = {}): Promise<Response> {
  const response = await page.goto(path, { waitUntil: 'load' })
  if (!response) throw new Error(`No response for ${path}`)
  if (options.axe !== false) await expectNoAxeViolations(page)
  return response
}

/**
 * Signs in through the real form, as a person would, and waits to leave the
 * sign-in pages. An account that needs a second factor gives a code from the
 * test authenticator, or sets the app up first (and goes on past the recovery codes).
 */
export async function signIn(
  page: Page,
  email: string,
  password: string = DEMO_PASSWORD,
  options: { fresh?: boolean } = {},
): Promise<void> {
  const key = `${baseUrl()}|${email.toLowerCase()}|${password}`
  const saved = options.fresh ? undefined : signedInSessions.get(key)
  if (saved && (await resumeSession(page, saved))) return
  await typePassword(page, email, password)
  await passSecondFactor(page, email)
  const cookies = await page.context().cookies()
  signedInSessions.set(
    key,
    cookies.filter((cookie) => SESSION_COOKIE.test(cookie.name)),
  )
}

/**
 * Sessions this run has signed in through the form, per account: a later
 * signIn of the same account in a new browser context takes the session
 * cookie over instead of typing the password and a code again. The sign-in
 * form and the code step are still tested wherever a test asks for
 * `fresh: true`, and in the tests of signing in itself; a one-time code can
 * be given only once per 30 seconds, which made every repeated sign-in of a
 * coordinator or council member wait up to half a minute. Test files run in
 * separate module graphs against one server, so the sessions live in a file
 * named after that server, as the test authenticator's keys do.
 */
type SavedCookies = Awaited<ReturnType<BrowserContext['cookies']>>
const SESSION_COOKIE = /^(__Host-)?session$/

function sessionStorePath(): string {
  return path.join(os.tmpdir(), `e2e-sessions-${new URL(baseUrl()).port}.json`)
}

const signedInSessions = {
  get(key: string): SavedCookies | undefined {
    try {
      return (JSON.parse(readFileSync(sessionStorePath(), 'utf8')) as Record<string, SavedCookies>)[key]
    } catch {
      return undefined
    }
  },
  set(key: string, cookies: SavedCookies): void {
    let store: Record<string, SavedCookies> = {}
    try {
      store = JSON.parse(readFileSync(sessionStorePath(), 'utf8')) as Record<string, SavedCookies>
    } catch {
      // The first session of this run.
    }
    store[key] = cookies
    writeFileSync(sessionStorePath(), JSON.stringify(store))
  },
}

/** True when the saved session still opens the start page (it ends at sign-out, a password change or a timeout). */
async function resumeSession(page: Page, cookies: SavedCookies): Promise<boolean> {
  if (cookies.length === 0) return false
  await page.context().addCookies(cookies)
  await page.goto('/', { waitUntil: 'load' })
  const pathname = new URL(page.url()).pathname
  if (pathname === '/') return true
  await page.context().clearCookies()
  return false
}

/** The first step alone: e-mail and password, then wherever the portal sends the browser. */
export async function typePassword(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await visit(page, '/logga-in')
  await page.getByLabel('E-postadress', { exact: true }).fill(email)
  await page.getByLabel('Lösenord', { exact: true }).fill(password)
  await Promise.all([
    page.waitForURL((address) => address.pathname !== '/logga-in'),
    page.getByRole('button', { name: 'Logga in', exact: true }).click(),
  ])
}

/** On the second factor's pages: enrols or gives the code, and waits to be past them. */
export async function passSecondFactor(page: Page, email: string): Promise<void> {
  const pathname = new URL(page.url()).pathname
  // Signing in lands here only when the account must set up its app; the URL
  // changes before the page has rendered, so wait for the key to be shown.
  if (pathname === '/konto/tvastegsverifiering') {
    await page.locator('[data-secret]').waitFor()
    rememberKey(baseUrl(), email, (await page.locator('[data-secret]').textContent()) ?? '')
    await page.getByLabel('Kod från appen', { exact: true }).fill(await nextCode(baseUrl(), email))
    await page.getByRole('button', { name: 'Aktivera tvåstegsverifiering', exact: true }).click()
    const onward = page.getByRole('link', { name: 'Jag har sparat koderna, fortsätt', exact: true })
    await onward.waitFor()
    await Promise.all([page.waitForURL((address) => address.pathname !== '/konto/tvastegsverifiering'), onward.click()])
  } else if (pathname === '/logga-in/kod') {
    await page.getByLabel('Kod från appen', { exact: true }).fill(await nextCode(baseUrl(), email))
    await Promise.all([
      page.waitForURL((address) => address.pathname !== '/logga-in/kod'),
      page.getByRole('button', { name: 'Fortsätt', exact: true }).click(),
    ])
  }
}

export async function signOut(page: Page): Promise<void> {
  await Promise.all([
    page.waitForURL((address) => address.pathname === '/logga-in'),
    page.getByRole('button', { name: 'Logga ut', exact: true }).click(),
  ])
}

/**
 * Per test file: one browser; every page from `open` is closed after its test,
 * and a test fails when one of its pages logged an error it did not expect.
 */
export function setupBrowser() {
  let browser: Browser | undefined
  let pages: Page[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterEach(async () => {
    const opened = pages
    pages = []
    const problems = opened.flatMap((page) => unexpectedErrors(page).map((error) => `${page.url()}: ${error}`))
    await Promise.all(opened.map((page) => page.context().close()))
    if (problems.length > 0) {
      throw new Error(`The browser reported unexpected error(s):\n${problems.join('\n')}`)
    }
  })

  afterAll(async () => {
    await browser?.close()
  })

  return {
    async open(options: Parameters<typeof newPage>[1] = {}): Promise<Page> {
      if (!browser)
        throw new Error('The browser is not running (setupBrowser() must be called at the top of a test file)')
      const page = await newPage(browser, options)
      pages.push(page)
      return page
    },
  }
}

export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
}

const GREY_TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
)

/** The tests answer for the default tile server (OpenStreetMap) with a grey tile; they never reach it. */
export async function answerTiles(page: Page): Promise<void> {
  await page.route('https://tile.openstreetmap.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: GREY_TILE }),
  )
}

/**
 * Opens the demo council's overview from /trygghet. Other browser tests set
 * up councils of their own, so the demo member may see a list of councils
 * instead of going straight to the only one.
 */
export async function openDemoCouncil(page: Page): Promise<string> {
  await page.goto('/trygghet')
  const overview = page.getByRole('heading', { level: 1, name: 'Översikt' })
  const list = page.getByRole('heading', { level: 1, name: 'Brottsförebyggande råd' })
  await overview.or(list).waitFor()
  if (await list.isVisible()) {
    await page.getByRole('link', { name: 'Lokalt BRÅ Vårgårda', exact: true }).click()
    await overview.waitFor()
  }
  return new URL(page.url()).pathname
}

/**
 * As the coordinator: a new network holding Vårgårda kommun and a council on
 * it, so that a test's counts do not depend on the demo council or other
 * tests. Returns the council's path; the demo council member is granted it.
 */
export async function setUpOwnCouncil(page: Page): Promise<string> {
  const networkName = unique('BRÅ-nätverk')
  await visit(page, '/natverk', { axe: false })
  const create = page.getByRole('region', { name: 'Nytt nätverk' })
  await create.getByLabel('Namn', { exact: true }).fill(networkName)
  await Promise.all([
    page.waitForURL((address) => /^\/natverk\/[0-9a-f-]{36}$/.test(address.pathname)),
    create.getByRole('button', { name: 'Nytt nätverk', exact: true }).click(),
  ])
  const addMember = page.locator('form').filter({ has: page.getByRole('button', { name: 'Lägg till', exact: true }) })
  await pickInCombobox(addMember, 'Sök organisation att lägga till', 'Vårgårda kommun')
  await addMember.getByRole('button', { name: 'Lägg till', exact: true }).click()
  await page.getByText('Vårgårda kommun är tillagd i nätverket.').waitFor()

  await visit(page, '/trygghet', { axe: false })
  await page.getByLabel('Rådets namn', { exact: true }).fill(unique('Lokalt BRÅ'))
  await page.getByLabel('Nätverk', { exact: true }).selectOption({ label: networkName })
  await Promise.all([
    page.waitForURL((address) => /^\/trygghet\/[0-9a-f-]{36}$/.test(address.pathname)),
    page.getByRole('button', { name: 'Inrätta rådet', exact: true }).click(),
  ])
  const councilPath = new URL(page.url()).pathname
  // Taking part in a council is granted per person (decision 018).
  await visit(page, `${councilPath}/inrapportorer`, { axe: false })
  await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Maria Sund (Vårgårda kommun)' })
  await page.getByRole('button', { name: 'Lägg till i rådet', exact: true }).click()
  await page.getByText('Personen är tillagd i rådet.').waitFor()
  return councilPath
}
