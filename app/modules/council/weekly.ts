import { instantToStockholm, stockholmToInstant } from '~/modules/meetings/stockholm-time'

// The weekly picture's periods, in Swedish wall-clock time: a week runs from
// Monday 00:00 to the next Monday 00:00 in Europe/Stockholm, whatever the
// clocks do in between. Dates are calendar dates (YYYY-MM-DD); `until` is the
// first day after the period. Pure: runs on the server and in the browser.

const DAY_MS = 86_400_000
/** A chosen range longer than this is refused: the page compares periods, it is not an archive search. */
export const MAX_RANGE_DAYS = 366

export interface Period {
  kind: 'week' | 'range'
  /** The first day. */
  from: string
  /** The day after the last one. */
  until: string
  /** For a week: its ISO name, 2026-W48. */
  week: string | null
}

export interface PeriodInstants {
  start: Date
  end: Date
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const weekPattern = /^(\d{4})-W(\d{2})$/

function dayNumber(date: string): number | null {
  const match = datePattern.exec(date)
  if (!match) return null
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  const time = Date.UTC(year, month - 1, day)
  const back = new Date(time)
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null
  return time / DAY_MS
}

function dateOf(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date)! + days)
}

export function daysBetween(from: string, until: string): number {
  return dayNumber(until)! - dayNumber(from)!
}

