import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { FailureScope } from '~/modules/scenarios/area'
import { id, timestamps, version } from '../columns'
import {
  callOutcomes,
  eventKinds,
  eventLevels,
  eventEvaluationStates,
  eventLogKinds,
  eventTaskStates,
  serviceStatuses,
  type EventNeed,
  type Resource,
} from '../enums'
import { organisations } from './organisations'
import { contactRoutes, criticalServices, networks } from './registry'
import { actionItems } from './meetings'
import { rsaMeasures } from './rsa'
import { users } from './users'

/**
 * An event (händelse): a real disruption or an exercise that the
 * municipality leads in its geographic area. Times are instants; the server's
 * clock stamps them. An ended event stays readable and its log is frozen.
 */
export const events = pgTable(
  'events',
  {
    id: id(),
    title: text('title').notNull(),
    kind: text('kind', { enum: eventKinds }).notNull(),
    level: text('level', { enum: eventLevels }).notNull(),
    description: text('description').notNull().default(''),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Resources lost in the affected area since the start (e.g. electricity in a power cut); the projection starts from them. */
    lostResources: jsonb('lost_resources').$type<Resource[]>().notNull().default([]),
    /** The affected area, as a scenario failure's scope. */
    area: jsonb('area').$type<FailureScope>().notNull().default({ kind: 'everywhere' }),
    /** A network called in as a whole, if one was; its members are in event_organisations. */
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    version: version(),
  },
  (table) => [
    index('events_started_idx').on(table.startedAt),
    check('events_ends_after_start', sql`${table.endedAt} is null or ${table.endedAt} >= ${table.startedAt}`),
  ],
)

/** An organisation taking part in an event; calledOutAt is when the call-out last went to it. */
export const eventOrganisations = pgTable(
  'event_organisations',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    calledOutAt: timestamp('called_out_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.eventId, table.organisationId] }),
    index('event_organisations_organisation_idx').on(table.organisationId),
  ],
)

/**
 * The status link of a call-out: whoever holds it reports for one
 * organisation in one event without signing in. Only the hash of the secret
 * is kept; the link closes when the event ends.
 */
export const eventStatusLinks = pgTable(
  'event_status_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('event_status_links_event_idx').on(table.eventId, table.organisationId)],
)

/**
 * A status report for one critical service: kept as history, never
 * overwritten; the newest per service is its state. reportedAt is the
 * server's clock.
 */
export const eventStatusReports = pgTable(
  'event_status_reports',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => criticalServices.id, { onDelete: 'cascade' }),
    status: text('status', { enum: serviceStatuses }).notNull(),
    /** On backup: how many hours the backup lasts from reportedAt. */
    backupHoursLeft: numeric('backup_hours_left', { precision: 7, scale: 2, mode: 'number' }),
    expectedRestorationAt: timestamp('expected_restoration_at', { withTimezone: true }),
    note: text('note').notNull().default(''),
    needs: jsonb('needs').$type<EventNeed[]>().notNull().default([]),
    needsOther: text('needs_other').notNull().default(''),
    /** Null when reported through a status link sent to a shared mailbox. */
    reportedBy: uuid('reported_by').references(() => users.id, { onDelete: 'set null' }),
    via: text('via', { enum: ['portal', 'link'] }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('event_status_reports_service_idx').on(table.eventId, table.serviceId, table.reportedAt),
    index('event_status_reports_organisation_idx').on(table.eventId, table.organisationId, table.reportedAt),
    check(
      'event_status_reports_backup_hours',
      sql`${table.backupHoursLeft} is null or ${table.backupHoursLeft} >= 0`,
    ),
  ],
)

/**
 * The event log: append-only (a trigger refuses UPDATE and DELETE). A
 * correction is a new entry whose correctsId points at the corrected one; a
 * task's new state is a new entry whose refersToId points at the task.
 * `seq` orders the entries of one event as they were written.
 */
export const eventLogEntries = pgTable(
  'event_log_entries',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    seq: serial('seq').notNull(),
    kind: text('kind', { enum: eventLogKinds }).notNull(),
    text: text('text').notNull(),
    /** A decision: who decided and under which mandate. */
    decidedBy: text('decided_by').notNull().default(''),
    mandate: text('mandate').notNull().default(''),
    /** A task: which organisation owns it, when it is due, its state. */
    taskOrganisationId: uuid('task_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    taskDueAt: timestamp('task_due_at', { withTimezone: true }),
    taskState: text('task_state', { enum: eventTaskStates }),
    /** A message or call: with whom. */
    counterpart: text('counterpart').notNull().default(''),
    correctsId: uuid('corrects_id'),
    refersToId: uuid('refers_to_id'),
    /** The organisation the author wrote for; null for what the portal writes by itself. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The author's name as it was, so that the log reads the same after a user is removed. */
    authorName: text('author_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('event_log_entries_event_idx').on(table.eventId, table.seq),
    index('event_log_entries_corrects_idx').on(table.correctsId),
  ],
)

/**
 * A key message to the public, versioned: every change is a new row with the
 * same messageId and the next version; the newest version is the message,
 * withdrawn when `withdrawn` is set.
 */
export const eventKeyMessages = pgTable(
  'event_key_messages',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').notNull(),
    messageVersion: integer('message_version').notNull(),
    /** Whose message it is. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    /** Where the public can turn (trygghetspunkter, nödvattenpunkter, numbers). */
    whereToTurn: text('where_to_turn').notNull().default(''),
    withdrawn: boolean('withdrawn').notNull().default(false),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('event_key_messages_version_idx').on(table.eventId, table.messageId, table.messageVersion)],
)

