import { describe, expect, it } from 'vitest'
import { demoUsers } from '../support/e2e-constants'
import {
  answerTiles,
  expectNoAxeViolations,
  openDemoCouncil,
  setupBrowser,
  signIn,
  unique,
  visit,
} from '../support/e2e-browser'

// Issue 6: the demo council's member sees the period's reports on the weekly
// map, writes an analysis, freezes a situation picture, changes it and
// freezes again; the second version says what changed, prints without the
// menu and comes as a PDF. The picture has a unique title.

const browser = setupBrowser()
const title = unique('Lägesbild EST')

describe('the situation picture', () => {
  it('a council member sees the reports on the weekly map, writes an analysis and freezes two versions', async () => {
    const page = await browser.open()
    await answerTiles(page)
    await signIn(page, demoUsers.councilMember)
    const council = await openDemoCouncil(page)
    // The demo's eight weeks of reports, as a chosen period.
    const day = (offset: number) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
        new Date(Date.now() + offset * 86_400_000),
      )
    await visit(page, `${council}/veckobild?fran=${day(-60)}&till=${day(0)}`)
    await page.locator('path.weekly-map__dot').first().waitFor({ state: 'attached' })
    await page.getByText('Trygghetsmätningen', { exact: false }).first().waitFor()
    await expectNoAxeViolations(page)

    await page.getByRole('link', { name: 'Lägesbilder' }).click()
    await page.getByRole('heading', { level: 1, name: 'Lägesbilder' }).waitFor()
    await expectNoAxeViolations(page)
    await page.getByLabel('Rubrik').fill(title)
    await Promise.all([
      page.waitForURL(/lagesbilder\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: 'Skapa lägesbilden' }).click(),
    ])
    await page.getByRole('heading', { level: 2, name: '1. Kartläggning' }).waitFor()
    await page
      .getByRole('table', { name: 'Rapporter per område' })
      .getByRole('rowheader', { name: 'Centrum' })
      .waitFor()
    await expectNoAxeViolations(page)

    await page
      .getByLabel('Rådets analys')
      .fill('Klotter och skadegörelse samlas kring stationen efter mörkrets inbrott.')
    await Promise.all([
      page.getByRole('status').filter({ hasText: 'Texten är sparad.' }).waitFor(),
      page.getByRole('button', { name: 'Spara texten' }).click(),
    ])
    await Promise.all([
      page.waitForURL(/version\/1$/),
      page.getByRole('status').filter({ hasText: 'Version 1 är fryst.' }).waitFor(),
      page.getByRole('button', { name: 'Frys version 1' }).click(),
    ])
    await page.getByRole('heading', { level: 2, name: 'Det här är den första versionen.' }).waitFor()
    await page.getByText('Klotter och skadegörelse samlas kring stationen').waitFor()
    await page.getByText('Bättre belysning längs gångvägen vid stationen').first().waitFor()
    await expectNoAxeViolations(page)

    await page.getByRole('link', { name: 'Tillbaka till lägesbilden' }).click()
    await page.getByLabel('Rådets analys').fill('Efter belysningsinsatsen har rapporterna kring stationen minskat.')
    await Promise.all([
      page.getByRole('status').filter({ hasText: 'Texten är sparad.' }).waitFor(),
      page.getByRole('button', { name: 'Spara texten' }).click(),
    ])
    await Promise.all([
      page.waitForURL(/version\/2$/),
      page.getByRole('status').filter({ hasText: 'Version 2 är fryst.' }).waitFor(),
      page.getByRole('button', { name: 'Frys version 2' }).click(),
    ])
    await page.getByRole('heading', { level: 2, name: 'Vad har ändrats sedan version 1' }).waitFor()
    await page.getByRole('listitem').filter({ hasText: 'Analysen är omskriven.' }).waitFor()

    // Version 1 still holds the first analysis.
    const version1 = page.url().replace(/version\/2.*$/, 'version/1')
    await visit(page, version1)
    await page.getByText('Klotter och skadegörelse samlas kring stationen').waitFor()
    expect(await page.getByText('Efter belysningsinsatsen').count()).toBe(0)

    // It prints without the menu, and the PDF is a PDF.
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible()).toBe(false)
    await page.emulateMedia({ media: 'screen' })
    const pdf = await page.request.get(`${version1}.pdf`)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
  })
})
