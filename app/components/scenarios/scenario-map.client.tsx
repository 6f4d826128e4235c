import { Browser, circleMarker, DomUtil, latLngBounds, layerGroup, svg, type CircleMarker } from 'leaflet'
import { useEffect, useRef } from 'react'
import { MapContainer, TileLayer, useMap } from 'react-leaflet'
import { MapAccessibility } from '~/components/map/map-accessibility.client'
import { FormMessage } from '~/components/forms/field'
import { useJson } from '~/components/ui/use-json'
import { useT } from '~/i18n/i18n'
import { courseStateAt, serviceStateOrder, type ScenarioDots } from '~/modules/scenarios/scenario-view'
import type { Tiles } from './area-field'
import { stateColours } from './state-colours'

/** Beyond this many dots one canvas draws them all: SVG elements by the thousand make every step slow. */
const SVG_MAX_DOTS = 2000
const RADIUS = 6
const CANVAS_RADIUS = 4
const OUTLINE = '#1b1b1b'
/** Drawn in this order, so that the worst state lies on top where dots overlap. */
const DRAW_ORDER = (['normal', 'recovered', 'backup', 'degraded', 'failed'] as const).map((state) =>
  serviceStateOrder.indexOf(state),
)

// Read by bench/scenario-page.ts: the dots are on screen, in their colours for the hour.
const DRAWN_MARK = 'scenario-map-drawn'

/** Once, after the frame that first shows the dots. */
function markDrawn() {
  if (performance.getEntriesByName(DRAWN_MARK).length > 0) return
  requestAnimationFrame(() => setTimeout(() => performance.mark(DRAWN_MARK)))
}

/** Per state code, its place in DRAW_ORDER from 1: the higher, the worse. */
const drawRank = serviceStateOrder.map((_, code) => DRAW_ORDER.indexOf(code) + 1)

/** Each service's state code at the hour. */
function statesAt(dots: ScenarioDots, hour: number): Uint8Array {
  const states = new Uint8Array(dots.courses.length)
  for (let c = 0; c < dots.courses.length; c++) states[c] = courseStateAt(dots.courses[c]!, hour)
  return states
}

function fitTo(map: ReturnType<typeof useMap>, dots: ScenarioDots) {
  if (dots.points.length === 0) return
  let south = 90
  let west = 180
  let north = -90
  let east = -180
  for (let i = 0; i < dots.points.length; i += 2) {
    const lat = dots.points[i]!
    const lng = dots.points[i + 1]!
    if (lat < south) south = lat
    if (lat > north) north = lat
    if (lng < west) west = lng
    if (lng > east) east = lng
  }
  map.fitBounds(latLngBounds([south, west], [north, east]), { padding: [24, 24], maxZoom: 13, animate: false })
}

/** Few dots: SVG circle markers, recoloured in place when the hour changes. */
function SvgDots({ dots, hour }: { dots: ScenarioDots; hour: number }) {
  const map = useMap()
  const markers = useRef<CircleMarker[]>([])

  useEffect(() => {
    const renderer = svg({ padding: 0.2 })
    const layer = layerGroup().addTo(map)
    markers.current = []
    for (let i = 0; i < dots.course.length; i++) {
      const marker = circleMarker([dots.points[2 * i]!, dots.points[2 * i + 1]!], {
        renderer,
        radius: RADIUS,
        weight: 1,
        color: OUTLINE,
        fillOpacity: 0.9,
      })
      markers.current.push(marker.addTo(layer))
    }
    fitTo(map, dots)
    return () => {
      layer.remove()
      markers.current = []
    }
  }, [map, dots])

  useEffect(() => {
    const states = statesAt(dots, hour)
    markers.current.forEach((marker, i) => {
      marker.setStyle({ fillColor: stateColours[serviceStateOrder[states[dots.course[i]!]!]!] })
    })
    markDrawn()
  }, [dots, hour])
  return null
}

/**
 * Many dots (a county has 100,000): one canvas in the overlay pane, drawn
 * in one pass per state. Positions are projected once per zoom level, so a
 * step of the hour only works out the states and draws again.
 */
