import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { id } from '../columns'

/** Messages kept when no SMTP server is configured, readable by coordinators. */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** An invitation's calendar part (RFC 5545), with its method; empty for other mail. */
    calendar: jsonb('calendar').$type<{ method: 'REQUEST' | 'CANCEL'; content: string } | null>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('outbox_created_idx').on(table.createdAt)],
)

export type OutboxMessage = typeof outbox.$inferSelect
