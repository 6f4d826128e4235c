import type { LoaderFunctionArgs } from '@remix-run/node'
import { meetingOrganizerEmail, portalOrigin } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { notFound } from '~/modules/http/responses'
import { calendarFeedFor } from '~/modules/meetings/calendar-feed.server'

/** A user's meetings and deliverable due dates as a subscribable iCalendar feed; the secret in the address is the credential. */
export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  const feed =
    token.length <= 100 ? await calendarFeedFor(await getDb(), token, portalOrigin(), meetingOrganizerEmail()) : null
  if (feed === null) return notFound()
  return new Response(feed, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="moten.ics"',
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
    },
  })
}
