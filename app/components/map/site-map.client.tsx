import {
  divIcon,
  Icon,
  latLngBounds,
  layerGroup,
  marker,
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
import Supercluster from 'supercluster'
import { translator, useLocale, useT, type Translate } from '~/i18n/i18n'
import type { MapData } from '~/modules/registry/map.server'
import { formatCount } from './format'
import { colourOf, colouringOf } from './sector-colours'
import { SitePopup } from './site-popup'

// Leaflet guesses its default icons' path from its CSS, which Vite rewrites;
// point it at the bundled images instead.
delete (Icon.Default.prototype as unknown as { _getIconUrl?: unknown })._getIconUrl
Icon.Default.mergeOptions({ iconRetinaUrl: markerIcon2x, iconUrl: markerIcon, shadowUrl: markerShadow })

const VARGARDA: LatLngTuple = [58.034, 12.808]

export interface SiteMapProps {
  /** Where the map's data comes from: /karta/platser with the page's filters. */
  dataUrl: string
  tiles: { url: string; attribution: string }
}

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; data: MapData }

export function SiteMap({ dataUrl, tiles }: SiteMapProps) {
  const t = useT()
  const locale = useLocale()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [tilesFailed, setTilesFailed] = useState(false)
  const tileLoads = useRef(0)
  const [selected, setSelected] = useState<number | null>(null)
  const opener = useRef<HTMLElement | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    setLoad({ state: 'loading' })
    setSelected(null)
    // Same request as the page's preload link (no extra headers), so the browser can hand that response over.
    fetch(dataUrl, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        setLoad({ state: 'ready', data: (await response.json()) as MapData })
      })
      .catch(() => {
        if (!controller.signal.aborted) setLoad({ state: 'failed' })
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

  const open = useCallback((index: number, element: HTMLElement | null) => {
    opener.current = element
    setSelected(index)
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

  const data = load.state === 'ready' ? load.data : null
  const count = data?.sites.id.length ?? 0
  return (
    <div
      className={tilesFailed ? 'site-map site-map--no-tiles' : 'site-map'}
      data-site-count={data ? count : undefined}
    >
      <p className="site-map__status" role="status">
        {load.state === 'loading'
          ? t('map.loadingSites')
          : load.state === 'failed'
            ? t('map.dataFailed')
            : count === 1
              ? t('map.showingOne')
              : t('map.showing', { count: formatCount(locale, count) })}
      </p>
      {/* A live region that is there from the start, so the message is read out when it appears. */}
      <div role="status">
        {tilesFailed ? <p className="site-map__tiles-failed notice">{t('map.tilesFailed')}</p> : null}
      </div>
      <MapContainer className="site-map__canvas" center={VARGARDA} zoom={10} zoomControl={false} keyboard>
        <MapAccessibility label={t('map.canvasLabel')} />
        <TileLayer url={tiles.url} attribution={tiles.attribution} eventHandlers={tileEvents} />
        <ZoomControl position="topleft" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        {data ? <SiteLayer data={data} onOpen={open} /> : null}
        {data && selected !== null ? <SelectedPopup data={data} index={selected} onClose={close} /> : null}
      </MapContainer>
    </div>
  )
}

/** Leaflet's container is focusable (arrow keys pan, + and − zoom): give it a role and a name. */
function MapAccessibility({ label }: { label: string }) {
  const map = useMap()
  useEffect(() => {
    const container = map.getContainer()
    container.setAttribute('role', 'region')
    container.setAttribute('aria-label', label)
  }, [map, label])
  return null
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

function boundsOf(data: MapData) {
  const { lat, lng } = data.sites
  let south = 90
  let north = -90
  let west = 180
  let east = -180
  for (let i = 0; i < lat.length; i++) {
    south = Math.min(south, lat[i]!)
    north = Math.max(north, lat[i]!)
    west = Math.min(west, lng[i]!)
    east = Math.max(east, lng[i]!)
  }
  return latLngBounds([south, west], [north, east])
}

/**
 * Tens of thousands of sites stay fluid because only what is in view is drawn:
 * supercluster indexes the points once, and each move draws the few hundred
 * clusters and sites of the visible area as keyboard-reachable markers.
 */
function SiteLayer({ data, onOpen }: { data: MapData; onOpen: (index: number, element: HTMLElement | null) => void }) {
  const map = useMap()
  // A translator that keeps its identity across renders: the markers are redrawn only when the data or language change.
  const locale = useLocale()
  const t = useMemo(() => translator(locale), [locale])
  const index = useMemo(() => {
    // extent 256: Leaflet's tile size, so the radius is in screen pixels.
    const clusters = new Supercluster<{ i: number }>({ radius: 60, extent: 256, maxZoom: 15 })
    clusters.load(
      data.sites.id.map((_, i) => ({
        type: 'Feature' as const,
        properties: { i },
        geometry: { type: 'Point' as const, coordinates: [data.sites.lng[i]!, data.sites.lat[i]!] },
      })),
    )
    return clusters
  }, [data])

  useEffect(() => {
    if (data.sites.id.length > 0) map.fitBounds(boundsOf(data), { padding: [32, 32], maxZoom: 14, animate: false })
  }, [map, data])

  useEffect(() => {
    const layer = layerGroup().addTo(map)
    const shown = new Map<string, Marker>()
    const draw = () => drawVisible({ map, layer, shown, index, data, t, onOpen })
    map.on('moveend', draw)
    draw()
    return () => {
      map.off('moveend', draw)
      layer.remove()
    }
  }, [map, index, data, t, onOpen])
  return null
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

/**
 * Draws what is in view; markers that stay in view are kept, so a pan does
 * not take the keyboard focus away from the marker that has it.
 */
function drawVisible({
  map,
  layer,
  shown,
  index,
  data,
  t,
  onOpen,
}: {
  map: LeafletMap
  layer: LayerGroup
  shown: Map<string, Marker>
  index: Supercluster<{ i: number }>
  data: MapData
  t: Translate
  onOpen: (index: number, element: HTMLElement | null) => void
}) {
  const bounds = map.getBounds()
  const box: [number, number, number, number] = [
    Math.max(-180, bounds.getWest()),
    Math.max(-85, bounds.getSouth()),
    Math.min(180, bounds.getEast()),
    Math.min(85, bounds.getNorth()),
  ]
  const wanted = new Set<string>()
  for (const feature of index.getClusters(box, Math.round(map.getZoom()))) {
    const [lng, lat] = feature.geometry.coordinates as [number, number]
    const properties = feature.properties
    if ('cluster' in properties && properties.cluster) {
      const key = `c${properties.cluster_id}`
      wanted.add(key)
      if (shown.has(key)) continue
      const clusterId = properties.cluster_id
      const created = marker([lat, lng], { icon: clusterIcon(properties.point_count, t), keyboard: true })
      onActivate(created, () => {
        map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), 18))
        // The cluster's marker is gone after the zoom: keep keyboard focus on the map.
        map.getContainer().focus({ preventScroll: true })
      })
      shown.set(key, created.addTo(layer))
    } else {
      const site = (properties as { i: number }).i
      const key = `s${site}`
      wanted.add(key)
      if (shown.has(key)) continue
      const created = marker([lat, lng], { icon: siteIcon(data, site, t), keyboard: true, riseOnHover: true })
      onActivate(created, () => onOpen(site, created.getElement() ?? null))
      shown.set(key, created.addTo(layer))
    }
  }
  for (const [key, old] of shown) {
    if (wanted.has(key)) continue
    layer.removeLayer(old)
    shown.delete(key)
  }
}
