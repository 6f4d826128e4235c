import { lazy, Suspense, useState } from 'react'
import { Field } from '~/components/forms/field'
import { ClientOnly } from '~/components/ui/client-only'
import { useT } from '~/i18n/i18n'
import { formatAreaText, parseAreaText } from '~/modules/scenarios/scenario-form'

export interface Tiles {
  url: string
  attribution: string
}

/** What the field is called where it is used: a scenario failure's area, a council's named area. */
export interface AreaFieldLabels {
  label: string
  hint: string
  draw: string
  drawHelp: string
}

const AreaMap = lazy(() => import('./area-map.client').then((module) => ({ default: module.AreaMap })))

/**
 * An area's corners: typed one per line, or clicked on a map (which writes
 * them into the same field). The field is what is sent, so it works without
 * the map and without JavaScript. By default it speaks of a scenario
 * failure's area.
 */
export function AreaField({
  name,
  defaultValue,
  error,
  current,
  tiles,
  labels,
  rows = 4,
}: {
  name: string
  defaultValue: string
  error?: string
  /** After a conflict: the corners someone else saved meanwhile. */
  current?: string
  tiles: Tiles
  labels?: AreaFieldLabels
  rows?: number
}) {
  const t = useT()
  const [text, setText] = useState(defaultValue)
  // The map (and its tiles) loads only when someone opens it.
  const [drawing, setDrawing] = useState(false)
  const ring = parseAreaText(text) ?? []
  const words = labels ?? {
    label: t('scenario.area'),
    hint: t('scenario.areaHint'),
    draw: t('scenario.areaMap'),
    drawHelp: t('scenario.areaMapHelp'),
  }
  return (
    <>
      <Field label={words.label} name={name} hint={words.hint} error={error} current={current}>
        {(props) => (
          <textarea
            {...props}
            rows={rows}
            value={text}
            onChange={(event) => setText(event.target.value)}
            spellCheck={false}
          />
        )}
      </Field>
      <ClientOnly>
        {() => (
          <details className="area-map" onToggle={(event) => setDrawing(event.currentTarget.open)}>
            <summary>{words.draw}</summary>
            <p className="field__hint">{words.drawHelp}</p>
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
