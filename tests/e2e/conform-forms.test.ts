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
  visit,
} from '../support/e2e-browser'
import { linkIn, waitForMail } from '../support/e2e-mailbox'
import { pickInCombobox } from '../support/e2e-picker'

// The forms converted to Conform (decision 031): the same form works as the
// server renders it, without JavaScript, and checked as the user types with it.

const browser = setupBrowser()

/** A page that runs no scripts, signed in as the person `signedIn` is (axe needs scripts: it checks the scripted pages). */
async function withoutScripts(signedIn: Page): Promise<Page> {
  const page = await browser.open({ javaScriptEnabled: false })
  await page.context().addCookies(await signedIn.context().cookies())
  // Chromium logs a refused post's answer (400, 409) as a failed resource.
  expectHttpErrorInConsole(page, 400)
  expectHttpErrorInConsole(page, 409)
  return page
}

/** The message a control's aria-describedby names, as a screen reader reads it with the control. */
async function descriptionOf(page: Page, control: ReturnType<Page['getByLabel']>): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean)
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))
  return texts.join(' ')
}

/** Records the posts a page sends, to show that a message came from the browser's own check. */
function postsOf(page: Page): string[] {
  const posts: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url())
  })
  return posts
}

const editRegion = (page: Page) => page.getByRole('region', { name: 'Ändra nätverkets uppgifter' })

async function save(page: Page) {
  await editRegion(page).getByRole('button', { name: 'Spara', exact: true }).click()
}

