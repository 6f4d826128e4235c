import { useSearchParams } from '@remix-run/react'
import { lazy, Suspense, useMemo, useState } from 'react'
import { ClientOnly } from '~/components/ui/client-only'
import { Pager } from '~/components/ui/pager'
import { formatNumber, intlLocale } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { explainChain } from '~/modules/scenarios/reason-text'
import { outcomeStateAt, type ScenarioTotals, type ScenarioView } from '~/modules/scenarios/scenario-view'
import type { Tiles } from './area-field'
import { FailedByGroup } from './failed-by-group'
import { ScenarioChart } from './scenario-chart'
import { serviceStates, stateColours } from './state-colours'

const ScenarioMap = lazy(() => import('./scenario-map.client').then((module) => ({ default: module.ScenarioMap })))

/**
 * The hour: a slider, and step buttons for the keyboard and for precise
 * steps. The words default to a scenario's ("Timme 6 av 72"); an event's
 * projection says hours from now.
 */
export function HourControl({
  hour,
  horizon,
  onChange,
  label,
  valueText,
  previousLabel,
  nextLabel,
}: {
  hour: number
  horizon: number
  onChange: (hour: number) => void
  label?: string
  valueText?: (hour: number) => string
  previousLabel?: string
  nextLabel?: string
}) {
  const t = useT()
  const text = valueText ?? ((value: number) => t('scenario.hourOf', { hour: value, horizon }))
  return (
    <div className="hour-control">
      <label htmlFor="scenario-hour">{label ?? t('scenario.hour')}</label>
      <input
        id="scenario-hour"
        type="range"
        min={0}
        max={horizon}
        step={1}
        value={hour}
        aria-valuetext={text(hour)}
        onChange={(event) => onChange(Number(event.target.value))}
      />
      <div className="hour-control__buttons">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange(Math.max(0, hour - 1))}
          disabled={hour === 0}
        >
          {previousLabel ?? t('scenario.previousHour')}
        </button>
        <output htmlFor="scenario-hour" aria-live="polite">
          {text(hour)}
        </output>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange(Math.min(horizon, hour + 1))}
          disabled={hour === horizon}
        >
          {nextLabel ?? t('scenario.nextHour')}
        </button>
      </div>
    </div>
  )
}

