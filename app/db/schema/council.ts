import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import type { SituationSnapshot } from '~/modules/council/situation-snapshot'
import { id, timestamps, version } from '../columns'
import {
  councilFollowUpAssessments,
  councilRoles,
  councilMeasureKinds,
  councilMeasureStates,
  councilStatisticKinds,
  reportLocationKinds,
  reportStates,
  safetySurveyQuestions,
} from '../enums'
import { organisations } from './organisations'
import { networks } from './registry'
import { users } from './users'

/**
 * A local crime-prevention council (lokalt BRÅ). The council is a network of
 * organisations; who works with its reports and who reports to it is granted
 * per person (`council_members`). See docs/decisions/015-crime-prevention-council.md
 * and 018-council-membership.md.
 */
export const councils = pgTable(
  'councils',
  {
    id: id(),
    name: text('name').notNull(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'restrict' }),
    /** Raw reports older than this are deleted; their counts stay. */
    retentionMonths: integer('retention_months').notNull().default(24),
    /** Positions shown to anyone but council members snap to a grid of this size; 0 shows them as reported. */
    coarsenMetres: integer('coarsen_metres').notNull().default(100),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    uniqueIndex('councils_network_idx').on(table.networkId),
    check('councils_retention_range', sql`${table.retentionMonths} between 1 and 120`),
    check('councils_coarsen_range', sql`${table.coarsenMetres} between 0 and 5000`),
  ],
)

/**
 * Who takes part in a council: granted by the coordinator or the council, or
 * by accepting a council's invitation. Editing the council's network never
 * adds or removes a row, so it never widens who reads crime reports.
 */
export const councilMembers = pgTable(
  'council_members',
  {
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: councilRoles }).notNull(),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.councilId, table.userId] }),
    index('council_members_user_idx').on(table.userId),
  ],
)

/** The council's own list of report categories; a category in use is retired, never deleted. */
export const councilCategories = pgTable(
  'council_categories',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
    version: version(),
  },
  (table) => [uniqueIndex('council_categories_name_idx').on(table.councilId, sql`lower(${table.name})`)],
)

/** A named area drawn on the map: a simple polygon of [lat, lng] corners, with its bounding box for a quick test. */
export const councilAreas = pgTable(
  'council_areas',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    polygon: jsonb('polygon').$type<[number, number][]>().notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    minLng: doublePrecision('min_lng').notNull(),
    maxLng: doublePrecision('max_lng').notNull(),
    ...timestamps(),
    version: version(),
  },
  (table) => [uniqueIndex('council_areas_name_idx').on(table.councilId, sql`lower(${table.name})`)],
)

/**
 * An informant's report of a place or situation, never of a person. The
 * position is kept as reported; who sees it coarsened is decided when shown.
 */
export const councilReports = pgTable(
  'council_reports',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    /** The organisation the informant reports for (the housing company, a school …). */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => councilCategories.id, { onDelete: 'restrict' }),
    locationKind: text('location_kind', { enum: reportLocationKinds }).notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    /** The area the report falls in, set from the position or chosen by name. */
    areaId: uuid('area_id').references(() => councilAreas.id, { onDelete: 'set null' }),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    description: text('description').notNull().default(''),
    state: text('state', { enum: reportStates }).notNull().default('new'),
    rejectionReason: text('rejection_reason').notNull().default(''),
    mergedIntoId: uuid('merged_into_id'),
    /** What the council tells the reporter. */
    feedback: text('feedback').notNull().default(''),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** Chosen by the reporter's browser, so that a report sent twice (a retry after a dropped connection) is stored once. */
    clientKey: text('client_key'),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    index('council_reports_observed_idx').on(table.councilId, table.observedAt),
    index('council_reports_inbox_idx').on(table.councilId, table.state, table.createdAt),
    index('council_reports_reporter_idx').on(table.reporterId, table.createdAt),
    index('council_reports_area_idx').on(table.areaId),
    uniqueIndex('council_reports_client_key_idx').on(table.reporterId, table.clientKey),
    check('council_reports_position', sql`(${table.lat} is null) = (${table.lng} is null)`),
    check('council_reports_located', sql`${table.locationKind} = 'area' or ${table.lat} is not null`),
  ],
)

/** Who read which report, when. Kept when the report itself is deleted by the retention job. */
export const councilReportReads = pgTable(
  'council_report_reads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Where it was read: the inbox, the report page, the reporter's own list … */
    place: text('place').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('council_report_reads_council_idx').on(table.councilId, table.at),
    index('council_report_reads_report_idx').on(table.reportId),
  ],
)

/**
 * Counts of reports the retention job deleted, per month, category, area and
 * reporting organisation: what trends and later comparisons still need.
 */
export const councilArchivedCounts = pgTable(
  'council_archived_counts',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    month: date('month').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => councilCategories.id, { onDelete: 'restrict' }),
    areaId: uuid('area_id').references(() => councilAreas.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    count: integer('count').notNull(),
  },
  (table) => [index('council_archived_counts_month_idx').on(table.councilId, table.month)],
)

