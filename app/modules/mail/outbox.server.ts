import { desc, eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { outbox } from '~/db/schema/mail'
import { redactCalendar, redactMailText, withholdsLink } from './outbox-redaction'

/**
 * The outbox as the coordinator reads it: who, what, when and in which state,
 * with every secret link withheld (outbox-redaction.ts).
 */
export async function listOutboxForReading(db: Executor, limit = 100) {
  const rows = await db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit)
  return rows.map((row) => ({
    id: row.id,
    to: row.to,
    subject: redactMailText(row.subject),
    text: redactMailText(row.text),
    createdAt: row.createdAt,
    // Without SMTP_URL nothing leaves the portal: the message is kept, not sent.
    state: 'kept' as const,
    linkWithheld: withholdsLink(row.text) || withholdsLink(row.calendar?.content.replace(/\r?\n[ \t]/g, '') ?? ''),
    calendar: row.calendar ? { method: row.calendar.method } : null,
  }))
}

/** A message's calendar part, secret links withheld; null when it has none. */
export async function outboxCalendar(db: Executor, id: string) {
  const [row] = await db.select({ calendar: outbox.calendar }).from(outbox).where(eq(outbox.id, id))
  if (!row?.calendar) return null
  return { method: row.calendar.method, content: redactCalendar(row.calendar.content) }
}
