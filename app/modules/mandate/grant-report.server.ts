import { and, asc, eq, gte, inArray, isNull, lt, ne, or } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import {
  eventEvaluations,
  eventOrganisations,
  eventSituationReportMailings,
  eventSituationReports,
  events,
} from '~/db/schema/events'
import { grantEntries, type GrantEntry, type MandatePeriod } from '~/db/schema/mandate'
import { meetingAttendance, meetingOrganisations, meetings } from '~/db/schema/meetings'
import { organisations } from '~/db/schema/organisations'
import { rsaAnalyses, rsaFollowUps, rsaParticipants } from '~/db/schema/rsa'
import { diffFields, type AuditChanges } from '~/modules/audit/audit.server'
import type { AuditFieldOf } from '~/modules/audit/vocabulary'
import { instantToStockholm, stockholmToInstant } from '~/modules/meetings/stockholm-time'
import {
  createAudited,
  deleteVersioned,
  updateVersioned,
  type DeleteResult,
  type SaveResult,
} from '~/modules/records/versioned.server'
import type { MeetingEntryInput, OwnEntryInput } from './grant-form'
import { countedMeetingKinds, meetingGrantCategory, type GrantActivity } from './grant-report'

// The grant report's data: what the portal knows of a year for the period's
// municipality, and the grant entries (own activities, and the hours and cost
// of listed meetings). Writes are versioned and audited with the period's id.

/** Who writes: the user and the organisation they act for. */
export interface GrantActor {
  id: string
  organisationId: string | null
}

/** The Stockholm calendar year as instants: [1 January 00:00, next 1 January 00:00). */
function yearBounds(year: number) {
  return { from: stockholmToInstant(`${year}-01-01`, '00:00')!, to: stockholmToInstant(`${year + 1}-01-01`, '00:00')! }
}

const dayOf = (instant: Date) => instantToStockholm(instant).date

/** Organisation names per record id, in name order. */
function namesBy<K extends string>(rows: readonly ({ name: string } & Record<K, string>)[], key: K) {
  const names = new Map<string, string[]>()
  for (const row of [...rows].sort((a, b) => a.name.localeCompare(b.name, 'sv'))) {
    names.set(row[key], [...(names.get(row[key]) ?? []), row.name])
  }
  return names
}

type AutomaticActivity = Omit<GrantActivity, 'hours' | 'cost' | 'notes' | 'entry'>

/**
 * Meetings not cancelled, started in the year, that the municipality
 * organised or said it attends; council meetings are not listed.
 */
async function meetingActivities(db: Executor, organisationId: string, year: number): Promise<AutomaticActivity[]> {
  const { from, to } = yearBounds(year)
  const attended = db
    .select({ id: meetingOrganisations.meetingId })
    .from(meetingOrganisations)
    .where(and(eq(meetingOrganisations.organisationId, organisationId), eq(meetingOrganisations.answer, 'attending')))
  const rows = await db
    .select({ id: meetings.id, kind: meetings.kind, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        ne(meetings.state, 'cancelled'),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
        inArray(meetings.kind, countedMeetingKinds),
        or(eq(meetings.organiserOrganisationId, organisationId), inArray(meetings.id, attended)),
      ),
    )
  if (rows.length === 0) return []
  const ids = rows.map((row) => row.id)
  const [attending, present] = await Promise.all([
    db
      .select({ meetingId: meetingOrganisations.meetingId, name: organisations.name })
      .from(meetingOrganisations)
      .innerJoin(organisations, eq(organisations.id, meetingOrganisations.organisationId))
      .where(and(inArray(meetingOrganisations.meetingId, ids), eq(meetingOrganisations.answer, 'attending'))),
    db
      .select({ meetingId: meetingAttendance.meetingId })
      .from(meetingAttendance)
      .where(inArray(meetingAttendance.meetingId, ids)),
  ])
  const names = namesBy(attending, 'meetingId')
  const counts = new Map<string, number>()
  for (const row of present) counts.set(row.meetingId, (counts.get(row.meetingId) ?? 0) + 1)
  return rows.map((row) => ({
    key: `meeting:${row.id}`,
    category: meetingGrantCategory(row.kind)!,
    date: dayOf(row.startsAt),
    title: row.title,
    origin: { kind: 'meeting', meetingId: row.id, meetingKind: row.kind },
    participants: names.get(row.id) ?? [],
    attendance: counts.get(row.id) ?? 0,
  }))
}

/**
 * Exercise events started in the year, and the evaluations of exercise
 * events shared in the year. Events have no organiser: the portal's events
 * are the municipality's own (it leads them in its geographic area). An
 * evaluation counts as exercise work, not as reporting: MSB's grant guidance
 * reckons planning, holding and evaluating an exercise all to the exercise,
 * and the evaluation goes to the taking part organisations, not to a
 * receiving authority.
 */
