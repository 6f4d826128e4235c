import { eq } from 'drizzle-orm'
import type { DatabaseHandle, Executor } from '~/db/client.server'
import { sessions, totpCredentials } from '~/db/schema/auth'
import { users } from '~/db/schema/users'
import { secondFactorStep } from '~/modules/auth/second-factor.server'
import { loadSessionUser, type SessionPolicy } from '~/modules/auth/sessions.server'
import { hashToken } from '~/modules/auth/tokens.server'
import { canOnEvent, getEventWithScope } from './event-access.server'
import { createEventHub, type EventHub } from './event-hub.server'
import { sseMessage, sseRetry } from './sse'

// The live stream of an open event page (docs/decisions/024): it says *that*
// something of a kind changed, never what; the page then fetches through its
// own loaders what this reader may see.

const hubs = new WeakMap<DatabaseHandle, EventHub>()

/** The process's hub on this database. */
export function eventHubFor(handle: DatabaseHandle): EventHub {
  let hub = hubs.get(handle)
  if (!hub) {
    hub = createEventHub({ listen: async () => handle.listen.bind(handle) })
    hubs.set(handle, hub)
  }
  return hub
}

/**
 * Whether the session a stream was opened with still opens and its user may
 * still read the event. Decided as validateSessionToken and getOptionalUser
 * do, but without touching the session: a page left open is not activity,
 * and the idle timeout still signs out an unattended screen.
 */
export async function streamMayContinue(
  db: Executor,
  input: { token: string; eventId: string; policy: SessionPolicy },
  now = new Date(),
): Promise<boolean> {
  const [row] = await db
    .select({ session: sessions, user: users, totpUserId: totpCredentials.userId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(totpCredentials, eq(totpCredentials.userId, sessions.userId))
    .where(eq(sessions.id, hashToken(input.token)))
  if (!row) return false
  const { session, user } = row
  const idle = now.getTime() - session.lastSeenAt.getTime() >= input.policy.idleMs
  if (!user.active || idle || now >= session.expiresAt) return false
  const reader = await loadSessionUser(db, user)
  const step = secondFactorStep({
    sessionVerified: session.twoFactorVerified,
    enrolled: row.totpUserId !== null,
    memberships: reader.memberships,
  })
  if (step !== 'passed' && step !== 'notNeeded') return false
  const event = await getEventWithScope(db, input.eventId)
  return event !== undefined && canOnEvent(reader, 'event.read', event)
}

export const STREAM_TIMING = {
  /** Under any proxy's idle timeout (nginx: 60 s), and the page's sign of contact. */
  heartbeatMs: 20_000,
  recheckMs: 60_000,
  /** The browser's wait before it connects again (to any process behind the balancer). */
  retryMs: 5_000,
}

export interface EventStreamOptions {
  hub: EventHub
  eventId: string
  /** How old the reader's page data is, as the page says; null when unknown. */
  dataAgeMs: number | null
  /** Ends with the request: the browser went away or the server is stopping. */
  signal: AbortSignal
  /** Asked every recheckMs; false ends the stream. A failure to answer (database away) keeps it. */
  stillAllowed: () => Promise<boolean>
  timing?: Partial<typeof STREAM_TIMING>
}

/**
 * A text/event-stream of one event: `ready` at once, `change` (data: the
 * kind) for each notice, `change` with `resync` when the page may have missed
 * one, and `ping` every heartbeat (data: the server's time). Comments would
 * serve proxies as well, but a page cannot see them, and it counts the
 * heartbeat as contact with the server.
 */
export function eventStreamResponse(options: EventStreamOptions): Response {
  const timing = { ...STREAM_TIMING, ...options.timing }
  const encoder = new TextEncoder()
  let finish = () => {}
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text))
      }
      const unsubscribe = options.hub.subscribe(options.eventId, (signal) => send(sseMessage('change', signal)))
      const heartbeat = setInterval(() => send(sseMessage('ping', new Date().toISOString())), timing.heartbeatMs)
      let checking = false
      const recheck = setInterval(() => {
        if (checking) return
        checking = true
        options
          .stillAllowed()
          .then(
            (allowed) => {
              if (!allowed) end()
            },
            () => {},
          )
          .finally(() => {
            checking = false
          })
      }, timing.recheckMs)
      heartbeat.unref?.()
      recheck.unref?.()
      const onAbort = () => end()
      finish = () => {
        if (!open) return
        open = false
        unsubscribe()
        clearInterval(heartbeat)
        clearInterval(recheck)
        options.signal.removeEventListener('abort', onAbort)
      }
      const end = () => {
        if (!open) return
        finish()
        try {
          controller.close()
        } catch {
          // Already cancelled by the reader.
        }
      }
      options.signal.addEventListener('abort', onAbort)
      send(sseRetry(timing.retryMs) + sseMessage('ready', new Date().toISOString()))
      // Subscribed first, then asked: a notice in between arrives either way.
      if (options.dataAgeMs === null || !options.hub.vouches(options.eventId, options.dataAgeMs)) {
        send(sseMessage('change', 'resync'))
      }
      if (options.signal.aborted) end()
    },
    cancel() {
      finish()
    },
  })
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // nginx and the like pass each message on at once instead of buffering the response.
      'X-Accel-Buffering': 'no',
    },
  })
}

/** The page's own statement of how old its data is (ms), bounded; anything else is unknown. */
export function parseDataAge(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value)) return null
  return Number(value)
}
