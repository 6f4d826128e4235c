import type { z } from 'zod'

export type FieldErrors = Record<string, string>

export type ParseResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> }

/**
 * Validates a submitted form with a zod schema. On failure it returns the
 * first message per field (an i18n key) and the submitted text values, so the
 * form re-renders with everything the user typed. Password fields are never echoed.
 */
export function parseForm<S extends z.ZodTypeAny>(schema: S, formData: FormData): ParseResult<z.infer<S>> {
  const raw: Record<string, string> = {}
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !(key in raw)) raw[key] = value
  }
  const result = schema.safeParse(raw)
  const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !/password/i.test(key)))
  if (result.success) return { ok: true, data: result.data, values }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form')
    errors[field] ??= issue.message
  }
  return { ok: false, errors, values }
}
