import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { ActionItemList } from '~/components/meetings/action-item-list'
import { FollowUpNav, type MeetingPageHandle } from '~/components/meetings/meeting-header'
import { AnswerForm, AnswersTable, listOf } from '~/components/meetings/meeting-answers'
import { meetingOrganizerEmail, portalOrigin } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { scenarios } from '~/db/schema/scenarios'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { assertPermission, requireUser } from '~/modules/auth/guards.server'
import { readFlash } from '~/modules/http/flash.server'
import { notFound, requireUuid } from '~/modules/http/responses'
import { getMailer } from '~/modules/mail/mailer.server'
import { sendMeetingMail, unsentCount } from '~/modules/meetings/invitations.server'
import { afterMailing } from '~/modules/meetings/mailed-notice'
import {
  answerableOrganisationIds,
  canManageMeeting,
  requireReadableMeeting,
  type MeetingWithScope,
} from '~/modules/meetings/meeting-access.server'
import { stockholmToday } from '~/modules/meetings/action-item-state'
import { followUpSections } from '~/modules/meetings/follow-up-sections'
import { openActionItemsOfEarlierMeetings } from '~/modules/meetings/action-items.server'
import { readAnswer } from '~/modules/meetings/answer-form'
import { meetingWhen } from '~/modules/meetings/meeting-when'
import { answerInvitation, invitedOrganisations } from '~/modules/meetings/meetings.server'
import { eq } from 'drizzle-orm'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'
import type { Database } from '~/db/client.server'
import type { SessionUser } from '~/modules/auth/sessions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const meeting = await requireReadableMeeting(db, user, id)
  const manage = canManageMeeting(user, meeting)
  const [answers, scenario, unsent, earlierItems] = await Promise.all([
    invitedOrganisations(db, id),
    meeting.scenarioId
      ? db
          .select({ id: scenarios.id, name: scenarios.name, state: scenarios.state })
          .from(scenarios)
          .where(eq(scenarios.id, meeting.scenarioId))
      : Promise.resolve([]),
    manage ? unsentCount(db, meeting) : Promise.resolve(0),
    openActionItemsOfEarlierMeetings(db, user, id),
  ])
  const answerable = new Set(answerableOrganisationIds(user, meeting))
  return {
    meeting: {
      id,
      kind: meeting.kind,
      title: meeting.title,
      theme: meeting.theme,
      description: meeting.description,
      agenda: meeting.agenda,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      place: meeting.place,
      videoLink: meeting.videoLink,
      state: meeting.state,
      // A draft scenario is its organisation's: only a shared one is linked for everyone.
      scenario: scenario[0]?.state === 'shared' ? { id: scenario[0].id, name: scenario[0].name } : null,
    },
    answers,
    // Invited, but nobody there gets the invitation: no portal user and no crisis mailbox.
    unreachable: answers.filter((row) => row.invitees === 0).map((row) => row.name),
    ownAnswers: answers.filter((row) => answerable.has(row.organisationId)),
    manage,
    unsent,
    earlierItems,
    today: stockholmToday(),
    // The root shows the notice of the save that led here (and clears it); this page adds what went wrong.
    mailed: afterMailing(readFlash(request).notice),
  }
}

interface MeetingAction {
  user: SessionUser
  db: Database
  meeting: MeetingWithScope
  form: FormData
}

async function answer({ user, db, meeting, form }: MeetingAction) {
  const answer = readAnswer(form)
  assertPermission(user, 'meeting.answer', {
    organisationId: answer.organisationId,
    organisationIds: meeting.organisationIds,
  })
  if (!answer.ok)
    return data(
      { kind: 'answer' as const, organisationId: answer.organisationId, error: answer.error, current: null },
      { status: 400 },
    )
  const result = await answerInvitation(db, {
    meetingId: meeting.id,
    // A malformed id reaches the database otherwise; no invited organisation has one.
    organisationId: requireUuid(answer.organisationId),
    answer: answer.answer,
    attendees: answer.attendees,
    userId: user.id,
    version: answer.version,
    via: 'portal',
  })
  if (result.ok) return { kind: 'answered' as const }
  if (result.error === 'conflict') {
    return data(
      { kind: 'answer' as const, organisationId: answer.organisationId, error: null, current: result.current },
      { status: 409 },
    )
  }
  if (result.error === 'cancelled') return data({ kind: 'cancelled' as const }, { status: 409 })
  throw notFound()
}

async function sendMail({ user, db, meeting }: MeetingAction, intent: 'remind' | 'resend') {
  assertPermission(user, 'meeting.manage', { organisationIds: meeting.organisationIds })
  if (meeting.state === 'cancelled') return data({ kind: 'cancelled' as const }, { status: 409 })
  const outcome = await sendMeetingMail(db, getMailer(), {
    meetingId: meeting.id,
    purpose: intent === 'remind' ? 'reminder' : meeting.sequence > 0 ? 'update' : 'invitation',
    origin: portalOrigin(),
    organizerEmail: meetingOrganizerEmail(),
    onlyBehind: intent === 'resend',
    actorId: user.id,
  })
  return { kind: intent === 'remind' ? ('reminded' as const) : ('resent' as const), ...outcome }
}

