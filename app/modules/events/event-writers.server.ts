import { eq } from 'drizzle-orm'
import type { Transaction } from '~/db/client.server'
import { events, type EventRecord } from '~/db/schema/events'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { actingOrganisationIds, canOnEvent, type EventScope } from './event-access.server'

// Who writes in an event (the log, the key messages), and for which
// organisation: an editor for their own organisation while it takes part; the
// coordinator and duty officers for the municipality, their own organisation,
// whether or not it was listed as taking part.

const leaderRoles: ReadonlySet<string> = new Set(['coordinator', 'duty_officer'])

/** The organisations the user may write for in this event; the first is the default. */
export function writingOrganisationIds(user: SessionUser, event: EventScope): string[] {
  const leading = canOnEvent(user, 'event.manage', event)
    ? user.memberships.filter((m) => leaderRoles.has(m.role)).map((m) => m.organisationId)
    : []
  return [...new Set([...leading, ...actingOrganisationIds(user, event, 'event.write')])]
}

/** Whether the user may write for this organisation in this event. */
export function writesFor(user: SessionUser, event: EventScope, organisationId: string): boolean {
  return writingOrganisationIds(user, event).includes(organisationId)
}

/** Whether the event's log and key messages are frozen: any end time counts, as the portal sets it only when it ends the event. */
export function isFrozen(event: Pick<EventRecord, 'endedAt'>): boolean {
  return event.endedAt !== null
}

/**
 * The event, read again and held against ending until the writing
 * transaction commits (ending it takes a row lock), or null when it has
 * ended: its log and key messages are frozen.
 */
export async function lockOpenEvent(tx: Transaction, eventId: string): Promise<EventRecord | null> {
  const [row] = await tx.select().from(events).where(eq(events.id, eventId)).for('share')
  return row && !isFrozen(row) ? row : null
}
