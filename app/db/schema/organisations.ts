import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from '../columns'
import { organisationKinds } from '../enums'

export { organisationKinds, type OrganisationKind } from '../enums'

export const organisations = pgTable('organisations', {
  id: id(),
  name: text('name').notNull(),
  kind: text('kind', { enum: organisationKinds }).notNull(),
  description: text('description').notNull().default(''),
  website: text('website').notNull().default(''),
  visitingAddress: text('visiting_address').notNull().default(''),
  /** When a person of the organisation last confirmed that all its data is current. */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  // No foreign key to users: kept as plain ids to avoid a cycle between the schema files.
  confirmedBy: uuid('confirmed_by'),
  ...timestamps(),
  version: version(),
})

export type Organisation = typeof organisations.$inferSelect