/** The situation at the chosen hour in figures. */
export function SituationCounts({ totals, hour }: { totals: ScenarioTotals; hour: number }) {
  const t = useT()
  const locale = useLocale()
  const number = new Intl.NumberFormat(intlLocale(locale))
  const counts: [string, number[]][] = [
    [t('scenario.count.failed'), totals.failed],
    [t('scenario.count.degraded'), totals.degraded],
    [t('scenario.count.backup'), totals.backup],
    [t('scenario.count.recovered'), totals.recovered],
    [t('scenario.peopleAffected'), totals.peopleServedFailed],
  ]
  return (
    <dl className="scenario-counts">
      {counts.map(([label, values]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{number.format(values[hour] ?? 0)}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * A scenario's result, driven by the chosen hour: the situation in figures,
 * the chart, the map and the list of affected services with the reasons.
 */
export function ScenarioResult({ scenarioId, view, tiles }: { scenarioId: string; view: ScenarioView; tiles: Tiles }) {
  const t = useT()
  const locale = useLocale()
  const [hour, setHour] = useState(0)
  const [searchParams] = useSearchParams()
  const number = useMemo(() => new Intl.NumberFormat(intlLocale(locale)), [locale])
  const outcomes = view.outcomes.items
  const states = useMemo(() => outcomes.map((outcome) => outcomeStateAt(outcome, hour)), [outcomes, hour])
  const pageLink = (name: string) => (page: number) => {
    const next = new URLSearchParams(searchParams)
    next.set(name, String(page))
    return `?${next.toString()}`
  }
  const pagerTexts = (page: number, pages: number) => ({
    previous: t('scenario.previousPage'),
    next: t('scenario.nextPage'),
    position: t('scenario.pageOf', { page: number.format(page), pages: number.format(pages) }),
  })

  return (
    <>
      <section aria-labelledby="situation-heading" className="panel scenario-situation">
        <h2 id="situation-heading">{t('scenario.atHour', { hour })}</h2>
        <HourControl hour={hour} horizon={view.horizonHours} onChange={setHour} />
        <SituationCounts totals={view.totals} hour={hour} />
      </section>

      <ScenarioChart failed={view.totals.failed} people={view.totals.peopleServedFailed} hour={hour} />
      <FailedByGroup totals={view.totals} hour={hour} />

      <section aria-labelledby="scenario-map-heading" className="scenario-map">
        <h2 id="scenario-map-heading">{t('scenario.mapHeading')}</h2>
        <p>{t('scenario.mapHelp')}</p>
        <ul className="scenario-legend">
          {serviceStates.map((state) => (
            <li key={state}>
              <span className="map-swatch" style={{ background: stateColours[state] }} aria-hidden="true" />{' '}
              {t(`scenario.serviceState.${state}`)}
            </li>
          ))}
        </ul>
        {view.hasPositions ? (
          <ClientOnly fallback={<p>{t('scenario.mapLoading')}</p>}>
            {() => (
              <Suspense fallback={<p>{t('scenario.mapLoading')}</p>}>
                <ScenarioMap dotsUrl={`/scenarier/${scenarioId}/punkter`} hour={hour} tiles={tiles} />
              </Suspense>
            )}
          </ClientOnly>
        ) : (
          <p>{t('scenario.mapNoSites')}</p>
        )}
      </section>

      <section aria-labelledby="affected-heading">
        <h2 id="affected-heading">{t('scenario.affected')}</h2>
        {view.outcomes.count === 0 ? (
          <p>{t('scenario.noneAffected')}</p>
        ) : (
          <>
            <p>
              {t('scenario.affectedCount', {
                count: number.format(view.outcomes.count),
                total: number.format(view.serviceCount),
              })}
            </p>
            <div className="table-wrap">
              <table className="table scenario-table">
                <thead>
                  <tr>
                    <th scope="col">{t('scenario.service')}</th>
                    <th scope="col">{t('scenario.stateAtHour', { hour })}</th>
                    <th scope="col">{t('scenario.firstFailure')}</th>
                    <th scope="col">{t('scenario.exceeded')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcomes.map((outcome, index) => (
                    <tr key={outcome.id} data-state={states[index]}>
                      <td>
                        <span className="scenario-table__name">{outcome.name}</span>
                        <span className="muted"> – {outcome.organisationName}</span>
                        {outcome.reasons.length > 0 ? (
                          <details className="scenario-why">
                            <summary>{t('scenario.why')}</summary>
                            <ol>
                              {explainChain(t, locale, outcome.name, outcome.reasons).map((sentence, position) => (
                                <li key={position}>{sentence}</li>
                              ))}
                            </ol>
                          </details>
                        ) : (
                          <p className="muted">{t('scenario.reason.notFailed')}</p>
                        )}
                      </td>
                      <td>
                        <span
                          className="state-dot"
                          style={{ background: stateColours[states[index]!] }}
                          aria-hidden="true"
                        />{' '}
                        {t(`scenario.serviceState.${states[index]!}`)}
                      </td>
                      <td>
                        {outcome.firstFailedAt === null
                          ? t('scenario.never')
                          : t('scenario.atHourShort', { hour: formatNumber(locale, outcome.firstFailedAt) })}
                      </td>
                      <td>
                        {outcome.outageExceededAt === null
                          ? t('scenario.never')
                          : t('scenario.atHourShort', { hour: formatNumber(locale, outcome.outageExceededAt) })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              page={view.outcomes.page}
              pages={view.outcomes.pages}
              pageLink={pageLink('sida')}
              label={t('scenario.affectedPages')}
              {...pagerTexts(view.outcomes.page, view.outcomes.pages)}
            />
          </>
        )}
      </section>

      <section aria-labelledby="exceeded-heading">
        <h2 id="exceeded-heading">{t('scenario.exceededHeading')}</h2>
        {view.exceeded.count === 0 ? (
          <p>{t('scenario.exceededNone')}</p>
        ) : (
          <>
            <p>{t('scenario.exceededCount', { count: number.format(view.exceeded.count) })}</p>
            <ul>
              {view.exceeded.items.map((outcome) => (
                <li key={outcome.id}>
                  {t('scenario.exceededItem', {
                    service: outcome.name,
                    organisation: outcome.organisationName,
                    acceptable: formatNumber(locale, outcome.acceptableOutageHours),
                    hour: formatNumber(locale, outcome.outageExceededAt!),
                  })}
                </li>
              ))}
            </ul>
            <Pager
              page={view.exceeded.page}
              pages={view.exceeded.pages}
              pageLink={pageLink('overskridna')}
              label={t('scenario.exceededPages')}
              {...pagerTexts(view.exceeded.page, view.exceeded.pages)}
            />
          </>
        )}
      </section>
    </>
  )
}
