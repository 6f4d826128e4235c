import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import {
  answerTiles,
  baseUrl,
  expectNoAxeViolations,
  setupBrowser,
  signIn,
  unique,
  visit,
} from '../support/e2e-browser'
import { waitForMail } from '../support/e2e-mailbox'
import { pickInCombobox } from '../support/e2e-picker'
import { pdfPages } from '../support/pdf-text'

const browser = setupBrowser()

const dutyOfficer = 'tomas.falk@example.org'
const areaNetwork = 'Geografiskt områdesansvar Vårgårda'
const districtHeating = 'Fjärrvärmeproduktion'
const headings = ['Händelseutveckling', 'Tillstånd', 'Förväntad utveckling', 'Vidtagna och planerade åtgärder']
const statements = [
  'Larmning och uppstart fungerade.',
  'Vi hade en gemensam lägesbild.',
  'Samordningen mellan aktörerna fungerade.',
  'Informationen till allmänheten var samordnad.',
  'Vår organisations roll och uppgifter var tydliga.',
]

async function declareExercise(lead: Page, title: string): Promise<string> {
  await visit(lead, '/handelser/ny', { axe: false })
  await lead.getByLabel('Rubrik', { exact: true }).fill(title)
  await lead.getByRole('radio', { name: 'Övning' }).check()
  const network = lead.getByLabel('Nätverk', { exact: true })
  await network.selectOption((await network.locator('option').filter({ hasText: areaNetwork }).getAttribute('value'))!)
  await Promise.all([
    lead.waitForURL(/\/handelser\/[0-9a-f-]{36}$/),
    lead.getByRole('button', { name: 'Upprätta händelsen' }).click(),
  ])
  return new URL(lead.url()).pathname
}

async function reportHeating(page: Page, eventPath: string, status: string, hoursLeft?: string): Promise<void> {
  await visit(page, `${eventPath}/rapportera`)
  const heating = page.getByRole('group', { name: districtHeating })
  await heating.getByRole('radio', { name: status }).check()
  if (hoursLeft) await heating.getByLabel('Timmar kvar på reserv').fill(hoursLeft)
  await page.getByRole('button', { name: 'Skicka lägesrapport' }).click()
  await page.getByText(/Lägesrapporten sparades/).waitFor()
}

async function answerEvaluation(page: Page, eventPath: string, worked: string): Promise<void> {
  await visit(page, `${eventPath}/utvardering`)
  for (const statement of statements) {
    await page.getByRole('group', { name: statement }).getByLabel('4', { exact: true }).check()
  }
  await page.getByLabel('Det här fungerade', { exact: true }).fill(worked)
  await page.getByRole('button', { name: 'Spara svaret' }).click()
  await page.getByText('Svaret är sparat.').waitFor()
  await expectNoAxeViolations(page)
}