describe('the network forms', () => {
  it('work without JavaScript: a refused post names the field and keeps the input, a good one saves, a conflict shows the stored value', async () => {
    const scripted = await browser.open()
    await signIn(scripted, demoUsers.coordinator)
    const plain = await withoutScripts(scripted)
    await plain.goto('/natverk', { waitUntil: 'load' })
    const create = plain.getByRole('region', { name: 'Nytt nätverk' })
    const description = `Krisstöd ${unique('beskrivning')}`
    await create.getByLabel('Beskrivning', { exact: true }).fill(description)
    await create.getByRole('button', { name: 'Nytt nätverk', exact: true }).click()

    await create.getByRole('alert').filter({ hasText: 'Formuläret innehåller fel.' }).waitFor()
    const name = create.getByLabel('Namn', { exact: true })
    expect(await name.getAttribute('aria-invalid')).toBe('true')
    expect(await descriptionOf(plain, name)).toBe('Fyll i fältet.')
    expect(await create.getByLabel('Beskrivning', { exact: true }).inputValue()).toBe(description)

    const networkName = unique('Krisnätverk')
    await name.fill(networkName)
    await Promise.all([
      plain.waitForURL((address) => /^\/natverk\/[0-9a-f-]{36}$/.test(address.pathname)),
      create.getByRole('button', { name: 'Nytt nätverk', exact: true }).click(),
    ])
    await plain.getByRole('status').filter({ hasText: 'Nätverket är skapat.' }).waitFor()
    await plain.getByRole('heading', { level: 1, name: networkName }).waitFor()
    const networkPath = new URL(plain.url()).pathname

    // Two people edit the network; the second saves over a version that is no longer stored.
    const second = await withoutScripts(scripted)
    await second.goto(networkPath, { waitUntil: 'load' })
    const firstName = `${networkName} ändrat`
    await editRegion(plain).getByLabel('Namn', { exact: true }).fill(firstName)
    await save(plain)
    await plain.getByRole('status').filter({ hasText: 'Nätverkets uppgifter är sparade.' }).waitFor()

    const secondText = `Ny beskrivning ${unique('b')}`
    await editRegion(second).getByLabel('Beskrivning', { exact: true }).fill(secondText)
    await save(second)
    await editRegion(second).getByRole('alert').filter({ hasText: 'Någon annan har ändrat nätverket' }).waitFor()
    const secondName = editRegion(second).getByLabel('Namn', { exact: true })
    expect(await secondName.inputValue()).toBe(networkName)
    expect(await descriptionOf(second, secondName)).toBe(`Nuvarande värde: ${firstName}`)
    expect(await editRegion(second).getByLabel('Beskrivning', { exact: true }).inputValue()).toBe(secondText)
    // Saved again, knowingly over the other change: the second person's form wins.
    await save(second)
    await second.getByRole('status').filter({ hasText: 'Nätverkets uppgifter är sparade.' }).waitFor()
    await second.getByRole('heading', { level: 1, name: networkName }).waitFor()
    await second.getByText(secondText, { exact: true }).first().waitFor()
  }, 120_000)

  it('check as the user types with JavaScript, and show the stored value after a conflict', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)
    await visit(page, '/natverk')
    const create = page.getByRole('region', { name: 'Nytt nätverk' })
    const posts = postsOf(page)
    const name = create.getByLabel('Namn', { exact: true })
    await name.focus()
    await name.press('Tab')
    await create.getByText('Fyll i fältet.', { exact: true }).waitFor()
    expect(await name.getAttribute('aria-invalid')).toBe('true')
    expect(await descriptionOf(page, name)).toBe('Fyll i fältet.')
    // Typing clears the message, still without asking the server.
    await name.fill(unique('Kris'))
    await expect.poll(() => name.getAttribute('aria-invalid')).toBeNull()
    await name.fill('')
    await create.getByRole('button', { name: 'Nytt nätverk', exact: true }).click()
    await create.getByRole('alert').filter({ hasText: 'Formuläret innehåller fel.' }).waitFor()
    expect(posts).toEqual([])
    await expectNoAxeViolations(page)

    const networkName = unique('Samverkan')
    await name.fill(networkName)
    await Promise.all([
      page.waitForURL((address) => /^\/natverk\/[0-9a-f-]{36}$/.test(address.pathname)),
      create.getByRole('button', { name: 'Nytt nätverk', exact: true }).click(),
    ])
    await page.getByRole('status').filter({ hasText: 'Nätverket är skapat.' }).waitFor()
    const networkPath = new URL(page.url()).pathname

    // A member must be chosen before the form is sent.
    const addMember = page.locator('form').filter({ has: page.getByRole('button', { name: 'Lägg till', exact: true }) })
    const before = posts.length
    await addMember.getByRole('button', { name: 'Lägg till', exact: true }).click()
    await addMember.getByText('Välj ett alternativ i listan.', { exact: true }).waitFor()
    expect(posts.length).toBe(before)
    await pickInCombobox(addMember, 'Sök organisation att lägga till', demoOrganisations.bostader)
    await addMember.getByRole('button', { name: 'Lägg till', exact: true }).click()
    await page.getByText(`${demoOrganisations.bostader} är tillagd i nätverket.`).waitFor()
    expect(await addMember.getByText('Välj ett alternativ i listan.').count()).toBe(0)

    // Someone else saves meanwhile, in a browser without scripts.
    const other = await withoutScripts(page)
    await other.goto(networkPath, { waitUntil: 'load' })
    const otherText = `Ändrad av någon annan ${unique('x')}`
    await editRegion(other).getByLabel('Beskrivning', { exact: true }).fill(otherText)
    await save(other)
    await other.getByRole('status').filter({ hasText: 'Nätverkets uppgifter är sparade.' }).waitFor()

    expectHttpErrorInConsole(page, 409)
    const description = editRegion(page).getByLabel('Beskrivning', { exact: true })
    const mine = `Min beskrivning ${unique('y')}`
    await description.fill(mine)
    await save(page)
    await editRegion(page).getByRole('alert').filter({ hasText: 'Någon annan har ändrat nätverket' }).waitFor()
    expect(await description.inputValue()).toBe(mine)
    expect(await descriptionOf(page, description)).toBe(`Nuvarande värde: ${otherText}`)
    await expectNoAxeViolations(page)
    await save(page)
    await page.getByRole('status').filter({ hasText: 'Nätverkets uppgifter är sparade.' }).waitFor()
    await page.getByText(mine, { exact: true }).first().waitFor()
    expect(
      await editRegion(page)
        .getByText(/^Nuvarande värde/)
        .count(),
    ).toBe(0)
  }, 120_000)
})

