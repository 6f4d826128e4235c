import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import { DirectoryExports } from '~/components/directory/directory-exports'
import { DirectoryResultList, hitTotal } from '~/components/directory/directory-results'
import { DirectorySearchForm } from '~/components/directory/directory-search-form'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { DIRECTORY_GROUP_LIMIT, DIRECTORY_QUERY_MIN, hasDirectoryFilters } from '~/modules/directory/directory-filters'
import { parseDirectorySearch, searchDirectory } from '~/modules/directory/directory.server'
import { listNetworks } from '~/modules/registry/networks.server'
import directoryStyles from '~/styles/directory.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: directoryStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'network.read')
  const { filters, tooShort } = parseDirectorySearch(new URL(request.url).searchParams)
  const db = await getDb()
  const searched = filters.q !== '' || hasDirectoryFilters(filters)
  const [results, networks] = await Promise.all([
    searched ? searchDirectory(db, user, filters) : null,
    listNetworks(db),
  ])
  return {
    filters,
    tooShort,
    results,
    limit: DIRECTORY_GROUP_LIMIT,
    networks: networks.map(({ id, name }) => ({ id, name })),
  }
}

export default function DirectoryPage() {
  const t = useT()
  const { filters, tooShort, results, limit, networks } = useLoaderData<typeof loader>()
  const location = useLocation()
  const total = results ? hitTotal(results) : 0
  return (
    <div className="page directory-page">
      <h1>{t('directory.title')}</h1>
      <p>{t('directory.intro')}</p>
      <DirectorySearchForm
        key={location.search}
        filters={filters}
        networks={networks}
        error={tooShort ? t('directory.tooShort', { min: DIRECTORY_QUERY_MIN }) : undefined}
      />
      {results ? (
        <section aria-labelledby="traffar" className="directory-results">
          <h2 id="traffar">
            {filters.q ? t('directory.resultsFor', { query: filters.q }) : t('directory.filteredHeading')}
          </h2>
          {total === 0 ? (
            <p role="status">
              {filters.q ? t('directory.noHits', { query: filters.q }) : t('directory.noFilteredHits')}
            </p>
          ) : (
            <DirectoryResultList results={results} limit={limit} />
          )}
        </section>
      ) : null}
      <DirectoryExports filters={filters} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => `${data?.filters.q ? `${data.filters.q} – ` : ''}${t('directory.title')}`),
]
