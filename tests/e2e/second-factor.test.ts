import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import {
  baseUrl,
  expectHttpErrorInConsole,
  expectNoAxeViolations,
  phone,
  setupBrowser,
  signIn,
  signOut,
  typePassword,
  unique,
  visit,
} from '../support/e2e-browser'
import { pickInCombobox } from '../support/e2e-picker'
import { linkIn, waitForMail } from '../support/e2e-mailbox'
import { nextCode, rememberKey, replaceKey } from '../support/e2e-second-factor'

const browser = setupBrowser()

/** The coordinator invites a new council member; returns the invitation link from the e-mail. */
async function inviteCouncilMember(page: Page, email: string): Promise<string> {
  await signIn(page, demoUsers.coordinator)
  await visit(page, '/admin/anvandare')
  const form = page.getByRole('region', { name: 'Bjud in en person' })
  await form.getByLabel('E-postadress', { exact: true }).fill(email)
  await pickInCombobox(form, 'Sök organisation att lägga till', demoOrganisations.bostader)
  await form.getByLabel('Roll', { exact: true }).selectOption({ label: 'Ledamot i lokalt BRÅ' })
  await form.getByRole('button', { name: 'Skicka inbjudan' }).click()
  await page
    .getByRole('status')
    .filter({ hasText: `Inbjudan till ${email}` })
    .waitFor()
  // The outbox shows no link that works; the invited person's e-mail has it.
  return linkIn(await waitForMail(baseUrl(), (message) => message.to.includes(email.toLowerCase())), '/inbjudan/')
}