/** A new partner editor, invited by the coordinator: a password of their own to change. */
async function newAccount(): Promise<{ page: Page; password: string }> {
  const suffix = unique('konto')
  const email = `byt.losen+${suffix}@example.org`
  const password = `första lösenfrasen ${suffix}`
  const coordinator = await browser.open()
  await signIn(coordinator, demoUsers.coordinator)
  await visit(coordinator, '/admin/anvandare', { axe: false })
  const form = coordinator.getByRole('region', { name: 'Bjud in en person' })
  await form.getByLabel('E-postadress', { exact: true }).fill(email)
  await pickInCombobox(form, 'Sök organisation att lägga till', demoOrganisations.bostader)
  await form.getByLabel('Roll', { exact: true }).selectOption({ label: 'Redaktör för organisationen' })
  await form.getByRole('button', { name: 'Skicka inbjudan' }).click()
  await coordinator
    .getByRole('status')
    .filter({ hasText: `Inbjudan till ${email} är skickad.` })
    .waitFor()
  const mail = await waitForMail(baseUrl(), (message) => message.to.includes(email.toLowerCase()))
  const page = await browser.open()
  await visit(page, linkIn(mail, '/inbjudan/'), { axe: false })
  await page.getByLabel('Namn', { exact: true }).fill(`Byt Lösen ${suffix}`)
  await page.getByLabel('Lösenord', { exact: true }).fill(password)
  await Promise.all([
    page.waitForURL((address) => address.pathname === '/'),
    page.getByRole('button', { name: 'Skapa konto och logga in' }).click(),
  ])
  return { page, password }
}

describe("the account page's password change", () => {
  it('checks as the user types with JavaScript, and works without it: a wrong current password is named, a good change signs in anew', async () => {
    const { page, password } = await newAccount()
    await visit(page, '/konto')
    const posts = postsOf(page)
    const current = page.getByLabel('Nuvarande lösenord', { exact: true })
    const fresh = page.getByLabel('Nytt lösenord', { exact: true })
    await fresh.fill('kort')
    await fresh.press('Tab')
    await page.getByText('Lösenordet måste ha minst 8 tecken.', { exact: true }).waitFor()
    expect(await descriptionOf(page, fresh)).toMatch(/ Lösenordet måste ha minst 8 tecken\.$/)
    expect(posts).toEqual([])
    await expectNoAxeViolations(page)

    // The server's own refusal, shown the same way.
    expectHttpErrorInConsole(page, 400)
    await current.fill('inte mitt lösenord')
    await fresh.fill('en helt ny lösenfras')
    await page.getByRole('button', { name: 'Byt lösenord', exact: true }).click()
    await page.getByText('Det nuvarande lösenordet stämmer inte.', { exact: true }).waitFor()
    expect(await current.getAttribute('aria-invalid')).toBe('true')
    expect(await descriptionOf(page, current)).toBe('Det nuvarande lösenordet stämmer inte.')
    expect(posts).toHaveLength(1)

    const plain = await withoutScripts(page)
    await plain.goto('/konto', { waitUntil: 'load' })
    const plainCurrent = plain.getByLabel('Nuvarande lösenord', { exact: true })
    const plainFresh = plain.getByLabel('Nytt lösenord', { exact: true })
    await plainCurrent.fill('fel igen')
    await plainFresh.fill('kort')
    await plain.getByRole('button', { name: 'Byt lösenord', exact: true }).click()
    await plain.getByText('Lösenordet måste ha minst 8 tecken.', { exact: true }).waitFor()
    expect(await plainFresh.getAttribute('aria-invalid')).toBe('true')
    // A password is never sent back to the page.
    expect(await plainCurrent.inputValue()).toBe('')
    expect(await plainFresh.inputValue()).toBe('')
    expect(await plain.content()).not.toContain('fel igen')

    await plainCurrent.fill(password)
    await plainFresh.fill(`andra lösenfrasen ${unique('ny')}`)
    await plain.getByRole('button', { name: 'Byt lösenord', exact: true }).click()
    await plain
      .getByRole('status')
      .filter({ hasText: 'Lösenordet är bytt. Dina andra inloggningar är avslutade.' })
      .waitFor()
    expect(new URL(plain.url()).pathname).toBe('/konto')
  }, 180_000)
})
