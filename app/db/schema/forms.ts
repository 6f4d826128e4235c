import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { Notice } from '~/modules/http/notice'
import { users } from './users'

/**
 * One row per create form that went through: the form's one-time key and
 * where its action sent the user. A second post of the same form (double
 * click, browser retry) finds the row and answers with the same redirect
 * instead of creating again. Rows are purged after a day.
 */
export const formSubmissions = pgTable(
  'form_submissions',
  {
    key: text('key').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The path the form was posted to: a key is good for that form only. */
    action: text('action').notNull(),
    location: text('location'),
    /** The notice the redirect carries (app/modules/http/flash.server.ts), so a repeated post shows the same one. */
    notice: jsonb('notice').$type<Notice>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('form_submissions_created_idx').on(table.createdAt)],
)

export type FormSubmission = typeof formSubmissions.$inferSelect
