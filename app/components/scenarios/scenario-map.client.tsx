import { canvas, circleMarker, latLngBounds, layerGroup, svg, type CircleMarker } from 'leaflet'
import { useEffect, useRef } from 'react'
import { MapContainer, TileLayer, useMap } from 'react-leaflet'
import { MapAccessibility } from '~/components/map/map-accessibility.client'
import { useT } from '~/i18n/i18n'
import { outcomeStateAt, type ServiceOutcome } from '~/modules/scenarios/scenario-view'
import type { Tiles } from './area-field'
import { stateColours } from './state-colours'

/** Beyond this many dots a canvas draws them: SVG elements by the thousand make every step slow. */
const SVG_MAX_DOTS = 2000

/**
 * One dot per site of an affected service, recoloured in place when the
 * hour changes: SVG elements while they are few, a canvas when many.
 */
function OutcomeLayer({ outcomes, hour }: { outcomes: ServiceOutcome[]; hour: number }) {
  const map = useMap()
  const dots = useRef<{ marker: CircleMarker; outcome: ServiceOutcome }[]>([])

  useEffect(() => {
    const count = outcomes.reduce((sum, outcome) => sum + outcome.positions.length, 0)
    const renderer = count > SVG_MAX_DOTS ? canvas({ padding: 0.2 }) : svg({ padding: 0.2 })
    const layer = layerGroup().addTo(map)
    const points: [number, number][] = []
    dots.current = outcomes.flatMap((outcome) =>
      outcome.positions.map((position) => {
        points.push(position)
        const marker = circleMarker(position, { renderer, radius: 6, weight: 1, color: '#1b1b1b', fillOpacity: 0.9 })
        marker.addTo(layer)
        return { marker, outcome }
      }),
    )
    if (points.length > 0) map.fitBounds(latLngBounds(points), { padding: [24, 24], maxZoom: 13, animate: false })
    return () => {
      layer.remove()
      dots.current = []
    }
  }, [map, outcomes])

  useEffect(() => {
    for (const { marker, outcome } of dots.current) {
      marker.setStyle({ fillColor: stateColours[outcomeStateAt(outcome, hour)] })
    }
  }, [outcomes, hour])
  return null
}

export function ScenarioMap({ outcomes, hour, tiles }: { outcomes: ServiceOutcome[]; hour: number; tiles: Tiles }) {
  const t = useT()
  return (
    <MapContainer className="scenario-map__canvas" center={[58.034, 12.808]} zoom={10} keyboard>
      <TileLayer url={tiles.url} attribution={tiles.attribution} />
      <OutcomeLayer outcomes={outcomes} hour={hour} />
      <MapAccessibility label={t('scenario.mapHeading')} />
    </MapContainer>
  )
}
