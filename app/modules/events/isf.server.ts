import { and, asc, count, desc, eq, inArray, isNull, like, ne, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database, Executor } from '~/db/client.server'
import type { EventLogKind } from '~/db/enums'
import { eventLogEntries, type EventRecord } from '~/db/schema/events'
import { meetingOrganisations, meetings, type Meeting } from '~/db/schema/meetings'
import { organisations } from '~/db/schema/organisations'
import { meetingOrganizerEmail, portalOrigin } from '~/config/env.server'
import { translator } from '~/i18n/i18n'
import { getMailer, type Mailer } from '~/modules/mail/mailer.server'
import { sendMeetingMail, type SendOutcome } from '~/modules/meetings/invitations.server'
import { createMeeting } from '~/modules/meetings/meetings.server'
import { instantToStockholm } from '~/modules/meetings/stockholm-time'
import type { EventScope } from './event-access.server'
import { appendLogEntry } from './event-log-append.server'
import { eventPicture } from './event-picture.server'
import { lockOpenEvent } from './event-writers.server'
import type { EventActor } from './events.server'
import {
  ISF_AGENDA,
  ISF_DEFAULT_DURATION_MINUTES,
  ISF_DEFAULT_EVERY_HOURS,
  isfName,
  isfNumberOf,
  isfTitle,
  roundText,
} from './isf'

// Convening an event's ISF conferences. A conference is an ordinary meeting
// (kind isf_conference, tied to the event by meetings.eventId), so its
// invitations, calendar part, answer links, minutes and follow-up are the
// meetings' own; this module only fills it in from the event and writes the
// convening in the event's log.

type IsfEvent = Pick<EventRecord, 'id' | 'title' | 'kind'> & EventScope

export interface MailOptions {
  mailer: Mailer
  origin: string
  organizerEmail: string
}

function defaultMail(): MailOptions {
  return { mailer: getMailer(), origin: portalOrigin(), organizerEmail: meetingOrganizerEmail() }
}

export type IsfRefusal = 'ended' | 'noOrganiser' | 'noneTakingPart' | 'noPrevious'

export type CreateIsfResult = { ok: true; meeting: Meeting; number: number } | { ok: false; error: IsfRefusal }

export type ConveneResult =
  { ok: true; meeting: Meeting; number: number; sent: SendOutcome } | { ok: false; error: IsfRefusal }

class Refusal extends Error {
  constructor(readonly error: IsfRefusal) {
    super(error)
  }
}

const HOUR = 3_600_000

/** "14:00", or "2026-12-07 14:00" when it is not today in Stockholm. */
function whenText(startsAt: Date, now: Date): string {
  const at = instantToStockholm(startsAt)
  return at.date === instantToStockholm(now).date ? at.time : `${at.date} ${at.time}`
}

export interface ConveneInput {
  event: IsfEvent
  actor: EventActor
  startsAt: Date
  durationMinutes?: number
  place: string
  videoLink: string
}

/**
 * The conference, its invitations (not yet sent) and the log entry saying it
 * was convened, in one transaction (a savepoint inside the caller's).
 */
export async function createIsfConference(db: Database, input: ConveneInput): Promise<CreateIsfResult> {
  const { event, actor } = input
  const organiserOrganisationId = actor.organisationId
  if (!organiserOrganisationId) return { ok: false, error: 'noOrganiser' }
  if (event.organisationIds.length === 0) return { ok: false, error: 'noneTakingPart' }
  const duration = input.durationMinutes ?? ISF_DEFAULT_DURATION_MINUTES
  try {
    return await db.transaction(async (tx) => {
      // Held against ending until the conference and its log entry commit.
      if (!(await lockOpenEvent(tx, event.id))) throw new Refusal('ended')
      const [{ held } = { held: 0 }] = await tx
        .select({ held: count() })
        .from(meetings)
        .where(and(eq(meetings.eventId, event.id), eq(meetings.kind, 'isf_conference')))
      const number = held + 1
      const meeting = await createMeeting(tx, {
        actorId: actor.id,
        organiserOrganisationId,
        kind: 'isf_conference',
        title: isfTitle({ title: event.title, exercise: event.kind === 'exercise' }, number),
        theme: '',
        description: `${isfName(number)} i ${event.kind === 'exercise' ? 'övningen' : 'händelsen'} "${event.title}".`,
        agenda: [...ISF_AGENDA],
        startsAt: input.startsAt,
        endsAt: new Date(input.startsAt.getTime() + duration * 60_000),
        place: input.place,
        videoLink: input.videoLink,
        networkId: null,
        organisationIds: event.organisationIds,
        personIds: [],
        scenarioId: null,
      })
      const [linked] = await tx
        .update(meetings)
        .set({ eventId: event.id })
        .where(eq(meetings.id, meeting.id))
        .returning()
      await appendLogEntry(tx, {
        eventId: event.id,
        kind: 'message_out',
        text: `${isfName(number)} sammankallad till ${whenText(input.startsAt, new Date())}`,
        counterpart: 'De deltagande aktörerna',
        organisationId: organiserOrganisationId,
        authorId: actor.id,
        authorName: actor.name,
      })
      return { ok: true as const, meeting: linked!, number }
    })
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.error }
    throw error
  }
}

/** The invitations, as the meetings send them: iCalendar part, answer links, outbox or SMTP. */
export function sendIsfInvitations(
  db: Database,
  meetingId: string,
  actorId: string,
  mail: MailOptions = defaultMail(),
) {
  return sendMeetingMail(db, mail.mailer, {
    meetingId,
    purpose: 'invitation',
    origin: mail.origin,
    organizerEmail: mail.organizerEmail,
    actorId,
  })
}

