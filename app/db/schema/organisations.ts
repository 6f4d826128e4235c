import { pgTable, text } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from '../columns'
import { organisationKinds } from '../enums'

export { organisationKinds, type OrganisationKind } from '../enums'

export const organisations = pgTable('organisations', {
  id: id(),
  name: text('name').notNull(),
  kind: text('kind', { enum: organisationKinds }).notNull(),
  description: text('description').notNull().default(''),
  ...timestamps(),
  version: version(),
})

export type Organisation = typeof organisations.$inferSelect
