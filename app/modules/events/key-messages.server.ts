import { and, asc, desc, eq, or } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import { eventKeyMessages, type EventKeyMessage } from '~/db/schema/events'
import { organisations } from '~/db/schema/organisations'
import { sites } from '~/db/schema/registry'
import { users } from '~/db/schema/users'
import { translator } from '~/i18n/i18n'
import { recordAudit } from '~/modules/audit/audit.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { isUniqueViolation } from '~/modules/records/unique-violation'
import { canOnEvent, type EventWithScope } from './event-access.server'
import { appendLogEntry } from './event-log-append.server'
import { notifyEventChanged } from './event-notify.server'
import { lockOpenEvent, writesFor, writingOrganisationIds } from './event-writers.server'
import type { KeyMessageFields, PlaceOption } from './key-message-form'

// Key messages to the public: what each actor says, so that they say it
// together (the source document asks information to the public to be
// coordinated). A message is never changed in place: every change, and the
// withdrawal, is a new version of the same messageId; the newest version is
// the message. The unique index on (event, message, version) is the judge
// when two people change one message at once: the second is a conflict.

const VERSION_INDEX = 'event_key_messages_version_idx'

export interface KeyMessageVersionView {
  version: number
  text: string
  whereToTurn: string
  withdrawn: boolean
  /** ISO instant. */
  createdAt: string
  authorName: string | null
}

export interface KeyMessageView {
  messageId: string
  organisationId: string
  organisationName: string
  current: KeyMessageVersionView
  /** The earlier versions, newest first. */
  history: KeyMessageVersionView[]
}

/** Every message of the event with its versions; current ones first, the newest change first. */
export async function listKeyMessages(db: Executor, eventId: string): Promise<KeyMessageView[]> {
  const rows = await db
    .select({ row: eventKeyMessages, organisationName: organisations.name, authorName: users.name })
    .from(eventKeyMessages)
    .innerJoin(organisations, eq(organisations.id, eventKeyMessages.organisationId))
    .leftJoin(users, eq(users.id, eventKeyMessages.authorId))
    .where(eq(eventKeyMessages.eventId, eventId))
    .orderBy(desc(eventKeyMessages.messageVersion))
  const messages = new Map<string, KeyMessageView>()
  for (const { row, organisationName, authorName } of rows) {
    const version = versionView(row, authorName)
    const message = messages.get(row.messageId)
    if (message) message.history.push(version)
    else
      messages.set(row.messageId, {
        messageId: row.messageId,
        organisationId: row.organisationId,
        organisationName,
        current: version,
        history: [],
      })
  }
  return [...messages.values()].sort(
    (a, b) =>
      Number(a.current.withdrawn) - Number(b.current.withdrawn) ||
      b.current.createdAt.localeCompare(a.current.createdAt),
  )
}

function versionView(row: EventKeyMessage, authorName: string | null): KeyMessageVersionView {
  return {
    version: row.messageVersion,
    text: row.text,
    whereToTurn: row.whereToTurn,
    withdrawn: row.withdrawn,
    createdAt: row.createdAt.toISOString(),
    authorName,
  }
}

/** The registry's trygghetspunkter, nödvattenpunkter and meeting points, as lines a message can hold. */
export async function placeOptions(db: Executor): Promise<PlaceOption[]> {
  const sv = translator('sv')
  const rows = await db
    .select({
      id: sites.id,
      name: sites.name,
      address: sites.address,
      kind: sites.kind,
      safetyPoint: sites.safetyPoint,
      emergencyWaterPoint: sites.emergencyWaterPoint,
    })
    .from(sites)
    .where(or(eq(sites.safetyPoint, true), eq(sites.emergencyWaterPoint, true), eq(sites.kind, 'meeting_point')))
    .orderBy(asc(sites.name))
    .limit(500)
  return rows.map((site) => {
    const what =
      site.safetyPoint && site.emergencyWaterPoint
        ? sv('eventMessages.place.both')
        : site.safetyPoint
          ? sv('eventMessages.place.safetyPoint')
          : site.emergencyWaterPoint
            ? sv('eventMessages.place.emergencyWaterPoint')
            : sv('eventMessages.place.meetingPoint')
    const where = site.address ? `${site.name}, ${site.address}` : site.name
    return { id: site.id, line: `${what}: ${where}`.replace(/\s+/g, ' ').trim() }
  })
}

