import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { translator } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { networkMemberItems, searchOrganisations } from '~/modules/organisations/organisation-search.server'
import { isUuid, normalisePickerQuery } from '~/modules/organisations/picker'

// Answers differ by who asks (and the network's members change): never into a shared cache.
const headers = { 'Cache-Control': 'private, no-store' }

/**
 * The organisation picker's search as the user types: `?q=` gives at most
 * twenty organisations by name, `?natverk=` every member of a network (the
 * picker's shortcut). For every network reader, who may read the directory anyway.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'network.read')
  const params = new URL(request.url).searchParams
  const db = await getDb()
  const t = translator(getLocale(request))
  const networkId = params.get('natverk')
  if (networkId !== null) {
    const network = isUuid(networkId) ? await networkMemberItems(db, t, networkId) : null
    if (!network) return Response.json({ error: 'Nätverket finns inte.' }, { status: 404, headers })
    return Response.json(network, { headers })
  }
  return Response.json({ items: await searchOrganisations(db, t, normalisePickerQuery(params.get('q'))) }, { headers })
}
