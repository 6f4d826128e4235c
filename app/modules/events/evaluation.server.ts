import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import {
  eventEvaluationFindings,
  eventEvaluationResponses,
  eventEvaluations,
  eventLogEntries,
  events,
  type EventEvaluation,
} from '~/db/schema/events'
import { organisations } from '~/db/schema/organisations'
import { rsaAnalyses, rsaMeasures } from '~/db/schema/rsa'
import { recordAudit } from '~/modules/audit/audit.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { createMeasure } from '~/modules/rsa/measures.server'
import { actingOrganisationIds, canOnEvent, eventEnded, type EventWithScope } from './event-access.server'
import { notifyEventChanged } from './event-notify.server'
import { eventActor } from './events.server'
import { timelineKinds, type EventRatings, type MeasureInput } from './evaluation-form'

// The evaluation after an event or exercise (section 2.3 of the source
// document: events are evaluated, documented and shared with the actors).
// The leaders open it once the event has ended; each taking-part
// organisation answers for itself; the leaders record findings, may turn
// one into a measure in the current RSA analysis's action plan, sum up, and
// share the report. Every write is audited and announced to open pages.

export type EvaluationError =
  'forbidden' | 'notEnded' | 'notOpened' | 'exists' | 'conflict' | 'notFound' | 'alreadyMeasure' | 'noAnalysis'
export type EvaluationResult<R = null> = { ok: true; record: R } | { ok: false; error: EvaluationError }

const fail = (error: EvaluationError) => ({ ok: false as const, error })
const leads = (user: SessionUser, event: EventWithScope) => canOnEvent(user, 'event.manage', event)
const orgOf = (user: SessionUser) => eventActor(user).organisationId

export async function getEvaluation(db: Executor, eventId: string): Promise<EventEvaluation | undefined> {
  const [row] = await db.select().from(eventEvaluations).where(eq(eventEvaluations.eventId, eventId))
  return row
}

async function lockEvaluation(tx: Transaction, eventId: string) {
  const [row] = await tx.select().from(eventEvaluations).where(eq(eventEvaluations.eventId, eventId)).for('update')
  return row
}

/** Opens the evaluation: the leaders', once the event has ended, and only once. */
export async function openEvaluation(
  db: Database,
  input: { event: EventWithScope; actor: SessionUser; now?: Date },
): Promise<EvaluationResult<EventEvaluation>> {
  const { event, actor } = input
  if (!leads(actor, event)) return fail('forbidden')
  if (!eventEnded(event, input.now)) return fail('notEnded')
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(eventEvaluations)
      .values({ eventId: event.id, openedBy: actor.id })
      .onConflictDoNothing()
      .returning()
    if (!created) return fail('exists')
    await recordAudit(tx, {
      userId: actor.id,
      organisationId: orgOf(actor),
      entity: 'event_evaluation',
      entityId: event.id,
      action: 'open',
      changes: {},
    })
    await notifyEventChanged(tx, event.id, 'event')
    return { ok: true as const, record: created }
  })
}

export interface TimelineItem {
  id: string
  at: Date
  kind: (typeof timelineKinds)[number]
  text: string
  organisationName: string | null
  authorName: string
}

/** What happened, in order: decisions, status changes, call-outs, level changes, situation reports sent, the end. */
export async function evaluationTimeline(db: Executor, event: { id: string }): Promise<TimelineItem[]> {
  const rows = await db
    .select({
      id: eventLogEntries.id,
      at: eventLogEntries.createdAt,
      kind: eventLogEntries.kind,
      text: eventLogEntries.text,
      organisationName: organisations.name,
      authorName: eventLogEntries.authorName,
    })
    .from(eventLogEntries)
    .leftJoin(organisations, eq(organisations.id, eventLogEntries.organisationId))
    .where(and(eq(eventLogEntries.eventId, event.id), inArray(eventLogEntries.kind, [...timelineKinds])))
    .orderBy(asc(eventLogEntries.createdAt), asc(eventLogEntries.seq))
  return rows as TimelineItem[]
}

