import { milestoneOnlyKinds, type DeliverableKind, type DeliverableState } from '~/db/enums'
import { instantToStockholm } from '~/modules/meetings/stockholm-time'

// A deliverable's state as its readers see it: "overdue" is never stored, it
// is read from the due date on the day (in Stockholm) the page is shown.

export type ShownState = DeliverableState | 'overdue'

/** Today's date in Stockholm, `YYYY-MM-DD`. */
export function stockholmToday(now: Date = new Date()): string {
  return instantToStockholm(now).date
}

/** Whole days from `today` to `date` (both `YYYY-MM-DD`); negative once it has passed. */
export function daysBetween(today: string, date: string): number {
  const day = (value: string) =>
    Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)))
  return Math.round((day(date) - day(today)) / 86_400_000)
}

export function shownState(
  deliverable: { state: DeliverableState; dueDate: string | null },
  today: string,
): ShownState {
  if (deliverable.state === 'done') return 'done'
  if (deliverable.dueDate !== null && deliverable.dueDate < today) return 'overdue'
  return deliverable.state
}

/** Not done, and due within `days` days from today or already overdue. */
export function isDueSoonOrOverdue(
  deliverable: { state: DeliverableState; dueDate: string | null },
  today: string,
  days = 60,
): boolean {
  if (deliverable.state === 'done' || deliverable.dueDate === null) return false
  return daysBetween(today, deliverable.dueDate) <= days
}

/** Kinds whose content may be classified: the page records only done / not done, a date and who decided. */
export function isMilestoneOnly(kind: DeliverableKind): boolean {
  return (milestoneOnlyKinds as readonly string[]).includes(kind)
}

/** The days before a due date on which the owner and the coordinators are reminded. */
export const REMINDER_DAYS = [30, 7] as const
