import { lazy, Suspense, useState } from 'react'
import { Field } from '~/components/forms/field'
import { ClientOnly } from '~/components/ui/client-only'
import { useT } from '~/i18n/i18n'
import { formatAreaText, parseAreaText } from '~/modules/scenarios/scenario-form'

export interface Tiles {
  url: string
  attribution: string
}

const AreaMap = lazy(() => import('./area-map.client').then((module) => ({ default: module.AreaMap })))

/**
 * The area of a failure: corners typed one per line, or clicked on a map
 * (which writes them into the same field). The field is what is sent, so it
 * works without the map and without JavaScript.
 */
export function AreaField({
  name,
  defaultValue,
  error,
  tiles,
}: {
  name: string
  defaultValue: string
  error?: string
  tiles: Tiles
}) {
  const t = useT()
  const [text, setText] = useState(defaultValue)
  // The map (and its tiles) loads only when someone opens it.
  const [drawing, setDrawing] = useState(false)
  const ring = parseAreaText(text) ?? []
  return (
    <>
      <Field label={t('scenario.area')} name={name} hint={t('scenario.areaHint')} error={error}>
        {(props) => (
          <textarea
            {...props}
            rows={4}
            value={text}
            onChange={(event) => setText(event.target.value)}
            spellCheck={false}
          />
        )}
      </Field>
      <ClientOnly>
        {() => (
          <details className="area-map" onToggle={(event) => setDrawing(event.currentTarget.open)}>
            <summary>{t('scenario.areaMap')}</summary>
            <p className="field__hint">{t('scenario.areaMapHelp')}</p>
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
