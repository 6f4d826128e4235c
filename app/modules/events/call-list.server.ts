import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import type { CallOutcome, ContactChannel, ContactFunction } from '~/db/enums'
import { eventCalls, eventOrganisations, events } from '~/db/schema/events'
import { organisations } from '~/db/schema/organisations'
import { contactRoutes } from '~/db/schema/registry'
import { users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import { can, type Actor } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { canOnEvent, eventEnded, type EventScope } from './event-access.server'
import { callLogText } from './callout-texts'
import { appendLogEntry } from './event-log-append.server'
import { notifyEventChanged } from './event-notify.server'

// The call list of a call-out: the taking-part organisations' ISK, duty
// officer (24/7) and switchboard routes that a phone reaches, in each
// organisation's call order. The person on duty records how each call went;
// every call is kept (event_calls), audited and written to the event log.
// Restricted routes (personal numbers) appear only for readers the one rule
// of restrictedRouteScope allows, and the log never names a number.

export const callListFunctions = ['isk', 'duty_officer', 'switchboard'] as const satisfies readonly ContactFunction[]
export const callListChannels = [
  'phone',
  'mobile',
  'satellite_phone',
  'rakel',
] as const satisfies readonly ContactChannel[]

export interface LastCall {
  outcome: CallOutcome
  note: string
  calledAt: Date
  calledByName: string
}

export interface CallListRoute {
  id: string
  function: ContactFunction
  channel: ContactChannel
  value: string
  label: string
  availability: string
  callOrder: number
  restricted: boolean
  lastCall: LastCall | null
}

export interface CallListOrganisation {
  id: string
  name: string
  calledOutAt: Date | null
  routes: CallListRoute[]
}

function mayRead(actor: Actor, route: { organisationId: string; visibility: string }): boolean {
  return (
    route.visibility !== 'restricted' || can(actor, 'contact.restricted.read', { organisationId: route.organisationId })
  )
}

const functionRank = (value: string) => (callListFunctions as readonly string[]).indexOf(value)

/** The call list of an event as this reader may see it: organisations by name, routes in call order. */
export async function callList(db: Executor, eventId: string, actor: Actor): Promise<CallListOrganisation[]> {
  const taking = await db
    .select({ id: organisations.id, name: organisations.name, calledOutAt: eventOrganisations.calledOutAt })
    .from(eventOrganisations)
    .innerJoin(organisations, eq(organisations.id, eventOrganisations.organisationId))
    .where(eq(eventOrganisations.eventId, eventId))
  if (taking.length === 0) return []
  const [routes, lastCalls] = await Promise.all([
    db
      .select()
      .from(contactRoutes)
      .where(
        and(
          inArray(
            contactRoutes.organisationId,
            taking.map((organisation) => organisation.id),
          ),
          inArray(contactRoutes.function, [...callListFunctions]),
          inArray(contactRoutes.channel, [...callListChannels]),
        ),
      )
      .orderBy(asc(contactRoutes.callOrder)),
    db
      .selectDistinctOn([eventCalls.contactRouteId], {
        routeId: eventCalls.contactRouteId,
        outcome: eventCalls.outcome,
        note: eventCalls.note,
        calledAt: eventCalls.calledAt,
        calledByName: users.name,
      })
      .from(eventCalls)
      .leftJoin(users, eq(users.id, eventCalls.calledBy))
      .where(eq(eventCalls.eventId, eventId))
      .orderBy(eventCalls.contactRouteId, desc(eventCalls.calledAt), desc(eventCalls.id)),
  ])
  const lastByRoute = new Map(lastCalls.map((call) => [call.routeId, call]))
  const collator = new Intl.Collator('sv')
  return taking
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((organisation) => ({
      ...organisation,
      routes: routes
        .filter((route) => route.organisationId === organisation.id && mayRead(actor, route))
        .sort((a, b) => a.callOrder - b.callOrder || functionRank(a.function) - functionRank(b.function))
        .map((route) => {
          const last = lastByRoute.get(route.id)
          return {
            id: route.id,
            function: route.function,
            channel: route.channel,
            value: route.value,
            label: route.label,
            availability: route.availability,
            callOrder: route.callOrder,
            restricted: route.visibility === 'restricted',
            lastCall: last
              ? {
                  outcome: last.outcome,
                  note: last.note,
                  calledAt: last.calledAt,
                  calledByName: last.calledByName ?? '',
                }
              : null,
          }
        }),
    }))
}

export type RecordCallResult =
  { ok: true; calledAt: Date } | { ok: false; reason: 'forbidden' | 'not_found' | 'ended' | 'unknown_route' }

/** Records one call of the call list with the server's time; only for those who lead the event. */
export async function recordCall(
  db: Database,
  input: {
    event: EventScope & { id: string }
    actor: SessionUser
    contactRouteId: string
    outcome: CallOutcome
    note: string
  },
): Promise<RecordCallResult> {
  const { actor } = input
  if (!canOnEvent(actor, 'event.manage', input.event)) return { ok: false, reason: 'forbidden' }
  return db.transaction(async (tx): Promise<RecordCallResult> => {
    const [event] = await tx
      .select({ endedAt: events.endedAt })
      .from(events)
      .where(eq(events.id, input.event.id))
      .for('share')
    if (!event) return { ok: false, reason: 'not_found' }
    if (eventEnded(event)) return { ok: false, reason: 'ended' }
    const [route] = await tx
      .select({ route: contactRoutes, organisationName: organisations.name })
      .from(contactRoutes)
      .innerJoin(
        eventOrganisations,
        and(
          eq(eventOrganisations.organisationId, contactRoutes.organisationId),
          eq(eventOrganisations.eventId, input.event.id),
        ),
      )
      .innerJoin(organisations, eq(organisations.id, contactRoutes.organisationId))
      .where(eq(contactRoutes.id, input.contactRouteId))
    const listed =
      route &&
      (callListFunctions as readonly string[]).includes(route.route.function) &&
      (callListChannels as readonly string[]).includes(route.route.channel) &&
      mayRead(actor, route.route)
    if (!route || !listed) return { ok: false, reason: 'unknown_route' }
    const [call] = await tx
      .insert(eventCalls)
      .values({
        eventId: input.event.id,
        organisationId: route.route.organisationId,
        contactRouteId: route.route.id,
        outcome: input.outcome,
        note: input.note,
        calledBy: actor.id,
        calledAt: sql`now()`,
      })
      .returning({ calledAt: eventCalls.calledAt })
    await recordAudit(tx, {
      userId: actor.id,
      organisationId: route.route.organisationId,
      entity: 'event_call',
      entityId: input.event.id,
      action: 'create',
      changes: {
        organisationId: { before: null, after: route.route.organisationId },
        contactRouteId: { before: null, after: route.route.id },
        outcome: { before: null, after: input.outcome },
        ...(input.note ? { note: { before: null, after: input.note } } : {}),
      },
    })
    await appendLogEntry(tx, {
      eventId: input.event.id,
      kind: 'call',
      text: callLogText({
        organisationName: route.organisationName,
        ...route.route,
        outcome: input.outcome,
        note: input.note,
      }),
      counterpart: route.organisationName,
      organisationId: null,
      authorId: actor.id,
      authorName: actor.name,
    })
    await notifyEventChanged(tx, input.event.id, 'call')
    return { ok: true, calledAt: call!.calledAt }
  })
}
