import { and, asc, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import type { MeetingAnswer } from '~/db/enums'
import { meetingInvitees, meetingOrganisations, meetings, type Meeting } from '~/db/schema/meetings'
import { organisations } from '~/db/schema/organisations'
import { contactRoutes, networkMembers } from '~/db/schema/registry'
import { memberships, users } from '~/db/schema/users'
import { diffFields, recordAudit } from '~/modules/audit/audit.server'
import { isCoordinator, type Actor } from '~/modules/auth/permissions'
import { createAudited, updateVersioned, type SaveResult } from '~/modules/records/versioned.server'
import type { MeetingFields } from './meeting-form'
import { lockMeeting, updateMeetingColumns } from './meeting-record.server'

// Convening, changing and cancelling meetings, and who is invited. Sending
// the invitations is invitations.server.ts's: these functions only write,
// in one transaction with their audit entries.

const auditedFields = [
  'kind',
  'title',
  'theme',
  'description',
  'agenda',
  'startsAt',
  'endsAt',
  'place',
  'videoLink',
  'networkId',
  'scenarioId',
  'state',
  'sequence',
] as const

/** What changes a calendar entry: a change here is sent to everyone invited, with a higher SEQUENCE. */
const calendarFields = ['title', 'description', 'startsAt', 'endsAt', 'place', 'videoLink', 'agenda'] as const

/** Roles that receive invitations: an informant reports to the council, and is not part of the network's meetings. */
export const invitedRoles = ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer'] as const

/** The organisations invited: the network's members, those picked, and the picked people's. */
async function invitedOrganisationIds(tx: Executor, fields: MeetingFields): Promise<string[]> {
  const ids = new Set(fields.organisationIds)
  if (fields.networkId) {
    const members = await tx
      .select({ organisationId: networkMembers.organisationId })
      .from(networkMembers)
      .where(eq(networkMembers.networkId, fields.networkId))
    for (const member of members) ids.add(member.organisationId)
  }
  if (fields.personIds.length > 0) {
    const rows = await tx
      .select({ organisationId: memberships.organisationId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          inArray(memberships.userId, fields.personIds),
          inArray(memberships.role, [...invitedRoles]),
          eq(users.active, true),
        ),
      )
    for (const row of rows) ids.add(row.organisationId)
  }
  if (ids.size === 0) return []
  // Only organisations that exist: a stale form may name a deleted one.
  const existing = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]))
  return existing.map((row) => row.id).sort()
}

interface InviteeRow {
  organisationId: string
  userId: string | null
  email: string
  name: string
}

/** For an organisation without portal users: its shared mailbox for crisis matters, in this order. */
const mailboxFunctions = ['security_coordinator', 'crisis_management', 'duty_officer', 'switchboard'] as const

/**
 * Every active user of the invited organisations (not informants); for an
 * invited organisation with no such user, its first shared e-mail route for
 * crisis matters, so a network member without accounts is still invited.
 * Once each by e-mail address.
 */
