import { eq, inArray } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { meetingOrganisations, meetings, type Meeting } from '~/db/schema/meetings'
import { assertPermission } from '~/modules/auth/guards.server'
import { can, type Actor } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { notFound } from '~/modules/http/responses'

// Who may see or change a meeting is decided by the organisations invited to
// it (and the organiser), through `can`.

export interface MeetingWithScope extends Meeting {
  /** The organiser and every invited organisation. */
  organisationIds: string[]
}

export async function getMeetingWithScope(db: Executor, id: string): Promise<MeetingWithScope | undefined> {
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, id))
  if (!meeting) return undefined
  const invited = await db
    .select({ organisationId: meetingOrganisations.organisationId })
    .from(meetingOrganisations)
    .where(eq(meetingOrganisations.meetingId, id))
  const organisationIds = [...new Set([meeting.organiserOrganisationId, ...invited.map((row) => row.organisationId)])]
  return { ...meeting, organisationIds }
}

/** The organiser and the invited organisations of each meeting, by meeting id. */
export async function meetingScopes(db: Executor, meetingIds: readonly string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(meetingIds)]
  if (ids.length === 0) return new Map()
  const scopes = new Map<string, Set<string>>()
  const organisers = await db
    .select({ id: meetings.id, organisationId: meetings.organiserOrganisationId })
    .from(meetings)
    .where(inArray(meetings.id, ids))
  for (const row of organisers) scopes.set(row.id, new Set([row.organisationId]))
  const invited = await db
    .select({ id: meetingOrganisations.meetingId, organisationId: meetingOrganisations.organisationId })
    .from(meetingOrganisations)
    .where(inArray(meetingOrganisations.meetingId, ids))
  for (const row of invited) scopes.get(row.id)?.add(row.organisationId)
  return new Map([...scopes].map(([id, organisationIds]) => [id, [...organisationIds]]))
}

/** Whether the actor may read a meeting with this scope: the one rule, through `can`. */
export function canReadMeeting(actor: Actor, meeting: Pick<MeetingWithScope, 'organisationIds'>): boolean {
  return can(actor, 'meeting.read', { organisationIds: meeting.organisationIds })
}

/** A meeting the user may read; one the user's organisations are not invited to is not found (404), like a missing one. */
export async function requireReadableMeeting(db: Executor, user: SessionUser, id: string): Promise<MeetingWithScope> {
  const meeting = await getMeetingWithScope(db, id)
  if (!meeting || !canReadMeeting(user, meeting)) {
    throw notFound()
  }
  return meeting
}

/** A meeting the user may convene, change and record (the coordinator). */
export async function requireManageableMeeting(db: Executor, user: SessionUser, id: string): Promise<MeetingWithScope> {
  const meeting = await requireReadableMeeting(db, user, id)
  assertPermission(user, 'meeting.manage', { organisationIds: meeting.organisationIds })
  return meeting
}

export function canManageMeeting(user: SessionUser, meeting: Pick<MeetingWithScope, 'organisationIds'>): boolean {
  return can(user, 'meeting.manage', { organisationIds: meeting.organisationIds })
}

/** The user's organisations that were invited and for which the user may answer (an editor's own). */
export function answerableOrganisationIds(
  user: SessionUser,
  meeting: Pick<MeetingWithScope, 'organisationIds'>,
): string[] {
  return [...new Set(user.memberships.map((m) => m.organisationId))].filter((organisationId) =>
    can(user, 'meeting.answer', { organisationId, organisationIds: meeting.organisationIds }),
  )
}

/** The organisation a new meeting is organised by: the coordinator's own. */
export function organiserFor(user: SessionUser): string | null {
  return user.memberships.find((m) => m.role === 'coordinator')?.organisationId ?? null
}
