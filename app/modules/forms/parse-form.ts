import type { z } from 'zod'
import { formValues } from './form-values'
import { issueMessage } from './issue-message'

export type FieldErrors = Record<string, string>

export type ParseResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> }

/**
 * Validates a submitted form with a zod schema. On failure it returns the
 * first message per field (an i18n key) and the submitted text values, so the
 * form re-renders with everything the user typed. Password fields are never echoed.
 * A converted form uses `parseSubmission` (submission.ts, decision 031) instead;
 * this goes when the last form is converted.
 */
export function parseForm<S extends z.ZodTypeAny>(schema: S, formData: FormData): ParseResult<z.infer<S>> {
  return parseValues(schema, formValues(formData))
}

/** `parseForm` over values already read from the form (`formValues`), for a caller that fixes one of them. */
export function parseValues<S extends z.ZodTypeAny>(schema: S, raw: Record<string, string>): ParseResult<z.infer<S>> {
  const result = schema.safeParse(raw)
  const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !/password/i.test(key)))
  // PostgreSQL text cannot hold a NUL character, and no form has a reason to send one.
  const withNul = Object.keys(raw).filter((key) => raw[key]!.includes('\u0000'))
  if (result.success && withNul.length === 0) return { ok: true, data: result.data, values }
  const errors: FieldErrors = {}
  for (const key of withNul) errors[key] = 'validation.invalid'
  for (const issue of result.success ? [] : result.error.issues) {
    const field = String(issue.path[0] ?? '_form')
    errors[field] ??= issueMessage(issue)
  }
  return { ok: false, errors, values }
}
