import { z } from 'zod'
import { rsaMeasureStates } from '~/db/enums'
import type { ProtectedValue, ScaleStep } from '~/db/schema/rsa'
import { enumField, optionalText, requiredText, versionField } from '~/modules/forms/fields'
import { formValues } from '~/modules/forms/form-values'
import { parseForm, type FieldErrors } from '~/modules/forms/parse-form'
import type { PickerSpec } from '~/modules/organisations/picker'
import { NARRATIVE_MAX, reportParts } from './report'

// The RSA's forms: one zod schema per form, every message an i18n key.

const yearField = z.coerce
  .number({ invalid_type_error: 'rsa.validation.year' })
  .int('rsa.validation.year')
  .min(2000, 'rsa.validation.year')
  .max(2100, 'rsa.validation.year')

const uuid = z.string().uuid('validation.choose')

export const TEXT_MAX = 4_000

const periodSchema = z
  .object({ title: requiredText(200), periodStart: yearField, periodEnd: yearField })
  .refine((value) => value.periodEnd >= value.periodStart, { path: ['periodEnd'], message: 'rsa.validation.periodEnd' })

export const NewAnalysisSchema = periodSchema

/** The participants' picker: with the given ids for a page first shown, else as the post chose. */
export function participantPickers(ids?: readonly string[]): { organisationIds: PickerSpec } {
  return { organisationIds: { kind: 'organisation', ids } }
}

/** Organisations picked one by one, and optionally a network whose members all take part. */
export function readParticipantChoice(formData: FormData): { organisationIds: string[]; networkId: string | null } {
  const organisationIds = formData
    .getAll('organisationIds')
    .filter((value): value is string => typeof value === 'string' && uuid.safeParse(value).success)
  const network = formData.get('networkId')
  return {
    organisationIds: [...new Set(organisationIds)],
    networkId: typeof network === 'string' && uuid.safeParse(network).success ? network : null,
  }
}

export interface AnalysisShape {
  likelihoodScale: ScaleStep[]
  consequenceScale: ScaleStep[]
  capabilityScale: ScaleStep[]
  protectedValues: ProtectedValue[]
}

export const scaleNames = ['likelihood', 'consequence', 'capability'] as const
export type ScaleName = (typeof scaleNames)[number]

export const scaleOf = (shape: AnalysisShape, name: ScaleName) =>
  name === 'likelihood'
    ? shape.likelihoodScale
    : name === 'consequence'
      ? shape.consequenceScale
      : shape.capabilityScale

/**
 * The settings form: title, period, every step's label and description, and
 * every protected value's label. The number of steps and the protected
 * values' keys stay as they are: answers already given refer to them.
 */
export function parseSettings(
  formData: FormData,
  shape: AnalysisShape,
  newKey: () => string = () => crypto.randomUUID().slice(0, 8),
) {
  const values = formValues(formData)
  const errors: FieldErrors = {}
  const base = periodSchema.and(z.object({ version: versionField })).safeParse(values)
  if (!base.success) for (const issue of base.error.issues) errors[String(issue.path[0])] ??= issue.message
  const label = requiredText(120)
  const description = optionalText(400)
  const scales = {} as Record<ScaleName, ScaleStep[]>
  for (const name of scaleNames) {
    scales[name] = scaleOf(shape, name).map((_, index) => {
      const labelKey = `${name}.${index}.label`
      const descriptionKey = `${name}.${index}.description`
      const parsedLabel = label.safeParse(values[labelKey] ?? '')
      const parsedDescription = description.safeParse(values[descriptionKey] ?? '')
      if (!parsedLabel.success) errors[labelKey] = parsedLabel.error.issues[0]!.message
      if (!parsedDescription.success) errors[descriptionKey] = parsedDescription.error.issues[0]!.message
      return {
        label: parsedLabel.success ? parsedLabel.data : '',
        description: parsedDescription.success ? parsedDescription.data : '',
      }
    })
  }
  // A removed value's label is not checked; consequences already given under its key are kept but no longer counted.
  const protectedValues = shape.protectedValues
    .filter((value) => values[`pv.${value.key}.remove`] !== 'on')
    .map((value) => {
      const key = `pv.${value.key}`
      const parsed = label.safeParse(values[key] ?? '')
      if (!parsed.success) errors[key] = parsed.error.issues[0]!.message
      return { key: value.key, label: parsed.success ? parsed.data : '' }
    })
  const added = optionalText(120).safeParse(values['pv.new'] ?? '')
  if (!added.success) errors['pv.new'] = added.error.issues[0]!.message
  else if (added.data) protectedValues.push({ key: `pv-${newKey()}`, label: added.data })
  if (protectedValues.length === 0) errors['pv.new'] = 'rsa.validation.protectedValueNeeded'
  if (!base.success || Object.keys(errors).length > 0) return { ok: false as const, errors, values }
  return {
    ok: true as const,
    values,
    data: {
      title: base.data.title,
      periodStart: base.data.periodStart,
      periodEnd: base.data.periodEnd,
      version: base.data.version,
      likelihoodScale: scales.likelihood,
      consequenceScale: scales.consequence,
      capabilityScale: scales.capability,
      protectedValues,
    },
  }
}

