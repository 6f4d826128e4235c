import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoOrganisations, demoUsers } from '../support/e2e-constants'
import {
  expectConsoleError,
  expectHttpErrorInConsole,
  expectNoAxeViolations,
  phone,
  setupBrowser,
  signIn,
  unique,
  url,
  visit,
} from '../support/e2e-browser'
import { pickInCombobox } from '../support/e2e-picker'

// Issue 5, the RSA: the coordinator sets up an analysis with two
// organisations, both partners answer for their own organisation, the
// coordinator sees the risk matrix and the seven-part report (which prints
// without the menu), and the partners see the compiled results only once the
// coordinator shares them. The analysis has a name of its own, so the file
// does not depend on what other browser tests leave behind.

const browser = setupBrowser()
const title = unique('RSA-test')

const state: { analysisPath?: string } = {}
function analysisPath(): string {
  if (!state.analysisPath) throw new Error('The analysis is unknown: an earlier test in this file failed')
  return state.analysisPath
}

const protectedValues = [
  'Liv och hälsa',
  'Samhällets funktionalitet',
  'Demokrati, rättssäkerhet och mänskliga fri- och rättigheter',
  'Ekonomiska och materiella värden',
  'Miljö',
]

/** Answers the first event (Elavbrott) for the partner's organisation and marks it as done. */
async function answerPowerCut(
  page: Page,
  answer: { likelihood: string; consequences: string[]; capability: string; gaps: string },
) {
  await visit(page, analysisPath())
  await page.getByRole('heading', { level: 2, name: 'Era svar' }).waitFor()
  await page.getByRole('link', { name: 'Inte påbörjad' }).first().click()
  await page.getByRole('heading', { level: 1, name: 'Elavbrott' }).waitFor()
  await expectNoAxeViolations(page)

  // A field that loses focus is saved as a draft at once.
  await page.getByLabel('Sannolikhet', { exact: true }).selectOption(answer.likelihood)
  await page.getByLabel('Sannolikhet', { exact: true }).press('Tab')
  await page.getByRole('status').filter({ hasText: 'Utkastet är sparat.' }).waitFor()

  // "Markera som klar" with a consequence missing: the error stands at its field, the input stays.
  expectConsoleError(page, /status of 400/)
  await page.getByLabel('Brister i förmågan').fill(answer.gaps)
  await page.getByRole('button', { name: 'Markera som klar' }).click()
  await page.getByText('Fyll i det här innan du markerar svaret som klart.').first().waitFor()
  expect(await page.getByLabel('Brister i förmågan').inputValue()).toBe(answer.gaps)
  await expectNoAxeViolations(page)

  for (const [index, label] of protectedValues.entries()) {
    await page.getByLabel(label, { exact: true }).selectOption(answer.consequences[index]!)
  }
  await page.getByLabel('Förmåga att hantera händelsen').selectOption(answer.capability)
  await Promise.all([
    page.getByRole('status').filter({ hasText: 'Svaret är markerat som klart.' }).waitFor(),
    page.getByRole('button', { name: 'Markera som klar' }).click(),
  ])
  await page.getByText('Svaret är markerat som klart.').waitFor()
  expect(await page.getByLabel('Sannolikhet', { exact: true }).inputValue()).toBe(answer.likelihood)
}

