import { Browser, circleMarker, DomUtil, latLngBounds, layerGroup, rectangle, svg } from 'leaflet'
import { useEffect } from 'react'
import { MapContainer, TileLayer, useMap } from 'react-leaflet'
import { FormMessage } from '~/components/forms/field'
import { MapAccessibility } from '~/components/map/map-accessibility.client'
import type { Tiles } from '~/components/scenarios/area-field'
import { useJson } from '~/components/ui/use-json'
import { useT } from '~/i18n/i18n'
import type { WeeklyMapData } from '~/modules/council/weekly'
import { colourOf } from './weekly-colours'

/** Beyond this many dots one canvas draws them all: SVG elements by the thousand make panning slow. */
const SVG_MAX_DOTS = 2000
const RADIUS = 5
const CANVAS_RADIUS = 3
const OUTLINE = '#1b1b1b'
const HOT = '#8a1c1c'

function fitTo(map: ReturnType<typeof useMap>, data: WeeklyMapData) {
  let south = 90
  let west = 180
  let north = -90
  let east = -180
  for (const [lat, lng] of data.points) {
    if (lat < south) south = lat
    if (lat > north) north = lat
    if (lng < west) west = lng
    if (lng > east) east = lng
  }
  if (south > north) return
  map.fitBounds(latLngBounds([south, west], [north, east]), { padding: [24, 24], maxZoom: 15, animate: false })
}

/** The densest cells as squares, darker the more reports. */
function HotSpots({ data }: { data: WeeklyMapData }) {
  const map = useMap()
  useEffect(() => {
    const layer = layerGroup().addTo(map)
    const most = Math.max(1, ...data.hotSpots.map((spot) => spot[4]))
    for (const [south, west, north, east, count] of data.hotSpots) {
      rectangle(
        [
          [south, west],
          [north, east],
        ],
        { color: HOT, weight: 1, fillColor: HOT, fillOpacity: 0.15 + 0.45 * (count / most), interactive: false },
      ).addTo(layer)
    }
    return () => {
      layer.remove()
    }
  }, [map, data])
  return null
}

function SvgDots({ data }: { data: WeeklyMapData }) {
  const map = useMap()
  useEffect(() => {
    const renderer = svg({ padding: 0.2 })
    const layer = layerGroup().addTo(map)
    for (const [lat, lng, category] of data.points) {
      circleMarker([lat, lng], {
        renderer,
        radius: RADIUS,
        weight: 1,
        color: OUTLINE,
        fillColor: colourOf(category),
        fillOpacity: 0.9,
        interactive: false,
        className: 'weekly-map__dot',
      }).addTo(layer)
    }
    return () => {
      layer.remove()
    }
  }, [map, data])
  return null
}

/**
 * Many dots: one canvas in the overlay pane, one path per category. Positions
 * are projected once per zoom level; a pan only draws again.
 */
function CanvasDots({ data }: { data: WeeklyMapData }) {
  const map = useMap()
  useEffect(() => {
    const element = DomUtil.create('canvas', 'weekly-map__dots leaflet-zoom-hide')
    element.setAttribute('aria-hidden', 'true')
    map.getPane('overlayPane')!.appendChild(element)
    let projected: { zoom: number; xy: Float64Array } | null = null
    const draw = () => {
      const size = map.getSize()
      const ratio = Browser.retina ? 2 : 1
      const topLeft = map.containerPointToLayerPoint([0, 0])
      DomUtil.setPosition(element, topLeft)
      element.width = size.x * ratio
      element.height = size.y * ratio
      element.style.width = `${size.x}px`
      element.style.height = `${size.y}px`
      const zoom = map.getZoom()
      if (projected?.zoom !== zoom) {
        const xy = new Float64Array(data.points.length * 2)
        data.points.forEach(([lat, lng], i) => {
          const point = map.project([lat, lng], zoom)
          xy[2 * i] = point.x
          xy[2 * i + 1] = point.y
        })
        projected = { zoom, xy }
      }
      const { xy } = projected
      const origin = map.getPixelOrigin()
      const dx = origin.x + topLeft.x
      const dy = origin.y + topLeft.y
      const context = element.getContext('2d')!
      context.setTransform(ratio, 0, 0, ratio, 0, 0)
      context.lineWidth = 1
      context.strokeStyle = OUTLINE
      const paths = new Map<number, Path2D>()
      // Where many reports share a pixel one dot says the same.
      const seen = new Set<number>()
      for (let i = 0; i < data.points.length; i++) {
        const x = Math.round(xy[2 * i]! - dx)
        const y = Math.round(xy[2 * i + 1]! - dy)
        if (x < -CANVAS_RADIUS || y < -CANVAS_RADIUS || x > size.x + CANVAS_RADIUS || y > size.y + CANVAS_RADIUS)
          continue
        const category = data.points[i]![2]
        const key = (y * 65_536 + x) * 64 + (category % 64)
        if (seen.has(key)) continue
        seen.add(key)
        const path = paths.get(category) ?? new Path2D()
        path.moveTo(x + CANVAS_RADIUS, y)
        path.arc(x, y, CANVAS_RADIUS, 0, 2 * Math.PI)
        paths.set(category, path)
      }
      for (const [category, path] of paths) {
        context.fillStyle = colourOf(category)
        context.fill(path)
        context.stroke(path)
      }
    }
    map.on('moveend zoomend resize', draw)
    draw()
    return () => {
      map.off('moveend zoomend resize', draw)
      element.remove()
    }
  }, [map, data])
  return null
}

function Fit({ data }: { data: WeeklyMapData }) {
  const map = useMap()
  useEffect(() => fitTo(map, data), [map, data])
  return null
}

export function WeeklyMapCanvas({ dataUrl, tiles }: { dataUrl: string; tiles: Tiles }) {
  const t = useT()
  const data = useJson<WeeklyMapData>(dataUrl)
  const ready = data && data !== 'failed' ? data : null
  return (
    <div className="weekly-map">
      {data === 'failed' ? <FormMessage kind="error">{t('councilAreas.weekly.mapFailed')}</FormMessage> : null}
      <p className="weekly-map__status" role="status">
        {ready
          ? t(ready.truncated ? 'councilAreas.weekly.mapTruncated' : 'councilAreas.weekly.mapShows', {
              count: ready.points.length,
              spots: ready.hotSpots.length,
              metres: ready.cellMetres,
            })
          : ''}
      </p>
      <MapContainer className="weekly-map__canvas" center={[58.034, 12.808]} zoom={11} keyboard>
        <TileLayer url={tiles.url} attribution={tiles.attribution} />
        {ready ? (
          <>
            <HotSpots data={ready} />
            {ready.points.length > SVG_MAX_DOTS ? <CanvasDots data={ready} /> : <SvgDots data={ready} />}
            <Fit data={ready} />
          </>
        ) : null}
        <MapAccessibility label={t('councilAreas.weekly.map')} />
      </MapContainer>
      {ready && ready.categories.length > 0 ? (
        <ul className="weekly-legend" aria-label={t('councilAreas.weekly.mapLegend')}>
          {ready.categories.map((category, index) => (
            <li key={category.id}>
              <span className="weekly-legend__dot" style={{ background: colourOf(index) }} aria-hidden="true" />
              {category.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
