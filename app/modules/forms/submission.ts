import { parseWithZod, type Submission, type SubmissionResult } from '@conform-to/zod'
import type { z } from 'zod'
import { issueMessage } from './issue-message'

// The one way to read a posted form (docs/decisions/031): Conform parses the
// post with the form's zod schema, on the server in the action and in the
// browser as the user types, and its reply goes back as the form's
// `lastResult`. Every message is an i18n key, translated where it is shown.

/** What an action answers a form with: the user's input (passwords left out) and the messages, as i18n keys. */
export type FormReply = SubmissionResult<string[]>

export type FormSubmission<S extends z.ZodTypeAny> = Submission<z.input<S>, string[], z.output<S>>

type ReplyOptions = Parameters<FormSubmission<z.ZodTypeAny>['reply']>[0]

// Conform's own fields: a button's intent (add a row, validate one field) and its state.
const RESERVED = new Set(['__intent__', '__state__'])

/**
 * Parses a post (or, in the browser, the form as typed) with `schema`. The
 * values are the text the browser sent: Conform's coercion (an empty field as
 * undefined, "on" as true, `Number()` of "1,5") is off, because our schemas
 * read Swedish text themselves; names like `rows[0].name` still become lists
 * and objects. Each field gets its first message, as an i18n key; an issue
 * without a path is the form's, under `''`. A value holding a NUL character
 * is refused, and `reply()` never echoes a field whose name says password.
 */
export function parseSubmission<S extends z.ZodTypeAny>(
  payload: FormData | URLSearchParams,
  schema: S,
): FormSubmission<S> {
  const extra: Record<string, string[]> = {}
  let submission: FormSubmission<S>
  try {
    submission = parse(payload, schema)
  } catch {
    // A post made by hand with a malformed intent or state: read the rest, and refuse it.
    submission = parse(withoutReserved(payload), schema)
    extra[''] = ['validation.invalid']
  }
  // PostgreSQL text cannot hold a NUL character, and no form has a reason to send one.
  for (const name of namesHolding(submission.payload, '\u0000')) extra[name] = ['validation.invalid']
  return guard(submission, extra)
}

function parse<S extends z.ZodTypeAny>(payload: FormData | URLSearchParams, schema: S): FormSubmission<S> {
  return parseWithZod(payload, {
    schema,
    disableAutoCoercion: true,
    formatError: (issues: z.ZodIssue[]) => [issueMessage(issues[0]!)],
  })
}

function withoutReserved(payload: FormData | URLSearchParams): FormData | URLSearchParams {
  if (payload instanceof URLSearchParams) {
    return new URLSearchParams([...payload].filter(([name]) => !RESERVED.has(name)))
  }
  const copy = new FormData()
  for (const [name, value] of payload.entries()) if (!RESERVED.has(name)) copy.append(name, value)
  return copy
}

/** The field names (`rows[0].name`) whose text contains `text`. */
function namesHolding(value: unknown, text: string, name = ''): string[] {
  if (typeof value === 'string') return value.includes(text) ? [name] : []
  if (Array.isArray(value)) return value.flatMap((item, index) => namesHolding(item, text, `${name}[${index}]`))
  if (value && typeof value === 'object' && !(value instanceof Blob)) {
    return Object.entries(value).flatMap(([key, item]) => namesHolding(item, text, name ? `${name}.${key}` : key))
  }
  return []
}

/** The submission with `extra` messages added to its own, and a reply that leaves passwords out. */
function guard<S extends z.ZodTypeAny>(
  submission: FormSubmission<S>,
  extra: Record<string, string[]>,
): FormSubmission<S> {
  const refused = Object.keys(extra).length > 0
  const reply = (options?: ReplyOptions): FormReply =>
    withoutPasswords(submission.reply(refused ? withMessages(options, extra) : options))
  if (!refused) return { ...submission, reply }
  const own = submission.status === 'success' ? {} : submission.error
  return { status: 'error', payload: submission.payload, error: { ...own, ...extra }, reply }
}

// A refused post is never reset: the caller's own messages are added to these.
function withMessages(options: ReplyOptions, extra: Record<string, string[]>): ReplyOptions {
  const given = options ?? {}
  const { '': form, ...fields } = extra
  return {
    hideFields: 'hideFields' in given ? given.hideFields : undefined,
    formErrors: [...(form ?? []), ...(('formErrors' in given && given.formErrors) || [])],
    fieldErrors: { ...fields, ...('fieldErrors' in given ? given.fieldErrors : {}) },
  }
}

const PASSWORD = /password/i

function withoutPasswords(reply: FormReply): FormReply {
  if (!reply.initialValue) return reply
  return { ...reply, initialValue: strip(reply.initialValue) as FormReply['initialValue'] }
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip)
  // A file stays as it is: in the browser Conform keeps the chosen file in the form's state.
  if (value && typeof value === 'object' && !(value instanceof Blob)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !PASSWORD.test(key))
        .map(([key, item]) => [key, strip(item)]),
    )
  }
  return value
}

/** The HTTP status of a post that saved nothing: 400 for refused input, 200 for a Conform intent (a row added without JavaScript). */
export function statusOf(submission: { status: 'success' | 'error' | undefined }): number {
  return submission.status === 'error' ? 400 : 200
}

/** The reply to a post that only asked for something (a picker's search without JavaScript): the input kept, no messages. */
export function replyKeepingInput(submission: Pick<FormSubmission<z.ZodTypeAny>, 'reply'>): FormReply {
  const { initialValue, fields, state } = submission.reply()
  return { initialValue, fields, state }
}
