import { eq, sql } from 'drizzle-orm'
import type { Database, Transaction } from '~/db/client.server'
import { mandatePeriods, type MandatePeriod } from '~/db/schema/mandate'
import { diffFields } from '~/modules/audit/audit.server'
import { updateVersioned } from '~/modules/records/versioned.server'

// The coordinator's settings of a period: its title, how long a person's
// training counts, and whether the partners see its calendar.

const lockPeriod = async (tx: Transaction, id: string) =>
  (await tx.select().from(mandatePeriods).where(eq(mandatePeriods.id, id)).for('update'))[0]

function changePeriod(
  db: Database,
  input: { actorId: string; id: string; version: number; action: 'update' | 'share' | 'unshare' },
  values: (before: MandatePeriod) => Partial<typeof mandatePeriods.$inferInsert>,
) {
  return updateVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => lockPeriod(tx, input.id),
    write: async (tx, before) =>
      (
        await tx
          .update(mandatePeriods)
          .set({ ...values(before), updatedAt: new Date(), version: sql`${mandatePeriods.version} + 1` })
          .where(eq(mandatePeriods.id, input.id))
          .returning()
      )[0]!,
    audit: (before, after) => ({
      userId: input.actorId,
      organisationId: after.organisationId,
      entity: 'mandate_period',
      entityId: input.id,
      action: input.action,
      changes: diffFields(before, after, ['title', 'trainingValidMonths', 'calendarSharedAt']),
    }),
  })
}

export function updatePeriodSettings(
  db: Database,
  input: { actorId: string; id: string; version: number; title: string; trainingValidMonths: number },
) {
  return changePeriod(db, { ...input, action: 'update' }, () => ({
    title: input.title,
    trainingValidMonths: input.trainingValidMonths,
  }))
}

/** Shares the calendar with the network's readers (from now), or takes it back. */
export function setCalendarShared(
  db: Database,
  input: { actorId: string; id: string; version: number; shared: boolean; now?: Date },
) {
  return changePeriod(db, { ...input, action: input.shared ? 'share' : 'unshare' }, (before) => ({
    calendarSharedAt: input.shared ? (before.calendarSharedAt ?? input.now ?? new Date()) : null,
  }))
}
