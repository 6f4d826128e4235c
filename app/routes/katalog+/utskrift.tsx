import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ContactDirectoryPrint } from '~/components/directory/contact-directory-print'
import { ClientOnly } from '~/components/ui/client-only'
import { getDb } from '~/db/app-db.server'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { loadContactDirectory } from '~/modules/directory/directory-export.server'
import { withDirectoryParams } from '~/modules/directory/directory-filters'
import { parseDirectorySearch } from '~/modules/directory/directory.server'
import { getNetwork } from '~/modules/registry/networks.server'
import directoryStyles from '~/styles/directory.css?url'

/** More pages than anyone prints; a larger list is better narrowed with a search or filters. */
const PRINT_MAX_ORGANISATIONS = 500

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: directoryStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'network.read')
  const { filters } = parseDirectorySearch(new URL(request.url).searchParams)
  const db = await getDb()
  const [directory, network] = await Promise.all([
    loadContactDirectory(db, user, filters, { maxOrganisations: PRINT_MAX_ORGANISATIONS }),
    filters.network ? getNetwork(db, filters.network) : null,
  ])
  return {
    filters,
    networkName: network?.name ?? null,
    printedAt: new Date().toISOString(),
    total: directory.total,
    organisations: directory.organisations.map((organisation) => ({
      ...organisation,
      confirmedAt: organisation.confirmedAt ? new Date(organisation.confirmedAt).toISOString() : null,
    })),
  }
}

export default function ContactListPrintPage() {
  const t = useT()
  const locale = useLocale()
  const { filters, networkName, printedAt, total, organisations } = useLoaderData<typeof loader>()
  const selection = [
    filters.q ? t('export.selectionQuery', { query: filters.q }) : null,
    filters.kind ? t('export.selectionKind', { kind: t(`kind.${filters.kind}`) }) : null,
    filters.sector ? t('export.selectionSector', { sector: t(`sector.${filters.sector}`) }) : null,
    networkName ? t('export.selectionNetwork', { network: networkName }) : null,
  ].filter((part): part is string => part !== null)
  return (
    <div className="page contact-print">
      <div className="contact-print__tools">
        <Link to={withDirectoryParams('/katalog', filters)}>{t('export.back')}</Link>
        {/* window.print needs JavaScript: without it the browser's own print command remains. */}
        <ClientOnly>
          {() => (
            <button type="button" className="button" onClick={() => window.print()}>
              {t('export.print')}
            </button>
          )}
        </ClientOnly>
      </div>
      <h1>{t('export.printTitle')}</h1>
      <p className="contact-print__date">{t('export.printedAt', { date: formatDateTime(locale, printedAt) })}</p>
      <p>
        {t('export.selection', { selection: selection.length > 0 ? selection.join(' · ') : t('export.selectionAll') })}
      </p>
      {organisations.length < total ? (
        <p className="notice">{t('export.truncated', { shown: organisations.length, total })}</p>
      ) : (
        <p>{t('export.count', { count: total })}</p>
      )}
      {organisations.length === 0 ? (
        <p>{t('export.empty')}</p>
      ) : (
        <ContactDirectoryPrint organisations={organisations} />
      )}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'export.printTitle')]
