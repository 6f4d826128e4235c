import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Database } from '~/db/client.server'
import { meetingAnswerLinks, meetingInvitees, meetingOrganisations, meetings, type Meeting } from '~/db/schema/meetings'
import { organisations } from '~/db/schema/organisations'
import { recordAudit } from '~/modules/audit/audit.server'
import { generateToken, hashToken } from '~/modules/auth/tokens.server'
import type { Mailer } from '~/modules/mail/mailer.server'
import { invitationCalendar, type CalendarEvent } from './icalendar'
import { meetingMailText, type MailPurpose } from './invitation-mail'
import type { GoneInvitee } from './meetings.server'

// Invitations go out after the transaction that changed the meeting has
// committed: an SMTP server is no part of it. Each mail carries its own
// answer link and a calendar part for the one person it goes to (listing
// every attendee would hand out everyone's address). A failed send leaves
// the person's `sent_sequence` behind the meeting's, and the meeting page
// offers to send again.

export interface SendOutcome {
  sent: number
  failed: number
}

interface Recipient {
  inviteeId: string | null
  email: string
  name: string
  organisationName: string | null
}

/** The organiser's name and the functional address calendar apps reply to (MEETING_ORGANIZER_EMAIL). */
function organizerOf(organizerEmail: string, organiserName: string) {
  return { name: organiserName, email: organizerEmail }
}

