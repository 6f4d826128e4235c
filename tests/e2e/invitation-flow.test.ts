import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import { baseUrl, expectNoAxeViolations, signIn, signOut, unique, setupBrowser, visit } from '../support/e2e-browser'
import { linkIn, waitForMail } from '../support/e2e-mailbox'
import { pickInCombobox } from '../support/e2e-picker'

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
    await pickInCombobox(form, 'Sök organisation att lägga till', demoOrganisations.bostader)
    await form.getByLabel('Roll', { exact: true }).selectOption({ label: 'Redaktör för organisationen' })
    await form.getByRole('button', { name: 'Skicka inbjudan' }).click()
    await coordinator
      .getByRole('status')
      .filter({ hasText: `Inbjudan till ${email} är skickad.` })
      .waitFor()
    const pending = coordinator.getByRole('region', { name: 'Väntande inbjudningar' })
    await pending.getByText(`${email} – ${demoOrganisations.bostader}, Redaktör för organisationen.`).waitFor()
    // The form is emptied for the next invitation.
    expect(await form.getByLabel('E-postadress', { exact: true }).inputValue()).toBe('')
    await expectNoAxeViolations(coordinator)
    await coordinator.screenshot({ path: '/tmp/e2e-users-desktop.png', fullPage: true })

    // The link is in the invited person's e-mail only.
    const mail = await waitForMail(baseUrl(), (message) => message.to.includes(email.toLowerCase()))
    expect(mail.subject).toBe(`Inbjudan till områdesansvarsportalen – ${demoOrganisations.bostader}`)
    const link = linkIn(mail, '/inbjudan/')
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/inbjudan\/[a-z2-7]+$/)

    await signOut(coordinator)
    await coordinator.getByRole('status').filter({ hasText: 'Du är utloggad.' }).waitFor()

    // The invited person opens the link in their own browser.
    const invited = await browser.open()
    await visit(invited, link)
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
    await visit(invited, link)
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
    await openFromMainNav(coordinator, 'Ändringslogg')
    await coordinator.getByRole('heading', { level: 1, name: 'Ändringslogg' }).waitFor()
    await expectNoAxeViolations(coordinator)
    const log = coordinator.getByRole('table', { name: 'Ändringslogg' })
    await log.getByRole('row').filter({ hasText: 'Inbjudan till portalen skickad' }).filter({ hasText: email }).waitFor()
    const created = log.getByRole('row').filter({ hasText: 'Konto skapat' }).filter({ hasText: email })
    await created.waitFor()
    expect(await created.getByRole('cell').nth(1).textContent()).toBe(name)
    const joined = log.getByRole('row').filter({ hasText: 'Roll i organisation tilldelad' }).filter({ hasText: name })
    await joined.getByText(demoOrganisations.bostader).waitFor()
    await joined.getByText('Redaktör för organisationen').waitFor()

    // Now an account exists for the address: a second invitation's link signs no one in.
    await visit(coordinator, '/admin/anvandare')
    const again = coordinator.getByRole('region', { name: 'Bjud in en person' })
    await again.getByLabel('E-postadress', { exact: true }).fill(email)
    await pickInCombobox(again, 'Sök organisation att lägga till', demoOrganisations.solor)
    await again.getByLabel('Roll', { exact: true }).selectOption({ label: 'Läsare' })
    await again.getByRole('button', { name: 'Skicka inbjudan' }).click()
    await coordinator
      .getByRole('status')
      .filter({ hasText: `Inbjudan till ${email} är skickad.` })
      .waitFor()
    const second = await waitForMail(
      baseUrl(),
      (message) => message.to.includes(email.toLowerCase()) && message.subject.includes(demoOrganisations.solor),
    )
    const secondLink = linkIn(second, '/inbjudan/')

    // Signed in as someone else, the page says so and accepts nothing.
    await visit(coordinator, secondLink)
    await coordinator.getByText(`Du är inloggad som Karin Ek, men inbjudan gäller kontot ${email}.`).waitFor()
    expect(await coordinator.getByRole('button', { name: 'Gå med' }).count()).toBe(0)
    await expectNoAxeViolations(coordinator)

    // Signed out: sign in as usual, come back, accept with one button.
    const returning = await browser.open()
    await visit(returning, secondLink)
    await returning.getByText(`Det finns redan ett konto för ${email}.`, { exact: false }).waitFor()
    expect(await returning.getByLabel('Lösenord', { exact: true }).count()).toBe(0)
    await expectNoAxeViolations(returning)
    await Promise.all([
      returning.waitForURL((address) => address.pathname === '/logga-in'),
      returning.getByRole('link', { name: 'Logga in för att tacka ja' }).click(),
    ])
    await returning.getByLabel('E-postadress', { exact: true }).fill(email)
    await returning.getByLabel('Lösenord', { exact: true }).fill(password)
    await Promise.all([
      returning.waitForURL((address) => address.pathname === new URL(secondLink).pathname),
      returning.getByRole('button', { name: 'Logga in', exact: true }).click(),
    ])
    await returning.getByText(`Bekräfta för att gå med i ${demoOrganisations.solor}.`, { exact: false }).waitFor()
    await expectNoAxeViolations(returning)
    await Promise.all([
      returning.waitForURL((address) => address.pathname === '/'),
      returning.getByRole('button', { name: 'Gå med' }).click(),
    ])
    await returning.getByText(`${demoOrganisations.solor} (Läsare)`).waitFor()
    await returning.getByText(`${demoOrganisations.bostader} (Redaktör för organisationen)`).waitFor()
    // A journey through a dozen pages, each checked by axe: room for a loaded machine.
  }, 180_000)
})