function CanvasDots({ dots, hour }: { dots: ScenarioDots; hour: number }) {
  const map = useMap()
  const canvas = useRef<HTMLCanvasElement | null>(null)
  const projected = useRef<{ zoom: number; xy: Float64Array } | null>(null)
  const states = useRef<Uint8Array>(new Uint8Array(0))
  const worst = useRef<Uint8Array>(new Uint8Array(0))
  const draw = useRef<() => void>(() => {})

  useEffect(() => {
    const element = DomUtil.create('canvas', 'scenario-map__dots leaflet-zoom-hide')
    element.setAttribute('aria-hidden', 'true')
    map.getPane('overlayPane')!.appendChild(element)
    canvas.current = element
    projected.current = null

    draw.current = () => {
      const size = map.getSize()
      const ratio = Browser.retina ? 2 : 1
      const topLeft = map.containerPointToLayerPoint([0, 0])
      DomUtil.setPosition(element, topLeft)
      element.width = size.x * ratio
      element.height = size.y * ratio
      element.style.width = `${size.x}px`
      element.style.height = `${size.y}px`
      const zoom = map.getZoom()
      if (projected.current?.zoom !== zoom) {
        const xy = new Float64Array(dots.points.length)
        for (let i = 0; i < dots.points.length; i += 2) {
          const point = map.project([dots.points[i]!, dots.points[i + 1]!], zoom)
          xy[i] = point.x
          xy[i + 1] = point.y
        }
        projected.current = { zoom, xy }
      }
      const { xy } = projected.current
      const origin = map.getPixelOrigin()
      const dx = origin.x + topLeft.x
      const dy = origin.y + topLeft.y
      const context = element.getContext('2d')!
      context.setTransform(ratio, 0, 0, ratio, 0, 0)
      context.lineWidth = 1
      context.strokeStyle = OUTLINE
      // Services share sites, and at county zoom many sites share a pixel: one
      // dot per pixel, in the worst state of those there, is the same picture
      // with a fraction of the arcs.
      const width = size.x
      const height = size.y
      if (worst.current.length !== width * height) worst.current = new Uint8Array(width * height)
      const cell = worst.current
      cell.fill(0)
      const used: number[] = []
      const now = states.current
      for (let i = 0; i < dots.course.length; i++) {
        const x = Math.round(xy[2 * i]! - dx)
        const y = Math.round(xy[2 * i + 1]! - dy)
        if (x < -CANVAS_RADIUS || y < -CANVAS_RADIUS || x >= width + CANVAS_RADIUS || y >= height + CANVAS_RADIUS)
          continue
        // Dots just outside the edge still show their half: they count at the nearest pixel inside.
        const at = Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))
        const rank = drawRank[now[dots.course[i]!]!]!
        if (cell[at] === 0) used.push(at, x, y)
        if (rank > cell[at]!) cell[at] = rank
      }
      for (let rank = 1; rank <= DRAW_ORDER.length; rank++) {
        context.beginPath()
        for (let k = 0; k < used.length; k += 3) {
          if (cell[used[k]!] !== rank) continue
          const x = used[k + 1]!
          const y = used[k + 2]!
          context.moveTo(x + CANVAS_RADIUS, y)
          context.arc(x, y, CANVAS_RADIUS, 0, 2 * Math.PI)
        }
        context.fillStyle = stateColours[serviceStateOrder[DRAW_ORDER[rank - 1]!]!]
        context.fill()
        context.stroke()
      }
    }
    const redraw = () => draw.current()
    map.on('moveend zoomend resize', redraw)
    fitTo(map, dots)
    return () => {
      map.off('moveend zoomend resize', redraw)
      element.remove()
      canvas.current = null
    }
  }, [map, dots])

  useEffect(() => {
    states.current = statesAt(dots, hour)
    draw.current()
    markDrawn()
  }, [dots, hour])
  return null
}

// The dots are fetched once the map is up: at county scale they are too many to ride along with the page.
export function ScenarioMap({ dotsUrl, hour, tiles }: { dotsUrl: string; hour: number; tiles: Tiles }) {
  const t = useT()
  const dots = useJson<ScenarioDots>(dotsUrl)
  return (
    <>
      {dots === 'failed' ? <FormMessage kind="error">{t('scenario.mapDotsFailed')}</FormMessage> : null}
      <MapContainer className="scenario-map__canvas" center={[58.034, 12.808]} zoom={10} keyboard>
        <TileLayer url={tiles.url} attribution={tiles.attribution} />
        {dots && dots !== 'failed' ? (
          dots.course.length > SVG_MAX_DOTS ? (
            <CanvasDots dots={dots} hour={hour} />
          ) : (
            <SvgDots dots={dots} hour={hour} />
          )
        ) : null}
        <MapAccessibility label={t('scenario.mapHeading')} />
      </MapContainer>
    </>
  )
}