/** The form values of the settings page for a stored analysis. */
export function settingsValues(
  analysis: AnalysisShape & { title: string; periodStart: number; periodEnd: number; version: number },
) {
  const values: Record<string, string> = {
    title: analysis.title,
    periodStart: String(analysis.periodStart),
    periodEnd: String(analysis.periodEnd),
    version: String(analysis.version),
  }
  for (const name of scaleNames) {
    scaleOf(analysis, name).forEach((step, index) => {
      values[`${name}.${index}.label`] = step.label
      values[`${name}.${index}.description`] = step.description
    })
  }
  for (const value of analysis.protectedValues) values[`pv.${value.key}`] = value.label
  return values
}

export const EventSchema = z.object({ title: requiredText(200), description: optionalText(1_000) })

export const answerIntents = ['draft', 'submit'] as const
export type AnswerIntent = (typeof answerIntents)[number]

function stepField(steps: number) {
  return z
    .string()
    .trim()
    .default('')
    .refine(
      (value) => value === '' || (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= steps),
      'rsa.validation.step',
    )
    .transform((value) => (value === '' ? null : Number(value)))
}

export interface AnswerData {
  organisationId: string
  version: number
  intent: AnswerIntent
  likelihood: number | null
  consequences: Record<string, number>
  capability: number | null
  vulnerabilities: string
  gaps: string
  measures: string
}

/**
 * One organisation's answer to one event. A draft may be partial; marking it
 * as done needs likelihood, every consequence and the capability. Version 0
 * means "no answer stored yet".
 */
export function parseAnswer(formData: FormData, shape: AnalysisShape) {
  const schema = z.object({
    organisationId: uuid,
    version: z.coerce
      .number({ invalid_type_error: 'validation.required' })
      .int('validation.required')
      .min(0, 'validation.required'),
    intent: enumField(answerIntents),
    likelihood: stepField(shape.likelihoodScale.length),
    capability: stepField(shape.capabilityScale.length),
    vulnerabilities: optionalText(TEXT_MAX),
    gaps: optionalText(TEXT_MAX),
    measures: optionalText(TEXT_MAX),
    ...Object.fromEntries(
      shape.protectedValues.map((value) => [`consequence.${value.key}`, stepField(shape.consequenceScale.length)]),
    ),
  })
  const parsed = parseForm(schema, formData)
  const { values } = parsed
  if (!parsed.ok) return { ok: false as const, errors: parsed.errors, values }
  const errors: FieldErrors = {}
  const raw = parsed.data as Record<string, unknown>
  const consequences: Record<string, number> = {}
  for (const value of shape.protectedValues) {
    const step = raw[`consequence.${value.key}`]
    if (typeof step === 'number') consequences[value.key] = step
  }
  const data: AnswerData = {
    organisationId: parsed.data.organisationId,
    version: parsed.data.version,
    intent: parsed.data.intent,
    likelihood: parsed.data.likelihood,
    capability: parsed.data.capability,
    consequences,
    vulnerabilities: parsed.data.vulnerabilities,
    gaps: parsed.data.gaps,
    measures: parsed.data.measures,
  }
  if (data.intent === 'submit') {
    if (data.likelihood === null) errors.likelihood = 'rsa.validation.neededToSubmit'
    if (data.capability === null) errors.capability = 'rsa.validation.neededToSubmit'
    for (const value of shape.protectedValues) {
      if (consequences[value.key] === undefined) errors[`consequence.${value.key}`] = 'rsa.validation.neededToSubmit'
    }
    if (Object.keys(errors).length > 0) return { ok: false as const, errors, values }
  }
  return { ok: true as const, data, values }
}

