import { z } from 'zod'
import { optionalText, requiredText, uuidField } from '~/modules/forms/fields'
import { isCalendarDate } from './action-item-state'

/** The coordinator's form for an action item; every message is an i18n key. */
export const ActionItemSchema = z.object({
  title: requiredText(200),
  description: optionalText(2_000),
  ownerOrganisationId: uuidField,
  dueDate: z
    .string()
    .trim()
    .default('')
    .refine((value) => value === '' || isCalendarDate(value), 'validation.date')
    .transform((value) => (value === '' ? null : value)),
})
