import { sql } from 'drizzle-orm'
import type { Database } from '../app/db/client.server'
import { listVisibleContactRoutes } from '../app/modules/contacts/contact-routes.server'
import { searchDirectory } from '../app/modules/directory/directory.server'
import { parseMapSearch } from '../app/modules/map/map-filters.server'
import { getMapExtent, getMapView } from '../app/modules/map/map.server'
import type { MapViewport } from '../app/modules/map/map-view'
import { p95, round, type Figure } from './measure'

const viewer = { memberships: [{ organisationId: '00000000-0000-0000-0000-000000000001', role: 'viewer' as const }] }

// Directory searches as people type them: a name without å/ä/ö, the same misspelt,
// a function or a sector with a place, a Rakel talk group, an address, and one
// place name alone, which matches thousands of rows.
export const directoryQueries = [
  'vargarda bostader',
  'vargrda bostder',
  'TiB Alingsås',
  'energi borås',
  'Räddningstjänst Herrljunga',
  'VGR Kris 18',
  'Gata 12 Trollhättan',
  'Vårgårda',
]

export async function registryBenchmarks(db: Database): Promise<Figure[]> {
  const ids = (await db.execute(sql`select id from organisations order by id limit 200`)) as unknown as { id: string }[]
  const orgIds = ('rows' in ids ? (ids as unknown as { rows: { id: string }[] }).rows : ids).map((row) => row.id)
  const contactRoutes = await p95((i) => listVisibleContactRoutes(db, viewer, [orgIds[i % orgIds.length]!]))
  // The generator bulk-inserts right after the migrations made the trigram
  // indexes, so their rows still sit in GIN's pending lists, which every search
  // reads row by row. In a running portal autovacuum empties them; do it here.
  await db.execute(
    sql`select gin_clean_pending_list(name::regclass) from unnest(array['organisations_name_trgm_idx', 'critical_services_name_trgm_idx', 'sites_name_trgm_idx', 'contact_routes_label_trgm_idx']) as name`,
  )
  const search = await p95((i) => searchDirectory(db, viewer, { q: directoryQueries[i % directoryQueries.length]! }), 120)
  // The map's data requests, as a viewer from another organisation: where the
  // sites are (asked once per page), then the view of the whole county at the
  // zoom level a laptop shows it at (the worst case: every site counted into
  // clusters), the same with a sector filter, and a town close up.
  const mapOptions = { staleBefore: new Date('2026-05-27T00:00:00Z') }
  const everything = parseMapSearch(new URLSearchParams()).filters
  const oneSector = parseMapSearch(new URLSearchParams({ sector: 'energy' })).filters
  const county: MapViewport = { bbox: [10.6, 56.9, 15.0, 59.3], zoom: 8 }
  const town: MapViewport = { bbox: [12.76, 58.0, 12.86, 58.06], zoom: 13 }
  const mapExtent = await p95(() => getMapExtent(db, viewer, everything, mapOptions), 40)
  const mapAll = await p95(() => getMapView(db, viewer, everything, mapOptions, county), 40)
  const mapSector = await p95(() => getMapView(db, viewer, oneSector, mapOptions, county), 40)
  const mapTown = await p95(() => getMapView(db, viewer, everything, mapOptions, town), 40)
  return [
    { name: 'registry_org_contact_routes_p95_ms', value: round(contactRoutes), unit: 'ms' },
    { name: 'registry_search_p95_ms', value: round(search), unit: 'ms' },
    { name: 'registry_map_p95_ms', value: round(mapAll), unit: 'ms' },
    { name: 'registry_map_sector_p95_ms', value: round(mapSector), unit: 'ms' },
    { name: 'registry_map_town_p95_ms', value: round(mapTown), unit: 'ms' },
    { name: 'registry_map_extent_p95_ms', value: round(mapExtent), unit: 'ms' },
  ]
}
