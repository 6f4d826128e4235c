import { Form, Link } from '@remix-run/react'
import { Field } from '~/components/forms/field'
import { organisationKinds, sectors } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import { formatMapSort, type MapFilters, type MapSort } from '~/modules/registry/map-filters'

export const MAP_FILTER_FORM_ID = 'map-filters'
const styrelClasses = [1, 2, 3, 4, 5, 6, 7, 8] as const

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
      <Field label={t('map.sector')} name="sector">
        {(props) => (
          <select {...props} defaultValue={filters.sector ?? ''}>
            <option value="">{t('map.all')}</option>
            {sectors.map((sector) => (
              <option key={sector} value={sector}>
                {t(`sector.${sector}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('field.kind')} name="kind">
        {(props) => (
          <select {...props} defaultValue={filters.kind ?? ''}>
            <option value="">{t('map.all')}</option>
            {organisationKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('map.network')} name="network">
        {(props) => (
          <select {...props} defaultValue={filters.network ?? ''}>
            <option value="">{t('map.all')}</option>
            {networks.map((network) => (
              <option key={network.id} value={network.id}>
                {network.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('map.styrel')} name="styrel">
        {(props) => (
          <select {...props} defaultValue={filters.styrel ? String(filters.styrel) : ''}>
            <option value="">{t('map.all')}</option>
            {styrelClasses.map((styrel) => (
              <option key={styrel} value={styrel}>
                {t(`map.styrelClass.${styrel}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
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
