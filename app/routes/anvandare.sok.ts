import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { searchUsers } from '~/modules/organisations/organisation-search.server'
import { normalisePickerQuery } from '~/modules/organisations/picker'

const headers = { 'Cache-Control': 'private, no-store' }

/**
 * The user picker's search as the user types (the change log's filter): at
 * most twenty accounts by name or e-mail address, deactivated ones too. Only
 * for who reads the change log, which names them anyway.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audit.read')
  const query = normalisePickerQuery(new URL(request.url).searchParams.get('q'))
  return Response.json({ items: await searchUsers(await getDb(), query) }, { headers })
}
