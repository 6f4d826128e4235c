import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { IsfConveneForms, type IsfFormResult } from '~/components/events/isf-forms'
import { useKeptActionData } from '~/components/events/use-kept-action-data'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { assertPermission } from '~/modules/auth/guards.server'
import { canOnEvent, eventResource } from '~/modules/events/event-access.server'
import { eventHeading, readableEventPage, type EventPageContext } from '~/modules/events/event-page.server'
import { eventActor } from '~/modules/events/events.server'
import { parseIsfConveneForm } from '~/modules/events/isf-form'
import {
  createIsfConference,
  listIsfConferences,
  nextIsf,
  sendIsfInvitations,
  type ConveneInput,
} from '~/modules/events/isf.server'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, refuse, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'
import { saved } from '~/modules/http/flash.server'

// The event's ISF conferences: every reader of the event sees the list; the
// coordinator and duty officers convene them (now, at a set time, or the next
// one 4 hours after the latest, in one click).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, event } = await readableEventPage(request, params)
  const conferences = await listIsfConferences(db, event.id)
  const manage = canOnEvent(user, 'event.manage', event) && event.endedAt === null
  return {
    event: eventHeading(event),
    conferences,
    manage,
    submissionKey: manage ? newSubmissionKey() : '',
  }
}

interface IsfAction extends EventPageContext {
  request: Request
  formData: FormData
}

async function convene(context: IsfAction) {
  const parsed = parseIsfConveneForm(context.formData)
  if (!parsed.ok)
    return data<IsfFormResult>({ form: 'convene', errors: parsed.errors, values: parsed.values }, { status: 400 })
  const { event, user } = context
  return create(context, 'convene', {
    event,
    actor: eventActor(user),
    ...parsed.data,
    startsAt: parsed.data.startsAt ?? new Date(),
  })
}

/** The next conference, 4 hours after the latest, in one click. */
async function repeat(context: IsfAction) {
  const input = await nextIsf(context.db, { event: context.event, actor: eventActor(context.user) })
  if (!input)
    return data<IsfFormResult>(
      { form: 'repeat', errors: {}, values: {}, notice: 'isf.refused.noPrevious' },
      { status: 409 },
    )
  return create(context, 'repeat', input)
}

async function create(
  { request, db, user, event, formData }: IsfAction,
  form: 'convene' | 'repeat',
  input: ConveneInput,
) {
  let meetingId = ''
  const submitted = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const created = await createIsfConference(tx, input)
    if (!created.ok) return refuse(created.error)
    meetingId = created.meeting.id
    return { location: `/handelser/${event.id}/isf`, notice: saved('isf.convened', { number: created.number }) }
  })
  if ('refused' in submitted) {
    return data<IsfFormResult>(
      { form, errors: {}, values: {}, notice: `isf.refused.${submitted.refused}` },
      { status: 409 },
    )
  }
  // A repeated post answers with the first one's page; its invitations went out then.
  if (!submitted.repeated) await sendIsfInvitations(db, meetingId, user.id)
  throw redirectTo(submitted)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const page = await readableEventPage(request, params)
  assertPermission(page.user, 'event.manage', eventResource(page.event))
  const formData = await readFormData(request)
  return dispatchIntent(formData, { convene, repeat }, { ...page, request, formData })
}

export default function IsfPage() {
  const t = useT()
  const locale = useLocale()
  const { event, conferences, manage, submissionKey } = useLoaderData<typeof loader>()
  const result = useKeptActionData<typeof action>()
  return (
    <div className="isf-page">
      <h2>{t('isf.title')}</h2>
      <p>{t('isf.intro')}</p>
      <section aria-labelledby="isf-list-heading">
        <h3 id="isf-list-heading">{t('isf.list.heading', { count: conferences.length })}</h3>
        {conferences.length === 0 ? (
          <p>{t('isf.list.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table isf-table">
              <caption className="visually-hidden">{t('isf.list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('isf.list.number')}</th>
                  <th scope="col">{t('isf.list.time')}</th>
                  <th scope="col">{t('isf.list.answers')}</th>
                  <th scope="col">{t('isf.list.links')}</th>
                </tr>
              </thead>
              <tbody>
                {conferences.map((conference) => (
                  <tr key={conference.id}>
                    <th scope="row">
                      {t('isf.list.name', { number: conference.number })}
                      {conference.state === 'cancelled' ? ` (${t('isf.list.cancelled')})` : ''}
                    </th>
                    <td>{formatDateTime(locale, conference.startsAt)}</td>
                    <td>
                      {t('isf.list.answerCounts', {
                        attending: conference.attending,
                        declined: conference.declined,
                        invited: conference.invited,
                      })}
                    </td>
                    <td>
                      <ul className="link-list">
                        <li>
                          <Link to={`/moten/${conference.id}`}>
                            {t('isf.list.meeting', { number: conference.number })}
                          </Link>
                        </li>
                        <li>
                          <Link to={`/handelser/${event.id}/isf/${conference.id}`}>
                            {t('isf.list.minutes', { number: conference.number })}
                          </Link>
                        </li>
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {manage ? (
        <IsfConveneForms result={result} submissionKey={submissionKey} hasPrevious={conferences.length > 0} />
      ) : null}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'isf.title')]
