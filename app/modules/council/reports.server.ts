import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import type { ReportState } from '~/db/enums'
import {
  councilAreas,
  councilCategories,
  councilReportReads,
  councilReports,
  type CouncilReport,
} from '~/db/schema/council'
import { organisations } from '~/db/schema/organisations'
import { users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import { updateVersioned, type SaveResult } from '~/modules/records/versioned.server'
import { areaOf, type AreaShape } from './geometry'
import type { ReportInput } from './report-form'

// Informant reports: filed, listed for their reporter, reviewed in the
// council's inbox. Every response that shows a report's details logs the
// read (who, when, where). Audit entries name states and categories, never
// a report's text, so that the retention job leaves nothing of it behind.

export const INBOX_PAGE_SIZE = 25
export const OWN_PAGE_SIZE = 25

export async function activeCategories(db: Executor, councilId: string) {
  return db
    .select({ id: councilCategories.id, name: councilCategories.name })
    .from(councilCategories)
    .where(and(eq(councilCategories.councilId, councilId), eq(councilCategories.active, true)))
    .orderBy(asc(councilCategories.position), asc(councilCategories.name))
}

export async function allCategories(db: Executor, councilId: string) {
  return db
    .select({ id: councilCategories.id, name: councilCategories.name, active: councilCategories.active })
    .from(councilCategories)
    .where(eq(councilCategories.councilId, councilId))
    .orderBy(asc(councilCategories.position), asc(councilCategories.name))
}

export async function areaNames(db: Executor, councilId: string) {
  return db
    .select({ id: councilAreas.id, name: councilAreas.name })
    .from(councilAreas)
    .where(eq(councilAreas.councilId, councilId))
    .orderBy(asc(councilAreas.name))
}

export async function areaShapes(db: Executor, councilId: string): Promise<AreaShape[]> {
  return db
    .select({
      id: councilAreas.id,
      polygon: councilAreas.polygon,
      minLat: councilAreas.minLat,
      maxLat: councilAreas.maxLat,
      minLng: councilAreas.minLng,
      maxLng: councilAreas.maxLng,
    })
    .from(councilAreas)
    .where(eq(councilAreas.councilId, councilId))
}

export type CreateReportResult =
  { ok: true; id: string; repeated: boolean } | { ok: false; field: 'categoryId' | 'areaId'; message: string }

/**
 * Files a report. The same client key from the same reporter stores one
 * report: a form sent again after a dropped connection answers with the first.
 */
export async function createReport(
  db: Database,
  options: { councilId: string; reporterId: string; input: ReportInput },
): Promise<CreateReportResult> {
  const { councilId, reporterId, input } = options
  return db.transaction(async (tx) => {
    if (input.clientKey) {
      const [earlier] = await tx
        .select({ id: councilReports.id })
        .from(councilReports)
        .where(and(eq(councilReports.reporterId, reporterId), eq(councilReports.clientKey, input.clientKey)))
      if (earlier) return { ok: true as const, id: earlier.id, repeated: true }
    }
    const [category] = await tx
      .select({ id: councilCategories.id })
      .from(councilCategories)
      .where(
        and(
          eq(councilCategories.id, input.categoryId),
          eq(councilCategories.councilId, councilId),
          eq(councilCategories.active, true),
        ),
      )
    if (!category) return { ok: false as const, field: 'categoryId' as const, message: 'validation.choose' }
    let areaId = input.areaId
    if (areaId) {
      const [area] = await tx
        .select({ id: councilAreas.id })
        .from(councilAreas)
        .where(and(eq(councilAreas.id, areaId), eq(councilAreas.councilId, councilId)))
      if (!area) return { ok: false as const, field: 'areaId' as const, message: 'council.report.error.area' }
    } else if (input.position) {
      areaId = areaOf(input.position, await areaShapes(tx, councilId))
    }
    const inserted = await tx
      .insert(councilReports)
      .values({
        councilId,
        reporterId,
        organisationId: input.organisationId,
        categoryId: category.id,
        locationKind: input.locationKind,
        lat: input.position?.lat ?? null,
        lng: input.position?.lng ?? null,
        areaId,
        observedAt: input.observedAt,
        description: input.description,
        clientKey: input.clientKey,
      })
      .onConflictDoNothing()
      .returning({ id: councilReports.id })
    // Two sends of one report that raced: the other one was stored.
    if (inserted.length === 0) {
      const [earlier] = await tx
        .select({ id: councilReports.id })
        .from(councilReports)
        .where(and(eq(councilReports.reporterId, reporterId), eq(councilReports.clientKey, input.clientKey ?? '')))
      return { ok: true as const, id: earlier!.id, repeated: true }
    }
    const id = inserted[0]!.id
    await recordAudit(tx, {
      userId: reporterId,
      organisationId: input.organisationId,
      entity: 'council_report',
      entityId: id,
      action: 'create',
      changes: { categoryId: { before: null, after: category.id }, state: { before: null, after: 'new' } },
    })
    return { ok: true as const, id, repeated: false }
  })
}

export type ReadPlace = 'own' | 'inbox' | 'report' | 'list'

/** Logs that the user was shown these reports' details. */
export async function logReads(
  db: Executor,
  options: { councilId: string; userId: string; reportIds: readonly string[]; place: ReadPlace },
): Promise<void> {
  if (options.reportIds.length === 0) return
  await db.insert(councilReportReads).values(
    options.reportIds.map((reportId) => ({
      councilId: options.councilId,
      reportId,
      userId: options.userId,
      place: options.place,
    })),
  )
}

const reportColumns = {
  id: councilReports.id,
  councilId: councilReports.councilId,
  reporterId: councilReports.reporterId,
  organisationId: councilReports.organisationId,
  organisationName: organisations.name,
  categoryId: councilReports.categoryId,
  categoryName: councilCategories.name,
  locationKind: councilReports.locationKind,
  lat: councilReports.lat,
  lng: councilReports.lng,
  areaId: councilReports.areaId,
  areaName: councilAreas.name,
  observedAt: councilReports.observedAt,
  description: councilReports.description,
  state: councilReports.state,
  rejectionReason: councilReports.rejectionReason,
  mergedIntoId: councilReports.mergedIntoId,
  feedback: councilReports.feedback,
  feedbackAt: councilReports.feedbackAt,
  reviewedAt: councilReports.reviewedAt,
  createdAt: councilReports.createdAt,
  version: councilReports.version,
}

function reportQuery(db: Executor) {
  return db
    .select(reportColumns)
    .from(councilReports)
    .innerJoin(councilCategories, eq(councilCategories.id, councilReports.categoryId))
    .innerJoin(organisations, eq(organisations.id, councilReports.organisationId))
    .leftJoin(councilAreas, eq(councilAreas.id, councilReports.areaId))
}

export type ReportRow = Awaited<ReturnType<typeof getReport>> & {}

/** A page of a reporter's own reports, newest first, with the council's feedback; optionally in one state. Logged as read. */
export async function listOwnReports(
  db: Executor,
  options: { councilId: string; userId: string; state: ReportState | null; page: number },
) {
  const own = and(eq(councilReports.councilId, options.councilId), eq(councilReports.reporterId, options.userId))
  const where = options.state ? and(own, eq(councilReports.state, options.state)) : own
  const [rows, stateCounts] = await Promise.all([
    reportQuery(db)
      .where(where)
      .orderBy(desc(councilReports.createdAt), desc(councilReports.id))
      .limit(OWN_PAGE_SIZE)
      .offset((options.page - 1) * OWN_PAGE_SIZE),
    db
      .select({ state: councilReports.state, value: count() })
      .from(councilReports)
      .where(own)
      .groupBy(councilReports.state),
  ])
  await logReads(db, {
    councilId: options.councilId,
    userId: options.userId,
    reportIds: rows.map((r) => r.id),
    place: 'own',
  })
  const counts: Record<ReportState, number> = { new: 0, accepted: 0, rejected: 0, merged: 0 }
  for (const row of stateCounts) counts[row.state] = row.value
  const all = Object.values(counts).reduce((sum, value) => sum + value, 0)
  return { rows, counts, all, total: options.state ? counts[options.state] : all }
}

/** One report of the council, logged as read by the user; undefined if it is not the council's. */
export async function getReport(
  db: Executor,
  options: { councilId: string; id: string; readerId: string; place?: ReadPlace },
) {
  const [row] = await reportQuery(db).where(
    and(eq(councilReports.councilId, options.councilId), eq(councilReports.id, options.id)),
  )
  if (row) {
    await logReads(db, {
      councilId: options.councilId,
      userId: options.readerId,
      reportIds: [row.id],
      place: options.place ?? 'report',
    })
  }
  return row
}

/** A page of the council's reports in one state, oldest new report first so none waits forever. Logged as read. */
export async function listReportsInState(
  db: Executor,
  options: { councilId: string; state: ReportState; page: number; readerId: string },
) {
  const where = and(eq(councilReports.councilId, options.councilId), eq(councilReports.state, options.state))
  const order =
    options.state === 'new'
      ? [asc(councilReports.createdAt), asc(councilReports.id)]
      : [desc(councilReports.reviewedAt), desc(councilReports.id)]
  const [rows, [total]] = await Promise.all([
    reportQuery(db)
      .where(where)
      .orderBy(...order)
      .limit(INBOX_PAGE_SIZE)
      .offset((options.page - 1) * INBOX_PAGE_SIZE),
    db.select({ value: count() }).from(councilReports).where(where),
  ])
  await logReads(db, {
    councilId: options.councilId,
    userId: options.readerId,
    reportIds: rows.map((r) => r.id),
    place: 'inbox',
  })
  return { rows, total: total?.value ?? 0 }
}

/** How many reports wait in each state of the inbox. */
export async function countByState(db: Executor, councilId: string): Promise<Record<ReportState, number>> {
  const rows = await db
    .select({ state: councilReports.state, value: count() })
    .from(councilReports)
    .where(eq(councilReports.councilId, councilId))
    .groupBy(councilReports.state)
  const counts: Record<ReportState, number> = { new: 0, accepted: 0, rejected: 0, merged: 0 }
  for (const row of rows) counts[row.state] = row.value
  return counts
}

/** Reports near this one in place and time, as candidates to merge it into. Not logged: only category, area and date show. */
export async function mergeCandidates(
  db: Executor,
  report: Pick<CouncilReport, 'id' | 'councilId' | 'observedAt' | 'areaId' | 'categoryId'>,
) {
  const from = new Date(report.observedAt.getTime() - 14 * 86_400_000)
  const to = new Date(report.observedAt.getTime() + 14 * 86_400_000)
  return db
    .select({
      id: councilReports.id,
      observedAt: councilReports.observedAt,
      categoryName: councilCategories.name,
      areaName: councilAreas.name,
      state: councilReports.state,
    })
    .from(councilReports)
    .innerJoin(councilCategories, eq(councilCategories.id, councilReports.categoryId))
    .leftJoin(councilAreas, eq(councilAreas.id, councilReports.areaId))
    .where(
      and(
        eq(councilReports.councilId, report.councilId),
        sql`${councilReports.id} <> ${report.id}`,
        inArray(councilReports.state, ['new', 'accepted']),
        gte(councilReports.observedAt, from),
        lte(councilReports.observedAt, to),
        report.areaId ? eq(councilReports.areaId, report.areaId) : eq(councilReports.categoryId, report.categoryId),
      ),
    )
    .orderBy(desc(councilReports.observedAt))
    .limit(20)
}

export type ReviewDecision =
  | { kind: 'accept'; categoryId: string; feedback: string }
  | { kind: 'reject'; reason: string; feedback: string }
  | { kind: 'merge'; intoId: string; feedback: string }
  | { kind: 'feedback'; feedback: string }

export type ReviewResult = SaveResult<CouncilReport> | { ok: false; error: 'invalid'; field: string; message: string }

/** The council's decision on a report, versioned and audited (states and categories, never text). */
export async function reviewReport(
  db: Database,
  options: { councilId: string; id: string; version: number; actorId: string; decision: ReviewDecision; now?: Date },
): Promise<ReviewResult> {
  const { decision } = options
  const now = options.now ?? new Date()
  const problem = await invalidDecision(db, options.councilId, options.id, decision)
  if (problem) return { ok: false, error: 'invalid', ...problem }
  return updateVersioned(db, {
    expectedVersion: options.version,
    load: (tx) => lockReport(tx, options.councilId, options.id),
    write: async (tx, before) => {
      const change: Partial<CouncilReport> = {
        reviewedBy: options.actorId,
        reviewedAt: now,
        updatedAt: now,
        version: before.version + 1,
      }
      if (decision.kind === 'accept')
        Object.assign(change, {
          state: 'accepted',
          categoryId: decision.categoryId,
          rejectionReason: '',
          mergedIntoId: null,
        })
      if (decision.kind === 'reject')
        Object.assign(change, { state: 'rejected', rejectionReason: decision.reason, mergedIntoId: null })
      if (decision.kind === 'merge')
        Object.assign(change, { state: 'merged', mergedIntoId: decision.intoId, rejectionReason: '' })
      if (decision.feedback !== before.feedback)
        Object.assign(change, { feedback: decision.feedback, feedbackAt: decision.feedback ? now : null })
      const [after] = await tx.update(councilReports).set(change).where(eq(councilReports.id, before.id)).returning()
      return after!
    },
    audit: (before, after) => ({
      userId: options.actorId,
      organisationId: null,
      entity: 'council_report',
      entityId: before.id,
      action: decision.kind === 'feedback' ? 'feedback' : decision.kind,
      changes: {
        ...(before.state !== after.state ? { state: { before: before.state, after: after.state } } : {}),
        ...(before.categoryId !== after.categoryId
          ? { categoryId: { before: before.categoryId, after: after.categoryId } }
          : {}),
        ...(before.mergedIntoId !== after.mergedIntoId
          ? { mergedIntoId: { before: before.mergedIntoId, after: after.mergedIntoId } }
          : {}),
        ...(before.feedback !== after.feedback
          ? { feedback: { before: before.feedback ? 'text' : '', after: after.feedback ? 'text' : '' } }
          : {}),
      },
    }),
  })
}

async function invalidDecision(
  db: Executor,
  councilId: string,
  id: string,
  decision: ReviewDecision,
): Promise<{ field: string; message: string } | null> {
  if (decision.kind === 'accept') {
    const [category] = await db
      .select({ id: councilCategories.id })
      .from(councilCategories)
      .where(and(eq(councilCategories.id, decision.categoryId), eq(councilCategories.councilId, councilId)))
    if (!category) return { field: 'categoryId', message: 'validation.choose' }
  }
  if (decision.kind === 'merge') {
    if (decision.intoId === id) return { field: 'intoId', message: 'council.review.error.mergeSelf' }
    const [target] = await db
      .select({ state: councilReports.state })
      .from(councilReports)
      .where(and(eq(councilReports.id, decision.intoId), eq(councilReports.councilId, councilId)))
    if (!target || target.state === 'merged' || target.state === 'rejected') {
      return { field: 'intoId', message: 'council.review.error.mergeTarget' }
    }
  }
  return null
}

async function lockReport(tx: Transaction, councilId: string, id: string) {
  const [row] = await tx
    .select()
    .from(councilReports)
    .where(and(eq(councilReports.id, id), eq(councilReports.councilId, councilId)))
    .for('update')
  return row
}

/** When a report was observed: all that is shown of the report another was merged into, so not logged as a read. */
export async function reportDate(db: Executor, councilId: string, id: string): Promise<Date | null> {
  const [row] = await db
    .select({ observedAt: councilReports.observedAt })
    .from(councilReports)
    .where(and(eq(councilReports.councilId, councilId), eq(councilReports.id, id)))
  return row?.observedAt ?? null
}

/** The reporter's name for the council's view of a report. */
export async function reporterName(db: Executor, reporterId: string | null): Promise<string | null> {
  if (!reporterId) return null
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, reporterId))
  return row?.name ?? null
}
