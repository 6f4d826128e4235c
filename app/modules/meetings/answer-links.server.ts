import { and, eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { meetingAnswerLinks, meetingInvitees, meetings, type Meeting } from '~/db/schema/meetings'
import { memberships, users } from '~/db/schema/users'
import { hashToken } from '~/modules/auth/tokens.server'
import { invitedOrganisations, invitedRoles } from './meetings.server'

// The answer link in an invitation is a credential of its own: whoever holds
// it answers for the invitation's organisation without signing in. It stands
// for the access the person had when it was sent, so every use asks again
// whether that access still holds, whatever path ended it (a deactivated
// account, a membership removed or turned into an informant's, the
// organisation no longer invited); and it closes when the meeting has ended,
// since an answer after that changes nothing anyone acts on.

/** Whether a meeting still takes answers by link: until it has ended. */
export function answerLinkOpen(meeting: Pick<Meeting, 'endsAt'>, now: Date): boolean {
  return now.getTime() < meeting.endsAt.getTime()
}

/** The invitation behind an answer link that still opens, with the organisation's current answer; null otherwise. */
export async function findOpenAnswerLink(db: Executor, token: string, now = new Date()) {
  const [found] = await db
    .select({ invitee: meetingInvitees, meeting: meetings })
    .from(meetingAnswerLinks)
    .innerJoin(meetingInvitees, eq(meetingInvitees.id, meetingAnswerLinks.inviteeId))
    .innerJoin(meetings, eq(meetings.id, meetingInvitees.meetingId))
    .where(eq(meetingAnswerLinks.tokenHash, hashToken(token)))
  const organisationId = found?.invitee.organisationId
  if (!found || !organisationId || !answerLinkOpen(found.meeting, now)) return null
  const answer = (await invitedOrganisations(db, found.meeting.id)).find((row) => row.organisationId === organisationId)
  if (!answer) return null
  // A link sent to an organisation's shared mailbox has no user; one sent to a person needs that person still there.
  if (found.invitee.userId !== null) {
    const [membership] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.userId, found.invitee.userId),
          eq(memberships.organisationId, organisationId),
          eq(users.active, true),
        ),
      )
    if (!membership || !(invitedRoles as readonly string[]).includes(membership.role)) return null
  }
  return { invitee: { ...found.invitee, organisationId }, meeting: found.meeting, answer }
}
