import {
  divIcon,
  Icon,
  latLngBounds,
  layerGroup,
  marker,
  point,
  type LatLngTuple,
  type LayerGroup,
  type LeafletKeyboardEvent,
  type Map as LeafletMap,
  type Marker,
  type Popup as LeafletPopup,
} from 'leaflet'
import markerIcon2x from 'leaflet/dist/images/marker-icon-2x.png'
import markerIcon from 'leaflet/dist/images/marker-icon.png'
import markerShadow from 'leaflet/dist/images/marker-shadow.png'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { MapContainer, Popup, TileLayer, ZoomControl, useMap } from 'react-leaflet'
import { translator, useLocale, useT, type Translate } from '~/i18n/i18n'
import {
  mapViewportParams,
  SINGLE_SITES_ZOOM,
  type MapBounds,
  type MapData,
  type MapExtent,
  type MapView,
} from '~/modules/map/map-view'
import { colourOf, colouringOf } from './sector-colours'
import { MapAccessibility } from './map-accessibility.client'
import { SitePopup } from './site-popup'

// Leaflet guesses its default icons' path from its CSS, which Vite rewrites;
// point it at the bundled images instead.
delete (Icon.Default.prototype as unknown as { _getIconUrl?: unknown })._getIconUrl
Icon.Default.mergeOptions({ iconRetinaUrl: markerIcon2x, iconUrl: markerIcon, shadowUrl: markerShadow })

const VARGARDA: LatLngTuple = [58.034, 12.808]
// Read by bench/browser.ts.
const MAP_INTERACTIVE_MARK = 'map-interactive'

export interface SiteMapProps {
  /** Where the map's data comes from: /karta/platser with the page's filters. */
  dataUrl: string
  tiles: { url: string; attribution: string }
}

type Load<T> = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; data: T }

/** The popup's site, with the view's data it came from: the popup outlives the view when the map moves. */
interface Selected {
  data: MapData
  index: number
}

export function SiteMap({ dataUrl, tiles }: SiteMapProps) {
  const t = useT()
  const [extent, setExtent] = useState<Load<MapExtent>>({ state: 'loading' })
  const [viewFailed, setViewFailed] = useState(false)
  const [tilesFailed, setTilesFailed] = useState(false)
  const tileLoads = useRef(0)
  const [selected, setSelected] = useState<Selected | null>(null)
  const opener = useRef<HTMLElement | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    setExtent({ state: 'loading' })
    setViewFailed(false)
    setSelected(null)
    // Same request as the page's preload link (no extra headers), so the browser can hand that response over.
    fetch(dataUrl, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        setExtent({ state: 'ready', data: (await response.json()) as MapExtent })
      })
      .catch(() => {
        if (!controller.signal.aborted) setExtent({ state: 'failed' })
      })
    return () => controller.abort()
  }, [dataUrl])

  const tileEvents = useMemo(
    () => ({
      tileload: () => {
        tileLoads.current += 1
        setTilesFailed(false)
      },
      // Offline, a blocked tile server or a missing key: the points still show, on a plain background.
      tileerror: () => {
        if (tileLoads.current === 0) setTilesFailed(true)
      },
    }),
    [],
  )

  const open = useCallback((data: MapData, index: number, element: HTMLElement | null) => {
    opener.current = element
    setSelected({ data, index })
  }, [])
  const close = useCallback(() => {
    setSelected(null)
    const element = opener.current
    opener.current = null
    // Back to the marker that opened the popup, unless the user has moved on. Leaflet fades
    // the popup out, so the focus may still be inside it for a moment.
    const active = document.activeElement
    const lost = !active || active === document.body || !active.isConnected || active.closest('.leaflet-popup') !== null
    if (element?.isConnected && lost) element.focus({ preventScroll: true })
  }, [])
  const onView = useCallback((ok: boolean) => setViewFailed(!ok), [])

  const ready = extent.state === 'ready' ? extent.data : null
  const count = ready?.total ?? 0
  return (
    <div
      className={tilesFailed ? 'site-map site-map--no-tiles' : 'site-map'}
      data-site-count={ready ? count : undefined}
    >
      <p className="site-map__status" role="status">
        {extent.state === 'loading'
          ? t('map.loadingSites')
          : extent.state === 'failed' || viewFailed
            ? t('map.dataFailed')
            : t('map.showing', { count })}
      </p>
      {/* A live region that is there from the start, so the message is read out when it appears. */}
      <div role="status">
        {tilesFailed ? <p className="site-map__tiles-failed notice">{t('map.tilesFailed')}</p> : null}
      </div>
      <MapContainer className="site-map__canvas" center={VARGARDA} zoom={10} zoomControl={false} keyboard>
        <MapAccessibility label={t('map.canvasLabel')} />
        <TileLayer url={tiles.url} attribution={tiles.attribution} eventHandlers={tileEvents} />
        <ZoomControl position="topleft" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        {ready ? <SiteLayer dataUrl={dataUrl} extent={ready} onOpen={open} onView={onView} /> : null}
        {selected ? <SelectedPopup data={selected.data} index={selected.index} onClose={close} /> : null}
      </MapContainer>
    </div>
  )
}

