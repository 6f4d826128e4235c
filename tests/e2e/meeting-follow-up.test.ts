import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import {
  expectConsoleError,
  expectNoAxeViolations,
  phone,
  setupBrowser,
  signIn,
  unique,
  url,
  visit,
} from '../support/e2e-browser'
import { pickInCombobox } from '../support/e2e-picker'

const browser = setupBrowser()

/** The coordinator convenes a theme day for two partner organisations through the meeting form; returns its path. */
async function convene(page: Page, title: string): Promise<string> {
  await visit(page, '/moten/ny')
  await page.getByLabel('Typ av möte').selectOption({ label: 'Temadag' })
  await page.getByLabel('Rubrik', { exact: true }).fill(title)
  await page.getByLabel('Datum', { exact: true }).fill('2027-03-10')
  await page.getByLabel('Börjar kl.').fill('09:00')
  await page.getByLabel('Slutar kl.').fill('15:00')
  await page.getByLabel('Plats', { exact: true }).fill('Kommunhuset, Vårgårda')
  await pickInCombobox(page, 'Sök organisation att lägga till', demoOrganisations.bostader)
  await pickInCombobox(page, 'Sök organisation att lägga till', demoOrganisations.solor, 'solör bio')
  await Promise.all([
    page.waitForURL((address) => /^\/moten\/[0-9a-f-]{36}$/.test(address.pathname)),
    page.getByRole('button', { name: 'Spara och skicka inbjudan' }).click(),
  ])
  return new URL(page.url()).pathname
}

