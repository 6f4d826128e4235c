import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoUsers } from '../support/e2e-constants'
import { expectConsoleError, expectNoAxeViolations, setupBrowser, signIn, unique, visit } from '../support/e2e-browser'

// Issue 6, the council's action plan: Maria Sund, a council member of
// Vårgårda kommun, decides a measure for the demo council's area Centrum with
// the municipality responsible, is told when its follow-up date is before its
// start, then records the follow-up with an assessment. The title is unique,
// so the file does not depend on what other tests leave behind.

const browser = setupBrowser()
const title = unique('Bättre belysning vid gångtunneln')

async function openMeasures(page: Page) {
  await visit(page, '/trygghet', { axe: false })
  // With more than one council the member chooses; with one, the overview opens.
  const choice = page.getByRole('link', { name: 'Lokalt BRÅ Vårgårda', exact: true })
  if (await choice.count()) await choice.click()
  await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor()
  await page
    .getByRole('navigation', { name: /Lokalt BRÅ Vårgårda/ })
    .getByRole('link', { name: 'Insatser' })
    .click()
  await page.getByRole('heading', { level: 1, name: 'Insatser' }).waitFor()
}

describe('the council decides and follows up a measure', () => {
  it('a council member decides a measure for Centrum and records its follow-up', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.councilMember)
    await openMeasures(page)
    await expectNoAxeViolations(page)

    const form = page.getByRole('region', { name: 'Besluta en ny insats' })
    await form.getByLabel('Insatsens namn').fill(title)
    await form.getByRole('radio', { name: /^Situationell/ }).check()
    await form.getByLabel('Typ av insats').selectOption({ label: 'Belysning' })
    await form.getByLabel('Beskrivning').fill('Fler armaturer i gångtunneln under järnvägen.')
    await form.getByLabel('Område').selectOption({ label: 'Centrum' })
    await form.getByLabel('Ansvarig organisation').selectOption({ label: 'Vårgårda kommun' })
    await form.getByLabel('Startdatum').fill('2026-04-01')
    await form.getByLabel('Förväntad effekt').fill('Färre rapporter om otrygghet kvällstid.')
    await form.getByLabel('Datum för uppföljning').fill('2026-03-01')

    // A follow-up before the start is refused next to the field, the rest kept.
    expectConsoleError(page, /status of 400/)
    await form.getByRole('button', { name: 'Spara insatsen' }).click()
    await form.getByText('Uppföljningen kan inte vara före startdatumet.').waitFor()
    expect(await form.getByLabel('Insatsens namn').inputValue()).toBe(title)
    expect(await form.getByLabel('Område').inputValue()).not.toBe('')
    await expectNoAxeViolations(page)

    await form.getByLabel('Datum för uppföljning').fill('2026-10-01')
    await Promise.all([
      page.getByRole('status').filter({ hasText: 'Insatsen är sparad.' }).waitFor(),
      form.getByRole('button', { name: 'Spara insatsen' }).click(),
    ])
    const row = page.getByRole('row').filter({ hasText: title })
    await row.getByRole('cell', { name: 'Centrum' }).waitFor()
    await row.getByRole('cell', { name: 'Vårgårda kommun' }).waitFor()
    await row.getByRole('cell', { name: 'Planerad' }).waitFor()
    await row.getByRole('cell', { name: 'Inte uppföljd' }).waitFor()
    await expectNoAxeViolations(page)

    await row.getByRole('link', { name: title }).click()
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    await page.getByText('Insatsen har inte följts upp ännu.').waitFor()
    await expectNoAxeViolations(page)

    await page.getByRole('radio', { name: 'Effekt som förväntat' }).check()
    await page.getByLabel('Anteckning').fill('Inga rapporter om otrygghet i tunneln sedan lamporna kom upp.')
    await Promise.all([
      page.getByRole('status').filter({ hasText: 'Uppföljningen är sparad.' }).waitFor(),
      page.getByRole('button', { name: 'Spara uppföljningen' }).click(),
    ])
    const followUps = page.getByRole('region', { name: 'Uppföljningar och utvärderingar' })
    await followUps.getByRole('heading', { level: 3, name: 'Effekt som förväntat' }).waitFor()
    await followUps.getByText('Inga rapporter om otrygghet i tunneln sedan lamporna kom upp.').waitFor()
    await expectNoAxeViolations(page)

    await page.getByLabel('Insatsens läge').selectOption({ label: 'Pågår' })
    await Promise.all([
      page.getByRole('status').filter({ hasText: 'Läget är ändrat.' }).waitFor(),
      page.getByRole('button', { name: 'Ändra läget' }).click(),
    ])

    await page.getByRole('link', { name: 'Till alla insatser' }).click()
    const listed = page.getByRole('row').filter({ hasText: title })
    await listed.getByRole('cell', { name: /Effekt som förväntat/ }).waitFor()
    await listed.getByRole('cell', { name: 'Pågår' }).waitFor()
  })
})
