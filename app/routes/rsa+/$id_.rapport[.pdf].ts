import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { translator } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { renderReportPdf } from '~/modules/rsa/report-pdf.server'
import { reportData } from '~/modules/rsa/report.server'
import { requireResultsReadable } from '~/modules/rsa/rsa-access.server'

/** The seven-part report as a PDF file, for the county board. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireResultsReadable(db, user, id)
  const locale = getLocale(request)
  const pdf = await renderReportPdf(await reportData(db, analysis), translator(locale), locale)
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="rsa-${analysis.periodStart}-${analysis.periodEnd}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