export async function inviteesOf(tx: Executor, organisationIds: string[]): Promise<InviteeRow[]> {
  if (organisationIds.length === 0) return []
  const people: InviteeRow[] = await tx
    .select({
      organisationId: memberships.organisationId,
      userId: users.id,
      email: users.email,
      name: users.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.organisationId, organisationIds),
        inArray(memberships.role, [...invitedRoles]),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.email), asc(memberships.organisationId))
  const withPeople = new Set(people.map((row) => row.organisationId))
  const without = organisationIds.filter((id) => !withPeople.has(id))
  if (without.length > 0) {
    const mailboxes = await tx
      .select({
        organisationId: contactRoutes.organisationId,
        function: contactRoutes.function,
        email: contactRoutes.value,
        label: contactRoutes.label,
        organisationName: organisations.name,
      })
      .from(contactRoutes)
      .innerJoin(organisations, eq(organisations.id, contactRoutes.organisationId))
      .where(
        and(
          inArray(contactRoutes.organisationId, without),
          eq(contactRoutes.channel, 'email'),
          eq(contactRoutes.visibility, 'network'),
          inArray(contactRoutes.function, [...mailboxFunctions]),
        ),
      )
      .orderBy(asc(contactRoutes.callOrder), asc(contactRoutes.id))
    for (const organisationId of without) {
      const rank = (fn: string) => mailboxFunctions.indexOf(fn as (typeof mailboxFunctions)[number])
      const best = mailboxes
        .filter((row) => row.organisationId === organisationId && /^[^\s@]+@[^\s@]+$/.test(row.email.trim()))
        .sort((a, b) => rank(a.function) - rank(b.function))[0]
      if (best) {
        people.push({ organisationId, userId: null, email: best.email.trim(), name: best.organisationName })
      }
    }
  }
  const seen = new Set<string>()
  return people.filter((row) => {
    const key = row.email.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Brings the invited organisations and people in line with the form: new
 * ones are added (with a fresh answer-link secret), those no longer invited
 * are removed. Returns the removed people, who get a cancellation.
 */
async function syncInvitations(tx: Transaction, meetingId: string, organisationIds: string[]) {
  const before = await tx
    .select({ organisationId: meetingOrganisations.organisationId })
    .from(meetingOrganisations)
    .where(eq(meetingOrganisations.meetingId, meetingId))
  const had = new Set(before.map((row) => row.organisationId))
  const wanted = new Set(organisationIds)
  const added = organisationIds.filter((id) => !had.has(id))
  const removed = [...had].filter((id) => !wanted.has(id))
  if (added.length > 0) {
    await tx.insert(meetingOrganisations).values(added.map((organisationId) => ({ meetingId, organisationId })))
  }
  if (removed.length > 0) {
    await tx
      .delete(meetingOrganisations)
      .where(and(eq(meetingOrganisations.meetingId, meetingId), inArray(meetingOrganisations.organisationId, removed)))
  }

  const people = await inviteesOf(tx, organisationIds)
  const current = await tx.select().from(meetingInvitees).where(eq(meetingInvitees.meetingId, meetingId))
  const currentByEmail = new Map(current.map((row) => [row.email.toLowerCase(), row]))
  const wantedEmails = new Set(people.map((person) => person.email.toLowerCase()))
  const newPeople = people.filter((person) => !currentByEmail.has(person.email.toLowerCase()))
  if (newPeople.length > 0) {
    await tx.insert(meetingInvitees).values(
      newPeople.map((person) => ({
        meetingId,
        organisationId: person.organisationId,
        userId: person.userId,
        email: person.email,
        name: person.name,
      })),
    )
  }
  const gone = current.filter((row) => !wantedEmails.has(row.email.toLowerCase()))
  if (gone.length > 0) {
    await tx.delete(meetingInvitees).where(
      inArray(
        meetingInvitees.id,
        gone.map((row) => row.id),
      ),
    )
  }
  return { added, removed, gone }
}

export interface GoneInvitee {
  email: string
  name: string
  sentSequence: number | null
}

export async function createMeeting(
  db: Database,
  input: { actorId: string; organiserOrganisationId: string } & MeetingFields,
): Promise<Meeting> {
  const { actorId, organisationIds: _picked, personIds: _people, ...fields } = input
  return createAudited(db, {
    write: async (tx) => {
      const organisationIds = await invitedOrganisationIds(tx, input)
      const [meeting] = await tx
        .insert(meetings)
        .values({
          ...fields,
          createdBy: actorId,
          uid: `${crypto.randomUUID()}@omradesansvarsportalen`,
        })
        .returning()
      await syncInvitations(tx, meeting!.id, organisationIds)
      return meeting!
    },
    audit: (created) => ({
      userId: actorId,
      organisationId: created.organiserOrganisationId,
      entity: 'meeting',
      entityId: created.id,
      action: 'create',
      changes: diffFields(null, created, auditedFields),
    }),
  })
}

export type MeetingSaveResult = SaveResult<Meeting> & { gone?: GoneInvitee[]; calendarChanged?: boolean }

/**
 * Saves a changed meeting. A change to what a calendar shows raises the
 * sequence, so the update replaces the entry in the invitees' calendars.
 */
export async function updateMeeting(
  db: Database,
  input: { actorId: string; id: string; version: number } & MeetingFields,
): Promise<MeetingSaveResult> {
  const { actorId, id, version, organisationIds: _picked, personIds: _people, ...fields } = input
  let gone: GoneInvitee[] = []
  let calendarChanged = false
  const result = await updateVersioned(db, {
    expectedVersion: version,
    load: (tx) => lockMeeting(tx, id),
    write: async (tx, before) => {
      if (before.state === 'cancelled') return before
      calendarChanged = Object.keys(diffFields(before, { ...before, ...fields }, calendarFields)).length > 0
      const [after] = await tx
        .update(meetings)
        .set({
          ...fields,
          sequence: calendarChanged ? before.sequence + 1 : before.sequence,
          updatedAt: new Date(),
          version: sql`${meetings.version} + 1`,
        })
        .where(eq(meetings.id, id))
        .returning()
      const organisationIds = await invitedOrganisationIds(tx, input)
      const synced = await syncInvitations(tx, id, organisationIds)
      gone = synced.gone.map((row) => ({ email: row.email, name: row.name, sentSequence: row.sentSequence }))
      return after!
    },
    audit: (before, after) => ({
      userId: actorId,
      organisationId: after.organiserOrganisationId,
      entity: 'meeting',
      entityId: id,
      action: 'update',
      changes: diffFields(before, after, auditedFields),
    }),
  })
  return { ...result, gone, calendarChanged }
}

/** Cancels a meeting: it stays, marked cancelled, and everyone invited gets a cancellation. */
export function cancelMeeting(
  db: Database,
  input: { actorId: string; id: string; version: number },
): Promise<SaveResult<Meeting>> {
  return updateMeetingColumns(db, {
    actorId: input.actorId,
    meetingId: input.id,
    version: input.version,
    action: 'cancel',
    audited: auditedFields,
    set: (before) => (before.state === 'cancelled' ? null : { state: 'cancelled', sequence: before.sequence + 1 }),
  })
}

export interface MeetingListItem {
  id: string
  kind: Meeting['kind']
  title: string
  startsAt: Date
  endsAt: Date
  place: string
  state: Meeting['state']
  organiserName: string
  invitedCount: number
  answeredCount: number
}

/** Meetings the actor may read, upcoming first (soonest first) or past (latest first). */
export async function listMeetings(
  db: Executor,
  actor: Actor,
  options: { when: 'upcoming' | 'past'; now?: Date; limit?: number },
): Promise<MeetingListItem[]> {
  const now = options.now ?? new Date()
  // As `can('meeting.read')`: the organisations where the actor is more than an informant.
  const own = [...new Set(actor.memberships.filter((m) => m.role !== 'informant').map((m) => m.organisationId))]
  const visible = isCoordinator(actor)
    ? undefined
    : or(
        inArray(meetings.organiserOrganisationId, own.length ? own : ['00000000-0000-0000-0000-000000000000']),
        sql`exists (select 1 from ${meetingOrganisations} mo where mo.meeting_id = ${meetings.id}
          and mo.organisation_id = any(${`{${own.join(',')}}`}::uuid[]))`,
      )
  const when = options.when === 'upcoming' ? gte(meetings.endsAt, now) : lt(meetings.endsAt, now)
  const rows = await db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      place: meetings.place,
      state: meetings.state,
      organiserName: organisations.name,
      invitedCount: sql<number>`(select count(*)::int from ${meetingOrganisations} mo where mo.meeting_id = ${meetings.id})`,
      answeredCount: sql<number>`(select count(*)::int from ${meetingOrganisations} mo
        where mo.meeting_id = ${meetings.id} and mo.answer <> 'pending')`,
    })
    .from(meetings)
    .innerJoin(organisations, eq(organisations.id, meetings.organiserOrganisationId))
    .where(visible ? and(when, visible) : when)
    .orderBy(options.when === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt), asc(meetings.id))
    .limit(options.limit ?? 200)
  return rows
}

