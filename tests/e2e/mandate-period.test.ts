import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import { pickInCombobox } from '../support/e2e-picker'
import { expectNoAxeViolations, setupBrowser, signIn, unique, visit } from '../support/e2e-browser'
import { pdfPages } from '../support/pdf-text'

const browser = setupBrowser()

/** The first year of the mandate period running today (2023, 2027, …), as the demo makes it. */
const thisYear = new Date().getFullYear()
const runningStart = 2023 + 4 * Math.floor((thisYear - 2023) / 4)
/** The next period, the one a coordinator prepares now (2027–2030 in December 2026). */
const nextStart = runningStart + 4
const nextPeriod = `${nextStart}–${nextStart + 3}`

/** A small, real PDF (one empty page). */
const adoptedPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

/** The coordinator convenes a meeting of a kind on a day through the meeting form; returns its path. */
async function convene(page: Page, kind: string, title: string, date: string): Promise<string> {
  await visit(page, '/moten/ny', { axe: false })
  await page.getByLabel('Typ av möte').selectOption({ label: kind })
  await page.getByLabel('Rubrik', { exact: true }).fill(title)
  await page.getByLabel('Datum', { exact: true }).fill(date)
  await page.getByLabel('Börjar kl.').fill('09:00')
  await page.getByLabel('Slutar kl.').fill('12:00')
  await page.getByLabel('Plats', { exact: true }).fill('Kommunhuset, Vårgårda')
  await pickInCombobox(page, 'Sök organisation att lägga till', demoOrganisations.bostader)
  await Promise.all([
    page.waitForURL((address) => /^\/moten\/[0-9a-f-]{36}$/.test(address.pathname)),
    page.getByRole('button', { name: 'Spara och skicka inbjudan' }).click(),
  ])
  return new URL(page.url()).pathname
}

/** The period whose list row names these years; returns its path. */
async function openPeriod(page: Page, years: string): Promise<string> {
  await visit(page, '/mandatperiod')
  await Promise.all([
    page.waitForURL((address) => /^\/mandatperiod\/[0-9a-f-]{36}$/.test(address.pathname)),
    page
      .getByRole('link', { name: new RegExp(years) })
      .first()
      .click(),
  ])
  return new URL(page.url()).pathname
}

