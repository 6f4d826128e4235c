import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDatabaseHandle } from '~/db/app-db.server'
import { requireUser } from '~/modules/auth/guards.server'
import { readSessionToken, sessionPolicy } from '~/modules/auth/session-cookie.server'
import { requireReadableEvent } from '~/modules/events/event-access.server'
import { eventHubFor, eventStreamResponse, parseDataAge, streamMayContinue } from '~/modules/events/event-live.server'

// The live stream an open event page listens to (Server-Sent Events): only
// for a reader of the event, and only as long as the session lets them read it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const handle = await getDatabaseHandle()
  const event = await requireReadableEvent(handle.db, user, params.id ?? '')
  const token = readSessionToken(request)!
  return eventStreamResponse({
    hub: eventHubFor(handle),
    eventId: event.id,
    dataAgeMs: parseDataAge(new URL(request.url).searchParams.get('alder')),
    signal: request.signal,
    stillAllowed: () => streamMayContinue(handle.db, { token, eventId: event.id, policy: sessionPolicy() }),
  })
}
