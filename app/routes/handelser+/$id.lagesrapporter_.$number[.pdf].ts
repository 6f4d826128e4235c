import type { LoaderFunctionArgs } from '@remix-run/node'
import { readableEventPage } from '~/modules/events/event-page.server'
import { reportPdfResponse } from '~/modules/events/situation-report-page.server'

/** A frozen situation report as a PDF file on A4, in the portal's embedded font. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return reportPdfResponse(await readableEventPage(request, params), params.number)
}
