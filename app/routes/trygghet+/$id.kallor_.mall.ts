import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireCouncil } from '~/modules/council/council-access.server'
import { areaNames } from '~/modules/council/reports.server'
import { statisticsTemplateRows } from '~/modules/council/statistics-csv'
import { statisticsNames } from '~/modules/council/statistics.server'
import { surveyTemplateRows } from '~/modules/council/survey'
import { toCsv } from '~/modules/text/csv'

/**
 * The import templates, with the council's own category and area names: the
 * statistics file, or with `?fil=trygghetsmatning` the safety survey's. For
 * Swedish Excel (UTF-8 with BOM, `;`).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, council } = await requireCouncil(request, params, 'council.read')
  const survey = new URL(request.url).searchParams.get('fil') === 'trygghetsmatning'
  const rows = survey
    ? surveyTemplateRows(await areaNames(db, council.id))
    : statisticsTemplateRows(await statisticsNames(db, council.id))
  const fileName = survey ? 'mall-trygghetsmatning.csv' : 'mall-andra-kallor.csv'
  return new Response(toCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  })
}