async function exerciseActivities(db: Executor, year: number): Promise<AutomaticActivity[]> {
  const { from, to } = yearBounds(year)
  const [held, evaluated] = await Promise.all([
    db
      .select({ id: events.id, title: events.title, at: events.startedAt })
      .from(events)
      .where(and(eq(events.kind, 'exercise'), gte(events.startedAt, from), lt(events.startedAt, to))),
    db
      .select({ id: events.id, title: events.title, at: eventEvaluations.sharedAt })
      .from(eventEvaluations)
      .innerJoin(events, eq(events.id, eventEvaluations.eventId))
      .where(and(eq(events.kind, 'exercise'), gte(eventEvaluations.sharedAt, from), lt(eventEvaluations.sharedAt, to))),
  ])
  const ids = [...new Set([...held, ...evaluated].map((row) => row.id))]
  const taking =
    ids.length === 0
      ? []
      : await db
          .select({ eventId: eventOrganisations.eventId, name: organisations.name })
          .from(eventOrganisations)
          .innerJoin(organisations, eq(organisations.id, eventOrganisations.organisationId))
          .where(inArray(eventOrganisations.eventId, ids))
  const names = namesBy(taking, 'eventId')
  const activity = (
    row: { id: string; title: string; at: Date | null },
    kind: 'exercise_event' | 'evaluation',
  ): AutomaticActivity => ({
    key: `${kind}:${row.id}`,
    category: 'exercises',
    date: dayOf(row.at!),
    title: row.title,
    origin: { kind, eventId: row.id },
    participants: names.get(row.id) ?? [],
    attendance: null,
  })
  return [...held.map((row) => activity(row, 'exercise_event')), ...evaluated.map((row) => activity(row, 'evaluation'))]
}

/** The municipality's RSA: an analysis whose results were shared in the year, and the action plan's follow-up of the year. */
async function rsaActivities(db: Executor, organisationId: string, year: number): Promise<AutomaticActivity[]> {
  const { from, to } = yearBounds(year)
  const [shared, followUps] = await Promise.all([
    db
      .select({ id: rsaAnalyses.id, title: rsaAnalyses.title, at: rsaAnalyses.resultsSharedAt })
      .from(rsaAnalyses)
      .where(
        and(
          eq(rsaAnalyses.organisationId, organisationId),
          gte(rsaAnalyses.resultsSharedAt, from),
          lt(rsaAnalyses.resultsSharedAt, to),
        ),
      ),
    db
      .select({ id: rsaAnalyses.id, title: rsaAnalyses.title, at: rsaFollowUps.createdAt })
      .from(rsaFollowUps)
      .innerJoin(rsaAnalyses, eq(rsaAnalyses.id, rsaFollowUps.analysisId))
      .where(and(eq(rsaAnalyses.organisationId, organisationId), eq(rsaFollowUps.year, year))),
  ])
  const participants =
    shared.length === 0
      ? []
      : await db
          .select({ analysisId: rsaParticipants.analysisId, name: organisations.name })
          .from(rsaParticipants)
          .innerJoin(organisations, eq(organisations.id, rsaParticipants.organisationId))
          .where(
            inArray(
              rsaParticipants.analysisId,
              shared.map((row) => row.id),
            ),
          )
  const names = namesBy(participants, 'analysisId')
  return [
    ...shared.map((row): AutomaticActivity => ({
      key: `rsa_shared:${row.id}`,
      category: 'risk_analysis',
      date: dayOf(row.at!),
      title: row.title,
      origin: { kind: 'rsa_shared', analysisId: row.id },
      participants: names.get(row.id) ?? [],
      attendance: null,
    })),
    ...followUps.map((row): AutomaticActivity => ({
      key: `rsa_follow_up:${row.id}`,
      category: 'risk_analysis',
      // The follow-up of a year may be written early the next: it concerns its year all the same, undated.
      date: row.at >= from && row.at < to ? dayOf(row.at) : null,
      title: row.title,
      origin: { kind: 'rsa_follow_up', analysisId: row.id },
      participants: [],
      attendance: null,
    })),
  ]
}

/**
 * Situation reports mailed in the year, one row per event with the number of
 * reports. A report is mailed to Länsstyrelsen's functional addresses (and
 * the taking part organisations'; see mailRecipients), so a mailing is the
 * report sent to Länsstyrelsen. Dated by the year's first mailing.
 */
