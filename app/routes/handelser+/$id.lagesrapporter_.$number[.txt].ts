import type { LoaderFunctionArgs } from '@remix-run/node'
import { readableEventPage } from '~/modules/events/event-page.server'
import { reportTextResponse } from '~/modules/events/situation-report-page.server'

/** A frozen situation report as plain text, laid out to paste into WIS (which has no public import). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return reportTextResponse(await readableEventPage(request, params), params.number)
}