function calendarEvent(
  meeting: Meeting,
  recipient: Recipient,
  organizer: { name: string; email: string },
  origin: string,
) {
  const event: CalendarEvent = {
    uid: meeting.uid,
    sequence: meeting.sequence,
    start: meeting.startsAt,
    end: meeting.endsAt,
    title: meeting.title,
    description: [
      meeting.description,
      meeting.agenda.length ? `Dagordning:\n${meeting.agenda.map((item, i) => `${i + 1}. ${item}`).join('\n')}` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    location: meeting.place || meeting.videoLink || undefined,
    url: `${origin}/moten/${meeting.id}`,
    organizer,
    attendees: [{ name: recipient.name || undefined, email: recipient.email, partstat: 'NEEDS-ACTION' }],
    status: meeting.state === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    updatedAt: meeting.updatedAt,
  }
  return event
}

async function loadMeeting(db: Database, meetingId: string) {
  const [row] = await db
    .select({ meeting: meetings, organiserName: organisations.name })
    .from(meetings)
    .innerJoin(organisations, eq(organisations.id, meetings.organiserOrganisationId))
    .where(eq(meetings.id, meetingId))
  return row
}

/**
 * Sends the meeting to people: an invitation or an update (METHOD:REQUEST
 * with the meeting's sequence), a reminder to those whose organisation has
 * not answered, or a cancellation (METHOD:CANCEL) to everyone who was sent
 * something, and to people no longer invited (`gone`).
 */
export async function sendMeetingMail(
  db: Database,
  mailer: Mailer,
  options: {
    meetingId: string
    purpose: MailPurpose
    origin: string
    /** Where a calendar's answer goes: `meetingOrganizerEmail()`, a mailbox someone reads. */
    organizerEmail: string
    /** Only people not yet sent the meeting's current sequence (a retry, or those newly invited). */
    onlyBehind?: boolean
    gone?: GoneInvitee[]
    /** Who sent it: a reminder is recorded in the audit log in their name. */
    actorId?: string | null
  },
): Promise<SendOutcome> {
  const loaded = await loadMeeting(db, options.meetingId)
  if (!loaded) return { sent: 0, failed: 0 }
  const { meeting, organiserName } = loaded
  const organizer = organizerOf(options.organizerEmail, organiserName)

  const conditions = [eq(meetingInvitees.meetingId, meeting.id)]
  if (options.purpose === 'cancel') conditions.push(isNotNull(meetingInvitees.sentSequence))
  let pendingOrganisations: string[] = []
  if (options.purpose === 'reminder') {
    pendingOrganisations = (
      await db
        .select({ organisationId: meetingOrganisations.organisationId })
        .from(meetingOrganisations)
        .where(and(eq(meetingOrganisations.meetingId, meeting.id), eq(meetingOrganisations.answer, 'pending')))
    ).map((row) => row.organisationId)
    if (pendingOrganisations.length === 0) return { sent: 0, failed: 0 }
    conditions.push(inArray(meetingInvitees.organisationId, pendingOrganisations))
  }
  const invitees = await db
    .select({
      id: meetingInvitees.id,
      email: meetingInvitees.email,
      name: meetingInvitees.name,
      sentSequence: meetingInvitees.sentSequence,
      organisationName: organisations.name,
    })
    .from(meetingInvitees)
    .leftJoin(organisations, eq(organisations.id, meetingInvitees.organisationId))
    .where(and(...conditions))
    .orderBy(asc(meetingInvitees.email))
  const recipients: Recipient[] = invitees
    .filter((row) => !options.onlyBehind || row.sentSequence === null || row.sentSequence < meeting.sequence)
    .map((row) => ({ inviteeId: row.id, email: row.email, name: row.name, organisationName: row.organisationName }))
  for (const person of options.gone ?? []) {
    if (person.sentSequence !== null) {
      recipients.push({ inviteeId: null, email: person.email, name: person.name, organisationName: null })
    }
  }

  const outcome: SendOutcome = { sent: 0, failed: 0 }
  for (const recipient of recipients) {
    // People no longer invited get a cancellation, whatever the meeting's own state.
    const purpose: MailPurpose = recipient.inviteeId === null ? 'cancel' : options.purpose
    const method = purpose === 'cancel' ? 'CANCEL' : 'REQUEST'
    let answerLink: string | null = null
    if (recipient.inviteeId !== null && purpose !== 'cancel') {
      const token = generateToken()
      await db.insert(meetingAnswerLinks).values({ tokenHash: hashToken(token), inviteeId: recipient.inviteeId })
      answerLink = `${options.origin}/moten/svar/${token}`
    }
    const event = calendarEvent(
      recipient.inviteeId === null ? { ...meeting, state: 'cancelled' } : meeting,
      recipient,
      organizer,
      options.origin,
    )
    const { subject, text } = meetingMailText({
      purpose,
      meeting,
      organiserName,
      recipientName: recipient.name,
      organisationName: recipient.organisationName,
      answerLink,
      meetingLink: `${options.origin}/moten/${meeting.id}`,
    })
    try {
      await mailer.send(db, {
        to: recipient.email,
        subject,
        text,
        calendar: { method, content: invitationCalendar(event, method) },
      })
      outcome.sent++
      if (recipient.inviteeId !== null) {
        await db
          .update(meetingInvitees)
          .set({ sentSequence: meeting.sequence })
          .where(eq(meetingInvitees.id, recipient.inviteeId))
      }
    } catch {
      outcome.failed++
    }
  }
  if (options.purpose === 'reminder' && outcome.sent > 0) {
    await db.transaction(async (tx) => {
      await tx
        .update(meetingOrganisations)
        .set({ remindedAt: new Date() })
        .where(
          and(
            eq(meetingOrganisations.meetingId, meeting.id),
            inArray(meetingOrganisations.organisationId, pendingOrganisations),
          ),
        )
      await recordAudit(tx, {
        userId: options.actorId ?? null,
        organisationId: meeting.organiserOrganisationId,
        entity: 'meeting',
        entityId: meeting.id,
        action: 'remind',
        changes: {
          reminded: { before: null, after: { organisations: pendingOrganisations.length, sent: outcome.sent } },
        },
      })
    })
  }
  return outcome
}

/** How many invited people have not been sent the meeting as it is now (a failed send, or newly invited). */
export async function unsentCount(db: Database, meeting: Pick<Meeting, 'id' | 'sequence'>): Promise<number> {
  const rows = await db
    .select({ sentSequence: meetingInvitees.sentSequence })
    .from(meetingInvitees)
    .where(eq(meetingInvitees.meetingId, meeting.id))
  return rows.filter((row) => row.sentSequence === null || row.sentSequence < meeting.sequence).length
}
