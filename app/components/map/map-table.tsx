import { Link } from '@remix-run/react'
import { Pager } from '~/components/ui/pager'
import { formatCount, formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import { formatMapSort, nextMapSort, sectorsOfMask, type MapSort, type MapSortKey } from '~/modules/map/map-filters'
import type { MapListRow } from '~/modules/map/map.server'
import { CrisisRouteList } from './crisis-route-list'
import { MAP_FILTER_FORM_ID } from './map-filter-form'
import { colourOf, colouringOf } from './sector-colours'
import { ServiceSummaryList } from './service-summary-list'

const columnLabels: Record<MapSortKey, MessageKey> = {
  organisation: 'map.organisation',
  site: 'map.site',
  sector: 'map.sector',
  styrel: 'map.styrel',
}

function SortHeader({ column, sort }: { column: MapSortKey; sort: MapSort }) {
  const t = useT()
  const active = sort.key === column
  const next = nextMapSort(sort, column)
  return (
    <th scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      {/* A submit button of the filter form: sorting works without JavaScript and keeps the filters. */}
      <button type="submit" form={MAP_FILTER_FORM_ID} name="sort" value={formatMapSort(next)} className="sort-button">
        {t(columnLabels[column])}
        <span className="sort-button__arrow" aria-hidden="true">
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  )
}

/**
 * The map's records as a table: the same filters, the same sites, and
 * everything a popup shows, so that nothing is available only on the map.
 */
export function MapTable({
  rows,
  total,
  page,
  pageSize,
  sort,
  search,
}: {
  rows: MapListRow[]
  total: number
  page: number
  pageSize: number
  sort: MapSort
  /** The page's search parameters, for the paging links. */
  search: string
}) {
  const t = useT()
  const locale = useLocale()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1
  const last = Math.min(total, page * pageSize)
  const pageLink = (target: number) => {
    const params = new URLSearchParams(search)
    if (target === 1) params.delete('page')
    else params.set('page', String(target))
    const query = params.toString()
    return query ? `?${query}` : '?'
  }
  return (
    <section className="map-list" aria-labelledby="map-list-heading">
      <h2 id="map-list-heading">{t('map.listHeading')}</h2>
      <p className="map-list__count" id="map-list-count">
        {t('map.count', { count: total })}
        {total > pageSize
          ? ` ${t('map.range', { first: formatCount(locale, first), last: formatCount(locale, last) })}`
          : ''}
      </p>
      {total === 0 ? (
        <p>{t('map.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table map-table" aria-describedby="map-list-count">
            <caption className="visually-hidden">{t('map.listCaption')}</caption>
            <thead>
              <tr>
                <SortHeader column="organisation" sort={sort} />
                <th scope="col" className="map-table__plain-header">
                  {t('map.crisisRoutes')}
                </th>
                <SortHeader column="site" sort={sort} />
                <SortHeader column="sector" sort={sort} />
                <SortHeader column="styrel" sort={sort} />
                <th scope="col" className="map-table__plain-header">
                  {t('map.services')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const sectorList = sectorsOfMask(row.sectors)
                return (
                  <tr key={row.id}>
                    <td>
                      <Link to={`/organisationer/${row.organisation.id}`}>{row.organisation.name}</Link>
                      <span className="map-table__meta">
                        {t(`kind.${row.organisation.kind}`)}
                        {' · '}
                        {row.organisation.confirmedAt
                          ? t('map.confirmedOn', { date: formatDate(locale, row.organisation.confirmedAt) })
                          : t('map.neverConfirmed')}
                      </span>
                    </td>
                    <td className="map-table__routes">
                      <span className="map-table__label">{t('map.crisisRoutes')}: </span>
                      <CrisisRouteList routes={row.routes} />
                    </td>
                    <td>
                      <span className="map-table__label">{t('map.site')}: </span>
                      <span className="map-table__name">{row.name}</span>
                      {row.address ? <span className="map-table__meta">{row.address}</span> : null}
                    </td>
                    <td>
                      <span className="map-table__label">{t('map.sector')}: </span>
                      <span
                        className={`map-swatch${colouringOf(row.sectors) === 'several' ? ' map-swatch--several' : ''}`}
                        style={{ background: colourOf(colouringOf(row.sectors)) }}
                        aria-hidden="true"
                      />
                      {sectorList.length
                        ? sectorList.map((sector) => t(`sector.${sector}`)).join(', ')
                        : t('map.noSector')}
                    </td>
                    <td>
                      <span className="map-table__label">{t('map.styrel')}: </span>
                      {row.styrel ?? t('map.noStyrel')}
                    </td>
                    <td>
                      <span className="map-table__label">{t('map.services')}: </span>
                      {row.services.length === 0 ? (
                        t('map.noServices')
                      ) : (
                        <ServiceSummaryList
                          services={row.services}
                          className="map-table__services"
                          metaClassName="map-table__meta-inline"
                        />
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={page}
        pages={pages}
        pageLink={pageLink}
        label={t('map.pages')}
        previous={t('map.previous')}
        next={t('map.next')}
        position={t('map.pageOf', { page: formatCount(locale, page), pages: formatCount(locale, pages) })}
      />
    </section>
  )
}
