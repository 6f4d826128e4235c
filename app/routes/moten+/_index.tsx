import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { portalOrigin } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { calendarFeedCreatedAt, createCalendarFeed } from '~/modules/meetings/calendar-feed.server'
import { meetingWhen } from '~/modules/meetings/meeting-when'
import { listMeetings, type MeetingListItem } from '~/modules/meetings/meetings.server'
import { readFormData } from '~/modules/http/form-data.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'network.read')
  const db = await getDb()
  const [upcoming, past, feedSince] = await Promise.all([
    listMeetings(db, user, { when: 'upcoming' }),
    listMeetings(db, user, { when: 'past', limit: 50 }),
    calendarFeedCreatedAt(db, user.id),
  ])
  return { upcoming, past, feedSince, mayCreate: can(user, 'meeting.manage') }
}

/** A new secret address for the user's calendar feed, shown once. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'network.read')
  const form = await readFormData(request)
  if (form.get('intent') !== 'calendarFeed') return data({ feedUrl: null }, { status: 400 })
  const token = await createCalendarFeed(await getDb(), user.id)
  return { feedUrl: `${portalOrigin()}/kalender/${token}` }
}

function MeetingTable({ meetings, caption }: { meetings: MeetingListItem[]; caption: string }) {
  const t = useT()
  const locale = useLocale()
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meeting.field.title')}</th>
            <th scope="col">{t('meeting.when')}</th>
            <th scope="col">{t('meeting.kind')}</th>
            <th scope="col">{t('meeting.answers.answer')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => (
            <tr key={meeting.id}>
              <td>
                <Link to={`/moten/${meeting.id}`}>{meeting.title}</Link>
                {meeting.state === 'cancelled' ? <strong className="tag"> {t('meeting.cancelled')}</strong> : null}
                <div className="muted">{meeting.place}</div>
              </td>
              <td>{meetingWhen(locale, meeting.startsAt, meeting.endsAt)}</td>
              <td>{t(`meeting.kind.${meeting.kind}`)}</td>
              <td>{t('meeting.answersOf', { answered: meeting.answeredCount, invited: meeting.invitedCount })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default function MeetingsPage() {
  const t = useT()
  const locale = useLocale()
  const { upcoming, past, feedSince, mayCreate } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="page">
      <h1>{t('meeting.title')}</h1>
      <p>{t('meeting.intro')}</p>
      {mayCreate ? (
        <p>
          <Link className="button" to="/moten/ny">
            {t('meeting.create')}
          </Link>
        </p>
      ) : null}
      <h2>{t('meeting.upcoming')}</h2>
      {upcoming.length === 0 ? (
        <p>{t('meeting.noneUpcoming')}</p>
      ) : (
        <MeetingTable meetings={upcoming} caption={t('meeting.upcoming')} />
      )}
      <h2>{t('meeting.past')}</h2>
      {past.length === 0 ? (
        <p>{t('meeting.nonePast')}</p>
      ) : (
        <MeetingTable meetings={past} caption={t('meeting.past')} />
      )}
      <section className="panel" aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">{t('meeting.calendar')}</h2>
        <p>{t('meeting.calendarText')}</p>
        {actionData?.feedUrl ? (
          <FormMessage kind="success">
            <strong>{t('meeting.calendarLink')}:</strong> <code className="break-all">{actionData.feedUrl}</code>
            <br />
            {t('meeting.calendarCopy')}
          </FormMessage>
        ) : feedSince ? (
          <p>{t('meeting.calendarExists', { date: formatDateTime(locale, feedSince) })}</p>
        ) : null}
        <Form method="post">
          <button type="submit" className="button button--secondary" name="intent" value="calendarFeed">
            {feedSince || actionData?.feedUrl ? t('meeting.calendarRenew') : t('meeting.calendarCreate')}
          </button>
        </Form>
      </section>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'meeting.title')]
