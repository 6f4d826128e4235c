import { SUBMISSION_KEY_FIELD } from '~/modules/forms/submission-key'

/**
 * The create form's one-time key (made by the loader): a second post of the
 * same form answers with the first one's result instead of creating again.
 */
export function SubmissionKeyField({ value }: { value: string }) {
  return <input type="hidden" name={SUBMISSION_KEY_FIELD} value={value} />
}
