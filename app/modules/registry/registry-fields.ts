import { z } from 'zod'
import { parseDecimal } from './decimal'

// Field schemas shared by the site, service and dependency forms. Every
// message is an i18n key; numbers accept a decimal comma.

/** Far beyond any real autonomy or outage time, far below what the columns hold. */
const MAX_HOURS = 100_000
const MAX_PEOPLE = 100_000_000

function numberText(options: {
  required: boolean
  integer?: boolean
  min: number
  minExclusive?: boolean
  max: number
  rangeMessage: string
}) {
  return z
    .string({ invalid_type_error: 'sites.number.invalid' })
    .trim()
    .default('')
    .transform((text, ctx): number | null => {
      if (text === '') {
        if (options.required) ctx.addIssue({ code: 'custom', message: 'validation.required' })
        return null
      }
      const value = parseDecimal(text)
      if (value === null) {
        ctx.addIssue({
          code: 'custom',
          message: options.integer ? 'sites.number.wholeInvalid' : 'sites.number.invalid',
        })
        return null
      }
      if (options.integer && !Number.isInteger(value)) {
        ctx.addIssue({ code: 'custom', message: 'sites.number.wholeInvalid' })
        return null
      }
      const belowMin = options.minExclusive ? value <= options.min : value < options.min
      if (belowMin || value > options.max) {
        ctx.addIssue({ code: 'custom', message: options.rangeMessage })
        return null
      }
      return value
    })
}

/** Hours, zero or more, or empty. */
export const optionalHoursField = numberText({
  required: false,
  min: 0,
  max: MAX_HOURS,
  rangeMessage: 'sites.number.hoursRange',
})

/** Hours, zero or more, required. */
export const requiredHoursField = numberText({
  required: true,
  min: 0,
  max: MAX_HOURS,
  rangeMessage: 'sites.number.hoursRange',
}).pipe(z.number())

/** Hours, more than zero, required: an acceptable outage time of zero hours means nothing. */
export const positiveHoursField = numberText({
  required: true,
  min: 0,
  minExclusive: true,
  max: MAX_HOURS,
  rangeMessage: 'services.outage.range',
}).pipe(z.number())

/** Styrel priority class 1–8, or empty. */
export const styrelClassField = numberText({
  required: false,
  integer: true,
  min: 1,
  max: 8,
  rangeMessage: 'sites.styrel.range',
})

/** A head count, zero or more, or empty. */
export const peopleCountField = numberText({
  required: false,
  integer: true,
  min: 0,
  max: MAX_PEOPLE,
  rangeMessage: 'services.people.range',
})

/** An HTML checkbox: present when ticked, absent otherwise. */
export const checkboxField = z
  .string()
  .optional()
  .transform((value) => value !== undefined && value !== '')

/** YYYY-MM-DD, not after `today`, or empty. */
export function pastDateField(today: () => string = () => new Date().toISOString().slice(0, 10)) {
  return z
    .string()
    .trim()
    .default('')
    .transform((text, ctx): string | null => {
      if (text === '') return null
      const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
        ctx.addIssue({ code: 'custom', message: 'validation.date' })
        return null
      }
      if (text > today()) {
        ctx.addIssue({ code: 'custom', message: 'services.exercised.future' })
        return null
      }
      return text
    })
}

/** An optional choice from a list: the empty option means none. */
export function optionalChoice<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .trim()
    .default('')
    .transform((text, ctx): T[number] | null => {
      if (text === '') return null
      if (!(values as readonly string[]).includes(text)) {
        ctx.addIssue({ code: 'custom', message: 'validation.choose' })
        return null
      }
      return text as T[number]
    })
}

export const optionalUuidField = z
  .string()
  .trim()
  .default('')
  .transform((text, ctx): string | null => {
    if (text === '') return null
    if (!z.string().uuid().safeParse(text).success) {
      ctx.addIssue({ code: 'custom', message: 'validation.choose' })
      return null
    }
    return text
  })