function SelectedPopup({ data, index, onClose }: { data: MapData; index: number; onClose: () => void }) {
  const map = useMap()
  const popup = useRef<LeafletPopup>(null)
  const closePopup = useCallback(() => map.closePopup(), [map])
  // The services arrive after the popup opened: let Leaflet measure it again and pan it into view.
  const onResize = useCallback(() => popup.current?.update(), [])
  const position = useMemo<LatLngTuple>(() => [data.sites.lat[index]!, data.sites.lng[index]!], [data, index])
  const events = useMemo(() => ({ remove: onClose }), [onClose])
  return (
    <Popup
      ref={popup}
      position={position}
      eventHandlers={events}
      maxWidth={320}
      maxHeight={300}
      autoPanPadding={[16, 16]}
    >
      <SitePopup data={data} index={index} onClose={closePopup} onResize={onResize} />
    </Popup>
  )
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)

function siteIcon(data: MapData, index: number, t: Translate) {
  const colouring = colouringOf(data.sites.sectors[index]!)
  const organisation = data.organisations.name[data.sites.org[index]!] ?? ''
  const name = t('map.siteMarker', { site: data.sites.name[index]!, organisation })
  return divIcon({
    className: 'map-site',
    html: `<span class="map-site__dot" style="background:${colourOf(colouring)}"></span><span class="visually-hidden">${escapeHtml(name)}</span>`,
    iconSize: [20, 20],
    iconAnchor: [10, 10],
    popupAnchor: [0, -10],
  })
}

function clusterIcon(count: number, t: Translate) {
  const size = count < 10 ? 32 : count < 100 ? 38 : count < 1000 ? 44 : 52
  const shown = count < 10_000 ? String(count) : `${Math.floor(count / 1000)}k`
  return divIcon({
    className: 'map-cluster',
    html: `<span aria-hidden="true">${shown}</span><span class="visually-hidden">${escapeHtml(t('map.clusterMarker', { count }))}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  })
}

type OpenSite = (data: MapData, index: number, element: HTMLElement | null) => void

/**
 * Tens of thousands of sites stay fluid because the browser never holds them
 * all: after each move it asks the server for the visible box (with a margin)
 * at the current zoom, and draws the few hundred clusters and sites of the
 * answer as keyboard-reachable markers.
 */
function SiteLayer({
  dataUrl,
  extent,
  onOpen,
  onView,
}: {
  dataUrl: string
  extent: MapExtent
  onOpen: OpenSite
  onView: (ok: boolean) => void
}) {
  const map = useMap()
  // A translator that keeps its identity across renders: the markers are redrawn only when the data or language change.
  const locale = useLocale()
  const t = useMemo(() => translator(locale), [locale])

  useEffect(() => {
    const layer = layerGroup().addTo(map)
    const shown = new Map<string, Marker>()
    let controller: AbortController | null = null
    let requested = false
    const load = () => {
      requested = true
      controller?.abort()
      const current = new AbortController()
      controller = current
      const padded = map.getBounds().pad(0.25)
      const viewport = mapViewportParams({
        bbox: [padded.getWest(), padded.getSouth(), padded.getEast(), padded.getNorth()],
        zoom: Math.round(map.getZoom()),
      })
      fetch(`${dataUrl}${dataUrl.includes('?') ? '&' : '?'}${viewport}`, {
        signal: current.signal,
        headers: { Accept: 'application/json' },
      })
        .then(async (response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`)
          const view = (await response.json()) as MapView
          if (current.signal.aborted) return
          drawView({ map, layer, shown, view, t, onOpen })
          onView(true)
          markInteractive()
        })
        .catch(() => {
          if (!current.signal.aborted) onView(false)
        })
    }
    map.on('moveend', load)
    if (extent.bounds) {
      const [south, west, north, east] = extent.bounds
      map.fitBounds(latLngBounds([south, west], [north, east]), { padding: [32, 32], maxZoom: 14, animate: false })
    }
    // fitBounds fires moveend (which loads the view) unless the map is already there.
    if (!requested) load()
    return () => {
      controller?.abort()
      map.off('moveend', load)
      layer.remove()
    }
  }, [map, dataUrl, extent, t, onOpen, onView])
  return null
}

