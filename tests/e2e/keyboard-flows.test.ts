import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers, DEMO_PASSWORD } from '../support/e2e-constants'
import { answerTiles, baseUrl, expectNoAxeViolations, setupBrowser, signIn, signOut, unique } from '../support/e2e-browser'
import { nextCode } from '../support/e2e-second-factor'

// The main flows with the keyboard alone (WCAG 2.1.1): Tab and Shift+Tab to
// move, typing, arrows within a group of radio buttons, Space and Enter.
// Locators only name the control the keyboard must reach; nothing is clicked.
// Typing an address into the address bar is page.goto.

const browser = setupBrowser()

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement)

/** Tabs forward until `target` has the focus; a control that Tab never reaches fails the test. */
async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  await target.waitFor({ state: 'attached' })
  for (let presses = 0; presses < limit; presses++) {
    if (await isFocused(target)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${String(target)}`)
}

/** Within a radio group, arrows move the choice; the focused radio is the checked one. */
async function arrowTo(page: Page, target: Locator, limit = 30): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await isFocused(target)) return
    await page.keyboard.press('ArrowDown')
  }
  throw new Error(`The arrows never reached ${String(target)}`)
}

async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  await page.keyboard.type(text)
}

async function press(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target)
  await page.keyboard.press(key)
}

async function signInByKeyboard(page: Page, email: string): Promise<void> {
  await page.goto('/logga-in')
  await typeInto(page, page.getByLabel('E-postadress', { exact: true }), email)
  await typeInto(page, page.getByLabel('Lösenord', { exact: true }), DEMO_PASSWORD)
  await Promise.all([page.waitForURL((address) => address.pathname !== '/logga-in'), page.keyboard.press('Enter')])
}

describe('the main flows with the keyboard alone', () => {
  it('signs in, with the second step (the skip link has its own test in layout.test.ts)', async () => {
    // The coordinator's app is set up once (through the mouse helper), then the keyboard signs in.
    const setup = await browser.open()
    await signIn(setup, demoUsers.coordinator)
    await signOut(setup)

    const page = await browser.open()
    await signInByKeyboard(page, demoUsers.coordinator)
    expect(new URL(page.url()).pathname).toBe('/logga-in/kod')
    await typeInto(page, page.getByLabel('Kod från appen', { exact: true }), await nextCode(baseUrl(), demoUsers.coordinator))
    await Promise.all([page.waitForURL((address) => address.pathname === '/'), page.keyboard.press('Enter')])
    await page.getByRole('heading', { level: 1, name: /^Välkommen, / }).waitFor()
  })

  it('changes a contact route of the own organisation', async () => {
    const page = await browser.open()
    await signInByKeyboard(page, demoUsers.partnerEditor)
    await page.goto('/organisationer')
    await press(page, page.getByRole('link', { name: demoOrganisations.bostader, exact: true }))
    await page.getByRole('heading', { level: 1, name: demoOrganisations.bostader }).waitFor()
    const edit = page.getByRole('link', { name: /^Ändra / }).filter({ hasText: /.+/ }).first()
    await press(page, edit)
    await page.getByRole('heading', { level: 1, name: `Ändra kontaktväg för ${demoOrganisations.bostader}` }).waitFor()
    const label = unique('Nås via växeln, tangentbord')
    await typeInto(page, page.getByLabel('Förklaring (valfri)', { exact: true }), label)
    await Promise.all([
      page.waitForURL((address) => !address.pathname.includes('/kontaktvagar/')),
      press(page, page.getByRole('button', { name: 'Spara kontaktvägen', exact: true })),
    ])
    await page.getByText(label).first().waitFor()
    await expectNoAxeViolations(page)
  })

  it('files an informant report', async () => {
    const page = await browser.open()
    await answerTiles(page)
    await signInByKeyboard(page, demoUsers.informant)
    await page.goto('/trygghet')
    await page.getByRole('heading', { level: 1, name: 'Rapportera' }).waitFor()
    const categories = page.getByRole('radio')
    await tabTo(page, categories.first())
    await arrowTo(page, page.getByRole('radio', { name: 'Nedskräpning', exact: true }))
    expect(await page.getByRole('radio', { name: 'Nedskräpning', exact: true }).isChecked()).toBe(true)
    await typeInto(page, page.getByLabel('Latitud'), '58,0352')
    await typeInto(page, page.getByLabel('Longitud'), '12,8101')
    const description = `${unique('Skräp vid återvinningen, tangentbord')}.`
    await typeInto(page, page.getByLabel('Kort beskrivning'), description)
    await Promise.all([
      page.waitForURL(/\/mina-rapporter$/),
      page.getByRole('status').filter({ hasText: 'Tack! Rapporten är skickad till rådet.' }).waitFor(),
      press(page, page.getByRole('button', { name: 'Skicka rapporten' })),
    ])
    await page.getByText(description).waitFor()
  })

  it("answers a meeting invitation for the own organisation", async () => {
    const page = await browser.open()
    await signInByKeyboard(page, demoUsers.partnerEditor)
    await page.goto('/moten')
    await press(page, page.getByRole('link', { name: 'Nätverksmöte: geografiskt områdesansvar' }).first())
    await page.getByRole('heading', { level: 1, name: 'Nätverksmöte: geografiskt områdesansvar' }).waitFor()
    const form = page.locator('form').filter({ hasText: `Svar för ${demoOrganisations.bostader}` })
    await tabTo(page, form.getByRole('radio').first())
    await arrowTo(page, form.getByLabel('Deltar', { exact: true }))
    const who = unique('Per Holm')
    await typeInto(page, form.getByLabel('Vilka deltar?'), who)
    await press(page, form.getByRole('button', { name: 'Skicka svaret' }))
    await page.getByText('Svaret är sparat.').waitFor()
    await page
      .getByRole('region', { name: 'Svar från de inbjudna organisationerna' })
      .getByRole('row', { name: new RegExp(`${demoOrganisations.bostader}.*Deltar.*${who}`) })
      .waitFor()
  })

  it('picks an organisation to invite in the meeting form and removes it again', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)
    await page.goto('/moten/ny')
    const organisations = page.getByRole('group', { name: 'Organisationer', exact: true })
    const search = organisations.getByRole('combobox', { name: 'Sök organisation att lägga till', exact: true })
    await tabTo(page, search)
    await page.keyboard.type('vårgårda bost')
    const option = organisations.getByRole('option', { name: new RegExp(`^${demoOrganisations.bostader}`) })
    await option.waitFor()
    const optionId = await option.getAttribute('id')
    const onOption = async () => (await search.getAttribute('aria-activedescendant')) === optionId
    for (let presses = 0; presses < 25 && !(await onOption()); presses++) await page.keyboard.press('ArrowDown')
    expect(await search.getAttribute('aria-expanded')).toBe('true')
    expect(await search.getAttribute('aria-activedescendant')).toBe(optionId)
    await expectNoAxeViolations(page)
    await page.keyboard.press('Enter')
    const remove = organisations.getByRole('button', { name: `Ta bort ${demoOrganisations.bostader}`, exact: true })
    await remove.waitFor()
    // Enter chose; it did not send the form, and the focus stays in the search for the next one.
    expect(new URL(page.url()).pathname).toBe('/moten/ny')
    expect(await isFocused(search)).toBe(true)
    await organisations
      .getByRole('status')
      .filter({ hasText: `${demoOrganisations.bostader} har lagts till.` })
      .waitFor()
    // Back to the chosen item's button, which comes before the search.
    for (let presses = 0; presses < 10 && !(await isFocused(remove)); presses++) await page.keyboard.press('Shift+Tab')
    expect(await isFocused(remove)).toBe(true)
    await page.keyboard.press('Enter')
    await remove.waitFor({ state: 'detached' })
    await organisations.getByText('Inga valda ännu.').waitFor()
    expect(await isFocused(search)).toBe(true)
  })
})
