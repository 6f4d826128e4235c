import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import {
  baseUrl,
  expectHttpErrorInConsole,
  expectNoAxeViolations,
  setupBrowser,
  signIn,
  unique,
  url,
  visit,
} from '../support/e2e-browser'
import { pickInCombobox } from '../support/e2e-picker'
import { linkIn, waitForMail } from '../support/e2e-mailbox'

// Issue 3, "Done when": a partner editor updates and confirms their contact
// routes in the browser; the coordinator sees it on the organisation page, in
// its history, in the map's list and on the map, and on the staleness
// dashboard; another partner can change none of it, in the UI or by posting to
// the actions directly.
//
// The organisation is Vårgårda Livs och Logistik AB: in the seed it has no
// route staffed around the clock, no site and no editor, and no other browser
// test touches it, so the dashboard's change is this file's own whatever order
// the suite runs in. Its editor is invited here, as a coordinator would.

const browser = setupBrowser()

const livs = 'Vårgårda Livs och Logistik AB'
const iskFunction = 'ISK – inriktnings- och samordningskontakt'
const seededIsk = '070-174 06 50'
const editedIsk = '070-174 06 51'
const dutyNumber = '040-628 04 31'
/** A number's tel: link: Swedish numbers dial with +46 (issue 19). */
const dialled = (number: string) => `tel:+46${number.replace(/\D/g, '').slice(1)}`
const siteName = 'Livs centrallager'

const suffix = unique('livs')
const partner = {
  email: `lager.redaktor+${suffix}@example.org`,
  name: `Lina Lager ${suffix}`,
  password: `en lång lösenfras ${suffix}`,
}
const dutyLabel = `Lagerjouren, dygnet runt ${suffix}`
/** What the other partner tries to write. */
const hijack = `Ändrad av fel organisation ${suffix}`

/** What one test learns and a later one uses; the tests run in order and share the server's data. */
const state: {
  organisationId?: string
  staleBefore?: number
  iskRouteId?: string
  dutyRouteId?: string
  iskVersion?: string
} = {}

function known<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is unknown: an earlier test in this file failed`)
  return value
}

const mapTiles = 'https://tile.openstreetmap.org/**'
const greyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
)

/** The map never reaches the tile server: it gets a grey tile. */
async function serveGreyTiles(page: Page) {
  await page.route(mapTiles, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: greyPng }))
}

/** The date part of "Senast bekräftad …", as the portal writes it in Swedish for Stockholm. */
function swedishDateToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeZone: 'Europe/Stockholm' }).format(new Date())
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

async function openOrganisation(page: Page, id: string) {
  const response = await visit(page, `/organisationer/${id}`)
  expect(response.status()).toBe(200)
  await page.getByRole('heading', { level: 1, name: livs }).waitFor()
}

async function openStalenessDashboard(page: Page) {
  const response = await visit(page, '/admin/aktualitet')
  expect(response.status()).toBe(200)
  await page.getByRole('heading', { level: 1, name: 'Aktualitet' }).waitFor()
}

/** "Organisationer att se över: N." */
async function staleCount(page: Page): Promise<number> {
  const text = await page.getByText(/^Organisationer att se över: \d+\./).textContent()
  return Number(text?.match(/(\d+)/)?.[1])
}

/** Waits until the map has its data and shows `sites` sites. */
async function mapLoaded(page: Page, sites: number) {
  const region = page.getByRole('region', { name: 'Karta över platserna' })
  await expect.poll(() => region.locator('[data-site-count]').getAttribute('data-site-count')).toBe(String(sites))
}

/** The map page, checked by axe once the map has drawn what it was asked for. */
async function openMap(page: Page, path: string, sites?: number) {
  const response = await visit(page, path, { axe: false })
  expect(response.status()).toBe(200)
  await page.getByRole('heading', { level: 1, name: 'Karta' }).waitFor()
  if (sites !== undefined) await mapLoaded(page, sites)
  else await page.locator('[data-site-count]').waitFor()
  await expectNoAxeViolations(page)
}

async function organisationIdOf(page: Page, name: string): Promise<string> {
  await visit(page, '/organisationer')
  const href = await page.getByRole('link', { name, exact: true }).getAttribute('href')
  const id = href?.match(/^\/organisationer\/([0-9a-f-]{36})$/)?.[1]
  if (!id) throw new Error(`No link to ${name} in the organisations list (href ${href})`)
  return id
}

function staleRow(page: Page) {
  return page
    .getByRole('table', { name: 'Organisationer att påminna' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: livs, exact: true }) })
}

/** Submits a form that returns to the organisation page, and waits for its message there. */
async function submitToOrganisation(page: Page, button: string, message: string) {
  const id = known(state.organisationId, 'The organisation')
  await Promise.all([
    page.waitForURL((address) => address.pathname === `/organisationer/${id}`),
    page.getByRole('button', { name: button, exact: true }).click(),
  ])
  await page.getByRole('status').filter({ hasText: message }).waitFor()
  await expectNoAxeViolations(page)
}

function historyRows(page: Page) {
  return page.getByRole('table', { name: 'Ändringshistorik' }).getByRole('row')
}

/**
 * A form post from the signed-in browser profile, past the page: what a
 * tampered form or a hand-made request sends. Origin is the portal's own, so
 * the cross-site check lets it through and the permission checks decide.
 */
async function postForm(page: Page, path: string, form: Record<string, string>) {
  const response = await page.context().request.post(url(path), {
    form,
    headers: { Origin: new URL(url('/')).origin },
    maxRedirects: 0,
  })
  return { status: response.status(), location: response.headers()['location'] ?? null, body: await response.text() }
}

/** A route with a page answers with the Swedish error page; single fetch with the thrown text. */
type Endpoint = 'page' | 'data'

const refusals = {
  403: { heading: 'Ingen åtkomst', thrown: 'Ingen åtkomst' },
  404: { heading: 'Sidan finns inte', thrown: 'Hittades inte' },
} as const

function expectRefused(
  answer: { status: number; location: string | null; body: string },
  expected: { path: string; status: 403 | 404; endpoint: Endpoint },
) {
  const what = `POST ${expected.path}`
  expect(answer.status, what).toBe(expected.status)
  expect(answer.location, what).toBeNull()
  // Refused by the route's permission check, not by the cross-site check that runs before any route.
  expect(answer.body, what).not.toContain('Begäran nekades')
  const { heading, thrown } = refusals[expected.status]
  if (expected.endpoint === 'page') expect(answer.body, what).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`))
  if (expected.endpoint === 'data') expect(answer.body, what).toContain(`"ErrorResponse",`)
  if (expected.endpoint === 'data') expect(answer.body, what).toContain(`"${thrown}",${expected.status}`)
}