/**
 * Once per page, when the first view's markers are painted and the main
 * thread is free again: the moment the benchmark reads (User Timing).
 */
function markInteractive() {
  if (performance.getEntriesByName(MAP_INTERACTIVE_MARK).length > 0) return
  requestAnimationFrame(() => setTimeout(() => performance.mark(MAP_INTERACTIVE_MARK)))
}

/** Enter or Space on a focused marker, as on any button. */
function onActivate(target: Marker, action: () => void) {
  target.on('keydown', (event) => {
    const key = (event as LeafletKeyboardEvent).originalEvent.key
    if (key !== 'Enter' && key !== ' ') return
    event.originalEvent.preventDefault()
    action()
  })
  target.on('click', action)
  return target
}

/** Zooms into a cluster: far enough to show all of its sites, and at least one level. */
function zoomInto(map: LeafletMap, [south, west, north, east]: MapBounds) {
  const bounds = latLngBounds([south, west], [north, east])
  const fits = map.getBoundsZoom(bounds, false, point(32, 32))
  const zoom = Math.min(Math.max(fits, map.getZoom() + 1), SINGLE_SITES_ZOOM)
  map.setView(bounds.getCenter(), zoom)
  // The cluster's marker is gone after the zoom: keep keyboard focus on the map.
  map.getContainer().focus({ preventScroll: true })
}

/**
 * Draws one view's answer; markers that stay in view are kept, so a pan does
 * not take the keyboard focus away from the marker that has it.
 */
function drawView({
  map,
  layer,
  shown,
  view,
  t,
  onOpen,
}: {
  map: LeafletMap
  layer: LayerGroup
  shown: Map<string, Marker>
  view: MapView
  t: Translate
  onOpen: OpenSite
}) {
  const wanted = new Set<string>()
  view.clusters.key.forEach((clusterKey, i) => {
    const key = `c${clusterKey}`
    wanted.add(key)
    if (shown.has(key)) return
    const created = marker([view.clusters.lat[i]!, view.clusters.lng[i]!], {
      icon: clusterIcon(view.clusters.count[i]!, t),
      keyboard: true,
    })
    const bounds = view.clusters.bounds[i]!
    onActivate(created, () => zoomInto(map, bounds))
    shown.set(key, created.addTo(layer))
  })
  view.sites.id.forEach((id, site) => {
    const key = `s${id}`
    wanted.add(key)
    if (shown.has(key)) return
    const created = marker([view.sites.lat[site]!, view.sites.lng[site]!], {
      icon: siteIcon(view, site, t),
      keyboard: true,
      riseOnHover: true,
    })
    onActivate(created, () => onOpen(view, site, created.getElement() ?? null))
    shown.set(key, created.addTo(layer))
  })
  for (const [key, old] of shown) {
    if (wanted.has(key)) continue
    layer.removeLayer(old)
    shown.delete(key)
  }
}
