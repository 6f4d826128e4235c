import type { OrganisationKind, Sector } from '~/db/enums'

// The directory's search and filters, for the browser and the server; parsing
// them from the URL (with zod) is in directory.server.ts. The print view and
// the CSV and vCard exports take the same parameters as the search page.

export const DIRECTORY_QUERY_MIN = 2
export const DIRECTORY_QUERY_MAX = 100
/** Hits shown per group (organisations, services, places, contact routes). */
export const DIRECTORY_GROUP_LIMIT = 20

export interface DirectoryFilters {
  /** The search text as typed, trimmed; '' when there is none (or it is too short to search). */
  q: string
  kind?: OrganisationKind
  sector?: Sector
  network?: string
}

export function hasDirectoryFilters(filters: DirectoryFilters): boolean {
  return filters.kind !== undefined || filters.sector !== undefined || filters.network !== undefined
}

/** The search and filters as search parameters, in a fixed order, without empty ones. */
export function directoryParams(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.q) params.set('q', filters.q)
  if (filters.kind) params.set('kind', filters.kind)
  if (filters.sector) params.set('sector', filters.sector)
  if (filters.network) params.set('network', filters.network)
  return params
}

/** `path` with the filters as its query string. */
export function withDirectoryParams(path: string, filters: DirectoryFilters): string {
  const search = directoryParams(filters).toString()
  return search ? `${path}?${search}` : path
}

/** Today's date in Sweden as YYYY-MM-DD, for file names and "last confirmed" in exports. */
export function swedishDate(date: Date | string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(date))
}