/** The same calendar day a number of years earlier or later; 29 February becomes the 28th. */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const target = year + years
  const last = new Date(Date.UTC(target, month, 0)).getUTCDate()
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`
}

/** The ISO week (Monday first, week 1 holds the year's first Thursday) a date falls in. */
export function isoWeekOf(date: string): { year: number; week: number } {
  const days = dayNumber(date)!
  // 1 January 1970 was a Thursday: day 0 has weekday index 3 (Monday 0).
  const weekday = (((days + 3) % 7) + 7) % 7
  const thursday = days - weekday + 3
  const year = new Date(thursday * DAY_MS).getUTCFullYear()
  const firstDay = Date.UTC(year, 0, 1) / DAY_MS
  return { year, week: Math.floor((thursday - firstDay) / 7) + 1 }
}

export function weeksInYear(year: number): number {
  return isoWeekOf(`${String(year).padStart(4, '0')}-12-28`).week
}

/** The Monday of an ISO week, or null when the year has no such week. */
export function mondayOfWeek(year: number, week: number): string | null {
  if (week < 1 || week > weeksInYear(year)) return null
  const fourth = Date.UTC(year, 0, 4) / DAY_MS
  const weekday = (((fourth + 3) % 7) + 7) % 7
  return dateOf(fourth - weekday + (week - 1) * 7)
}

export function weekName(date: string): string {
  const { year, week } = isoWeekOf(date)
  return `${year}-W${String(week).padStart(2, '0')}`
}

export function weekPeriod(monday: string): Period {
  return { kind: 'week', from: monday, until: addDays(monday, 7), week: weekName(monday) }
}

/** The week holding this instant, in Stockholm time. */
export function currentWeek(now: Date): Period {
  const today = instantToStockholm(now).date
  const { year, week } = isoWeekOf(today)
  return weekPeriod(mondayOfWeek(year, week)!)
}

export type PeriodProblem = 'week' | 'range' | 'rangeTooLong'

/**
 * The period of the URL: `fran` and `till` (both days included) for a range,
 * else `vecka` (2026-W48), else the current week. A value that does not parse
 * gives the current week and says what was wrong.
 */
export function parsePeriod(params: URLSearchParams, now: Date): { period: Period; problem: PeriodProblem | null } {
  const fromText = params.get('fran')?.trim() ?? ''
  const toText = params.get('till')?.trim() ?? ''
  const weekText = params.get('vecka')?.trim() ?? ''
  if (fromText || toText) {
    const from = dayNumber(fromText)
    const to = dayNumber(toText)
    if (from === null || to === null || to < from) return { period: currentWeek(now), problem: 'range' }
    if (to - from + 1 > MAX_RANGE_DAYS) return { period: currentWeek(now), problem: 'rangeTooLong' }
    return { period: { kind: 'range', from: fromText, until: dateOf(to + 1), week: null }, problem: null }
  }
  if (weekText) {
    const match = weekPattern.exec(weekText)
    const monday = match ? mondayOfWeek(Number(match[1]), Number(match[2])) : null
    if (!monday) return { period: currentWeek(now), problem: 'week' }
    return { period: weekPeriod(monday), problem: null }
  }
  return { period: currentWeek(now), problem: null }
}

/** The same length just before. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'week') return weekPeriod(addDays(period.from, -7))
  const length = daysBetween(period.from, period.until)
  return { kind: 'range', from: addDays(period.from, -length), until: period.from, week: null }
}

export function nextPeriod(period: Period): Period {
  if (period.kind === 'week') return weekPeriod(period.until)
  const length = daysBetween(period.from, period.until)
  return { kind: 'range', from: period.until, until: addDays(period.until, length), week: null }
}

/** A week 52 weeks earlier (the same weekdays); a range one year earlier (the same dates). */
export function lastYearPeriod(period: Period): Period {
  if (period.kind === 'week') return weekPeriod(addDays(period.from, -364))
  const length = daysBetween(period.from, period.until)
  const from = addYears(period.from, -1)
  return { kind: 'range', from, until: addDays(from, length), week: null }
}

/** The instants the period starts and ends at: midnight in Stockholm, which always exists (clocks change at 02:00 and 03:00). */
export function periodInstants(period: Period): PeriodInstants {
  return { start: stockholmToInstant(period.from, '00:00')!, end: stockholmToInstant(period.until, '00:00')! }
}

/** The last day of the period. */
export function lastDay(period: Period): string {
  return addDays(period.until, -1)
}

/** The month (YYYY-MM) the period's last day falls in. */
export function endMonth(period: Period): string {
  return lastDay(period).slice(0, 7)
}

/** The month (YYYY-MM) `by` months after this one. */
export function addMonths(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  const index = year * 12 + number - 1 + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** `count` months (YYYY-MM) ending with `last`, oldest first. */
export function monthsUpTo(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1))
}

/** The URL parameters that name the period, as links and the map's data request repeat them. */
export function periodParams(period: Period): Record<string, string> {
  return period.kind === 'week' && period.week ? { vecka: period.week } : { fran: period.from, till: lastDay(period) }
}

export interface WeeklyFilters {
  /** Empty: every category. */
  categoryIds: string[]
  /** The reporting organisations; empty: every one. */
  organisationIds: string[]
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// More than this many ids in a URL is not a filter a person chose.
const MAX_FILTER_IDS = 100

/** `kategori` and `kalla`, repeated; ids that do not look like ids are dropped. */
export function parseFilters(params: URLSearchParams): WeeklyFilters {
  const ids = (name: string) =>
    [...new Set(params.getAll(name).filter((value) => uuidPattern.test(value)))].slice(0, MAX_FILTER_IDS)
  return { categoryIds: ids('kategori'), organisationIds: ids('kalla') }
}

/** The query string of a period and filters, for links and the map's data. */
export function weeklySearch(period: Period, filters: WeeklyFilters): string {
  const search = new URLSearchParams(periodParams(period))
  for (const id of filters.categoryIds) search.append('kategori', id)
  for (const id of filters.organisationIds) search.append('kalla', id)
  return search.toString()
}

/** The change from `before` to `now` in per cent, or null when there was nothing before. */
export function changePercent(now: number, before: number): number | null {
  if (before === 0) return null
  return Math.round(((now - before) / before) * 100)
}

const METRES_PER_DEGREE_LAT = 111_320

/**
 * The square of a grid of about `metres` that a position falls in: rows of
 * equal latitude, and within a row columns as wide in metres at the row's
 * southern edge. The same numbers as the SQL of `hotSpots`.
 */
export function gridCell(lat: number, lng: number, metres: number): { row: number; column: number } {
  const latStep = metres / METRES_PER_DEGREE_LAT
  const row = Math.floor(lat / latStep)
  const lngStep = metres / (METRES_PER_DEGREE_LAT * Math.cos((row * latStep * Math.PI) / 180))
  return { row, column: Math.floor(lng / lngStep) }
}

/** A cell's corners: south, west, north, east. */
export function cellBounds(row: number, column: number, metres: number): [number, number, number, number] {
  const latStep = metres / METRES_PER_DEGREE_LAT
  const lngStep = metres / (METRES_PER_DEGREE_LAT * Math.cos((row * latStep * Math.PI) / 180))
  const round = (value: number) => Math.round(value * 1e6) / 1e6
  return [round(row * latStep), round(column * lngStep), round((row + 1) * latStep), round((column + 1) * lngStep)]
}

/** What the weekly picture's map fetches: compact arrays, no report ids, no text. */
export interface WeeklyMapData {
  categories: { id: string; name: string }[]
  /** [lat, lng, index into categories]. */
  points: [number, number, number][]
  truncated: boolean
  /** The densest cells: [south, west, north, east, count]. */
  hotSpots: [number, number, number, number, number][]
  cellMetres: number
  /** Reports with only an area, which the map cannot show. */
  withoutPosition: number
}
