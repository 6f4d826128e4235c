import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import type { EventKind, EventLevel } from '~/db/enums'
import { eventOrganisations, events, type EventRecord } from '~/db/schema/events'
import { organisations } from '~/db/schema/organisations'
import { networkMembers } from '~/db/schema/registry'
import { translator } from '~/i18n/i18n'
import { diffFields, recordAudit, type AuditInput } from '~/modules/audit/audit.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { updateVersioned } from '~/modules/records/versioned.server'
import { canOnEvent, eventScopes } from './event-access.server'
import type { EventFields } from './event-form'
import { appendLogEntry } from './event-log-append.server'
import { notifyEventChanged } from './event-notify.server'

// Declaring, leading and ending events. Every write is one transaction with
// its audit entry and the live-update notice; a change of level and the end
// are also written in the event's log. Changes to the event row carry the
// version the leader's form was loaded with: a stale one is a conflict, so
// two leaders never silently overwrite each other. An ended event refuses
// every change.

/** Who does it: the user, and the organisation they act for (their leading role's, if they have one). */
export interface EventActor {
  id: string
  name: string
  organisationId: string | null
}

export function eventActor(user: SessionUser): EventActor {
  const leading = user.memberships.find((m) => m.role === 'coordinator' || m.role === 'duty_officer')
  return { id: user.id, name: user.name, organisationId: (leading ?? user.memberships[0])?.organisationId ?? null }
}

/** The log's own sentences are written in Swedish, the log's language, whatever the leader's interface language. */
const logText = translator('sv')

const auditedFields = [
  'kind',
  'title',
  'description',
  'level',
  'startedAt',
  'lostResources',
  'area',
  'networkId',
] as const

/** Picked organisations and every member of the picked network, those that exist, sorted. */
async function takingPartIds(
  tx: Executor,
  organisationIds: readonly string[],
  networkId: string | null,
): Promise<string[]> {
  const ids = new Set(organisationIds)
  if (networkId) {
    const members = await tx
      .select({ organisationId: networkMembers.organisationId })
      .from(networkMembers)
      .where(eq(networkMembers.networkId, networkId))
    for (const member of members) ids.add(member.organisationId)
  }
  if (ids.size === 0) return []
  // A stale form may name a deleted organisation.
  const existing = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]))
  return existing.map((row) => row.id).sort()
}

async function addTakingPart(tx: Transaction, eventId: string, organisationIds: readonly string[]) {
  for (let start = 0; start < organisationIds.length; start += 1000) {
    await tx
      .insert(eventOrganisations)
      .values(organisationIds.slice(start, start + 1000).map((organisationId) => ({ eventId, organisationId })))
      .onConflictDoNothing()
  }
}

export async function declareEvent(db: Database, input: { actor: EventActor } & EventFields): Promise<EventRecord> {
  const { actor, organisationIds: picked, ...fields } = input
  return db.transaction(async (tx) => {
    const organisationIds = await takingPartIds(tx, picked, fields.networkId)
    const [event] = await tx
      .insert(events)
      .values({ ...fields, createdBy: actor.id })
      .returning()
    await addTakingPart(tx, event!.id, organisationIds)
    await recordAudit(tx, {
      userId: actor.id,
      organisationId: actor.organisationId,
      entity: 'event',
      entityId: event!.id,
      action: 'create',
      changes: {
        ...diffFields(null, event!, auditedFields),
        organisationIds: { before: null, after: organisationIds },
      },
    })
    await notifyEventChanged(tx, event!.id, 'event')
    return event!
  })
}

export interface EventListItem {
  id: string
  title: string
  kind: EventKind
  level: EventLevel
  startedAt: Date
  endedAt: Date | null
  takingPart: number
}

export interface EventLists {
  real: EventListItem[]
  exercises: EventListItem[]
}

/** How many events the list looks at, newest first; older ones are history that the list need not show. */
const LIST_LIMIT = 500

/**
 * The events the user may read, real events and exercises apart (they are
 * never mixed in one list), ongoing first, then the newest.
 */
export async function listEvents(db: Executor, user: SessionUser, now = new Date()): Promise<EventLists> {
  const rows = await db
    .select({
      id: events.id,
      title: events.title,
      kind: events.kind,
      level: events.level,
      startedAt: events.startedAt,
      endedAt: events.endedAt,
    })
    .from(events)
    .orderBy(desc(events.startedAt), desc(events.id))
    .limit(LIST_LIMIT)
  const scopes = await eventScopes(
    db,
    rows.map((row) => row.id),
  )
  const readable = rows
    .filter((row) => canOnEvent(user, 'event.read', scopes.get(row.id)!))
    .map((row) => ({ ...row, takingPart: scopes.get(row.id)!.organisationIds.length }))
  const ongoing = (item: EventListItem) => item.endedAt === null || item.endedAt.getTime() > now.getTime()
  const ordered = [...readable.filter(ongoing), ...readable.filter((item) => !ongoing(item))]
  return {
    real: ordered.filter((item) => item.kind === 'real'),
    exercises: ordered.filter((item) => item.kind === 'exercise'),
  }
}

export type EventChangeResult =
  | { ok: true; event: EventRecord }
  | { ok: false; error: 'notFound' | 'ended' }
  | { ok: false; error: 'conflict'; current: EventRecord }

class EventEnded extends Error {
  constructor() {
    super('event ended')
  }
}

