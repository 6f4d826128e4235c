import { useMemo, useState } from 'react'
import { FailedByGroup } from '~/components/scenarios/failed-by-group'
import { ScenarioChart } from '~/components/scenarios/scenario-chart'
import { HourControl, SituationCounts } from '~/components/scenarios/scenario-result'
import { stateColours } from '~/components/scenarios/state-colours'
import { Pager } from '~/components/ui/pager'
import { formatNumber, intlLocale } from '~/i18n/format'
import { useLocale, useT, type Locale, type Translate } from '~/i18n/i18n'
import {
  formatClock,
  formatFromNow,
  fromNow,
  projectionWording,
  type ProjectionOutcome,
  type ProjectionView,
} from '~/modules/events/event-projection-view'
import { explainChain } from '~/modules/scenarios/reason-text'
import { outcomeStateAt } from '~/modules/scenarios/scenario-view'

function reportText(t: Translate, locale: Locale, view: ProjectionView, outcome: ProjectionOutcome): string {
  const report = outcome.report
  if (!report) return t('eventProjection.noReport')
  const status =
    report.status === 'backup' && report.backupHoursLeft !== null
      ? t('eventProjection.reportBackup', {
          status: t('event.status.backup'),
          hours: formatNumber(locale, report.backupHoursLeft),
        })
      : t(`event.status.${report.status}`)
  return `${status} (${formatClock(t, locale, report.reportedAt, view.computedFor)})`
}

function failsText(t: Translate, locale: Locale, view: ProjectionView, outcome: ProjectionOutcome): string {
  if (outcome.failsIn === null) return t('eventProjection.never')
  const clock = formatClock(t, locale, fromNow(view, outcome.failsIn), view.computedFor)
  if (outcome.failsIn <= 0) return t('eventProjection.failedSince', { clock })
  return t('eventProjection.failsAt', { when: formatFromNow(t, locale, outcome.failsIn), clock })
}

/**
 * An event's projection, driven by the chosen hour from now: the situation
 * in figures, the chart and the list of affected services with the reasons.
 * The list is the primary form; the chart has its values as a table too.
 */
export function ProjectionResult({ view, pageLink }: { view: ProjectionView; pageLink: (page: number) => string }) {
  const t = useT()
  const locale = useLocale()
  const [hour, setHour] = useState(0)
  const number = useMemo(() => new Intl.NumberFormat(intlLocale(locale)), [locale])
  const outcomes = view.outcomes.items
  const states = useMemo(() => outcomes.map((outcome) => outcomeStateAt(outcome, hour)), [outcomes, hour])
  const when = (h: number) => formatFromNow(t, locale, h)
  const clock = (h: number) => formatClock(t, locale, fromNow(view, h), view.computedFor)

  return (
    <>
      <section aria-labelledby="situation-heading" className="panel scenario-situation">
        <h2 id="situation-heading">{t('eventProjection.atHour', { when: when(hour), clock: clock(hour) })}</h2>
        <HourControl
          hour={hour}
          horizon={view.windowHours}
          onChange={setHour}
          label={t('eventProjection.hour')}
          valueText={(h) => t('eventProjection.hourValue', { when: when(h), clock: clock(h) })}
          previousLabel={t('eventProjection.previousHour')}
          nextLabel={t('eventProjection.nextHour')}
        />
        <SituationCounts totals={view.totals} hour={hour} />
      </section>

      <ScenarioChart
        failed={view.totals.failed}
        people={view.totals.peopleServedFailed}
        hour={hour}
        caption={t('eventProjection.chart')}
        hourHeading={t('eventProjection.chartHour')}
        summaryText={(peak) =>
          t('eventProjection.chartSummary', { failed: peak.failed, when: when(peak.hour), people: peak.people })
        }
      />
      <FailedByGroup
        totals={view.totals}
        hour={hour}
        heading={t('eventProjection.groupsHeading', { when: when(hour) })}
      />

      <section aria-labelledby="projection-list-heading">
        <h2 id="projection-list-heading">{t('eventProjection.listHeading')}</h2>
        {view.outcomes.count === 0 ? (
          <p>{t('eventProjection.noneAffected')}</p>
        ) : (
          <>
            <p>
              {t('eventProjection.listCount', {
                count: number.format(view.outcomes.count),
                total: number.format(view.serviceCount),
              })}
            </p>
            <div className="table-wrap">
              <table className="table scenario-table projection-table">
                <thead>
                  <tr>
                    <th scope="col">{t('eventProjection.service')}</th>
                    <th scope="col">{t('eventProjection.fails')}</th>
                    <th scope="col">{t('eventProjection.stateAt', { when: when(hour) })}</th>
                    <th scope="col">{t('eventProjection.report')}</th>
                    <th scope="col">{t('eventProjection.wakeColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcomes.map((outcome, index) => (
                    <tr key={outcome.id} data-state={states[index]}>
                      <th scope="row">
                        <span className="scenario-table__name">{outcome.name}</span>
                        <span className="muted"> – {outcome.organisationName}</span>
                        {outcome.reasons.length > 0 ? (
                          <details className="scenario-why">
                            <summary>{t('eventProjection.why')}</summary>
                            <ol>
                              {explainChain(
                                t,
                                locale,
                                outcome.name,
                                outcome.reasons,
                                projectionWording(t, locale, view, outcome),
                              ).map((sentence, position) => (
                                <li key={position}>{sentence}</li>
                              ))}
                            </ol>
                          </details>
                        ) : (
                          <p className="muted">{t('eventProjection.notFailed')}</p>
                        )}
                      </th>
                      <td>{failsText(t, locale, view, outcome)}</td>
                      <td>
                        <span
                          className="state-dot"
                          style={{ background: stateColours[states[index]!] }}
                          aria-hidden="true"
                        />{' '}
                        {t(`scenario.serviceState.${states[index]!}`)}
                      </td>
                      <td>{reportText(t, locale, view, outcome)}</td>
                      <td>
                        {outcome.wake === 0 ? '–' : t('eventProjection.wakeCount', { count: outcome.wake })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              page={view.outcomes.page}
              pages={view.outcomes.pages}
              pageLink={pageLink}
              label={t('eventProjection.pages')}
              previous={t('scenario.previousPage')}
              next={t('scenario.nextPage')}
              position={t('scenario.pageOf', {
                page: number.format(view.outcomes.page),
                pages: number.format(view.outcomes.pages),
              })}
            />
          </>
        )}
      </section>
    </>
  )
}

/** What the projection rests on, and when it was computed. */
export function ProjectionBasis({ view }: { view: Pick<ProjectionView, 'reportCount' | 'computedFor'> }) {
  const t = useT()
  const locale = useLocale()
  const time = formatClock(t, locale, view.computedFor, view.computedFor)
  return (
    <p className="muted">
      {t('eventProjection.basis', { count: view.reportCount, time })}{' '}
      {t('eventProjection.basisRule')}
    </p>
  )
}
