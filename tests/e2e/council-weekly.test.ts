import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoUsers } from '../support/e2e-constants'
import {
  expectHttpErrorInConsole,
  expectNoAxeViolations,
  phone,
  setupBrowser,
  signIn,
  unique,
  visit,
  setUpOwnCouncil,
} from '../support/e2e-browser'

// Issue 6, the council's areas and weekly picture: the coordinator sets up a
// council of its own (a new network with Vårgårda kommun, so the file
// depends on nothing other browser tests leave behind); Maria Sund, a council
// member of Vårgårda kommun, draws an area by typing its corners, files three
// reports (two in the area, one outside) and reads this week's picture.

const browser = setupBrowser()
const GREY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
)

/** The map never reaches the tile server: it gets a grey tile. */
async function greyTiles(page: Page) {
  await page.route('https://tile.openstreetmap.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: GREY_PNG }),
  )
}

const state: { councilPath?: string; areaName?: string } = {}

function councilPath(): string {
  if (!state.councilPath) throw new Error('The council is unknown: an earlier test in this file failed')
  return state.councilPath
}

async function fileReport(page: Page, category: string, lat: string, lng: string) {
  await visit(page, `${councilPath()}/rapportera`, { axe: false })
  await page.getByLabel(category, { exact: true }).check()
  await page.getByLabel('Latitud', { exact: true }).fill(lat)
  await page.getByLabel('Longitud', { exact: true }).fill(lng)
  await page.getByLabel('Kort beskrivning', { exact: true }).fill('Trasig belysning vid gångtunneln')
  // By keyboard: the report form's map tiles may lie over the button (the report form's own matter).
  await page.getByRole('button', { name: 'Skicka rapporten', exact: true }).press('Enter')
  const sent = page.getByRole('status').filter({ hasText: 'Tack! Rapporten är skickad till rådet.' })
  await sent.waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
    const problems = await page.locator('.field__error, .notice').allInnerTexts()
    throw new Error(`The report was not sent: ${problems.join(' | ')}`, { cause: error })
  })
}

describe('the council’s areas and weekly picture', () => {
  it('a council member draws an area by typing its corners and sees it listed', async () => {
    const coordinator = await browser.open()
    await signIn(coordinator, demoUsers.coordinator)
    state.councilPath = await setUpOwnCouncil(coordinator)

    const page = await browser.open()
    await signIn(page, demoUsers.councilMember)
    await visit(page, `${councilPath()}/omraden`)
    await page.getByRole('heading', { level: 1, name: 'Områden' }).waitFor()

    // A name is missing: the message stands at the field, the corners stay.
    const corners = '58,030 12,790\n58,040 12,790\n58,040 12,820\n58,030 12,820'
    const form = page.getByRole('region', { name: 'Nytt område' })
    await form.getByLabel('Områdets hörn som koordinater').fill(corners)
    expectHttpErrorInConsole(page, 400)
    await form.getByRole('button', { name: 'Lägg till området' }).click()
    await form.getByText('Fyll i fältet.', { exact: true }).waitFor()
    expect(await form.getByLabel('Områdets hörn som koordinater').inputValue()).toBe(corners)
    await expectNoAxeViolations(page)

    state.areaName = unique('Centrum')
    await form.getByLabel('Namn', { exact: true }).fill(state.areaName)
    await Promise.all([
      page.getByRole('status').filter({ hasText: 'Området är tillagt' }).waitFor(),
      form.getByRole('button', { name: 'Lägg till området' }).click(),
    ])
    const row = page.getByRole('row', { name: new RegExp(state.areaName) })
    expect(await row.getByRole('cell').first().innerText()).toBe('0')
    await expectNoAxeViolations(page)
  })

  it('the weekly picture counts the reports per area and shows them on the map', async () => {
    const page = await browser.open()
    await greyTiles(page)
    await signIn(page, demoUsers.councilMember)
    await fileReport(page, 'Skadegörelse', '58,035', '12,800')
    await fileReport(page, 'Klotter', '58,036', '12,805')
    await fileReport(page, 'Skadegörelse', '58,100', '12,950')

    await visit(page, `${councilPath()}/veckobild`, { axe: false })
    await page.getByRole('heading', { level: 1, name: 'Veckobild' }).waitFor()
    const table = page.getByRole('table', { name: /Rapporter per område/ })
    const area = table.getByRole('row', { name: new RegExp(state.areaName!) })
    expect(await area.getByRole('cell').first().innerText()).toBe('2')
    const outside = table.getByRole('row', { name: /Utanför områdena/ })
    expect(await outside.getByRole('cell').first().innerText()).toBe('1')
    await page.getByRole('img', { name: /Rapporter per månad och kategori/ }).waitFor()

    await page.getByText('Kartan visar 3 rapporter med position.').waitFor()
    await page.locator('path.weekly-map__dot').nth(2).waitFor({ state: 'attached' })
    expect(await page.locator('path.weekly-map__dot').count()).toBe(3)
    await expectNoAxeViolations(page)

    await visit(page, `${councilPath()}/omraden`)
    const row = page.getByRole('row', { name: new RegExp(state.areaName!) })
    expect(await row.getByRole('cell').first().innerText()).toBe('2')
  })

  it('fits a phone without sideways scrolling', async () => {
    const page = await browser.open({ viewport: phone })
    await greyTiles(page)
    await signIn(page, demoUsers.councilMember)
    for (const path of ['veckobild', 'omraden']) {
      await visit(page, `${councilPath()}/${path}`)
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(overflow, path).toBeLessThanOrEqual(0)
    }
  })
})
