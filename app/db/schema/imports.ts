import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { id } from '../columns'
import type { ImportRow } from '../../modules/import/import-rows'
import { users } from './users'

/**
 * A checked CSV upload waiting for the coordinator's confirmation. Kept in the
 * database, not in process memory, because the confirming request may reach
 * another app process; it belongs to the one coordinator and expires soon.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull().default(''),
    rowCount: integer('row_count').notNull(),
    rows: jsonb('rows').$type<ImportRow[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('import_batches_user_idx').on(table.userId), index('import_batches_expires_idx').on(table.expiresAt)],
)

export type ImportBatch = typeof importBatches.$inferSelect
