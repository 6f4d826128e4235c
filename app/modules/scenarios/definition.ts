import { z } from 'zod'
import { resources } from '~/db/enums'
import type { Scenario } from './engine'

// What a saved scenario stores: the engine's Scenario as plain JSON. Checked
// with zod when written and again when read, so a row edited by hand can never
// reach the engine in a shape it does not expect.

export const MAX_HORIZON_HOURS = 720
export const MAX_FAILURES = 8
export const MAX_AREA_POINTS = 200

const hours = z.number().finite().min(0).max(MAX_HORIZON_HOURS)
const latLng = z.tuple([z.number().finite().min(-90).max(90), z.number().finite().min(-180).max(180)])

export const FailureScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everywhere') }),
  z.object({ kind: z.literal('organisations'), organisationIds: z.array(z.string().uuid()).min(1).max(500) }),
  z.object({ kind: z.literal('sites'), siteIds: z.array(z.string().uuid()).min(1).max(500) }),
  z.object({ kind: z.literal('area'), ring: z.array(latLng).min(3).max(MAX_AREA_POINTS) }),
])

export const ScenarioFailureSchema = z.object({
  target: z.union([z.object({ resource: z.enum(resources) }), z.object({ serviceId: z.string().uuid() })]),
  scope: FailureScopeSchema,
  startHour: hours,
  durationHours: hours.positive().nullable(),
})

export const ScenarioDefinitionSchema = z.object({
  failures: z.array(ScenarioFailureSchema).min(1).max(MAX_FAILURES),
  horizonHours: z.number().int().min(1).max(MAX_HORIZON_HOURS),
  restartHours: hours,
})

export type ScenarioDefinition = z.infer<typeof ScenarioDefinitionSchema>
export type ScenarioFailureDefinition = z.infer<typeof ScenarioFailureSchema>

/** The stored definition as the engine takes it. */
export function toEngineScenario(definition: ScenarioDefinition): Scenario {
  return {
    failures: definition.failures.map((failure) => ({ ...failure })),
    horizonHours: definition.horizonHours,
    restartHours: definition.restartHours,
  }
}
