import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import type { ScenarioDefinition } from '~/modules/scenarios/definition'
import { id, timestamps, version } from '../columns'
import { scenarioStates } from '../enums'
import { organisations } from './organisations'
import { users } from './users'

/**
 * A saved outage scenario: what fails, where, from when and for how long.
 * Its result is not stored: the engine computes it from the registry as it
 * is when the scenario is opened.
 */
export const scenarios = pgTable(
  'scenarios',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The organisation that drafted it; a partner may change its own drafts. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    state: text('state', { enum: scenarioStates }).notNull().default('draft'),
    definition: jsonb('definition').$type<ScenarioDefinition>().notNull(),
    ...timestamps(),
    version: version(),
  },
  (table) => [index('scenarios_organisation_idx').on(table.organisationId)],
)

export type ScenarioRecord = typeof scenarios.$inferSelect
