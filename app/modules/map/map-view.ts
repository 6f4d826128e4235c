import { z } from 'zod'
import type { Availability, ContactChannel, ContactFunction, OrganisationKind } from '~/db/enums'

// The map's data travels per view: the browser asks for the box it shows at
// its zoom level, and the server answers with the clusters and single sites
// of that box. Shared by the server (which builds the answer) and the browser
// (which asks and draws), so nothing here may touch the database.

/** An ISK or round-the-clock route, as the map and the list show it: function, channel, value, label, availability. */
export type MapRoute = [ContactFunction, ContactChannel, string, string, Availability]

/** South, west, north, east in WGS84 degrees. */
export type MapBounds = [number, number, number, number]

/**
 * Single sites in a compact shape: parallel arrays of primitives (entry i of
 * every `sites` array is one site), and each organisation once, with its ISK
 * and 24/7 routes, referred to by its index.
 */
export interface MapData {
  sites: {
    id: string[]
    name: string[]
    lat: number[]
    lng: number[]
    /** Index into `organisations`. */
    org: number[]
    /** Sectors of the services at the site, as a bit mask over the fixed sector list (see sectorsOfMask). */
    sectors: number[]
    /** The most critical Styrel class of the site and its services (1 is the most critical). */
    styrel: (number | null)[]
  }
  organisations: {
    id: string[]
    name: string[]
    kind: OrganisationKind[]
    confirmedAt: (string | null)[]
    routes: MapRoute[][]
  }
}

/** Where the filtered sites are: the answer without a view, so the map can fit itself to them. */
export interface MapExtent {
  total: number
  /** Null when no site matches. */
  bounds: MapBounds | null
}

/** What one view of the map shows: clusters where sites crowd together, the rest as single sites. */
export interface MapView extends MapData {
  zoom: number
  /** Matching sites inside the view: alone or counted in a cluster. */
  inView: number
  clusters: {
    /** Stable for a zoom level: a cluster that stays in view after a pan keeps its key. */
    key: string[]
    lat: number[]
    lng: number[]
    count: number[]
    /** The box its sites span, to zoom into. */
    bounds: MapBounds[]
  }
}

export interface MapViewport {
  /** West, south, east, north. */
  bbox: [number, number, number, number]
  zoom: number
}

/** Sites closer than this on screen share a cluster (a grid of square cells, in pixels). */
export const CLUSTER_CELL_PX = 64
/** From this zoom level on (a street), every site is drawn by itself. */
export const SINGLE_SITES_ZOOM = 17
/** At most this many single sites in one answer: a street never holds more. */
export const MAX_SINGLE_SITES = 2000
/** A view larger than this, in pixels either way, is not a screen: refused. */
const MAX_VIEW_PX = 8192
const MAX_LATITUDE = 85.05

/** The world's width in pixels at a zoom level, with Leaflet's 256-pixel tiles. */
export const worldPixels = (zoom: number) => 256 * 2 ** zoom

/** Web Mercator y in [0, 1) from the top, as map tiles are laid out. */
export function mercatorY(lat: number): number {
  const radians = (lat * Math.PI) / 180
  return 0.5 - Math.log(Math.tan(Math.PI / 4 + radians / 2)) / (2 * Math.PI)
}

const coordinate = z
  .string()
  .regex(/^-?\d{1,3}(\.\d{1,12})?$/)
  .transform(Number)
const ViewportSchema = z
  .object({
    bbox: z
      .string()
      .transform((text) => text.split(','))
      .pipe(z.tuple([coordinate, coordinate, coordinate, coordinate])),
    zoom: z.string().regex(/^\d{1,2}$/).transform(Number).pipe(z.number().max(20)),
  })
  .transform(({ bbox, zoom }) => {
    const [west, south, east, north] = bbox
    return {
      bbox: [
        Math.max(-180, west),
        Math.max(-MAX_LATITUDE, south),
        Math.min(180, east),
        Math.min(MAX_LATITUDE, north),
      ] as MapViewport['bbox'],
      zoom,
    }
  })
  .refine(({ bbox: [west, south, east, north] }) => west < east && south < north)
  .refine(({ bbox: [west, south, east, north], zoom }) => {
    const world = worldPixels(zoom)
    const width = ((east - west) / 360) * world
    const height = (mercatorY(south) - mercatorY(north)) * world
    return width <= MAX_VIEW_PX && height <= MAX_VIEW_PX
  })

/**
 * The view from `bbox=west,south,east,north&zoom=z`: `null` when neither is
 * there (the extent is asked for), `'invalid'` when they do not describe a
 * screen's worth of map.
 */
export function parseMapViewport(searchParams: URLSearchParams): MapViewport | null | 'invalid' {
  if (!searchParams.has('bbox') && !searchParams.has('zoom')) return null
  const parsed = ViewportSchema.safeParse({ bbox: searchParams.get('bbox'), zoom: searchParams.get('zoom') })
  return parsed.success ? parsed.data : 'invalid'
}

/** The view as search parameters, rounded to about a metre. */
export function mapViewportParams({ bbox, zoom }: MapViewport): URLSearchParams {
  // Outwards, so that rounding never drops a site at the edge.
  const [west, south, east, north] = bbox
  const down = (value: number) => (Math.floor(value * 1e5) / 1e5).toFixed(5)
  const up = (value: number) => (Math.ceil(value * 1e5) / 1e5).toFixed(5)
  return new URLSearchParams({ bbox: [down(west), down(south), up(east), up(north)].join(','), zoom: String(zoom) })
}