describe('two-step verification', () => {
  it('makes a new council member set up an authenticator app, then asks for a code or a recovery code at each sign-in', async () => {
    const suffix = unique('mfa')
    const email = `ny.ledamot+${suffix}@example.org`
    const password = `en lång fras ${suffix}`
    const link = await inviteCouncilMember(await browser.open(), email)

    // On a phone, as most council members are.
    const page = await browser.open({ viewport: phone })
    // Wrong codes answer 400, which Chromium logs.
    expectHttpErrorInConsole(page, 400)
    await visit(page, link)
    await page.getByLabel('Namn', { exact: true }).fill(`Nils Ledamot ${suffix}`)
    await page.getByLabel('Lösenord', { exact: true }).fill(password)
    await Promise.all([
      page.waitForURL((address) => address.pathname === '/konto/tvastegsverifiering'),
      page.getByRole('button', { name: 'Skapa konto och logga in' }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: 'Tvåstegsverifiering' }).waitFor()
    await page.getByText('Din roll ger åtkomst till känsliga uppgifter').waitFor()
    await page.getByRole('img', { name: 'QR-kod för att lägga till kontot i autentiseringsappen' }).waitFor()
    await expectNoAxeViolations(page)
    const secret = (await page.locator('[data-secret]').textContent())!
    expect(secret).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/)

    // Nothing else opens before the app is set up.
    await page.goto('/katalog')
    expect(new URL(page.url()).pathname).toBe('/konto/tvastegsverifiering')
    expect(await page.locator('[data-secret]').textContent()).not.toBe(secret)
    const shown = (await page.locator('[data-secret]').textContent())!
    rememberKey(baseUrl(), email, shown)

    // A mistyped code is explained at the field; the key on the page stays the same.
    await page.getByLabel('Kod från appen', { exact: true }).fill('000000')
    await page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }).click()
    await page.getByText('Koden stämmer inte med nyckeln.').waitFor()
    expect(await page.locator('[data-secret]').textContent()).toBe(shown)
    expect(await page.getByLabel('Kod från appen', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    await expectNoAxeViolations(page)

    await page.getByLabel('Kod från appen', { exact: true }).fill(await nextCode(baseUrl(), email))
    await page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }).click()
    await page.getByRole('heading', { level: 1, name: 'Spara dina återställningskoder' }).waitFor()
    const codes = await page.getByRole('list', { name: 'Återställningskoder' }).getByRole('listitem').allTextContents()
    expect(codes).toHaveLength(10)
    await expectNoAxeViolations(page)
    await page.screenshot({ path: '/tmp/e2e-recovery-codes-phone.png', fullPage: true })
    await Promise.all([
      page.waitForURL((address) => address.pathname === '/katalog'),
      page.getByRole('link', { name: 'Jag har sparat koderna, fortsätt' }).click(),
    ])

    // The next sign-in asks for the code.
    await signOut(page)
    await typePassword(page, email, password)
    expect(new URL(page.url()).pathname).toBe('/logga-in/kod')
    await page.getByRole('heading', { level: 1, name: 'Ange koden från din app' }).waitFor()
    await expectNoAxeViolations(page)
    await page.getByLabel('Kod från appen', { exact: true }).fill('111111')
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
    await page.getByText('Koden stämmer inte eller har redan använts.').waitFor()
    await page.getByLabel('Kod från appen', { exact: true }).fill(await nextCode(baseUrl(), email))
    await Promise.all([
      page.waitForURL((address) => address.pathname === '/'),
      page.getByRole('button', { name: 'Fortsätt', exact: true }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: /^Välkommen, Nils Ledamot/ }).waitFor()

    // Without the phone: a recovery code, once.
    await signOut(page)
    await typePassword(page, email, password)
    await page.getByText('Har du inte telefonen?').click()
    await page.getByLabel('Återställningskod', { exact: true }).fill(codes[0]!)
    await Promise.all([
      page.waitForURL((address) => address.pathname === '/konto/tvastegsverifiering'),
      page.getByRole('button', { name: 'Använd återställningskoden' }).click(),
    ])
    await page.getByRole('status').filter({ hasText: 'Du har 9 koder kvar.' }).waitFor()
    await page.getByText('Oanvända återställningskoder: 9.').waitFor()
    await expectNoAxeViolations(page)
    await signOut(page)
    await typePassword(page, email, password)
    await page.getByText('Har du inte telefonen?').click()
    await page.getByLabel('Återställningskod', { exact: true }).fill(codes[0]!)
    await page.getByRole('button', { name: 'Använd återställningskoden' }).click()
    await page.getByText('Återställningskoden stämmer inte eller har redan använts.').waitFor()
    expect(new URL(page.url()).pathname).toBe('/logga-in/kod')
  }, 180_000)

  it('lets a partner editor, for whom it is optional, turn it on from the account page', async () => {
    const page = await browser.open()
    // A replacement without a current code answers 400, which Chromium logs.
    expectHttpErrorInConsole(page, 400)
    await signIn(page, demoUsers.otherPartnerEditor)
    await visit(page, '/konto')
    await page.getByText('Tvåstegsverifiering är inte aktiverad.').waitFor()
    await Promise.all([
      page.waitForURL((address) => address.pathname === '/konto/tvastegsverifiering'),
      page.getByRole('link', { name: 'Aktivera tvåstegsverifiering' }).click(),
    ])
    await page.getByText('Skydda ditt konto med en kod från en autentiseringsapp').waitFor()
    await expectNoAxeViolations(page)
    rememberKey(baseUrl(), demoUsers.otherPartnerEditor, (await page.locator('[data-secret]').textContent())!)
    await page
      .getByLabel('Kod från appen', { exact: true })
      .fill(await nextCode(baseUrl(), demoUsers.otherPartnerEditor))
    await page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }).click()
    await page.getByRole('heading', { level: 1, name: 'Spara dina återställningskoder' }).waitFor()
    await visit(page, '/konto/tvastegsverifiering')
    await page.getByText(/^Tvåstegsverifiering är aktiverad sedan/).waitFor()

    // Replacing the app needs a code from the current one (or the password), not only the session.
    await Promise.all([
      page.waitForURL((address) => address.searchParams.has('byt')),
      page.getByRole('link', { name: 'Byt app' }).click(),
    ])
    const newApp = `ny app ${demoUsers.otherPartnerEditor}`
    rememberKey(baseUrl(), newApp, (await page.locator('[data-secret]').textContent())!)
    const newCode = await nextCode(baseUrl(), newApp)
    await page.getByLabel('Kod från appen', { exact: true }).fill(newCode)
    await page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }).click()
    await page.getByText('Skriv en kod från appen du använder nu, eller ditt lösenord.').waitFor()
    expect(await page.getByLabel('Kod från appen, för att bekräfta').getAttribute('aria-invalid')).toBe('true')
    // The new app's code stays in its field.
    expect(await page.getByLabel('Kod från appen', { exact: true }).inputValue()).toBe(newCode)
    await expectNoAxeViolations(page)
    await page.getByLabel('Kod från appen', { exact: true }).fill(await nextCode(baseUrl(), newApp))
    await page
      .getByLabel('Kod från appen, för att bekräfta')
      .fill(await nextCode(baseUrl(), demoUsers.otherPartnerEditor))
    await page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }).click()
    await page.getByRole('heading', { level: 1, name: 'Spara dina återställningskoder' }).waitFor()
    replaceKey(baseUrl(), demoUsers.otherPartnerEditor, newApp)
    await visit(page, '/konto/tvastegsverifiering')

    // Turning it off again needs a code; afterwards the account signs in with the password alone.
    const off = page.getByRole('region', { name: 'Stäng av tvåstegsverifiering' })
    await off
      .getByLabel('Kod från appen, för att bekräfta')
      .fill(await nextCode(baseUrl(), demoUsers.otherPartnerEditor))
    await off.getByRole('button', { name: 'Stäng av' }).click()
    await page.getByRole('status').filter({ hasText: 'Tvåstegsverifieringen är avstängd.' }).waitFor()
    await expectNoAxeViolations(page)
    await signOut(page)
    await signIn(page, demoUsers.otherPartnerEditor)
    expect(new URL(page.url()).pathname).toBe('/')
  }, 120_000)
})
