import { eq, inArray } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { eventOrganisations, events, type EventRecord } from '~/db/schema/events'
import { organisations } from '~/db/schema/organisations'
import { assertPermission } from '~/modules/auth/guards.server'
import { can, type Action, type Actor, type Resource } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { notFound } from '~/modules/http/responses'

// Who may see or act in an event is decided by the organisations taking part
// and the county boards (Länsstyrelsen reads every event in its county),
// through `can`. An event the user may not read is not found (404): nobody
// outside learns that it exists.

export interface EventScope {
  /** The organisations taking part. */
  organisationIds: string[]
  /** The county boards' organisations: they read every event. */
  observerOrganisationIds: string[]
}

export interface EventWithScope extends EventRecord, EventScope {}

/** The county boards' organisations in the registry. */
export async function countyBoardIds(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, 'county_board'))
  return rows.map((row) => row.id)
}

/** The scope of each event, by event id. */
export async function eventScopes(db: Executor, eventIds: readonly string[]): Promise<Map<string, EventScope>> {
  const ids = [...new Set(eventIds)]
  if (ids.length === 0) return new Map()
  const observerOrganisationIds = await countyBoardIds(db)
  const scopes = new Map<string, EventScope>(ids.map((id) => [id, { organisationIds: [], observerOrganisationIds }]))
  const taking = await db
    .select({ eventId: eventOrganisations.eventId, organisationId: eventOrganisations.organisationId })
    .from(eventOrganisations)
    .where(inArray(eventOrganisations.eventId, ids))
  for (const row of taking) scopes.get(row.eventId)?.organisationIds.push(row.organisationId)
  return scopes
}

export async function getEventWithScope(db: Executor, id: string): Promise<EventWithScope | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const [event] = await db.select().from(events).where(eq(events.id, id))
  if (!event) return undefined
  const scope = (await eventScopes(db, [id])).get(id)!
  return { ...event, ...scope }
}

/** The resource `can` judges for this event, optionally for one organisation of the user's. */
export function eventResource(event: EventScope, organisationId?: string): Resource {
  return {
    organisationIds: event.organisationIds,
    observerOrganisationIds: event.observerOrganisationIds,
    ...(organisationId !== undefined ? { organisationId } : {}),
  }
}

export function canOnEvent(actor: Actor, action: Action, event: EventScope, organisationId?: string): boolean {
  return can(actor, action, eventResource(event, organisationId))
}

/** An event the user may read; any other is not found (404), like a missing one. */
export async function requireReadableEvent(db: Executor, user: SessionUser, id: string): Promise<EventWithScope> {
  const event = await getEventWithScope(db, id)
  if (!event || !canOnEvent(user, 'event.read', event)) throw notFound()
  return event
}

/** An event the user leads (the coordinator or a duty officer). */
export async function requireManageableEvent(db: Executor, user: SessionUser, id: string): Promise<EventWithScope> {
  const event = await requireReadableEvent(db, user, id)
  assertPermission(user, 'event.manage', eventResource(event))
  return event
}

/** The user's organisations that take part and for which the user may do `action` (report or write). */
export function actingOrganisationIds(
  user: SessionUser,
  event: EventScope,
  action: 'event.report' | 'event.write',
): string[] {
  const own = [...new Set(user.memberships.map((m) => m.organisationId))]
  return own.filter(
    (organisationId) =>
      event.organisationIds.includes(organisationId) && canOnEvent(user, action, event, organisationId),
  )
}

/** Whether the event has ended: its log is frozen and its status links closed. */
export function eventEnded(event: Pick<EventRecord, 'endedAt'>, now = new Date()): boolean {
  return event.endedAt !== null && event.endedAt.getTime() <= now.getTime()
}
