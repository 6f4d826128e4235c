import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { meetingFindings, meetings } from '~/db/schema/meetings'
import { organisations } from '~/db/schema/organisations'
import { scenarios } from '~/db/schema/scenarios'
import { diffFields, recordAudit } from '~/modules/audit/audit.server'
import type { SaveResult } from '~/modules/records/versioned.server'

type FindingRow = typeof meetingFindings.$inferSelect

export interface FindingView {
  organisationId: string
  organisationName: string
  effects: string
  needs: string
  /** 0 while the organisation has recorded nothing. */
  version: number
  updatedAt: Date | null
}

/** One row per organisation of the meeting, recorded or not, by name. */
export async function listFindings(
  db: Executor,
  meetingId: string,
  organisationIds: readonly string[],
): Promise<FindingView[]> {
  if (organisationIds.length === 0) return []
  const rows = await db
    .select({
      organisationId: organisations.id,
      organisationName: organisations.name,
      effects: meetingFindings.effects,
      needs: meetingFindings.needs,
      version: meetingFindings.version,
      updatedAt: meetingFindings.updatedAt,
    })
    .from(organisations)
    .leftJoin(
      meetingFindings,
      and(eq(meetingFindings.organisationId, organisations.id), eq(meetingFindings.meetingId, meetingId)),
    )
    .where(inArray(organisations.id, [...organisationIds]))
    .orderBy(asc(organisations.name))
  return rows.map((row) => ({
    ...row,
    effects: row.effects ?? '',
    needs: row.needs ?? '',
    version: row.version ?? 0,
    updatedAt: row.updatedAt ?? null,
  }))
}

/**
 * An organisation's effects and needs: created at version 0, changed against
 * the version the form was loaded with; a row someone else created or changed
 * meanwhile is a conflict, never overwritten.
 */
export function saveFindings(
  db: Database,
  input: {
    actorId: string
    meetingId: string
    organisationId: string
    version: number
    effects: string
    needs: string
  },
): Promise<SaveResult<FindingRow>> {
  return db.transaction(async (tx): Promise<SaveResult<FindingRow>> => {
    const where = and(
      eq(meetingFindings.meetingId, input.meetingId),
      eq(meetingFindings.organisationId, input.organisationId),
    )
    const [before] = await tx.select().from(meetingFindings).where(where).for('update')
    if (before && before.version !== input.version) return { ok: false, error: 'conflict', current: before }
    let after: FindingRow | undefined
    if (before) {
      after = (
        await tx
          .update(meetingFindings)
          .set({
            effects: input.effects,
            needs: input.needs,
            updatedBy: input.actorId,
            updatedAt: new Date(),
            version: sql`${meetingFindings.version} + 1`,
          })
          .where(eq(meetingFindings.id, before.id))
          .returning()
      )[0]
    } else {
      if (input.version !== 0) return { ok: false, error: 'notFound' }
      after = (
        await tx
          .insert(meetingFindings)
          .values({
            meetingId: input.meetingId,
            organisationId: input.organisationId,
            effects: input.effects,
            needs: input.needs,
            updatedBy: input.actorId,
          })
          .onConflictDoNothing()
          .returning()
      )[0]
      if (!after) {
        // Created by someone else between our read and our insert.
        const [current] = await tx.select().from(meetingFindings).where(where)
        return { ok: false, error: 'conflict', current: current! }
      }
    }
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: input.organisationId,
      entity: 'meeting_finding',
      entityId: after!.id,
      action: before ? 'update' : 'create',
      changes: diffFields(before ?? null, after!, ['effects', 'needs']),
    })
    return { ok: true, record: after! }
  })
}

export interface RsaFinding {
  meetingId: string
  meetingTitle: string
  meetingStartsAt: Date
  scenarioId: string | null
  scenarioName: string | null
  organisationId: string
  organisationName: string
  effects: string
  needs: string
}

/** What theme days revealed for these organisations, newest first, for the RSA to take up. */
export function findingsForRsa(db: Executor, organisationIds: readonly string[]): Promise<RsaFinding[]> {
  if (organisationIds.length === 0) return Promise.resolve([])
  return db
    .select({
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingStartsAt: meetings.startsAt,
      scenarioId: meetings.scenarioId,
      scenarioName: scenarios.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
      effects: meetingFindings.effects,
      needs: meetingFindings.needs,
    })
    .from(meetingFindings)
    .innerJoin(meetings, eq(meetings.id, meetingFindings.meetingId))
    .innerJoin(organisations, eq(organisations.id, meetingFindings.organisationId))
    .leftJoin(scenarios, eq(scenarios.id, meetings.scenarioId))
    .where(
      and(
        inArray(meetingFindings.organisationId, [...organisationIds]),
        eq(meetings.kind, 'theme_day'),
        or(sql`btrim(${meetingFindings.effects}) <> ''`, sql`btrim(${meetingFindings.needs}) <> ''`),
      ),
    )
    .orderBy(desc(meetings.startsAt), asc(organisations.name))
}