/** One imported CSV file of another source. */
export const councilImports = pgTable('council_imports', {
  id: id(),
  councilId: uuid('council_id')
    .notNull()
    .references(() => councils.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: councilStatisticKinds }).notNull(),
  source: text('source').notNull(),
  fileName: text('file_name').notNull().default(''),
  rowCount: integer('row_count').notNull(),
  importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Police crime statistics or another organisation's incident counts, per month, category and area. */
export const councilStatistics = pgTable(
  'council_statistics',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    importId: uuid('import_id')
      .notNull()
      .references(() => councilImports.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: councilStatisticKinds }).notNull(),
    source: text('source').notNull(),
    month: date('month').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => councilCategories.id, { onDelete: 'restrict' }),
    areaId: uuid('area_id').references(() => councilAreas.id, { onDelete: 'set null' }),
    count: integer('count').notNull(),
  },
  (table) => [
    index('council_statistics_month_idx').on(table.councilId, table.month),
    check('council_statistics_count', sql`${table.count} >= 0`),
  ],
)

/** The safety survey's yearly result per area (null: the whole municipality) and question. */
export const safetySurveyResults = pgTable(
  'safety_survey_results',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    areaId: uuid('area_id').references(() => councilAreas.id, { onDelete: 'cascade' }),
    question: text('question', { enum: safetySurveyQuestions }).notNull(),
    /** Per cent of those asked, 0–100. */
    share: numeric('share', { precision: 5, scale: 1 }).notNull(),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    uniqueIndex('safety_survey_results_idx').on(
      table.councilId,
      table.year,
      sql`coalesce(${table.areaId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      table.question,
    ),
    check('safety_survey_share', sql`${table.share} between 0 and 100`),
  ],
)

/** A situation picture (lägesbild) being written for a period; frozen versions are kept apart. */
export const situationPictures = pgTable(
  'situation_pictures',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    /** The council's analysis, formatted text. */
    analysis: text('analysis').notNull().default(''),
    /** Other relevant information the council adds in its own words. */
    otherInformation: text('other_information').notNull().default(''),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    index('situation_pictures_council_idx').on(table.councilId, table.periodTo),
    check('situation_pictures_period', sql`${table.periodTo} >= ${table.periodFrom}`),
  ],
)

/** A frozen, dated version: everything it showed, so that later edits and deletions cannot change it. */
export const situationPictureVersions = pgTable(
  'situation_picture_versions',
  {
    id: id(),
    pictureId: uuid('picture_id')
      .notNull()
      .references(() => situationPictures.id, { onDelete: 'restrict' }),
    number: integer('number').notNull(),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull().defaultNow(),
    frozenBy: uuid('frozen_by').references(() => users.id, { onDelete: 'set null' }),
    snapshot: jsonb('snapshot').$type<SituationSnapshot>().notNull(),
  },
  (table) => [uniqueIndex('situation_picture_versions_number_idx').on(table.pictureId, table.number)],
)

/** A measure (insats) of the council's action plan. */
export const councilMeasures = pgTable(
  'council_measures',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: text('kind', { enum: councilMeasureKinds }).notNull(),
    /** Lighting, cameras, patrols, clearing vegetation, activities for young people … */
    measureType: text('measure_type').notNull().default(''),
    description: text('description').notNull().default(''),
    areaId: uuid('area_id').references(() => councilAreas.id, { onDelete: 'set null' }),
    place: text('place').notNull().default(''),
    responsibleOrganisationId: uuid('responsible_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    startDate: date('start_date').notNull(),
    expectedEffect: text('expected_effect').notNull().default(''),
    followUpDate: date('follow_up_date').notNull(),
    state: text('state', { enum: councilMeasureStates }).notNull().default('planned'),
    /** The situation picture the measure answers, if any. */
    situationPictureId: uuid('situation_picture_id').references(() => situationPictures.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    index('council_measures_council_idx').on(table.councilId, table.followUpDate),
    check('council_measures_follow_up_after_start', sql`${table.followUpDate} >= ${table.startDate}`),
  ],
)

/** A follow-up or evaluation record of a measure. */
export const councilMeasureFollowUps = pgTable(
  'council_measure_follow_ups',
  {
    id: id(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => councilMeasures.id, { onDelete: 'cascade' }),
    followedUpOn: date('followed_up_on').notNull(),
    assessment: text('assessment', { enum: councilFollowUpAssessments }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('council_measure_follow_ups_measure_idx').on(table.measureId, table.followedUpOn)],
)

export type Council = typeof councils.$inferSelect
export type CouncilMember = typeof councilMembers.$inferSelect
export type CouncilCategory = typeof councilCategories.$inferSelect
export type CouncilArea = typeof councilAreas.$inferSelect
export type CouncilReport = typeof councilReports.$inferSelect
export type CouncilMeasure = typeof councilMeasures.$inferSelect
export type SituationPicture = typeof situationPictures.$inferSelect
