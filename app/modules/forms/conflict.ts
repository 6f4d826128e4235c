import type { z } from 'zod'
import { differs } from '~/modules/registry/decimal'
import type { FormReply, FormSubmission } from './submission'

/**
 * After a conflict the form keeps the user's input and shows, beside each
 * field that someone else changed meanwhile, what is stored now. This gives
 * that stored value for a field, or undefined where it equals the input (or
 * there was no conflict); numbers compare by value, so "1,5" equals "1.5".
 * `shown` turns a stored code into what the form shows for it, such as an
 * option's label.
 */
export function conflictingValues<K extends string>(
  values: Partial<Record<K, string>>,
  current: Partial<Record<K, string>> | undefined,
) {
  return (field: K, shown?: (value: string) => string): string | undefined => {
    const stored = current?.[field]
    if (stored === undefined || !differs(values[field], stored)) return undefined
    return shown ? shown(stored) : stored
  }
}

/**
 * A Conform reply to a save that lost to someone else's: the user's input,
 * the form's message, and the record as stored now as an extra field
 * (`version` included, which the form posts next).
 */
export type ConflictReply<C extends Record<string, string>> = FormReply & { current: C }

export function replyWithConflict<C extends Record<string, string>>(
  submission: Pick<FormSubmission<z.ZodTypeAny>, 'reply'>,
  current: C,
  message: string,
): ConflictReply<C> {
  return { ...submission.reply({ formErrors: [message] }), current }
}

/** `conflictingValues` for a reply: what it stores now beside what the user sent, field by field. */
export function conflictOf<K extends string>(
  reply: (FormReply & { current?: Partial<Record<K, string>> }) | undefined,
) {
  const sent: Partial<Record<K, string>> = {}
  for (const [name, value] of Object.entries(reply?.initialValue ?? {})) {
    if (typeof value === 'string') sent[name as K] = value
  }
  return conflictingValues<K>(sent, reply?.current)
}
