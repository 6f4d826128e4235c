import { describe, expect, it } from 'vitest'
import { demoUsers } from '../support/e2e-constants'
import {
  expectHttpErrorInConsole,
  expectNoAxeViolations,
  setupBrowser,
  signIn,
  visit,
  setUpOwnCouncil,
} from '../support/e2e-browser'

// Issue 6, the council's other sources and safety survey: the coordinator
// sets up a council of its own (a new network with Vårgårda kommun, so the
// file depends on nothing other browser tests leave behind); Maria Sund, a
// council member of Vårgårda kommun, imports the police's statistics and
// enters the safety survey.

const browser = setupBrowser()
const state: { councilPath?: string } = {}

function councilPath(): string {
  if (!state.councilPath) throw new Error('The council is unknown: an earlier test in this file failed')
  return state.councilPath
}

function csvFile(rows: string[]) {
  // As Swedish Excel saves it: BOM, semicolons, CRLF.
  const text = `\uFEFF${['månad;kategori;område;antal', ...rows].join('\r\n')}\r\n`
  return { name: 'polisen.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') }
}

describe('the council’s other sources and safety survey', () => {
  it('a council member imports the police’s statistics: a preview with a row error, then the fixed file', async () => {
    const coordinator = await browser.open()
    await signIn(coordinator, demoUsers.coordinator)
    state.councilPath = await setUpOwnCouncil(coordinator)

    const page = await browser.open()
    await signIn(page, demoUsers.councilMember)
    await visit(page, `${councilPath()}/kallor`)
    await page.getByRole('heading', { level: 1, name: 'Andra källor' }).waitFor()
    await page
      .getByRole('row', { name: /kategori/ })
      .getByText('Klotter', { exact: false })
      .waitFor()

    await page.getByLabel('Polisens brottsstatistik', { exact: true }).check()
    await page.getByLabel('Källans namn', { exact: true }).fill('Polisen')
    expectHttpErrorInConsole(page, 400)
    await page
      .getByLabel('CSV-fil', { exact: true })
      .setInputFiles(csvFile(['2025-01;Skadegörelse;;12', '2025-01;Bilbränder;;3', '2025-02;klotter;;4']))
    await page.getByRole('button', { name: 'Förhandsgranska', exact: true }).click()
    await page.getByRole('heading', { level: 2, name: 'Förhandsgranskning av polisen.csv' }).waitFor()
    await page.getByRole('alert').filter({ hasText: 'Rader med fel: 1. Inget har sparats.' }).waitFor()
    const badRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Rad 3', exact: true }) })
    await badRow.getByText(/^kategori: Okänd kategori ”Bilbränder”\. Skriv en av: Skadegörelse, Klotter/).waitFor()
    expect(await page.getByRole('button', { name: 'Bekräfta och importera' }).count()).toBe(0)
    await expectNoAxeViolations(page)

    await page
      .getByLabel('CSV-fil', { exact: true })
      .setInputFiles(csvFile(['2025-01;Skadegörelse;;12', '2025-01;Brand eller anlagd brand;;3', '2025-02;klotter;;4']))
    await page.getByRole('button', { name: 'Förhandsgranska', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Inga fel.' }).waitFor()
    await page.getByText('Rader: 3. Summa: 19. Månader: 2025-01 – 2025-02. Inga tidigare rader ersätts.').waitFor()
    await expectNoAxeViolations(page)

    await page.getByRole('button', { name: 'Bekräfta och importera', exact: true }).click()
    await page
      .getByRole('status')
      .filter({ hasText: 'Importen är klar. Rader: 3. Ersatta tidigare rader: 0.' })
      .waitFor()
    const imports = page.getByRole('region', { name: 'Tidigare importer' })
    const listed = imports.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Polisen/ }) })
    await listed.getByRole('cell', { name: 'Polisens brottsstatistik', exact: true }).waitFor()
    await listed.getByRole('cell', { name: '3', exact: true }).waitFor()
    await listed.getByRole('cell', { name: 'Maria Sund', exact: true }).waitFor()
    await expectNoAxeViolations(page)
  })

  it('a council member enters the safety survey and sees the trend', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.councilMember)
    await visit(page, `${councilPath()}/trygghetsmatning?ar=2024`)
    await page.getByRole('heading', { level: 1, name: 'Trygghetsmätning' }).waitFor()
    await page.getByText('Inga resultat av trygghetsmätningen är registrerade ännu.').waitFor()

    await page.getByLabel('Känner sig otrygga, Hela kommunen (procent)', { exact: true }).fill('17,5')
    await page.getByLabel('Oroar sig för brott, Hela kommunen (procent)', { exact: true }).fill('22')
    await page.getByRole('button', { name: 'Spara 2024', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Resultaten för 2024 är sparade. Ändrade värden: 2.' }).waitFor()

    await page.getByLabel('År', { exact: true }).fill('2025')
    await Promise.all([
      page.waitForURL((address) => address.searchParams.get('ar') === '2025'),
      page.getByRole('button', { name: 'Visa året', exact: true }).click(),
    ])
    await page.getByRole('heading', { level: 2, name: 'Resultat 2025' }).waitFor()
    expectHttpErrorInConsole(page, 400)
    await page.getByLabel('Känner sig otrygga, Hela kommunen (procent)', { exact: true }).fill('mycket')
    await page.getByRole('button', { name: 'Spara 2025', exact: true }).click()
    await page.getByText('Skriv andelen i procent från 0 till 100 med högst en decimal, till exempel 12,5.').waitFor()
    await page.getByLabel('Känner sig otrygga, Hela kommunen (procent)', { exact: true }).fill('19.0')
    await page.getByRole('button', { name: 'Spara 2025', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Resultaten för 2025 är sparade. Ändrade värden: 1.' }).waitFor()

    await page.getByRole('img', { name: 'Känner sig otrygga: andel i procent per år och område' }).waitFor()
    const table = page.getByRole('table', { name: 'Känner sig otrygga, andel i procent per år' })
    await table.getByRole('row', { name: /2024/ }).getByRole('cell', { name: '17,5 %' }).waitFor()
    await table.getByRole('row', { name: /2025/ }).getByRole('cell', { name: '19,0 %' }).waitFor()
    await expectNoAxeViolations(page)
  })
})
