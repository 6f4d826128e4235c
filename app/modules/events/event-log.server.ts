import { and, asc, count, desc, eq, inArray, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database, Executor, Transaction } from '~/db/client.server'
import type { EventLogKind, EventTaskState } from '~/db/enums'
import { eventLogEntries, type EventLogEntry } from '~/db/schema/events'
import { organisations } from '~/db/schema/organisations'
import { translator } from '~/i18n/i18n'
import type { SessionUser } from '~/modules/auth/sessions.server'
import type { EventWithScope } from './event-access.server'
import { appendLogEntry } from './event-log-append.server'
import { correctionKind, isWrittenKind, type LogEntryFields, type TaskStateFields } from './event-log-form'
import { LOG_PAGE_SIZE } from './event-log-view'
import { lockOpenEvent, writesFor } from './event-writers.server'

// The event log as people read and write it. Entries are never changed: a
// correction is a new entry whose correctsId points at the corrected one, a
// task's new state a new task entry whose refersToId points at the task. What
// an entry *is now* (corrected, and by which entry; a task's current state) is
// computed here from the entries that point at it. Entries are numbered 1, 2,
// 3 … within the event in the order they were written (seq).

export interface EntryRef {
  id: string
  number: number
}

export interface LogEntryView {
  id: string
  number: number
  kind: EventLogKind
  text: string
  authorName: string
  organisationName: string | null
  /** ISO instant, the server's clock. */
  createdAt: string
  decidedBy: string
  mandate: string
  counterpart: string
  /** A task (not a state change): its owner, due time and current state. */
  task: {
    organisationId: string | null
    organisationName: string | null
    dueAt: string | null
    state: EventTaskState
  } | null
  /** A state change: the state it set, and the task it refers to. */
  setsState: EventTaskState | null
  refersTo: EntryRef | null
  corrects: EntryRef | null
  /** The entries that correct this one, oldest first. */
  correctedBy: EntryRef[]
}

export interface LogPage {
  entries: LogEntryView[]
  page: number
  pageCount: number
  total: number
}

const taskOwner = alias(organisations, 'task_owner')

