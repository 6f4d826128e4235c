import type { LatLngTuple, LeafletMouseEvent } from 'leaflet'
import { CircleMarker, MapContainer, TileLayer, useMapEvents } from 'react-leaflet'
import type { Tiles } from '~/components/scenarios/area-field'

const VARGARDA: LatLngTuple = [58.034, 12.808]

function TapToPlace({ onPlace }: { onPlace: (lat: number, lng: number) => void }) {
  useMapEvents({ click: (event: LeafletMouseEvent) => onPlace(event.latlng.lat, event.latlng.lng) })
  return null
}

/** Tap where it happened; the pin writes into the latitude and longitude fields, which are what is sent. */
export function ReportPinMap({
  pin,
  center,
  tiles,
  label,
  onPlace,
}: {
  pin: LatLngTuple | null
  center: LatLngTuple | null
  tiles: Tiles
  label: string
  onPlace: (lat: number, lng: number) => void
}) {
  return (
    <div className="report-map" role="group" aria-label={label}>
      <MapContainer className="report-map__canvas" center={pin ?? center ?? VARGARDA} zoom={15} keyboard={false}>
        <TileLayer url={tiles.url} attribution={tiles.attribution} />
        <TapToPlace onPlace={onPlace} />
        {pin ? <CircleMarker center={pin} radius={9} pathOptions={{ color: '#8a1c1c', weight: 3 }} /> : null}
      </MapContainer>
    </div>
  )
}
