import { sql } from 'drizzle-orm'
import {
  check,
  customType,
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
import { actionItemStates, meetingAnswers, meetingKinds, meetingStates } from '../enums'
import { events } from './events'
import { organisations } from './organisations'
import { networks } from './registry'
import { scenarios } from './scenarios'
import { users } from './users'

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })

/**
 * A network meeting, theme day, RSA workshop, exercise or council meeting.
 * `uid` and `sequence` are its identity in the invitees' calendars (RFC 5545):
 * the uid never changes, every change that is sent out raises the sequence.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    kind: text('kind', { enum: meetingKinds }).notNull(),
    title: text('title').notNull(),
    theme: text('theme').notNull().default(''),
    description: text('description').notNull().default(''),
    /** The agenda, one item per entry, in order. */
    agenda: jsonb('agenda').$type<string[]>().notNull().default([]),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    videoLink: text('video_link').notNull().default(''),
    organiserOrganisationId: uuid('organiser_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** The network invited as a whole, if one was; its members are in meeting_organisations. */
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'set null' }),
    /** A theme day's scenario. */
    scenarioId: uuid('scenario_id').references(() => scenarios.id, { onDelete: 'set null' }),
    /** An ISF conference's event (the coordination conference held during it). */
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
    state: text('state', { enum: meetingStates }).notNull().default('planned'),
    uid: text('uid').notNull(),
    sequence: integer('sequence').notNull().default(0),
    /** Minutes as formatted text (a small, safe subset of Markdown). */
    minutes: text('minutes').notNull().default(''),
    evaluationWorked: text('evaluation_worked').notNull().default(''),
    evaluationImprove: text('evaluation_improve').notNull().default(''),
    /** When the evaluation was shared with the participants; null while it is not. */
    evaluationSharedAt: timestamp('evaluation_shared_at', { withTimezone: true }),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    uniqueIndex('meetings_uid_idx').on(table.uid),
    index('meetings_starts_idx').on(table.startsAt),
    index('meetings_event_idx').on(table.eventId),
    check('meetings_ends_after_start', sql`${table.endsAt} > ${table.startsAt}`),
  ],
)

/** An invited organisation and its answer: who attends for it. */
export const meetingOrganisations = pgTable(
  'meeting_organisations',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    answer: text('answer', { enum: meetingAnswers }).notNull().default('pending'),
    /** Who attends for the organisation, as the organisation wrote it. */
    attendees: text('attendees').notNull().default(''),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    version: version(),
  },
  (table) => [
    primaryKey({ columns: [table.meetingId, table.organisationId] }),
    index('meeting_organisations_organisation_idx').on(table.organisationId),
  ],
)

/** A person the invitation goes to: an active user of an invited organisation. */
export const meetingInvitees = pgTable(
  'meeting_invitees',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    /** The sequence last sent to this person. */
    sentSequence: integer('sent_sequence'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('meeting_invitees_email_idx').on(table.meetingId, sql`lower(${table.email})`),
    index('meeting_invitees_user_idx').on(table.userId),
  ],
)

/**
 * The answer link of one sent invitation: each mail carries a fresh secret,
 * of which only the hash is kept, and every link sent stays valid, so an
 * update does not break the link in the first mail.
 */
export const meetingAnswerLinks = pgTable(
  'meeting_answer_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    inviteeId: uuid('invitee_id')
      .notNull()
      .references(() => meetingInvitees.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('meeting_answer_links_invitee_idx').on(table.inviteeId)],
)

/** Who was there, recorded during or after the meeting. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('meeting_attendance_meeting_idx').on(table.meetingId)],
)

/** A document attached to a meeting, kept in the database (size and type are checked on upload). */
export const meetingDocuments = pgTable(
  'meeting_documents',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('meeting_documents_meeting_idx').on(table.meetingId)],
)

/** A participant's answers to the evaluation questionnaire: one per person and meeting. */
export const meetingEvaluationResponses = pgTable(
  'meeting_evaluation_responses',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** Question key → 1 … 5. */
    ratings: jsonb('ratings').$type<Record<string, number>>().notNull(),
    comment: text('comment').notNull().default(''),
    ...timestamps(),
    version: version(),
  },
  (table) => [uniqueIndex('meeting_evaluation_responses_person_idx').on(table.meetingId, table.userId)],
)

/** What a theme day revealed for one organisation: effects and needs, which the RSA takes up. */
export const meetingFindings = pgTable(
  'meeting_findings',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    effects: text('effects').notNull().default(''),
    needs: text('needs').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    version: version(),
  },
  (table) => [uniqueIndex('meeting_findings_organisation_idx').on(table.meetingId, table.organisationId)],
)

/** A task agreed at a meeting: it shows on the owner's start page and at the next meeting until done. */
export const actionItems = pgTable(
  'action_items',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    dueDate: date('due_date', { mode: 'string' }),
    state: text('state', { enum: actionItemStates }).notNull().default('open'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    index('action_items_owner_idx').on(table.ownerOrganisationId, table.state),
    index('action_items_meeting_idx').on(table.meetingId),
  ],
)

/** A secret per user for the subscribable calendar feed (calendar apps cannot sign in); its hash is stored. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export type Meeting = typeof meetings.$inferSelect
export type MeetingOrganisation = typeof meetingOrganisations.$inferSelect
export type MeetingInvitee = typeof meetingInvitees.$inferSelect
export type ActionItem = typeof actionItems.$inferSelect
