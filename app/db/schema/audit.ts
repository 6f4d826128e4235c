import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { id } from '../columns'

export type FieldChanges = Record<string, { before: unknown; after: unknown }>

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    // No foreign keys: the log outlives the users and organisations it names.
    userId: uuid('user_id'),
    organisationId: uuid('organisation_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<FieldChanges>().notNull().default({}),
  },
  (table) => [
    index('audit_log_at_idx').on(table.at),
    index('audit_log_organisation_idx').on(table.organisationId, table.at),
    index('audit_log_user_idx').on(table.userId, table.at),
    index('audit_log_entity_idx').on(table.entity, table.entityId),
  ],
)

export type AuditEntry = typeof auditLog.$inferSelect
