import { data, redirect } from '@remix-run/node'
import type { MessageKey } from '~/i18n/sv'
import { parseForm, type FieldErrors } from '~/modules/forms/parse-form'
import { refuse, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { badRequest, forbidden, notFound, requireUuid } from '~/modules/http/responses'
import { readFormData } from '~/modules/http/form-data.server'
import { correctionKind, parseLogEntryForm, TaskStateSchema } from './event-log-form'
import { changeTaskState, correctLogEntry, getLogEntry, writeLogEntry, type LogWriteResult } from './event-log.server'
import { chosenOrganisation, type EventPageContext } from './event-page.server'
import { isFrozen, writingOrganisationIds } from './event-writers.server'

// The posts of the log page. Every one adds an entry; there is no intent that
// edits or deletes one, and a post naming any other intent (a forged "edit"
// or "delete") is refused with 400 before anything is read.

export interface LogActionResult {
  /** Which form answered: 'write', 'correct:<entry id>', 'state:<task id>'. */
  form: string
  errors: FieldErrors
  values: Record<string, string>
  notice?: MessageKey
}

interface IntentContext extends EventPageContext {
  request: Request
  formData: FormData
  /** The organisation the user writes for. */
  organisationId: string
  base: string
}

type Intent = (context: IntentContext) => Promise<ReturnType<typeof data<LogActionResult>>>

const invalid = (form: string, errors: FieldErrors, values: Record<string, string>) =>
  data<LogActionResult>({ form, errors, values }, { status: 400 })

/** Runs the write once per form key and sends the user to the new entry, or answers why it was not written. */
async function written(
  context: IntentContext,
  form: string,
  values: Record<string, string>,
  write: (db: IntentContext['db']) => Promise<LogWriteResult>,
) {
  const outcome = await submitOnce<Exclude<LogWriteResult, { ok: true }>>(
    context.db,
    submissionOf(context.request, context.formData, context.user.id),
    async (tx) => {
      const result = await write(tx)
      return result.ok ? `${context.base}#post-${result.entry.id}` : refuse(result)
    },
  )
  if (!('refused' in outcome)) throw redirect(outcome.location)
  if (outcome.refused.error === 'forbidden') throw forbidden()
  if (outcome.refused.error === 'notFound') throw notFound()
  return data<LogActionResult>({ form, errors: {}, values, notice: 'eventLog.frozen' }, { status: 409 })
}

async function writeIntent(context: IntentContext) {
  const parsed = parseLogEntryForm(context.formData, { organisationIds: context.event.organisationIds })
  if (!parsed.ok) return invalid('write', parsed.errors, parsed.values)
  return written(context, 'write', parsed.values, (db) => writeLogEntry(db, { ...context, input: parsed.data }))
}

async function correctIntent(context: IntentContext) {
  const entryId = requireUuid(String(context.formData.get('entryId') ?? ''))
  const corrected = await getLogEntry(context.db, context.event.id, entryId)
  if (!corrected) throw notFound()
  const form = `correct:${entryId}`
  const parsed = parseLogEntryForm(context.formData, {
    organisationIds: context.event.organisationIds,
    kind: correctionKind({ kind: corrected.kind, stateChange: corrected.refersToId !== null }),
  })
  if (!parsed.ok) return invalid(form, parsed.errors, parsed.values)
  return written(context, form, parsed.values, (db) =>
    correctLogEntry(db, { ...context, correctsId: entryId, input: parsed.data }),
  )
}

async function taskStateIntent(context: IntentContext) {
  const parsed = parseForm(TaskStateSchema, context.formData)
  const form = `state:${parsed.values.taskId ?? ''}`
  if (!parsed.ok) return invalid(form, parsed.errors, parsed.values)
  return written(context, form, parsed.values, (db) => changeTaskState(db, { ...context, input: parsed.data }))
}

const intents: Record<string, Intent> = { write: writeIntent, correct: correctIntent, taskState: taskStateIntent }

/** The log page's action: who writes for which organisation, then the one intent the form names. */
export async function runLogAction(context: EventPageContext, request: Request) {
  const writing = writingOrganisationIds(context.user, context.event)
  if (writing.length === 0) throw forbidden()
  const formData = await readFormData(request)
  const name = formData.get('intent')
  const intent = typeof name === 'string' && Object.hasOwn(intents, name) ? intents[name] : undefined
  // The log is append-only: no intent edits or deletes an entry.
  if (!intent) throw badRequest()
  const organisationId = chosenOrganisation(formData, writing)
  if (!organisationId) throw forbidden()
  if (isFrozen(context.event)) {
    return data<LogActionResult>(
      { form: String(name), errors: {}, values: {}, notice: 'eventLog.frozen' },
      { status: 409 },
    )
  }
  const base = `/handelser/${context.event.id}/logg`
  return intent({ ...context, request, formData, organisationId, base })
}
