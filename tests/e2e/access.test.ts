import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoOrganisations, demoUsers } from '../support/e2e-constants'
import { expectHttpErrorInConsole, passSecondFactor, signIn, unique, setupBrowser, visit } from '../support/e2e-browser'

const browser = setupBrowser()

/** The organisation's id, read from its link in the organisations list. */
async function organisationId(page: Page, name: string): Promise<string> {
  await visit(page, '/organisationer')
  const href = await page.getByRole('link', { name, exact: true }).getAttribute('href')
  const id = href?.match(/^\/organisationer\/([0-9a-f-]{36})$/)?.[1]
  if (!id) throw new Error(`No link to ${name} in the organisations list (href ${href})`)
  return id
}

async function expectForbidden(page: Page, path: string) {
  const response = await visit(page, path)
  expect(response.status(), path).toBe(403)
  await page.getByRole('heading', { level: 1, name: 'Ingen åtkomst' }).waitFor()
  expect(await page.locator('html').getAttribute('lang')).toBe('sv')
}

describe('who may open what', () => {
  it('gives a partner editor the Swedish 403 page for the coordinator pages', async () => {
    const page = await browser.open()
    expectHttpErrorInConsole(page, 403)
    await signIn(page, demoUsers.partnerEditor)
    for (const path of ['/admin/anvandare', '/admin/logg', '/admin/utkorg']) {
      await expectForbidden(page, path)
    }
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' })
    expect(await nav.getByRole('link').allTextContents()).not.toContain('Användare')
  })

  it('lets a partner editor edit their own organisation but not another one', async () => {
    const page = await browser.open()
    expectHttpErrorInConsole(page, 403)
    await signIn(page, demoUsers.partnerEditor)
    const other = await organisationId(page, demoOrganisations.solor)
    await expectForbidden(page, `/organisationer/${other}/redigera`)

    const own = await organisationId(page, demoOrganisations.bostader)
    const response = await visit(page, `/organisationer/${own}/redigera`)
    expect(response.status()).toBe(200)
    await page.getByRole('heading', { level: 1, name: `Redigera ${demoOrganisations.bostader}` }).waitFor()
    const description = `Ny beskrivning ${unique('access')}`
    await page.getByLabel('Beskrivning', { exact: true }).fill(description)
    await Promise.all([
      page.waitForURL((address) => address.pathname === `/organisationer/${own}`),
      page.getByRole('button', { name: 'Spara', exact: true }).click(),
    ])
    await page.getByRole('status').filter({ hasText: 'Uppgifterna är sparade.' }).waitFor()
    await page.getByText(description, { exact: true }).first().waitFor()
    await visit(page, page.url())
  })

  it('sends a signed-out visitor to the sign-in page and back after signing in', async () => {
    const page = await browser.open()
    await visit(page, '/admin/anvandare')
    const address = new URL(page.url())
    expect(address.pathname).toBe('/logga-in')
    expect(address.searchParams.get('redirectTo')).toBe('/admin/anvandare')
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor()
    await page.getByLabel('E-postadress', { exact: true }).fill(demoUsers.coordinator)
    await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
    await Promise.all([
      page.waitForURL((next) => next.pathname !== '/logga-in'),
      page.getByRole('button', { name: 'Logga in', exact: true }).click(),
    ])
    // The coordinator's second step keeps the way back.
    expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/admin/anvandare')
    await passSecondFactor(page, demoUsers.coordinator)
    expect(new URL(page.url()).pathname).toBe('/admin/anvandare')
    await page.getByRole('heading', { level: 1, name: 'Användare och inbjudningar' }).waitFor()
  })

  it('answers an unknown address with a real 404 page', async () => {
    const page = await browser.open()
    expectHttpErrorInConsole(page, 404)
    const response = await visit(page, `/finns-inte/${unique('sida')}`)
    expect(response.status()).toBe(404)
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor()
    await page.getByRole('link', { name: 'Till startsidan' }).waitFor()
  })

  it('keeps an informant out of the organisations register', async () => {
    const page = await browser.open()
    expectHttpErrorInConsole(page, 403)
    await signIn(page, demoUsers.informant)
    await expectForbidden(page, '/organisationer')
  })
})
