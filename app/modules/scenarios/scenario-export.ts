import { explainChain } from './reason-text'
import { formatNumber } from '~/i18n/format'
import type { Locale, Translate } from '~/i18n/i18n'
import { toCsv } from '~/modules/text/csv'
import type { ServiceOutcome } from './scenario-view'

/** A scenario's result as CSV for Swedish Excel: one row per affected service, with its course and reasons. */
export function scenarioCsv(t: Translate, locale: Locale, outcomes: readonly ServiceOutcome[]): string {
  const h = (hours: number | null) => (hours === null ? '' : formatNumber(locale, hours))
  return toCsv([
    [
      t('scenario.service'),
      t('scenario.owner'),
      t('scenario.csv.sector'),
      t('scenario.csv.styrel'),
      t('scenario.csv.people'),
      t('scenario.csv.acceptable'),
      t('scenario.csv.firstFailure'),
      t('scenario.csv.exceeded'),
      t('scenario.csv.timeline'),
      t('scenario.csv.reasons'),
    ],
    ...outcomes.map((outcome) => [
      outcome.name,
      outcome.organisationName,
      t(`sector.${outcome.sector}`),
      outcome.styrelClass,
      outcome.peopleServed,
      h(outcome.acceptableOutageHours),
      h(outcome.firstFailedAt),
      h(outcome.outageExceededAt),
      outcome.timeline
        .map(([from, to, state]) =>
          t('scenario.csv.segment', { from: h(from), to: h(to), state: t(`scenario.serviceState.${state}`) }),
        )
        .join('; '),
      explainChain(t, locale, outcome.name, outcome.reasons).join(' '),
    ]),
  ])
}
