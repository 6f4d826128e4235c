/** The hidden field that carries a create form's one-time key. */
export const SUBMISSION_KEY_FIELD = 'submissionKey'

const keyPattern = /^[A-Za-z0-9_-]{16,64}$/

/**
 * A fresh key for one rendering of a create form. Loaders make it, so both
 * posts of a double click or a browser retry carry the same key, and a form
 * loaded anew gets a new one.
 */
export function newSubmissionKey(): string {
  return crypto.randomUUID()
}

/** The key a form was posted with, or null when there is none (or it is not one of ours). */
export function readSubmissionKey(formData: FormData): string | null {
  const value = formData.get(SUBMISSION_KEY_FIELD)
  return typeof value === 'string' && keyPattern.test(value) ? value : null
}
