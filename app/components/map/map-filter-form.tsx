import { Form, Link } from '@remix-run/react'
import { FilterSelect, OrganisationFilterSelects } from '~/components/filters/filter-selects'
import { CodeOptions } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'
import { formatMapSort, type MapFilters, type MapSort } from '~/modules/map/map-filters'

export const MAP_FILTER_FORM_ID = 'map-filters'
const styrelClasses = ['1', '2', '3', '4', '5', '6', '7', '8']

/**
 * A GET form: the filters live in the URL and work without JavaScript. The
 * table's sort buttons belong to this form too (form="map-filters"), so a sort
 * keeps the filters and a new filter keeps the sort.
 */
export function MapFilterForm({
  filters,
  sort,
  networks,
  staleMonths,
}: {
  filters: MapFilters
  sort: MapSort
  networks: { id: string; name: string }[]
  /** After how many months an organisation's confirmation counts as old (STALE_AFTER_MONTHS). */
  staleMonths: number
}) {
  const t = useT()
  return (
    <Form method="get" id={MAP_FILTER_FORM_ID} className="map-filters" aria-label={t('map.filters')} preventScrollReset>
      <OrganisationFilterSelects
        filters={filters}
        networks={networks}
        labels={{ sector: t('map.sector'), network: t('map.network'), all: t('map.all') }}
      />
      <FilterSelect
        label={t('map.styrel')}
        name="styrel"
        allLabel={t('map.all')}
        value={filters.styrel ? String(filters.styrel) : ''}
      >
        <CodeOptions codes={styrelClasses} prefix="map.styrelClass" />
      </FilterSelect>
      <fieldset className="map-filters__checks">
        <legend>{t('map.gaps')}</legend>
        <label>
          <input type="checkbox" name="no247" value="1" defaultChecked={filters.no247 ?? false} />
          {t('map.no247')}
        </label>
        <label>
          <input type="checkbox" name="stale" value="1" defaultChecked={filters.stale ?? false} />
          {t('map.stale', { months: staleMonths })}
        </label>
      </fieldset>
      <div className="actions map-filters__actions">
        {/* The first submit button of the form, so Enter in a field keeps the current sort. */}
        <button type="submit" name="sort" value={formatMapSort(sort)} className="button">
          {t('map.apply')}
        </button>
        <Link to="/karta" className="map-filters__reset">
          {t('map.reset')}
        </Link>
      </div>
    </Form>
  )
}
