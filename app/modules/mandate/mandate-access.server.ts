import { and, eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { mandateDeliverables, type MandateDeliverable, type MandatePeriod } from '~/db/schema/mandate'
import { can, type Action } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { forbidden, notFound } from '~/modules/http/responses'
import { getPeriod } from './periods.server'

// Who may see or change a mandate period, asked through `can` in one place.
// A period the user may not even see the calendar of is not found (404).

export function periodResource(period: Pick<MandatePeriod, 'calendarSharedAt'>) {
  return { shared: period.calendarSharedAt !== null }
}

export function canOnPeriod(user: SessionUser, action: Action, period: Pick<MandatePeriod, 'calendarSharedAt'>) {
  return can(user, action, periodResource(period))
}

/** Whether the user may update this deliverable: the coordinator, or its owner. */
export function canUpdateDeliverable(user: SessionUser, deliverable: Pick<MandateDeliverable, 'ownerUserId'>): boolean {
  return can(user, 'mandate.deliverable.update', { ownerUserId: deliverable.ownerUserId })
}

/** Whether the user owns any deliverable of the period (owners see its calendar even before it is shared). */
async function ownsDeliverableIn(db: Executor, user: SessionUser, periodId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: mandateDeliverables.id })
    .from(mandateDeliverables)
    .where(and(eq(mandateDeliverables.periodId, periodId), eq(mandateDeliverables.ownerUserId, user.id)))
    .limit(1)
  return row !== undefined
}

/** The period's calendar: what is due when. For its readers, its owners, and the network once shared. */
export async function requireCalendarPeriod(db: Executor, user: SessionUser, id: string): Promise<MandatePeriod> {
  const period = await getPeriod(db, id)
  if (!period) throw notFound()
  if (canOnPeriod(user, 'mandate.calendar.read', period) || (await ownsDeliverableIn(db, user, id))) return period
  throw notFound()
}

/** The whole period: documents, notes, the training plan and the grant report. */
export async function requireReadablePeriod(db: Executor, user: SessionUser, id: string): Promise<MandatePeriod> {
  const period = await requireCalendarPeriod(db, user, id)
  if (!canOnPeriod(user, 'mandate.read', period)) throw notFound()
  return period
}

/** A period the user manages (the coordinator). */
export async function requireManageablePeriod(db: Executor, user: SessionUser, id: string): Promise<MandatePeriod> {
  const period = await requireReadablePeriod(db, user, id)
  if (!canOnPeriod(user, 'mandate.manage', period)) throw forbidden()
  return period
}

/** One deliverable of this period that the user may read: readers of the period, and its owner. */
export async function requireReadableDeliverable(
  db: Executor,
  user: SessionUser,
  periodId: string,
  deliverableId: string,
): Promise<{ period: MandatePeriod; deliverable: MandateDeliverable }> {
  const period = await requireCalendarPeriod(db, user, periodId)
  const [deliverable] = await db
    .select()
    .from(mandateDeliverables)
    .where(and(eq(mandateDeliverables.id, deliverableId), eq(mandateDeliverables.periodId, periodId)))
  if (!deliverable) throw notFound()
  if (!canOnPeriod(user, 'mandate.read', period) && !canUpdateDeliverable(user, deliverable)) throw notFound()
  return { period, deliverable }
}
