import { lazy, Suspense, useState } from 'react'
import { Field } from '~/components/forms/field'
import type { Tiles } from '~/components/scenarios/area-field'
import { ClientOnly } from '~/components/ui/client-only'
import { useT } from '~/i18n/i18n'
import { formatAreaText, parseAreaText } from '~/modules/scenarios/scenario-form'

// The scenario builder's drawing map, reused: it only writes corners.
const AreaMap = lazy(() =>
  import('~/components/scenarios/area-map.client').then((module) => ({ default: module.AreaMap })),
)

/**
 * A council area's corners: typed one per line, or clicked on a map that
 * writes them into the same field, so the form works without the map.
 */
export function AreaShapeField({
  name,
  defaultValue,
  error,
  current,
  tiles,
}: {
  name: string
  defaultValue: string
  error?: string
  current?: string
  tiles: Tiles
}) {
  const t = useT()
  const [text, setText] = useState(defaultValue)
  const [drawing, setDrawing] = useState(false)
  const ring = parseAreaText(text) ?? []
  return (
    <>
      <Field
        label={t('councilAreas.corners')}
        name={name}
        hint={t('councilAreas.cornersHint')}
        error={error}
        current={current}
      >
        {(props) => (
          <textarea
            {...props}
            rows={5}
            value={text}
            onChange={(event) => setText(event.target.value)}
            spellCheck={false}
          />
        )}
      </Field>
      <ClientOnly>
        {() => (
          <details className="area-map" onToggle={(event) => setDrawing(event.currentTarget.open)}>
            <summary>{t('councilAreas.drawOnMap')}</summary>
            <p className="field__hint">{t('councilAreas.drawHelp')}</p>
            {drawing ? (
              <Suspense fallback={null}>
                <AreaMap ring={ring} tiles={tiles} onChange={(next) => setText(formatAreaText(next))} />
              </Suspense>
            ) : null}
          </details>
        )}
      </ClientOnly>
    </>
  )
}
