import type { FieldErrors } from '~/modules/forms/parse-form'

/**
 * A domain rule the submitted data breaks (a site of another organisation, a
 * dependency on the own organisation's service …). Thrown inside the write's
 * transaction so nothing is written; routes show `message` (an i18n key) next
 * to `field`, like any other validation error.
 */
export class RegistryRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
    this.name = 'RegistryRuleError'
  }
}

/** The broken rule as the field error the form shows; any other error is thrown on. */
export function ruleFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof RegistryRuleError)) throw error
  return { [error.field]: error.message }
}
