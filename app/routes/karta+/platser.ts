import type { LoaderFunctionArgs } from '@remix-run/node'
import { getEnv } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { parseMapSearch } from '~/modules/map/map-filters.server'
import { getMapExtent, getMapView } from '~/modules/map/map.server'
import { parseMapViewport } from '~/modules/map/map-view'
import { staleBefore } from '~/modules/staleness/staleness'

// Restricted routes of the reader's own organisation may be in the answer: never into a shared cache.
const headers = { 'Cache-Control': 'private, no-store' }

/**
 * The map's data request. Without a view: how many sites match the filters
 * and where they are (MapExtent). With `bbox` and `zoom`: the clusters and
 * single sites of that view (MapView).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'network.read')
  const searchParams = new URL(request.url).searchParams
  const { filters } = parseMapSearch(searchParams)
  const viewport = parseMapViewport(searchParams)
  if (viewport === 'invalid') {
    return Response.json({ error: 'Kartutsnittet (bbox och zoom) är ogiltigt.' }, { status: 400, headers })
  }
  const db = await getDb()
  const options = { staleBefore: staleBefore(new Date(), getEnv().STALE_AFTER_MONTHS) }
  const data = viewport
    ? await getMapView(db, user, filters, options, viewport)
    : await getMapExtent(db, user, filters, options)
  return Response.json(data, { headers })
}
