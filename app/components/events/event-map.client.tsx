import { divIcon, latLngBounds, layerGroup, marker } from 'leaflet'
import { useEffect, useMemo } from 'react'
import { MapContainer, TileLayer, useMap } from 'react-leaflet'
import { MapAccessibility } from '~/components/map/map-accessibility.client'
import { sectorColours } from '~/components/map/sector-colours'
import type { Tiles } from '~/components/scenarios/area-field'
import { translator, useLocale, useT } from '~/i18n/i18n'
import type { PictureService } from '~/modules/events/event-picture.server'
import { statusOrder } from '~/modules/events/event-picture'
import { statusSvg } from './status-shapes'

const VARGARDA: [number, number] = [58.034, 12.808]

type MapService = Pick<
  PictureService,
  'serviceId' | 'serviceName' | 'organisationName' | 'sector' | 'status' | 'positions'
>

/**
 * The services of the table at their sites: the fill is the sector's colour
 * from the registry's map, the shape the status. The markers are no tab
 * stops: the table beside the map says the same, in words.
 */
export function EventMap({ services, tiles }: { services: MapService[]; tiles: Tiles }) {
  const t = useT()
  return (
    <MapContainer className="event-map__canvas" center={VARGARDA} zoom={11} keyboard>
      <MapAccessibility label={t('eventRoom.map.label')} />
      <TileLayer url={tiles.url} attribution={tiles.attribution} />
      <Markers services={services} />
    </MapContainer>
  )
}

function Markers({ services }: { services: MapService[] }) {
  const map = useMap()
  const locale = useLocale()
  const t = useMemo(() => translator(locale), [locale])
  useEffect(() => {
    const layer = layerGroup().addTo(map)
    // The worst last, so it lies on top where markers overlap.
    const drawn = [...services].sort((a, b) => statusOrder.indexOf(b.status) - statusOrder.indexOf(a.status))
    const points: [number, number][] = []
    for (const service of drawn) {
      const title = t('eventRoom.map.marker', {
        service: service.serviceName,
        organisation: service.organisationName,
        status: t(`event.status.${service.status}`),
      })
      for (const position of service.positions) {
        points.push(position)
        marker(position, {
          icon: divIcon({
            className: `event-marker event-marker--${service.status}`,
            html: statusSvg(service.status, sectorColours[service.sector], service.status === 'failed' ? 24 : 20),
            iconSize: service.status === 'failed' ? [24, 24] : [20, 20],
          }),
          title,
          keyboard: false,
        }).addTo(layer)
      }
    }
    if (points.length > 0) map.fitBounds(latLngBounds(points), { padding: [24, 24], maxZoom: 14, animate: false })
    return () => {
      layer.remove()
    }
  }, [map, services, t])
  return null
}
