import { swerefToWgs84, wgs84ToSweref, type Wgs84Point } from '~/modules/registry/coordinates'
import { pointInRing } from '~/modules/scenarios/area'

// Plain geometry for the council's areas and report positions: no database.
// An area is a simple polygon of [lat, lng] corners, tested with the same
// ring test as a scenario's drawn area.

export type Corner = [lat: number, lng: number]

export interface BoundingBox {
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
}

export function boundingBox(polygon: readonly Corner[]): BoundingBox {
  let minLat = Infinity
  let maxLat = -Infinity
  let minLng = Infinity
  let maxLng = -Infinity
  for (const [lat, lng] of polygon) {
    minLat = Math.min(minLat, lat)
    maxLat = Math.max(maxLat, lat)
    minLng = Math.min(minLng, lng)
    maxLng = Math.max(maxLng, lng)
  }
  return { minLat, maxLat, minLng, maxLng }
}

export interface AreaShape extends BoundingBox {
  id: string
  polygon: readonly Corner[]
}

/**
 * The area a point falls in. Where areas overlap the smallest wins: a
 * housing area inside the town centre is the more telling answer.
 */
export function areaOf(point: Wgs84Point, areas: readonly AreaShape[]): string | null {
  let best: { id: string; size: number } | null = null
  for (const area of areas) {
    if (point.lat < area.minLat || point.lat > area.maxLat || point.lng < area.minLng || point.lng > area.maxLng) continue
    if (!pointInRing(point.lat, point.lng, area.polygon)) continue
    const size = (area.maxLat - area.minLat) * (area.maxLng - area.minLng)
    if (!best || size < best.size) best = { id: area.id, size }
  }
  return best?.id ?? null
}

/**
 * A position snapped to the centre of its square in a grid of `metres` on
 * SWEREF 99 TM, the national grid: what anyone but a council member sees.
 */
export function coarsen(point: Wgs84Point, metres: number): Wgs84Point {
  if (metres <= 0) return point
  const { northing, easting } = wgs84ToSweref(point)
  const snapped = swerefToWgs84({
    northing: (Math.floor(northing / metres) + 0.5) * metres,
    easting: (Math.floor(easting / metres) + 0.5) * metres,
  })
  return { lat: round(snapped.lat), lng: round(snapped.lng) }
}

// Six decimals is about 0.1 m: finer digits would only pretend to precision.
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6
}
