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
const organisation = demoOrganisations.bostader

function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth)
}

/** Checks the page the browser is on: axe, and no sideways scrolling on a phone. */
async function check(page: Page) {
  await expectNoAxeViolations(page)
  const viewport = page.viewportSize()
  if (viewport && viewport.width <= phone.width)
    expect(await pageWidth(page), page.url()).toBeLessThanOrEqual(viewport.width)
}

async function openOrganisation(page: Page): Promise<string> {
  await visit(page, '/organisationer')
  await Promise.all([
    page.waitForURL((address) => /^\/organisationer\/[0-9a-f-]{36}$/.test(address.pathname)),
    page.getByRole('link', { name: organisation, exact: true }).click(),
  ])
  await page.getByRole('heading', { level: 1, name: organisation }).waitFor()
  await page.getByRole('heading', { level: 2, name: 'Kontaktvägar' }).waitFor()
  await check(page)
  return new URL(page.url()).pathname
}

async function submitAndReturn(page: Page, organisationPath: string, button: string, message: string) {
  await Promise.all([
    page.waitForURL((address) => address.pathname === organisationPath),
    page.getByRole('button', { name: button, exact: true }).click(),
  ])
  await page.getByRole('status').filter({ hasText: message }).waitFor()
  await check(page)
}

async function addRoute(
  page: Page,
  organisationPath: string,
  route: { function: string; channel: string; value: string; label: string; availability: string },
) {
  await page.getByRole('link', { name: 'Lägg till kontaktväg', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: `Ny kontaktväg för ${organisation}` }).waitFor()
  await check(page)
  await page.getByLabel('Funktion', { exact: true }).selectOption({ label: route.function })
  await page.getByLabel('Kanal', { exact: true }).selectOption({ label: route.channel })
  await page.getByLabel('Nummer, adress eller talgrupp', { exact: true }).fill(route.value)
  await page.getByLabel('Förklaring (valfri)', { exact: true }).fill(route.label)
  await page.getByLabel('Tillgänglighet', { exact: true }).selectOption({ label: route.availability })
  await submitAndReturn(page, organisationPath, 'Spara kontaktvägen', 'Kontaktvägen är tillagd.')
}

// Two sign-ins and a dozen page loads with axe each: more than the default timeout on a busy machine.
const LONG_TEST_MS = 150_000

describe('a partner editor keeps the contact routes', () => {
  it(
    'adds, edits, test-calls and confirms, on a phone',
    async () => {
      const page = await browser.open({ viewport: phone })
      await signIn(page, demoUsers.partnerEditor)
      const organisationPath = await openOrganisation(page)

      // The seeded ISK and 24/7 routes come first, and the numbers dial.
      const crisis = page.getByRole('heading', { level: 3, name: 'I kris: ISK och dygnet runt' })
      await crisis.waitFor()
      expect(await page.locator('a[href="tel:+46313900630"]').count()).toBe(1)

      // A wrong value for the channel is refused next to the field, and the input stays.
      await page.getByRole('link', { name: 'Lägg till kontaktväg', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: `Ny kontaktväg för ${organisation}` }).waitFor()
      expectHttpErrorInConsole(page, 400)
      await page.getByLabel('Kanal', { exact: true }).selectOption({ label: 'E-post' })
      const value = page.getByLabel('Nummer, adress eller talgrupp', { exact: true })
      await value.fill('inte en adress')
      await page.getByRole('button', { name: 'Spara kontaktvägen', exact: true }).click()
      await page.getByRole('alert').filter({ hasText: 'Formuläret innehåller fel.' }).waitFor()
      await page.getByText('Skriv en giltig e-postadress, till exempel namn@example.org.', { exact: true }).waitFor()
      expect(await value.inputValue()).toBe('inte en adress')
      expect(await value.getAttribute('aria-invalid')).toBe('true')
      await check(page)
      await page.getByRole('link', { name: 'Avbryt', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: organisation }).waitFor()

      const email = `${unique('kommunikation')}@example.org`
      await addRoute(page, organisationPath, {
        function: 'Kommunikation',
        channel: 'E-post',
        value: email,
        label: 'Presstjänst',
        availability: 'Kontorstid',
      })
      await page.locator(`a[href="mailto:${email}"]`).waitFor()

      await page.getByRole('link', { name: `Ändra Kommunikation: ${email}`, exact: true }).click()
      await page.getByRole('heading', { level: 1, name: `Ändra kontaktväg för ${organisation}` }).waitFor()
      await check(page)
      await page.getByLabel('Förklaring (valfri)', { exact: true }).fill('Presstjänst, vardagar 8–17')
      await page.getByLabel('Tillgänglighet', { exact: true }).selectOption({ label: 'Dygnet runt (24/7)' })
      await submitAndReturn(page, organisationPath, 'Spara kontaktvägen', 'Kontaktvägen är sparad.')
      // Available around the clock now, so it moved to the crisis routes.
      const crisisList = page.locator('.contact-list--crisis')
      await crisisList.getByText('Presstjänst, vardagar 8–17', { exact: true }).waitFor()

      await page.getByRole('link', { name: `Registrera provsamtal Kommunikation: ${email}`, exact: true }).click()
      await page.getByRole('heading', { level: 1, name: `Provsamtal till ${organisation}` }).waitFor()
      await page.getByText('Inga provsamtal är registrerade.', { exact: true }).waitFor()
      await check(page)
      await page.getByLabel('Nej, vi nådde ingen', { exact: true }).check()
      await page.getByLabel('Anteckning (valfri)', { exact: true }).fill('Autosvar: brevlådan är full.')
      await submitAndReturn(page, organisationPath, 'Spara provsamtalet', 'Provsamtalet är registrerat.')
      const card = page.locator('.contact-route').filter({ hasText: email })
      await card.getByText(/^Senaste provsamtal .+: inte nådd$/).waitFor()

      await submitAndReturn(page, organisationPath, 'Bekräfta uppgifter', 'Uppgifterna är bekräftade.')
      await page.getByText(/^Senast bekräftad .+ av Per Holm$/).waitFor()
    },
    LONG_TEST_MS,
  )
})

