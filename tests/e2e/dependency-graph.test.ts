import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import { expectNoAxeViolations, phone, setupBrowser, signIn, visit } from '../support/e2e-browser'
import { pickInCombobox } from '../support/e2e-picker'

const browser = setupBrowser()

// Colours the drawing must have painted: the energy sector's fill (Solör's
// district heating) and the red of a dependency without sufficient backup.
const ENERGY = [0xe6, 0x9f, 0x00]
const WEAK = [0xb0, 0x00, 0x20]

function numberIn(text: string | null, pattern = /(\d[\d\s]*)/): number {
  const match = text?.match(pattern)
  if (!match) throw new Error(`No number in ${JSON.stringify(text)}`)
  return Number(match[1]!.replace(/\s/g, ''))
}

/** Waits until Cytoscape has laid out the graph and says how many nodes and edges it drew. */
async function drawn(page: Page): Promise<{ nodes: number; edges: number }> {
  const status = page.locator('.graph-drawing__status[role="status"]')
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Grafen visar \d+ noder/)
  const text = (await status.textContent()) ?? ''
  return { nodes: numberIn(text, /visar (\d+) noder/), edges: numberIn(text, /och (\d+) beroenden/) }
}

/** How many pixels of each colour the graph's canvases hold (within a little of it, for smoothed edges; opaque). */
async function paintedPixels(page: Page, colours: number[][]): Promise<number[]> {
  return page.evaluate((wanted) => {
    const near = (a: number, b: number) => Math.abs(a - b) <= 12
    const counts = wanted.map(() => 0)
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('.graph-drawing__canvas canvas')) {
      const context = canvas.getContext('2d')
      if (!context || canvas.width === 0 || canvas.height === 0) continue
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
      for (let i = 0; i < data.length; i += 4) {
        wanted.forEach(([r, g, b], k) => {
          if (near(data[i]!, r!) && near(data[i + 1]!, g!) && near(data[i + 2]!, b!) && data[i + 3]! > 240) counts[k]!++
        })
      }
    }
    return counts
  }, colours)
}

/** The item of a weak-point list whose text contains all the parts. */
function item(list: Locator, ...parts: string[]): Locator {
  return parts.reduce((found, part) => found.filter({ hasText: part }), list.getByRole('listitem'))
}

function tableRows(page: Page) {
  return page.getByRole('table', { name: /^Beroenden:/ }).locator('tbody tr')
}

