import { eq, sql } from 'drizzle-orm'
import type { Database, Transaction } from '~/db/client.server'
import { meetings, type Meeting } from '~/db/schema/meetings'
import { diffFields } from '~/modules/audit/audit.server'
import type { AuditActionOf, AuditFieldOf } from '~/modules/audit/vocabulary'
import { updateVersioned, type SaveResult } from '~/modules/records/versioned.server'

type MeetingColumns = Partial<Omit<typeof meetings.$inferInsert, 'id' | 'version' | 'updatedAt'>>

export const lockMeeting = async (tx: Transaction, id: string): Promise<Meeting | undefined> =>
  (await tx.select().from(meetings).where(eq(meetings.id, id)).for('update'))[0]

/**
 * The one way a meeting row changes after it is convened (minutes, the
 * evaluation, sharing it, cancelling): locked, checked against the version
 * the form was loaded with, written with a new version, and audited with the
 * columns named in `audited`. `set` may return null to change nothing.
 */
export function updateMeetingColumns(
  db: Database,
  input: {
    actorId: string
    meetingId: string
    version: number
    action: AuditActionOf<'meeting'>
    audited: readonly (keyof Meeting & AuditFieldOf<'meeting'>)[]
    set: (before: Meeting, tx: Transaction) => MeetingColumns | null | Promise<MeetingColumns | null>
  },
): Promise<SaveResult<Meeting>> {
  return updateVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => lockMeeting(tx, input.meetingId),
    write: async (tx, before) => {
      const values = await input.set(before, tx)
      if (!values) return before
      const [after] = await tx
        .update(meetings)
        .set({ ...values, updatedAt: new Date(), version: sql`${meetings.version} + 1` })
        .where(eq(meetings.id, input.meetingId))
        .returning()
      return after!
    },
    audit: (before, after) => ({
      userId: input.actorId,
      organisationId: after.organiserOrganisationId,
      entity: 'meeting',
      entityId: input.meetingId,
      action: input.action,
      changes: diffFields(before, after, input.audited),
    }),
  })
}