describe('two tabs editing one contact route', () => {
  it(
    'keeps the second tab’s input, shows the current value, and saves on the second try',
    async () => {
      const first = await browser.open()
      const second = await browser.open()
      await signIn(first, demoUsers.partnerEditor)
      await signIn(second, demoUsers.partnerEditor)
      const organisationPath = await openOrganisation(first)
      const talkGroup = `VGR Bostäder ${unique('tg')}`
      await addRoute(first, organisationPath, {
        function: 'Krisledning',
        channel: 'Rakel-talgrupp',
        value: talkGroup,
        label: 'Bolagets krisledning',
        availability: 'Vid aktivering',
      })

      const editLink = `Ändra Krisledning: ${talkGroup}`
      for (const page of [first, second]) {
        if (page === second) await openOrganisation(second)
        await page.getByRole('link', { name: editLink, exact: true }).click()
        await page.getByRole('heading', { level: 1, name: `Ändra kontaktväg för ${organisation}` }).waitFor()
      }
      const editPath = new URL(first.url()).pathname
      expect(new URL(second.url()).pathname).toBe(editPath)

      const firstText = `Först sparad ${unique('a')}`
      const secondText = `Sedan skriven ${unique('b')}`
      await first.getByLabel('Förklaring (valfri)', { exact: true }).fill(firstText)
      await submitAndReturn(first, organisationPath, 'Spara kontaktvägen', 'Kontaktvägen är sparad.')

      expectHttpErrorInConsole(second, 409)
      const label = second.getByLabel('Förklaring (valfri)', { exact: true })
      await label.fill(secondText)
      await second.getByRole('button', { name: 'Spara kontaktvägen', exact: true }).click()
      await second
        .getByRole('alert')
        .filter({ hasText: 'Någon annan har ändrat kontaktvägen medan du redigerade.' })
        .waitFor()
      expect(new URL(second.url()).pathname).toBe(editPath)
      expect(await label.inputValue()).toBe(secondText)
      await second.getByText(`Nuvarande värde: ${firstText}`, { exact: true }).waitFor()
      await expectNoAxeViolations(second)

      await submitAndReturn(second, organisationPath, 'Spara kontaktvägen', 'Kontaktvägen är sparad.')
      // The change history names the route too (a link): look among the contact routes.
      const routesOf = (page: typeof first) => page.getByRole('region', { name: 'Kontaktvägar' })
      await routesOf(second).getByText(secondText, { exact: true }).waitFor()
      await visit(first, organisationPath)
      await routesOf(first).getByText(secondText, { exact: true }).waitFor()
      expect(await routesOf(first).getByText(firstText, { exact: true }).count()).toBe(0)
    },
    LONG_TEST_MS,
  )
})