async function reportingActivities(db: Executor, year: number): Promise<AutomaticActivity[]> {
  const { from, to } = yearBounds(year)
  const rows = await db
    .select({
      eventId: events.id,
      title: events.title,
      reportId: eventSituationReports.id,
      sentAt: eventSituationReportMailings.sentAt,
    })
    .from(eventSituationReportMailings)
    .innerJoin(eventSituationReports, eq(eventSituationReports.id, eventSituationReportMailings.reportId))
    .innerJoin(events, eq(events.id, eventSituationReports.eventId))
    .where(and(gte(eventSituationReportMailings.sentAt, from), lt(eventSituationReportMailings.sentAt, to)))
    .orderBy(asc(eventSituationReportMailings.sentAt))
  const byEvent = new Map<string, { title: string; first: Date; reports: Set<string> }>()
  for (const row of rows) {
    const found = byEvent.get(row.eventId) ?? { title: row.title, first: row.sentAt, reports: new Set<string>() }
    found.reports.add(row.reportId)
    byEvent.set(row.eventId, found)
  }
  return [...byEvent].map(([eventId, event]) => ({
    key: `situation_reports:${eventId}`,
    category: 'reporting',
    date: dayOf(event.first),
    title: event.title,
    origin: { kind: 'situation_reports', eventId, reports: event.reports.size },
    participants: [],
    attendance: null,
  }))
}

/** Everything the portal lists by itself for the year, without hours and cost. */
export async function automaticActivities(
  db: Executor,
  period: Pick<MandatePeriod, 'organisationId'>,
  year: number,
): Promise<AutomaticActivity[]> {
  const parts = await Promise.all([
    meetingActivities(db, period.organisationId, year),
    exerciseActivities(db, year),
    rsaActivities(db, period.organisationId, year),
    reportingActivities(db, year),
  ])
  return parts.flat()
}

const hoursOf = (entry: Pick<GrantEntry, 'hours'>) => (entry.hours === null ? null : Number(entry.hours))

/** The whole year's report: the portal's activities with their hours and cost, and the own entries. */
export async function grantActivities(db: Executor, period: MandatePeriod, year: number): Promise<GrantActivity[]> {
  const automatic = await automaticActivities(db, period, year)
  const meetingIds = automatic.flatMap((activity) =>
    activity.origin.kind === 'meeting' ? [activity.origin.meetingId] : [],
  )
  const entries = await db
    .select()
    .from(grantEntries)
    .where(
      and(
        eq(grantEntries.periodId, period.id),
        or(
          and(eq(grantEntries.year, year), isNull(grantEntries.meetingId)),
          meetingIds.length > 0 ? inArray(grantEntries.meetingId, meetingIds) : undefined,
        ),
      ),
    )
  const byMeeting = new Map(entries.flatMap((entry) => (entry.meetingId ? [[entry.meetingId, entry] as const] : [])))
  const listed = automatic.map((activity): GrantActivity => {
    const entry = activity.origin.kind === 'meeting' ? byMeeting.get(activity.origin.meetingId) : undefined
    return {
      ...activity,
      hours: entry ? hoursOf(entry) : null,
      cost: entry?.cost ?? null,
      notes: entry?.notes ?? '',
      entry: entry ? { id: entry.id, version: entry.version } : null,
    }
  })
  const own = entries
    .filter((entry) => entry.meetingId === null)
    .map((entry): GrantActivity => ({
      key: `own:${entry.id}`,
      category: entry.category,
      date: entry.occurredOn,
      title: entry.title,
      origin: { kind: 'own', entryId: entry.id },
      participants: [],
      attendance: null,
      hours: hoursOf(entry),
      cost: entry.cost,
      notes: entry.notes,
      entry: { id: entry.id, version: entry.version },
    }))
  return [...listed, ...own]
}

const auditedFields = ['year', 'category', 'title', 'occurredOn', 'meetingId', 'hours', 'cost', 'notes'] as const

/** An entry as the audit log records it: hours as a number, not numeric's text. */
function audited(entry: GrantEntry) {
  return { ...entry, hours: hoursOf(entry) }
}

function auditOf(
  actor: GrantActor,
  period: Pick<MandatePeriod, 'id'>,
  action: 'create' | 'update' | 'delete',
  changes: AuditChanges<AuditFieldOf<'grant_entry'>>,
) {
  return {
    userId: actor.id,
    organisationId: actor.organisationId,
    entity: 'grant_entry' as const,
    entityId: period.id,
    action,
    changes,
  }
}

const stored = (hours: number | null) => (hours === null ? null : String(hours))

function lockOwnEntry(tx: Transaction, periodId: string, year: number, entryId: string) {
  return tx
    .select()
    .from(grantEntries)
    .where(
      and(
        eq(grantEntries.id, entryId),
        eq(grantEntries.periodId, periodId),
        eq(grantEntries.year, year),
        isNull(grantEntries.meetingId),
      ),
    )
    .for('update')
    .then((rows) => rows[0])
}

