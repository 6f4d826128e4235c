import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ScenarioChart } from '~/components/scenarios/scenario-chart'
import { ClientOnly } from '~/components/ui/client-only'
import { getDb } from '~/db/app-db.server'
import { formatDateTime, useLocale, useT } from '~/i18n/i18n'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { explainChain, failureText } from '~/modules/scenarios/reason-text'
import { requireReadableScenario } from '~/modules/scenarios/scenario-access.server'
import { formatHours } from '~/modules/scenarios/scenario-view'
import { computeScenarioView } from '~/modules/scenarios/scenario-view.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const scenario = await requireReadableScenario(db, user, id)
  return {
    scenario: {
      id,
      name: scenario.name,
      description: scenario.description,
      organisationName: scenario.organisationName,
    },
    view: await computeScenarioView(db, scenario.definition),
    printedAt: new Date().toISOString(),
  }
}

/** The scenario as a report on paper: assumptions, the chart, every affected service with its course and reasons. */
export default function ScenarioPrintPage() {
  const t = useT()
  const locale = useLocale()
  const { scenario, view, printedAt } = useLoaderData<typeof loader>()
  const h = (hours: number | null) =>
    hours === null ? t('scenario.never') : t('scenario.atHourShort', { hour: formatHours(locale, hours) })
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
        {view.failures.map((failure, index) => (
          <li key={index}>{failureText(t, locale, failure)}</li>
        ))}
      </ul>
      <p>{t('scenario.computedNow', { services: view.serviceCount })}</p>
      <ScenarioChart failed={view.totals.failed} people={view.totals.peopleServedFailed} hour={0} />
      <h2>{t('scenario.affected')}</h2>
      {view.outcomes.length === 0 ? <p>{t('scenario.noneAffected')}</p> : null}
      {view.outcomes.map((outcome) => (
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
                  from: formatHours(locale, from),
                  to: formatHours(locale, to),
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.scenario.name ?? 'Scenario'} – Områdesansvarsportalen` },
]
