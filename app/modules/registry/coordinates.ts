import proj4 from 'proj4'

// SWEREF 99 TM (EPSG:3006) is the Swedish national grid. Its datum coincides
// with WGS84 at the level that matters here (Lantmäteriet treats them as equal
// for map use), so the conversion is the projection alone.
const SWEREF99_TM = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs'
const WGS84 = 'EPSG:4326'

const converter = proj4(WGS84, SWEREF99_TM)

export interface Wgs84Point {
  lat: number
  lng: number
}

export interface SwerefPoint {
  northing: number
  easting: number
}

/** Sweden with a margin: the extent a position typed into the portal must fall in. */
export const swedenWgs84 = { minLat: 55, maxLat: 69.1, minLng: 10.5, maxLng: 24.2 } as const
export const swedenSweref = {
  minNorthing: 6_100_000,
  maxNorthing: 7_700_000,
  minEasting: 250_000,
  maxEasting: 950_000,
} as const

export function wgs84ToSweref({ lat, lng }: Wgs84Point): SwerefPoint {
  const [easting, northing] = converter.forward([lng, lat])
  return { northing: northing!, easting: easting! }
}

export function swerefToWgs84({ northing, easting }: SwerefPoint): Wgs84Point {
  const [lng, lat] = converter.inverse([easting, northing])
  return { lat: lat!, lng: lng! }
}

export function isInSwedenWgs84({ lat, lng }: Wgs84Point): boolean {
  return (
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    lat >= swedenWgs84.minLat &&
    lat <= swedenWgs84.maxLat &&
    lng >= swedenWgs84.minLng &&
    lng <= swedenWgs84.maxLng
  )
}

export function isInSwedenSweref({ northing, easting }: SwerefPoint): boolean {
  return (
    Number.isFinite(northing) &&
    Number.isFinite(easting) &&
    northing >= swedenSweref.minNorthing &&
    northing <= swedenSweref.maxNorthing &&
    easting >= swedenSweref.minEasting &&
    easting <= swedenSweref.maxEasting
  )
}

/** Whole millimetres, as Lantmäteriet prints grid coordinates, with the decimal comma. */
export function formatMetres(value: number): string {
  return value.toFixed(3).replace('.', ',')
}
