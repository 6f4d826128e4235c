import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { getDb } from '~/db/app-db.server'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { evaluatedEventIds } from '~/modules/events/evaluation.server'
import { listEvents, type EventListItem } from '~/modules/events/events.server'
import { forbidden } from '~/modules/http/responses'
import eventStyles from '~/styles/event-room.css?url'

export const links = () => [{ rel: 'stylesheet', href: eventStyles }]

const iso = (item: EventListItem) => ({
  ...item,
  startedAt: item.startedAt.toISOString(),
  endedAt: item.endedAt?.toISOString() ?? null,
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const mayCreate = can(user, 'event.create')
  if (!mayCreate && user.memberships.length === 0) throw forbidden()
  const db = await getDb()
  const lists = await listEvents(db, user)
  const ended = [...lists.real, ...lists.exercises].filter((item) => item.endedAt !== null)
  const evaluated = await evaluatedEventIds(
    db,
    ended.map((item) => item.id),
  )
  const row = (item: EventListItem) => ({ ...iso(item), evaluated: evaluated.has(item.id) })
  return { real: lists.real.map(row), exercises: lists.exercises.map(row), mayCreate }
}

type Row = ReturnType<typeof iso> & { evaluated: boolean }

function EventTable({ events, caption, exercise }: { events: Row[]; caption: string; exercise: boolean }) {
  const t = useT()
  const locale = useLocale()
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('eventRoom.list.title')}</th>
            <th scope="col">{t('eventRoom.list.started')}</th>
            <th scope="col">{t('eventRoom.list.level')}</th>
            <th scope="col">{t('eventRoom.list.state')}</th>
            <th scope="col">{t('eventRoom.list.takingPart')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <th scope="row">
                {exercise ? <span className="tag event-tag--exercise">{t('event.exercise')}</span> : null}{' '}
                <Link to={`/handelser/${event.id}`}>{event.title}</Link>
              </th>
              <td>{formatDateTime(locale, event.startedAt)}</td>
              <td>{t(`event.level.${event.level}`)}</td>
              <td>
                {event.endedAt ? (
                  <>
                    {t('eventRoom.state.ended', { time: formatDateTime(locale, event.endedAt) })}{' '}
                    <span className="tag">
                      {t(event.evaluated ? 'eventEvaluation.list.evaluated' : 'eventEvaluation.list.notEvaluated')}
                    </span>
                  </>
                ) : (
                  <strong>{t('eventRoom.state.ongoing')}</strong>
                )}
              </td>
              <td>{t('eventRoom.takingPartCount', { count: event.takingPart })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default function EventsPage() {
  const t = useT()
  const { real, exercises, mayCreate } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('eventRoom.title')}</h1>
      <p>{t('eventRoom.intro')}</p>
      {mayCreate ? (
        <p>
          <Link className="button" to="/handelser/ny">
            {t('eventRoom.create')}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="real-heading">
        <h2 id="real-heading">{t('eventRoom.real.heading')}</h2>
        {real.length === 0 ? (
          <p>{t('eventRoom.real.none')}</p>
        ) : (
          <EventTable events={real} caption={t('eventRoom.real.heading')} exercise={false} />
        )}
      </section>
      <section aria-labelledby="exercises-heading" className="event-exercises">
        <h2 id="exercises-heading">{t('eventRoom.exercises.heading')}</h2>
        {exercises.length === 0 ? (
          <p>{t('eventRoom.exercises.none')}</p>
        ) : (
          <EventTable events={exercises} caption={t('eventRoom.exercises.heading')} exercise />
        )}
      </section>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'eventRoom.title')]