// ---------------------------------------------------------------------------
// Writing

export type KeyMessageResult =
  | { ok: true; messageId: string; version: number }
  | { ok: false; error: 'ended' | 'forbidden' | 'notFound' | 'withdrawn' }
  /** Someone saved another version since the form was loaded: nothing is written. */
  | { ok: false; error: 'conflict'; current: KeyMessageVersionView }

type Refused = Extract<KeyMessageResult, { ok: false }>

class Refusal extends Error {
  constructor(readonly result: Refused) {
    super(result.error)
  }
}

interface Writer {
  event: EventWithScope
  user: SessionUser
}

/** A new message, version 1, for an organisation the user writes for. */
export async function publishKeyMessage(
  db: Database,
  { event, user, organisationId, input }: Writer & { organisationId: string; input: KeyMessageFields },
): Promise<KeyMessageResult> {
  if (!writesFor(user, event, organisationId)) return { ok: false, error: 'forbidden' }
  return run(db, event.id, async (tx) => {
    const messageId = crypto.randomUUID()
    await tx.insert(eventKeyMessages).values({
      eventId: event.id,
      messageId,
      messageVersion: 1,
      organisationId,
      text: input.text,
      whereToTurn: input.whereToTurn,
      authorId: user.id,
    })
    await recordAudit(tx, {
      userId: user.id,
      organisationId,
      entity: 'event_key_message',
      entityId: event.id,
      action: 'create',
      changes: {
        organisationId: { before: null, after: organisationId },
        text: { before: null, after: input.text },
        ...(input.whereToTurn ? { whereToTurn: { before: null, after: input.whereToTurn } } : {}),
        messageVersion: { before: null, after: 1 },
      },
    })
    await logged(tx, {
      event,
      user,
      organisationId,
      text: translator('sv')('eventMessages.log.published', { text: input.text }),
    })
    return { ok: true, messageId, version: 1 }
  })
}

/** The next version of a message of the user's organisation, if the form's version is still the newest. */
export async function changeKeyMessage(
  db: Database,
  writer: Writer & { messageId: string; version: number; input: KeyMessageFields },
): Promise<KeyMessageResult> {
  const { event, user, input } = writer
  return nextVersion(db, writer, {
    allowed: (current) => writesFor(user, event, current.organisationId),
    row: (current) => ({
      text: input.text,
      whereToTurn: input.whereToTurn,
      withdrawn: false,
      organisationId: current.organisationId,
    }),
    action: 'update',
    logText: (_current, version) => translator('sv')('eventMessages.log.changed', { version, text: input.text }),
  })
}

/** Withdraws a message: its own organisation, or the coordinator and duty officers for any. */
export async function withdrawKeyMessage(
  db: Database,
  writer: Writer & { messageId: string; version: number },
): Promise<KeyMessageResult> {
  const { event, user } = writer
  return nextVersion(db, writer, {
    allowed: (current) => writesFor(user, event, current.organisationId) || canOnEvent(user, 'event.manage', event),
    row: (current) => ({
      text: current.text,
      whereToTurn: current.whereToTurn,
      withdrawn: true,
      organisationId: current.organisationId,
    }),
    action: 'withdraw',
    logText: (current) => translator('sv')('eventMessages.log.withdrawn', { text: current.text }),
  })
}

