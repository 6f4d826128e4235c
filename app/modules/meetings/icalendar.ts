/**
 * iCalendar (RFC 5545) for meeting invitations (iTIP, RFC 5546) and a
 * subscribable feed. Times are written in Europe/Stockholm wall-clock time
 * with a VTIMEZONE, so a meeting at 10:00 stays at 10:00 in every client.
 */
import { CRLF, escapeText, foldLine, parameterValue } from '~/modules/text/content-line'

const HOUR_MS = 3_600_000
const TIME_ZONE = 'Europe/Stockholm'
export const DEFAULT_PRODUCT_ID = '-//Områdesansvarsportalen//SV'

export type ParticipationStatus = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE'
export type EventStatus = 'CONFIRMED' | 'CANCELLED'
export type InvitationMethod = 'REQUEST' | 'CANCEL'

export interface CalendarAttendee {
  name?: string
  email: string
  partstat?: ParticipationStatus
}

export interface CalendarEvent {
  uid: string
  sequence: number
  start: Date
  end: Date
  title: string
  description?: string
  location?: string
  url?: string
  organizer: { name: string; email: string }
  attendees: CalendarAttendee[]
  status?: EventStatus
  updatedAt: Date
}

/** A whole day in the calendar (a due date): no time, no organiser, and it does not make anyone busy. */
export interface CalendarDayEvent {
  uid: string
  sequence: number
  /** `YYYY-MM-DD`, a Stockholm calendar day. */
  date: string
  title: string
  description?: string
  url?: string
  updatedAt: Date
}

const dateTimeParts = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const
export type LocalDateTime = Record<(typeof dateTimeParts)[number], number>

const stockholmFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date in calendar event')
}

/** The wall-clock time in Stockholm at the given instant. */
export function stockholmLocalParts(date: Date): LocalDateTime {
  assertValidDate(date)
  const parts = stockholmFormat.formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
  return Object.fromEntries(dateTimeParts.map((type) => [type, part(type)])) as LocalDateTime
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

function localDateTime(date: Date): string {
  const { year, month, day, hour, minute, second } = stockholmLocalParts(date)
  return `${pad(year, 4)}${pad(month)}${pad(day)}T${pad(hour)}${pad(minute)}${pad(second)}`
}

function utcDateTime(date: Date): string {
  assertValidDate(date)
  return date.toISOString().replace(/[-:]|\.\d{3}/g, '')
}

/**
 * ";TZID=Europe/Stockholm:20270610T100000", or UTC for the hour repeated when
 * clocks go back: RFC 5545 reads a repeated local time as its first
 * occurrence, so the second one cannot be written with TZID.
 */
function zonedDateTime(date: Date): string {
  const local = localDateTime(date)
  const repeated = localDateTime(new Date(date.getTime() - HOUR_MS)) === local
  return repeated ? `:${utcDateTime(date)}` : `;TZID=${TIME_ZONE}:${local}`
}

/** A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */

/** A URI is not TEXT: its commas and semicolons stay, but a line break would start a new property. */
function uriValue(value: string): string {
  return value.replace(/\p{Cc}/gu, '')
}

function serialize(lines: string[]): string {
  return lines.map((line) => foldLine(line) + CRLF).join('')
}

const STOCKHOLM_TIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

function optionalText(name: string, value: string | undefined): string[] {
  return value ? [`${name}:${escapeText(value)}`] : []
}

function commonName(name: string | undefined): string {
  return name ? `;CN=${parameterValue(name)}` : ''
}

function attendeeLine(attendee: CalendarAttendee, rsvp: boolean): string {
  const partstat = attendee.partstat ?? 'NEEDS-ACTION'
  const reply = rsvp ? ';RSVP=TRUE' : ''
  return `ATTENDEE${commonName(attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=${partstat}${reply}:mailto:${uriValue(attendee.email)}`
}

function eventLines(event: CalendarEvent, status: EventStatus, attendeeLines: string[]): string[] {
  if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new RangeError('SEQUENCE must be an integer ≥ 0')
  if (event.end.getTime() <= event.start.getTime()) throw new RangeError('A calendar event must end after it starts')
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcDateTime(event.updatedAt)}`,
    `DTSTART${zonedDateTime(event.start)}`,
    `DTEND${zonedDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...optionalText('DESCRIPTION', event.description),
    ...optionalText('LOCATION', event.location),
    ...(event.url ? [`URL:${uriValue(event.url)}`] : []),
    `ORGANIZER${commonName(event.organizer.name)}:mailto:${uriValue(event.organizer.email)}`,
    ...attendeeLines,
    `STATUS:${status}`,
    'END:VEVENT',
  ]
}

/** "20271031" for 2027-10-31, and the day after it (DTEND of an all-day event is exclusive). */
function dateValues(date: string): { start: string; end: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null
  if (!day || day.toISOString().slice(0, 10) !== date) throw new RangeError('An all-day event needs a date YYYY-MM-DD')
  const compact = (value: Date) => value.toISOString().slice(0, 10).replace(/-/g, '')
  return { start: compact(day), end: compact(new Date(day.getTime() + 24 * HOUR_MS)) }
}

function dayEventLines(event: CalendarDayEvent): string[] {
  if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new RangeError('SEQUENCE must be an integer ≥ 0')
  const { start, end } = dateValues(event.date)
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcDateTime(event.updatedAt)}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...optionalText('DESCRIPTION', event.description),
    ...(event.url ? [`URL:${uriValue(event.url)}`] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ]
}

function calendarHeader(productId: string): string[] {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeText(productId)}`, 'CALSCALE:GREGORIAN']
}

/** An invitation (REQUEST) or cancellation (CANCEL) to attach to an e-mail as text/calendar. */
export function invitationCalendar(
  event: CalendarEvent,
  method: InvitationMethod,
  options: { productId?: string } = {},
): string {
  const cancelled = method === 'CANCEL'
  return serialize([
    ...calendarHeader(options.productId ?? DEFAULT_PRODUCT_ID),
    `METHOD:${method}`,
    ...STOCKHOLM_TIMEZONE,
    ...eventLines(
      event,
      cancelled ? 'CANCELLED' : (event.status ?? 'CONFIRMED'),
      // Nobody replies to a cancellation.
      event.attendees.map((attendee) => attendeeLine(attendee, !cancelled)),
    ),
    'END:VCALENDAR',
  ])
}

/**
 * A feed to subscribe to. No METHOD: it is not an iTIP message. Attendees are
 * left out: a feed URL gets shared, and its readers cannot reply anyway.
 */
export function feedCalendar(
  events: (CalendarEvent | CalendarDayEvent)[],
  options: { name?: string; productId?: string } = {},
): string {
  return serialize([
    ...calendarHeader(options.productId ?? DEFAULT_PRODUCT_ID),
    ...optionalText('X-WR-CALNAME', options.name),
    ...STOCKHOLM_TIMEZONE,
    ...events.flatMap((event) =>
      'date' in event ? dayEventLines(event) : eventLines(event, event.status ?? 'CONFIRMED', []),
    ),
    'END:VCALENDAR',
  ])
}
