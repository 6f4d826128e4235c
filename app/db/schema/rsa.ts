import { sql } from 'drizzle-orm'
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { id, timestamps, version } from '../columns'
import { rsaAnswerStates, rsaMeasureStates } from '../enums'
import { organisations } from './organisations'
import { users } from './users'

/** A step of a scale: its value (1 … n) is its place in the list. */
export interface ScaleStep {
  label: string
  description: string
}

/** A protected value (skyddsvärde) that consequences are judged against. */
export interface ProtectedValue {
  key: string
  label: string
}

/** The coordinator's own text for the report's narrative parts, by part key. */
export type RsaNarrative = Partial<Record<string, string>>

/**
 * A municipality's risk and vulnerability analysis for one mandate period
 * (MSBFS 2015:5): its scales, the events to assess and the narrative parts
 * of the report. Compiled results reach the partners only once the
 * coordinator shares them (`resultsSharedAt`).
 */
export const rsaAnalyses = pgTable(
  'rsa_analyses',
  {
    id: id(),
    title: text('title').notNull(),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    likelihoodScale: jsonb('likelihood_scale').$type<ScaleStep[]>().notNull(),
    consequenceScale: jsonb('consequence_scale').$type<ScaleStep[]>().notNull(),
    capabilityScale: jsonb('capability_scale').$type<ScaleStep[]>().notNull(),
    protectedValues: jsonb('protected_values').$type<ProtectedValue[]>().notNull(),
    narrative: jsonb('narrative').$type<RsaNarrative>().notNull().default({}),
    resultsSharedAt: timestamp('results_shared_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    version: version(),
  },
  (table) => [check('rsa_analyses_period', sql`${table.periodEnd} >= ${table.periodStart}`)],
)

/** An event the analysis assesses: power cut, drinking-water disruption, IT attack … */
export const rsaEvents = pgTable(
  'rsa_events',
  {
    id: id(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => rsaAnalyses.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    ...timestamps(),
    version: version(),
  },
  (table) => [index('rsa_events_analysis_idx').on(table.analysisId, table.position)],
)

/** An organisation taking part in the analysis. */
export const rsaParticipants = pgTable(
  'rsa_participants',
  {
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => rsaAnalyses.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.analysisId, table.organisationId] }),
    index('rsa_participants_organisation_idx').on(table.organisationId),
  ],
)

/** One organisation's assessment of one event, saved as a draft as it is filled in. */
export const rsaAnswers = pgTable(
  'rsa_answers',
  {
    id: id(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => rsaAnalyses.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => rsaEvents.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    likelihood: integer('likelihood'),
    /** Protected value key → consequence step (1 … n). */
    consequences: jsonb('consequences').$type<Record<string, number>>().notNull().default({}),
    capability: integer('capability'),
    vulnerabilities: text('vulnerabilities').notNull().default(''),
    gaps: text('gaps').notNull().default(''),
    measures: text('measures').notNull().default(''),
    state: text('state', { enum: rsaAnswerStates }).notNull().default('draft'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    uniqueIndex('rsa_answers_event_organisation_idx').on(table.eventId, table.organisationId),
    index('rsa_answers_analysis_idx').on(table.analysisId, table.organisationId),
  ],
)

/** A measure of the action plan that follows from the analysis, followed up every year. */
export const rsaMeasures = pgTable(
  'rsa_measures',
  {
    id: id(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => rsaAnalyses.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => rsaEvents.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    dueDate: date('due_date', { mode: 'string' }),
    /** Whole kronor. */
    costEstimate: integer('cost_estimate'),
    state: text('state', { enum: rsaMeasureStates }).notNull().default('planned'),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    index('rsa_measures_analysis_idx').on(table.analysisId),
    index('rsa_measures_owner_idx').on(table.ownerOrganisationId),
    check('rsa_measures_cost', sql`${table.costEstimate} is null or ${table.costEstimate} >= 0`),
  ],
)

/** The yearly follow-up of the action plan: a note and the measures' states as they were that day. */
export const rsaFollowUps = pgTable(
  'rsa_follow_ups',
  {
    id: id(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => rsaAnalyses.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    note: text('note').notNull().default(''),
    snapshot: jsonb('snapshot')
      .$type<{ measureId: string; title: string; state: string; dueDate: string | null }[]>()
      .notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    version: version(),
  },
  (table) => [uniqueIndex('rsa_follow_ups_year_idx').on(table.analysisId, table.year)],
)

export type RsaAnalysis = typeof rsaAnalyses.$inferSelect
export type RsaEvent = typeof rsaEvents.$inferSelect
export type RsaAnswer = typeof rsaAnswers.$inferSelect
export type RsaMeasure = typeof rsaMeasures.$inferSelect