/** One taking-part organisation's answers, by an editor of that organisation; a new answer carries version 0. */
export async function answerEvaluation(
  db: Database,
  input: {
    event: EventWithScope
    organisationId: string
    user: SessionUser
    ratings: EventRatings
    worked: string
    didNotWork: string
    change: string
    version: number
  },
): Promise<EvaluationResult<{ version: number }>> {
  const { event, organisationId, user, ratings, worked, didNotWork, change, version } = input
  if (!actingOrganisationIds(user, event, 'event.write').includes(organisationId)) return fail('forbidden')
  return db.transaction(async (tx) => {
    const evaluation = await lockEvaluation(tx, event.id)
    if (!evaluation) return fail('notOpened')
    const [current] = await tx
      .select()
      .from(eventEvaluationResponses)
      .where(
        and(
          eq(eventEvaluationResponses.eventId, event.id),
          eq(eventEvaluationResponses.organisationId, organisationId),
        ),
      )
      .for('update')
    if ((current?.version ?? 0) !== version) return fail('conflict')
    const values = { ratings, worked, didNotWork, change, answeredBy: user.id }
    const [saved] = current
      ? await tx
          .update(eventEvaluationResponses)
          .set({ ...values, updatedAt: new Date(), version: sql`${eventEvaluationResponses.version} + 1` })
          .where(eq(eventEvaluationResponses.id, current.id))
          .returning()
      : await tx
          .insert(eventEvaluationResponses)
          .values({ ...values, eventId: event.id, organisationId })
          .returning()
    const was = <T>(value: T | undefined) => (current ? (value as T) : null)
    await recordAudit(tx, {
      userId: user.id,
      organisationId,
      entity: 'event_evaluation',
      entityId: event.id,
      action: 'answer',
      changes: {
        organisationId: { before: was(current?.organisationId), after: organisationId },
        ratings: { before: was(current?.ratings), after: ratings },
        evaluationWorked: { before: was(current?.worked), after: worked },
        evaluationDidNotWork: { before: was(current?.didNotWork), after: didNotWork },
        evaluationChange: { before: was(current?.change), after: change },
      },
    })
    await notifyEventChanged(tx, event.id, 'event')
    return { ok: true as const, record: { version: saved!.version } }
  })
}

/** A finding for one taking-part organisation, recorded by the leaders. */
export async function addFinding(
  db: Database,
  input: { event: EventWithScope; user: SessionUser; organisationId: string; text: string },
): Promise<EvaluationResult<{ id: string }>> {
  const { event, user, organisationId, text } = input
  if (!leads(user, event)) return fail('forbidden')
  if (!event.organisationIds.includes(organisationId)) return fail('notFound')
  return db.transaction(async (tx) => {
    if (!(await lockEvaluation(tx, event.id))) return fail('notOpened')
    const [finding] = await tx
      .insert(eventEvaluationFindings)
      .values({ eventId: event.id, organisationId, text, createdBy: user.id })
      .returning({ id: eventEvaluationFindings.id })
    await recordAudit(tx, {
      userId: user.id,
      organisationId: orgOf(user),
      entity: 'event_evaluation',
      entityId: event.id,
      action: 'finding',
      changes: { organisationId: { before: null, after: organisationId }, text: { before: null, after: text } },
    })
    await notifyEventChanged(tx, event.id, 'event')
    return { ok: true as const, record: finding! }
  })
}

/** The current RSA analysis: the newest one. */
export async function currentRsaAnalysis(db: Executor) {
  const [row] = await db
    .select({ id: rsaAnalyses.id, title: rsaAnalyses.title, organisationId: rsaAnalyses.organisationId })
    .from(rsaAnalyses)
    .orderBy(desc(rsaAnalyses.createdAt), desc(rsaAnalyses.id))
    .limit(1)
  return row
}

/**
 * Turns a finding into a measure in the analysis's action plan, through the
 * RSA module's own `createMeasure` (which audits the measure), and keeps the
 * measure's id on the finding, all in one transaction.
 */
export async function findingToRsaMeasure(
  db: Database,
  input: { event: EventWithScope; user: SessionUser; findingId: string; analysisId: string } & MeasureInput,
): Promise<EvaluationResult<{ measureId: string }>> {
  const { event, user, findingId, analysisId, title, ownerOrganisationId, dueDate } = input
  if (!leads(user, event)) return fail('forbidden')
  return db.transaction(async (tx) => {
    const [analysis] = await tx
      .select({ id: rsaAnalyses.id, organisationId: rsaAnalyses.organisationId })
      .from(rsaAnalyses)
      .where(eq(rsaAnalyses.id, analysisId))
    if (!analysis) return fail('noAnalysis')
    const [finding] = await tx
      .select()
      .from(eventEvaluationFindings)
      .where(and(eq(eventEvaluationFindings.id, findingId), eq(eventEvaluationFindings.eventId, event.id)))
      .for('update')
    if (!finding) return fail('notFound')
    if (finding.rsaMeasureId) return fail('alreadyMeasure')
    // A transaction is a database to drizzle: createMeasure's own transaction becomes a savepoint of this one.
    const measure = await createMeasure(tx as unknown as Database, {
      actorId: user.id,
      analysis,
      title,
      description: finding.text,
      ownerOrganisationId,
      dueDate,
      costEstimate: null,
      state: 'planned',
      eventId: null,
    })
    await tx
      .update(eventEvaluationFindings)
      .set({ rsaMeasureId: measure.id, updatedAt: new Date(), version: sql`${eventEvaluationFindings.version} + 1` })
      .where(eq(eventEvaluationFindings.id, finding.id))
    await recordAudit(tx, {
      userId: user.id,
      organisationId: orgOf(user),
      entity: 'event_evaluation',
      entityId: event.id,
      action: 'finding_to_measure',
      changes: { text: { before: null, after: finding.text }, rsaMeasureId: { before: null, after: measure.id } },
    })
    await notifyEventChanged(tx, event.id, 'event')
    return { ok: true as const, record: { measureId: measure.id } }
  })
}

