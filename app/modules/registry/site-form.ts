import { z } from 'zod'
import { siteKinds } from '~/db/enums'
import { enumField, optionalText, requiredText, versionField } from '~/modules/forms/fields'
import {
  isInSwedenSweref,
  isInSwedenWgs84,
  swedenSweref,
  swedenWgs84,
  swerefToWgs84,
  type Wgs84Point,
} from './coordinates'
import { parseDecimal } from './decimal'
import { checkboxField, optionalHoursField, styrelClassField } from './registry-fields'

export const coordinateSystems = ['wgs84', 'sweref99tm'] as const
export type CoordinateSystem = (typeof coordinateSystems)[number]

export interface PositionInput {
  coordinateSystem: CoordinateSystem
  lat: string
  lng: string
  northing: string
  easting: string
}

export type PositionResult = { ok: true; position: Wgs84Point | null } | { ok: false; errors: Record<string, string> }

/**
 * Reads the position from the coordinate system the user chose. Both fields
 * empty means no position; one of them empty, text that is no number, or a
 * point outside Sweden is an error on the field concerned.
 */
export function resolvePosition(input: PositionInput): PositionResult {
  const [first, second] =
    input.coordinateSystem === 'wgs84' ? (['lat', 'lng'] as const) : (['northing', 'easting'] as const)
  const texts = { [first]: input[first].trim(), [second]: input[second].trim() }
  if (texts[first] === '' && texts[second] === '') return { ok: true, position: null }
  const errors: Record<string, string> = {}
  const values: Record<string, number> = {}
  for (const field of [first, second]) {
    if (texts[field] === '') {
      errors[field] = 'validation.required'
      continue
    }
    const value = parseDecimal(texts[field]!)
    if (value === null) errors[field] = 'sites.position.number'
    else values[field] = value
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }

  if (input.coordinateSystem === 'wgs84') {
    const point = { lat: values.lat!, lng: values.lng! }
    if (point.lat < swedenWgs84.minLat || point.lat > swedenWgs84.maxLat) errors.lat = 'sites.position.latOutside'
    if (point.lng < swedenWgs84.minLng || point.lng > swedenWgs84.maxLng) errors.lng = 'sites.position.lngOutside'
    return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, position: point }
  }

  const grid = { northing: values.northing!, easting: values.easting! }
  if (grid.northing < swedenSweref.minNorthing || grid.northing > swedenSweref.maxNorthing) {
    errors.northing = 'sites.position.northingOutside'
  }
  if (grid.easting < swedenSweref.minEasting || grid.easting > swedenSweref.maxEasting) {
    errors.easting = 'sites.position.eastingOutside'
  }
  if (Object.keys(errors).length > 0 || !isInSwedenSweref(grid)) return { ok: false, errors }
  const point = swerefToWgs84(grid)
  // The grid's corners reach a little beyond the latitude/longitude box.
  if (!isInSwedenWgs84(point)) return { ok: false, errors: { northing: 'sites.position.outside' } }
  return { ok: true, position: point }
}

const SiteFieldsSchema = z.object({
  name: requiredText(200),
  kind: enumField(siteKinds),
  address: optionalText(300),
  coordinateSystem: enumField(coordinateSystems).default('wgs84'),
  lat: optionalText(40),
  lng: optionalText(40),
  northing: optionalText(40),
  easting: optionalText(40),
  backupPowerHours: optionalHoursField,
  backupFuel: optionalText(200),
  styrelClass: styrelClassField,
  safetyPoint: checkboxField,
  emergencyWaterPoint: checkboxField,
})

function withPosition<T extends z.infer<typeof SiteFieldsSchema>>(schema: z.ZodType<T, z.ZodTypeDef, unknown>) {
  return schema
    .superRefine((input, ctx) => {
      const result = resolvePosition(input)
      if (result.ok) return
      for (const [field, message] of Object.entries(result.errors))
        ctx.addIssue({ code: 'custom', path: [field], message })
    })
    .transform((input) => {
      const { coordinateSystem: _system, lat: _lat, lng: _lng, northing: _northing, easting: _easting, ...rest } = input
      const result = resolvePosition(input)
      const position = result.ok ? result.position : null
      return { ...rest, lat: position?.lat ?? null, lng: position?.lng ?? null }
    })
}

export const SiteSchema = withPosition(SiteFieldsSchema)
export const SiteUpdateSchema = withPosition(SiteFieldsSchema.extend({ version: versionField }))

export type SiteInput = z.infer<typeof SiteSchema>
