import { z } from 'zod'
import { resources, type Resource } from '~/db/enums'
import { optionalText, versionField } from '~/modules/forms/fields'
import { optionalChoice, optionalHoursField, optionalUuidField, requiredHoursField } from './registry-fields'

/** What a critical service depends on: exactly one of a resource or another organisation's service. */
export type DependencyTarget =
  { resource: Resource; dependsOnServiceId: null } | { resource: null; dependsOnServiceId: string }

export type TargetProblem =
  'deps.target.neither' | 'deps.target.both' | 'deps.target.ownService' | 'deps.target.unknown'

/** The shape of a target: one of the two, never both or neither. */
export function targetShapeProblem(input: {
  resource: string | null
  dependsOnServiceId: string | null
}): TargetProblem | null {
  if (input.resource === null && input.dependsOnServiceId === null) return 'deps.target.neither'
  if (input.resource !== null && input.dependsOnServiceId !== null) return 'deps.target.both'
  return null
}

/**
 * A service depends on other organisations' services; its own organisation's
 * services are part of its own continuity planning, and itself is no dependency.
 */
export function targetServiceProblem(
  dependingOrganisationId: string,
  target: { organisationId: string } | null,
): TargetProblem | null {
  if (!target) return 'deps.target.unknown'
  if (target.organisationId === dependingOrganisationId) return 'deps.target.ownService'
  return null
}

const DependencyFieldsSchema = z.object({
  resource: optionalChoice(resources),
  dependsOnServiceId: optionalUuidField,
  copesHours: requiredHoursField,
  backupDescription: optionalText(1000),
  backupHours: optionalHoursField,
})

function dependencyRules<
  T extends {
    resource: Resource | null
    dependsOnServiceId: string | null
    backupDescription: string
    backupHours: number | null
  },
>(schema: z.ZodType<T, z.ZodTypeDef, unknown>) {
  return schema
    .superRefine((input, ctx) => {
      const problem = targetShapeProblem(input)
      if (problem) ctx.addIssue({ code: 'custom', path: ['resource'], message: problem })
      if (input.backupHours !== null && input.backupDescription === '') {
        ctx.addIssue({ code: 'custom', path: ['backupDescription'], message: 'deps.backup.describe' })
      }
    })
    .transform((input) => input as T & DependencyTarget)
}

export const DependencySchema = dependencyRules(DependencyFieldsSchema)
export const DependencyUpdateSchema = dependencyRules(DependencyFieldsSchema.extend({ version: versionField }))

export type DependencyInput = z.infer<typeof DependencySchema>
