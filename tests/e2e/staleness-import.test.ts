import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import { baseUrl, expectHttpErrorInConsole, expectNoAxeViolations, phone, setupBrowser, signIn, unique, visit } from '../support/e2e-browser'
import { linkIn, receivedMail, waitForMail } from '../support/e2e-mailbox'

const browser = setupBrowser()

/** axe, and no sideways scrolling on a phone. */
async function check(page: Page) {
  await expectNoAxeViolations(page)
  const viewport = page.viewportSize()
  if (viewport && viewport.width <= phone.width) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(viewport.width)
  }
}

const header = 'organisation;typ;funktion;kanal;värde;tillgänglighet;ordning;synlighet;etikett'

function csvFile(rows: string[]) {
  // As Swedish Excel saves it: BOM, semicolons, CRLF.
  return { name: 'kontakter.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`, 'utf8') }
}

describe('the coordinator looks after the data', () => {
  it('sends reminders from the staleness dashboard, and the editor gets one', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)
    await Promise.all([
      page.waitForURL((address) => address.pathname === '/admin/aktualitet'),
      page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aktualitet', exact: true }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: 'Aktualitet' }).waitFor()
    await check(page)

    // Solör's ISK did not answer its latest test call; Lena Berg edits Solör's data.
    const table = page.getByRole('table', { name: 'Organisationer att påminna' })
    const solor = table.getByRole('row').filter({ has: page.getByRole('link', { name: demoOrganisations.solor, exact: true }) })
    await solor.getByText('Senaste provsamtalet nådde ingen:', { exact: true }).waitFor()
    await solor.getByText('Lena Berg', { exact: false }).waitFor()
    expect(await solor.getByRole('checkbox', { name: `Påminn ${demoOrganisations.solor}` }).isChecked()).toBe(true)

    // Every listed organisation is preselected; the coordinator leaves one out.
    const sjuharad = table.getByRole('checkbox', { name: 'Påminn Krissamverkan Sjuhärad' })
    await sjuharad.uncheck()

    await page.getByRole('button', { name: 'Skicka påminnelser', exact: true }).click()
    const result = page.getByRole('status').filter({ hasText: 'Skickade påminnelser:' })
    await result.waitFor()
    const text = await result.innerText()
    expect(text).toMatch(/Skickade påminnelser: [1-9]\d*\./)
    expect(text).toContain('Ingen redaktör att påminna för:')
    expect(text).not.toContain('Krissamverkan Sjuhärad')
    await check(page)

    // A second click at once is a double submit: nothing is sent again.
    await page.getByRole('button', { name: 'Skicka påminnelser', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Påmindes för mindre än 10 minuter sedan' }).waitFor()
    await page.getByRole('status').filter({ hasText: 'Skickade påminnelser: 0.' }).waitFor()

    // Lena Berg's e-mail (the browser suite's portal sends over SMTP to its test mail server).
    const subject = `Påminnelse: se över uppgifterna för ${demoOrganisations.solor}`
    const reminder = await waitForMail(
      baseUrl(),
      (message) => message.to.includes('lena.berg@example.org') && message.subject === subject,
    )
    expect(
      receivedMail(baseUrl()).filter((message) => message.to.includes('lena.berg@example.org') && message.subject === subject),
    ).toHaveLength(1)
    expect(reminder.text).toMatch(/Senaste provsamtalet nådde ingen på:/)
    expect(linkIn(reminder, '/organisationer/')).toMatch(/\/organisationer\/[0-9a-f-]{36}$/)
  })

  it('imports a CSV file: a preview with the bad row, then the corrected file, all of it', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)
    await Promise.all([
      page.waitForURL((address) => address.pathname === '/admin/import'),
      page.getByRole('link', { name: 'Importera organisationer och kontaktvägar', exact: true }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: 'Importera organisationer och kontaktvägar' }).waitFor()
    await page.getByText('Högst 1 MiB och 5 000 rader.', { exact: true }).waitFor()
    await check(page)

    const name = unique('Importerad förening')
    const good = `${name};Frivilligorganisation;ISK;Mobiltelefon;070-174 06 70;Dygnet runt (24/7);1;Hela nätverket;Ordförande`

    expectHttpErrorInConsole(page, 400)
    await page.getByLabel('CSV-fil', { exact: true }).setInputFiles(csvFile([good, `${name};;Växel;Telefon;031-390 06 70;Ibland;2;;`]))
    await page.getByRole('button', { name: 'Förhandsgranska', exact: true }).click()
    await page.getByRole('heading', { level: 2, name: 'Förhandsgranskning av kontakter.csv' }).waitFor()
    await page.getByRole('alert').filter({ hasText: 'Rader med fel: 1. Inget har sparats.' }).waitFor()
    const badRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Rad 3', exact: true }) })
    await badRow.getByText(/^tillgänglighet: Okänt värde ”Ibland”\. Skriv något av: /).waitFor()
    expect(await page.getByRole('button', { name: 'Bekräfta och importera' }).count()).toBe(0)
    await check(page)

    await page.getByLabel('CSV-fil', { exact: true }).setInputFiles(csvFile([good, `${name};;Växel;Telefon;031-390 06 70;Kontorstid;2;;`]))
    await page.getByRole('button', { name: 'Förhandsgranska', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Inga fel.' }).waitFor()
    await page.getByText('Rader: 2. Nya organisationer: 1. Nya kontaktvägar: 2.', { exact: false }).waitFor()
    await check(page)

    await page.getByRole('button', { name: 'Bekräfta och importera', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Importen är klar. Nya organisationer: 1. Nya kontaktvägar: 2.' }).waitFor()
    await check(page)

    await visit(page, '/organisationer')
    await Promise.all([
      page.waitForURL((address) => /^\/organisationer\/[0-9a-f-]{36}$/.test(address.pathname)),
      page.getByRole('link', { name, exact: true }).click(),
    ])
    await page.getByRole('heading', { level: 1, name }).waitFor()
    await page.locator('a[href="tel:+46701740670"]').first().waitFor()
    await check(page)
  })

  it('works on a phone, and keeps a partner editor out', async () => {
    const page = await browser.open({ viewport: phone })
    await signIn(page, demoUsers.coordinator)
    await visit(page, '/admin/aktualitet', { axe: false })
    await check(page)
    await visit(page, '/admin/import', { axe: false })
    await check(page)

    const partner = await browser.open()
    expectHttpErrorInConsole(partner, 403)
    await signIn(partner, demoUsers.partnerEditor)
    for (const path of ['/admin/aktualitet', '/admin/import']) {
      const response = await visit(partner, path)
      expect(response.status(), path).toBe(403)
      await partner.getByRole('heading', { level: 1, name: 'Ingen åtkomst' }).waitFor()
    }
    const nav = partner.getByRole('navigation', { name: 'Huvudmeny' })
    expect(await nav.getByRole('link').allTextContents()).not.toContain('Aktualitet')
  })
})
