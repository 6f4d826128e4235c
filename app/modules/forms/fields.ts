import { z } from 'zod'

// Shared field schemas; every message is an i18n key.
export const requiredText = (max: number) =>
  z
    .string({ required_error: 'validation.required', invalid_type_error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.tooLong')

export const optionalText = (max: number) =>
  z.string({ invalid_type_error: 'validation.tooLong' }).trim().max(max, 'validation.tooLong').default('')

export const emailField = z
  .string({ required_error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .max(254, 'validation.tooLong')
  .email('validation.email')

export const versionField = z.coerce.number({ invalid_type_error: 'validation.required' }).int().min(1)

export const uuidField = z.string().uuid('validation.choose')

export function enumField<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { errorMap: () => ({ message: 'validation.choose' }) })
}

/**
 * A name the form may send any number of times (checkboxes of one name, a
 * picker's ids): always a list, also when it came once or not at all, since
 * Conform makes a list only of a name sent twice or more. Typed by the list
 * it becomes, so a Conform form knows the field is one.
 */
export function listField<T extends z.ZodTypeAny>(item: T) {
  const list = z.array(item)
  const wrapped = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), list)
  return wrapped as unknown as z.ZodEffects<typeof list, z.output<typeof list>, z.input<typeof list>>
}