export interface InvitedOrganisation {
  organisationId: string
  name: string
  answer: MeetingAnswer
  attendees: string
  answeredAt: Date | null
  remindedAt: Date | null
  version: number
  invitees: number
}

/** The invited organisations with their answers, by name. */
export async function invitedOrganisations(db: Executor, meetingId: string): Promise<InvitedOrganisation[]> {
  return db
    .select({
      organisationId: meetingOrganisations.organisationId,
      name: organisations.name,
      answer: meetingOrganisations.answer,
      attendees: meetingOrganisations.attendees,
      answeredAt: meetingOrganisations.answeredAt,
      remindedAt: meetingOrganisations.remindedAt,
      version: meetingOrganisations.version,
      invitees: sql<number>`(select count(*)::int from ${meetingInvitees} i
        where i.meeting_id = ${meetingOrganisations.meetingId} and i.organisation_id = ${meetingOrganisations.organisationId})`,
    })
    .from(meetingOrganisations)
    .innerJoin(organisations, eq(organisations.id, meetingOrganisations.organisationId))
    .where(eq(meetingOrganisations.meetingId, meetingId))
    .orderBy(asc(organisations.name))
}

export type AnswerResult =
  | { ok: true }
  | { ok: false; error: 'notFound' | 'cancelled' }
  | { ok: false; error: 'conflict'; current: InvitedOrganisation }

