import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { translator } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { attachment, loadContactDirectory } from '~/modules/directory/directory-export.server'
import { swedishDate } from '~/modules/directory/directory-filters'
import { parseDirectorySearch } from '~/modules/directory/directory.server'
import { contactDirectoryCsv } from '~/modules/directory/export-csv'

/** The contact directory as CSV for Swedish Excel, with the directory's search and filters. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'network.read')
  const { filters } = parseDirectorySearch(new URL(request.url).searchParams)
  const directory = await loadContactDirectory(await getDb(), user, filters)
  return attachment(contactDirectoryCsv(translator(getLocale(request)), directory.organisations), {
    contentType: 'text/csv; charset=utf-8',
    filename: `kontaktlista-${swedishDate(new Date())}.csv`,
  })
}
