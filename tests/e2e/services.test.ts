import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import {
  expectHttpErrorInConsole,
  expectNoAxeViolations,
  phone,
  setupBrowser,
  signIn,
  unique,
  visit,
} from '../support/e2e-browser'

const browser = setupBrowser()
const organisation = demoOrganisations.solor

/** Every page visited: axe, and no sideways scrolling on a 360 px phone. */
async function check(page: Page) {
  await expectNoAxeViolations(page)
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(phone.width)
}

async function clickAndWait(
  page: Page,
  name: string | RegExp,
  role: 'link' | 'button',
  path: (pathname: string) => boolean,
) {
  await Promise.all([
    page.waitForURL((address) => path(address.pathname)),
    page.getByRole(role, { name, exact: typeof name === 'string' }).click(),
  ])
}

describe('a partner maintains sites, critical services and dependencies', () => {
  it('adds a site by SWEREF 99 TM, a service at it and a dependency on electricity, and sees them on the organisation page', async () => {
    const page = await browser.open({ viewport: phone })
    await signIn(page, demoUsers.otherPartnerEditor)

    await visit(page, '/organisationer')
    await clickAndWait(page, organisation, 'link', (pathname) => /^\/organisationer\/[0-9a-f-]{36}$/.test(pathname))
    const organisationPath = new URL(page.url()).pathname
    await page.getByRole('heading', { level: 1, name: organisation }).waitFor()
    await page.getByRole('heading', { level: 2, name: 'Platser' }).waitFor()
    await page.getByRole('heading', { level: 2, name: 'Samhällsviktig verksamhet' }).waitFor()
    // The demo network's district heating, which the municipality's care home depends on.
    await page.getByRole('heading', { level: 3, name: 'Fjärrvärmeproduktion' }).waitFor()
    await check(page)

    // A site, typed in the national grid to the millimetre; first with the axes swapped.
    const siteName = unique('Reservcentral')
    await clickAndWait(page, 'Lägg till plats', 'link', (pathname) => pathname === `${organisationPath}/platser/ny`)
    await page.getByRole('heading', { level: 1, name: `Ny plats för ${organisation}` }).waitFor()
    await check(page)
    await page.getByLabel('Namn', { exact: true }).fill(siteName)
    await page.getByLabel('Typ av plats').selectOption({ label: 'Anläggning' })
    await page.getByLabel('Adress').fill('Industrivägen 14, Vårgårda')
    await page.getByRole('radio', { name: 'SWEREF 99 TM – norr och öst i meter' }).check()
    // Once the script runs, only the chosen coordinate system's fields are shown.
    await expect.poll(() => page.getByLabel('Latitud (grader nord)').isVisible()).toBe(false)
    await page.getByLabel('Norrkoordinat N (meter)').fill('370 569,315')
    await page.getByLabel('Östkoordinat E (meter)').fill('6 434 596,317')
    await page.getByLabel('Reservkraft, timmar').fill('24')
    expectHttpErrorInConsole(page, 400)
    await page.getByRole('button', { name: 'Spara platsen' }).click()
    await page.getByText('Norrkoordinaten ska ligga mellan 6 100 000 och 7 700 000 meter', { exact: false }).waitFor()
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe(siteName)
    await check(page)

    await page.getByLabel('Norrkoordinat N (meter)').fill('6 434 596,317')
    await page.getByLabel('Östkoordinat E (meter)').fill('370 569,315')
    await clickAndWait(page, 'Spara platsen', 'button', (pathname) => pathname === organisationPath)
    await page.getByRole('status').filter({ hasText: 'Uppgifterna är sparade.' }).waitFor()
    const siteCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: siteName }) })
    await siteCard.getByText('58,03400° N, 12,80800° E').waitFor()
    await siteCard.getByText(/SWEREF 99 TM: N 6\s434\s596, E 370\s569/).waitFor()
    await siteCard.getByText('24 timmar', { exact: true }).waitFor()
    await check(page)

    // A critical service at the new site.
    const serviceName = unique('Spetslast')
    await clickAndWait(
      page,
      'Lägg till verksamhet',
      'link',
      (pathname) => pathname === `${organisationPath}/verksamheter/ny`,
    )
    await check(page)
    await page.getByLabel('Namn', { exact: true }).fill(serviceName)
    await page.getByLabel('Sektor').selectOption({ label: 'Energiförsörjning' })
    await page.getByLabel('Acceptabel avbrottstid, timmar').fill('48')
    await page.getByLabel('Styrelklass (1–8)').fill('2')
    await page.getByLabel('Antal personer som verksamheten når').fill('1200')
    await page.getByLabel('Det finns en kontinuitetsplan').check()
    await page.getByLabel('Kontinuitetsplanen övades senast').fill('2025-03-01')
    await page.getByRole('checkbox', { name: siteName }).check()
    await clickAndWait(page, 'Spara verksamheten', 'button', (pathname) => pathname === organisationPath)
    await page.getByRole('status').filter({ hasText: 'Uppgifterna är sparade.' }).waitFor()
    const serviceCard = page.getByRole('article', { name: serviceName })
    await serviceCard.getByText('Energiförsörjning', { exact: true }).waitFor()
    await serviceCard.getByText('48 timmar', { exact: true }).waitFor()
    await serviceCard.getByText('Ja, senast övad 2025-03-01', { exact: true }).waitFor()
    await serviceCard.getByRole('link', { name: siteName }).waitFor()
    await serviceCard.getByText('Inga beroenden är registrerade.').waitFor()
    await check(page)

    // A dependency on electricity whose backup does not last the acceptable outage time.
    await clickAndWait(page, `Ändra verksamheten och dess beroenden – ${serviceName}`, 'link', (pathname) =>
      pathname.startsWith(`${organisationPath}/verksamheter/`),
    )
    const servicePath = new URL(page.url()).pathname
    await page.getByRole('heading', { level: 1, name: `Ändra verksamheten ${serviceName}` }).waitFor()
    await check(page)
    await page.getByLabel('Resurs', { exact: true }).selectOption({ label: 'El' })
    await page.getByLabel('Klarar sig utan, timmar').fill('2')
    await page.getByLabel('Reserv eller redundans').fill('Reservkraftverk, diesel')
    await page.getByLabel('Reserven räcker, timmar').fill('12,5')
    await clickAndWait(page, 'Lägg till beroendet', 'button', (pathname) => pathname === servicePath)
    await page.getByRole('status').filter({ hasText: 'Beroendet är sparat.' }).waitFor()
    const dependencies = page.getByRole('region', { name: 'Kritiska beroenden' })
    const dependency = dependencies.getByRole('listitem').filter({ hasText: 'Reservkraftverk, diesel' })
    await dependency.getByText('El', { exact: true }).waitFor()
    await dependency.getByText('Reservkraftverk, diesel, räcker 12,5 timmar', { exact: true }).waitFor()
    await dependency
      .getByText('Svag punkt: reserven räcker 12,5 timmar, kortare än den acceptabla avbrottstiden på 48 timmar.')
      .waitFor()
    // The form is empty again, ready for the next dependency.
    expect(await page.getByLabel('Reserv eller redundans').inputValue()).toBe('')
    await check(page)

    await clickAndWait(page, `Tillbaka till ${organisation}`, 'link', (pathname) => pathname === organisationPath)
    const saved = page.getByRole('article', { name: serviceName })
    await saved.getByText('El', { exact: true }).waitFor()
    await saved.getByText('2 timmar', { exact: true }).waitFor()
    await saved.getByText('Reservkraftverk, diesel, räcker 12,5 timmar', { exact: true }).waitFor()
    await saved
      .getByText('Svag punkt: reserven räcker 12,5 timmar, kortare än den acceptabla avbrottstiden på 48 timmar.')
      .waitFor()
    await saved
      .getByText('Varning: 1 av beroendena saknar en reserv som räcker den acceptabla avbrottstiden.')
      .waitFor()
    await check(page)
  }, 180_000)

  it("shows another organisation's services and dependencies to a reader, with links between the organisations and no edit controls", async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.viewer)
    await visit(page, '/organisationer')
    await clickAndWait(page, 'Vårgårda kommun', 'link', (pathname) =>
      /^\/organisationer\/[0-9a-f-]{36}$/.test(pathname),
    )
    const careHome = page.getByRole('article', { name: 'Vård- och omsorgsboende Solgården' })
    await careHome.getByRole('link', { name: `Fjärrvärmeproduktion – ${organisation}` }).waitFor()
    expect(await page.getByRole('link', { name: 'Lägg till plats' }).count()).toBe(0)
    expect(await page.getByRole('link', { name: /^Ändra verksamheten/ }).count()).toBe(0)
    // The sewage plant's shared mobile generator does not last its acceptable outage time.
    await page
      .getByRole('article', { name: 'Avloppsrening' })
      .getByText('Svag punkt: reserven räcker 12 timmar, kortare än den acceptabla avbrottstiden på 24 timmar.')
      .waitFor()
    await expectNoAxeViolations(page)

    const municipalityPath = new URL(page.url()).pathname
    await Promise.all([
      page.waitForURL((address) => address.pathname !== municipalityPath),
      careHome.getByRole('link', { name: `Fjärrvärmeproduktion – ${organisation}` }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: organisation }).waitFor()
    await page
      .getByRole('article', { name: 'Fjärrvärmeproduktion' })
      .getByRole('link', { name: /^Vård- och omsorgsboende Solgården \(Vårgårda kommun\)/ })
      .waitFor()
    await expectNoAxeViolations(page)
  })
})
