import type { Params } from '@remix-run/react'
import { getDb } from '~/db/app-db.server'
import type { Database } from '~/db/client.server'
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

/** What the pages' heading and navigation need of the meeting. */
export function meetingHeading(meeting: MeetingWithScope) {
  return { id: meeting.id, title: meeting.title, kind: meeting.kind }
}