describe('the RSA', () => {
  it('the coordinator sets up an analysis with two organisations', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'RSA', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Risk- och sårbarhetsanalyser' }).waitFor()
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Ny risk- och sårbarhetsanalys' }).click()
    await page.getByRole('heading', { level: 1, name: 'Ny risk- och sårbarhetsanalys' }).waitFor()
    await expectNoAxeViolations(page)

    await page.getByLabel('Namn på analysen').fill(title)
    await page.getByLabel('Mandatperiodens första år').fill('2027')
    await page.getByLabel('Mandatperiodens sista år').fill('2030')
    await pickInCombobox(page, 'Sök organisation att lägga till', demoOrganisations.bostader)
    await pickInCombobox(page, 'Sök organisation att lägga till', demoOrganisations.solor)
    await Promise.all([
      page.waitForURL(/\/rsa\/[0-9a-f-]{36}\/installningar$/),
      page.getByRole('button', { name: 'Skapa analysen' }).click(),
    ])
    state.analysisPath = new URL(page.url()).pathname.replace(/\/installningar$/, '')

    // The settings: defaults in place, an event renamed and one added.
    await page.getByRole('heading', { level: 1, name: 'Inställningar' }).waitFor()
    const participants = page.getByRole('region', { name: 'Deltagande organisationer' })
    await participants.getByRole('button', { name: `Ta bort ${demoOrganisations.bostader}`, exact: true }).waitFor()
    await participants.getByRole('button', { name: `Ta bort ${demoOrganisations.solor}`, exact: true }).waitFor()
    expect(await page.getByLabel('Steg 1: benämning').first().inputValue()).toBe('Mycket låg sannolikhet')
    await expectNoAxeViolations(page)
    const storm = page.getByRole('group', { name: 'Händelse 5: Storm' })
    await storm.getByLabel('Händelse', { exact: true }).fill('Storm med stormfällning')
    await Promise.all([page.getByRole('status').filter({ hasText: 'Händelsen är sparad.' }).waitFor(), storm.getByRole('button', { name: 'Spara Storm' }).click()])
    await page.getByRole('group', { name: 'Händelse 5: Storm med stormfällning' }).waitFor()
    await page.getByRole('heading', { level: 3, name: 'Lägg till en händelse' }).waitFor()
    // The page's title names the analysis from the analysis's layout.
    expect(await page.title()).toBe(`Inställningar: ${title} – Områdesansvarsportalen`)

    await page
      .getByRole('navigation', { name: `Analysen ${title}` })
      .getByRole('link', { name: 'Översikt' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor()
    await page.getByText('Rapporten ska lämnas till länsstyrelsen senast 31 okt. 2027.').waitFor()
    expect(await page.title()).toBe(`${title} – Områdesansvarsportalen`)
    await page.getByRole('table', { name: 'Svar per organisation och händelse' }).waitFor()
    await expectNoAxeViolations(page)
  })

  it('a partner answers for its own organisation and sees no compiled results before they are shared', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.partnerEditor)
    await visit(page, '/rsa')
    await page.getByRole('link', { name: title }).waitFor()
    await answerPowerCut(page, {
      likelihood: '3',
      consequences: ['4', '3', '1', '2', '1'],
      capability: '2',
      gaps: 'Ingen reservkraft i trygghetsboendet.',
    })
    await visit(page, analysisPath())
    await page.getByText('Samordnaren har ännu inte delat sammanställningen med deltagarna.').waitFor()
    expect(await page.getByRole('link', { name: 'Sammanställning' }).count()).toBe(0)
    expectHttpErrorInConsole(page, 403)
    expect((await page.goto(url(`${analysisPath()}/resultat`)))?.status()).toBe(403)
    expect((await page.goto(url(`${analysisPath()}/rapport`)))?.status()).toBe(403)
  })

  it('the answer form saves a draft without JavaScript too', async () => {
    // A page of the file's browser gives the browser; this context is closed here, not by setupBrowser.
    const page = await browser.open()
    const plain = await page
      .context()
      .browser()!
      .newContext({ javaScriptEnabled: false, baseURL: url('/') })
    try {
      const noScript = await plain.newPage()
      // Signed in through the real form; axe needs scripts, so it checked this page with them above.
      await noScript.goto('/logga-in')
      await noScript.getByLabel('E-postadress', { exact: true }).fill(demoUsers.partnerEditor)
      await noScript.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
      await Promise.all([
        noScript.waitForURL((address) => address.pathname !== '/logga-in'),
        noScript.getByRole('button', { name: 'Logga in', exact: true }).click(),
      ])
      await noScript.goto(analysisPath())
      await noScript.getByRole('link', { name: /Störning i dricksvattenförsörjningen/ }).click()
      await noScript.getByRole('heading', { level: 1, name: 'Störning i dricksvattenförsörjningen' }).waitFor()
      await noScript.getByLabel('Sannolikhet', { exact: true }).selectOption('2')
      await noScript.getByLabel('Sårbarheter').fill('Tryckstegringen saknar reservkraft.')
      await Promise.all([
        noScript.getByRole('status').filter({ hasText: 'Utkastet är sparat.' }).waitFor(),
        noScript.getByRole('button', { name: 'Spara utkast' }).click(),
      ])
      await noScript.getByText('Utkastet är sparat.').waitFor()
      expect(await noScript.getByLabel('Sårbarheter').inputValue()).toBe('Tryckstegringen saknar reservkraft.')
    } finally {
      await plain.close()
    }
  })

  it('the other partner answers on a phone and sees only its own organisation', async () => {
    const mobile = await browser.open({ viewport: phone })
    await signIn(mobile, demoUsers.otherPartnerEditor)
    await answerPowerCut(mobile, {
      likelihood: '5',
      consequences: ['2', '2', '1', '1', '1'],
      capability: '4',
      gaps: 'Flisen tar slut efter tre dygn.',
    })
    const width = await mobile.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(phone.width)
    // Its own answers only: the other organisation's row is not there.
    await visit(mobile, analysisPath())
    expect(await mobile.getByRole('rowheader', { name: demoOrganisations.bostader }).count()).toBe(0)
    await mobile.getByRole('rowheader', { name: demoOrganisations.solor }).waitFor()
  })

  it('the coordinator sees who answered, the risk matrix and the seven-part report, which prints without the menu', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)
    await visit(page, analysisPath())
    const progress = page.getByRole('table', { name: 'Svar per organisation och händelse' })
    expect(
      await progress
        .getByRole('row', { name: new RegExp(demoOrganisations.bostader) })
        .getByRole('cell')
        .first()
        .innerText(),
    ).toBe('1 av 9')
    expect(
      await progress
        .getByRole('row', { name: new RegExp(demoOrganisations.solor) })
        .getByRole('cell')
        .first()
        .innerText(),
    ).toBe('1 av 9')

    await visit(page, `${analysisPath()}/svar`)
    await page.getByText('Flisen tar slut efter tre dygn.').waitFor()

    await visit(page, `${analysisPath()}/resultat`)
    // Likelihood 3 and 5: median 4. Highest consequences 4 and 2: median 3.
    const matrix = page.getByRole('table', { name: 'Riskmatris: konsekvens (rader) mot sannolikhet (kolumner)' })
    const cell = matrix
      .getByRole('row', { name: /^3 – Allvarliga konsekvenser/ })
      .getByRole('cell')
      .nth(3)
    expect(await cell.innerText()).toContain('Elavbrott')
    expect(await cell.innerText()).toContain('(S 3–5, K 2–4)')
    const list = page.getByRole('table', { name: 'Händelserna med median och spridning' })
    const row = list.getByRole('row', { name: /^Elavbrott/ })
    expect(await row.getByRole('cell').nth(0).innerText()).toBe('Median 4, spridning 3–5 (2 svar)')
    expect(await row.getByRole('cell').nth(1).innerText()).toBe('Median 3, spridning 2–4 (2 svar)')
    const capability = page.getByRole('table', { name: 'Förmåga per händelse (rader) och organisation (kolumner)' })
    await capability.getByRole('cell', { name: '4 – Mycket bristfällig eller ingen förmåga' }).waitFor()
    await page.getByText('Ingen reservkraft i trygghetsboendet.').waitFor()

    // The report text, then the report.
    await visit(page, `${analysisPath()}/berattelse`)
    await page.getByLabel('1. Kommunen och dess geografiska område').fill('Vårgårda kommun har cirka 12 000 invånare.')
    await Promise.all([
      page.waitForURL(/\/rapport$/),
      page.getByRole('button', { name: 'Spara rapporttexten' }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: `Risk- och sårbarhetsanalys: ${title}` }).waitFor()
    await expectNoAxeViolations(page)
    const parts = await page.locator('.rsa-report__part > h2').allInnerTexts()
    expect(parts).toEqual([
      '1. Kommunen och dess geografiska område',
      '2. Arbetsprocess och metod',
      '3. Identifierad samhällsviktig verksamhet',
      '4. Identifierade kritiska beroenden',
      '5. Identifierade och analyserade risker',
      '6. Sårbarheter och brister i krisberedskapen',
      '7. Behov av åtgärder',
    ])
    await page.getByText('Vårgårda kommun har cirka 12 000 invånare.').waitFor()
    await page.getByText('Ska lämnas till länsstyrelsen senast 31 okt. 2027 (MSBFS 2015:5).').waitFor()
    const missing = page.getByRole('region', { name: 'Det här saknas' })
    await missing.getByText(`${demoOrganisations.bostader} har markerat 1 av 9 svar som klara.`).waitFor()
    await missing.getByText('Del 2. Arbetsprocess och metod saknar text.').waitFor()
    expect(await missing.getByText('Del 1.').count()).toBe(0)

    // The same report as a PDF file for the county board.
    const pdfLink = page.getByRole('link', { name: 'Ladda ned som PDF' })
    const pdf = await page.request.get(url((await pdfLink.getAttribute('href'))!))
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')

    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false)
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true)
    const breaks = await page
      .locator('.rsa-report__part')
      .evaluateAll((sections) => sections.map((section) => getComputedStyle(section).breakBefore))
    expect(breaks).toEqual(Array(7).fill('page'))
    await page.emulateMedia({ media: 'screen' })
  })

  it('the coordinator keeps the action plan and follows it up', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)
    await visit(page, `${analysisPath()}/atgarder`)
    await page.getByLabel('Åtgärd', { exact: true }).fill('Reservkraft till trygghetsboendet')
    await page.getByLabel('Ansvarig organisation').selectOption({ label: demoOrganisations.bostader })
    await page.getByLabel('Händelse som åtgärden gäller').selectOption({ label: 'Elavbrott' })
    await page.getByLabel('Klart senast').fill('2020-06-30')
    await page.getByLabel('Kostnad (kronor)').fill('150 000')
    await Promise.all([
      page.getByRole('status').filter({ hasText: 'Åtgärden är tillagd.' }).waitFor(),
      page.getByRole('button', { name: 'Lägg till åtgärden' }).click(),
    ])
    await page.getByText('1 åtgärder, 0 % klara, 1 försenade.').waitFor()
    await page
      .getByRole('row', { name: /Reservkraft till trygghetsboendet/ })
      .getByText('Försenad')
      .waitFor()
    await expectNoAxeViolations(page)

    await page.getByRole('link', { name: 'Reservkraft till trygghetsboendet' }).click()
    await page.getByRole('heading', { level: 1, name: 'Ändra åtgärden Reservkraft till trygghetsboendet' }).waitFor()
    await expectNoAxeViolations(page)
    await page.getByLabel('Status').selectOption({ label: 'Pågår' })
    await Promise.all([
      page.waitForURL(/\/atgarder$/),
      page.getByRole('button', { name: 'Spara', exact: true }).click(),
    ])

    await page.getByLabel('År', { exact: true }).fill('2028')
    await page.getByLabel('Kommentar').fill('Elverket är beställt.')
    await Promise.all([
      page.getByRole('status').filter({ hasText: 'Uppföljningen är sparad.' }).waitFor(),
      page.getByRole('button', { name: 'Spara uppföljningen' }).click(),
    ])
    await page.getByRole('link', { name: 'Uppföljning 2028' }).click()
    await page.getByRole('heading', { level: 1, name: `Uppföljning 2028 av handlingsplanen: ${title}` }).waitFor()
    await page
      .getByRole('row', { name: /Reservkraft till trygghetsboendet/ })
      .getByText('Pågår')
      .waitFor()
    await expectNoAxeViolations(page)
  })

  it('the partners see the compiled results once the coordinator shares them', async () => {
    const coordinator = await browser.open()
    await signIn(coordinator, demoUsers.coordinator)
    await visit(coordinator, analysisPath())
    await Promise.all([
      coordinator.getByRole('status').filter({ hasText: 'Sammanställningen är nu delad med deltagarna.' }).waitFor(),
      coordinator.getByRole('button', { name: 'Dela sammanställningen' }).click(),
    ])
    await coordinator.getByText('Sammanställningen är nu delad med deltagarna.').waitFor()
    await coordinator.getByRole('button', { name: 'Sluta dela' }).waitFor()

    const partner = await browser.open()
    await signIn(partner, demoUsers.partnerEditor)
    await visit(partner, analysisPath())
    await partner
      .getByRole('navigation', { name: `Analysen ${title}` })
      .getByRole('link', { name: 'Sammanställning' })
      .click()
    await partner.getByRole('heading', { level: 1, name: 'Sammanställning' }).waitFor()
    await partner
      .getByRole('table', { name: 'Riskmatris: konsekvens (rader) mot sannolikhet (kolumner)' })
      .getByText('Elavbrott')
      .waitFor()
    await expectNoAxeViolations(partner)
    await visit(partner, `${analysisPath()}/rapport`)
    await visit(partner, `${analysisPath()}/atgarder`)
    expect(await partner.getByRole('button', { name: 'Lägg till åtgärden' }).count()).toBe(0)
  })
})
