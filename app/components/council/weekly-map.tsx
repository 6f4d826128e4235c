import { lazy, Suspense } from 'react'
import type { Tiles } from '~/components/scenarios/area-field'
import { ClientOnly } from '~/components/ui/client-only'
import { useT } from '~/i18n/i18n'

const WeeklyMapCanvas = lazy(() =>
  import('./weekly-map.client').then((module) => ({ default: module.WeeklyMapCanvas })),
)

/** The period's positions and hot spots; Leaflet loads in the browser only, behind a placeholder of the same size. */
export function WeeklyMap({ dataUrl, tiles }: { dataUrl: string; tiles: Tiles }) {
  const t = useT()
  const placeholder = <p className="weekly-map__placeholder">{t('councilAreas.weekly.mapLoading')}</p>
  return (
    <ClientOnly fallback={placeholder}>
      {() => (
        <Suspense fallback={placeholder}>
          <WeeklyMapCanvas dataUrl={dataUrl} tiles={tiles} />
        </Suspense>
      )}
    </ClientOnly>
  )
}
