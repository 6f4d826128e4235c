import { z } from 'zod'
import { grantCategories } from '~/db/enums'
import { enumField, optionalText, requiredText, uuidField, versionField } from '~/modules/forms/fields'
import { isCalendarDate } from '~/modules/meetings/action-item-state'
import { parseDecimal } from '~/modules/registry/decimal'
import { isPeriodYear, type PeriodYears } from './grant-report'

// The grant report's forms: the hours, cost and notes of a meeting the report
// lists, and an entry of the coordinator's own. Numbers are typed the Swedish
// way ("2,5" hours, "12 500" kronor); every message is an i18n key.

/** Far beyond a year's work of a municipality, well within numeric(8,1) and integer. */
const MAX_HOURS = 100_000
const MAX_COST = 1_000_000_000

/** Hours, 0 or more with at most one decimal, or empty where not known. */
export const hoursField = z
  .string()
  .trim()
  .default('')
  .transform((text, ctx): number | null => {
    if (text === '') return null
    const value = parseDecimal(text)
    if (value === null || value < 0 || value > MAX_HOURS || Math.abs(value * 10 - Math.round(value * 10)) > 1e-9) {
      ctx.addIssue({ code: 'custom', message: 'grantReport.error.hours' })
      return null
    }
    return Math.round(value * 10) / 10
  })

/** Whole kronor, 0 or more, or empty where not known; digit groups may be spaced ("12 500"). */
export const costField = z
  .string()
  .trim()
  .default('')
  .transform((text, ctx): number | null => {
    if (text === '') return null
    const value = /^[\d\s\u00a0\u202f]+$/.test(text) ? parseDecimal(text) : null
    if (value === null || !Number.isInteger(value) || value > MAX_COST) {
      ctx.addIssue({ code: 'custom', message: 'grantReport.error.cost' })
      return null
    }
    return value
  })

const notesField = optionalText(2000)

/** A report year from the URL: a year of the period, else nothing (the page is a 404). */
export function reportYearOf(period: PeriodYears, text: string | undefined): number | null {
  const parsed = z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number)
    .refine((year) => isPeriodYear(period, year))
    .safeParse(text)
  return parsed.success ? parsed.data : null
}

/** An own entry of the year `year`: its day, if it has one, lies in that year. */
export function ownEntrySchema(year: number) {
  return z.object({
    category: enumField(grantCategories),
    title: requiredText(300),
    occurredOn: z
      .string()
      .trim()
      .default('')
      .refine((value) => value === '' || isCalendarDate(value), 'validation.date')
      .refine((value) => value === '' || value.startsWith(`${year}-`), 'grantReport.error.dateInYear')
      .transform((value) => (value === '' ? null : value)),
    hours: hoursField,
    cost: costField,
    notes: notesField,
  })
}

export type OwnEntryInput = z.infer<ReturnType<typeof ownEntrySchema>>

/** Hours, cost and notes of a listed meeting; version 0 while it has none. */
export const MeetingEntrySchema = z.object({
  meetingId: uuidField,
  version: z.coerce.number().int().min(0),
  hours: hoursField,
  cost: costField,
  notes: notesField,
})

export type MeetingEntryInput = Pick<z.infer<typeof MeetingEntrySchema>, 'hours' | 'cost' | 'notes'>

/** Which own entry a change or removal is for, and the version the form was loaded with. */
export const EntryRefSchema = z.object({ entryId: uuidField, version: versionField })

/** A stored entry as its form shows it: hours with the decimal comma, cost as plain digits. */
export function entryFormValues(entry: {
  category?: string
  title?: string
  occurredOn?: string | null
  hours: number | null
  cost: number | null
  notes: string
  version: number
}): Record<string, string> {
  return {
    ...(entry.category !== undefined ? { category: entry.category } : {}),
    ...(entry.title !== undefined ? { title: entry.title } : {}),
    ...(entry.occurredOn !== undefined ? { occurredOn: entry.occurredOn ?? '' } : {}),
    hours: entry.hours === null ? '' : String(entry.hours).replace('.', ','),
    cost: entry.cost === null ? '' : String(entry.cost),
    notes: entry.notes,
    version: String(entry.version),
  }
}
