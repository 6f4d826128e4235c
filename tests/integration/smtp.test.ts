import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerAddress } from 'smtp-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invitations } from '../../app/db/schema/auth'
import { outbox } from '../../app/db/schema/mail'
import { inviteUser } from '../../app/modules/accounts/invitations.server'
import { createMailer } from '../../app/modules/mail/mailer.server'
import { decodeQuotedPrintable, decodeWords } from '../support/e2e-mailbox'
import { makeOrganisation, makeUser } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

interface Received {
  mailFrom: string
  rcptTo: string[]
  raw: string
}

/** Decodes the parts of a simple single-part message that a reader sees. */
function readMessage(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n')
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const headers = new Map<string, string>()
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':')
    headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()))
  }
  const encoded = raw.slice(split + 4)
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  const body =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(encoded)
      : encoding === 'base64'
        ? Buffer.from(encoded, 'base64').toString('utf8')
        : encoded
  return { headers, body: body.replace(/\r\n/g, '\n').trimEnd() }
}


const address = (value: SMTPServerAddress | false) => (value ? value.address : '')

describe('mailer over SMTP', () => {
  const db = useTestDatabase()
  let server: SMTPServer
  let port: number
  let received: Received[]
  let refuseRecipients: boolean

  beforeEach(async () => {
    received = []
    refuseRecipients = false
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(rcpt, _session, callback) {
        if (refuseRecipients) callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }))
        else callback()
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          received.push({
            mailFrom: address(session.envelope.mailFrom),
            rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          })
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.server.address() as AddressInfo).port
  })

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('hands the message to the SMTP server with Swedish text intact and writes no outbox row', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Portalen <noreply@example.org>' })
    const text = [
      'Hej Åsa Öström!',
      '',
      'Du har bjudits in till områdesansvarsportalen för Vårgårda kommun.',
      'Länken gäller i 7 dagar: https://portal.example.org/inbjudan/abcdefghijklmnopqrstuvwxyz234567',
    ].join('\n')

    const delivery = await mailer.send(db(), {
      to: 'asa.ostrom@example.org',
      subject: 'Inbjudan till områdesansvarsportalen – Vårgårda kommun',
      text,
    })

    expect(delivery).toBe('smtp')
    expect(received).toHaveLength(1)
    const [mail] = received
    expect(mail!.mailFrom).toBe('noreply@example.org')
    expect(mail!.rcptTo).toEqual(['asa.ostrom@example.org'])

    const { headers, body } = readMessage(mail!.raw)
    expect(headers.get('to')).toBe('asa.ostrom@example.org')
    expect(headers.get('from')).toBe('Portalen <noreply@example.org>')
    expect(headers.get('subject')).toBe('Inbjudan till områdesansvarsportalen – Vårgårda kommun')
    expect(headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/i)
    expect(body).toBe(text)

    expect(await db().select().from(outbox)).toEqual([])
  })

  it('sends a meeting invitation with its calendar part as text/calendar with the method, which mail programs read as an invitation', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Portalen <noreply@example.org>' })
    const content = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//SV',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:abc@example.org',
      'SUMMARY:Temadag i Vårgårda',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n')
    await mailer.send(db(), {
      to: 'per@example.org',
      subject: 'Inbjudan: Temadag',
      text: 'Hej!',
      calendar: { method: 'REQUEST', content },
    })
    const raw = received[0]!.raw
    expect(raw).toMatch(/Content-Type: multipart\/(alternative|mixed)/i)
    const part = /Content-Type: text\/calendar;[^\r\n]*(?:\r\n[ \t][^\r\n]*)*/i.exec(raw)?.[0] ?? ''
    expect(part).toMatch(/method=request/i)
    // The calendar text arrives whole, whatever transfer encoding was chosen.
    const encoded = raw.slice(raw.indexOf(part))
    const body = encoded.slice(encoded.indexOf('\r\n\r\n') + 4).split(/\r\n--/)[0]!
    const decoded = /Content-Transfer-Encoding: base64/i.test(encoded.slice(0, encoded.indexOf('\r\n\r\n')))
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : decodeQuotedPrintable(body)
    expect(decoded).toContain('SUMMARY:Temadag i Vårgårda')
    expect(await db().select().from(outbox)).toEqual([])
  })

  it('reports a refused delivery: the invitation stays, marked failed, and nothing goes to the outbox', async () => {
    refuseRecipients = true
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Portalen <noreply@example.org>' })
    await expect(mailer.send(db(), { to: 'nobody@example.org', subject: 'Test', text: 'Test' })).rejects.toThrow()

    const coordinator = await makeUser(db(), { role: 'coordinator' })
    const organisation = await makeOrganisation(db())
    const result = await inviteUser(db(), mailer, {
      actorId: coordinator.id,
      organisationId: organisation.id,
      email: 'ny.person@example.org',
      role: 'viewer',
      origin: 'https://portal.example.org',
    })

    expect(result).toMatchObject({ ok: true, delivery: 'failed' })
    expect(await db().select().from(invitations)).toHaveLength(1)
    expect(await db().select().from(outbox)).toEqual([])
    expect(received).toEqual([])
  })
})
