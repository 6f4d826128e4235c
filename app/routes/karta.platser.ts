import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { staleBefore } from '~/modules/registry/map-filters'
import { parseMapSearch } from '~/modules/registry/map-filters.server'
import { getMapDataJson } from '~/modules/registry/map.server'

// The map's data request: every filtered site at once, in the compact shape of MapData.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'network.read')
  const { filters } = parseMapSearch(new URL(request.url).searchParams)
  const json = await getMapDataJson(await getDb(), user, filters, { staleBefore: staleBefore(new Date()) })
  return new Response(json, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      // Restricted routes of the reader's own organisation may be in it: never into a shared cache.
      'Cache-Control': 'private, no-store',
    },
  })
}
