import ICAL from 'ical.js'
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
  unique,
  url,
  visit,
} from '../support/e2e-browser'
import { linkIn, waitForMail } from '../support/e2e-mailbox'
import { pickInCombobox } from '../support/e2e-picker'

const browser = setupBrowser()

describe('meetings', () => {
  it('the coordinator invites the Sjuhärad network to a theme day, the .ics is valid, and a partner answers in the portal and from the link', async () => {
    const title = unique('Temadag elavbrott')
    const page = await browser.open()
    // The form sent with the end before the start is answered 400, with the messages.
    expectHttpErrorInConsole(page, 400)
    await signIn(page, demoUsers.coordinator)
    await visit(page, '/moten')
    await page.getByRole('link', { name: 'Nytt möte' }).click()
    await page.getByRole('heading', { level: 1, name: 'Nytt möte' }).waitFor()
    await expectNoAxeViolations(page)

    await page.getByLabel('Typ av möte').selectOption({ label: 'Temadag' })
    await page.getByLabel('Rubrik', { exact: true }).fill(title)
    await page.getByLabel('Tema', { exact: true }).fill('Storskaligt elavbrott med dricksvattenstörning')
    await page
      .getByLabel('Dagordning', { exact: true })
      .fill('Inledning\nScenariot timme för timme\nBehov och åtgärder')
    await page.getByLabel('Datum', { exact: true }).fill('2027-06-10')
    await page.getByLabel('Börjar kl.').fill('09:00')
    await page.getByLabel('Slutar kl.').fill('08:00')
    await page.getByLabel('Plats', { exact: true }).fill('Kommunhuset, Vårgårda')
    await page.getByLabel('Nätverk', { exact: true }).selectOption({ label: 'Krissamverkan Sjuhärad' })
    await pickInCombobox(page, 'Sök organisation att lägga till', demoOrganisations.bostader, 'vårgårda bost')
    await page.getByRole('button', { name: 'Spara och skicka inbjudan' }).click()
    // Ends before it starts: the message is by the field, the rest is kept.
    await page.getByText('Mötet måste sluta efter att det börjar.').waitFor()
    expect(await page.getByLabel('Rubrik').inputValue()).toBe(title)
    // The chosen organisation is still chosen.
    await page.getByRole('button', { name: `Ta bort ${demoOrganisations.bostader}`, exact: true }).waitFor()
    await expectNoAxeViolations(page)
    await page.getByLabel('Slutar kl.').fill('15:00')
    await Promise.all([
      page.waitForURL((address) => /^\/moten\/[0-9a-f-]{36}$/.test(address.pathname)),
      page.getByRole('button', { name: 'Spara och skicka inbjudan' }).click(),
    ])
    const meetingPath = new URL(page.url()).pathname
    await page
      .getByRole('status')
      .filter({ hasText: /Mötet är sparat\. Inbjudan har skickats till \d+ personer\./ })
      .waitFor()
    await page.getByText('torsdag 10 juni 2027 kl. 09.00–15.00').waitFor()
    const answers = page.getByRole('region', { name: 'Svar från de inbjudna organisationerna' })
    await answers.getByRole('row', { name: new RegExp(`${demoOrganisations.bostader}.*Inte svarat`) }).waitFor()
    await answers.getByRole('row', { name: /Borås stad.*Inte svarat/ }).waitFor()
    await expectNoAxeViolations(page)
    // The edit page holds what was saved, and the cancel section.
    await page.getByRole('link', { name: 'Ändra mötet' }).click()
    await page.getByRole('heading', { level: 1, name: `Ändra ${title}` }).waitFor()
    expect(await page.getByLabel('Slutar kl.').inputValue()).toBe('15:00')
    await page.getByRole('button', { name: 'Ja, ställ in mötet' }).waitFor()
    await expectNoAxeViolations(page)

    // The invitation as Per Holm's mail program gets it: the text with his answer link, and the calendar part.
    const mail = await waitForMail(
      baseUrl(),
      (message) => message.to.includes(demoUsers.partnerEditor) && message.subject.startsWith(`Inbjudan: ${title}`),
    )
    const answerLink = linkIn(mail, '/moten/svar/')
    expect(mail.calendar).not.toBeNull()
    const calendar = new ICAL.Component(ICAL.parse(mail.calendar!))
    const event = calendar.getFirstSubcomponent('vevent')!
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
    expect(event.getFirstPropertyValue('summary')).toBe(title)
    expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Stockholm')
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2027-06-10T09:00:00')
    expect(event.getFirstPropertyValue('sequence')).toBe(0)
    expect(event.getAllProperties('attendee').map((property) => String(property.getFirstValue()))).toEqual([
      `mailto:${demoUsers.partnerEditor}`,
    ])
    await signOut(page)

    // The partner answers in the portal, on a phone.
    const partner = await browser.open({ viewport: phone })
    await signIn(partner, demoUsers.partnerEditor)
    await visit(partner, '/moten')
    await partner.getByRole('link', { name: title }).click()
    await partner.getByRole('heading', { level: 1, name: title }).waitFor()
    await expectNoAxeViolations(partner)
    const form = partner.locator('form').filter({ hasText: `Svar för ${demoOrganisations.bostader}` })
    await form.getByLabel('Deltar', { exact: true }).check()
    await form.getByLabel('Vilka deltar?').fill('Per Holm, fastighetschef')
    await form.getByRole('button', { name: 'Skicka svaret' }).click()
    await partner.getByText('Svaret är sparat.').waitFor()
    await partner
      .getByRole('region', { name: 'Svar från de inbjudna organisationerna' })
      .getByRole('row', { name: new RegExp(`${demoOrganisations.bostader}.*Deltar.*Per Holm, fastighetschef`) })
      .waitFor()
    await expectNoAxeViolations(partner)

    // From the e-mail's link, signed out: the answer changes for the invitation's organisation.
    const signedOut = await browser.open({ viewport: phone })
    await visit(signedOut, url(new URL(answerLink).pathname))
    await signedOut.getByText(`Du svarar för ${demoOrganisations.bostader}.`).waitFor()
    await signedOut.getByText('Nuvarande svar: Deltar.').waitFor()
    await signedOut.getByLabel('Deltar inte').check()
    await signedOut.getByRole('button', { name: 'Skicka svaret' }).click()
    await signedOut.getByText('Svaret är sparat.').waitFor()
    await expectNoAxeViolations(signedOut)

    // The coordinator sees it, and reminds those who have not answered.
    await signIn(page, demoUsers.coordinator)
    await visit(page, meetingPath)
    await page
      .getByRole('region', { name: 'Svar från de inbjudna organisationerna' })
      .getByRole('row', { name: new RegExp(`${demoOrganisations.bostader}.*Deltar inte`) })
      .waitFor()
    await page.getByRole('button', { name: 'Påminn dem som inte har svarat' }).click()
    await page.getByText(/Påminnelse skickad till \d+ personer\.|Alla inbjudna organisationer har svarat\./).waitFor()
  }, 240_000)
})
