import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { outbox } from '../../app/db/schema/mail'
import { findOpenInvitation } from '../../app/modules/accounts/invitations.server'
import { isResetTokenValid, requestPasswordReset } from '../../app/modules/accounts/passwords.server'
import { createMailer } from '../../app/modules/mail/mailer.server'
import * as invitePage from '../../app/routes/admin+/anvandare'
import * as outboxPage from '../../app/routes/admin+/utkorg'
import * as messagePage from '../../app/routes/admin+/utkorg_.$id'
import * as calendarFile from '../../app/routes/admin+/utkorg.$id.kalender'
import { getRequest, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { renderRoute } from '../support/render-route'
import { callRoute, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

// "Also" of issue 14: the outbox shows that a message went out, never a link
// that works. The stored message (what the recipient's mail would hold) keeps it.

const MARKER = '[länk i e-postmeddelandet]'
const secretLinks = /\/(inbjudan|aterstall|moten\/svar|kalender)\/([a-z2-7]{16,})/g

describe("the coordinator's outbox", () => {
  const db = useTestDatabase()
  const mailer = createMailer({ from: 'x@example.org' })

  async function sendEverything() {
    const home = await makeOrganisation(db(), { name: 'Vårgårda kommun' })
    const coordinator = await makeUser(db(), { role: 'coordinator', organisationId: home.id })
    const { cookie } = await signedIn(db(), coordinator.id)
    const partner = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB' })
    const forgetful = await makeUser(db(), { role: 'viewer', email: 'glomsk@example.org' })

    const invited = await callRoute(
      invitePage.action,
      postForm(
        '/admin/anvandare',
        { intent: 'invite', email: 'ny.person@example.org', organisationId: partner.id, role: 'partner_editor' },
        cookie,
      ),
    )
    expect(invited.status).toBe(200)
    // The reset link is made after the answer; here the test waits for it.
    const afterTheAnswer: Promise<void>[] = []
    const reset = await requestPasswordReset(
      db(),
      mailer,
      { email: forgetful.email, origin: 'http://localhost', ip: '10.0.9.1' },
      new Date(),
      (task) => void afterTheAnswer.push(task()),
    )
    expect(reset.ok).toBe(true)
    await Promise.all(afterTheAnswer)
    // A meeting's answer link and a calendar feed, in the text and in the calendar part.
    await mailer.send(db(), {
      to: 'per.holm@example.org',
      subject: 'Inbjudan: Nätverksmöte',
      text: `Svara här: http://localhost/moten/svar/${'a'.repeat(32)}\nPrenumerera: http://localhost/kalender/${'b'.repeat(32)}`,
      calendar: {
        method: 'REQUEST',
        content: [
          'BEGIN:VCALENDAR',
          'BEGIN:VEVENT',
          // Folded in the middle of the token, as a long line is.
          `DESCRIPTION:Svara: http://localhost/moten/svar/${'c'.repeat(20)}\r\n ${'c'.repeat(12)} eller ring`,
          `URL:http://localhost/aterstall/${'d'.repeat(32)}`,
          'END:VEVENT',
          'END:VCALENDAR',
          '',
        ].join('\r\n'),
      },
    })
    const stored = await db().select().from(outbox)
    const tokens = stored.flatMap((message) =>
      [...`${message.text}\n${message.calendar?.content.replace(/\r\n /g, '') ?? ''}`.matchAll(secretLinks)].map(
        (match) => match[2]!,
      ),
    )
    return { cookie, stored, tokens }
  }

  async function readMessage(id: string, cookie: string) {
    const loaded = await callRoute<Awaited<ReturnType<typeof messagePage.loader>>>(
      messagePage.loader,
      getRequest(`/admin/utkorg/${id}`, cookie),
      { id },
    )
    expect(loaded.status).toBe(200)
    return { body: loaded.body!, html: await renderRoute(messagePage.default, { loaderData: loaded.body }) }
  }

  it('shows recipient, subject, time and state, with every secret link replaced by a marker', async () => {
    const { cookie, stored, tokens } = await sendEverything()
    expect(stored).toHaveLength(3)
    expect(tokens).toHaveLength(6)
    // The tokens in the stored messages are live: the mail itself still carries them.
    const [invitation] = stored.filter((message) => message.to === 'ny.person@example.org')
    const [inviteToken] = [...invitation!.text.matchAll(secretLinks)].map((match) => match[2]!)
    expect(await findOpenInvitation(db(), inviteToken!)).not.toBeNull()
    const [resetMail] = stored.filter((message) => message.to === 'glomsk@example.org')
    const [resetToken] = [...resetMail!.text.matchAll(secretLinks)].map((match) => match[2]!)
    expect(await isResetTokenValid(db(), resetToken!)).toBe(true)

    const loaded = await callRoute<Awaited<ReturnType<typeof outboxPage.loader>>>(
      outboxPage.loader,
      getRequest('/admin/utkorg', cookie),
    )
    expect(loaded.status).toBe(200)
    const list = await renderRoute(outboxPage.default, { loaderData: loaded.body })
    // A compact list: recipient, subject, time and state, one row a message, each opening the message.
    expect(list.match(/<tr>/g)).toHaveLength(1 + stored.length)
    expect(list).toContain('ny.person@example.org')
    expect(list).toContain('Inbjudan till områdesansvarsportalen – Vårgårda Bostäder AB')
    expect(list).toContain('Återställ ditt lösenord i områdesansvarsportalen')
    expect(list).toContain('Inte skickat, sparat här')
    for (const message of stored) expect(list).toContain(`href="/admin/utkorg/${message.id}"`)
    expect(list).not.toContain('Svara här')
    // In plain words: no environment variable, no calendar method name.
    expect(list).not.toMatch(/SMTP|REQUEST|CANCEL/)
    // Stockholm time: created now, shown as the clock in Stockholm shows it.
    const stockholmNow = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(stored[0]!.createdAt))
    expect(list).toContain(stockholmNow)

    const pages = await Promise.all(stored.map((message) => readMessage(message.id, cookie)))
    for (const page of [loaded.body, ...pages.map((one) => one.body)]) {
      const serialised = JSON.stringify(page)
      for (const token of tokens) expect(serialised).not.toContain(token)
    }
    for (const { html } of pages) {
      for (const token of tokens) expect(html).not.toContain(token)
      expect(html).not.toMatch(/href="[^"]*\/(inbjudan|aterstall|moten\/svar|kalender)\//)
      expect(html).toContain(MARKER)
      expect(html).not.toMatch(/SMTP|REQUEST|CANCEL/)
    }
    const meetingMail = pages.find((one) => one.body.message.to === 'per.holm@example.org')!
    expect(meetingMail.html).toContain('Kalenderinbjudan')
    expect(meetingMail.html).toContain(`href="/admin/utkorg/${meetingMail.body.message.id}/kalender"`)
    expect(meetingMail.html).toContain('Svara här')
  })

  it('answers 404 for a message that is not there', async () => {
    const { cookie } = await sendEverything()
    const missing = '00000000-0000-4000-8000-000000000000'
    const result = await callRoute(messagePage.loader, getRequest(`/admin/utkorg/${missing}`, cookie), { id: missing })
    expect(result.status).toBe(404)
    const malformed = await callRoute(messagePage.loader, getRequest('/admin/utkorg/x', cookie), { id: 'x' })
    expect(malformed.status).toBe(404)
  })

  it('serves the calendar part without a secret link', async () => {
    const { cookie, stored, tokens } = await sendEverything()
    const withCalendar = stored.find((message) => message.calendar)!
    const file = await callRoute(calendarFile.loader, getRequest(`/admin/utkorg/${withCalendar.id}/kalender`, cookie), {
      id: withCalendar.id,
    })
    expect(file.status).toBe(200)
    const text = await file.response!.text()
    const unfolded = text.replace(/\r\n /g, '')
    for (const token of tokens) expect(unfolded).not.toContain(token)
    expect(unfolded).toContain(`DESCRIPTION:Svara: ${MARKER} eller ring`)
    // Still a calendar file: folded lines of at most 75 octets.
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true)
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/)
  })

  it('keeps links without a secret as they are', async () => {
    const { cookie } = await sendEverything()
    await createMailer({ from: 'x@example.org' }).send(db(), {
      to: 'lena.berg@example.org',
      subject: 'Påminnelse',
      text: 'Se över uppgifterna: http://localhost/organisationer/11111111-1111-4111-8111-111111111111',
    })
    const [row] = await db().select().from(outbox).where(eq(outbox.to, 'lena.berg@example.org'))
    const { html } = await readMessage(row!.id, cookie)
    expect(html).toContain('href="http://localhost/organisationer/11111111-1111-4111-8111-111111111111"')
    expect(row!.text).toContain('/organisationer/')
  })
})
