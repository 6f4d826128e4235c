import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * The browser tests' mail server. The portal's outbox never shows a link that
 * works (issue 14), so the suite's server sends its mail over SMTP to a small
 * server in the global setup (e2e-server.ts), which appends every message to
 * a file named after the portal's port; the tests read the recipients' mail
 * from there, as the recipients would.
 */
export interface StoredMail {
  to: string[]
  raw: string
}

export interface Mail {
  to: string[]
  subject: string
  /** The text/plain part. */
  text: string
  /** The text/calendar part, when the message has one. */
  calendar: string | null
}

export function mailboxPath(baseUrl: string): string {
  return path.join(os.tmpdir(), `e2e-mailbox-${new URL(baseUrl).port}.json`)
}

export function writeMailbox(baseUrl: string, mails: StoredMail[]): void {
  writeFileSync(mailboxPath(baseUrl), JSON.stringify(mails))
}

function readMailbox(baseUrl: string): StoredMail[] {
  try {
    return JSON.parse(readFileSync(mailboxPath(baseUrl), 'utf8')) as StoredMail[]
  } catch {
    return []
  }
}

/** Every message received so far, newest last. */
export function receivedMail(baseUrl: string): Mail[] {
  return readMailbox(baseUrl).map((stored) => ({ to: stored.to, ...readMessage(stored.raw) }))
}

/** The newest message that matches, waiting for it to arrive (the portal may send after it answers). */
export async function waitForMail(
  baseUrl: string,
  matches: (mail: Mail) => boolean,
  timeoutMs = 15_000,
): Promise<Mail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = receivedMail(baseUrl).filter(matches).at(-1)
    if (found) return found
    if (Date.now() > deadline) throw new Error('No matching e-mail arrived at the test mail server.')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** The first link in a message's text whose path starts with `prefix`, e.g. '/inbjudan/'. */
export function linkIn(mail: Mail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`https?://[^\\s/]+${escaped}[^\\s]+`).exec(mail.text)
  if (!match) throw new Error(`No ${prefix} link in:\n${mail.text}`)
  return match[0]
}

interface Part {
  headers: Map<string, string>
  body: string
}

function splitPart(raw: string): Part {
  const split = raw.indexOf('\r\n\r\n')
  const headerText = (split < 0 ? raw : raw.slice(0, split)).replace(/\r\n[ \t]+/g, ' ')
  const headers = new Map<string, string>()
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
  }
  return { headers, body: split < 0 ? '' : raw.slice(split + 4) }
}

/** The leaf parts of a MIME message, decoded, as nodemailer writes them (multipart, quoted-printable, base64). */
function leaves(raw: string): Part[] {
  const part = splitPart(raw)
  const type = part.headers.get('content-type') ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (/^multipart\//i.test(type) && boundary) {
    return (
      part.body
        .split(`--${boundary}`)
        .slice(1)
        .filter((segment) => !segment.startsWith('--'))
        // The line break before a boundary belongs to the boundary.
        .flatMap((segment) => leaves(segment.replace(/^\r\n/, '').replace(/\r\n$/, '')))
    )
  }
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  const body =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(part.body)
      : encoding === 'base64'
        ? Buffer.from(part.body.replace(/\s/g, ''), 'base64').toString('utf8')
        : part.body
  return [{ headers: part.headers, body }]
}

function readMessage(raw: string): Omit<Mail, 'to'> {
  const { headers } = splitPart(raw)
  const parts = leaves(raw)
  const typeOf = (part: Part) => (part.headers.get('content-type') ?? 'text/plain').toLowerCase()
  const text = parts.find((part) => typeOf(part).startsWith('text/plain'))
  const calendar = parts.find((part) => typeOf(part).startsWith('text/calendar'))
  return {
    subject: decodeWords(headers.get('subject') ?? ''),
    text: (text?.body ?? '').replace(/\r\n/g, '\n').trimEnd(),
    calendar: calendar?.body ?? null,
  }
}

/** Quoted-printable (RFC 2045) to UTF-8 text. */
export function decodeQuotedPrintable(text: string): string {
  const unfolded = text.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < unfolded.length; i++) {
    if (unfolded[i] === '=' && /^[0-9A-F]{2}$/i.test(unfolded.slice(i + 1, i + 3))) {
      bytes.push(parseInt(unfolded.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(unfolded[i]!, 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

// RFC 2047 encoded words, e.g. =?UTF-8?Q?V=C3=A5rg=C3=A5rda?=
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    )
}
