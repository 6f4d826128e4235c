import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import leafletStyles from 'leaflet/dist/leaflet.css?url'
import { ScenarioResult } from '~/components/scenarios/scenario-result'
import { getEnv } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { useLocale, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { failureText } from '~/modules/scenarios/reason-text'
import { canChangeScenario, requireReadableScenario } from '~/modules/scenarios/scenario-access.server'
import { computeScenario } from '~/modules/scenarios/scenario-result.server'
import { parseResultPages } from '~/modules/scenarios/scenario-view'
import { scenarioView } from '~/modules/scenarios/scenario-view.server'

export const links = () => [{ rel: 'stylesheet', href: leafletStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const scenario = await requireReadableScenario(db, user, id)
  const env = getEnv()
  const computed = await computeScenario(db, scenario.definition)
  return {
    scenario: {
      id,
      name: scenario.name,
      description: scenario.description,
      state: scenario.state,
      organisationName: scenario.organisationName,
    },
    view: await scenarioView(db, computed, scenario.definition, parseResultPages(new URL(request.url).searchParams)),
    mayChange: canChangeScenario(user, scenario),
    tiles: { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
  }
}

export default function ScenarioPage() {
  const t = useT()
  const locale = useLocale()
  const { scenario, view, mayChange, tiles } = useLoaderData<typeof loader>()
  return (
    <div className="page scenario-page">
      <p>
        <Link to="/scenarier">{t('scenario.title')}</Link>
      </p>
      <h1>{scenario.name}</h1>
      <p className="muted">
        {t(`scenario.state.${scenario.state}`)} · {scenario.organisationName}
      </p>
      {scenario.description ? <p>{scenario.description}</p> : null}
      <section aria-labelledby="definition-heading">
        <h2 id="definition-heading">{t('scenario.definitionHeading')}</h2>
        <ul>
          {view.failures.map((failure, index) => (
            <li key={index}>{failureText(t, locale, failure)}</li>
          ))}
        </ul>
        <p className="muted">{t('scenario.computedNow', { services: view.serviceCount })}</p>
      </section>
      <div className="actions">
        <Link className="button button--secondary" to={`/scenarier/${scenario.id}/utskrift`}>
          {t('scenario.print')}
        </Link>
        <a className="button button--secondary" href={`/scenarier/${scenario.id}/export.csv`} download>
          {t('scenario.export')}
        </a>
        {mayChange ? (
          <Link className="button button--secondary" to={`/scenarier/${scenario.id}/redigera`}>
            {t('scenario.edit')}
          </Link>
        ) : null}
      </div>
      <ScenarioResult scenarioId={scenario.id} view={view} tiles={tiles} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.scenario.name ?? t('scenario.meta.fallback')),
]
