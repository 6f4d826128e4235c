import { z } from 'zod'
import { organisationKinds, sectors } from '~/db/enums'
import { parseMapSort, type MapListQuery } from './map-filters'

const flag = z
  .enum(['1', 'true', 'on'])
  .transform(() => true)
  .optional()
  .catch(undefined)

/**
 * The map's and the list's filters, read from the URL so that the form works
 * without JavaScript and a filtered view can be shared as a link. A value that
 * does not parse is ignored rather than refused: it is a filter, not input.
 */
export const MapFiltersSchema = z.object({
  sector: z.enum(sectors).optional().catch(undefined),
  kind: z.enum(organisationKinds).optional().catch(undefined),
  network: z.string().uuid().optional().catch(undefined),
  styrel: z.coerce.number().int().min(1).max(8).optional().catch(undefined),
  no247: flag,
  stale: flag,
})
export type MapFilters = z.infer<typeof MapFiltersSchema>

export function parseMapSearch(searchParams: URLSearchParams): MapListQuery {
  const entries = [...searchParams.entries()].filter(([, value]) => value !== '')
  const filters = MapFiltersSchema.parse(Object.fromEntries(entries))
  const page = Number(searchParams.get('page'))
  return {
    filters,
    sort: parseMapSort(searchParams.get('sort')),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  }
}
