import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoUsers } from '../support/e2e-constants'
import {
  expectConsoleError,
  expectNoAxeViolations,
  setupBrowser,
  signIn,
  signOut,
  url,
  visit,
} from '../support/e2e-browser'

const browser = setupBrowser()

// The tests answer for the tile server with a grey tile.
const GREY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
)
const FAILED_COLOUR = '#a51d2d'

async function tilesOnline(page: Page) {
  await page.route('https://tile.openstreetmap.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: GREY_PNG }),
  )
}

/** The list's row of a service: its state at the chosen hour and the hour it stops. */
function row(page: Page, service: string) {
  const found = page
    .locator('.scenario-table tbody tr')
    .filter({ has: page.locator('.scenario-table__name', { hasText: service }) })
  return {
    state: async () => (await found.locator('td').nth(1).innerText()).trim(),
    stops: async () => (await found.locator('td').nth(2).innerText()).trim(),
    why: found.locator('details'),
  }
}

// The dots arrive after the page, from their own request; the attribution's flag is an SVG path too.
const dots = '.scenario-map .leaflet-overlay-pane path'
const redDots = (page: Page) => page.locator(`${dots}[fill="${FAILED_COLOUR}"]`).count()

describe('outage scenarios', () => {
  let scenarioPath = ''

  it('a coordinator builds "power cut 72 h", steps through the hours on the map and in the list, reads why, and prints it', async () => {
    const page = await browser.open()
    await tilesOnline(page)
    await signIn(page, demoUsers.coordinator)
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Scenarier', exact: true })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Scenarier' }).waitFor()
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Nytt scenario' }).click()
    await page.getByRole('heading', { level: 1, name: 'Nytt scenario' }).waitFor()
    await expectNoAxeViolations(page)

    // A second failure row comes and goes without losing what was typed.
    await page.getByLabel('Namn', { exact: true }).fill('Elavbrott 72 h')
    await page.getByRole('button', { name: 'Lägg till ett bortfall' }).click()
    await page.getByRole('group', { name: 'Bortfall 2' }).waitFor()
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe('Elavbrott 72 h')
    await page.getByRole('button', { name: 'Ta bort bortfall 2' }).click()
    await expect.poll(() => page.getByRole('group', { name: 'Bortfall 2' }).count()).toBe(0)

    // A mistake is shown at its field, the rest kept.
    expectConsoleError(page, /status of 400/)
    await page.getByLabel('Scenariots längd (timmar)').fill('0')
    await page.getByRole('button', { name: 'Spara och räkna' }).click()
    await page.getByText('Skriv ett helt antal timmar mellan 1 och 720.').waitFor()
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe('Elavbrott 72 h')
    expect(await page.getByLabel('Vad faller bort').inputValue()).toBe('resource:electricity')
    await page.getByLabel('Scenariots längd (timmar)').fill('72')
    await Promise.all([
      page.waitForURL(/\/scenarier\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: 'Spara och räkna' }).click(),
    ])
    scenarioPath = new URL(page.url()).pathname
    await page.getByText('El faller bort överallt från timme 0, scenariot ut.').waitFor()
    // The notice comes once, announced: not in the address, and gone after a reload.
    await page.getByRole('status').filter({ hasText: 'Sparat. Resultatet nedan' }).waitFor()
    await page.reload()
    await page.getByText('El faller bort överallt från timme 0, scenariot ut.').waitFor()
    expect(await page.getByText('Sparat. Resultatet nedan').count()).toBe(0)

    // Hour 0: the sewage works runs on backup power; it stops at hour 16.
    const sewage = row(page, 'Avloppsrening')
    expect(await sewage.state()).toBe('På reserv')
    expect(await sewage.stops()).toBe('timme 16')
    expect(await row(page, 'Centrumskolan').state()).toBe('Fungerar inte')
    await page.locator(dots).first().waitFor()
    const redAtStart = await redDots(page)
    expect(redAtStart).toBeGreaterThan(0)
    await expectNoAxeViolations(page)

    // Step with the keyboard to hour 16.
    const next = page.getByRole('button', { name: 'Nästa timme' })
    await next.focus()
    for (let hour = 1; hour <= 16; hour++) await page.keyboard.press('Enter')
    await page.getByText('Timme 16 av 72', { exact: true }).waitFor()
    expect(await sewage.state()).toBe('Fungerar inte')
    expect(await page.getByRole('heading', { name: 'Läget vid timme 16' }).count()).toBe(1)
    await expect.poll(() => redDots(page)).toBeGreaterThan(redAtStart)

    // And with the slider to the end and back.
    await page.getByLabel('Timme', { exact: true }).fill('72')
    await page.getByText('Timme 72 av 72', { exact: true }).waitFor()
    expect(await row(page, 'Dricksvattenförsörjning').state()).toBe('Fungerar inte')

    // Why did it stop?
    await sewage.why.locator('summary').click()
    expect(await sewage.why.locator('li').first().innerText()).toBe(
      'Avloppsrening slutar fungera vid timme 16: el förlorad vid timme 0, reserven räcker 12 h, klarar sig 4 h utan',
    )
    await page.getByText('Avloppsrening (Vårgårda kommun): får vara borta högst 24 h, passeras vid timme 40').waitFor()

    // The CSV opens in Swedish Excel: BOM, semicolons, one row per affected service.
    const csv = await page.request.get(url(`${scenarioPath}/export.csv`))
    expect(csv.headers()['content-type']).toContain('text/csv')
    const text = await csv.text()
    expect(text.startsWith('\uFEFF"Verksamhet";"Organisation";"Sektor"')).toBe(true)
    const sewageLine = text.split('\r\n').find((line) => line.startsWith('"Avloppsrening"'))
    expect(sewageLine?.split(';').slice(5, 8)).toEqual(['"24"', '"16"', '"40"'])

    // The printable report.
    await page.getByRole('link', { name: 'Utskriftsvänlig rapport' }).click()
    await page.getByRole('heading', { level: 1, name: 'Scenariorapport: Elavbrott 72 h' }).waitFor()
    await page
      .getByText(
        'Avloppsrening slutar fungera vid timme 16: el förlorad vid timme 0, reserven räcker 12 h, klarar sig 4 h utan',
      )
      .waitFor()
    await expectNoAxeViolations(page)
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible()).toBe(false)
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true)
  })

  it('keeps a draft within its organisation until the coordinator shares it, and then only the coordinator changes it', async () => {
    expect(scenarioPath).not.toBe('')
    const page = await browser.open()
    await tilesOnline(page)
    expectConsoleError(page, /status of 40[34]/)
    await signIn(page, demoUsers.partnerEditor)
    await visit(page, '/scenarier')
    expect(await page.getByRole('link', { name: 'Elavbrott 72 h' }).count()).toBe(0)
    expect((await page.goto(url(scenarioPath)))?.status()).toBe(404)
    await signOut(page)

    await signIn(page, demoUsers.coordinator)
    await visit(page, `${scenarioPath}/redigera`)
    await page.getByLabel('Status').selectOption({ label: 'Delat med nätverket' })
    await Promise.all([page.waitForURL(/\/scenarier\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Spara och räkna' }).click()])
    await page.getByRole('status').filter({ hasText: 'Sparat. Resultatet nedan' }).waitFor()
    await signOut(page)

    await signIn(page, demoUsers.partnerEditor)
    await visit(page, '/scenarier')
    await page.getByRole('link', { name: 'Elavbrott 72 h' }).click()
    await page.getByText('Delat med nätverket', { exact: false }).first().waitFor()
    expect(await page.getByRole('link', { name: 'Ändra scenariot' }).count()).toBe(0)
    expect((await page.goto(url(`${scenarioPath}/redigera`)))?.status()).toBe(403)
  })
})