/**
 * One change of the event row: lock it, refuse an ended event (before the
 * version, so a stale form on an ended event hears that it ended), compare
 * the version, write, audit and notify in one transaction.
 */
async function changeEvent(
  db: Database,
  options: {
    eventId: string
    version: number
    write: (tx: Transaction, before: EventRecord) => Promise<EventRecord>
    audit: (before: EventRecord, after: EventRecord) => AuditInput
  },
): Promise<EventChangeResult> {
  try {
    const result = await updateVersioned(db, {
      expectedVersion: options.version,
      load: async (tx) => {
        const [row] = await tx.select().from(events).where(eq(events.id, options.eventId)).for('update')
        // Any end time counts: the portal sets it only when it ends the event.
        if (row?.endedAt) throw new EventEnded()
        return row
      },
      write: async (tx, before) => {
        const after = await options.write(tx, before)
        if (after !== before) await notifyEventChanged(tx, options.eventId, 'event')
        return after
      },
      audit: options.audit,
    })
    return result.ok ? { ok: true, event: result.record } : result
  } catch (error) {
    if (error instanceof EventEnded) return { ok: false, error: 'ended' }
    throw error
  }
}

async function bumpEvent(tx: Transaction, eventId: string, set: Partial<typeof events.$inferInsert>) {
  const [after] = await tx
    .update(events)
    .set({ ...set, updatedAt: sql`now()`, version: sql`${events.version} + 1` })
    .where(eq(events.id, eventId))
    .returning()
  return after!
}

export function changeEventLevel(
  db: Database,
  input: { actor: EventActor; eventId: string; version: number; level: EventLevel },
): Promise<EventChangeResult> {
  const { actor, eventId } = input
  return changeEvent(db, {
    eventId,
    version: input.version,
    write: async (tx, before) => {
      if (before.level === input.level) return before
      const after = await bumpEvent(tx, eventId, { level: input.level })
      await appendLogEntry(tx, {
        eventId,
        kind: 'level',
        text: logText('eventRoom.logText.level', {
          from: logText(`event.level.${before.level}`),
          to: logText(`event.level.${input.level}`),
        }),
        organisationId: null,
        authorId: actor.id,
        authorName: actor.name,
      })
      return after
    },
    audit: (before, after) => ({
      userId: actor.id,
      organisationId: actor.organisationId,
      entity: 'event',
      entityId: eventId,
      action: 'update',
      changes: diffFields(before, after, ['level']),
    }),
  })
}

/** The organisations taking part, by id. */
export async function takingPartOf(db: Executor, eventId: string): Promise<string[]> {
  const rows = await db
    .select({ organisationId: eventOrganisations.organisationId })
    .from(eventOrganisations)
    .where(eq(eventOrganisations.eventId, eventId))
  return rows.map((row) => row.organisationId).sort()
}

/**
 * Brings the taking-part organisations in line with the leader's form: the
 * picked ones and all members of a picked network. Those that stay keep when
 * they were added and called out; a removed one no longer reads the event.
 */
export async function setTakingPart(
  db: Database,
  input: { actor: EventActor; eventId: string; version: number; organisationIds: string[]; networkId: string | null },
): Promise<EventChangeResult> {
  const { actor, eventId } = input
  let before: string[] = []
  let after: string[] = []
  return changeEvent(db, {
    eventId,
    version: input.version,
    write: async (tx, event) => {
      before = await takingPartOf(tx, eventId)
      after = await takingPartIds(tx, input.organisationIds, input.networkId)
      const added = after.filter((id) => !before.includes(id))
      const removed = before.filter((id) => !after.includes(id))
      const network = input.networkId ?? event.networkId
      if (added.length === 0 && removed.length === 0 && network === event.networkId) return event
      await addTakingPart(tx, eventId, added)
      if (removed.length > 0) {
        await tx
          .delete(eventOrganisations)
          .where(and(eq(eventOrganisations.eventId, eventId), inArray(eventOrganisations.organisationId, removed)))
      }
      return bumpEvent(tx, eventId, { networkId: network })
    },
    audit: (eventBefore, eventAfter) => ({
      userId: actor.id,
      organisationId: actor.organisationId,
      entity: 'event',
      entityId: eventId,
      action: 'update',
      changes: {
        ...diffFields(eventBefore, eventAfter, ['networkId']),
        ...diffFields({ organisationIds: before }, { organisationIds: after }, ['organisationIds']),
      },
    }),
  })
}

/** Ends the event now (the server's clock): it stays readable, its log frozen. */
export function endEvent(
  db: Database,
  input: { actor: EventActor; eventId: string; version: number },
): Promise<EventChangeResult> {
  const { actor, eventId } = input
  return changeEvent(db, {
    eventId,
    version: input.version,
    write: async (tx) => {
      const after = await bumpEvent(tx, eventId, {
        endedAt: sql`greatest(now(), ${events.startedAt})` as unknown as Date,
      })
      await appendLogEntry(tx, {
        eventId,
        kind: 'closed',
        text: logText('eventRoom.logText.closed'),
        organisationId: null,
        authorId: actor.id,
        authorName: actor.name,
      })
      return after
    },
    audit: (before, after) => ({
      userId: actor.id,
      organisationId: actor.organisationId,
      entity: 'event',
      entityId: eventId,
      action: 'end',
      changes: diffFields(before, after, ['endedAt']),
    }),
  })
}
