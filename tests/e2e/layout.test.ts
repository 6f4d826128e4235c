import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import {
  answerTiles,
  baseUrl,
  expectNoAxeViolations,
  openDemoCouncil,
  phone,
  signIn,
  setupBrowser,
  unique,
  visit,
} from '../support/e2e-browser'
import { pickInCombobox } from '../support/e2e-picker'
import { linkIn, waitForMail } from '../support/e2e-mailbox'

const browser = setupBrowser()

/** An iPhone 12–15 sized screen. */
const tallPhone = { width: 390, height: 844 }

/** How far the document reaches sideways beyond the window; 0 when nothing scrolls sideways. */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)
}

/** What a screen reader is told about the element of that name: its role and whether it is expanded (Chromium's accessibility tree). */
async function accessibleNode(page: Page, name: string): Promise<{ role: string; expanded: boolean | undefined }> {
  const cdp = await page.context().newCDPSession(page)
  const { root } = await cdp.send('DOM.getDocument')
  const { nodes } = await cdp.send('Accessibility.queryAXTree', {
    backendNodeId: root.backendNodeId,
    accessibleName: name,
  })
  await cdp.detach()
  const node = nodes.find((candidate) => !candidate.ignored)
  if (!node) throw new Error(`Nothing named ${name} in the accessibility tree`)
  const expanded = node.properties?.find((property) => property.name === 'expanded')?.value.value as boolean | undefined
  return { role: String(node.role?.value), expanded }
}

async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox()
  if (!box) throw new Error(`${String(locator)} is not on the page`)
  return box
}

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

describe('page width', () => {
  it("keeps the RSA overview's answer table inside its own scroll box at 1280 px", async () => {
    const coordinator = await browser.open()
    await signIn(coordinator, demoUsers.coordinator)
    await visit(coordinator, '/rsa/ny', { axe: false })
    await coordinator.getByLabel('Namn på analysen').fill(unique('RSA för sidbredden'))
    await coordinator.getByLabel('Mandatperiodens första år').fill('2027')
    await coordinator.getByLabel('Mandatperiodens sista år').fill('2030')
    await pickInCombobox(coordinator, 'Sök organisation att lägga till', demoOrganisations.bostader)
    await pickInCombobox(coordinator, 'Sök organisation att lägga till', demoOrganisations.solor)
    await Promise.all([
      coordinator.waitForURL(/\/rsa\/[0-9a-f-]{36}\/installningar$/),
      coordinator.getByRole('button', { name: 'Skapa analysen' }).click(),
    ])
    const overview = new URL(coordinator.url()).pathname.replace(/\/installningar$/, '')

    const page = await browser.open()
    await signIn(page, demoUsers.partnerEditor)
    await visit(page, overview)
    const caption = 'Er organisations svar per händelse; välj en händelse för att svara'
    const table = page.getByRole('table', { name: caption })
    await table.waitFor()
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0)
    // The last event's column is reached by scrolling the table's own box, not the page.
    const region = page.getByRole('region', { name: caption })
    const lastHeader = table.locator('thead th').last()
    await region.evaluate((element) => element.scrollTo({ left: element.scrollWidth }))
    const regionBox = await boxOf(region)
    const lastBox = await boxOf(lastHeader)
    expect(lastBox.x + lastBox.width).toBeLessThanOrEqual(regionBox.x + regionBox.width + 1)
    await page.screenshot({ path: '/tmp/layout-rsa-1280.png', fullPage: true })

    const mobile = await browser.open({ viewport: tallPhone })
    await signIn(mobile, demoUsers.partnerEditor)
    await visit(mobile, overview, { axe: false })
    expect(await sidewaysOverflow(mobile)).toBeLessThanOrEqual(0)
    await mobile.screenshot({ path: '/tmp/layout-rsa-390.png', fullPage: true })
  })
})

describe('the weekly picture', () => {
  it('shows each filter checkbox as a small box on the line of its label', async () => {
    for (const viewport of [undefined, tallPhone]) {
      const page = await browser.open(viewport ? { viewport } : {})
      await answerTiles(page)
      await signIn(page, demoUsers.councilMember)
      const council = await openDemoCouncil(page)
      await visit(page, `${council}/veckobild`, { axe: false })
      for (const legend of ['Kategorier', 'Källor (rapporterande organisation)']) {
        const group = page.getByRole('group', { name: legend, exact: true })
        const boxes = group.getByRole('checkbox')
        expect(await boxes.count()).toBeGreaterThan(0)
        for (const checkbox of await boxes.all()) {
          const box = await boxOf(checkbox)
          expect(box.width).toBeLessThanOrEqual(24)
          expect(box.height).toBeLessThanOrEqual(24)
          // The box sits before the first line of its label's text, on that line.
          const line = await checkbox.evaluate((input) => {
            const range = document.createRange()
            range.selectNodeContents(input.closest('label')!)
            range.setStartAfter(input)
            const first = [...range.getClientRects()].find((rect) => rect.width > 0)!
            const box = input.getBoundingClientRect()
            return {
              boxRight: box.right,
              boxMiddle: box.top + box.height / 2,
              left: first.left,
              top: first.top,
              bottom: first.bottom,
            }
          })
          expect(line.boxRight).toBeLessThanOrEqual(line.left)
          expect(line.boxMiddle).toBeGreaterThanOrEqual(line.top)
          expect(line.boxMiddle).toBeLessThanOrEqual(line.bottom)
        }
      }
      await page
        .getByRole('region', { name: 'Period och urval' })
        .screenshot({ path: `/tmp/layout-weekly-${viewport?.width ?? 1280}.png` })
    }
  })
})