/**
 * An organisation's answer: attending or not, and who attends for it. With a
 * version (from the portal's form) a stale one is a conflict; an answer from
 * the e-mail's link has none and simply replaces the answer.
 */
export async function answerInvitation(
  db: Database,
  input: {
    meetingId: string
    organisationId: string
    answer: Exclude<MeetingAnswer, 'pending'>
    attendees: string
    userId: string | null
    version: number | null
    via: 'portal' | 'link'
  },
): Promise<AnswerResult> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select({ state: meetings.state }).from(meetings).where(eq(meetings.id, input.meetingId))
    if (!meeting) return { ok: false as const, error: 'notFound' as const }
    if (meeting.state === 'cancelled') return { ok: false as const, error: 'cancelled' as const }
    const where = and(
      eq(meetingOrganisations.meetingId, input.meetingId),
      eq(meetingOrganisations.organisationId, input.organisationId),
    )
    const [before] = await tx.select().from(meetingOrganisations).where(where).for('update')
    if (!before) return { ok: false as const, error: 'notFound' as const }
    if (input.version !== null && before.version !== input.version) {
      const current = (await invitedOrganisations(tx, input.meetingId)).find(
        (row) => row.organisationId === input.organisationId,
      )!
      return { ok: false as const, error: 'conflict' as const, current }
    }
    const [after] = await tx
      .update(meetingOrganisations)
      .set({
        answer: input.answer,
        attendees: input.attendees,
        answeredBy: input.userId,
        answeredAt: new Date(),
        version: sql`${meetingOrganisations.version} + 1`,
      })
      .where(where)
      .returning()
    await recordAudit(tx, {
      userId: input.userId,
      organisationId: input.organisationId,
      entity: 'meeting_answer',
      entityId: `${input.meetingId}/${input.organisationId}`,
      action: input.via === 'link' ? 'answer_by_link' : 'answer',
      changes: diffFields(before, after!, ['answer', 'attendees'] as const),
    })
    return { ok: true as const }
  })
}
