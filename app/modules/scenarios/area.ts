// Where a scenario failure applies. Pure: runs on the server and in the browser.

/** A WGS84 position as [latitude, longitude] in degrees (the order Leaflet uses). */
export type LatLng = readonly [lat: number, lng: number]

/**
 * The part of the world a failure of a resource covers. A service is in scope
 * when the scope is everywhere, its organisation is listed, one of its sites is
 * listed, or one of its positioned sites lies inside the area.
 */
export type FailureScope =
  | { kind: 'everywhere' }
  | { kind: 'organisations'; organisationIds: readonly string[] }
  | { kind: 'sites'; siteIds: readonly string[] }
  /** A drawn polygon: one ring of [lat, lng] vertices, closed or not. */
  | { kind: 'area'; ring: readonly LatLng[] }

export const everywhere: FailureScope = { kind: 'everywhere' }

// Well below a millimetre: only points that are on an edge up to rounding count as on it.
const EDGE_TOLERANCE = 1e-12

/**
 * Whether a point lies inside a ring, by the even-odd rule. Latitude and
 * longitude are treated as plane coordinates: right for areas drawn on a
 * map of a municipality or a county, wrong across the antimeridian or a pole,
 * neither of which a Swedish area reaches. A point on an edge or a vertex
 * counts as inside, so a site drawn around exactly is never left out.
 */
export function pointInRing(lat: number, lng: number, ring: readonly LatLng[]): boolean {
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || ring.length < 3) return false
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [latI, lngI] = ring[i]!
    const [latJ, lngJ] = ring[j]!
    if (onSegment(lat, lng, latI, lngI, latJ, lngJ)) return true
    if (latI > lat !== latJ > lat) {
      const crossingLng = lngI + ((lat - latI) * (lngJ - lngI)) / (latJ - latI)
      if (lng < crossingLng) inside = !inside
    }
  }
  return inside
}

function onSegment(lat: number, lng: number, lat1: number, lng1: number, lat2: number, lng2: number): boolean {
  if (lat < Math.min(lat1, lat2) - EDGE_TOLERANCE || lat > Math.max(lat1, lat2) + EDGE_TOLERANCE) return false
  if (lng < Math.min(lng1, lng2) - EDGE_TOLERANCE || lng > Math.max(lng1, lng2) + EDGE_TOLERANCE) return false
  const cross = (lat2 - lat1) * (lng - lng1) - (lng2 - lng1) * (lat - lat1)
  const length = Math.hypot(lat2 - lat1, lng2 - lng1)
  return Math.abs(cross) <= EDGE_TOLERANCE * Math.max(1, length)
}

/** A point-in-ring test that first rejects points outside the ring's bounding box (most sites, for a local area). */
export function createAreaTest(ring: readonly LatLng[]): (lat: number, lng: number) => boolean {
  let minLat = Infinity
  let maxLat = -Infinity
  let minLng = Infinity
  let maxLng = -Infinity
  for (const [lat, lng] of ring) {
    minLat = Math.min(minLat, lat)
    maxLat = Math.max(maxLat, lat)
    minLng = Math.min(minLng, lng)
    maxLng = Math.max(maxLng, lng)
  }
  return (lat, lng) =>
    lat >= minLat - EDGE_TOLERANCE &&
    lat <= maxLat + EDGE_TOLERANCE &&
    lng >= minLng - EDGE_TOLERANCE &&
    lng <= maxLng + EDGE_TOLERANCE &&
    pointInRing(lat, lng, ring)
}

export interface ScopedSite {
  id: string
  lat: number | null
  lng: number | null
}

export interface ScopedService {
  organisationId: string
  sites: readonly ScopedSite[]
}

/** The scope as two questions, asked per organisation and per site (each set built once). */
export interface ScopeTest {
  everywhere: boolean
  organisation(organisationId: string): boolean
  site(site: ScopedSite): boolean
}

export function createScopeTest(scope: FailureScope): ScopeTest {
  switch (scope.kind) {
    case 'everywhere':
      return { everywhere: true, organisation: () => true, site: () => true }
    case 'organisations': {
      const listed = new Set(scope.organisationIds)
      return { everywhere: false, organisation: (id) => listed.has(id), site: () => false }
    }
    case 'sites': {
      const listed = new Set(scope.siteIds)
      return { everywhere: false, organisation: () => false, site: (site) => listed.has(site.id) }
    }
    case 'area': {
      const inArea = createAreaTest(scope.ring)
      return {
        everywhere: false,
        organisation: () => false,
        site: (site) => site.lat !== null && site.lng !== null && inArea(site.lat, site.lng),
      }
    }
  }
}

/**
 * Whether a failure with this scope hits the service. A service without
 * sites is hit by an organisation scope (its organisation listed) and by
 * everywhere, never by a site or area scope.
 */
export function isServiceInScope(test: ScopeTest, service: ScopedService): boolean {
  if (test.everywhere || test.organisation(service.organisationId)) return true
  return service.sites.some((site) => test.site(site))
}
