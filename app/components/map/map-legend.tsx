import { sectors } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import { colourOf, type MarkerColouring } from './sector-colours'

const entries: MarkerColouring[] = [...sectors, 'several', 'none']

/** What the colours of the map's markers mean, in words. */
export function MapLegend() {
  const t = useT()
  return (
    <section className="map-legend" aria-labelledby="map-legend-heading">
      <h2 id="map-legend-heading" className="h3">
        {t('map.legend')}
      </h2>
      <ul className="map-legend__list">
        {entries.map((entry) => (
          <li key={entry}>
            <span
              className={`map-swatch${entry === 'several' ? ' map-swatch--several' : ''}`}
              style={{ background: colourOf(entry) }}
              aria-hidden="true"
            />
            {entry === 'several'
              ? t('map.severalSectors')
              : entry === 'none'
                ? t('map.noSector')
                : t(`sector.${entry}`)}
          </li>
        ))}
        <li>
          <span className="map-swatch map-swatch--cluster" aria-hidden="true">
            3
          </span>
          {t('map.clusterLegend')}
        </li>
      </ul>
    </section>
  )
}
