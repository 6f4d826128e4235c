import type { Translate } from '~/i18n/i18n'
import { isMeasureType } from '~/modules/council/measure-form'

/** A measure's type in words: a suggested type is translated, free text is shown as it was written. */
export function measureTypeLabel(t: Translate, type: string): string {
  return isMeasureType(type) ? t(`councilMeasures.type.${type}`) : type
}

/** Where a measure is done: its area, its place, or both. */
export function measureWhere(measure: { areaName: string | null; place: string }): string {
  return [measure.areaName, measure.place].filter(Boolean).join(', ') || '–'
}