const remind = (context: MeetingAction) => sendMail(context, 'remind')
const resend = (context: MeetingAction) => sendMail(context, 'resend')

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const meeting = await requireReadableMeeting(db, user, id)
  const form = await readFormData(request)
  return dispatchIntent(form, { answer, remind, resend }, { user, db, meeting, form })
}

export const handle: MeetingPageHandle<typeof loader> = { heading: (t, data) => data.meeting.title, page: 'meeting' }

export default function MeetingPage() {
  const t = useT()
  const locale = useLocale()
  const { meeting, answers, unreachable, ownAnswers, manage, unsent, earlierItems, today, mailed } =
    useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const cancelled = meeting.state === 'cancelled'
  return (
    <>
      {cancelled ? <FormMessage kind="error">{t('meeting.isCancelled')}</FormMessage> : null}
      {manage && !cancelled && mailed.warnUnreachable && unreachable.length > 0 ? (
        <FormMessage kind="error">
          {t('meeting.unreachable', { organisations: listOf(locale, unreachable) })}
        </FormMessage>
      ) : null}
      {mailed.failed > 0 ? (
        <FormMessage kind="error">{t('meeting.sendFailed', { failed: mailed.failed })}</FormMessage>
      ) : null}
      {result?.kind === 'answered' ? <FormMessage kind="success">{t('meeting.answerSaved')}</FormMessage> : null}
      {result?.kind === 'cancelled' ? <FormMessage kind="error">{t('meeting.answerCancelled')}</FormMessage> : null}
      {result?.kind === 'reminded' ? (
        <FormMessage kind="success">
          {result.sent > 0 ? t('meeting.reminded', { sent: result.sent }) : t('meeting.nobodyToRemind')}
        </FormMessage>
      ) : null}
      {result?.kind === 'resent' ? (
        <FormMessage kind="success">{t('meeting.resent', { sent: result.sent })}</FormMessage>
      ) : null}
      {(result?.kind === 'reminded' || result?.kind === 'resent') && result.failed > 0 ? (
        <FormMessage kind="error">{t('meeting.sendFailed', { failed: result.failed })}</FormMessage>
      ) : null}

      <dl className="facts">
        <dt>{t('meeting.when')}</dt>
        <dd>{meetingWhen(locale, meeting.startsAt, meeting.endsAt)}</dd>
        {meeting.place ? (
          <>
            <dt>{t('meeting.where')}</dt>
            <dd>{meeting.place}</dd>
          </>
        ) : null}
        {meeting.videoLink ? (
          <>
            <dt>{t('meeting.video')}</dt>
            <dd>
              <a href={meeting.videoLink} rel="noopener noreferrer">
                {meeting.videoLink}
              </a>
            </dd>
          </>
        ) : null}
        {meeting.theme ? (
          <>
            <dt>{t('meeting.theme')}</dt>
            <dd>{meeting.theme}</dd>
          </>
        ) : null}
        {meeting.scenario ? (
          <>
            <dt>{t('meeting.scenario')}</dt>
            <dd>
              <Link to={`/scenarier/${meeting.scenario.id}`}>{meeting.scenario.name}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      {meeting.description ? <p className="prewrap">{meeting.description}</p> : null}
      {meeting.agenda.length > 0 ? (
        <section aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">{t('meeting.agenda')}</h2>
          <ol>
            {meeting.agenda.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ol>
        </section>
      ) : null}

      {manage && !cancelled ? (
        <div className="actions">
          <Link className="button button--secondary" to={`/moten/${meeting.id}/redigera`}>
            {t('meeting.edit')}
          </Link>
          <Form method="post">
            <button type="submit" className="button button--secondary" name="intent" value="remind">
              {t('meeting.remind')}
            </button>
          </Form>
          {unsent > 0 ? (
            <Form method="post">
              <button type="submit" className="button button--secondary" name="intent" value="resend">
                {t('meeting.resend', { count: unsent })}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}

      {!cancelled
        ? ownAnswers.map((organisation) => (
            <AnswerForm
              key={organisation.organisationId}
              organisation={organisation}
              error={
                result?.kind === 'answer' && result.organisationId === organisation.organisationId
                  ? (result.error ?? undefined)
                  : undefined
              }
              conflictWith={
                result?.kind === 'answer' && result.organisationId === organisation.organisationId && result.current
                  ? result.current
                  : undefined
              }
            />
          ))
        : null}

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t('meeting.answers')}</h2>
        <AnswersTable organisations={answers} />
      </section>

      <section aria-labelledby="follow-up-heading">
        <h2 id="follow-up-heading">{t('meeting.followUp')}</h2>
        <FollowUpNav sections={followUpSections(meeting)} />
      </section>

      {earlierItems.length > 0 ? (
        <section aria-labelledby="earlier-items-heading">
          <h2 id="earlier-items-heading">{t('meetingFollowUp.actions.earlierHeading')}</h2>
          <ActionItemList items={earlierItems} today={today} showMeeting empty="" />
        </section>
      ) : null}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.meeting.title ?? t('meeting.meta.fallback')),
]
