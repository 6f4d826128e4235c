import { z } from 'zod'

/**
 * The message of a zod issue, as an i18n key. A schema without its own
 * message for a case (a missing field, a number out of range) gets zod's
 * English default; the user sees Swedish instead.
 */
export function issueMessage(issue: z.ZodIssue): string {
  if (issue.message !== z.defaultErrorMap(issue, { data: undefined, defaultError: issue.message }).message)
    return issue.message
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'validation.required'
  if (
    issue.code === 'invalid_enum_value' ||
    issue.code === 'invalid_union_discriminator' ||
    issue.code === 'invalid_literal'
  )
    return 'validation.choose'
  return 'validation.invalid'
}
