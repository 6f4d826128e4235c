import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ScenarioChart } from '~/components/scenarios/scenario-chart'
import { ClientOnly } from '~/components/ui/client-only'
import { getDb } from '~/db/app-db.server'
import { formatCount, formatDateTime, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { explainChain, failureText } from '~/modules/scenarios/reason-text'
import { requireReadableScenario } from '~/modules/scenarios/scenario-access.server'
import { computeScenario } from '~/modules/scenarios/scenario-result.server'
import { scenarioOutcomes, scenarioView } from '~/modules/scenarios/scenario-view.server'

/** A printout of a county-wide scenario stops here; the CSV file has every service. */
const PRINT_MAX = 500

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const scenario = await requireReadableScenario(db, user, id)
  const computed = await computeScenario(db, scenario.definition)
  const view = await scenarioView(db, computed, scenario.definition, { outcomes: 1, exceeded: 1 })
  const { outcomes, count } = await scenarioOutcomes(db, computed, PRINT_MAX)
  return {
    scenario: {
      id,
      name: scenario.name,
      description: scenario.description,
      organisationName: scenario.organisationName,
    },
    failures: view.failures,
    serviceCount: view.serviceCount,
    totals: view.totals,
    outcomes,
    count,
    printedAt: new Date().toISOString(),
  }
}

/** The scenario as a report on paper: assumptions, the chart, every affected service with its course and reasons. */
export default function ScenarioPrintPage() {
  const t = useT()
  const locale = useLocale()
  const { scenario, failures, serviceCount, totals, outcomes, count, printedAt } = useLoaderData<typeof loader>()
  const h = (hours: number | null) =>
    hours === null ? t('scenario.never') : t('scenario.atHourShort', { hour: formatNumber(locale, hours) })
  return (
    <div className="page scenario-print">
      <div className="contact-print__tools">
        <Link to={`/scenarier/${scenario.id}`}>{scenario.name}</Link>
        <ClientOnly>
          {() => (
            <button type="button" className="button" onClick={() => window.print()}>
              {t('export.print')}
            </button>
          )}
        </ClientOnly>
      </div>
      <h1>{t('scenario.printTitle', { name: scenario.name })}</h1>
      <p className="muted">
        {scenario.organisationName} · {t('scenario.printed', { date: formatDateTime(locale, printedAt) })}
      </p>
      {scenario.description ? <p>{scenario.description}</p> : null}
      <h2>{t('scenario.definitionHeading')}</h2>
      <ul>
        {failures.map((failure, index) => (
          <li key={index}>{failureText(t, locale, failure)}</li>
        ))}
      </ul>
      <p>{t('scenario.computedNow', { services: serviceCount })}</p>
      <ScenarioChart failed={totals.failed} people={totals.peopleServedFailed} hour={0} />
      <h2>{t('scenario.affected')}</h2>
      {count === 0 ? <p>{t('scenario.noneAffected')}</p> : null}
      {count > outcomes.length ? (
        <p>
          {t('scenario.printFirst', { shown: formatCount(locale, outcomes.length), count: formatCount(locale, count) })}
        </p>
      ) : null}
      {outcomes.map((outcome) => (
        <section key={outcome.id} className="scenario-print__service">
          <h3>
            {outcome.name} – {outcome.organisationName}
          </h3>
          <p>
            {t('scenario.firstFailure')}: {h(outcome.firstFailedAt)} · {t('scenario.exceeded')}:{' '}
            {h(outcome.outageExceededAt)}
          </p>
          <p>
            {t('scenario.timeline')}:{' '}
            {outcome.timeline
              .map(([from, to, state]) =>
                t('scenario.csv.segment', {
                  from: formatNumber(locale, from),
                  to: formatNumber(locale, to),
                  state: t(`scenario.serviceState.${state}`),
                }),
              )
              .join('; ')}
          </p>
          {outcome.reasons.length > 0 ? (
            <ol>
              {explainChain(t, locale, outcome.name, outcome.reasons).map((sentence, index) => (
                <li key={index}>{sentence}</li>
              ))}
            </ol>
          ) : null}
        </section>
      ))}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.scenario.name ?? t('scenario.meta.fallback')),
]
