import { z } from 'zod'
import { requiredText, versionField } from '~/modules/forms/fields'
import { isInSwedenWgs84 } from '~/modules/registry/coordinates'
import { parseAreaText } from '~/modules/scenarios/scenario-form'
import type { Corner } from './geometry'

// A council's named area: a name and its corners, typed one per line or
// clicked on the map (which writes the same field). Messages are i18n keys.

export const MIN_CORNERS = 3
export const MAX_CORNERS = 200

export interface AreaFormValues {
  name: string
  corners: string
  version?: string
}

/** The corners of the text; a last corner that repeats the first only closes the ring and is dropped. */
export function cornersOf(text: string): Corner[] | null {
  const ring = parseAreaText(text)
  if (!ring) return null
  const first = ring[0]
  const last = ring[ring.length - 1]
  if (ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) ring.pop()
  return ring
}

const cornersField = z.string({ required_error: 'councilAreas.error.corners' }).transform((text, ctx) => {
  const ring = cornersOf(text)
  if (!ring || ring.length < MIN_CORNERS || ring.length > MAX_CORNERS) {
    ctx.addIssue({ code: 'custom', message: 'councilAreas.error.corners' })
    return z.NEVER
  }
  if (!ring.every(([lat, lng]) => isInSwedenWgs84({ lat, lng }))) {
    ctx.addIssue({ code: 'custom', message: 'councilAreas.error.outsideSweden' })
    return z.NEVER
  }
  return ring
})

export const AreaCreateSchema = z.object({
  name: requiredText(100),
  corners: cornersField,
})

export const AreaUpdateSchema = AreaCreateSchema.extend({
  areaId: z.string().uuid('validation.formInvalid'),
  version: versionField,
})

export const AreaDeleteSchema = z.object({
  areaId: z.string().uuid('validation.formInvalid'),
  version: versionField,
})
