import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { rsaAnswers, rsaEvents, type RsaAnswer } from '~/db/schema/rsa'
import { diffFields, recordAudit, type AuditInput } from '~/modules/audit/audit.server'
import { updateVersioned, type SaveResult } from '~/modules/records/versioned.server'
import type { AnswerData } from './rsa-forms'

const answerFields = [
  'likelihood',
  'consequences',
  'capability',
  'vulnerabilities',
  'gaps',
  'measures',
  'state',
] as const

/** The answers of an analysis, optionally only those of some organisations. */
export function listAnswers(db: Executor, analysisId: string, organisationIds?: string[]): Promise<RsaAnswer[]> {
  const conditions = [eq(rsaAnswers.analysisId, analysisId)]
  if (organisationIds) {
    if (organisationIds.length === 0) return Promise.resolve([])
    conditions.push(inArray(rsaAnswers.organisationId, organisationIds))
  }
  return db
    .select()
    .from(rsaAnswers)
    .where(and(...conditions))
}

export async function getAnswer(db: Executor, eventId: string, organisationId: string): Promise<RsaAnswer | undefined> {
  const [row] = await db
    .select()
    .from(rsaAnswers)
    .where(and(eq(rsaAnswers.eventId, eventId), eq(rsaAnswers.organisationId, organisationId)))
  return row
}

export async function getEvent(db: Executor, analysisId: string, eventId: string) {
  const [row] = await db
    .select()
    .from(rsaEvents)
    .where(and(eq(rsaEvents.id, eventId), eq(rsaEvents.analysisId, analysisId)))
  return row
}

/**
 * Saves one organisation's answer to one event, as a draft or as done. The
 * first save inserts (version 0 in the form); a later one updates under the
 * version the form was loaded with. Another save in between is a conflict,
 * whether it made the row first or changed it since.
 */
export async function saveAnswer(
  db: Database,
  input: { actorId: string; analysisId: string; eventId: string } & AnswerData,
): Promise<SaveResult<RsaAnswer>> {
  const state = input.intent === 'submit' ? ('submitted' as const) : ('draft' as const)
  const values = {
    likelihood: input.likelihood,
    consequences: input.consequences,
    capability: input.capability,
    vulnerabilities: input.vulnerabilities,
    gaps: input.gaps,
    measures: input.measures,
    state,
    updatedBy: input.actorId,
  }
  const audit = (action: 'create' | 'update', before: RsaAnswer | null, after: RsaAnswer): AuditInput => ({
    userId: input.actorId,
    organisationId: input.organisationId,
    entity: 'rsa_answer',
    entityId: after.id,
    action,
    changes: diffFields(before, after, answerFields),
  })
  if (input.version === 0) {
    return db.transaction(async (tx) => {
      const [created] = await tx
        .insert(rsaAnswers)
        .values({
          analysisId: input.analysisId,
          eventId: input.eventId,
          organisationId: input.organisationId,
          ...values,
        })
        .onConflictDoNothing({ target: [rsaAnswers.eventId, rsaAnswers.organisationId] })
        .returning()
      if (!created) {
        const current = await getAnswer(tx, input.eventId, input.organisationId)
        return { ok: false as const, error: 'conflict' as const, current: current! }
      }
      await recordAudit(tx, audit('create', null, created))
      return { ok: true as const, record: created }
    })
  }
  return updateVersioned(db, {
    expectedVersion: input.version,
    load: async (tx) =>
      (
        await tx
          .select()
          .from(rsaAnswers)
          .where(
            and(
              eq(rsaAnswers.eventId, input.eventId),
              eq(rsaAnswers.organisationId, input.organisationId),
              eq(rsaAnswers.analysisId, input.analysisId),
            ),
          )
          .for('update')
      )[0],
    write: async (tx, before) =>
      (
        await tx
          .update(rsaAnswers)
          .set({ ...values, updatedAt: new Date(), version: sql`${rsaAnswers.version} + 1` })
          .where(eq(rsaAnswers.id, before.id))
          .returning()
      )[0]!,
    audit: (before, after) => audit('update', before, after),
  })
}
