import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { AnswerForm } from '~/components/meetings/meeting-answers'
import { getDb } from '~/db/app-db.server'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { notFound } from '~/modules/http/responses'
import { readAnswer } from '~/modules/meetings/answer-form'
import { findOpenAnswerLink } from '~/modules/meetings/answer-links.server'
import { meetingWhen } from '~/modules/meetings/meeting-when'
import { answerInvitation } from '~/modules/meetings/meetings.server'
import { readFormData } from '~/modules/http/form-data.server'

// The answer link in an invitation: the secret in the address is the only
// credential, so the page shows no more than the mail did, and only lets the
// person answer for the organisation the invitation went to. Whether the
// link still opens is findOpenAnswerLink's to say, at every use.

const headers = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' }

async function lookup(token: string | undefined) {
  if (!token || token.length > 100) return null
  return findOpenAnswerLink(await getDb(), token)
}

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await lookup(params.token)
  if (!found) return data({ found: null }, { status: 404, headers })
  const { meeting, answer } = found
  return data(
    {
      found: {
        meetingId: meeting.id,
        title: meeting.title,
        startsAt: meeting.startsAt.toISOString(),
        endsAt: meeting.endsAt.toISOString(),
        place: meeting.place,
        cancelled: meeting.state === 'cancelled',
        answer,
      },
    },
    { headers },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const found = await lookup(params.token)
  if (!found) throw notFound()
  const read = readAnswer(await readFormData(request))
  if (!read.ok) return data({ saved: false, error: read.error }, { status: 400, headers })
  const result = await answerInvitation(await getDb(), {
    meetingId: found.meeting.id,
    // Always the invitation's organisation, whatever the form says.
    organisationId: found.invitee.organisationId,
    answer: read.answer,
    attendees: read.attendees,
    userId: found.invitee.userId,
    version: null,
    via: 'link',
  })
  if (!result.ok && result.error === 'cancelled')
    return data({ saved: false, error: 'meeting.answerCancelled' }, { status: 409, headers })
  if (!result.ok) throw notFound()
  return data({ saved: true, error: null }, { headers })
}

export default function AnswerByLinkPage() {
  const t = useT()
  const locale = useLocale()
  const { found } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  if (!found) {
    return (
      <div className="page page--narrow">
        <h1>{t('meeting.byLink.title')}</h1>
        <FormMessage kind="error">{t('meeting.byLink.invalid')}</FormMessage>
      </div>
    )
  }
  return (
    <div className="page page--narrow">
      <h1>{t('meeting.byLink.title')}</h1>
      <h2>{found.title}</h2>
      <p>
        {meetingWhen(locale, found.startsAt, found.endsAt)}
        {found.place ? ` · ${found.place}` : ''}
      </p>
      {result?.saved ? <FormMessage kind="success">{t('meeting.answerSaved')}</FormMessage> : null}
      {found.cancelled ? (
        <FormMessage kind="error">{t('meeting.answerCancelled')}</FormMessage>
      ) : (
        <>
          <p>{t('meeting.byLink.for', { organisation: found.answer.name })}</p>
          <p>{t('meeting.byLink.current', { answer: t(`meeting.answer.${found.answer.answer}`) })}</p>
          <AnswerForm organisation={found.answer} error={result?.error ?? undefined} />
        </>
      )}
      <p>
        <Link to={`/moten/${found.meetingId}`}>{t('meeting.byLink.signIn')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'meeting.byLink.title')]
