import { stockholmLocalParts } from './icalendar'

// Meetings are planned in Swedish wall-clock time. The form sends a date and
// a time as people read them in Vårgårda; the database stores the instant.

const MINUTE_MS = 60_000

const pad = (value: number) => String(value).padStart(2, '0')

/**
 * The instant that Europe/Stockholm calls `date` (YYYY-MM-DD) at `time`
 * (HH:MM), or null when that wall-clock time does not exist (the hour
 * skipped when summer time starts). For the hour that occurs twice in
 * October, the first (summer time) is meant, as RFC 5545 reads it too.
 */
export function stockholmToInstant(date: string, time: string): Date | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time)
  if (!dateMatch || !timeMatch) return null
  const [year, month, day] = dateMatch.slice(1).map(Number) as [number, number, number]
  const [hour, minute] = timeMatch.slice(1).map(Number) as [number, number]
  const asUtc = Date.UTC(year, month - 1, day, hour, minute)
  // Sweden is UTC+1 or UTC+2: try summer time first, so an ambiguous time gets it.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 60 * MINUTE_MS)
    const local = stockholmLocalParts(candidate)
    if (
      local.year === year &&
      local.month === month &&
      local.day === day &&
      local.hour === hour &&
      local.minute === minute
    ) {
      return candidate
    }
  }
  return null
}

/** The Stockholm date (YYYY-MM-DD) and time (HH:MM) of an instant, as the form shows them. */
export function instantToStockholm(instant: Date): { date: string; time: string } {
  const local = stockholmLocalParts(instant)
  return {
    date: `${local.year}-${pad(local.month)}-${pad(local.day)}`,
    time: `${pad(local.hour)}:${pad(local.minute)}`,
  }
}
