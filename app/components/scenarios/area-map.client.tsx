import type { LatLngTuple, LeafletMouseEvent } from 'leaflet'
import { useMemo } from 'react'
import { CircleMarker, MapContainer, Polygon, TileLayer, useMapEvents } from 'react-leaflet'
import { useT } from '~/i18n/i18n'
import type { Tiles } from './area-field'

const VARGARDA: LatLngTuple = [58.034, 12.808]

function ClickToAdd({ onAdd }: { onAdd: (point: [number, number]) => void }) {
  useMapEvents({ click: (event: LeafletMouseEvent) => onAdd([event.latlng.lat, event.latlng.lng]) })
  return null
}

/** Click to add a corner; the buttons take the last one back or clear them all. */
export function AreaMap({
  ring,
  tiles,
  onChange,
}: {
  ring: [number, number][]
  tiles: Tiles
  onChange: (ring: [number, number][]) => void
}) {
  const t = useT()
  const positions = useMemo(() => ring.map(([lat, lng]) => [lat, lng] as LatLngTuple), [ring])
  return (
    <div className="area-map__body">
      <MapContainer className="area-map__canvas" center={positions[0] ?? VARGARDA} zoom={11} keyboard={false}>
        <TileLayer url={tiles.url} attribution={tiles.attribution} />
        <ClickToAdd onAdd={(point) => onChange([...ring, point])} />
        {positions.length >= 3 ? <Polygon positions={positions} pathOptions={{ color: '#8a1c1c' }} /> : null}
        {positions.map((position, index) => (
          <CircleMarker key={index} center={position} radius={5} pathOptions={{ color: '#8a1c1c' }} />
        ))}
      </MapContainer>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange(ring.slice(0, -1))}
          disabled={ring.length === 0}
        >
          {t('scenario.areaUndo')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange([])}
          disabled={ring.length === 0}
        >
          {t('scenario.areaClear')}
        </button>
      </div>
    </div>
  )
}