describe('the menu on a phone', () => {
  it('sits behind a menu button that works by keyboard and without JavaScript; a wide screen shows it as before', async () => {
    const page = await browser.open({ viewport: tallPhone })
    await signIn(page, demoUsers.coordinator)
    await visit(page, '/')
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' })
    // A <summary>: Chromium tells a screen reader it is a disclosure button, collapsed or expanded.
    const button = menu.locator('summary', { hasText: 'Meny' })
    await button.waitFor()
    expect(await accessibleNode(page, 'Meny')).toEqual({ role: 'DisclosureTriangle', expanded: false })
    expect(await menu.getByRole('link', { name: 'Katalog' }).isVisible()).toBe(false)
    // The page's heading is in the top third of the screen, not below a wall of links.
    const heading = await boxOf(page.getByRole('heading', { level: 1 }))
    expect(heading.y).toBeLessThan(tallPhone.height / 3)
    await page.screenshot({ path: '/tmp/layout-menu-390-closed.png' })

    await button.focus()
    await page.keyboard.press('Enter')
    await menu.getByRole('link', { name: 'Katalog' }).waitFor()
    expect(await accessibleNode(page, 'Meny')).toEqual({ role: 'DisclosureTriangle', expanded: true })
    await expectNoAxeViolations(page)
    await page.screenshot({ path: '/tmp/layout-menu-390-open.png' })
    // A new page starts with the menu closed again.
    await Promise.all([
      page.waitForURL((address) => address.pathname === '/katalog'),
      menu.getByRole('link', { name: 'Katalog' }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: 'Katalog' }).waitFor()
    expect(await menu.getByRole('link', { name: 'Katalog' }).isVisible()).toBe(false)

    // Without JavaScript the button opens the menu just the same.
    const plain = await browser.open({ viewport: tallPhone, javaScriptEnabled: false })
    await plain.context().addCookies(await page.context().cookies())
    await plain.goto('/', { waitUntil: 'load' })
    const plainMenu = plain.getByRole('navigation', { name: 'Huvudmeny' })
    await plainMenu.locator('summary', { hasText: 'Meny' }).click()
    await plainMenu.getByRole('link', { name: 'Katalog' }).waitFor()
    expect(await sidewaysOverflow(plain)).toBeLessThanOrEqual(0)

    // A wide screen shows the links in a row and no menu button.
    const wide = await browser.open()
    await signIn(wide, demoUsers.coordinator)
    await visit(wide, '/')
    const wideMenu = wide.getByRole('navigation', { name: 'Huvudmeny' })
    await wideMenu.getByRole('link', { name: 'Katalog' }).waitFor()
    expect(await wideMenu.locator('summary').isVisible()).toBe(false)
    // Shown to a screen reader too, though the disclosure is closed.
    expect((await accessibleNode(wide, 'Katalog')).role).toBe('link')
    const first = await boxOf(wideMenu.getByRole('link').first())
    const second = await boxOf(wideMenu.getByRole('link').nth(1))
    expect(second.y).toBe(first.y)
    await wide.screenshot({ path: '/tmp/layout-menu-1280.png' })
  })
})

describe('the second factor set-up at first sign-in', () => {
  it('keeps the button to turn it on apart from the button to cancel and sign out', async () => {
    const suffix = unique('knappar')
    const email = `ny.ledamot+${suffix}@example.org`
    const coordinator = await browser.open()
    await signIn(coordinator, demoUsers.coordinator)
    await visit(coordinator, '/admin/anvandare', { axe: false })
    const form = coordinator.getByRole('region', { name: 'Bjud in en person' })
    await form.getByLabel('E-postadress', { exact: true }).fill(email)
    await pickInCombobox(form, 'Sök organisation att lägga till', demoOrganisations.bostader)
    await form.getByLabel('Roll', { exact: true }).selectOption({ label: 'Ledamot i lokalt BRÅ' })
    await form.getByRole('button', { name: 'Skicka inbjudan' }).click()
    const link = linkIn(await waitForMail(baseUrl(), (message) => message.to.includes(email)), '/inbjudan/')

    for (const viewport of [undefined, tallPhone]) {
      const page = await browser.open(viewport ? { viewport } : {})
      if (viewport) {
        // The second time, the account exists: signing in leads to the same set-up page.
        await page.goto('/logga-in')
        await page.getByLabel('E-postadress', { exact: true }).fill(email)
        await page.getByLabel('Lösenord', { exact: true }).fill(`en lång fras ${suffix}`)
        await Promise.all([
          page.waitForURL((address) => address.pathname === '/konto/tvastegsverifiering'),
          page.getByRole('button', { name: 'Logga in', exact: true }).click(),
        ])
      } else {
        await visit(page, link, { axe: false })
        await page.getByLabel('Namn', { exact: true }).fill(`Nils Ledamot ${suffix}`)
        await page.getByLabel('Lösenord', { exact: true }).fill(`en lång fras ${suffix}`)
        await Promise.all([
          page.waitForURL((address) => address.pathname === '/konto/tvastegsverifiering'),
          page.getByRole('button', { name: 'Skapa konto och logga in' }).click(),
        ])
      }
      const turnOn = await boxOf(page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }))
      const cancel = await boxOf(page.getByRole('button', { name: 'Avbryt och logga ut' }))
      expect(cancel.y - (turnOn.y + turnOn.height)).toBeGreaterThanOrEqual(16)
      await page.screenshot({ path: `/tmp/layout-second-factor-${viewport?.width ?? 1280}.png`, fullPage: true })
    }
  })
})
