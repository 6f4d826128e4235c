import type { Params } from '@remix-run/react'
import { eq } from 'drizzle-orm'
import { getDb } from '~/db/app-db.server'
import type { Database, Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { requireUser } from '~/modules/auth/guards.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { requireUuid } from '~/modules/http/responses'
import {
  canManageMeeting,
  requireManageableMeeting,
  requireReadableMeeting,
  type MeetingWithScope,
} from './meeting-access.server'

export interface FollowUpContext {
  user: SessionUser
  db: Database
  meeting: MeetingWithScope
  manage: boolean
}

/** The signed-in user and a meeting they may read (404 otherwise), for the pages under a meeting. */
export async function readableFollowUp(request: Request, params: Params): Promise<FollowUpContext> {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const meeting = await requireReadableMeeting(db, user, id)
  return { user, db, meeting, manage: canManageMeeting(user, meeting) }
}

/** The same for a change only the coordinator makes: 404 if the meeting is not readable, 403 if not theirs to record. */
export async function manageableFollowUp(request: Request, params: Params): Promise<FollowUpContext> {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const meeting = await requireManageableMeeting(db, user, id)
  return { user, db, meeting, manage: true }
}

/** What a page under the meeting names itself and links by. */
export function meetingHeading(meeting: MeetingWithScope) {
  return { id: meeting.id, title: meeting.title, kind: meeting.kind }
}

/** What the meeting's header shows on each of its pages. */
export async function meetingHeader(db: Executor, meeting: MeetingWithScope) {
  const [organiser] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, meeting.organiserOrganisationId))
  return { ...meetingHeading(meeting), organiserName: organiser?.name ?? '' }
}