/** Nothing wider than a 360 px phone: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width)
}

describe('during and after a meeting', () => {
  const title = unique('Temadag elavbrott')
  let meetingPath = ''
  let solorItemId = ''

  it('the coordinator convenes a theme day, writes the minutes with a preview and records attendance', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)
    meetingPath = await convene(page, title)

    // Minutes: a preview first, then saved; markup typed into them stays text.
    await visit(page, `${meetingPath}/protokoll`)
    await page.getByRole('heading', { level: 1, name: `Protokoll och närvaro – ${title}` }).waitFor()
    await page
      .getByRole('textbox', { name: 'Protokoll', exact: true })
      .fill(
        '## Beslut\n- **Reservkraft** ses över\n- Läs [MCF:s vägledning](https://www.mcf.se)\n\n<script>alert(1)</script> [klicka](javascript:alert(1))',
      )
    await page.getByRole('button', { name: 'Förhandsgranska' }).click()
    const preview = page.getByRole('region', { name: 'Förhandsgranskning' })
    await preview.getByRole('heading', { name: 'Beslut' }).waitFor()
    await preview.locator('strong', { hasText: 'Reservkraft' }).waitFor()
    expect(await preview.getByRole('link', { name: 'MCF:s vägledning' }).getAttribute('href')).toBe(
      'https://www.mcf.se/',
    )
    expect(await preview.getByRole('link', { name: 'klicka' }).count()).toBe(0)
    await preview.getByText('<script>alert(1)</script> [klicka](javascript:alert(1))').waitFor()
    expect(await page.getByRole('textbox', { name: 'Protokoll', exact: true }).inputValue()).toContain('## Beslut')
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Spara protokollet' }).click()
    await page.getByRole('status').filter({ hasText: 'Protokollet är sparat.' }).waitFor()

    // Attendance, with a mistake shown at its field first.
    expectConsoleError(page, /status of 400/)
    await page.getByLabel('Namn', { exact: true }).fill('Per Holm')
    await page.getByRole('button', { name: 'Lägg till närvarande' }).click()
    await page.getByText('Välj ett alternativ i listan.').waitFor()
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe('Per Holm')
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: demoOrganisations.bostader })
    await page.getByRole('button', { name: 'Lägg till närvarande' }).click()
    await page.getByRole('button', { name: 'Ta bort Per Holm' }).waitFor()
    await page.getByText(`Per Holm – ${demoOrganisations.bostader}`).waitFor()
    await expectNoAxeViolations(page)
  })

  it('the coordinator attaches a document; a program and a file over 10 MB are refused at the field', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)
    expectConsoleError(page, /status of 400/)
    await visit(page, `${meetingPath}/dokument`)
    await page
      .getByLabel('Fil', { exact: true })
      .setInputFiles({ name: 'program.exe', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00') })
    await page.getByRole('button', { name: 'Ladda upp' }).click()
    await page.getByText('Den filtypen tas inte emot.', { exact: false }).waitFor()
    await expectNoAxeViolations(page)
    // Over 10 MB: said at the field before anything is sent.
    await page
      .getByLabel('Fil', { exact: true })
      .setInputFiles({ name: 'stor.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) })
    await page.getByRole('button', { name: 'Ladda upp' }).click()
    await page.getByText('Filen är större än 10 MB.', { exact: false }).waitFor()
    await page
      .getByLabel('Fil', { exact: true })
      .setInputFiles({ name: 'deltagare.txt', mimeType: 'text/plain', buffer: Buffer.from('Deltagare på temadagen\n') })
    await page.getByRole('button', { name: 'Ladda upp' }).click()
    await page.getByRole('status').filter({ hasText: 'Dokumentet är uppladdat.' }).waitFor()
    const download = page.getByRole('link', { name: 'Ladda ned deltagare.txt' })
    const response = await page.request.get(new URL((await download.getAttribute('href'))!, page.url()).toString())
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="deltagare.txt"/)
    expect(response.headers()['x-content-type-options']).toBe('nosniff')
    expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8')
    expect(await response.text()).toBe('Deltagare på temadagen\n')
    await expectNoAxeViolations(page)
  })

  it('the coordinator agrees action items and writes the evaluation', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)

    // Action items: one for each partner organisation; Vårgårda Bostäder's is already overdue.
    await visit(page, `${meetingPath}/atgarder`)
    const addItem = async (itemTitle: string, owner: string, due: string) => {
      const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Lägg till åtgärden' }) })
      await form.getByLabel('Åtgärd', { exact: true }).fill(itemTitle)
      await form.getByLabel('Ansvarig organisation').selectOption({ label: owner })
      await form.getByLabel('Klart senast').fill(due)
      await form.getByRole('button', { name: 'Lägg till åtgärden' }).click()
      await page.getByText('Åtgärden är tillagd.').waitFor()
    }
    await addItem('Se över reservkraften i hyreshusen', demoOrganisations.bostader, '2026-01-15')
    await addItem('Bränslelager för fjärrvärmen', demoOrganisations.solor, '2030-06-30')
    await page.getByText('Försenad').first().waitFor()
    await expectNoAxeViolations(page)
    const edit = await page.getByRole('link', { name: 'Ändra Bränslelager för fjärrvärmen' }).getAttribute('href')
    solorItemId = new URL(edit!, page.url()).searchParams.get('andra')!

    // Evaluation: the coordinator's own account.
    await visit(page, `${meetingPath}/utvardering`)
    await page.getByLabel('Det här fungerade bra').fill('Scenariot engagerade alla.')
    await page.getByLabel('Det här ska vi förbättra').fill('Mer tid för behoven.')
    await page.getByRole('button', { name: 'Spara utvärderingen' }).click()
    await page.getByRole('status').filter({ hasText: 'Utvärderingen är sparad.' }).waitFor()
    await expectNoAxeViolations(page)
  })

  it('a partner, on a phone, finds the overdue item on the start page, moves it along and reads the minutes', async () => {
    const partner = await browser.open({ viewport: phone })
    await signIn(partner, demoUsers.partnerEditor)
    await visit(partner, '/')
    await expectNoSidewaysScroll(partner)
    const openItems = partner.getByRole('region', { name: 'Öppna åtgärder för din organisation' })
    const ownItem = openItems.getByRole('listitem').filter({ hasText: 'Se över reservkraften i hyreshusen' })
    await ownItem.getByText('Klart senast 15 jan. 2026 – Försenad').waitFor()
    expect(await openItems.getByText('Bränslelager för fjärrvärmen').count()).toBe(0)
    await ownItem.getByRole('link', { name: `Från ${title}` }).click()
    await partner.getByRole('heading', { level: 1, name: `Åtgärder – ${title}` }).waitFor()
    await expectNoAxeViolations(partner)
    expect(await partner.getByLabel('Status för Bränslelager för fjärrvärmen').count()).toBe(0)
    expect(await partner.getByRole('button', { name: 'Lägg till åtgärden' }).count()).toBe(0)
    await partner.getByLabel('Status för Se över reservkraften i hyreshusen').selectOption({ label: 'Pågår' })
    await partner.getByRole('button', { name: 'Ändra status' }).click()
    await partner.getByText('Statusen är ändrad.').waitFor()
    await partner
      .getByRole('listitem')
      .filter({ hasText: 'Se över reservkraften i hyreshusen' })
      .getByText('Status: Pågår')
      .waitFor()

    // A post made by hand for the other organisation's item is refused; the same post for their own passes the checks.
    const ownId = (await partner
      .getByLabel('Status för Se över reservkraften i hyreshusen')
      .getAttribute('id'))!.replace('state-', '')
    const postState = (id: string) =>
      partner.request.post(url(`${meetingPath}/atgarder`), {
        form: { intent: 'state', id, version: '999', state: 'done' },
        headers: { Origin: new URL(url('/')).origin },
        maxRedirects: 0,
      })
    expect((await postState(ownId)).status()).toBe(409)
    expect((await postState(solorItemId)).status()).toBe(403)

    // The minutes and attendance, read only.
    await partner
      .getByRole('navigation', { name: 'Under och efter mötet' })
      .getByRole('link', { name: 'Protokoll och närvaro' })
      .click()
    await partner.getByRole('heading', { level: 3, name: 'Beslut' }).waitFor()
    expect(await partner.getByRole('textbox').count()).toBe(0)
    await partner.getByText(`Per Holm – ${demoOrganisations.bostader}`).waitFor()
    await expectNoAxeViolations(partner)
    await expectNoSidewaysScroll(partner)
  })

  it("the other organisation's editor sees only their own organisation's item on the start page", async () => {
    const other = await browser.open({ viewport: phone })
    await signIn(other, demoUsers.otherPartnerEditor)
    await visit(other, '/')
    const openItems = other.getByRole('region', { name: 'Öppna åtgärder för din organisation' })
    const item = openItems.getByRole('listitem').filter({ hasText: 'Bränslelager för fjärrvärmen' })
    await item.getByText('Klart senast 30 juni 2030').waitFor()
    // Not overdue (the demo's own overdue item of Solör's is listed beside it).
    expect(await item.getByText('Försenad').count()).toBe(0)
    expect(await openItems.getByText('Se över reservkraften i hyreshusen').count()).toBe(0)
  })

  it("the partner answers the questionnaire and records their organisation's findings", async () => {
    const partner = await browser.open({ viewport: phone })
    await signIn(partner, demoUsers.partnerEditor)
    await visit(partner, `${meetingPath}/utvardering`)
    await partner.getByText('Utvärderingen är inte delad ännu.', { exact: false }).waitFor()
    for (const [question, rating] of [
      ['Mötet hade tydliga mål.', '5'],
      ['Innehållet var relevant för min organisation.', '4'],
      ['Jag fick möjlighet att bidra och ställa frågor.', '4'],
      ['Det vi gick igenom stärker vår krisberedskap.', '5'],
      ['Upplägg, tider och information före mötet fungerade bra.', '3'],
    ] as const) {
      const group = partner.getByRole('group', { name: question })
      await (rating === '5' ? group.getByLabel('5 – stämmer helt') : group.getByLabel(rating, { exact: true })).check()
    }
    await partner.getByLabel('Kommentar (frivillig)').fill('Bra övning för hyresgästerna.')
    await partner.getByRole('button', { name: 'Skicka svaret' }).click()
    await partner.getByRole('status').filter({ hasText: 'Tack! Ditt svar är sparat.' }).waitFor()
    await expectNoAxeViolations(partner)
    await expectNoSidewaysScroll(partner)

    // The theme day's findings for the partner's own organisation.
    await visit(partner, `${meetingPath}/lardomar`)
    const own = partner.getByRole('region', { name: demoOrganisations.bostader })
    expect(await partner.getByRole('region', { name: demoOrganisations.solor }).count()).toBe(0)
    await own.getByLabel('Konsekvenser för verksamheten').fill('Hissar och fläktar stannar efter fyra timmar.')
    await own.getByLabel('Behov', { exact: true }).fill('Mobila elverk till två trygghetsboenden.')
    await own.getByRole('button', { name: `Spara för ${demoOrganisations.bostader}` }).click()
    await partner
      .getByRole('status')
      .filter({ hasText: `Lärdomarna för ${demoOrganisations.bostader} är sparade.` })
      .waitFor()
    await expectNoAxeViolations(partner)
    await expectNoSidewaysScroll(partner)
  })

  it('the coordinator sees the compiled evaluation, shares it and sends it, and reads every organisation’s findings', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)
    await visit(page, `${meetingPath}/utvardering`)
    const result = page.getByRole('region', { name: 'Sammanställning' })
    await result.getByText('Antal svar: 1').waitFor()
    await result.getByRole('row', { name: /Mötet hade tydliga mål\. 5,0 1/ }).waitFor()
    await result.getByText('Bra övning för hyresgästerna.').waitFor()
    await page.getByRole('button', { name: 'Dela utvärderingen' }).click()
    await page.getByText('Utvärderingen är delad med deltagarna.').waitFor()
    await page.getByRole('button', { name: 'Skicka utvärderingen med e-post' }).click()
    await page.getByText(/Utvärderingen skickades till \d+ mottagare\./).waitFor()
    await expectNoAxeViolations(page)

    await visit(page, `${meetingPath}/lardomar`)
    await page.getByRole('region', { name: demoOrganisations.bostader }).getByLabel('Behov', { exact: true }).waitFor()
    expect(
      await page
        .getByRole('region', { name: demoOrganisations.bostader })
        .getByLabel('Behov', { exact: true })
        .inputValue(),
    ).toBe('Mobila elverk till två trygghetsboenden.')
    await expectNoAxeViolations(page)
  })
})
