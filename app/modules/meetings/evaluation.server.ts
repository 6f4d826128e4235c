import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { meetingEvaluationResponses, type Meeting } from '~/db/schema/meetings'
import { organisations } from '~/db/schema/organisations'
import { memberships, users } from '~/db/schema/users'
import { diffFields, recordAudit } from '~/modules/audit/audit.server'
import type { Mailer } from '~/modules/mail/mailer.server'
import type { SaveResult } from '~/modules/records/versioned.server'
import {
  evaluationQuestions,
  formatAverage,
  summariseEvaluation,
  type EvaluationAnswerInput,
  type EvaluationSummary,
} from './evaluation'
import { lockMeeting, updateMeetingColumns } from './meeting-record.server'

type ResponseRow = typeof meetingEvaluationResponses.$inferSelect

export function listEvaluationResponses(db: Executor, meetingId: string) {
  return db
    .select({
      ratings: meetingEvaluationResponses.ratings,
      comment: meetingEvaluationResponses.comment,
      organisationName: organisations.name,
    })
    .from(meetingEvaluationResponses)
    .leftJoin(organisations, eq(organisations.id, meetingEvaluationResponses.organisationId))
    .where(eq(meetingEvaluationResponses.meetingId, meetingId))
    .orderBy(asc(meetingEvaluationResponses.createdAt))
}

export async function getEvaluationSummary(db: Executor, meetingId: string): Promise<EvaluationSummary> {
  return summariseEvaluation(await listEvaluationResponses(db, meetingId))
}

export async function getOwnResponse(
  db: Executor,
  meetingId: string,
  userId: string,
): Promise<ResponseRow | undefined> {
  const [row] = await db
    .select()
    .from(meetingEvaluationResponses)
    .where(and(eq(meetingEvaluationResponses.meetingId, meetingId), eq(meetingEvaluationResponses.userId, userId)))
  return row
}

export type AnswerResult = SaveResult<ResponseRow> | { ok: false; error: 'closed' }

/**
 * A participant's answer: new when `version` is 0, else a change of the one
 * they gave. Refused once the evaluation is shared (checked on the locked
 * meeting row), and a conflict when someone (the same person in another tab)
 * saved in between.
 */
export async function saveEvaluationAnswer(
  db: Database,
  input: { actorId: string; meetingId: string; organisationId: string | null; version: number } & EvaluationAnswerInput,
): Promise<AnswerResult> {
  const audited = ['ratings', 'comment'] as const
  return db.transaction(async (tx): Promise<AnswerResult> => {
    const meeting = await lockMeeting(tx, input.meetingId)
    if (!meeting) return { ok: false, error: 'notFound' }
    if (meeting.evaluationSharedAt) return { ok: false, error: 'closed' }
    const [before] = await tx
      .select()
      .from(meetingEvaluationResponses)
      .where(
        and(
          eq(meetingEvaluationResponses.meetingId, input.meetingId),
          eq(meetingEvaluationResponses.userId, input.actorId),
        ),
      )
      .for('update')
    if ((before?.version ?? 0) !== input.version) {
      return before ? { ok: false, error: 'conflict', current: before } : { ok: false, error: 'notFound' }
    }
    const after = before
      ? (
          await tx
            .update(meetingEvaluationResponses)
            .set({
              ratings: input.ratings,
              comment: input.comment,
              updatedAt: new Date(),
              version: sql`${meetingEvaluationResponses.version} + 1`,
            })
            .where(eq(meetingEvaluationResponses.id, before.id))
            .returning()
        )[0]!
      : (
          await tx
            .insert(meetingEvaluationResponses)
            .values({
              meetingId: input.meetingId,
              userId: input.actorId,
              organisationId: input.organisationId,
              ratings: input.ratings,
              comment: input.comment,
            })
            .returning()
        )[0]!
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: input.organisationId,
      entity: 'meeting_evaluation_response',
      entityId: after.id,
      action: before ? 'update' : 'create',
      changes: diffFields(before ?? null, after, audited),
    })
    return { ok: true, record: after }
  })
}

/** The coordinator's own account: what worked and what to improve. */
export function saveEvaluationNotes(
  db: Database,
  input: { actorId: string; meetingId: string; version: number; worked: string; improve: string },
) {
  return updateMeetingColumns(db, {
    ...input,
    action: 'evaluation',
    audited: ['evaluationWorked', 'evaluationImprove'],
    set: () => ({ evaluationWorked: input.worked, evaluationImprove: input.improve }),
  })
}

/** Shares the evaluation with the participants: from now on they read the summary, and their answers are final. */
export function shareEvaluation(db: Database, input: { actorId: string; meetingId: string; version: number }) {
  return updateMeetingColumns(db, {
    ...input,
    action: 'evaluation_shared',
    audited: ['evaluationSharedAt'],
    set: (before) => ({ evaluationSharedAt: before.evaluationSharedAt ?? new Date() }),
  })
}

/** The active users of the given organisations, once each. */
export async function recipientsOf(db: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return []
  const rows = await db
    .selectDistinct({ email: users.email, name: users.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(inArray(memberships.organisationId, [...organisationIds]), eq(users.active, true)))
    .orderBy(asc(users.email))
  return rows
}

/** The mail's text, in Swedish: the portal's first language, and the one its partners read. */
export function evaluationMailText(input: {
  meeting: Pick<Meeting, 'title' | 'evaluationWorked' | 'evaluationImprove'>
  summary: EvaluationSummary
  questionText: (key: (typeof evaluationQuestions)[number]) => string
  link: string
}): { subject: string; text: string } {
  const { meeting, summary } = input
  const lines = [
    `Utvärderingen av ”${meeting.title}” är klar och delas med er som deltog.`,
    '',
    'Det här fungerade bra:',
    meeting.evaluationWorked.trim() || '–',
    '',
    'Det här ska vi förbättra:',
    meeting.evaluationImprove.trim() || '–',
    '',
    `Enkätsvar: ${summary.count}`,
    ...summary.questions.map(
      (question) =>
        `– ${input.questionText(question.key)}: ${formatAverage(question.average, 'sv')} av 5 (${question.answered} svar)`,
    ),
    '',
    `Hela utvärderingen finns i portalen: ${input.link}`,
  ]
  return { subject: `Utvärdering: ${meeting.title}`, text: lines.join('\n') }
}

export interface MailOutcome {
  sent: number
  failed: string[]
}

/** Sends the shared evaluation to the meeting's organisations' users: audited first, then sent after the commit. */
export async function mailEvaluation(
  db: Database,
  mailer: Mailer,
  input: {
    actorId: string
    meeting: Meeting & { organisationIds: string[] }
    message: { subject: string; text: string }
  },
): Promise<MailOutcome> {
  const recipients = await recipientsOf(db, input.meeting.organisationIds)
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: input.meeting.organiserOrganisationId,
      entity: 'meeting',
      entityId: input.meeting.id,
      action: 'evaluation_mailed',
      changes: { recipients: { before: null, after: recipients.map((recipient) => recipient.email) } },
    })
  })
  const outcome: MailOutcome = { sent: 0, failed: [] }
  for (const recipient of recipients) {
    try {
      await mailer.send(db, { to: recipient.email, ...input.message })
      outcome.sent++
    } catch {
      outcome.failed.push(recipient.email)
    }
  }
  return outcome
}
