import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import {
  answerTiles,
  baseUrl,
  expectHttpErrorInConsole,
  expectNoAxeViolations,
  phone,
  setupBrowser,
  signIn,
  unique,
  visit,
} from '../support/e2e-browser'
import { linkIn, waitForMail } from '../support/e2e-mailbox'
import { pdfPages } from '../support/pdf-text'

const browser = setupBrowser()

const dutyOfficer = 'tomas.falk@example.org'
const otherNetworkEditor = 'anna.lind@example.org'
const areaNetwork = 'Geografiskt områdesansvar Vårgårda'
const districtHeating = 'Fjärrvärmeproduktion'

/** A form post from inside the page, as a forged request from the signed-in user's own browser would be. */
async function postFromPage(page: Page, path: string, fields: Record<string, string>): Promise<number> {
  return page.evaluate(
    async ({ path, fields }) => {
      const response = await fetch(path, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' })
      return response.status
    },
    { path, fields },
  )
}

describe('the event room', () => {
  it('runs an exercise from declaring it to a correction in the log, live and by link', async () => {
    const title = `Elavbrott Vårgårda ${unique('e2e')}`

    // The duty officer declares the exercise and calls in the area network.
    const lead = await browser.open()
    await answerTiles(lead)
    await signIn(lead, dutyOfficer)
    await visit(lead, '/handelser')
    await lead.getByRole('link', { name: 'Upprätta händelse' }).click()
    await lead.getByRole('heading', { level: 1, name: 'Upprätta händelse' }).waitFor()
    await expectNoAxeViolations(lead)
    await lead.getByLabel('Rubrik', { exact: true }).fill(title)
    await lead.getByRole('radio', { name: 'Övning' }).check()
    await lead.getByLabel('Nivå', { exact: true }).selectOption({ label: 'Stabsläge' })
    const network = lead.getByLabel('Nätverk', { exact: true })
    const networkOption = network.locator('option').filter({ hasText: areaNetwork })
    await network.selectOption((await networkOption.getAttribute('value'))!)
    await Promise.all([
      lead.waitForURL(/\/handelser\/[0-9a-f-]{36}$/),
      lead.getByRole('button', { name: 'Upprätta händelsen' }).click(),
    ])
    const eventPath = new URL(lead.url()).pathname
    await lead.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor()
    await lead.getByText('ÖVNING – detta är en övning, inte en verklig händelse.').waitFor()
    await expectNoAxeViolations(lead)

    // The call-out: one mail per ISK / 24/7 address and editor, each with its organisation's status link.
    await visit(lead, `${eventPath}/utlarmning`)
    await lead.getByRole('button', { name: /^Larma ut \d+ organisationer nu \(ÖVNING\)$/ }).click()
    await lead.getByText(/^Utlarmningen gick ut till \d+ organisationer/).waitFor()
    await expectNoAxeViolations(lead)
    const mail = await waitForMail(
      baseUrl(),
      (message) => message.to.includes(demoUsers.otherPartnerEditor) && message.subject.includes(title),
    )
    expect(mail.subject).toMatch(/^ÖVNING – /)
    const statusLink = linkIn(mail, '/lagesrapport/')

    // The call list prints on one A4 page, marked as an exercise, with its numbers.
    const printed = await pdfPages(await lead.pdf({ format: 'A4', printBackground: true }))
    expect(printed).toHaveLength(1)
    expect(printed[0]).toContain('ÖVNING')
    expect(printed[0]).toMatch(/\d{2,4}-\d{2,3} \d{2} \d{2}/)

    // The coordinator keeps the overview open; it must update by itself.
    const coordinator = await browser.open()
    await answerTiles(coordinator)
    await signIn(coordinator, demoUsers.coordinator)
    await visit(coordinator, eventPath)
    const heatingRow = coordinator.getByRole('row', { name: new RegExp(districtHeating) })
    await coordinator.getByText(/Uppdateras automatiskt/).waitFor()

    // Solör's editor reports from a phone through the link, without signing in.
    const solor = await browser.open({ viewport: phone })
    await visit(solor, statusLink)
    await solor.getByText(/ÖVNING – detta är en övning/).waitFor()
    const heating = solor.getByRole('group', { name: districtHeating })
    await heating.getByRole('radio', { name: 'På reserv' }).check()
    await heating.getByLabel('Timmar kvar på reserv').fill('10')
    await solor.getByRole('button', { name: 'Skicka lägesrapport' }).click()
    await solor.getByText(/Lägesrapporten sparades/).waitFor()
    expect(await solor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width)
    await expectNoAxeViolations(solor)

    // No reload: the open overview shows the report, and what fails next because of it.
    await heatingRow.filter({ hasText: 'På reserv' }).waitFor({ timeout: 15_000 })
    const next = coordinator.getByRole('region', { name: 'Härnäst' })
    await next.getByText(/reserven slut om (9|10) h/).waitFor({ timeout: 15_000 })
    await expectNoAxeViolations(coordinator)
    // A taking-part editor reports through the portal too.
    const bostader = await browser.open()
    await signIn(bostader, demoUsers.partnerEditor)
    await visit(bostader, `${eventPath}/rapportera`)
    await bostader.getByRole('button', { name: 'Skicka lägesrapport' }).waitFor()
    await visit(coordinator, `${eventPath}/prognos`)
    await coordinator.getByText(/Värme och varmvatten i hyresbostäderna/).first().waitFor()

    // A decision, and a correction of it that is a new entry.
    await visit(lead, `${eventPath}/logg`)
    await lead.getByLabel('Typ av post').selectOption({ label: 'Beslut' })
    await lead.getByLabel('Text', { exact: true }).fill('Reservkraft prioriteras till fjärrvärmeverket.')
    await lead.getByLabel('Beslutat av').fill('Krisledningsnämndens ordförande')
    await lead.getByLabel('Mandat').fill('Reglemente för krisledningsnämnden § 4')
    await lead.getByRole('button', { name: 'Skriv i loggen' }).click()
    const decision = lead.locator('li[id^="post-"]').filter({ hasText: 'Reservkraft prioriteras till fjärrvärmeverket.' })
    await decision.waitFor()
    const decisionId = (await decision.getAttribute('id'))!.replace('post-', '')
    await decision.getByRole('link', { name: /^Rätta post \d+$/ }).click()
    const correction = lead.getByRole('form', { name: /^Rätta post \d+$/ })
    await correction.getByLabel('Text', { exact: true }).fill('Reservkraft prioriteras till fjärrvärmeverket och vattenverket.')
    await correction.getByRole('button', { name: 'Spara rättelsen' }).click()
    await lead.locator(`#post-${decisionId}`).getByText(/Rättad/).waitFor()
    await lead.locator('li[id^="post-"]').filter({ hasText: 'och vattenverket.' }).getByText(/Rättar/).waitFor()
    await expectNoAxeViolations(lead)

    // A forged edit or delete is refused, and the entry stays as it was.
    expectHttpErrorInConsole(lead, 400)
    for (const intent of ['edit', 'delete']) {
      expect(await postFromPage(lead, `${eventPath}/logg`, { intent, entryId: decisionId, text: 'Ändrad' })).toBe(400)
    }
    await visit(lead, `${eventPath}/logg`)
    await lead.locator(`#post-${decisionId}`).getByText('Reservkraft prioriteras till fjärrvärmeverket.').waitFor()

    // An ISF conference: convened from the event, its minutes against the agenda, a decision that lands in the log.
    await visit(lead, `${eventPath}/isf`)
    await lead.getByRole('button', { name: 'Sammankalla ISF-konferens' }).click()
    await lead.getByText('ISF-konferens 1 är sammankallad och inbjudningarna är skickade.').waitFor()
    await expectNoAxeViolations(lead)
    await lead.getByRole('link', { name: 'Protokoll (konferens 1)' }).click()
    await lead.getByRole('heading', { name: 'Protokoll för ISF-konferens 1' }).waitFor()
    await expectNoAxeViolations(lead)
    const decisionForm = lead
      .locator('section')
      .filter({ has: lead.getByRole('heading', { name: 'Skriv ett beslut i händelseloggen' }) })
      .last()
    await decisionForm.getByLabel('Text', { exact: true }).fill('Kommunen öppnar trygghetspunkt i Kulturhuset.')
    await decisionForm.getByLabel('Beslutat av').fill('Krisledningsnämndens ordförande')
    await decisionForm.getByLabel('Mandat').fill('Reglemente för krisledningsnämnden § 4')
    await decisionForm.getByRole('button', { name: 'Skriv beslutet i loggen' }).click()
    await lead.getByText('Beslutet är skrivet i händelseloggen.').waitFor()
    await visit(lead, `${eventPath}/logg`)
    await lead.locator('li[id^="post-"]').filter({ hasText: 'ISF-konferens 1: Kommunen öppnar trygghetspunkt' }).waitFor()

    // Länsstyrelsen reads the event; an organisation that does not take part does not learn it exists.
    const county = await browser.open()
    await answerTiles(county)
    await signIn(county, demoUsers.viewer)
    await visit(county, eventPath)
    await county.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor()
    const outsider = await browser.open()
    await signIn(outsider, otherNetworkEditor)
    expectHttpErrorInConsole(outsider, 404)
    const response = await visit(outsider, eventPath, { axe: false })
    expect(response.status()).toBe(404)
    await visit(outsider, '/handelser', { axe: false })
    expect(await outsider.getByText(title).count()).toBe(0)
    expect(demoOrganisations.solor).toBe('Solör Bioenergi i Vårgårda AB')
    // One long story across five browsers: more than the suite's 60 s on a loaded machine.
  }, 180_000)

  it('shows the demo exercise, ended, with its log', async () => {
    const page = await browser.open()
    await answerTiles(page)
    await signIn(page, demoUsers.partnerEditor)
    await visit(page, '/handelser')
    await page.getByRole('link', { name: /Övning Elavbrott Vårgårda/ }).first().click()
    await page.getByRole('heading', { level: 1, name: /Övning Elavbrott Vårgårda/ }).waitFor()
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Logg', exact: true }).click()
    await page.getByText('Loggen är låst', { exact: false }).first().waitFor()
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Budskap', exact: true }).click()
    await page.waitForLoadState('load')
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Prognos', exact: true }).click()
    await page.waitForLoadState('load')
    await expectNoAxeViolations(page)
  })
})
