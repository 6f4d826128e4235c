import { data, redirect } from '@remix-run/node'
import type { MessageKey } from '~/i18n/sv'
import { parseForm, type FieldErrors } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { refuse, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { readFormData } from '~/modules/http/form-data.server'
import { badRequest, forbidden, notFound } from '~/modules/http/responses'
import { canOnEvent } from './event-access.server'
import { chosenOrganisation, eventHeading, organisationOptions, type EventPageContext } from './event-page.server'
import { isFrozen, writesFor, writingOrganisationIds } from './event-writers.server'
import { KeyMessageRefSchema, parseKeyMessageForm, splitWhereToTurn, type PlaceOption } from './key-message-form'
import {
  changeKeyMessage,
  listKeyMessages,
  placeOptions,
  publishKeyMessage,
  withdrawKeyMessage,
  type KeyMessageResult,
  type KeyMessageVersionView,
} from './key-messages.server'

// The key messages page: its loader, and its posts (publish, change,
// withdraw), one named function each behind a small dispatcher.

export async function loadKeyMessagesPage({ user, db, event }: EventPageContext, url: URL) {
  const writing = isFrozen(event) ? [] : writingOrganisationIds(user, event)
  const leads = !isFrozen(event) && canOnEvent(user, 'event.manage', event)
  const [messages, writers, places] = await Promise.all([
    listKeyMessages(db, event.id),
    organisationOptions(db, writing),
    writing.length > 0 ? placeOptions(db) : Promise.resolve([]),
  ])
  const editing = url.searchParams.get('andra')
  return {
    event: eventHeading(event),
    messages: messages.map((message) => {
      const open = !message.current.withdrawn && writing.length > 0
      const own = writesFor(user, event, message.organisationId)
      return {
        ...message,
        mayChange: open && own,
        mayWithdraw: open && (own || leads),
        form: formValues(message.current, places),
      }
    }),
    writing: writing.length > 0 ? { organisations: writers, defaultOrganisationId: writing[0]! } : null,
    places,
    editing: messages.some((message) => message.messageId === editing) ? editing : null,
    submissionKey: newSubmissionKey(),
  }
}

/** A stored version as the change form shows it: the places ticked, the rest as free text. */
function formValues(version: KeyMessageVersionView, places: readonly PlaceOption[]) {
  const { placeIds, free } = splitWhereToTurn(version.whereToTurn, places)
  return { values: { text: version.text, whereToTurn: free, version: String(version.version) }, placeIds }
}

export interface MessageActionResult {
  /** 'publish', 'change:<message id>' or 'withdraw:<message id>'. */
  form: string
  errors: FieldErrors
  values: Record<string, string>
  placeIds: string[]
  notice?: MessageKey
  /** After a conflict: the version saved meanwhile. */
  current?: KeyMessageVersionView
}

interface IntentContext extends EventPageContext {
  request: Request
  formData: FormData
  writing: string[]
}

type Intent = (context: IntentContext) => Promise<ReturnType<typeof data<MessageActionResult>>>

/** Writes once per form key and shows the message, or answers why nothing was written. */
async function saved(
  context: IntentContext,
  result: Omit<MessageActionResult, 'errors' | 'notice' | 'current'>,
  write: (db: IntentContext['db']) => Promise<KeyMessageResult>,
) {
  const outcome = await submitOnce<Exclude<KeyMessageResult, { ok: true }>>(
    context.db,
    submissionOf(context.request, context.formData, context.user.id),
    async (tx) => {
      const written = await write(tx)
      return written.ok ? `/handelser/${context.event.id}/budskap#budskap-${written.messageId}` : refuse(written)
    },
  )
  if (!('refused' in outcome)) throw redirect(outcome.location)
  const refused = outcome.refused
  if (refused.error === 'forbidden') throw forbidden()
  if (refused.error === 'notFound') throw notFound()
  if (refused.error === 'conflict') {
    // The form keeps the input, now against the version saved meanwhile: sending it again is a deliberate overwrite.
    const values = { ...result.values, version: String(refused.current.version) }
    return data<MessageActionResult>(
      { ...result, values, errors: {}, notice: 'eventMessages.conflict', current: refused.current },
      { status: 409 },
    )
  }
  const notice = refused.error === 'ended' ? 'eventMessages.frozen' : 'eventMessages.alreadyWithdrawn'
  return data<MessageActionResult>({ ...result, errors: {}, notice }, { status: 409 })
}

async function publishIntent(context: IntentContext) {
  const organisationId = chosenOrganisation(context.formData, context.writing)
  if (!organisationId) throw forbidden()
  const places = await placeOptions(context.db)
  const parsed = parseKeyMessageForm(context.formData, places)
  const result = { form: 'publish', values: parsed.values, placeIds: parsed.placeIds }
  if (!parsed.ok) return data<MessageActionResult>({ ...result, errors: parsed.errors }, { status: 400 })
  return saved(context, result, (db) => publishKeyMessage(db, { ...context, organisationId, input: parsed.data }))
}

async function changeIntent(context: IntentContext) {
  const ref = parseForm(KeyMessageRefSchema, context.formData)
  if (!ref.ok) throw badRequest()
  const places = await placeOptions(context.db)
  const parsed = parseKeyMessageForm(context.formData, places)
  const result = { form: `change:${ref.data.messageId}`, values: parsed.values, placeIds: parsed.placeIds }
  if (!parsed.ok) return data<MessageActionResult>({ ...result, errors: parsed.errors }, { status: 400 })
  return saved(context, result, (db) => changeKeyMessage(db, { ...context, ...ref.data, input: parsed.data }))
}

async function withdrawIntent(context: IntentContext) {
  const ref = parseForm(KeyMessageRefSchema, context.formData)
  if (!ref.ok) throw badRequest()
  const result = { form: `withdraw:${ref.data.messageId}`, values: ref.values, placeIds: [] }
  return saved(context, result, (db) => withdrawKeyMessage(db, { ...context, ...ref.data }))
}

const intents: Record<string, Intent> = { publish: publishIntent, change: changeIntent, withdraw: withdrawIntent }

export async function runKeyMessageAction(context: EventPageContext, request: Request) {
  const writing = writingOrganisationIds(context.user, context.event)
  if (writing.length === 0) throw forbidden()
  const formData = await readFormData(request)
  const name = formData.get('intent')
  const intent = typeof name === 'string' && Object.hasOwn(intents, name) ? intents[name] : undefined
  if (!intent) throw badRequest()
  if (isFrozen(context.event)) {
    return data<MessageActionResult>(
      { form: String(name), errors: {}, values: {}, placeIds: [], notice: 'eventMessages.frozen' },
      { status: 409 },
    )
  }
  return intent({ ...context, request, formData, writing })
}
