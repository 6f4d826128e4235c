import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '~/modules/auth/guards.server'
import { templateRows } from '~/modules/import/import-rows'
import { toCsv } from '~/modules/text/csv'

/** The import template: the header row and two example rows, for Swedish Excel (UTF-8 with BOM, `;`). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'registry.oversee')
  return new Response(toCsv(templateRows()), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="importmall-organisationer.csv"',
      'Cache-Control': 'no-store',
    },
  })
}
