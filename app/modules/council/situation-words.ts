import { labelOf, type Translate } from '~/i18n/i18n'
import type { SnapshotChange } from './situation-diff'

// The words of a situation picture's states and changes, for the page and the PDF alike.

export function measureState(t: Translate, state: string): string {
  return labelOf(t, 'councilMeasures.state', state)
}

export function assessment(t: Translate, value: string): string {
  return labelOf(t, 'councilMeasures.assessment', value)
}

/** One change since the previous version, in words. */
export function changeText(t: Translate, change: SnapshotChange): string {
  switch (change.kind) {
    case 'analysis':
    case 'otherInformation':
    case 'survey':
      return t(`situation.change.${change.kind}`)
    case 'measureState':
      return t('situation.change.measureState', {
        title: change.title,
        before: measureState(t, change.before),
        after: measureState(t, change.after),
      })
    case 'measureAssessment':
      return t('situation.change.measureAssessment', {
        title: change.title,
        before: change.before ? assessment(t, change.before) : '–',
        after: change.after ? assessment(t, change.after) : '–',
      })
    case 'area':
      return t('situation.change.area', { ...change, name: change.name || t('situation.outside') })
    default:
      return t(`situation.change.${change.kind}`, change as unknown as Record<string, string | number>)
  }
}
