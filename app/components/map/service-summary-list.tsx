import { useT } from '~/i18n/i18n'
import type { MapServiceSummary } from '~/modules/map/map.server'

/** What runs at a site, as the map's popup and its table both show it: each service with its sector and Styrel class. */
export function ServiceSummaryList({
  services,
  className,
  metaClassName,
}: {
  services: MapServiceSummary[]
  className: string
  metaClassName: string
}) {
  const t = useT()
  return (
    <ul className={className}>
      {services.map((service, index) => (
        <li key={index}>
          {service.name}
          <span className={metaClassName}>
            {' – '}
            {t(`sector.${service.sector}`)}
            {service.styrelClass ? `, ${t('map.styrelShort', { class: service.styrelClass })}` : ''}
          </span>
        </li>
      ))}
    </ul>
  )
}
