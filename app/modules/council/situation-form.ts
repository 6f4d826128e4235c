import { z } from 'zod'
import { optionalText, requiredText, versionField } from '~/modules/forms/fields'
import { MAX_FORMATTED_TEXT_LENGTH } from '~/modules/meetings/formatted-text'
import { addDays, daysBetween, MAX_RANGE_DAYS } from './weekly'

// The situation picture's own fields: its title and period, the council's
// analysis and other information. Every message is an i18n key.

const isDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)

const dateField = z.string().trim().refine(isDate, 'situation.error.date')

export const PictureSchema = z
  .object({
    title: requiredText(200),
    periodFrom: dateField,
    periodTo: dateField,
    analysis: optionalText(MAX_FORMATTED_TEXT_LENGTH),
    otherInformation: optionalText(MAX_FORMATTED_TEXT_LENGTH),
  })
  .superRefine((form, ctx) => {
    const days = daysBetween(form.periodFrom, addDays(form.periodTo, 1))
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'situation.error.order' })
    else if (days > MAX_RANGE_DAYS)
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'situation.error.long' })
  })

export const PictureUpdateSchema = z.intersection(PictureSchema, z.object({ version: versionField }))

export const FreezeSchema = z.object({ version: versionField })
