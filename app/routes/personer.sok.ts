import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { searchPeople } from '~/modules/organisations/organisation-search.server'
import { normalisePickerQuery } from '~/modules/organisations/picker'

const headers = { 'Cache-Control': 'private, no-store' }

/**
 * The person picker's search as the user types: at most twenty people who
 * may be invited, by name, e-mail address or organisation. Only for who
 * convenes meetings, the one form that picks people: a network reader may
 * not list everyone's names and addresses.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'meeting.manage')
  const query = normalisePickerQuery(new URL(request.url).searchParams.get('q'))
  return Response.json({ items: await searchPeople(await getDb(), query) }, { headers })
}
