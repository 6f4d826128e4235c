import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { stockholmToday } from '~/modules/mandate/deliverable-state'
import { requireReadablePeriod } from '~/modules/mandate/mandate-access.server'
import { grantReportYear } from '~/modules/mandate/mandate-sections'

/** /mandatperiod/<id>/ersattning without a year: this year's report while the period runs, else its first year's. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const period = await requireReadablePeriod(await getDb(), user, id)
  throw redirect(`/mandatperiod/${period.id}/ersattning/${grantReportYear(period, stockholmToday())}`)
}
