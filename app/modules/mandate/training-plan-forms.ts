import { z } from 'zod'
import { trainingGoalMeasures, type TrainingGoalMeasure } from '~/db/enums'
import { enumField, optionalText, requiredText, uuidField, versionField } from '~/modules/forms/fields'
import { parseForm, type FieldErrors, type ParseResult } from '~/modules/forms/parse-form'

// The training plan's forms: what the server accepts, every message an i18n key.

export const GroupSchema = z.object({
  name: requiredText(200),
  description: optionalText(2000),
})
export type GroupFields = z.infer<typeof GroupSchema>

export const PersonSchema = z.object({
  name: requiredText(200),
  function: optionalText(200),
})

/** Which record an edit or a removal is of, and the version its form was loaded with. */
export const RecordRefSchema = z.object({ id: uuidField, version: versionField })

/** The measures that count activities, and so need a count. */
export function isCountedMeasure(measure: TrainingGoalMeasure): boolean {
  return measure !== 'group_trained'
}

const TARGET_MAX = 1000

const GoalBaseSchema = z.object({
  title: requiredText(300),
  measure: enumField(trainingGoalMeasures),
  targetCount: z.string().trim().default(''),
  targetGroupId: z.union([z.literal(''), uuidField]).default(''),
})

export interface GoalFields {
  title: string
  measure: TrainingGoalMeasure
  /** For counted measures; null for "everyone in the group trained". */
  targetCount: number | null
  targetGroupId: string | null
}

/** The count of a counted goal (a whole number 1–1000), and the group of "everyone trained", checked beside the rest. */
function goalRuleErrors(values: Record<string, string>): FieldErrors {
  const measure = trainingGoalMeasures.find((value) => value === values.measure)
  if (!measure) return {}
  const count = (values.targetCount ?? '').trim()
  if (isCountedMeasure(measure)) {
    if (count === '') return { targetCount: 'trainingPlan.error.targetCountRequired' }
    if (!/^\d{1,4}$/.test(count) || Number(count) < 1 || Number(count) > TARGET_MAX) {
      return { targetCount: 'trainingPlan.error.targetCount' }
    }
    return {}
  }
  return (values.targetGroupId ?? '') === '' ? { targetGroupId: 'trainingPlan.error.groupRequired' } : {}
}

export function parseGoalForm(formData: FormData): ParseResult<GoalFields> {
  const parsed = parseForm(GoalBaseSchema, formData)
  const ruleErrors = goalRuleErrors(parsed.values)
  if (!parsed.ok || Object.keys(ruleErrors).length > 0) {
    return { ok: false, values: parsed.values, errors: { ...ruleErrors, ...(parsed.ok ? {} : parsed.errors) } }
  }
  const goal = parsed.data
  return {
    ok: true,
    values: parsed.values,
    data: {
      title: goal.title,
      measure: goal.measure,
      targetCount: isCountedMeasure(goal.measure) ? Number(goal.targetCount) : null,
      targetGroupId: goal.targetGroupId === '' ? null : goal.targetGroupId,
    },
  }
}
