import { z } from 'zod'
import { eventTaskStates, writtenEventLogKinds, type EventLogKind, type WrittenEventLogKind } from '~/db/enums'
import { enumField, optionalText, requiredText, uuidField } from '~/modules/forms/fields'
import { formValues } from '~/modules/forms/form-values'
import { parseValues, type ParseResult } from '~/modules/forms/parse-form'
import { stockholmToInstant } from '~/modules/meetings/stockholm-time'

// The forms of the event log: a new entry, a correction (the same fields, the
// kind fixed by the corrected entry) and a task's new state. Times are typed
// in Stockholm wall-clock time; every message is an i18n key.

export const LOG_TEXT_MAX = 4_000

/** What a log entry form yields, whatever its kind; fields the kind does not use are empty. */
export interface LogEntryFields {
  kind: WrittenEventLogKind
  text: string
  decidedBy: string
  mandate: string
  counterpart: string
  taskOrganisationId: string | null
  taskDueAt: Date | null
}

/** "2026-11-27T14:30" as a datetime-local input sends it (a space instead of the T, and seconds, are taken too). */
const localDateTime = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2})?$/

const dueField = z
  .string()
  .trim()
  .default('')
  .transform((value, ctx) => {
    if (value === '') return null
    const match = localDateTime.exec(value)
    if (!match) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'eventLog.error.due' })
      return z.NEVER
    }
    const instant = stockholmToInstant(match[1]!, match[2]!)
    if (!instant) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'eventLog.error.noSuchTime' })
      return z.NEVER
    }
    return instant
  })

const text = requiredText(LOG_TEXT_MAX)
const counterpart = requiredText(200)

export const LogEntrySchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('observation'), text }),
    z.object({ kind: z.literal('decision'), text, decidedBy: requiredText(200), mandate: requiredText(300) }),
    z.object({ kind: z.literal('task'), text, taskOrganisationId: uuidField, due: dueField }),
    z.object({ kind: z.literal('message_in'), text, counterpart }),
    z.object({ kind: z.literal('message_out'), text, counterpart }),
  ],
  { errorMap: () => ({ message: 'validation.choose' }) },
)

/**
 * A log entry form. `organisationIds` are the organisations taking part: a
 * task's owner must be one of them. `kind` fixes the kind (a correction keeps
 * the corrected entry's), whatever the form sent.
 */
export function parseLogEntryForm(
  formData: FormData,
  options: { organisationIds: readonly string[]; kind?: WrittenEventLogKind },
): ParseResult<LogEntryFields> {
  const values = formValues(formData)
  const parsed = parseValues(LogEntrySchema, options.kind ? { ...values, kind: options.kind } : values)
  if (!parsed.ok) return parsed
  const data = parsed.data
  if (data.kind === 'task' && !options.organisationIds.includes(data.taskOrganisationId)) {
    return { ok: false, errors: { taskOrganisationId: 'eventLog.error.ownerNotTakingPart' }, values: parsed.values }
  }
  return {
    ok: true,
    values: parsed.values,
    data: {
      kind: data.kind,
      text: data.text,
      decidedBy: data.kind === 'decision' ? data.decidedBy : '',
      mandate: data.kind === 'decision' ? data.mandate : '',
      counterpart: data.kind === 'message_in' || data.kind === 'message_out' ? data.counterpart : '',
      taskOrganisationId: data.kind === 'task' ? data.taskOrganisationId : null,
      taskDueAt: data.kind === 'task' ? data.due : null,
    },
  }
}

export const TaskStateSchema = z.object({
  taskId: uuidField,
  state: enumField(eventTaskStates),
  text: optionalText(500),
})

export type TaskStateFields = z.infer<typeof TaskStateSchema>

/** Whether a kind is one people write; the rest (status reports, call-outs …) the portal writes. */
export function isWrittenKind(kind: string): kind is WrittenEventLogKind {
  return (writtenEventLogKinds as readonly string[]).includes(kind)
}

/**
 * The kind a correction of an entry has: the same, for what people write; an
 * observation, for what the portal wrote (a status report or a call-out is
 * corrected by saying what was wrong, not by writing another) and for a
 * task's state change (a wrong state is put right by saying so; the task's
 * state itself is changed by another state change).
 */
export function correctionKind(entry: { kind: EventLogKind; stateChange: boolean }): WrittenEventLogKind {
  return isWrittenKind(entry.kind) && !entry.stateChange ? entry.kind : 'observation'
}
