import { sql } from 'drizzle-orm'
import {
  check,
  customType,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { id, timestamps, version } from '../columns'
import { deliverableKinds, deliverableStates, grantCategories, trainingGoalMeasures } from '../enums'
import { meetings } from './meetings'
import { organisations } from './organisations'
import { users } from './users'

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })

/**
 * A mandate period (e.g. 2027–2030) of the municipality: what it must
 * produce, adopt, exercise and report, on one calendar. The partners see the
 * calendar (what and when) only once the coordinator shares it.
 */
export const mandatePeriods = pgTable(
  'mandate_periods',
  {
    id: id(),
    title: text('title').notNull(),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    /** The municipality whose period it is. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    /** When the calendar was shared with the partners; null while it is not. */
    calendarSharedAt: timestamp('calendar_shared_at', { withTimezone: true }),
    /** After how many months a person's training in their role counts as old. */
    trainingValidMonths: integer('training_valid_months').notNull().default(24),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    uniqueIndex('mandate_periods_start_idx').on(table.organisationId, table.startYear),
    check('mandate_periods_years', sql`${table.endYear} >= ${table.startYear}`),
    check('mandate_periods_training_months', sql`${table.trainingValidMonths} between 1 and 120`),
  ],
)

/** One statutory deliverable: due date, owner, state, the decision that adopted it. */
export const mandateDeliverables = pgTable(
  'mandate_deliverables',
  {
    id: id(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => mandatePeriods.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: deliverableKinds }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** For a yearly deliverable (the RSA follow-up, the grant report): the year it concerns. */
    year: integer('year'),
    /** Null: some time during the period (e.g. the county board's follow-up visit before it is booked). */
    dueDate: date('due_date', { mode: 'string' }),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    state: text('state', { enum: deliverableStates }).notNull().default('not_started'),
    /** Who adopted or received it, e.g. "kommunfullmäktige". */
    adoptedBy: text('adopted_by').notNull().default(''),
    adoptedOn: date('adopted_on', { mode: 'string' }),
    /** The decision's reference, e.g. "§ 23". */
    decisionReference: text('decision_reference').notNull().default(''),
    notes: text('notes').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    index('mandate_deliverables_period_idx').on(table.periodId, table.dueDate),
    index('mandate_deliverables_owner_idx').on(table.ownerUserId),
    index('mandate_deliverables_due_idx').on(table.dueDate),
  ],
)

/** A deliverable's document (the adopted plan as a PDF …), checked like a meeting's documents. */
export const mandateDocuments = pgTable(
  'mandate_documents',
  {
    id: id(),
    deliverableId: uuid('deliverable_id')
      .notNull()
      .references(() => mandateDeliverables.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('mandate_documents_deliverable_idx').on(table.deliverableId)],
)

/**
 * A reminder sent: one row per deliverable, due date and lead time. The row
 * is written in the same transaction as the mail, so two app processes never
 * send the same reminder twice, and a moved due date is reminded again.
 */
export const mandateReminders = pgTable(
  'mandate_reminders',
  {
    deliverableId: uuid('deliverable_id')
      .notNull()
      .references(() => mandateDeliverables.id, { onDelete: 'cascade' }),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    daysBefore: integer('days_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.deliverableId, table.dueDate, table.daysBefore] })],
)

/**
 * What the state grant paid for in a year, beyond what the portal lists by
 * itself: an entry of its own, or the hours and cost of a listed meeting.
 */
export const grantEntries = pgTable(
  'grant_entries',
  {
    id: id(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => mandatePeriods.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    category: text('category', { enum: grantCategories }).notNull(),
    title: text('title').notNull().default(''),
    occurredOn: date('occurred_on', { mode: 'string' }),
    /** The listed meeting these hours and cost belong to; null for an entry of its own. */
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
    hours: numeric('hours', { precision: 8, scale: 1 }),
    /** Whole kronor. */
    cost: integer('cost'),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    index('grant_entries_year_idx').on(table.periodId, table.year),
    uniqueIndex('grant_entries_meeting_idx').on(table.periodId, table.meetingId),
    check('grant_entries_hours', sql`${table.hours} is null or ${table.hours} >= 0`),
    check('grant_entries_cost', sql`${table.cost} is null or ${table.cost} >= 0`),
  ],
)

/** A target group of the training and exercise plan: the crisis board, TiB, Posom … */
export const trainingTargetGroups = pgTable(
  'training_target_groups',
  {
    id: id(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => mandatePeriods.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps(),
    version: version(),
  },
  (table) => [index('training_target_groups_period_idx').on(table.periodId)],
)

/**
 * A person the plan trains: a portal user or only a name. People without an
 * account carry no contact data (the plan is not a directory).
 */
export const trainingPeople = pgTable(
  'training_people',
  {
    id: id(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => mandatePeriods.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    function: text('function').notNull().default(''),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    version: version(),
  },
  (table) => [index('training_people_period_idx').on(table.periodId)],
)

export const trainingPersonGroups = pgTable(
  'training_person_groups',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => trainingPeople.id, { onDelete: 'cascade' }),
    targetGroupId: uuid('target_group_id')
      .notNull()
      .references(() => trainingTargetGroups.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.personId, table.targetGroupId] }),
    index('training_person_groups_group_idx').on(table.targetGroupId),
  ],
)

/** A measurable goal for the period, e.g. "two exercises for the central crisis management, evaluated". */
export const trainingGoals = pgTable(
  'training_goals',
  {
    id: id(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => mandatePeriods.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    measure: text('measure', { enum: trainingGoalMeasures }).notNull(),
    /** For counted measures: how many; unused for "everyone in the group trained". */
    targetCount: integer('target_count'),
    targetGroupId: uuid('target_group_id').references(() => trainingTargetGroups.id, { onDelete: 'set null' }),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    index('training_goals_period_idx').on(table.periodId),
    check('training_goals_count', sql`${table.targetCount} is null or ${table.targetCount} between 1 and 1000`),
  ],
)

/** Which target groups an exercise or training (a meeting) trains. */
export const trainingMeetingGroups = pgTable(
  'training_meeting_groups',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    targetGroupId: uuid('target_group_id')
      .notNull()
      .references(() => trainingTargetGroups.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.meetingId, table.targetGroupId] }),
    index('training_meeting_groups_group_idx').on(table.targetGroupId),
  ],
)

/** Which goals an exercise or training (a meeting) serves. */
export const trainingMeetingGoals = pgTable(
  'training_meeting_goals',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => trainingGoals.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.meetingId, table.goalId] }),
    index('training_meeting_goals_goal_idx').on(table.goalId),
  ],
)

/** Who of the plan's people took part in an exercise or training. */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => trainingPeople.id, { onDelete: 'cascade' }),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.meetingId, table.personId] }),
    index('training_attendance_person_idx').on(table.personId),
  ],
)

export type MandatePeriod = typeof mandatePeriods.$inferSelect
export type MandateDeliverable = typeof mandateDeliverables.$inferSelect
export type GrantEntry = typeof grantEntries.$inferSelect
export type TrainingTargetGroup = typeof trainingTargetGroups.$inferSelect
export type TrainingPerson = typeof trainingPeople.$inferSelect
export type TrainingGoal = typeof trainingGoals.$inferSelect
