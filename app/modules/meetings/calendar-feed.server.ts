import { and, asc, eq, gte, inArray, or, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { calendarFeeds, meetingOrganisations, meetings } from '~/db/schema/meetings'
import { organisations } from '~/db/schema/organisations'
import { memberships, users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import { generateToken, hashToken } from '~/modules/auth/tokens.server'
import { stockholmToday } from '~/modules/mandate/deliverable-state'
import { deliverableFeedEvents } from '~/modules/mandate/feed.server'
import { feedCalendar, type CalendarEvent } from './icalendar'

// A subscribable calendar of one's meetings. Calendar apps cannot sign in, so
// the address carries a secret; only its hash is kept, a new one replaces the
// old, and the feed holds only what the user may read anyway.

/** How far back the feed reaches: a calendar keeps what it once showed. */
const FEED_DAYS_BACK = 90

export async function calendarFeedCreatedAt(db: Executor, userId: string): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId))
  return row?.createdAt ?? null
}

/** A new secret for the user's feed, replacing any earlier one; returned once, never stored. */
export async function createCalendarFeed(db: Database, userId: string): Promise<string> {
  const token = generateToken()
  await db.transaction(async (tx) => {
    await tx
      .insert(calendarFeeds)
      .values({ userId, tokenHash: hashToken(token) })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: hashToken(token), createdAt: new Date() } })
    await recordAudit(tx, {
      userId,
      organisationId: null,
      entity: 'calendar_feed',
      entityId: userId,
      action: 'create',
      changes: {},
    })
  })
  return token
}

/**
 * The feed behind a secret: the meetings of the user's organisations (the
 * coordinator's: all), from 90 days back, cancelled ones marked so, and the
 * due dates of the mandate deliverables the user may read. Asked
 * afresh at every fetch, so it ends with the user's access: null (a 404) for
 * an unknown secret, a deactivated user, or one with no membership left that
 * reads meetings (none, or only an informant's).
 */
export async function calendarFeedFor(
  db: Executor,
  token: string,
  origin: string,
  organizerEmail: string,
): Promise<string | null> {
  const [owner] = await db
    .select({ userId: users.id, active: users.active })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hashToken(token)))
  if (!owner?.active) return null
  const roles = await db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, owner.userId))
  const readers = roles.filter((m) => m.role !== 'informant')
  if (readers.length === 0) return null
  const coordinator = readers.some((m) => m.role === 'coordinator')
  const own = [...new Set(readers.map((m) => m.organisationId))]
  const since = new Date(Date.now() - FEED_DAYS_BACK * 86_400_000)
  const visible = coordinator
    ? undefined
    : or(
        inArray(meetings.organiserOrganisationId, own),
        sql`exists (select 1 from ${meetingOrganisations} mo where mo.meeting_id = ${meetings.id}
          and mo.organisation_id = any(${`{${own.join(',')}}`}::uuid[]))`,
      )
  const rows = await db
    .select({ meeting: meetings, organiserName: organisations.name })
    .from(meetings)
    .innerJoin(organisations, eq(organisations.id, meetings.organiserOrganisationId))
    .where(visible ? and(gte(meetings.endsAt, since), visible) : gte(meetings.endsAt, since))
    .orderBy(asc(meetings.startsAt))
    .limit(1000)
  const events: CalendarEvent[] = rows.map(({ meeting, organiserName }) => ({
    uid: meeting.uid,
    sequence: meeting.sequence,
    start: meeting.startsAt,
    end: meeting.endsAt,
    title: meeting.title,
    description: meeting.description,
    location: meeting.place || meeting.videoLink || undefined,
    url: `${origin}/moten/${meeting.id}`,
    organizer: { name: organiserName, email: organizerEmail },
    attendees: [],
    status: meeting.state === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    updatedAt: meeting.updatedAt,
  }))
  const deliverables = await deliverableFeedEvents(
    db,
    { id: owner.userId, memberships: roles },
    { since: stockholmToday(since), today: stockholmToday(), origin },
  )
  return feedCalendar([...events, ...deliverables], { name: 'Möten – Områdesansvarsportalen' })
}
