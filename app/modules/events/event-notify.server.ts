import { sql } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'

// Live updates of an open event page: every write to an event says so on one
// PostgreSQL channel (pg_notify, delivered on commit, to every app process
// listening on the same database; PGlite has LISTEN/NOTIFY too). The payload
// names the event and what changed, never any content: a listener fetches
// what its reader may see through the ordinary loaders.

export const EVENT_CHANNEL = 'portal_event'

export type EventChange = 'event' | 'status' | 'log' | 'callout' | 'call' | 'message'

export interface EventNotice {
  eventId: string
  change: EventChange
}

/** Called inside the writing transaction: the notice goes out when it commits, and not if it rolls back. */
export async function notifyEventChanged(db: Executor, eventId: string, change: EventChange): Promise<void> {
  const payload: EventNotice = { eventId, change }
  await db.execute(sql`select pg_notify(${EVENT_CHANNEL}, ${JSON.stringify(payload)})`)
}

/** A notice as received; anything else on the channel is ignored. */
export function parseEventNotice(payload: string): EventNotice | null {
  try {
    const value = JSON.parse(payload) as Partial<EventNotice>
    if (typeof value.eventId === 'string' && typeof value.change === 'string') {
      return { eventId: value.eventId, change: value.change as EventChange }
    }
  } catch {
    // Not ours.
  }
  return null
}