/** The leaders' summary: what worked, what to improve. */
export async function saveSummary(
  db: Database,
  input: { event: EventWithScope; user: SessionUser; worked: string; improve: string; version: number },
): Promise<EvaluationResult<EventEvaluation>> {
  const { event, user, worked, improve, version } = input
  if (!leads(user, event)) return fail('forbidden')
  return db.transaction(async (tx) => {
    const before = await lockEvaluation(tx, event.id)
    if (!before) return fail('notOpened')
    if (before.version !== version) return fail('conflict')
    const [after] = await tx
      .update(eventEvaluations)
      .set({ worked, improve, updatedAt: new Date(), version: sql`${eventEvaluations.version} + 1` })
      .where(eq(eventEvaluations.eventId, event.id))
      .returning()
    await recordAudit(tx, {
      userId: user.id,
      organisationId: orgOf(user),
      entity: 'event_evaluation',
      entityId: event.id,
      action: 'summary',
      changes: {
        evaluationWorked: { before: before.worked, after: worked },
        evaluationImprove: { before: before.improve, after: improve },
      },
    })
    await notifyEventChanged(tx, event.id, 'event')
    return { ok: true as const, record: after! }
  })
}

/** Shares the report with the taking-part organisations: from now on their members read it. */
export async function shareEvaluation(
  db: Database,
  input: { event: EventWithScope; user: SessionUser; version: number; now?: Date },
): Promise<EvaluationResult<EventEvaluation>> {
  const { event, user, version } = input
  if (!leads(user, event)) return fail('forbidden')
  return db.transaction(async (tx) => {
    const before = await lockEvaluation(tx, event.id)
    if (!before) return fail('notOpened')
    if (before.version !== version) return fail('conflict')
    const sharedAt = before.sharedAt ?? input.now ?? new Date()
    const [after] = await tx
      .update(eventEvaluations)
      .set({ sharedAt, updatedAt: new Date(), version: sql`${eventEvaluations.version} + 1` })
      .where(eq(eventEvaluations.eventId, event.id))
      .returning()
    await recordAudit(tx, {
      userId: user.id,
      organisationId: orgOf(user),
      entity: 'event_evaluation',
      entityId: event.id,
      action: 'share',
      changes: { evaluationSharedAt: { before: before.sharedAt, after: sharedAt } },
    })
    await notifyEventChanged(tx, event.id, 'event')
    return { ok: true as const, record: after! }
  })
}

/** Everything the page and the report show: the responses and the findings with their organisations' names. */
export async function evaluationContents(db: Executor, eventId: string) {
  const [responses, findings] = await Promise.all([
    db
      .select({
        id: eventEvaluationResponses.id,
        organisationId: eventEvaluationResponses.organisationId,
        organisationName: organisations.name,
        ratings: eventEvaluationResponses.ratings,
        worked: eventEvaluationResponses.worked,
        didNotWork: eventEvaluationResponses.didNotWork,
        change: eventEvaluationResponses.change,
        version: eventEvaluationResponses.version,
        updatedAt: eventEvaluationResponses.updatedAt,
      })
      .from(eventEvaluationResponses)
      .innerJoin(organisations, eq(organisations.id, eventEvaluationResponses.organisationId))
      .where(eq(eventEvaluationResponses.eventId, eventId))
      .orderBy(asc(organisations.name)),
    db
      .select({
        id: eventEvaluationFindings.id,
        organisationId: eventEvaluationFindings.organisationId,
        organisationName: organisations.name,
        text: eventEvaluationFindings.text,
        rsaMeasureId: eventEvaluationFindings.rsaMeasureId,
        measureTitle: rsaMeasures.title,
        measureAnalysisId: rsaMeasures.analysisId,
        measureDueDate: rsaMeasures.dueDate,
        createdAt: eventEvaluationFindings.createdAt,
      })
      .from(eventEvaluationFindings)
      .innerJoin(organisations, eq(organisations.id, eventEvaluationFindings.organisationId))
      .leftJoin(rsaMeasures, eq(rsaMeasures.id, eventEvaluationFindings.rsaMeasureId))
      .where(eq(eventEvaluationFindings.eventId, eventId))
      .orderBy(asc(organisations.name), asc(eventEvaluationFindings.createdAt)),
  ])
  return { responses, findings }
}

/** Of these events, the ones whose evaluation has been shared (evaluated). */
export async function evaluatedEventIds(db: Executor, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set()
  const rows = await db
    .select({ eventId: eventEvaluations.eventId })
    .from(eventEvaluations)
    .where(and(inArray(eventEvaluations.eventId, [...eventIds]), isNotNull(eventEvaluations.sharedAt)))
  return new Set(rows.map((row) => row.eventId))
}

/** How many exercises that ended in [from, to) have a shared evaluation: for the mandate-period view. */
export async function countEvaluatedExercises(db: Executor, from: Date, to: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(eventEvaluations)
    .innerJoin(events, eq(events.id, eventEvaluations.eventId))
    .where(
      and(
        eq(events.kind, 'exercise'),
        isNotNull(eventEvaluations.sharedAt),
        gte(events.endedAt, from),
        lt(events.endedAt, to),
      ),
    )
  return row?.count ?? 0
}
