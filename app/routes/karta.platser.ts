import type { LoaderFunctionArgs } from '@remix-run/node'
import { getEnv } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { parseMapSearch } from '~/modules/registry/map-filters.server'
import { getMapDataJson } from '~/modules/registry/map.server'
import { staleBefore } from '~/modules/staleness/staleness'

// The map's data request: every filtered site at once, in the compact shape of MapData.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'network.read')
  const { filters } = parseMapSearch(new URL(request.url).searchParams)
  const json = await getMapDataJson(await getDb(), user, filters, {
    staleBefore: staleBefore(new Date(), getEnv().STALE_AFTER_MONTHS),
  })
  return new Response(json, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      // Restricted routes of the reader's own organisation may be in it: never into a shared cache.
      'Cache-Control': 'private, no-store',
    },
  })
}
