import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { requireFound, requireUuid } from '~/modules/http/responses'
import { getMapSiteDetails } from '~/modules/map/map.server'

// What a map popup fetches when it opens: the site's address and its services by name.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  await requirePermission(request, 'network.read')
  const site = requireFound(await getMapSiteDetails(await getDb(), id))
  return Response.json(site, { headers: { 'Cache-Control': 'private, no-store' } })
}
