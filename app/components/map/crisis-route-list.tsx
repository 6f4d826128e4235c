import { ContactValue } from '~/components/contacts/contact-route-card'
import { useT } from '~/i18n/i18n'
import type { MapRoute } from '~/modules/map/map-view'

/** An organisation's ISK and 24/7 routes, in crisis order, with numbers that dial. */
export function CrisisRouteList({ routes }: { routes: MapRoute[] }) {
  const t = useT()
  if (routes.length === 0) return <p className="crisis-routes__none">{t('map.noCrisisRoutes')}</p>
  return (
    <ul className="crisis-routes">
      {routes.map(([fn, channel, value, label, availability], index) => (
        <li key={index}>
          <span className="crisis-routes__function">
            {t(`contactFunction.${fn}`)}
            {availability === 'always' ? ` · ${t('map.always')}` : ''}
          </span>
          <span>
            {t(`contactChannel.${channel}`)}: <ContactValue channel={channel} value={value} />
          </span>
          {label ? <span className="crisis-routes__label">{label}</span> : null}
        </li>
      ))}
    </ul>
  )
}
