import { sql } from 'drizzle-orm'
import type { Transaction } from '~/db/client.server'
import type { EventLogKind, EventTaskState } from '~/db/enums'
import { eventLogEntries, type EventLogEntry } from '~/db/schema/events'
import { recordAudit } from '~/modules/audit/audit.server'
import { notifyEventChanged } from './event-notify.server'

// The one way into the event log, for what people write and for what the
// portal writes by itself (status reports, call-outs, level changes, the
// end). Inside the caller's transaction: the entry, its audit entry and the
// live-update notice commit together or not at all. The database refuses any
// change to an entry once written (migration 0013), so a correction is a new
// entry with correctsId.

export interface LogEntryInput {
  eventId: string
  kind: EventLogKind
  text: string
  decidedBy?: string
  mandate?: string
  taskOrganisationId?: string | null
  taskDueAt?: Date | null
  taskState?: EventTaskState | null
  counterpart?: string
  correctsId?: string | null
  refersToId?: string | null
  /** The organisation the author wrote for; null for what the portal writes. */
  organisationId: string | null
  authorId: string | null
  authorName: string
}

export async function appendLogEntry(tx: Transaction, input: LogEntryInput): Promise<EventLogEntry> {
  const [entry] = await tx
    .insert(eventLogEntries)
    .values({
      eventId: input.eventId,
      kind: input.kind,
      text: input.text,
      decidedBy: input.decidedBy ?? '',
      mandate: input.mandate ?? '',
      taskOrganisationId: input.taskOrganisationId ?? null,
      taskDueAt: input.taskDueAt ?? null,
      taskState: input.taskState ?? null,
      counterpart: input.counterpart ?? '',
      correctsId: input.correctsId ?? null,
      refersToId: input.refersToId ?? null,
      organisationId: input.organisationId,
      authorId: input.authorId,
      authorName: input.authorName,
      // The server's clock, whatever the client says.
      createdAt: sql`now()`,
    })
    .returning()
  await recordAudit(tx, {
    userId: input.authorId,
    organisationId: input.organisationId,
    entity: 'event_log_entry',
    entityId: input.eventId,
    action: 'create',
    changes: {
      kind: { before: null, after: input.kind },
      text: { before: null, after: input.text },
      ...(input.decidedBy ? { decidedBy: { before: null, after: input.decidedBy } } : {}),
      ...(input.mandate ? { mandate: { before: null, after: input.mandate } } : {}),
      ...(input.taskOrganisationId ? { taskOrganisationId: { before: null, after: input.taskOrganisationId } } : {}),
      ...(input.taskDueAt ? { taskDueAt: { before: null, after: input.taskDueAt.toISOString() } } : {}),
      ...(input.taskState ? { taskState: { before: null, after: input.taskState } } : {}),
      ...(input.counterpart ? { counterpart: { before: null, after: input.counterpart } } : {}),
      ...(input.correctsId ? { correctsId: { before: null, after: input.correctsId } } : {}),
      ...(input.refersToId ? { refersToId: { before: null, after: input.refersToId } } : {}),
    },
  })
  await notifyEventChanged(tx, input.eventId, 'log')
  return entry!
}
