import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireCouncil } from '~/modules/council/council-access.server'
import { precisePositionsFor } from '~/modules/council/council-sections'
import { parseFilters, parsePeriod, type WeeklyMapData } from '~/modules/council/weekly'
import { countWithoutPosition, hotSpots, mapPoints } from '~/modules/council/weekly.server'

/** Hot spots are squares of about this size, or of the council's coarsening if that is coarser. */
const HOT_SPOT_METRES = 250

/**
 * The weekly picture's map data, fetched once the map is up: positions
 * (coarsened unless the viewer is a council member) and the densest cells.
 * No ids and no text, so this is no read of any report.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.read')
  const search = new URL(request.url).searchParams
  const { period } = parsePeriod(search, new Date())
  const filters = parseFilters(search)
  const precise = precisePositionsFor(user, council)
  const cellMetres = precise ? HOT_SPOT_METRES : Math.max(HOT_SPOT_METRES, council.coarsenMetres)
  const [points, spots, withoutPosition] = await Promise.all([
    mapPoints(db, council, period, { filters, precise }),
    hotSpots(db, council, period, cellMetres, { filters, limit: 20 }),
    countWithoutPosition(db, council, period, filters),
  ])
  const body: WeeklyMapData = {
    ...points,
    hotSpots: spots.map((spot) => [spot.south, spot.west, spot.north, spot.east, spot.count]),
    cellMetres,
    withoutPosition,
  }
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-store' } })
}
