import type { Locale } from './i18n'
import { phoneCharacters, phoneDigits, swedishNationalDigits } from '~/modules/text/phone'

// How the portal writes dates, numbers, sizes, positions and phone numbers,
// in both languages, on pages, in PDFs and in mail: one function per rule.
// Plain functions without React, so loaders, PDF writers and components
// share them. Dates and times are Stockholm's, whatever the reader's device
// says: the network works in Vårgårda. Forms and CSV keep ISO days
// ("2027-10-31") that a date field and a spreadsheet read.

/** The BCP 47 tag Intl formats a language with. */
export function intlLocale(locale: Locale): 'sv-SE' | 'en-GB' {
  return locale === 'sv' ? 'sv-SE' : 'en-GB'
}

// An Intl formatter takes far longer to make than to use (made for every date, the
// formatters were about 1 % of the server's time under load, issue 20): each is made
// once per language and options, and kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()

function kept<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = formatters.get(key) as T | undefined
  if (!format) formatters.set(key, (format = make()))
  return format
}

const dateFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
  kept(`d${locale}${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(intlLocale(locale), options))

const numberFormat = (locale: Locale, options: Intl.NumberFormatOptions = {}) =>
  kept(`n${locale}${JSON.stringify(options)}`, () => new Intl.NumberFormat(intlLocale(locale), options))

/** A day as "31 okt. 2027" ("31 Oct 2027"); a plain "2027-10-31" is that day, whatever the time zone. */
export function formatDate(locale: Locale, date: string | Date): string {
  const day =
    typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T12:00:00Z`) : new Date(date)
  return dateFormat(locale, {
    dateStyle: 'medium',
    timeZone: 'Europe/Stockholm',
  }).format(day)
}

/** An instant as "31 okt. 2027 14:05" ("31 Oct 2027, 14:05"). */
export function formatDateTime(locale: Locale, date: Date | string): string {
  return dateFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(new Date(date))
}

/** A clock time: "10:42", or "10:42:05" with seconds. */
export function formatTime(locale: Locale, date: Date, seconds = false): string {
  return dateFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    timeZone: 'Europe/Stockholm',
  }).format(date)
}

/** A count with the reader's digit grouping: "30 000" in Swedish, "30,000" in English. */
export function formatCount(locale: Locale, count: number): string {
  return numberFormat(locale).format(count)
}

/**
 * A number with the reader's decimal sign and grouping, by default with at
 * most one decimal: hours ("2,5"), medians, people served (no decimals).
 */
export function formatNumber(
  locale: Locale,
  value: number,
  maximumFractionDigits = 1,
  minimumFractionDigits = 0,
): string {
  return numberFormat(locale, { maximumFractionDigits, minimumFractionDigits }).format(value)
}

const swedishHours = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2, useGrouping: false })

/**
 * Hours as a Swedish form field and the Swedish event log write them: up to
 * two decimals and no grouping ("10", "2,5", "1500"), in either language,
 * because the field is read back and the log line is written once for all.
 */
export function formatSwedishHours(hours: number): string {
  return swedishHours.format(hours)
}

/** Whole kronor: "12 500 kr" ("SEK 12,500"). */
export function formatKronor(locale: Locale, value: number): string {
  return numberFormat(locale, {
    style: 'currency',
    currency: 'SEK',
    maximumFractionDigits: 0,
  }).format(value)
}

/** A stored file's size: "512 B", "1,5 kB", "2,3 MB" (steps of 1024). */
export function formatBytes(locale: Locale, size: number): string {
  const format = (value: number) => formatNumber(locale, value)
  if (size < 1024) return `${size} B`
  if (size < 1024 * 1024) return `${format(size / 1024)} kB`
  return `${format(size / 1024 / 1024)} MB`
}

/** An upload's size or limit as a form states it: "1 MiB", "1,5 MiB", "512 KiB" (whole KiB, rounded up). */
export function formatUploadSize(locale: Locale, bytes: number): string {
  const mib = bytes / (1024 * 1024)
  if (mib >= 1) return `${formatNumber(locale, mib)} MiB`
  return `${formatNumber(locale, Math.ceil(bytes / 1024), 0)} KiB`
}

