import { z } from 'zod'
import { availabilities, contactChannels, contactFunctions, visibilities, type ContactChannel } from '~/db/enums'
import { enumField, optionalText, versionField } from '~/modules/forms/fields'
import { parseForm, type ParseResult } from '~/modules/forms/parse-form'
import { isInternationalPhoneNumber, isSwedishPhoneNumber } from '~/modules/text/phone'
import { CONTACT_VALUE_MAX } from './contact-route-values'

// The contact-route forms: one schema for browser and server, messages are i18n keys.

const emailValue = z.string().email()

/** The i18n key of what is wrong with a value for this channel, or null. */
export function contactValueIssue(channel: string | undefined, value: string): string | null {
  const text = value.trim()
  if (text === '') return 'validation.required'
  if (text.length > CONTACT_VALUE_MAX) return 'validation.tooLong'
  switch (channel) {
    case 'phone':
    case 'mobile':
      return isSwedishPhoneNumber(text) ? null : 'contacts.validation.phone'
    case 'satellite_phone':
      return isInternationalPhoneNumber(text) ? null : 'contacts.validation.satellite'
    case 'email':
      return emailValue.safeParse(text).success ? null : 'validation.email'
    default:
      return null
  }
}

const callOrderField = z.coerce
  .number({ invalid_type_error: 'contacts.validation.callOrder' })
  .int('contacts.validation.callOrder')
  .min(1, 'contacts.validation.callOrder')
  .max(99, 'contacts.validation.callOrder')

const contactRouteShape = {
  function: enumField(contactFunctions),
  channel: enumField(contactChannels),
  value: z.string({ required_error: 'validation.required' }).trim(),
  label: optionalText(CONTACT_VALUE_MAX),
  availability: enumField(availabilities),
  callOrder: callOrderField,
  visibility: enumField(visibilities),
}

function checkValue(route: { channel: ContactChannel; value: string }, ctx: z.RefinementCtx) {
  const issue = contactValueIssue(route.channel, route.value)
  if (issue) ctx.addIssue({ code: 'custom', path: ['value'], message: issue })
}

export const ContactRouteSchema = z.object(contactRouteShape).superRefine(checkValue)

export const ContactRouteUpdateSchema = z
  .object({ ...contactRouteShape, version: versionField })
  .superRefine(checkValue)

export const ContactRouteDeleteSchema = z.object({ version: versionField })

export const ContactCheckSchema = z.object({
  reached: z.enum(['yes', 'no'], { errorMap: () => ({ message: 'contacts.validation.reached' }) }),
  note: optionalText(1000),
})

/**
 * Like parseForm, and the value is checked against the chosen channel even
 * when another field is wrong, so every error shows at the first attempt.
 */
export function parseContactRouteForm<S extends typeof ContactRouteSchema | typeof ContactRouteUpdateSchema>(
  schema: S,
  formData: FormData,
): ParseResult<z.infer<S>> {
  const parsed = parseForm(schema, formData)
  if (parsed.ok || parsed.errors.value) return parsed
  const issue = contactValueIssue(parsed.values.channel, parsed.values.value ?? '')
  return issue ? { ...parsed, errors: { ...parsed.errors, value: issue } } : parsed
}
