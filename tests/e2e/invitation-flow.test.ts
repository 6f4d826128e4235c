import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import { expectNoAxeViolations, signIn, signOut, unique, setupBrowser, visit } from '../support/e2e-browser'

const browser = setupBrowser()

async function openFromMainNav(page: Page, name: string) {
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' })
  await nav.getByRole('link', { name, exact: true }).click()
  await page.waitForLoadState('load')
}

describe('inviting a new partner', () => {
  it('takes an invitation from the coordinator to a signed-in new user, and logs it', async () => {
    const suffix = unique('e2e')
    const email = `ny.partner+${suffix}@example.org`
    const name = `Nora Partner ${suffix}`
    const password = `en lång fras ${suffix}`

    const coordinator = await browser.open()
    await signIn(coordinator, demoUsers.coordinator)
    await coordinator.getByRole('heading', { level: 1, name: /^Välkommen, / }).waitFor()
    await expectNoAxeViolations(coordinator)

    await openFromMainNav(coordinator, 'Användare')
    await coordinator.getByRole('heading', { level: 1, name: 'Användare och inbjudningar' }).waitFor()
    await expectNoAxeViolations(coordinator)
    const form = coordinator.getByRole('region', { name: 'Bjud in en person' })
    await form.getByLabel('E-postadress', { exact: true }).fill(email)
    await form.getByLabel('Organisation', { exact: true }).selectOption({ label: demoOrganisations.bostader })
    await form.getByLabel('Roll', { exact: true }).selectOption({ label: 'Redaktör för organisationen' })
    await form.getByRole('button', { name: 'Skicka inbjudan' }).click()
    await coordinator
      .getByRole('status')
      .filter({ hasText: `Inbjudan till ${email} ligger i utkorgen (ingen e-postserver är inställd).` })
      .waitFor()
    const pending = coordinator.getByRole('region', { name: 'Väntande inbjudningar' })
    await pending.getByText(`${email} – ${demoOrganisations.bostader}, Redaktör för organisationen.`).waitFor()
    // The form is emptied for the next invitation.
    expect(await form.getByLabel('E-postadress', { exact: true }).inputValue()).toBe('')
    await expectNoAxeViolations(coordinator)
    await coordinator.screenshot({ path: '/tmp/e2e-users-desktop.png', fullPage: true })

    await openFromMainNav(coordinator, 'Utkorg')
    await coordinator.getByRole('heading', { level: 1, name: 'Utkorg' }).waitFor()
    await expectNoAxeViolations(coordinator)
    const message = coordinator.getByRole('article').filter({ hasText: email })
    expect(await message.count()).toBe(1)
    await message
      .getByRole('heading', { name: `Inbjudan till områdesansvarsportalen – ${demoOrganisations.bostader}` })
      .waitFor()
    const link = await message.getByRole('link', { name: /\/inbjudan\// }).getAttribute('href')
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/inbjudan\/[A-Za-z0-9_-]+$/)

    await signOut(coordinator)
    await coordinator.getByRole('status').filter({ hasText: 'Du är utloggad.' }).waitFor()

    // The invited person opens the link in their own browser.
    const invited = await browser.open()
    await visit(invited, link!)
    await invited.getByRole('heading', { level: 1, name: 'Välkommen till områdesansvarsportalen' }).waitFor()
    await invited
      .getByText(`Du har bjudits in till ${demoOrganisations.bostader} med rollen Redaktör för organisationen.`)
      .waitFor()
    await invited.getByText(email, { exact: true }).waitFor()
    await invited.getByLabel('Namn', { exact: true }).fill(name)
    await invited.getByLabel('Lösenord', { exact: true }).fill(password)
    await Promise.all([
      invited.waitForURL((address) => address.pathname === '/'),
      invited.getByRole('button', { name: 'Skapa konto och logga in' }).click(),
    ])
    await invited.getByRole('heading', { level: 1, name: `Välkommen, ${name}` }).waitFor()
    await invited.getByText(`${demoOrganisations.bostader} (Redaktör för organisationen)`).waitFor()
    await expectNoAxeViolations(invited)

    // The link works once only.
    await visit(invited, link!)
    await invited
      .getByRole('alert')
      .filter({ hasText: 'Inbjudan är ogiltig, redan använd eller för gammal.' })
      .waitFor()

    await visit(invited, '/')
    await signOut(invited)
    await signIn(invited, email, password)
    await invited.getByRole('heading', { level: 1, name: `Välkommen, ${name}` }).waitFor()
    await expectNoAxeViolations(invited)

    await signIn(coordinator, demoUsers.coordinator)
    await openFromMainNav(coordinator, 'Händelselogg')
    await coordinator.getByRole('heading', { level: 1, name: 'Händelselogg' }).waitFor()
    await expectNoAxeViolations(coordinator)
    const log = coordinator.getByRole('table', { name: 'Händelselogg' })
    await log.getByRole('row').filter({ hasText: 'Inbjudan skapad' }).filter({ hasText: email }).waitFor()
    const created = log.getByRole('row').filter({ hasText: 'Användare skapad' }).filter({ hasText: email })
    await created.waitFor()
    expect(await created.getByRole('cell').nth(1).textContent()).toBe(name)
    const joined = log.getByRole('row').filter({ hasText: 'Medlemskap skapad' }).filter({ hasText: name })
    await joined.getByText(demoOrganisations.bostader).waitFor()
    await joined.getByText('partner_editor').waitFor()
    // A journey through nine pages, each checked by axe: room for a loaded machine.
  }, 120_000)
})
