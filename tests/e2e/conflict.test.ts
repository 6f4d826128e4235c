import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoOrganisations, demoUsers } from '../support/e2e-constants'
import {
  expectHttpErrorInConsole,
  expectNoAxeViolations,
  signIn,
  unique,
  setupBrowser,
  visit,
} from '../support/e2e-browser'

const browser = setupBrowser()

async function openEditPage(page: Page): Promise<string> {
  await visit(page, '/organisationer')
  await page.getByRole('link', { name: demoOrganisations.bostader, exact: true }).click()
  await page.getByRole('heading', { level: 1, name: demoOrganisations.bostader }).waitFor()
  await page.getByRole('link', { name: 'Redigera uppgifterna' }).click()
  await page.getByRole('heading', { level: 1, name: `Redigera ${demoOrganisations.bostader}` }).waitFor()
  await expectNoAxeViolations(page)
  return new URL(page.url()).pathname
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Spara', exact: true }).click()
}

describe('two people editing one organisation', () => {
  it('keeps the second editor’s text, shows the current value, and saves on the second try', async () => {
    const first = await browser.open()
    const second = await browser.open()
    await signIn(first, demoUsers.partnerEditor)
    await signIn(second, demoUsers.partnerEditor)
    const editPath = await openEditPage(first)
    expect(await openEditPage(second)).toBe(editPath)
    const viewPath = editPath.replace(/\/redigera$/, '')

    const firstText = `Först sparad ${unique('a')}`
    const secondText = `Sedan skriven ${unique('b')}`

    await first.getByLabel('Beskrivning', { exact: true }).fill(firstText)
    await Promise.all([first.waitForURL((address) => address.pathname === viewPath), save(first)])
    await first.getByRole('status').filter({ hasText: 'Uppgifterna är sparade.' }).waitFor()

    // The conflict answer is a 409, which Chromium logs.
    expectHttpErrorInConsole(second, 409)
    const description = second.getByLabel('Beskrivning', { exact: true })
    await description.fill(secondText)
    await save(second)
    await second
      .getByRole('alert')
      .filter({ hasText: 'Någon annan har ändrat uppgifterna medan du redigerade.' })
      .waitFor()
    expect(new URL(second.url()).pathname).toBe(editPath)
    expect(await description.inputValue()).toBe(secondText)
    await second.getByText(`Nuvarande värde: ${firstText}`, { exact: true }).waitFor()
    await expectNoAxeViolations(second)

    await Promise.all([second.waitForURL((address) => address.pathname === viewPath), save(second)])
    await second.getByRole('status').filter({ hasText: 'Uppgifterna är sparade.' }).waitFor()
    await second.getByText(secondText, { exact: true }).first().waitFor()

    await visit(first, viewPath)
    await first.getByText(secondText, { exact: true }).first().waitFor()
    // The history shows both saves, the second one over the first.
    const history = first.getByRole('table', { name: 'Ändringshistorik' })
    await history
      .getByRole('listitem')
      .filter({ hasText: `Beskrivning: ${firstText} → ${secondText}` })
      .waitFor()
    await expectNoAxeViolations(first)
    // Two sessions and seven pages checked by axe: room for a loaded machine.
  }, 120_000)
})