describe('the dependency graph', () => {
  it('shows a viewer the weak points, the graph and the same dependencies as a table, for the area and for one organisation', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.viewer)
    await Promise.all([
      page.waitForURL((address) => address.pathname === '/beroenden'),
      page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Beroenden', exact: true }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: 'Beroenden' }).waitFor()
    await page.getByText('Hela området: alla organisationers samhällsviktiga verksamheter.').waitFor()

    // Shared dependencies: fuel for four services directly, and three more
    // through Solör's district heating; the district heating itself.
    const hubs = page.getByRole('list', { name: 'Många verksamheter är beroende av samma sak' })
    await item(hubs, 'Drivmedel', '7 verksamheter är beroende av den, 4 av dem direkt.').waitFor()
    const heating = item(hubs, `Fjärrvärmeproduktion (${demoOrganisations.solor})`)
    await heating.getByText('3 verksamheter är beroende av den, 3 av dem direkt.').waitFor()
    await heating.getByRole('link', { name: demoOrganisations.solor }).first().waitFor()
    await heating.getByRole('link', { name: 'Vårgårda kommun' }).waitFor()

    // The sewage works' shared generator lasts 12 h of its 24; the school's
    // heating from Solör has no backup: contact both organisations.
    const backups = page.getByRole('list', { name: 'Beroenden utan tillräcklig reserv' })
    await item(
      backups,
      'Avloppsrening (Vårgårda kommun) är beroende av El',
      'Reserven räcker 12 h, men verksamheten får vara borta högst 24 h; klarar sig 4 h utan.',
    ).waitFor()
    const school = item(
      backups,
      'Centrumskolan – undervisning och omsorg (Vårgårda kommun) är beroende av Fjärrvärmeproduktion',
    )
    await school.getByText('Ingen reserv med angiven tid; klarar sig 12 h utan, får vara borta högst 24 h.').waitFor()
    await school.getByRole('link', { name: 'Vårgårda kommun' }).waitFor()
    await school.getByRole('link', { name: demoOrganisations.solor }).last().waitFor()
    // Electricity at the school: no backup of its own, no backup power at the site.
    await item(
      backups,
      'Centrumskolan – undervisning och omsorg (Vårgårda kommun) är beroende av El',
      'Ingen reserv',
    ).waitFor()

    // The housing company's heating needs Solör's district heating.
    const chains = page.getByRole('list', { name: 'Kedjor genom flera organisationer' })
    const housing = item(chains, `Värme och varmvatten i hyresbostäderna (${demoOrganisations.bostader})`)
    await housing.getByText(`Fjärrvärmeproduktion (${demoOrganisations.solor})`).waitFor()
    await housing.getByRole('link', { name: demoOrganisations.bostader }).waitFor()

    // The drawing: as many dependencies as the table, with the nodes painted.
    const graph = page.getByRole('img', { name: /^Beroendegraf med \d+ noder och \d+ beroenden/ })
    await graph.waitFor()
    const area = await drawn(page)
    const tableCount = numberIn(await page.locator('#graph-table-count').textContent())
    expect(area.edges).toBe(tableCount)
    expect(await tableRows(page).count()).toBe(Math.min(tableCount, 100))
    // 10 demo services and the resources they use (electricity, water, fuel, telecom, staff).
    expect(area.nodes).toBeGreaterThanOrEqual(15)
    await expect
      .poll(() => paintedPixels(page, [ENERGY, WEAK]).then((counts) => Math.min(...counts)))
      .toBeGreaterThan(20)
    // The canvas takes no focus: from the last zoom button the keyboard moves past the graph.
    expect(
      await graph.evaluate((element) => element.hasAttribute('tabindex') || !!element.querySelector('[tabindex]')),
    ).toBe(false)
    await page.getByRole('button', { name: 'Visa hela grafen' }).focus()
    await page.keyboard.press('Tab')
    expect(await graph.evaluate((element) => element.contains(document.activeElement))).toBe(false)
    // The zoom buttons work.
    await page.getByRole('button', { name: 'Zooma in' }).click()
    await expectNoAxeViolations(page)

    // The table has the same dependency as the list.
    await tableRows(page)
      .filter({ has: page.getByRole('rowheader', { name: /^Avloppsrening/ }) })
      .filter({ hasText: 'Mobilt reservkraftverk, delas med vattenverket' })
      .getByRole('cell', { name: 'Räcker kortare än 24 h' })
      .waitFor()

    // Narrowed to the housing company: its heating and, upstream, Solör's district heating. The organisation is
    // searched for in the picker, and choosing it ticks "En organisation".
    await pickInCombobox(page, 'Sök organisation att lägga till', demoOrganisations.bostader)
    expect(await page.getByRole('radio', { name: 'En organisation' }).isChecked()).toBe(true)
    await Promise.all([
      page.waitForURL((address) => address.searchParams.get('scope') === 'organisation'),
      page.getByRole('button', { name: 'Visa', exact: true }).click(),
    ])
    await page.getByText(`${demoOrganisations.bostader}: organisationens verksamheter`, { exact: false }).waitFor()
    // Two services and the three resources they use; five dependencies.
    await expect.poll(() => drawn(page)).toEqual({ nodes: 5, edges: 5 })
    expect(await tableRows(page).count()).toBe(5)
    const names = await tableRows(page).locator('.graph-table__name').allTextContents()
    expect(new Set(names)).toEqual(new Set(['Fjärrvärmeproduktion', 'Värme och varmvatten i hyresbostäderna']))
    await item(
      page.getByRole('list', { name: 'Beroenden utan tillräcklig reserv' }),
      `Värme och varmvatten i hyresbostäderna (${demoOrganisations.bostader}) är beroende av El`,
    ).waitFor()
    // Only what concerns the housing company: no school, no sewage works.
    expect(await page.getByText('Avloppsrening').count()).toBe(0)
    expect(await page.getByText('Centrumskolan').count()).toBe(0)
    await expectNoAxeViolations(page)
  })

  it('is linked from the organisation page, and fits a phone', async () => {
    const page = await browser.open({ viewport: phone })
    await signIn(page, demoUsers.viewer)
    await visit(page, '/organisationer')
    await Promise.all([
      page.waitForURL((address) => /^\/organisationer\/[0-9a-f-]{36}$/.test(address.pathname)),
      page.getByRole('link', { name: demoOrganisations.solor, exact: true }).click(),
    ])
    const organisationId = new URL(page.url()).pathname.split('/').pop()
    await Promise.all([
      page.waitForURL((address) => address.pathname === '/beroenden'),
      page.getByRole('link', { name: 'Visa beroendegrafen' }).click(),
    ])
    expect(new URL(page.url()).searchParams.get('organisation')).toBe(organisationId)
    await page.getByText(`${demoOrganisations.solor}: organisationens verksamheter`, { exact: false }).waitFor()
    // Solör's district heating depends on no other organisation, and its staff has no backup.
    await page.getByText('Inga verksamheter är beroende av andra organisationers verksamheter.').waitFor()
    await item(
      page.getByRole('list', { name: 'Beroenden utan tillräcklig reserv' }),
      `Fjärrvärmeproduktion (${demoOrganisations.solor}) är beroende av Personal med specialkompetens`,
    ).waitFor()
    expect(await page.getByRole('radio', { name: 'En organisation' }).isChecked()).toBe(true)
    await drawn(page)
    await expectNoAxeViolations(page)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width)
  })
})
