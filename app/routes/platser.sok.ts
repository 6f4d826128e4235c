import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { searchSites } from '~/modules/organisations/organisation-search.server'
import { normalisePickerQuery } from '~/modules/organisations/picker'

const headers = { 'Cache-Control': 'private, no-store' }

/**
 * The site picker's search as the user types (a scenario's or an event's
 * area): at most twenty sites by name, address or organisation. For every
 * network reader, who may read the sites on the map anyway.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'network.read')
  const query = normalisePickerQuery(new URL(request.url).searchParams.get('q'))
  return Response.json({ items: await searchSites(await getDb(), query) }, { headers })
}
