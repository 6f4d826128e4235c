import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoUsers } from '../support/e2e-constants'
import {
  answerTiles,
  expectConsoleError,
  expectNoAxeViolations,
  openDemoCouncil,
  phone,
  setupBrowser,
  signIn,
  unique,
  visit,
} from '../support/e2e-browser'

// Issue 6: an informant of the housing company reports on a phone, one
// thumb: a refused personal number, a draft that survives a reload, a report
// sent while offline that goes when the connection is back. A council member
// reviews it in the inbox and the informant reads the feedback. The
// descriptions are unique, so the file does not depend on other tests' data.

const browser = setupBrowser()
const description = `${unique('Klotter på gångtunnelns vägg')}.`
const offlineDescription = `${unique('Trasig belysning vid busshållplatsen')}.`
const cutOffDescription = `${unique('Skräp och flaskor vid grillplatsen')}.`
const feedback = 'Fastighetsägaren sanerar väggen i veckan.'

async function openForm(page: Page) {
  await page.goto('/trygghet')
  // The informant takes part in one council and lands on its report form.
  await page.getByRole('heading', { level: 1, name: 'Rapportera' }).waitFor()
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

describe('informant reports and the council inbox', () => {
  it('an informant files a report on a phone, with a refused personal number and a restored draft', async () => {
    const page = await browser.open({ viewport: phone })
    await answerTiles(page)
    await signIn(page, demoUsers.informant)
    await openForm(page)
    await expectNoAxeViolations(page)
    await noHorizontalScroll(page)

    await page.getByRole('radio', { name: 'Klotter', exact: true }).check()
    // A tap on the map puts the pin and fills in the position.
    await page.locator('.report-map__canvas').waitFor()
    await page.locator('.report-map__canvas').click({ position: { x: 150, y: 100 } })
    await expect.poll(() => page.getByLabel('Latitud').inputValue()).toMatch(/^5[5-9],\d+$/)
    await page.getByLabel('Kort beskrivning').fill('Mannen med personnummer 19121212-1212 klottrar här')

    // The draft is kept on the phone: a reload brings it back.
    await page.reload()
    await page.getByText('Ditt utkast är återställt.').waitFor()
    expect(await page.getByLabel('Kort beskrivning').inputValue()).toContain('19121212-1212')
    expect(await page.getByRole('radio', { name: 'Klotter', exact: true }).isChecked()).toBe(true)

    expectConsoleError(page, /status of 400/)
    await page.getByRole('button', { name: 'Skicka rapporten' }).click()
    await page.getByText('Texten ser ut att innehålla ett personnummer.').waitFor()
    expect(await page.getByLabel('Latitud').inputValue()).toMatch(/^5[5-9],\d+$/)
    await expectNoAxeViolations(page)

    await page.getByLabel('Kort beskrivning').fill(description)
    await Promise.all([
      page.waitForURL(/\/mina-rapporter$/),
      page.getByRole('status').filter({ hasText: 'Tack! Rapporten är skickad till rådet.' }).waitFor(),
      page.getByRole('button', { name: 'Skicka rapporten' }).click(),
    ])
    await page.getByText(description).waitFor()
    await expectNoAxeViolations(page)
    await noHorizontalScroll(page)

    // The draft went with the report: a new form starts empty.
    await openForm(page)
    expect(await page.getByLabel('Kort beskrivning').inputValue()).toBe('')
  })

  it('keeps a report made offline on the phone and sends it when the connection is back', async () => {
    const page = await browser.open({ viewport: phone })
    await page.context().grantPermissions(['geolocation'])
    await page.context().setGeolocation({ latitude: 58.0341, longitude: 12.8072, accuracy: 12 })
    await answerTiles(page)
    expectConsoleError(page, /ERR_INTERNET_DISCONNECTED/)
    await signIn(page, demoUsers.informant)
    await openForm(page)
    await page.getByRole('radio', { name: 'Trasig belysning', exact: true }).check()
    await page.getByRole('radio', { name: 'Använd min position' }).check()
    await page.getByRole('button', { name: 'Hämta min position' }).click()
    await page.getByText('Din position är hämtad (noggrannhet cirka 12 m).').waitFor()
    expect(await page.getByLabel('Latitud').inputValue()).toBe('58,034100')
    await page.getByLabel('Kort beskrivning').fill(offlineDescription)

    await page.context().setOffline(true)
    await page.getByRole('button', { name: 'Skicka rapporten' }).click()
    await page.getByText('Du är utan anslutning. Rapporten är sparad på telefonen').waitFor()
    expect(await page.getByLabel('Kort beskrivning').inputValue()).toBe('')

    await page.context().setOffline(false)
    await page.getByText('Rapporten som väntade på anslutning är nu skickad.').waitFor()
    await visit(page, page.url().replace('/rapportera', '/mina-rapporter'))
    await page.getByText(offlineDescription).waitFor()
    expect(await page.getByText(offlineDescription).count()).toBe(1)
  })

  it('sends again a report whose sending the connection cut off, and stores it once', async () => {
    const page = await browser.open({ viewport: phone })
    await answerTiles(page)
    await signIn(page, demoUsers.informant)
    await openForm(page)
    await page.getByRole('radio', { name: 'Nedskräpning', exact: true }).check()
    await page.getByLabel('Latitud').fill('58,0352')
    await page.getByLabel('Longitud').fill('12,8101')
    await page.getByLabel('Kort beskrivning').fill(cutOffDescription)

    // The phone says it is online, but the send never reaches the server.
    expectConsoleError(page, /ERR_INTERNET_DISCONNECTED|Failed to fetch|TypeError/)
    await page.route(/\/rapportera/, (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
    )
    await page.getByRole('button', { name: 'Skicka rapporten' }).click()
    await page.waitForTimeout(500)
    await page.unroute(/\/rapportera/)

    await openForm(page)
    await page.getByText('Rapporten som väntade på anslutning är nu skickad.').waitFor()
    await visit(page, page.url().replace('/rapportera', '/mina-rapporter'))
    await page.getByText(cutOffDescription).waitFor()
    // Sent once more on the next visit: the client key keeps it single.
    await openForm(page)
    await visit(page, page.url().replace('/rapportera', '/mina-rapporter'))
    expect(await page.getByText(cutOffDescription).count()).toBe(1)
  })

  it('a council member reviews the report in the inbox and the informant reads the feedback', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.councilMember)
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Trygghet (BRÅ)' }).waitFor()
    await openDemoCouncil(page)
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Till inkorgen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor()
    await expectNoAxeViolations(page)

    const row = page.getByRole('row').filter({ hasText: description })
    await row.getByRole('link').click()
    await page.getByRole('heading', { level: 2, name: 'Granska' }).waitFor()
    await page.getByText(description).waitFor()
    await expectNoAxeViolations(page)
    await page.getByRole('radio', { name: 'Godkänn' }).check()
    await page.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Skadegörelse' })
    await page.getByLabel('Återkoppling till den som rapporterade').fill(feedback)
    await Promise.all([
      page.getByRole('status').filter({ hasText: 'Beslutet är sparat.' }).waitFor(),
      page.getByRole('button', { name: 'Spara beslutet' }).click(),
    ])
    await page.getByText('Godkänd').first().waitFor()

    const informant = await browser.open({ viewport: phone })
    await answerTiles(informant)
    await signIn(informant, demoUsers.informant)
    await openForm(informant)
    await informant.getByRole('link', { name: 'Mina rapporter' }).click()
    const item = informant.getByRole('listitem').filter({ hasText: description })
    await item.getByText(feedback).waitFor()
    await item.getByText('Godkänd').waitFor()
    await item.getByText('Skadegörelse').waitFor()
  })

  it('the coordinator sees who read the report in the read log', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)
    await openDemoCouncil(page)
    await page.getByRole('link', { name: 'Läslogg' }).click()
    await page.getByRole('heading', { level: 1, name: 'Läslogg' }).waitFor()
    await page.getByRole('cell', { name: 'Maria Sund' }).first().waitFor()
    await expectNoAxeViolations(page)

    // The council's remaining pages, as the coordinator sees them, pass axe too.
    const council = new URL(page.url()).pathname.replace(/\/lasloggen$/, '')
    for (const [path, heading] of [
      ['/trygghet', 'Brottsförebyggande råd'],
      [`${council}/kategorier`, 'Kategorier'],
      [`${council}/inrapportorer`, 'Ledamöter och inrapportörer'],
      [`${council}/installningar`, 'Inställningar'],
    ] as const) {
      await page.goto(path)
      await page.getByRole('heading', { level: 1, name: heading }).waitFor()
      await expectNoAxeViolations(page)
    }
    // The demo's informant is listed among the council's informants.
    await page.goto(`${council}/inrapportorer`)
    await page.getByRole('cell', { name: 'Johan Nyström', exact: true }).waitFor()
  })
})