export function answerValues(answer: {
  organisationId: string
  version: number
  likelihood: number | null
  consequences: Record<string, number>
  capability: number | null
  vulnerabilities: string
  gaps: string
  measures: string
}) {
  const values: Record<string, string> = {
    organisationId: answer.organisationId,
    version: String(answer.version),
    likelihood: answer.likelihood === null ? '' : String(answer.likelihood),
    capability: answer.capability === null ? '' : String(answer.capability),
    vulnerabilities: answer.vulnerabilities,
    gaps: answer.gaps,
    measures: answer.measures,
  }
  for (const [key, step] of Object.entries(answer.consequences)) values[`consequence.${key}`] = String(step)
  return values
}

/** A real day written YYYY-MM-DD: 2027-02-30 is refused, not rolled over into March. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

const isoDate = z
  .string()
  .trim()
  .default('')
  .refine((value) => value === '' || isCalendarDate(value), 'validation.date')
  .transform((value) => (value === '' ? null : value))

const kronor = z
  .string()
  .trim()
  .default('')
  .transform((value) => value.replace(/[\s\u00a0]/g, '').replace(/(kr|:-)$/i, ''))
  .refine(
    (value) => value === '' || (/^\d{1,10}$/.test(value) && Number(value) <= 2_000_000_000),
    'rsa.validation.cost',
  )
  .transform((value) => (value === '' ? null : Number(value)))

export const MeasureSchema = z.object({
  title: requiredText(200),
  description: optionalText(TEXT_MAX),
  ownerOrganisationId: uuid,
  dueDate: isoDate,
  costEstimate: kronor,
  state: enumField(rsaMeasureStates),
  eventId: z
    .string()
    .default('')
    .refine((value) => value === '' || uuid.safeParse(value).success, 'validation.choose')
    .transform((value) => (value === '' ? null : value)),
})
export type MeasureFields = z.infer<typeof MeasureSchema>

export const FollowUpSchema = z.object({ year: yearField, note: optionalText(TEXT_MAX) })

const narrativeText = optionalText(NARRATIVE_MAX)

export const NarrativeSchema = z.object({
  version: versionField,
  area: narrativeText,
  process: narrativeText,
  services: narrativeText,
  dependencies: narrativeText,
  risks: narrativeText,
  vulnerabilities: narrativeText,
  measures: narrativeText,
}) satisfies z.ZodType<{ version: number } & Record<(typeof reportParts)[number], string>, z.ZodTypeDef, unknown>

export function measureValues(measure: {
  title: string
  description: string
  ownerOrganisationId: string
  dueDate: string | null
  costEstimate: number | null
  state: string
  eventId: string | null
  version: number
}): Record<string, string> {
  return {
    title: measure.title,
    description: measure.description,
    ownerOrganisationId: measure.ownerOrganisationId,
    dueDate: measure.dueDate ?? '',
    costEstimate: measure.costEstimate === null ? '' : String(measure.costEstimate),
    state: measure.state,
    eventId: measure.eventId ?? '',
    version: String(measure.version),
  }
}
