import { lazy, Suspense } from 'react'
import { ClientOnly } from '~/components/ui/client-only'
import { useT } from '~/i18n/i18n'
import type { SiteMapProps } from './site-map.client'

const loadSiteMap = () => import('./site-map.client')
// In the browser the map's code starts loading when this module runs, not after hydration.
if (typeof document !== 'undefined') void loadSiteMap().catch(() => {})
const SiteMap = lazy(() => loadSiteMap().then((module) => ({ default: module.SiteMap })))

/**
 * The map, drawn only in the browser; until then (and without JavaScript) a
 * box of the same size says that the table below holds the same records.
 */
export function MapPanel(props: SiteMapProps) {
  const t = useT()
  const fallback = (
    <div className="site-map">
      <p className="site-map__status">{t('map.notYet')}</p>
      <div className="site-map__canvas site-map__canvas--placeholder" />
    </div>
  )
  // Served with the page: the browser fetches the map's data while the scripts load, not after.
  const preload = <link rel="preload" href={props.dataUrl} as="fetch" crossOrigin="anonymous" />
  return (
    <section className="map-panel" aria-labelledby="map-heading">
      <h2 id="map-heading">{t('map.mapHeading')}</h2>
      {preload}
      <ClientOnly fallback={fallback}>
        {() => (
          <Suspense fallback={fallback}>
            <SiteMap {...props} />
          </Suspense>
        )}
      </ClientOnly>
    </section>
  )
}