async function nextVersion(
  db: Database,
  { event, user, messageId, version }: Writer & { messageId: string; version: number },
  how: {
    allowed: (current: EventKeyMessage) => boolean
    row: (current: EventKeyMessage) => Pick<EventKeyMessage, 'text' | 'whereToTurn' | 'withdrawn' | 'organisationId'>
    action: 'update' | 'withdraw'
    logText: (current: EventKeyMessage, version: number) => string
  },
): Promise<KeyMessageResult> {
  const write = run(db, event.id, async (tx) => {
    const current = await newestVersion(tx, event.id, messageId)
    if (!current) throw new Refusal({ ok: false, error: 'notFound' })
    if (!how.allowed(current)) throw new Refusal({ ok: false, error: 'forbidden' })
    if (current.messageVersion !== version) throw new Refusal(await conflict(tx, current))
    if (current.withdrawn) throw new Refusal({ ok: false, error: 'withdrawn' })
    const next = current.messageVersion + 1
    const values = how.row(current)
    await tx.insert(eventKeyMessages).values({
      eventId: event.id,
      messageId,
      messageVersion: next,
      ...values,
      authorId: user.id,
    })
    await recordAudit(tx, {
      userId: user.id,
      organisationId: values.organisationId,
      entity: 'event_key_message',
      entityId: event.id,
      action: how.action,
      changes: {
        ...(values.text !== current.text ? { text: { before: current.text, after: values.text } } : {}),
        ...(values.whereToTurn !== current.whereToTurn
          ? { whereToTurn: { before: current.whereToTurn, after: values.whereToTurn } }
          : {}),
        messageVersion: { before: current.messageVersion, after: next },
      },
    })
    // The log names who wrote: a duty officer withdrawing another actor's message writes for the municipality.
    const organisationId = writesFor(user, event, values.organisationId)
      ? values.organisationId
      : (writingOrganisationIds(user, event)[0] ?? null)
    await logged(tx, { event, user, organisationId, text: how.logText(current, next) })
    return { ok: true as const, messageId, version: next }
  })
  try {
    return await write
  } catch (error) {
    if (!isUniqueViolation(error, VERSION_INDEX)) throw error
    // Lost the race on the unique index: someone saved this version a moment earlier.
    const current = await newestVersion(db, event.id, messageId)
    return current ? conflict(db, current) : { ok: false, error: 'notFound' }
  }
}

/** Runs a write with the event held open; a refusal writes nothing. */
async function run(
  db: Database,
  eventId: string,
  write: (tx: Transaction) => Promise<KeyMessageResult>,
): Promise<KeyMessageResult> {
  try {
    return await db.transaction(async (tx) => {
      if (!(await lockOpenEvent(tx, eventId))) throw new Refusal({ ok: false, error: 'ended' })
      return write(tx)
    })
  } catch (error) {
    if (error instanceof Refusal) return error.result
    throw error
  }
}

async function newestVersion(db: Executor, eventId: string, messageId: string): Promise<EventKeyMessage | undefined> {
  const [row] = await db
    .select()
    .from(eventKeyMessages)
    .where(and(eq(eventKeyMessages.eventId, eventId), eq(eventKeyMessages.messageId, messageId)))
    .orderBy(desc(eventKeyMessages.messageVersion))
    .limit(1)
  return row
}

async function conflict(db: Executor, current: EventKeyMessage): Promise<Refused> {
  const [author] = current.authorId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, current.authorId))
    : []
  return { ok: false, error: 'conflict', current: versionView(current, author?.name ?? null) }
}

async function logged(
  tx: Transaction,
  entry: { event: EventWithScope; user: SessionUser; organisationId: string | null; text: string },
): Promise<void> {
  await notifyEventChanged(tx, entry.event.id, 'message')
  await appendLogEntry(tx, {
    eventId: entry.event.id,
    kind: 'message_out',
    text: entry.text,
    counterpart: translator('sv')('eventMessages.log.counterpart'),
    organisationId: entry.organisationId,
    authorId: entry.user.id,
    authorName: entry.user.name,
  })
}
