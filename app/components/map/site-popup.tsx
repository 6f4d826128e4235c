import { Link } from '@remix-run/react'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { formatDate } from '~/i18n/format'
import { translator, useLocale } from '~/i18n/i18n'
import { sectorsOfMask } from '~/modules/map/map-filters'
import type { MapServiceSummary } from '~/modules/map/map.server'
import type { MapData } from '~/modules/map/map-view'
import { CrisisRouteList } from './crisis-route-list'
import { ServiceSummaryList } from './service-summary-list'

type Details =
  { state: 'loading' } | { state: 'failed' } | { state: 'ready'; address: string; services: MapServiceSummary[] }

/** A site's popup: its organisation with the ISK and 24/7 routes first, then what runs there. */
export function SitePopup({
  data,
  index,
  onClose,
  onResize,
}: {
  data: MapData
  index: number
  onClose: () => void
  onResize: () => void
}) {
  const locale = useLocale()
  // Stable across renders, so the effect below runs when another site opens, not on every render.
  const t = useMemo(() => translator(locale), [locale])
  const heading = useRef<HTMLHeadingElement>(null)
  const siteId = data.sites.id[index]!
  const org = data.sites.org[index]!
  const confirmedAt = data.organisations.confirmedAt[org]
  const styrel = data.sites.styrel[index]
  const [details, setDetails] = useState<Details>({ state: 'loading' })

  useEffect(() => {
    const controller = new AbortController()
    setDetails({ state: 'loading' })
    fetch(`/karta/plats/${siteId}`, { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        const body = (await response.json()) as { address: string; services: MapServiceSummary[] }
        setDetails({ state: 'ready', address: body.address, services: body.services })
      })
      .catch(() => {
        if (!controller.signal.aborted) setDetails({ state: 'failed' })
      })
    return () => controller.abort()
  }, [siteId])

  useEffect(() => {
    if (details.state !== 'loading') onResize()
  }, [details, onResize])

  useEffect(() => {
    // Leaflet names its close button in English; and a popup opened from the keyboard should get the focus.
    const close = heading.current?.closest('.leaflet-popup')?.querySelector('.leaflet-popup-close-button')
    close?.setAttribute('aria-label', t('map.closePopup'))
    close?.setAttribute('title', t('map.closePopup'))
    heading.current?.focus({ preventScroll: true })
  }, [siteId, t])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.stopPropagation()
    onClose()
  }

  const sectorNames = sectorsOfMask(data.sites.sectors[index]!).map((sector) => t(`sector.${sector}`))
  return (
    // The popup's own Escape: Leaflet's only works while the map itself has the focus.
    <div className="site-popup" onKeyDown={onKeyDown}>
      <h3 className="site-popup__title" ref={heading} tabIndex={-1}>
        {data.sites.name[index]}
      </h3>
      <p className="site-popup__organisation">
        <Link to={`/organisationer/${data.organisations.id[org]}`}>{data.organisations.name[org]}</Link>
        {' · '}
        {t(`kind.${data.organisations.kind[org]!}`)}
      </p>
      <h4 className="site-popup__heading">{t('map.crisisRoutes')}</h4>
      <CrisisRouteList routes={data.organisations.routes[org] ?? []} />
      <h4 className="site-popup__heading">{t('map.servicesHere')}</h4>
      {details.state === 'loading' ? (
        <p>{t('map.loadingServices')}</p>
      ) : details.state === 'failed' ? (
        <p>{t('map.servicesFailed')}</p>
      ) : details.services.length === 0 ? (
        <p>{t('map.noServices')}</p>
      ) : (
        <ServiceSummaryList
          services={details.services}
          className="site-popup__services"
          metaClassName="site-popup__meta"
        />
      )}
      <dl className="site-popup__facts">
        {details.state === 'ready' && details.address ? (
          <>
            <dt>{t('map.address')}</dt>
            <dd>{details.address}</dd>
          </>
        ) : null}
        <dt>{t('map.sector')}</dt>
        <dd>{sectorNames.length ? sectorNames.join(', ') : t('map.noSector')}</dd>
        <dt>{t('map.styrel')}</dt>
        <dd>{styrel ?? t('map.noStyrel')}</dd>
        <dt>{t('map.confirmed')}</dt>
        <dd>{confirmedAt ? formatDate(locale, confirmedAt) : t('map.neverConfirmed')}</dd>
      </dl>
    </div>
  )
}
