import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { rsaEvents, rsaFollowUps, rsaMeasures, type RsaMeasure } from '~/db/schema/rsa'
import { diffFields, recordAudit, type AuditChanges, type AuditInput } from '~/modules/audit/audit.server'
import type { AuditFieldOf } from '~/modules/audit/vocabulary'
import { createAudited, deleteVersioned, updateVersioned } from '~/modules/records/versioned.server'
import type { MeasureFields } from './rsa-forms'

const measureFields = [
  'title',
  'description',
  'ownerOrganisationId',
  'dueDate',
  'costEstimate',
  'state',
  'eventId',
] as const

/** The action plan: every measure with its owner's and event's names, by due date (undated last). */
export function listMeasures(db: Executor, analysisId: string) {
  return db
    .select({
      id: rsaMeasures.id,
      title: rsaMeasures.title,
      description: rsaMeasures.description,
      ownerOrganisationId: rsaMeasures.ownerOrganisationId,
      ownerName: organisations.name,
      dueDate: rsaMeasures.dueDate,
      costEstimate: rsaMeasures.costEstimate,
      state: rsaMeasures.state,
      eventId: rsaMeasures.eventId,
      eventTitle: rsaEvents.title,
      version: rsaMeasures.version,
    })
    .from(rsaMeasures)
    .innerJoin(organisations, eq(organisations.id, rsaMeasures.ownerOrganisationId))
    .leftJoin(rsaEvents, eq(rsaEvents.id, rsaMeasures.eventId))
    .where(eq(rsaMeasures.analysisId, analysisId))
    .orderBy(sql`${rsaMeasures.dueDate} asc nulls last`, asc(rsaMeasures.title))
}

export async function getMeasure(db: Executor, analysisId: string, id: string) {
  const [row] = await db
    .select()
    .from(rsaMeasures)
    .where(and(eq(rsaMeasures.id, id), eq(rsaMeasures.analysisId, analysisId)))
  return row
}

type Scope = { actorId: string; analysis: { id: string; organisationId: string } }

const audit = (
  scope: Scope,
  action: 'create' | 'update' | 'delete',
  measure: RsaMeasure,
  changes: AuditChanges<AuditFieldOf<'rsa_measure'>>,
): AuditInput => ({
  userId: scope.actorId,
  organisationId: scope.analysis.organisationId,
  entity: 'rsa_measure',
  entityId: measure.id,
  action,
  changes,
})

export function createMeasure(db: Database, input: Scope & MeasureFields) {
  const { actorId, analysis, ...values } = input
  return createAudited(db, {
    write: async (tx) =>
      (
        await tx
          .insert(rsaMeasures)
          .values({ ...values, analysisId: analysis.id })
          .returning()
      )[0]!,
    audit: (created) => audit({ actorId, analysis }, 'create', created, diffFields(null, created, measureFields)),
  })
}

const lockMeasure = async (tx: Transaction, analysisId: string, id: string) =>
  (
    await tx
      .select()
      .from(rsaMeasures)
      .where(and(eq(rsaMeasures.id, id), eq(rsaMeasures.analysisId, analysisId)))
      .for('update')
  )[0]

export function updateMeasure(db: Database, input: Scope & MeasureFields & { id: string; version: number }) {
  const { actorId, analysis, id, version, ...values } = input
  return updateVersioned(db, {
    expectedVersion: version,
    load: (tx) => lockMeasure(tx, analysis.id, id),
    write: async (tx) =>
      (
        await tx
          .update(rsaMeasures)
          .set({ ...values, updatedAt: new Date(), version: sql`${rsaMeasures.version} + 1` })
          .where(eq(rsaMeasures.id, id))
          .returning()
      )[0]!,
    audit: (before, after) => audit({ actorId, analysis }, 'update', after, diffFields(before, after, measureFields)),
  })
}

export function deleteMeasure(db: Database, input: Scope & { id: string; version: number }) {
  return deleteVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => lockMeasure(tx, input.analysis.id, input.id),
    remove: async (tx) => {
      await tx.delete(rsaMeasures).where(eq(rsaMeasures.id, input.id))
    },
    audit: (before) => audit(input, 'delete', before, diffFields(before, null, measureFields)),
  })
}

export function listFollowUps(db: Executor, analysisId: string) {
  return db.select().from(rsaFollowUps).where(eq(rsaFollowUps.analysisId, analysisId)).orderBy(asc(rsaFollowUps.year))
}

export async function getFollowUp(db: Executor, analysisId: string, year: number) {
  const [row] = await db
    .select()
    .from(rsaFollowUps)
    .where(and(eq(rsaFollowUps.analysisId, analysisId), eq(rsaFollowUps.year, year)))
  return row
}

/**
 * The yearly follow-up: a note and the measures' states as they are now. One
 * per year; a second one for the same year is refused (`exists`).
 */
export async function recordFollowUp(db: Database, input: Scope & { year: number; note: string }) {
  return db.transaction(async (tx) => {
    const measures = await tx
      .select({
        measureId: rsaMeasures.id,
        title: rsaMeasures.title,
        state: rsaMeasures.state,
        dueDate: rsaMeasures.dueDate,
      })
      .from(rsaMeasures)
      .where(eq(rsaMeasures.analysisId, input.analysis.id))
      .orderBy(sql`${rsaMeasures.dueDate} asc nulls last`, asc(rsaMeasures.title))
    const [created] = await tx
      .insert(rsaFollowUps)
      .values({
        analysisId: input.analysis.id,
        year: input.year,
        note: input.note,
        snapshot: measures,
        createdBy: input.actorId,
      })
      .onConflictDoNothing({ target: [rsaFollowUps.analysisId, rsaFollowUps.year] })
      .returning()
    if (!created) return { ok: false as const, error: 'exists' as const }
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: input.analysis.organisationId,
      entity: 'rsa_follow_up',
      entityId: created.id,
      action: 'create',
      changes: diffFields(null, created, ['year', 'note']),
    })
    return { ok: true as const, record: created }
  })
}
