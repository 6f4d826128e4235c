import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { outbox } from '../../app/db/schema/mail'
import { findOpenInvitation } from '../../app/modules/accounts/invitations.server'
import { isResetTokenValid, requestPasswordReset } from '../../app/modules/accounts/passwords.server'
import { createMailer } from '../../app/modules/mail/mailer.server'
import * as invitePage from '../../app/routes/admin.anvandare'
import * as outboxPage from '../../app/routes/admin.utkorg'
import * as calendarFile from '../../app/routes/admin.utkorg.$id.kalender'
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
    const serialised = JSON.stringify(loaded.body)
    const html = await renderRoute(outboxPage.default, { loaderData: loaded.body })
    for (const token of tokens) {
      expect(serialised).not.toContain(token)
      expect(html).not.toContain(token)
    }
    expect(html).not.toMatch(/href="[^"]*\/(inbjudan|aterstall|moten\/svar|kalender)\//)
    expect(html).toContain('ny.person@example.org')
    expect(html).toContain('Inbjudan till områdesansvarsportalen – Vårgårda Bostäder AB')
    expect(html).toContain('Återställ ditt lösenord i områdesansvarsportalen')
    expect(html).toContain(MARKER)
    expect(loaded.body!.messages.every((message) => typeof message.state === 'string')).toBe(true)
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
    const loaded = await callRoute<Awaited<ReturnType<typeof outboxPage.loader>>>(
      outboxPage.loader,
      getRequest('/admin/utkorg', cookie),
    )
    const html = await renderRoute(outboxPage.default, { loaderData: loaded.body })
    expect(html).toContain('href="http://localhost/organisationer/11111111-1111-4111-8111-111111111111"')
    const [row] = await db().select().from(outbox).where(eq(outbox.to, 'lena.berg@example.org'))
    expect(row!.text).toContain('/organisationer/')
  })
})
