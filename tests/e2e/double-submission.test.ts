import { describe, expect, it } from 'vitest'
import { demoUsers } from '../support/e2e-constants'
import { baseUrl, setupBrowser, signIn, unique, url, visit } from '../support/e2e-browser'

// The same form sent twice by a double click makes one organisation: the
// form's one-time key (app/modules/forms/submit-once.server.ts) gives the
// second post the first one's answer. A retry after a lost answer is the same
// second post; tests/integration/double-submission.test.ts sends it.

const browser = setupBrowser()

async function countOnList(page: Parameters<typeof visit>[0], name: string): Promise<number> {
  await visit(page, '/organisationer')
  return page.getByRole('link', { name, exact: true }).count()
}

describe('a form sent twice', () => {
  it('makes one organisation of two posts of the same form, sent together from the signed-in browser', async () => {
    const page = await browser.open()
    await signIn(page, demoUsers.coordinator)
    await visit(page, '/organisationer/ny')
    const name = unique('Dubbelklickat AB')
    await page.getByLabel('Namn', { exact: true }).fill(name)
    // Exactly what the form would send, twice at once, with the browser's cookies:
    // a double click, or a retry after the first answer got lost.
    const form = page.locator('form').filter({ has: page.getByLabel('Namn', { exact: true }) })
    const fields = await form.evaluate((element) =>
      [...new FormData(element as HTMLFormElement).entries()].map(([key, value]) => [key, String(value)]),
    )
    expect(fields.map(([key]) => key)).toContain('submissionKey')
    const post = () =>
      page.request.post(url('/organisationer/ny'), {
        form: Object.fromEntries(fields),
        headers: { Origin: new URL(baseUrl()).origin },
        maxRedirects: 0,
      })
    const [first, second] = await Promise.all([post(), post()])
    expect([first.status(), second.status()]).toEqual([302, 302])
    expect(second.headers().location).toBe(first.headers().location)
    expect(first.headers().location).toMatch(/^\/organisationer\/[0-9a-f-]{36}$/)
    // The repeated post carries the same notice for the page it leads to.
    for (const answer of [first, second]) expect(answer.headers()['set-cookie']).toMatch(/^flash=[\w-]+\.[\w-]+;/m)

    // The form itself, still open, sent once more by the person: the same organisation again.
    await Promise.all([
      page.waitForURL((address) => `${address.pathname}${address.search}` === first.headers().location),
      page.getByRole('button', { name: 'Spara', exact: true }).click(),
    ])
    await page.getByRole('heading', { level: 1, name }).waitFor()
    expect(await countOnList(page, name)).toBe(1)
  })
})