describe('the mandate period', () => {
  it('the coordinator opens the next period pre-filled, adopts the steering document with its PDF, sees the RSA from the RSA pages, prints the overview and reads the grant report', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)

    // A new period: filled with the source document's deliverables.
    await visit(page, '/mandatperiod/ny')
    await page.getByLabel('Första år', { exact: true }).fill(String(nextStart))
    await page.getByLabel('Sista år', { exact: true }).fill(String(nextStart + 3))
    await Promise.all([
      page.waitForURL((address) => /^\/mandatperiod\/[0-9a-f-]{36}$/.test(address.pathname)),
      page.getByRole('button', { name: 'Skapa mandatperiod' }).click(),
    ])
    const periodPath = new URL(page.url()).pathname
    await page.getByRole('heading', { level: 1, name: `Mandatperiod ${nextPeriod}` }).waitFor()
    const rsaRow = page.getByRole('row', { name: new RegExp(`Risk- och sårbarhetsanalys ${nextPeriod}`) })
    await rsaRow.getByText(`${nextStart}-10-31`).waitFor()
    // Its state is the RSA pages' (other browser tests may have started an RSA for the same first year).
    await rsaRow
      .getByText(
        /^(Ingen analys för periodens första år är påbörjad på RSA-sidorna\.|Pågår: \d+ av \d+ bedömningar inlämnade|Sammanställd och delad .+)$/,
      )
      .waitFor()
    for (const title of [
      `Styrdokument för krisberedskap ${nextPeriod}`,
      'Krisledningsnämndens reglemente',
      'Plan för hantering av extraordinära händelser',
      `Utbildnings- och övningsplan ${nextPeriod}`,
      'Kriskommunikationsplan',
      `Redovisning av statlig ersättning ${nextStart}`,
      'Länsstyrelsens uppföljningsbesök',
    ]) {
      await page.getByRole('link', { name: title }).first().waitFor()
    }
    await expectNoAxeViolations(page)

    // The steering document: adopted by the council, with its decision and the adopted PDF.
    await page.getByRole('link', { name: `Styrdokument för krisberedskap ${nextPeriod}` }).click()
    await page.getByLabel('Status', { exact: true }).waitFor()
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Antagen/skickad' })
    await page.getByLabel('Antagen av', { exact: true }).fill('kommunfullmäktige')
    await page.getByLabel('Antagen den', { exact: true }).fill(`${nextStart}-03-14`)
    await page.getByLabel('Beslutsparagraf', { exact: true }).fill('§ 23')
    await page.getByRole('button', { name: 'Spara', exact: true }).click()
    await page.getByText('Ändringarna är sparade.').waitFor()
    await page
      .getByLabel('Bifoga ett dokument', { exact: true })
      .setInputFiles({ name: 'styrdokument.pdf', mimeType: 'application/pdf', buffer: adoptedPdf })
    await page.getByRole('button', { name: 'Ladda upp' }).click()
    await page.getByRole('link', { name: /styrdokument\.pdf/ }).waitFor()
    await expectNoAxeViolations(page)

    await visit(page, periodPath)
    const steering = page.getByRole('row', { name: new RegExp(`Styrdokument för krisberedskap ${nextPeriod}`) })
    await steering.getByText('Antagen/skickad').waitFor()
    await steering.getByText(/kommunfullmäktige/).waitFor()
    await steering.getByText(/§ 23/).waitFor()

    // The RSA's row has no state of its own to type: it is read from the RSA pages.
    await page.getByRole('link', { name: `Risk- och sårbarhetsanalys ${nextPeriod} till länsstyrelsen` }).click()
    await page
      .getByText('Statusen läses från RSA-sidorna: analysen och dess uppföljningar. Den skrivs inte in här.')
      .waitFor()
    expect(await page.getByLabel('Status', { exact: true }).count()).toBe(0)
    await expectNoAxeViolations(page)

    // The overview for Länsstyrelsen's follow-up visit prints on A4.
    await visit(page, `${periodPath}/utskrift`)
    await page.emulateMedia({ media: 'print' })
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true)
    const printed = await pdfPages(await page.pdf({ format: 'A4', printBackground: true }))
    expect(printed.length).toBeGreaterThanOrEqual(1)
    expect(printed.length).toBeLessThanOrEqual(4)
    const text = printed.join('\n')
    expect(text).toContain(`Styrdokument för krisberedskap ${nextPeriod}`)
    expect(text).toContain('§ 23')
    // Printed whole: no word broken in its middle in the narrow columns.
    expect(text).toContain('styrdokument.pdf')
    expect(text).toContain('Antagen/skickad')
    expect(text).toContain('kommunfullmäktige')
    await page.emulateMedia({ media: 'screen' })

    // The grant report lists the year's theme day and exercise by itself.
    const themeDay = unique('Temadag dricksvatten')
    const exercise = unique('Övning elavbrott')
    await convene(page, 'Temadag', themeDay, `${nextStart}-04-20`)
    await convene(page, 'Övning', exercise, `${nextStart}-05-18`)
    await visit(page, `${periodPath}/ersattning/${nextStart}`)
    await page.getByRole('heading', { name: `Redovisning av statlig ersättning ${nextStart}` }).waitFor()
    await page
      .getByRole('table', { name: `Utbildning ${nextStart}` })
      .getByRole('row', { name: new RegExp(themeDay) })
      .waitFor()
    await page
      .getByRole('table', { name: `Övning ${nextStart}` })
      .getByRole('row', { name: new RegExp(exercise) })
      .waitFor()
    await expectNoAxeViolations(page)
    const csv = await page.request.get(new URL(`${periodPath}/ersattning/${nextStart}.csv`, page.url()).toString())
    expect(csv.status()).toBe(200)
    expect(await csv.text()).toContain(themeDay)
  }, 180_000)

  it('an exercise tagged for the central crisis management and evaluated moves its goal; an untrained duty officer is a gap', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)
    const periodPath = await openPeriod(page, `${runningStart}–${runningStart + 3}`)

    await visit(page, `${periodPath}/ovningsplan`)
    const goal = page.getByRole('row', { name: /Två övningar för den centrala krisledningen/ })
    await goal.getByText('1 av 2 utvärderade övningar').waitFor()
    // The demo's TiB who has never taken part in a training for the role.
    await page
      .getByRole('table', { name: 'Luckor i utbildningen, per person och målgrupp' })
      .getByRole('row', { name: /Jonas Berg.*aldrig utbildad i rollen/ })
      .waitFor()

    // A staff exercise held ten days ago, within the running period.
    const held = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10)
    const title = unique('Stabsövning central krisledning')
    const meetingPath = await convene(page, 'Övning', title, held)
    const meetingId = meetingPath.split('/').pop()!

    await visit(page, `${periodPath}/ovningsplan/ovningar/${meetingId}`)
    await page
      .getByRole('group', { name: 'Målgrupper som övningen tränar' })
      .getByLabel('Central krisledning', { exact: true })
      .check()
    await page
      .getByRole('group', { name: 'Mål som övningen bidrar till' })
      .getByLabel(/Två övningar för den centrala krisledningen/)
      .check()
    await page.getByRole('button', { name: 'Spara målgrupper och mål' }).click()
    await page.getByRole('button', { name: 'Spara närvaron' }).waitFor()
    await expectNoAxeViolations(page)

    // Not evaluated yet: the goal still counts one.
    await visit(page, `${periodPath}/ovningsplan`)
    await page
      .getByRole('row', { name: /Två övningar för den centrala krisledningen/ })
      .getByText('1 av 2 utvärderade övningar')
      .waitFor()

    await visit(page, `${meetingPath}/utvardering`)
    await page.getByLabel('Det här fungerade bra').fill('Stabsorienteringen kom i gång på 20 minuter.')
    await page.getByLabel('Det här ska vi förbättra').fill('Loggföringen från första timmen.')
    await page.getByRole('button', { name: 'Spara utvärderingen' }).click()
    await page.getByText('Utvärderingen är sparad.').waitFor()
    await page.getByRole('button', { name: 'Dela utvärderingen' }).click()
    await page.getByText('Utvärderingen är delad med deltagarna.').waitFor()

    await visit(page, `${periodPath}/ovningsplan`)
    await page
      .getByRole('row', { name: /Två övningar för den centrala krisledningen/ })
      .getByText('2 av 2 utvärderade övningar')
      .waitFor()
  }, 180_000)
})
