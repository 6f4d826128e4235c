import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { requireReadableScenario } from '~/modules/scenarios/scenario-access.server'
import { computeScenario } from '~/modules/scenarios/scenario-result.server'
import { scenarioDots } from '~/modules/scenarios/scenario-view.server'

/** The result map's dots, fetched by the map once the page is up: at county scale they are megabytes. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const scenario = await requireReadableScenario(db, user, id)
  return Response.json(scenarioDots(await computeScenario(db, scenario.definition)), {
    headers: { 'Cache-Control': 'private, no-store' },
  })
}
