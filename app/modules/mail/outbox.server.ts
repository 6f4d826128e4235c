import { desc, eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { outbox } from '~/db/schema/mail'
import { redactCalendar, redactMailText, withholdsLink } from './outbox-redaction'

// Without an e-mail server nothing leaves the portal: every message is kept, not sent.
const state = 'kept' as const

/**
 * The outbox as the coordinator scans it: who, what, when and in which state,
 * newest first. Subjects carry no secret, but are redacted all the same.
 */
export async function listOutboxForReading(db: Executor, limit = 100) {
  const rows = await db
    .select({ id: outbox.id, to: outbox.to, subject: outbox.subject, createdAt: outbox.createdAt })
    .from(outbox)
    .orderBy(desc(outbox.createdAt))
    .limit(limit)
  return rows.map((row) => ({ ...row, subject: redactMailText(row.subject), state }))
}

/** One message as the coordinator reads it, every secret link withheld (outbox-redaction.ts); null when there is none. */
export async function getOutboxMessageForReading(db: Executor, id: string) {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id))
  if (!row) return null
  return {
    id: row.id,
    to: row.to,
    subject: redactMailText(row.subject),
    text: redactMailText(row.text),
    createdAt: row.createdAt,
    state,
    linkWithheld: withholdsLink(row.text) || withholdsLink(row.calendar?.content.replace(/\r?\n[ \t]/g, '') ?? ''),
    calendar: row.calendar ? { method: row.calendar.method } : null,
  }
}

/** A message's calendar part, secret links withheld; null when it has none. */
export async function outboxCalendar(db: Executor, id: string) {
  const [row] = await db.select({ calendar: outbox.calendar }).from(outbox).where(eq(outbox.id, id))
  if (!row?.calendar) return null
  return { method: row.calendar.method, content: redactCalendar(row.calendar.content) }
}
