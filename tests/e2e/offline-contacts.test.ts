import { describe, expect, it } from 'vitest'
import { demoUsers } from '../support/e2e-constants'
import { expectConsoleError, setupBrowser, signIn, signOut, visit } from '../support/e2e-browser'

const browser = setupBrowser()

describe('contact list without a network', () => {
  it('stays readable offline after one visit, marked as saved, and is cleared at sign-out', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.viewer)
    await visit(page, '/kontaktlista')
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
    // A page loaded after the worker is active is controlled by it, and that load stores the list.
    await visit(page, '/kontaktlista', { axe: false })
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await page.waitForFunction(async () => Boolean(await caches.match('/kontaktlista')))

    // Offline, the page's own requests fail; that is what this test is about.
    expectConsoleError(page, /ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/)
    await page.context().setOffline(true)
    await page.goto('/organisationer', { waitUntil: 'domcontentloaded' })
    await page.getByRole('heading', { level: 1, name: 'Kontaktlista för störda förhållanden' }).waitFor()
    await expect(page.getByText('Du ser en sparad kopia').isVisible()).resolves.toBe(true)
    await expect(page.getByText(/Uppgifterna hämtades/).isVisible()).resolves.toBe(true)
    const text = await page.locator('main').innerText()
    expect(text).toMatch(/ISK|TiB/)
    expect(text).not.toContain('Begränsad')

    await page.context().setOffline(false)
    await visit(page, '/', { axe: false })
    await signOut(page)
    const left = await page.evaluate(async () => ({
      caches: await caches.keys(),
      workers: (await navigator.serviceWorker.getRegistrations()).length,
    }))
    expect(left).toEqual({ caches: [], workers: 0 })
  })
})
