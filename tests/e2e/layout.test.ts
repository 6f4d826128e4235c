import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoUsers } from '../support/e2e-constants'
import { expectNoAxeViolations, phone, signIn, setupBrowser, visit } from '../support/e2e-browser'

const browser = setupBrowser()

function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth)
}

describe('layout on a small phone', () => {
  it('shows the sign-in page and the start page without sideways scrolling', async () => {
    const page = await browser.open({ viewport: phone })
    await visit(page, '/logga-in')
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor()
    expect(await pageWidth(page)).toBeLessThanOrEqual(phone.width)

    // The coordinator has the longest menu and the longest organisation line.
    await signIn(page, demoUsers.coordinator)
    await page.getByRole('heading', { level: 1, name: /^Välkommen, / }).waitFor()
    expect(await pageWidth(page)).toBeLessThanOrEqual(phone.width)
    await expectNoAxeViolations(page)
    await page.screenshot({ path: '/tmp/e2e-start-360.png', fullPage: true })

    // A partner editor's header names an organisation with a long name.
    const partner = await browser.open({ viewport: phone })
    await signIn(partner, demoUsers.otherPartnerEditor)
    await partner.getByRole('heading', { level: 1, name: /^Välkommen, / }).waitFor()
    expect(await pageWidth(partner)).toBeLessThanOrEqual(phone.width)
    await expectNoAxeViolations(partner)
  })
})

describe('keyboard', () => {
  it('makes the skip link the first tab stop and moves focus to the main content', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.viewer)
    await visit(page, '/')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Hoppa till innehållet' })
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true)
    // Visible when focused, so a sighted keyboard user sees where they are.
    const box = await skip.boundingBox()
    expect(box && box.y >= 0 && box.width > 1 && box.height > 1).toBe(true)
    await page.keyboard.press('Enter')
    const main = page.getByRole('main')
    await expect.poll(() => main.evaluate((element) => element === document.activeElement)).toBe(true)
    // The next tab stop is inside the main content, not back in the header.
    await page.keyboard.press('Tab')
    expect(await main.evaluate((element) => element.contains(document.activeElement))).toBe(true)
  })
})

describe('language', () => {
  it('switches to English, remembers it, and switches back', async () => {
    const page = await browser.open()
    await visit(page, '/logga-in')
    expect(await page.locator('html').getAttribute('lang')).toBe('sv')
    await page.getByRole('button', { name: 'In English', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/logga-in')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await expectNoAxeViolations(page)

    await page.reload({ waitUntil: 'load' })
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor()
    await visit(page, '/glomt-losenord')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await visit(page, '/logga-in')
    await page.getByLabel('Password', { exact: true }).waitFor()

    await page.getByRole('button', { name: 'På svenska', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('sv')
    await page.reload({ waitUntil: 'load' })
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor()
    await expectNoAxeViolations(page)
  })
})
