import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { meetingAttendance } from '~/db/schema/meetings'
import { organisations } from '~/db/schema/organisations'
import { diffFields, recordAudit } from '~/modules/audit/audit.server'
import { createAudited } from '~/modules/records/versioned.server'
import { updateMeetingColumns } from './meeting-record.server'

/** The minutes, saved against the version the form was loaded with. */
export function saveMinutes(
  db: Database,
  input: { actorId: string; meetingId: string; version: number; minutes: string },
) {
  return updateMeetingColumns(db, {
    ...input,
    action: 'minutes',
    audited: ['minutes'],
    set: () => ({ minutes: input.minutes }),
  })
}

/** Who was present, in the order they were recorded, with their organisations' names. */
export function listAttendance(db: Executor, meetingId: string) {
  return db
    .select({
      id: meetingAttendance.id,
      name: meetingAttendance.name,
      organisationId: meetingAttendance.organisationId,
      organisationName: organisations.name,
    })
    .from(meetingAttendance)
    .leftJoin(organisations, eq(organisations.id, meetingAttendance.organisationId))
    .where(eq(meetingAttendance.meetingId, meetingId))
    .orderBy(asc(organisations.name), asc(meetingAttendance.name), asc(meetingAttendance.createdAt))
}

export function addAttendance(
  db: Database,
  input: { actorId: string; meetingId: string; organiserOrganisationId: string; name: string; organisationId: string },
) {
  return createAudited(db, {
    write: async (tx) =>
      (
        await tx
          .insert(meetingAttendance)
          .values({ meetingId: input.meetingId, name: input.name, organisationId: input.organisationId })
          .returning()
      )[0]!,
    audit: (created) => ({
      userId: input.actorId,
      organisationId: input.organiserOrganisationId,
      entity: 'meeting_attendance',
      entityId: created.id,
      action: 'create',
      changes: diffFields(null, created, ['meetingId', 'name', 'organisationId']),
    }),
  })
}

/** Removes one person from the attendance of this meeting; another meeting's row is not found. */
export function removeAttendance(
  db: Database,
  input: { actorId: string; meetingId: string; organiserOrganisationId: string; id: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(meetingAttendance)
      .where(and(eq(meetingAttendance.id, input.id), eq(meetingAttendance.meetingId, input.meetingId)))
      .returning()
    if (!removed) return false
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: input.organiserOrganisationId,
      entity: 'meeting_attendance',
      entityId: removed.id,
      action: 'delete',
      changes: diffFields(removed, null, ['meetingId', 'name', 'organisationId']),
    })
    return true
  })
}

/** The meeting's organisations (the organiser and the invited), by name: the choices for attendance and owners. */
export function meetingOrganisationOptions(db: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return Promise.resolve([])
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...organisationIds]))
    .orderBy(asc(organisations.name))
}