export async function conveneIsf(db: Database, input: ConveneInput & { mail?: MailOptions }): Promise<ConveneResult> {
  const created = await createIsfConference(db, input)
  if (!created.ok) return created
  return { ...created, sent: await sendIsfInvitations(db, created.meeting.id, input.actor.id, input.mail) }
}

/**
 * The next conference after the latest one: its start plus `everyHours`
 * (not before now), with its length, place and video link.
 */
export async function nextIsf(
  db: Executor,
  input: { event: IsfEvent; actor: EventActor; everyHours?: number; now?: Date },
): Promise<ConveneInput | null> {
  const [previous] = await db
    .select()
    .from(meetings)
    .where(
      and(eq(meetings.eventId, input.event.id), eq(meetings.kind, 'isf_conference'), ne(meetings.state, 'cancelled')),
    )
    .orderBy(desc(meetings.startsAt), desc(meetings.createdAt))
    .limit(1)
  if (!previous) return null
  const now = input.now ?? new Date()
  const next = previous.startsAt.getTime() + (input.everyHours ?? ISF_DEFAULT_EVERY_HOURS) * HOUR
  return {
    event: input.event,
    actor: input.actor,
    startsAt: new Date(Math.max(next, now.getTime())),
    durationMinutes: Math.round((previous.endsAt.getTime() - previous.startsAt.getTime()) / 60_000),
    place: previous.place,
    videoLink: previous.videoLink,
  }
}

/** Repeat in one click: the next conference `everyHours` (default 4) after the latest, invitations sent. */
export async function repeatIsf(
  db: Database,
  input: { event: IsfEvent; actor: EventActor; everyHours?: number; mail?: MailOptions; now?: Date },
): Promise<ConveneResult> {
  const next = await nextIsf(db, input)
  if (!next) return { ok: false, error: 'noPrevious' }
  return conveneIsf(db, { ...next, mail: input.mail })
}

export interface IsfConference {
  id: string
  number: number
  title: string
  startsAt: Date
  endsAt: Date
  place: string
  videoLink: string
  state: Meeting['state']
  invited: number
  attending: number
  declined: number
}

/** The event's conferences in the order they were convened, numbered 1, 2, 3 … */
export async function listIsfConferences(db: Executor, eventId: string): Promise<IsfConference[]> {
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      place: meetings.place,
      videoLink: meetings.videoLink,
      state: meetings.state,
      invited: sql<number>`(select count(*)::int from ${meetingOrganisations} mo where mo.meeting_id = ${meetings.id})`,
      attending: sql<number>`(select count(*)::int from ${meetingOrganisations} mo
        where mo.meeting_id = ${meetings.id} and mo.answer = 'attending')`,
      declined: sql<number>`(select count(*)::int from ${meetingOrganisations} mo
        where mo.meeting_id = ${meetings.id} and mo.answer = 'not_attending')`,
    })
    .from(meetings)
    .where(and(eq(meetings.eventId, eventId), eq(meetings.kind, 'isf_conference')))
    .orderBy(asc(meetings.createdAt), asc(meetings.id))
  return rows.map((row, index) => ({ ...row, number: isfNumberOf(row.title) ?? index + 1 }))
}

/** One of the event's conferences, or undefined (another event's meeting is not found). */
export async function getIsfConference(db: Executor, eventId: string, meetingId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(meetingId)) return undefined
  const conferences = await listIsfConferences(db, eventId)
  const conference = conferences.find((row) => row.id === meetingId)
  if (!conference) return undefined
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId))
  return meeting ? { ...conference, meeting } : undefined
}

/** Item 1 of the minutes: each taking-part organisation's round from its latest status reports. */
export async function isfRound(db: Executor, event: Pick<EventRecord, 'id'>): Promise<string> {
  const picture = await eventPicture(db, event)
  const sv = translator('sv')
  return roundText(picture.organisations, picture.services, {
    status: (status) => sv(`event.status.${status}`),
    need: (need) => sv(`event.need.${need}`),
  })
}

export interface IsfLogEntry {
  id: string
  kind: EventLogKind
  text: string
  decidedBy: string
  mandate: string
  taskOrganisationName: string | null
  taskDueAt: Date | null
  authorName: string
  createdAt: Date
}

const taskOwner = alias(organisations, 'isf_task_owner')

/** The decisions and tasks written from conference `number`: their text starts with its name. */
export function isfLogEntries(db: Executor, eventId: string, number: number): Promise<IsfLogEntry[]> {
  return db
    .select({
      id: eventLogEntries.id,
      kind: eventLogEntries.kind,
      text: eventLogEntries.text,
      decidedBy: eventLogEntries.decidedBy,
      mandate: eventLogEntries.mandate,
      taskOrganisationName: taskOwner.name,
      taskDueAt: eventLogEntries.taskDueAt,
      authorName: eventLogEntries.authorName,
      createdAt: eventLogEntries.createdAt,
    })
    .from(eventLogEntries)
    .leftJoin(taskOwner, eq(taskOwner.id, eventLogEntries.taskOrganisationId))
    .where(
      and(
        eq(eventLogEntries.eventId, eventId),
        inArray(eventLogEntries.kind, ['decision', 'task']),
        isNull(eventLogEntries.refersToId),
        like(eventLogEntries.text, `${isfName(number)}:%`),
      ),
    )
    .orderBy(asc(eventLogEntries.seq))
}
