import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import { expectNoAxeViolations, phone, setupBrowser, signIn, visit } from '../support/e2e-browser'
import { parseVcards } from '../support/vcard'

const browser = setupBrowser()

async function searchFor(page: Page, query: string) {
  await page.getByLabel('Sök', { exact: true }).fill(query)
  await Promise.all([
    page.waitForURL((address) => address.pathname === '/katalog' && address.searchParams.get('q') === query),
    page.getByRole('button', { name: 'Sök', exact: true }).click(),
  ])
  await page.getByRole('heading', { level: 2, name: `Träffar för ”${query}”` }).waitFor()
}

async function expectNoSidewaysScroll(page: Page) {
  const width = page.viewportSize()?.width ?? 0
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(width)
}

describe('the directory', () => {
  it('lets a viewer find an organisation typed without å and ä, print its contact list and download it as CSV', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.viewer)
    await Promise.all([
      page.waitForURL((address) => address.pathname === '/katalog'),
      page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Katalog', exact: true }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: 'Katalog' }).waitFor()
    await expectNoAxeViolations(page)

    await searchFor(page, 'vargarda bostader')
    await expectNoAxeViolations(page)
    const organisations = page.getByRole('region', { name: /^Organisationer/ })
    const hit = organisations.getByRole('link', { name: demoOrganisations.bostader, exact: true })
    await Promise.all([page.waitForURL((address) => /^\/organisationer\/[0-9a-f-]{36}$/.test(address.pathname)), hit.click()])
    await page.getByRole('heading', { level: 1, name: demoOrganisations.bostader }).waitFor()
    const [card] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Kontaktkort (vCard) för ${demoOrganisations.bostader}` }).click(),
    ])
    expect(card.suggestedFilename()).toBe('vargarda-bostader-ab.vcf')
    const cards = parseVcards(await readFile(await card.path(), 'utf8'))
    expect(cards.map((entry) => entry.fn)).toEqual([demoOrganisations.bostader])
    expect(cards[0]!.tels.length).toBeGreaterThan(0)

    await page.goBack()
    await page.getByRole('heading', { level: 2, name: 'Träffar för ”vargarda bostader”' }).waitFor()
    await Promise.all([
      page.waitForURL((address) => address.pathname === '/katalog/utskrift' && address.searchParams.get('q') === 'vargarda bostader'),
      page.getByRole('link', { name: 'Kontaktlista för utskrift' }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: 'Kontaktlista' }).waitFor()
    await page.getByText(/^Utskriven \d/).waitFor()
    await page.getByRole('heading', { level: 2, name: demoOrganisations.bostader }).waitFor()
    await expect(page.getByText(/^Senast bekräftad: /).count()).resolves.toBeGreaterThan(0)
    const printButton = page.getByRole('button', { name: 'Skriv ut', exact: true })
    await printButton.waitFor()
    await expectNoAxeViolations(page)

    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible()).toBe(false)
    expect(await printButton.isVisible()).toBe(false)
    expect(await page.getByRole('link', { name: 'Tillbaka till katalogen' }).isVisible()).toBe(false)
    expect(await page.getByRole('heading', { level: 1, name: 'Kontaktlista' }).isVisible()).toBe(true)
    await page.emulateMedia({ media: 'screen' })

    await page.getByRole('link', { name: 'Tillbaka till katalogen' }).click()
    await page.getByRole('heading', { level: 2, name: 'Träffar för ”vargarda bostader”' }).waitFor()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner som CSV för Excel' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^kontaktlista-\d{4}-\d{2}-\d{2}\.csv$/)
    const bytes = await readFile(await download.path())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').split('\r\n')
    expect(lines[0]).toBe(
      '"Organisation";"Typ av organisation";"Senast bekräftad";"Funktion";"Kanal";"Kontaktväg";"Beskrivning";"Tillgänglighet";"Ordning";"Synlighet"',
    )
    expect(lines.slice(1).some((line) => line.startsWith(`"${demoOrganisations.bostader}";`))).toBe(true)
  })

  it('searches and prints without JavaScript: the server renders the hits, and the print button only comes with JavaScript', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.viewer)
    const search = await page.request.get('/katalog?q=vargarda+bostader')
    expect(search.status()).toBe(200)
    expect(await search.text()).toContain(`>${demoOrganisations.bostader}</a>`)
    const print = await page.request.get('/katalog/utskrift?q=vargarda+bostader')
    const html = await print.text()
    expect(html).toContain('Kontaktlista')
    expect(html).not.toContain('Skriv ut</button>')
  })

  it('works on a 360 px phone', async () => {
    const page = await browser.open({ viewport: phone })
    await signIn(page, demoUsers.viewer)
    await visit(page, '/katalog')
    await expectNoSidewaysScroll(page)
    await searchFor(page, 'vargrda bostder')
    await page.getByRole('region', { name: /^Organisationer/ }).getByRole('link', { name: demoOrganisations.bostader, exact: true }).waitFor()
    await expectNoAxeViolations(page)
    await expectNoSidewaysScroll(page)
    await visit(page, '/katalog/utskrift?q=vargarda')
    await expectNoSidewaysScroll(page)
  })
})
