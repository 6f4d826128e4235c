import { z } from 'zod'
import { sectors } from '~/db/enums'
import { enumField, optionalText, requiredText, versionField } from '~/modules/forms/fields'
import type { FieldErrors } from '~/modules/forms/parse-form'
import { parseForm } from '~/modules/forms/parse-form'
import { checkboxField, pastDateField, peopleCountField, positiveHoursField, styrelClassField } from './registry-fields'

const ServiceFieldsSchema = z.object({
  name: requiredText(200),
  description: optionalText(4000),
  sector: enumField(sectors),
  acceptableOutageHours: positiveHoursField,
  styrelClass: styrelClassField,
  peopleServed: peopleCountField,
  hasContinuityPlan: checkboxField,
  continuityExercisedOn: pastDateField(),
})

/** An exercise date says a plan was exercised: without a plan it is a typing mistake. */
function planBeforeExercise<T extends { hasContinuityPlan: boolean; continuityExercisedOn: string | null }>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
) {
  return schema.superRefine((input, ctx) => {
    if (input.continuityExercisedOn && !input.hasContinuityPlan) {
      ctx.addIssue({ code: 'custom', path: ['continuityExercisedOn'], message: 'services.exercised.withoutPlan' })
    }
  })
}

export const ServiceSchema = planBeforeExercise(ServiceFieldsSchema)
export const ServiceUpdateSchema = planBeforeExercise(ServiceFieldsSchema.extend({ version: versionField }))

const SiteIdsSchema = z.array(z.string().uuid('validation.choose')).max(500, 'validation.tooLong')

export type ServiceFormResult<T> =
  | { ok: true; data: T & { siteIds: string[] }; values: Record<string, string>; siteIds: string[] }
  | { ok: false; errors: FieldErrors; values: Record<string, string>; siteIds: string[] }

/**
 * The service form sends its sites as repeated `siteIds` checkboxes, which a
 * one-value-per-field parse cannot see; they are read and checked here.
 */
export function parseServiceForm<S extends z.ZodTypeAny>(schema: S, formData: FormData): ServiceFormResult<z.infer<S>> {
  const parsed = parseForm(schema, formData)
  const rawSiteIds = formData.getAll('siteIds').filter((value): value is string => typeof value === 'string')
  const siteIds = SiteIdsSchema.safeParse([...new Set(rawSiteIds)])
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
  if (!siteIds.success) errors.siteIds = siteIds.error.issues[0]?.message ?? 'validation.choose'
  if (parsed.ok && siteIds.success) {
    return { ok: true, data: { ...parsed.data, siteIds: siteIds.data }, values: parsed.values, siteIds: siteIds.data }
  }
  return { ok: false, errors, values: parsed.values, siteIds: rawSiteIds }
}
