import { sectors, type Sector } from '~/db/enums'
import type { MapFilters } from './map-filters.server'

export type { MapFilters }

// The map's and the list's filters and sort, for the browser and the server;
// parsing them from the URL (with zod) is in map-filters.server.ts.
export const mapSortKeys = ['organisation', 'site', 'sector', 'styrel'] as const
export type MapSortKey = (typeof mapSortKeys)[number]
export type MapSortDirection = 'asc' | 'desc'
export interface MapSort {
  key: MapSortKey
  direction: MapSortDirection
}

export const MAP_PAGE_SIZE = 50

export interface MapListQuery {
  filters: MapFilters
  sort: MapSort
  page: number
}

export const defaultMapSort: MapSort = { key: 'organisation', direction: 'asc' }

/** `organisation`, `site-desc` … as in the `sort` search parameter. */
export function parseMapSort(value: string | null): MapSort {
  const match = /^([a-z]+)(-desc)?$/.exec(value ?? '')
  const key = mapSortKeys.find((candidate) => candidate === match?.[1])
  if (!key) return defaultMapSort
  return { key, direction: match?.[2] ? 'desc' : 'asc' }
}

export function formatMapSort(sort: MapSort): string {
  return sort.direction === 'desc' ? `${sort.key}-desc` : sort.key
}

/** What a sortable header's button asks for: the other direction of the current column, else ascending. */
export function nextMapSort(current: MapSort, key: MapSortKey): MapSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
  return { key, direction: 'asc' }
}

/** The filters as search parameters, in a fixed order, without empty ones. */
export function mapFilterParams(filters: MapFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.sector) params.set('sector', filters.sector)
  if (filters.kind) params.set('kind', filters.kind)
  if (filters.network) params.set('network', filters.network)
  if (filters.styrel) params.set('styrel', String(filters.styrel))
  if (filters.no247) params.set('no247', '1')
  if (filters.stale) params.set('stale', '1')
  return params
}

/** A site's sectors travel as a bit mask over the fixed sector list: bit i is `sectors[i]`. */
export function sectorBit(sector: Sector): number {
  return 1 << sectors.indexOf(sector)
}

export function sectorsOfMask(mask: number): Sector[] {
  return sectors.filter((_, index) => (mask & (1 << index)) !== 0)
}