export function createOwnEntry(
  db: Database,
  input: { period: MandatePeriod; year: number; actor: GrantActor; values: OwnEntryInput },
): Promise<GrantEntry> {
  return createAudited(db, {
    write: async (tx) =>
      (
        await tx
          .insert(grantEntries)
          .values({
            periodId: input.period.id,
            year: input.year,
            ...input.values,
            hours: stored(input.values.hours),
            createdBy: input.actor.id,
          })
          .returning()
      )[0]!,
    audit: (created) => auditOf(input.actor, input.period, 'create', diffFields(null, audited(created), auditedFields)),
  })
}

export function updateOwnEntry(
  db: Database,
  input: {
    period: MandatePeriod
    year: number
    actor: GrantActor
    entryId: string
    expectedVersion: number
    values: OwnEntryInput
  },
): Promise<SaveResult<GrantEntry>> {
  return updateVersioned(db, {
    expectedVersion: input.expectedVersion,
    load: (tx) => lockOwnEntry(tx, input.period.id, input.year, input.entryId),
    write: async (tx, before) =>
      (
        await tx
          .update(grantEntries)
          .set({
            ...input.values,
            hours: stored(input.values.hours),
            updatedAt: new Date(),
            version: before.version + 1,
          })
          .where(eq(grantEntries.id, before.id))
          .returning()
      )[0]!,
    audit: (before, after) =>
      auditOf(input.actor, input.period, 'update', diffFields(audited(before), audited(after), auditedFields)),
  })
}

export function deleteOwnEntry(
  db: Database,
  input: { period: MandatePeriod; year: number; actor: GrantActor; entryId: string; expectedVersion: number },
): Promise<DeleteResult<GrantEntry>> {
  return deleteVersioned(db, {
    expectedVersion: input.expectedVersion,
    load: (tx) => lockOwnEntry(tx, input.period.id, input.year, input.entryId),
    remove: async (tx, before) => {
      await tx.delete(grantEntries).where(eq(grantEntries.id, before.id))
    },
    audit: (before) => auditOf(input.actor, input.period, 'delete', diffFields(audited(before), null, auditedFields)),
  })
}

/** Thrown inside the creating transaction when another save created the meeting's entry first; rolls it back. */
class EntryExists extends Error {}

/**
 * Sets the hours, cost and notes of a meeting the year's report lists. The
 * first save creates its entry (the form sends version 0); a save against a
 * stale version, or a first save after someone else's, is a conflict.
 */
export async function saveMeetingEntry(
  db: Database,
  input: {
    period: MandatePeriod
    year: number
    actor: GrantActor
    meetingId: string
    expectedVersion: number
    values: MeetingEntryInput
  },
): Promise<SaveResult<GrantEntry>> {
  const listed = (await meetingActivities(db, input.period.organisationId, input.year)).find(
    (activity) => activity.origin.kind === 'meeting' && activity.origin.meetingId === input.meetingId,
  )
  if (!listed) return { ok: false, error: 'notFound' }
  const values = { ...input.values, hours: stored(input.values.hours) }
  const ofMeeting = and(eq(grantEntries.periodId, input.period.id), eq(grantEntries.meetingId, input.meetingId))
  const lock = (tx: Transaction) =>
    tx
      .select()
      .from(grantEntries)
      .where(ofMeeting)
      .for('update')
      .then((rows) => rows[0])
  if (input.expectedVersion !== 0) {
    return updateVersioned(db, {
      expectedVersion: input.expectedVersion,
      load: lock,
      write: async (tx, before) =>
        (
          await tx
            .update(grantEntries)
            .set({ ...values, updatedAt: new Date(), version: before.version + 1 })
            .where(eq(grantEntries.id, before.id))
            .returning()
        )[0]!,
      audit: (before, after) =>
        auditOf(input.actor, input.period, 'update', diffFields(audited(before), audited(after), auditedFields)),
    })
  }
  try {
    const record = await createAudited(db, {
      write: async (tx) => {
        const [created] = await tx
          .insert(grantEntries)
          .values({
            periodId: input.period.id,
            year: input.year,
            category: listed.category,
            meetingId: input.meetingId,
            ...values,
            createdBy: input.actor.id,
          })
          .onConflictDoNothing()
          .returning()
        if (!created) throw new EntryExists()
        return created
      },
      audit: (created) =>
        auditOf(input.actor, input.period, 'create', diffFields(null, audited(created), auditedFields)),
    })
    return { ok: true, record }
  } catch (error) {
    if (!(error instanceof EntryExists)) throw error
    const [current] = await db.select().from(grantEntries).where(ofMeeting)
    return current ? { ok: false, error: 'conflict', current } : { ok: false, error: 'notFound' }
  }
}
