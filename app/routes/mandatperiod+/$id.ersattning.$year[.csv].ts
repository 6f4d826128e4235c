import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { translator } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { requireReportYear } from '~/modules/mandate/grant-page.server'
import { grantReportCsvRows } from '~/modules/mandate/grant-report'
import { grantActivities } from '~/modules/mandate/grant-report.server'
import { requireReadablePeriod } from '~/modules/mandate/mandate-access.server'
import { attachment } from '~/modules/directory/directory-export.server'
import { toCsv } from '~/modules/text/csv'

/** The year's grant report as CSV for Swedish Excel, for the period's readers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireReadablePeriod(db, user, id)
  const year = requireReportYear(period, params.year)
  const rows = grantReportCsvRows(translator(getLocale(request)), await grantActivities(db, period, year))
  return attachment(toCsv(rows), { contentType: 'text/csv; charset=utf-8', filename: `ersattning-${year}.csv` })
}