/** The page rows, each with its number in the event. Window functions run before LIMIT, so numbers count the whole log. */
function entryRows(db: Executor, eventId: string) {
  return db
    .select({
      entry: eventLogEntries,
      number: sql<number>`row_number() over (order by ${eventLogEntries.seq})`.mapWith(Number),
      organisationName: organisations.name,
      taskOrganisationName: taskOwner.name,
    })
    .from(eventLogEntries)
    .leftJoin(organisations, eq(organisations.id, eventLogEntries.organisationId))
    .leftJoin(taskOwner, eq(taskOwner.id, eventLogEntries.taskOrganisationId))
    .where(eq(eventLogEntries.eventId, eventId))
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entryRows>['execute']>>[number]

interface Related {
  id: string
  number: number
  correctsId: string | null
  refersToId: string | null
  taskState: EventTaskState | null
}

/** The newest page first; page 1 holds the latest entries. */
export async function listLog(db: Executor, eventId: string, { page }: { page: number }): Promise<LogPage> {
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(eventLogEntries)
    .where(eq(eventLogEntries.eventId, eventId))
  const pageCount = Math.max(1, Math.ceil(total / LOG_PAGE_SIZE))
  const current = Math.min(Math.max(1, page), pageCount)
  const rows = await entryRows(db, eventId)
    .orderBy(desc(eventLogEntries.seq))
    .limit(LOG_PAGE_SIZE)
    .offset((current - 1) * LOG_PAGE_SIZE)
  const related = indexed(await relatedEntries(db, eventId, rows))
  return { entries: rows.map((row) => viewOf(row, related)), page: current, pageCount, total }
}

/** The whole log, oldest first: for the CSV file and the printout. */
export async function listWholeLog(db: Executor, eventId: string): Promise<LogEntryView[]> {
  const rows = await entryRows(db, eventId).orderBy(asc(eventLogEntries.seq))
  const related = indexed(
    rows.map(({ entry, number }) => ({
      id: entry.id,
      number,
      correctsId: entry.correctsId,
      refersToId: entry.refersToId,
      taskState: entry.taskState,
    })),
  )
  return rows.map((row) => viewOf(row, related))
}

/** The entries that point at the page's entries, and those the page's entries point at, with their numbers. */
async function relatedEntries(db: Executor, eventId: string, rows: EntryRow[]): Promise<Related[]> {
  if (rows.length === 0) return []
  const ids = rows.map(({ entry }) => entry.id)
  const pointedAt = rows.flatMap(({ entry }) => [entry.correctsId, entry.refersToId]).filter((id) => id !== null)
  const numbered = db
    .select({
      id: eventLogEntries.id,
      seq: eventLogEntries.seq,
      correctsId: eventLogEntries.correctsId,
      refersToId: eventLogEntries.refersToId,
      taskState: eventLogEntries.taskState,
      number: sql<number>`row_number() over (order by ${eventLogEntries.seq})`.as('number'),
    })
    .from(eventLogEntries)
    .where(eq(eventLogEntries.eventId, eventId))
    .as('numbered')
  const found = await db
    .select({
      id: numbered.id,
      number: numbered.number,
      correctsId: numbered.correctsId,
      refersToId: numbered.refersToId,
      taskState: numbered.taskState,
    })
    .from(numbered)
    .where(
      or(
        inArray(numbered.correctsId, ids),
        inArray(numbered.refersToId, ids),
        pointedAt.length > 0 ? inArray(numbered.id, pointedAt) : undefined,
      ),
    )
    .orderBy(asc(numbered.seq))
  return found.map((row) => ({ ...row, number: Number(row.number) }))
}

interface RelatedIndex {
  byId: Map<string, Related>
  /** By the id each points at, oldest first. */
  correcting: Map<string, Related[]>
  stateChanges: Map<string, Related[]>
}

/** Looked up by id, so that the whole log of a long event is assembled in one pass. */
function indexed(related: Related[]): RelatedIndex {
  const index: RelatedIndex = { byId: new Map(), correcting: new Map(), stateChanges: new Map() }
  const push = (map: Map<string, Related[]>, key: string, row: Related) => {
    const rows = map.get(key)
    if (rows) rows.push(row)
    else map.set(key, [row])
  }
  for (const row of related) {
    index.byId.set(row.id, row)
    if (row.correctsId) push(index.correcting, row.correctsId, row)
    if (row.refersToId && row.taskState) push(index.stateChanges, row.refersToId, row)
  }
  return index
}

function viewOf(
  { entry, number, organisationName, taskOrganisationName }: EntryRow,
  related: RelatedIndex,
): LogEntryView {
  const ref = (row: Related): EntryRef => ({ id: row.id, number: row.number })
  const isTask = entry.kind === 'task' && entry.refersToId === null
  // Related rows come oldest first: the last state change is the current state.
  const lastChange = isTask ? related.stateChanges.get(entry.id)?.at(-1) : undefined
  const corrected = entry.correctsId ? related.byId.get(entry.correctsId) : undefined
  const referred = entry.refersToId ? related.byId.get(entry.refersToId) : undefined
  return {
    id: entry.id,
    number,
    kind: entry.kind,
    text: entry.text,
    authorName: entry.authorName,
    organisationName,
    createdAt: entry.createdAt.toISOString(),
    decidedBy: entry.decidedBy,
    mandate: entry.mandate,
    counterpart: entry.counterpart,
    task: isTask
      ? {
          organisationId: entry.taskOrganisationId,
          organisationName: taskOrganisationName,
          dueAt: entry.taskDueAt?.toISOString() ?? null,
          state: lastChange?.taskState ?? entry.taskState ?? 'open',
        }
      : null,
    setsState: entry.kind === 'task' && entry.refersToId !== null ? entry.taskState : null,
    refersTo: referred ? ref(referred) : null,
    corrects: corrected ? ref(corrected) : null,
    correctedBy: (related.correcting.get(entry.id) ?? []).map(ref),
  }
}

// ---------------------------------------------------------------------------
// Writing

export type LogWriteResult =
  | { ok: true; entry: EventLogEntry }
  /** The event has ended: its log is frozen. */
  | { ok: false; error: 'ended' }
  /** The user may not write for that organisation. */
  | { ok: false; error: 'forbidden' }
  /** The entry to correct, or the task, is not one of this event's. */
  | { ok: false; error: 'notFound' }

interface Writer {
  event: EventWithScope
  user: SessionUser
  /** The organisation the user writes for. */
  organisationId: string
}

class Refusal extends Error {
  constructor(readonly result: Extract<LogWriteResult, { ok: false }>) {
    super(result.error)
  }
}

/** Checks who writes, holds the event open and runs `write` in one transaction; a refusal writes nothing. */
async function asWriter(
  db: Database,
  writer: Writer,
  write: (tx: Transaction) => Promise<EventLogEntry>,
): Promise<LogWriteResult> {
  if (!writesFor(writer.user, writer.event, writer.organisationId)) return { ok: false, error: 'forbidden' }
  try {
    return await db.transaction(async (tx) => {
      if (!(await lockOpenEvent(tx, writer.event.id))) throw new Refusal({ ok: false, error: 'ended' })
      return { ok: true as const, entry: await write(tx) }
    })
  } catch (error) {
    if (error instanceof Refusal) return error.result
    throw error
  }
}

function authorOf({ event, user, organisationId }: Writer) {
  return { eventId: event.id, organisationId, authorId: user.id, authorName: user.name }
}

function fieldsOf(input: LogEntryFields) {
  return {
    kind: input.kind,
    text: input.text,
    decidedBy: input.decidedBy,
    mandate: input.mandate,
    counterpart: input.counterpart,
    taskOrganisationId: input.taskOrganisationId,
    taskDueAt: input.taskDueAt,
    taskState: (input.kind === 'task' ? 'open' : null) as EventTaskState | null,
  }
}

/** A new entry of a kind people write, stamped by the server's clock. */
export async function writeLogEntry(db: Database, writer: Writer & { input: LogEntryFields }): Promise<LogWriteResult> {
  if (!isWrittenKind(writer.input.kind)) return { ok: false, error: 'forbidden' }
  return asWriter(db, writer, (tx) => appendLogEntry(tx, { ...authorOf(writer), ...fieldsOf(writer.input) }))
}

/** The entry of this event with that id, or undefined. */
export async function getLogEntry(db: Executor, eventId: string, id: string): Promise<EventLogEntry | undefined> {
  const [entry] = await db
    .select()
    .from(eventLogEntries)
    .where(and(eq(eventLogEntries.eventId, eventId), eq(eventLogEntries.id, id)))
  return entry
}

/**
 * A correction: a new entry, of the kind `correctionKind` gives, that points
 * at the corrected one. A corrected task keeps its current state.
 */
export async function correctLogEntry(
  db: Database,
  writer: Writer & { correctsId: string; input: LogEntryFields },
): Promise<LogWriteResult> {
  return asWriter(db, writer, async (tx) => {
    const corrected = await getLogEntry(tx, writer.event.id, writer.correctsId)
    if (!corrected) throw new Refusal({ ok: false, error: 'notFound' })
    const kind = correctionKind({ kind: corrected.kind, stateChange: corrected.refersToId !== null })
    const fields = fieldsOf({ ...writer.input, kind })
    if (kind === 'task') fields.taskState = await currentTaskState(tx, corrected)
    return appendLogEntry(tx, { ...authorOf(writer), ...fields, correctsId: corrected.id })
  })
}

/** A task's new state: a new task entry that refers to it, with a short text. */
export async function changeTaskState(
  db: Database,
  writer: Writer & { input: TaskStateFields },
): Promise<LogWriteResult> {
  return asWriter(db, writer, async (tx) => {
    const task = await getLogEntry(tx, writer.event.id, writer.input.taskId)
    if (!task || task.kind !== 'task' || task.refersToId !== null) throw new Refusal({ ok: false, error: 'notFound' })
    // The log is the event's record, shared by every actor: what the portal words itself is Swedish.
    const sv = translator('sv')
    const state = sv(`event.taskState.${writer.input.state}`)
    return appendLogEntry(tx, {
      ...authorOf(writer),
      kind: 'task',
      text: writer.input.text
        ? sv('eventLog.stateText.withNote', { state, note: writer.input.text })
        : sv('eventLog.stateText', { state }),
      taskState: writer.input.state,
      refersToId: task.id,
    })
  })
}

async function currentTaskState(db: Executor, task: EventLogEntry): Promise<EventTaskState> {
  const [last] = await db
    .select({ state: eventLogEntries.taskState })
    .from(eventLogEntries)
    .where(
      and(
        eq(eventLogEntries.eventId, task.eventId),
        eq(eventLogEntries.refersToId, task.id),
        sql`${eventLogEntries.taskState} is not null`,
      ),
    )
    .orderBy(desc(eventLogEntries.seq))
    .limit(1)
  return last?.state ?? task.taskState ?? 'open'
}