// Positions as a Swedish reader writes them: "58,0343° N, 12,8087° E", with
// the decimal comma of the reader's language ("58.0343° N, 12.8087° E" in
// English). The one formatter of a WGS84 position on pages, in PDFs and lists.

export interface LatLng {
  lat: number
  lng: number
}

/** Four decimals of a degree is about 10 m: enough for a report or a hot spot; a site asks for five (about 1 m). */
export const POSITION_DECIMALS = 4

function degrees(value: number, locale: Locale, decimals: number): string {
  return numberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: false,
  }).format(Math.abs(value))
}

/** A degree as a form field shows it: six decimals (about 0.1 m) with the decimal comma, "58,034308". */
export function formatDegrees(value: number): string {
  return value.toFixed(6).replace('.', ',')
}

/** "58,0343° N, 12,8087° E"; a southern or western position gets S or W rather than a minus sign. */
export function formatPosition(position: LatLng, locale: Locale = 'sv', decimals = POSITION_DECIMALS): string {
  const lat = `${degrees(position.lat, locale, decimals)}° ${position.lat < 0 ? 'S' : 'N'}`
  const lng = `${degrees(position.lng, locale, decimals)}° ${position.lng < 0 ? 'W' : 'E'}`
  return `${lat}, ${lng}`
}

/**
 * The area code's digits after the 0, from PTS's numbering plan: 08 is
 * Stockholm; the codes below have two (010 and 020 non-geographic, 07x
 * mobile, 090 Umeå but not the premium-rate 0900); every other code has
 * three: 0303, 0322, 0980 …, the shared-cost 077x, the premium-rate 0900,
 * 0939 and 0944.
 */
const twoDigitAreaCodes = new Set(
  '10 11 13 16 18 19 20 21 23 26 31 33 35 36 40 42 44 46 54 60 63 70 71 72 73 74 75 76 78 79 90'.split(' '),
)

function areaCodeLength(significant: string): number {
  if (significant.startsWith('8')) return 1
  if (significant.startsWith('900')) return 3
  return twoDigitAreaCodes.has(significant.slice(0, 2)) ? 2 : 3
}

/**
 * Swedish writing rules for the subscriber number: pairs from the right, a
 * group of three first when the count is odd, and 8 digits as 3 3 2
 * ("08-123 456 78").
 */
function groupSubscriber(digits: string): string {
  const sizes =
    digits.length <= 3 ? [digits.length] : digits.length === 8 ? [3, 3, 2] : digits.length % 2 === 1 ? [3] : []
  let rest = digits
  const groups: string[] = []
  for (const size of sizes) {
    groups.push(rest.slice(0, size))
    rest = rest.slice(size)
  }
  for (let start = 0; start < rest.length; start += 2) groups.push(rest.slice(start, start + 2))
  return groups.join(' ')
}

/**
 * A number as the portal shows it: a Swedish number in the one Swedish
 * grouping, with its area code ("070-174 06 55", "031-390 06 30",
 * "08-465 004 00", "0980-31 92 00"), whether typed with +46 or without
 * spaces; a short number grouped the same way ("114 14", "1177"); anything
 * else as typed. Reading and dialling numbers is ~/modules/text/phone.
 */
export function formatPhoneNumber(value: string): string {
  const typed = value.trim().replace(/\s+/g, ' ')
  if (!phoneCharacters.test(typed)) return typed
  const national = swedishNationalDigits(typed)
  if (national) {
    const significant = national.slice(1)
    const split = areaCodeLength(significant)
    return `0${significant.slice(0, split)}-${groupSubscriber(significant.slice(split))}`
  }
  const digits = phoneDigits(typed)
  if (/^[1-9]\d{2,5}$/.test(digits)) return digits.length === 4 ? digits : groupSubscriber(digits)
  return typed
}
