import { z } from 'zod'
import {
  councilFollowUpAssessments,
  councilMeasureKinds,
  councilMeasureStates,
  type CouncilMeasureState,
} from '~/db/enums'
import { enumField, optionalText, requiredText, versionField } from '~/modules/forms/fields'
import { isCalendarDate } from '~/modules/meetings/action-item-state'

// The council's measures (insatser): the forms' schemas, shared by the pages
// and the server, and the rules the action plan shows. Messages are i18n keys.

/**
 * The kinds of measure the form suggests, stored as their code. The column is
 * free text, so a value outside the list (written before, or by an import) is
 * shown as it is.
 */
export const measureTypes = [
  'lighting',
  'cameras',
  'police_presence',
  'vegetation',
  'guards',
  'cleaning',
  'youth_activities',
  'parent_walks',
  'outreach',
  'information',
  'other',
] as const
export type MeasureType = (typeof measureTypes)[number]

export const isMeasureType = (value: string): value is MeasureType =>
  (measureTypes as readonly string[]).includes(value)

export const TITLE_MAX = 200
export const TEXT_MAX = 4_000

/** The plan's filter: the measures still to do (planned and ongoing), or all. */
export const measureFilters = ['open', 'all'] as const
export type MeasureFilter = (typeof measureFilters)[number]
export const openStates: readonly CouncilMeasureState[] = ['planned', 'ongoing']

const dateField = z
  .string({ required_error: 'validation.date', invalid_type_error: 'validation.date' })
  .trim()
  .refine(isCalendarDate, 'validation.date')

/** An optional choice among ids: empty is none; anything else must look like an id. */
const optionalId = z
  .string()
  .trim()
  .default('')
  .refine((value) => value === '' || z.string().uuid().safeParse(value).success, 'validation.choose')
  .transform((value) => (value === '' ? null : value))

const measureObject = z.object({
  title: requiredText(TITLE_MAX),
  kind: enumField(councilMeasureKinds),
  measureType: enumField(measureTypes),
  description: optionalText(TEXT_MAX),
  areaId: optionalId,
  place: optionalText(200),
  responsibleOrganisationId: z.string({ required_error: 'validation.choose' }).uuid('validation.choose'),
  startDate: dateField,
  expectedEffect: optionalText(TEXT_MAX),
  followUpDate: dateField,
  situationPictureId: optionalId,
})

type MeasureObject = z.infer<typeof measureObject>

function measureRules(value: MeasureObject, ctx: z.RefinementCtx) {
  if (isCalendarDate(value.startDate) && isCalendarDate(value.followUpDate) && value.followUpDate < value.startDate)
    ctx.addIssue({ code: 'custom', path: ['followUpDate'], message: 'councilMeasures.error.followUpBeforeStart' })
  if (value.areaId === null && value.place === '')
    ctx.addIssue({ code: 'custom', path: ['place'], message: 'councilMeasures.error.where' })
}

/** A new measure: what, what kind, where, who is responsible, from when, what it should achieve and when it is followed up. */
export const MeasureSchema = measureObject.superRefine(measureRules)
export type MeasureFields = z.infer<typeof MeasureSchema>

/** The same fields saved under the version the form was loaded with. */
export const MeasureEditSchema = measureObject.extend({ version: versionField }).superRefine(measureRules)

export const MeasureStateSchema = z.object({ state: enumField(councilMeasureStates), version: versionField })

/** A follow-up or evaluation: on which day, how it went and a note. It cannot be dated after today. */
export function followUpSchema(today: string) {
  return z.object({
    followedUpOn: dateField.refine((value) => value <= today, 'councilMeasures.error.followUpInFuture'),
    assessment: enumField(councilFollowUpAssessments),
    note: optionalText(TEXT_MAX),
  })
}
export type FollowUpFields = z.infer<ReturnType<typeof followUpSchema>>

/**
 * The follow-up is overdue when its date has passed, the measure is still
 * planned or ongoing, and nobody has followed it up on or after that date.
 * Dates are YYYY-MM-DD in Swedish time, so text order is date order.
 */
export function isFollowUpOverdue(
  measure: { followUpDate: string; state: CouncilMeasureState; lastFollowedUpOn: string | null },
  today: string,
): boolean {
  return (
    openStates.includes(measure.state) &&
    measure.followUpDate < today &&
    (measure.lastFollowedUpOn === null || measure.lastFollowedUpOn < measure.followUpDate)
  )
}

/** The edit form's values for a stored measure. */
export function measureValues(measure: {
  title: string
  kind: string
  measureType: string
  description: string
  areaId: string | null
  place: string
  responsibleOrganisationId: string
  startDate: string
  expectedEffect: string
  followUpDate: string
  situationPictureId: string | null
  version: number
}): Record<string, string> {
  return {
    title: measure.title,
    kind: measure.kind,
    measureType: measure.measureType,
    description: measure.description,
    areaId: measure.areaId ?? '',
    place: measure.place,
    responsibleOrganisationId: measure.responsibleOrganisationId,
    startDate: measure.startDate,
    expectedEffect: measure.expectedEffect,
    followUpDate: measure.followUpDate,
    situationPictureId: measure.situationPictureId ?? '',
    version: String(measure.version),
  }
}