/** One call on the call list: who was called on which route, and how it went. */
export const eventCalls = pgTable(
  'event_calls',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    contactRouteId: uuid('contact_route_id').references(() => contactRoutes.id, { onDelete: 'set null' }),
    outcome: text('outcome', { enum: callOutcomes }).notNull(),
    note: text('note').notNull().default(''),
    calledBy: uuid('called_by').references(() => users.id, { onDelete: 'set null' }),
    calledAt: timestamp('called_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('event_calls_event_idx').on(table.eventId, table.calledAt)],
)

export type EventRecord = typeof events.$inferSelect
export type EventStatusReport = typeof eventStatusReports.$inferSelect
export type EventLogEntry = typeof eventLogEntries.$inferSelect
export type EventKeyMessage = typeof eventKeyMessages.$inferSelect

/**
 * What a situation report (lägesrapport) to Länsstyrelsen and the actors
 * says, under the four headings the law asks for (2006:544): the development
 * of the event, the state now, the expected development, and measures taken
 * and planned; plus sender, time of the situation, next report and contact.
 */
export interface SituationReportContent {
  development: string
  state: string
  expected: string
  measures: string
  sender: string
  /** ISO instant: the time the situation is described at. */
  situationAt: string
  /** ISO instant, or '' when no next report is planned. */
  nextReportAt: string
  contact: string
}

/** The coordinator's draft of the event's next situation report: one per event, versioned. */
export const eventSituationReportDrafts = pgTable('event_situation_report_drafts', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  content: jsonb('content').$type<SituationReportContent>().notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  ...timestamps(),
  version: version(),
})

/**
 * A frozen situation report: numbered per event (Lägesrapport 1, 2, …), never
 * changed after it is frozen. sentAt / recipients record the last mailing.
 */
export const eventSituationReports = pgTable(
  'event_situation_reports',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    content: jsonb('content').$type<SituationReportContent>().notNull(),
    frozenBy: uuid('frozen_by').references(() => users.id, { onDelete: 'set null' }),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('event_situation_reports_number_idx').on(table.eventId, table.number)],
)

/** The mailings of a frozen situation report: who it went to, when. */
export const eventSituationReportMailings = pgTable(
  'event_situation_report_mailings',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => eventSituationReports.id, { onDelete: 'cascade' }),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('event_situation_report_mailings_report_idx').on(table.reportId)],
)

/** The evaluation of an ended event or exercise (one per event), opened by the coordinator. */
export const eventEvaluations = pgTable('event_evaluations', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  state: text('state', { enum: eventEvaluationStates }).notNull().default('open'),
  /** The coordinator's summary: what worked, what to improve. */
  worked: text('worked').notNull().default(''),
  improve: text('improve').notNull().default(''),
  /** When the report was shared with the taking-part organisations; null while it is not. */
  sharedAt: timestamp('shared_at', { withTimezone: true }),
  openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
  ...timestamps(),
  version: version(),
})

/** One taking-part organisation's answers to the evaluation questionnaire. */
export const eventEvaluationResponses = pgTable(
  'event_evaluation_responses',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** Question key → 1 … 5, as the meeting evaluation's questionnaire. */
    ratings: jsonb('ratings').$type<Record<string, number>>().notNull(),
    worked: text('worked').notNull().default(''),
    didNotWork: text('did_not_work').notNull().default(''),
    change: text('change').notNull().default(''),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    version: version(),
  },
  (table) => [uniqueIndex('event_evaluation_responses_organisation_idx').on(table.eventId, table.organisationId)],
)

/**
 * A finding of the evaluation for one organisation; the coordinator may turn
 * it into an RSA measure or a meeting's action item, whose id it then keeps.
 */
export const eventEvaluationFindings = pgTable(
  'event_evaluation_findings',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    rsaMeasureId: uuid('rsa_measure_id').references(() => rsaMeasures.id, { onDelete: 'set null' }),
    actionItemId: uuid('action_item_id').references(() => actionItems.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    version: version(),
  },
  (table) => [index('event_evaluation_findings_event_idx').on(table.eventId, table.organisationId)],
)

export type EventSituationReport = typeof eventSituationReports.$inferSelect
export type EventEvaluation = typeof eventEvaluations.$inferSelect
