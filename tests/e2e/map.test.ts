import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoUsers } from '../support/e2e-constants'
import { expectConsoleError, expectNoAxeViolations, phone, setupBrowser, signIn, visit } from '../support/e2e-browser'

const browser = setupBrowser()

// The default tile server (OpenStreetMap). The tests never reach it: they
// answer for it, or make it fail as it does offline.
const TILES = 'https://tile.openstreetmap.org/**'
const GREY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
)

async function tilesOnline(page: Page) {
  await page.route(TILES, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: GREY_PNG }))
}

async function tilesOffline(page: Page) {
  await page.route(TILES, (route) => route.abort('internetdisconnected'))
  expectConsoleError(page, /Failed to load resource: net::ERR_INTERNET_DISCONNECTED/)
}

function numberIn(text: string | null): number {
  const match = text?.match(/(\d[\d\s]*)/)
  if (!match) throw new Error(`No number in ${JSON.stringify(text)}`)
  return Number(match[1]!.replace(/\s/g, ''))
}

/** Waits for the map's data and returns how many sites the map and the table say they show. */
async function counts(page: Page): Promise<{ map: number; list: number; rows: number; markers: number }> {
  const region = page.getByRole('region', { name: 'Karta över platserna' })
  await region.locator('[data-site-count]').waitFor()
  const map = numberIn(await region.getByRole('status').first().textContent())
  expect(Number(await region.locator('[data-site-count]').getAttribute('data-site-count'))).toBe(map)
  const list = numberIn(await page.locator('.map-list__count').textContent())
  const rows = await page.getByRole('table').locator('tbody tr').count()
  // Every site is in view after the map fits itself to them: alone, or counted in a cluster.
  const markers = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.map-cluster')].reduce(
        (sum, cluster) => sum + Number(cluster.querySelector('[aria-hidden]')?.textContent ?? 0),
        document.querySelectorAll('.map-site').length,
      ),
    )
  await expect.poll(markers).toBe(map)
  return { map, list, rows, markers: await markers() }
}

/** Zooms into clusters until a single site's marker shows, and opens its popup. */
async function openFirstSitePopup(page: Page) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const site = page.locator('.map-site').first()
    if ((await site.count()) > 0) {
      await site.click()
      return page.locator('.site-popup')
    }
    await page.locator('.map-cluster').first().click()
    await page.waitForTimeout(300)
  }
  throw new Error('No single site marker after zooming into the clusters')
}

describe('the map page', () => {
  it('shows the same sites on the map and in the table, narrows both by sector, and opens a popup with the ISK first', async () => {
    const page = await browser.open()
    await tilesOnline(page)
    await signIn(page, demoUsers.coordinator)
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Karta', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Karta' }).waitFor()

    const all = await counts(page)
    expect(all.map).toBeGreaterThan(1)
    expect(all.list).toBe(all.map)
    expect(all.rows).toBe(Math.min(all.list, 50))
    expect(all.markers).toBe(all.map)
    expect(await page.getByText('Kartbakgrunden kunde inte hämtas', { exact: false }).count()).toBe(0)
    await expectNoAxeViolations(page)

    await page.getByLabel('Sektor', { exact: true }).selectOption({ label: 'Energiförsörjning' })
    await Promise.all([
      page.waitForURL((address) => address.searchParams.get('sector') === 'energy'),
      page.getByRole('button', { name: 'Visa', exact: true }).click(),
    ])
    await expect
      .poll(async () => {
        const now = await counts(page)
        return now.map === now.list && now.list < all.list
      })
      .toBe(true)
    const energy = await counts(page)
    expect(energy.map).toBeGreaterThan(0)
    expect(energy.map).toBe(energy.list)
    expect(energy.markers).toBe(energy.map)
    const sectorCells = await page.getByRole('table').locator('tbody tr td:nth-child(4)').allTextContents()
    for (const cell of sectorCells) expect(cell).toContain('Energiförsörjning')

    // Sorting by site: a button in the header, with aria-sort on its column.
    await Promise.all([
      page.waitForURL((address) => address.searchParams.get('sort') === 'site'),
      page.getByRole('button', { name: /^Plats/ }).click(),
    ])
    const siteHeader = page.getByRole('columnheader', { name: /^Plats/ })
    await expect.poll(() => siteHeader.getAttribute('aria-sort')).toBe('ascending')
    expect(new URL(page.url()).searchParams.get('sector')).toBe('energy')
    const names = () => page.getByRole('table').locator('.map-table__name').allTextContents()
    const ascending = await names()
    await Promise.all([
      page.waitForURL((address) => address.searchParams.get('sort') === 'site-desc'),
      page.getByRole('button', { name: /^Plats/ }).click(),
    ])
    await expect.poll(() => siteHeader.getAttribute('aria-sort')).toBe('descending')
    expect(await names()).toEqual([...ascending].reverse())

    // The municipality has an ISK: its popups start with it.
    await visit(page, '/karta?kind=municipality', { axe: false })
    await counts(page)
    const popup = await openFirstSitePopup(page)
    await popup.getByRole('heading', { level: 3 }).waitFor()
    const firstRoute = popup.locator('.crisis-routes li').first()
    expect(await firstRoute.textContent()).toMatch(/^ISK/)
    expect(await firstRoute.getByRole('link').first().getAttribute('href')).toMatch(/^tel:\+?\d+$/)
    await popup.getByRole('link', { name: 'Vårgårda kommun' }).waitFor()
    await popup.locator('.site-popup__services, .site-popup p').last().waitFor()
    await expect.poll(() => popup.getByText('Hämtar verksamheterna', { exact: false }).count()).toBe(0)
    expect(await page.locator('.leaflet-popup-close-button').getAttribute('aria-label')).toBe('Stäng rutan')
    await expectNoAxeViolations(page)
  })

  it('still shows the sites on a plain background when the map tiles cannot load, and says so', async () => {
    const page = await browser.open()
    await tilesOffline(page)
    await signIn(page, demoUsers.viewer)
    await visit(page, '/karta', { axe: false })
    const shown = await counts(page)
    expect(shown.map).toBeGreaterThan(0)
    await page.getByText('Kartbakgrunden kunde inte hämtas', { exact: false }).waitFor()
    expect(shown.markers).toBe(shown.map)
    expect(await page.locator('.map-site, .map-cluster').first().isVisible()).toBe(true)
    await expectNoAxeViolations(page)
  })

  it('opens a site from the keyboard and gives the focus back when the popup closes', async () => {
    const page = await browser.open()
    await tilesOnline(page)
    await signIn(page, demoUsers.partnerEditor)
    await visit(page, '/karta?kind=municipality', { axe: false })
    await counts(page)
    await openFirstSitePopup(page)
    await page.keyboard.press('Escape')
    await page.locator('.site-popup').waitFor({ state: 'detached' })

    const marker = page.locator('.map-site').first()
    await marker.focus()
    await page.keyboard.press('Enter')
    const heading = page.locator('.site-popup').getByRole('heading', { level: 3 })
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true)
    await page.keyboard.press('Escape')
    await page.locator('.site-popup').waitFor({ state: 'detached' })
    await expect.poll(() => marker.evaluate((element) => element === document.activeElement)).toBe(true)
  })

  it('works on a small phone', async () => {
    const page = await browser.open({ viewport: phone })
    await tilesOnline(page)
    await signIn(page, demoUsers.viewer)
    await visit(page, '/karta', { axe: false })
    await counts(page)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width)
    // The sort buttons stay visible above the records.
    expect(await page.getByRole('button', { name: /^Organisation/ }).isVisible()).toBe(true)
    await expectNoAxeViolations(page)
  })
})
