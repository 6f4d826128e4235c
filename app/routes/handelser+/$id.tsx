import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { EventHeader } from '~/components/events/event-header'
import { EventLiveStatus } from '~/components/events/event-live-status'
import { getDb } from '~/db/app-db.server'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireReadableEvent } from '~/modules/events/event-access.server'
import { eventSections } from '~/modules/events/event-sections.server'
import { requireUuid } from '~/modules/http/responses'
import eventStyles from '~/styles/event-room.css?url'

export const links = () => [{ rel: 'stylesheet', href: eventStyles }]

// The event's section: its header (the exercise mark, title, level, times)
// and the links to its parts, around the part that is open. Each part's
// loader checks the user's access again: loaders run in parallel.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const event = await requireReadableEvent(await getDb(), user, id)
  return {
    event: {
      id: event.id,
      title: event.title,
      kind: event.kind,
      level: event.level,
      startedAt: event.startedAt.toISOString(),
      endedAt: event.endedAt?.toISOString() ?? null,
    },
    sections: eventSections(user, event),
  }
}

export default function EventLayout() {
  const { event, sections } = useLoaderData<typeof loader>()
  return (
    <div className={event.kind === 'exercise' ? 'page event-page event-page--exercise' : 'page event-page'}>
      <EventHeader event={event} sections={sections} />
      {/* One subscription for the whole section: a notice refetches the layout's and the open part's loaders together. */}
      {event.endedAt ? null : <EventLiveStatus eventId={event.id} />}
      <Outlet />
    </div>
  )
}

/** The title names the event; an exercise's starts with ÖVNING, so even a browser tab says so. */
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    data
      ? `${data.event.kind === 'exercise' ? `${t('event.exercise')}: ` : ''}${data.event.title}`
      : t('eventRoom.meta.fallback'),
  ),
]