// Each test is a journey of several page loads, each checked by axe, on a shared two-core machine.
const JOURNEY_MS = 180_000

describe('issue 3 done: a partner keeps their contact routes, the coordinator sees it, another partner cannot touch it', () => {
  it(
    'shows the organisation as unconfirmed and without a 24/7 route; the coordinator invites its editor',
    async () => {
      const coordinator = await browser.open()
      await signIn(coordinator, demoUsers.coordinator)
      await openStalenessDashboard(coordinator)
      state.staleBefore = await staleCount(coordinator)
      expect(state.staleBefore).toBeGreaterThan(1)
      const row = staleRow(coordinator)
      expect(await row.count()).toBe(1)
      await row.getByText('Uppgifterna har aldrig bekräftats', { exact: true }).waitFor()
      await row.getByText('Saknar kontaktväg dygnet runt (24/7)', { exact: true }).waitFor()
      expect(await row.getByText('Saknar ISK', { exact: true }).count()).toBe(0)
      await row.getByText('Ingen redaktör att påminna', { exact: true }).waitFor()
      const href = await row.getByRole('link', { name: livs, exact: true }).getAttribute('href')
      state.organisationId = href?.match(/^\/organisationer\/([0-9a-f-]{36})$/)?.[1]
      expect(state.organisationId).toMatch(/^[0-9a-f-]{36}$/)

      await visit(coordinator, '/admin/anvandare')
      const form = coordinator.getByRole('region', { name: 'Bjud in en person' })
      await form.getByLabel('E-postadress', { exact: true }).fill(partner.email)
      await pickInCombobox(form, 'Sök organisation att lägga till', livs)
      await form.getByLabel('Roll', { exact: true }).selectOption({ label: 'Redaktör för organisationen' })
      await form.getByRole('button', { name: 'Skicka inbjudan' }).click()
      await coordinator
        .getByRole('status')
        .filter({ hasText: `Inbjudan till ${partner.email} är skickad.` })
        .waitFor()
      await expectNoAxeViolations(coordinator)

      // The link is in the partner's e-mail only (the outbox never shows one that works).
      const mail = await waitForMail(baseUrl(), (message) => message.to.includes(partner.email.toLowerCase()))
      const link = linkIn(mail, '/inbjudan/')
      expect(link).toMatch(/\/inbjudan\/[a-z2-7]+$/)

      const invited = await browser.open()
      await visit(invited, link)
      await invited.getByText(`Du har bjudits in till ${livs} med rollen Redaktör för organisationen.`).waitFor()
      await invited.getByLabel('Namn', { exact: true }).fill(partner.name)
      await invited.getByLabel('Lösenord', { exact: true }).fill(partner.password)
      await Promise.all([
        invited.waitForURL((address) => address.pathname === '/'),
        invited.getByRole('button', { name: 'Skapa konto och logga in' }).click(),
      ])
      await invited.getByRole('heading', { level: 1, name: `Välkommen, ${partner.name}` }).waitFor()
      await invited.getByText(`${livs} (Redaktör för organisationen)`).waitFor()
      await expectNoAxeViolations(invited)
    },
    JOURNEY_MS,
  )

  it(
    'lets the partner add a site, change the ISK number, add a 24/7 route and confirm, in the browser',
    async () => {
      const id = known(state.organisationId, 'The organisation')
      const page = await browser.open()
      await signIn(page, partner.email, partner.password)
      await openOrganisation(page, id)
      await page.getByText('Ingen kontaktväg är bemannad dygnet runt.', { exact: true }).waitFor()
      await page.getByText('Aldrig bekräftad', { exact: true }).waitFor()

      // A site, so that the organisation has something on the map.
      await page.getByRole('link', { name: 'Lägg till plats', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: `Ny plats för ${livs}` }).waitFor()
      await expectNoAxeViolations(page)
      await page.getByLabel('Namn', { exact: true }).fill(siteName)
      await page.getByLabel('Typ av plats', { exact: true }).selectOption({ label: 'Förråd eller depå' })
      await page.getByLabel('Adress', { exact: true }).fill('Lagervägen 3, Vårgårda')
      await page.getByLabel('Latitud (grader nord)', { exact: true }).fill('58,0301')
      await page.getByLabel('Longitud (grader öst)', { exact: true }).fill('12,7990')
      await submitToOrganisation(page, 'Spara platsen', 'Uppgifterna är sparade.')
      await page.getByRole('heading', { level: 3, name: siteName }).waitFor()

      // Before the 24/7 route the map's gap filter finds the site.
      await serveGreyTiles(page)
      await openMap(page, '/karta?kind=company&no247=1', 1)
      await page.locator('.map-table').getByText(siteName, { exact: true }).waitFor()

      // The ISK's number changes.
      await openOrganisation(page, id)
      const iskEdit = page.getByRole('link', { name: `Ändra ${iskFunction}: ${seededIsk}`, exact: true })
      state.iskRouteId = (await iskEdit.getAttribute('href'))?.match(/\/kontaktvagar\/([0-9a-f-]{36})$/)?.[1]
      expect(state.iskRouteId).toMatch(/^[0-9a-f-]{36}$/)
      await iskEdit.click()
      await page.getByRole('heading', { level: 1, name: `Ändra kontaktväg för ${livs}` }).waitFor()
      await expectNoAxeViolations(page)
      const value = page.getByLabel('Nummer, adress eller talgrupp', { exact: true })
      expect(await value.inputValue()).toBe(seededIsk)
      await value.fill(editedIsk)
      await submitToOrganisation(page, 'Spara kontaktvägen', 'Kontaktvägen är sparad.')
      await page.locator(`a[href="${dialled(editedIsk)}"]`).waitFor()
      expect(await page.locator(`a[href="${dialled(seededIsk)}"]`).count()).toBe(0)

      // A new route, staffed around the clock.
      await page.getByRole('link', { name: 'Lägg till kontaktväg', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: `Ny kontaktväg för ${livs}` }).waitFor()
      await expectNoAxeViolations(page)
      await page.getByLabel('Funktion', { exact: true }).selectOption({ label: 'TiB – tjänsteperson i beredskap' })
      await page.getByLabel('Kanal', { exact: true }).selectOption({ label: 'Telefon' })
      await page.getByLabel('Nummer, adress eller talgrupp', { exact: true }).fill(dutyNumber)
      await page.getByLabel('Förklaring (valfri)', { exact: true }).fill(dutyLabel)
      await page.getByLabel('Tillgänglighet', { exact: true }).selectOption({ label: 'Dygnet runt (24/7)' })
      await submitToOrganisation(page, 'Spara kontaktvägen', 'Kontaktvägen är tillagd.')
      const crisis = page.locator('.contact-list--crisis')
      const duty = crisis.locator('.contact-route').filter({ hasText: dutyLabel })
      await duty.getByText('Dygnet runt (24/7) · Ordning 1', { exact: true }).waitFor()
      expect(await page.getByText('Ingen kontaktväg är bemannad dygnet runt.', { exact: true }).count()).toBe(0)
      const dutyEdit = page.getByRole('link', { name: `Ändra TiB – tjänsteperson i beredskap: ${dutyNumber}` })
      state.dutyRouteId = (await dutyEdit.getAttribute('href'))?.match(/\/kontaktvagar\/([0-9a-f-]{36})$/)?.[1]
      expect(state.dutyRouteId).toMatch(/^[0-9a-f-]{36}$/)

      await submitToOrganisation(page, 'Bekräfta uppgifter', 'Uppgifterna är bekräftade.')
      await page
        .getByText(
          new RegExp(
            `^Senast bekräftad ${escapeRegExp(swedishDateToday())} \\d{2}:\\d{2} av ${escapeRegExp(partner.name)}$`,
          ),
        )
        .waitFor()

      // The ISK route's stored version, for the other partner's delete attempt in the last test.
      await visit(page, `/organisationer/${id}/kontaktvagar/${state.iskRouteId}`)
      state.iskVersion = (await page.locator('input[name="version"]').first().inputValue()) || undefined
      expect(state.iskVersion).toMatch(/^\d+$/)
    },
    JOURNEY_MS,
  )

  it(
    'shows the coordinator the new values, who confirmed them, the history, the list, the map and a current dashboard',
    async () => {
      const id = known(state.organisationId, 'The organisation')
      const page = await browser.open()
      await serveGreyTiles(page)
      await signIn(page, demoUsers.coordinator)

      await openOrganisation(page, id)
      const crisis = page.locator('.contact-list--crisis')
      await crisis.locator(`a[href="${dialled(editedIsk)}"]`).waitFor()
      await crisis
        .locator('.contact-route')
        .filter({ hasText: dutyLabel })
        .getByText(dutyNumber, { exact: true })
        .waitFor()
      await page
        .getByText(
          new RegExp(
            `^Senast bekräftad ${escapeRegExp(swedishDateToday())} \\d{2}:\\d{2} av ${escapeRegExp(partner.name)}$`,
          ),
        )
        .waitFor()

      const byPartner = historyRows(page).filter({ has: page.getByRole('cell', { name: partner.name, exact: true }) })
      await byPartner
        .filter({ hasText: 'Kontaktväg ändrad' })
        .getByText(`Nummer eller adress: ${seededIsk} → ${editedIsk}`, { exact: true })
        .waitFor()
      await byPartner
        .filter({ hasText: 'Kontaktväg tillagd' })
        .getByText(`Benämning: – → ${dutyLabel}`, { exact: true })
        .waitFor()
      await byPartner.filter({ hasText: 'Plats tillagd' }).first().waitFor()
      const confirmations = byPartner.filter({ hasText: 'Uppgifterna bekräftade som aktuella' })
      expect(await confirmations.count()).toBe(1)
      await confirmations.getByText(/^Bekräftad: – → \d{1,2} \S+ \d{4} \d{2}:\d{2}$/).waitFor()

      // The list below the map, narrowed to companies through the filter form.
      await openMap(page, '/karta')
      await page.getByLabel('Typ av organisation', { exact: true }).selectOption({ label: 'Företag' })
      await Promise.all([
        page.waitForURL((address) => address.searchParams.get('kind') === 'company'),
        page.getByRole('button', { name: 'Visa', exact: true }).click(),
      ])
      const listRow = page
        .locator('.map-table tbody tr')
        .filter({ has: page.getByRole('link', { name: livs, exact: true }) })
      await expect.poll(() => listRow.count()).toBe(1)
      await expect.poll(() => page.locator('.map-table tbody tr').count()).toBe(1)
      await listRow.getByText(siteName, { exact: true }).waitFor()
      await listRow.getByText(`bekräftad ${swedishDateToday()}`, { exact: false }).waitFor()
      const listRoutes = listRow.locator('.crisis-routes')
      await listRoutes.getByRole('link', { name: editedIsk, exact: true }).waitFor()
      await listRoutes.getByRole('link', { name: dutyNumber, exact: true }).waitFor()
      await listRoutes.getByText('TiB – tjänsteperson i beredskap · dygnet runt', { exact: true }).waitFor()
      await listRoutes.getByText(dutyLabel, { exact: true }).waitFor()
      expect(await listRoutes.getByText(seededIsk, { exact: true }).count()).toBe(0)
      await expectNoAxeViolations(page)

      // On the map: the one company site is a marker of its own; its popup has the new routes.
      await mapLoaded(page, 1)
      const marker = page.locator('.map-site').filter({ hasText: `${siteName}, ${livs}` })
      await marker.click()
      const popup = page.locator('.site-popup')
      await popup.getByRole('heading', { level: 3, name: siteName }).waitFor()
      await popup.getByRole('link', { name: livs, exact: true }).waitFor()
      await popup.locator('.crisis-routes').getByRole('link', { name: editedIsk, exact: true }).waitFor()
      await popup.locator('.crisis-routes').getByRole('link', { name: dutyNumber, exact: true }).waitFor()
      await expect.poll(() => popup.getByText('Hämtar verksamheterna', { exact: false }).count()).toBe(0)
      await expectNoAxeViolations(page)

      // The gap filter "no 24/7 route" no longer finds it.
      await openMap(page, '/karta?kind=company&no247=1', 0)
      await page.getByText('Inga platser matchar filtren.', { exact: true }).waitFor()

      await openStalenessDashboard(page)
      expect(await staleRow(page).count()).toBe(0)
      expect(await staleCount(page)).toBe(known(state.staleBefore, 'The dashboard count') - 1)
    },
    JOURNEY_MS,
  )

  it(
    'keeps another partner out: no edit controls, the Swedish 403 page, and refused posts that change nothing',
    async () => {
      const id = known(state.organisationId, 'The organisation')
      const iskRouteId = known(state.iskRouteId, 'The ISK route')
      const dutyRouteId = known(state.dutyRouteId, 'The 24/7 route')
      const version = known(state.iskVersion, 'The ISK route version')

      const other = await browser.open()
      expectHttpErrorInConsole(other, 403)
      expectHttpErrorInConsole(other, 404)
      await signIn(other, demoUsers.partnerEditor)

      // Through the UI: the routes are there to read, with nothing to change them.
      await openOrganisation(other, id)
      await other.locator(`a[href="${dialled(editedIsk)}"]`).waitFor()
      const contacts = other.getByRole('region', { name: 'Kontaktvägar' })
      // The change history names the route too: look among the contact routes.
      await contacts.getByText(dutyLabel, { exact: true }).waitFor()
      expect(await contacts.getByRole('link', { name: /^Ändra / }).count()).toBe(0)
      expect(await contacts.getByRole('link', { name: /^Registrera provsamtal/ }).count()).toBe(0)
      for (const control of ['Lägg till kontaktväg', 'Lägg till plats', 'Redigera uppgifterna']) {
        expect(await other.getByRole('link', { name: control }).count(), control).toBe(0)
      }
      expect(await other.getByRole('button', { name: 'Bekräfta uppgifter' }).count()).toBe(0)

      for (const path of [
        `/organisationer/${id}/kontaktvagar/${iskRouteId}`,
        `/organisationer/${id}/kontaktvagar/ny`,
        `/organisationer/${id}/kontaktvagar/${iskRouteId}/provsamtal`,
      ]) {
        const response = await visit(other, path)
        expect(response.status(), path).toBe(403)
        await other.getByRole('heading', { level: 1, name: 'Ingen åtkomst' }).waitFor()
        expect(await other.locator('html').getAttribute('lang')).toBe('sv')
        expect(await other.getByLabel('Nummer, adress eller talgrupp').count()).toBe(0)
      }

      // Their own organisation's id in the address does not open the other organisation's route.
      const ownId = await organisationIdOf(other, demoOrganisations.bostader)
      const mixed = await visit(other, `/organisationer/${ownId}/kontaktvagar/${iskRouteId}`)
      expect(mixed.status()).toBe(404)
      await other.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor()

      // Directly against the actions, with the other partner's session and a same-origin Origin.
      const tampered = {
        intent: 'save',
        version,
        function: 'isk',
        channel: 'mobile',
        value: '070-174 06 99',
        label: hijack,
        availability: 'always',
        callOrder: '1',
        visibility: 'network',
      }
      const route = `/organisationer/${id}/kontaktvagar/${iskRouteId}`
      const mixedRoute = `/organisationer/${ownId}/kontaktvagar/${iskRouteId}`
      const check = { reached: 'no', note: hijack }
      const attempts: [path: string, form: Record<string, string>, status: 403 | 404, endpoint: Endpoint][] = [
        [route, tampered, 403, 'page'],
        [route, { intent: 'delete', version }, 403, 'page'],
        [`/organisationer/${id}/kontaktvagar/${dutyRouteId}`, { intent: 'delete', version: '1' }, 403, 'page'],
        [`/organisationer/${id}/kontaktvagar/ny`, { ...tampered, intent: '' }, 403, 'page'],
        [`${route}/provsamtal`, check, 403, 'page'],
        [`/organisationer/${id}/bekrafta`, {}, 403, 'page'],
        // What the page's own scripts post to (single fetch).
        [`${route}.data`, tampered, 403, 'data'],
        [`${route}.data`, { intent: 'delete', version }, 403, 'data'],
        [`/organisationer/${id}/bekrafta.data`, {}, 403, 'data'],
        // Their own organisation in the address, the other organisation's route id.
        [mixedRoute, tampered, 404, 'page'],
        [mixedRoute, { intent: 'delete', version }, 404, 'page'],
        [`${mixedRoute}/provsamtal`, check, 404, 'page'],
        [`${mixedRoute}.data`, { intent: 'delete', version }, 404, 'data'],
      ]
      for (const [path, form, status, endpoint] of attempts) {
        expectRefused(await postForm(other, path, form), { path, status, endpoint })
      }

      // The same request from the editor's own session goes through: the refusals above are the permission's.
      const editor = await browser.open()
      await signIn(editor, partner.email, partner.password)
      const allowed = await postForm(editor, `/organisationer/${id}/kontaktvagar/${iskRouteId}/provsamtal`, {
        reached: 'yes',
        note: `Svar direkt ${suffix}`,
      })
      expect(allowed.status).toBe(302)
      expect(allowed.location).toBe(`/organisationer/${id}`)

      // Nothing the other partner sent is stored (seen by the coordinator).
      const coordinator = await browser.open()
      await signIn(coordinator, demoUsers.coordinator)
      await openOrganisation(coordinator, id)
      const crisis = coordinator.locator('.contact-list--crisis')
      const isk = crisis.locator('.contact-route').filter({ hasText: iskFunction })
      expect(await isk.count()).toBe(1)
      await isk.getByRole('link', { name: editedIsk, exact: true }).waitFor()
      await isk.getByText(/^Senaste provsamtal .+: nådd$/).waitFor()
      await crisis.locator('.contact-route').filter({ hasText: dutyLabel }).waitFor()
      // Three seeded routes and the partner's new one: nothing added, nothing removed.
      expect(await coordinator.locator('.contact-route').count()).toBe(4)
      expect(await coordinator.getByText('070-174 06 99', { exact: true }).count()).toBe(0)
      expect(await coordinator.getByText(hijack, { exact: false }).count()).toBe(0)
      await coordinator
        .getByText(
          new RegExp(
            `^Senast bekräftad ${escapeRegExp(swedishDateToday())} \\d{2}:\\d{2} av ${escapeRegExp(partner.name)}$`,
          ),
        )
        .waitFor()
      expect(await historyRows(coordinator).filter({ hasText: 'Per Holm' }).count()).toBe(0)
      const checks = historyRows(coordinator).filter({ hasText: 'Provsamtal registrerat' })
      expect(await checks.count()).toBe(1)
      await checks.getByRole('cell', { name: partner.name, exact: true }).waitFor()

      // The stored route is the very version the partner left.
      await visit(coordinator, route)
      expect(await coordinator.locator('input[name="version"]').first().inputValue()).toBe(version)
      expect(await coordinator.getByLabel('Nummer, adress eller talgrupp', { exact: true }).inputValue()).toBe(
        editedIsk,
      )

      await openStalenessDashboard(coordinator)
      expect(await staleRow(coordinator).count()).toBe(0)
      expect(await staleCount(coordinator)).toBe(known(state.staleBefore, 'The dashboard count') - 1)
    },
    JOURNEY_MS,
  )
})
