import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import leafletStyles from 'leaflet/dist/leaflet.css?url'
import { MapFilterForm } from '~/components/map/map-filter-form'
import { MapLegend } from '~/components/map/map-legend'
import { MapPanel } from '~/components/map/map-panel'
import { MapTable } from '~/components/map/map-table'
import { getEnv } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { MAP_PAGE_SIZE, mapFilterParams } from '~/modules/map/map-filters'
import { parseMapSearch } from '~/modules/map/map-filters.server'
import { getMapListPage } from '~/modules/map/map.server'
import { listNetworks } from '~/modules/registry/networks.server'
import { staleBefore } from '~/modules/staleness/staleness'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: leafletStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'network.read')
  const query = parseMapSearch(new URL(request.url).searchParams)
  const db = await getDb()
  const env = getEnv()
  const [list, networks] = await Promise.all([
    getMapListPage(
      db,
      user,
      { ...query, pageSize: MAP_PAGE_SIZE },
      { staleBefore: staleBefore(new Date(), env.STALE_AFTER_MONTHS) },
    ),
    listNetworks(db),
  ])
  return {
    query,
    list,
    pageSize: MAP_PAGE_SIZE,
    staleMonths: env.STALE_AFTER_MONTHS,
    networks: networks.map(({ id, name }) => ({ id, name })),
    tiles: { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
  }
}

export default function MapPage() {
  const t = useT()
  const { query, list, pageSize, staleMonths, networks, tiles } = useLoaderData<typeof loader>()
  const location = useLocation()
  const filterSearch = mapFilterParams(query.filters).toString()
  return (
    <div className="page map-page">
      <h1>{t('map.title')}</h1>
      <p>{t('map.intro')}</p>
      <MapFilterForm
        key={location.search}
        filters={query.filters}
        sort={query.sort}
        networks={networks}
        staleMonths={staleMonths}
      />
      <div className="map-layout">
        <MapPanel dataUrl={`/karta/platser${filterSearch ? `?${filterSearch}` : ''}`} tiles={tiles} />
        <MapLegend />
      </div>
      <MapTable
        rows={list.rows}
        total={list.total}
        page={query.page}
        pageSize={pageSize}
        sort={query.sort}
        search={location.search}
      />
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'map.title')]
