import type { ActionItemState } from '~/db/enums'

/** Today's date in Stockholm, as YYYY-MM-DD: an item is overdue from the day after its due date. */
export function stockholmToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now)
}

export function isOverdue(item: { dueDate: string | null; state: ActionItemState }, today: string): boolean {
  return item.state !== 'done' && item.dueDate !== null && item.dueDate < today
}

/** A real calendar date written YYYY-MM-DD (no 2027-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}