describe('after the first hours of an exercise', () => {
  it('freezes two situation reports with what changed, sends one, and evaluates the exercise once it ends', async () => {
    const title = `Storm Vårgårda ${unique('e2e')}`
    const lead = await browser.open()
    await answerTiles(lead)
    await signIn(lead, dutyOfficer)
    const eventPath = await declareExercise(lead, title)

    const solor = await browser.open()
    await signIn(solor, demoUsers.otherPartnerEditor)
    await reportHeating(solor, eventPath, 'På reserv', '10')

    // Lägesrapport 1: the four statutory headings, pre-filled from the event.
    await visit(lead, `${eventPath}/lagesrapporter`)
    await lead.getByRole('heading', { name: 'Utkast till lägesrapport 1' }).waitFor()
    expect(await lead.getByLabel('Tillstånd', { exact: true }).inputValue()).toContain(districtHeating)
    for (const heading of headings) await lead.getByLabel(heading, { exact: true }).waitFor()
    await Promise.all([
      lead.waitForURL(/\/lagesrapporter\/1$/),
      lead.getByRole('button', { name: 'Fastställ lägesrapport 1' }).click(),
    ])
    await lead.getByRole('heading', { name: 'Lägesrapport 1', exact: true }).waitFor()
    await expectNoAxeViolations(lead)

    // A status changes; Lägesrapport 2 says what changed since 1.
    await reportHeating(solor, eventPath, 'Utslagen')
    await visit(lead, `${eventPath}/lagesrapporter`)
    await lead.getByRole('button', { name: 'Fyll i från händelsen' }).click()
    await lead.getByText('Utkastet är ifyllt från händelsen.').waitFor()
    await Promise.all([
      lead.waitForURL(/\/lagesrapporter\/2$/),
      lead.getByRole('button', { name: 'Fastställ lägesrapport 2' }).click(),
    ])
    await lead.getByRole('heading', { name: 'Ändrat sedan lägesrapport 1' }).waitFor()
    await lead.getByText(/^Tillagt:/).first().waitFor()
    const reportPath = new URL(lead.url()).pathname
    const pdf = await lead.request.get(`${reportPath}.pdf`)
    expect(pdf.status()).toBe(200)
    const pdfText = (await pdfPages(await pdf.body())).join(' ')
    for (const heading of headings) expect(pdfText).toContain(heading)
    expect(pdfText).toContain('ÖVNING')
    const text = await (await lead.request.get(`${reportPath}.txt`)).text()
    for (const heading of headings) expect(text).toContain(heading.toUpperCase())

    // Sent to Länsstyrelsen and the actors' functional addresses.
    await lead.getByRole('button', { name: 'Skicka till Länsstyrelsen och aktörerna' }).click()
    await lead.getByText(/^Lägesrapporten är skickad till \d+ mottagare\.$/).waitFor()
    const mail = await waitForMail(baseUrl(), (message) => message.subject === `ÖVNING – Lägesrapport 2: ${title}`)
    expect(mail.text).toContain('FÖRVÄNTAD UTVECKLING')

    // A partner reads the frozen reports, not the draft.
    const bostader = await browser.open()
    await signIn(bostader, demoUsers.partnerEditor)
    await visit(bostader, `${eventPath}/lagesrapporter`)
    await bostader.getByRole('link', { name: 'Lägesrapport 2' }).waitFor()
    expect(await bostader.getByRole('heading', { name: /^Utkast till lägesrapport/ }).count()).toBe(0)

    // The end, then the evaluation: two organisations answer for themselves, a finding, the shared report.
    await visit(lead, `${eventPath}/ledning`)
    await lead.getByLabel('Ja, avsluta händelsen nu').check()
    await lead.getByRole('button', { name: 'Avsluta händelsen', exact: true }).click()
    await lead.getByText('Händelsen är avslutad.').first().waitFor()
    await visit(lead, `${eventPath}/utvardering`)
    await lead.getByRole('button', { name: 'Öppna utvärderingen' }).click()
    await lead.getByText('Utvärderingen är öppnad.').waitFor()
    await answerEvaluation(solor, eventPath, 'Reservkraften startade direkt.')
    await answerEvaluation(bostader, eventPath, 'Vi fick veta i tid att värmen skulle gå ner.')
    await visit(lead, `${eventPath}/utvardering`)
    await lead.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Solör Bioenergi i Vårgårda AB' })
    await lead.getByLabel('Iakttagelse', { exact: true }).fill('Dieseln till Čuonjávvi-verket räckte bara ett dygn.')
    await lead.getByRole('button', { name: 'Lägg till iakttagelsen' }).click()
    await lead.getByText('Iakttagelsen är sparad.').waitFor()
    // The finding becomes a measure in the current RSA's action plan, with an owner.
    const coordinator = await browser.open()
    await signIn(coordinator, demoUsers.coordinator)
    await visit(coordinator, '/rsa/ny', { axe: false })
    const analysis = `RSA ${unique('e2e')}`
    await coordinator.getByLabel('Namn på analysen').fill(analysis)
    await coordinator.getByLabel('Mandatperiodens första år').fill('2027')
    await coordinator.getByLabel('Mandatperiodens sista år').fill('2030')
    await pickInCombobox(coordinator, 'Sök organisation att lägga till', demoOrganisations.solor)
    await Promise.all([
      coordinator.waitForURL(/\/rsa\/[0-9a-f-]{36}\/installningar$/),
      coordinator.getByRole('button', { name: 'Skapa analysen' }).click(),
    ])
    await visit(lead, `${eventPath}/utvardering`)
    await lead.getByText('Gör till åtgärd i RSA').first().click()
    await lead.getByLabel('Åtgärdens rubrik').fill('Diesel för tre dygn vid fjärrvärmeverket')
    await lead.getByLabel('Ansvarig organisation').selectOption({ label: demoOrganisations.solor })
    await lead.getByRole('button', { name: 'Skapa åtgärden' }).click()
    await lead.getByText('Åtgärden är skapad i RSA:ns handlingsplan.').waitFor()
    // The measure's page is the RSA's manager's: the duty officer sees its title, the coordinator opens it.
    expect(await lead.getByRole('link', { name: 'Diesel för tre dygn vid fjärrvärmeverket' }).count()).toBe(0)
    await visit(coordinator, `${eventPath}/utvardering`)
    await coordinator.getByRole('link', { name: 'Diesel för tre dygn vid fjärrvärmeverket' }).click()
    await coordinator.waitForURL(/\/rsa\/[0-9a-f-]{36}\/atgarder\/[0-9a-f-]{36}$/)
    await coordinator.getByRole('heading', { name: /Diesel för tre dygn vid fjärrvärmeverket/ }).first().waitFor()
    expect(await coordinator.getByLabel('Ansvarig organisation').locator('option:checked').textContent()).toBe(
      demoOrganisations.solor,
    )
    await lead.getByRole('button', { name: 'Dela med de deltagande organisationerna' }).click()
    await lead.getByText('Rapporten är delad med de deltagande organisationerna.').waitFor()
    await expectNoAxeViolations(lead)
    const evaluation = await lead.request.get(`${eventPath}/utvardering.pdf`)
    expect(evaluation.status()).toBe(200)
    const evaluationText = (await pdfPages(await evaluation.body())).join(' ')
    expect(evaluationText).toContain('Čuonjávvi')
    expect(evaluationText).toContain('Reservkraften startade direkt.')
    await visit(bostader, `${eventPath}/utvardering`)
    await bostader.getByText('Dieseln till Čuonjávvi-verket räckte bara ett dygn.').waitFor()
    // One long story across five browsers: more than the suite's 60 s on a loaded machine.
  }, 180_000)
})
