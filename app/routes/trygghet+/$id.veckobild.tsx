import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import leafletStyles from 'leaflet/dist/leaflet.css?url'
import { WeeklyCountTable } from '~/components/council/weekly-count-table'
import { WeeklyFilterForm, usePeriodLabel } from '~/components/council/weekly-filters'
import { WeeklyMap } from '~/components/council/weekly-map'
import { SurveyTrend } from '~/components/council/survey-trend'
import { WeeklyTrend } from '~/components/council/weekly-trend'
import { FormMessage } from '~/components/forms/field'
import type { SectionHandle } from '~/components/ui/section-heading'
import { getEnv } from '~/config/env.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireCouncil } from '~/modules/council/council-access.server'
import { councilRef } from '~/modules/council/council-sections'
import { allCategories } from '~/modules/council/reports.server'
import { surveyTrend } from '~/modules/council/survey.server'
import {
  endMonth,
  lastYearPeriod,
  nextPeriod,
  parseFilters,
  parsePeriod,
  previousPeriod,
  weeklySearch,
} from '~/modules/council/weekly'
import {
  countsByArea,
  countsByCategory,
  countWithoutPosition,
  monthlyTrend,
  reportingSources,
} from '~/modules/council/weekly.server'
import sourcesStyles from '~/styles/council-sources.css?url'
import weeklyStyles from '~/styles/council-weekly.css?url'

export const links = () => [
  { rel: 'stylesheet', href: leafletStyles },
  { rel: 'stylesheet', href: weeklyStyles },
  { rel: 'stylesheet', href: sourcesStyles },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, council } = await requireCouncil(request, params, 'council.read')
  const search = new URL(request.url).searchParams
  const { period, problem } = parsePeriod(search, new Date())
  const filters = parseFilters(search)
  const [byArea, byCategory, trend, withoutPosition, categories, sources, survey] = await Promise.all([
    countsByArea(db, council, period, filters),
    countsByCategory(db, council, period, filters),
    monthlyTrend(db, council, endMonth(period), 12, filters),
    countWithoutPosition(db, council, period, filters),
    allCategories(db, council.id),
    reportingSources(db, council.organisationIds),
    surveyTrend(db, council.id),
  ])
  const env = getEnv()
  return {
    council: councilRef(council),
    period,
    previous: previousPeriod(period),
    lastYear: lastYearPeriod(period),
    links: {
      previous: weeklySearch(previousPeriod(period), filters),
      next: weeklySearch(nextPeriod(period), filters),
    },
    problem,
    filters,
    categories,
    sources,
    byArea,
    byCategory,
    trend,
    withoutPosition,
    survey,
    search: weeklySearch(period, filters),
    tiles: { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
  }
}

export const handle: SectionHandle<typeof loader> = { heading: 'councilAreas.weekly.title' }

export default function WeeklyPicturePage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const { council, period, byArea, byCategory } = loaded
  const label = usePeriodLabel()
  const total = byCategory.reduce(
    (sum, row) => ({
      count: sum.count + row.count,
      previous: sum.previous + row.previous,
      lastYear: sum.lastYear + row.lastYear,
    }),
    { count: 0, previous: 0, lastYear: 0 },
  )
  return (
    <>
      {loaded.problem ? (
        <FormMessage kind="error">{t(`councilAreas.weekly.problem.${loaded.problem}`)}</FormMessage>
      ) : null}
      <WeeklyFilterForm
        period={period}
        filters={loaded.filters}
        categories={loaded.categories}
        sources={loaded.sources}
        links={loaded.links}
      />
      <section className="council-section" aria-labelledby="weekly-summary">
        <h2 id="weekly-summary">{label(period)}</h2>
        <p>
          {t('councilAreas.weekly.summary', {
            count: total.count,
            previous: total.previous,
            previousLabel: label(loaded.previous),
            lastYear: total.lastYear,
            lastYearLabel: label(loaded.lastYear),
          })}
        </p>
        <p className="muted">{t('councilAreas.weekly.countedStates')}</p>
      </section>
      <section className="council-section" aria-labelledby="weekly-areas">
        <h2 id="weekly-areas">{t('councilAreas.weekly.byArea')}</h2>
        <WeeklyCountTable
          caption={t('councilAreas.weekly.byAreaCaption', { period: label(period) })}
          nameHeading={t('councilAreas.weekly.area')}
          rows={byArea.map((row) => ({
            ...row,
            key: row.areaId ?? 'outside',
            name: row.name ?? t('councilAreas.weekly.outside'),
          }))}
        />
      </section>
      <section className="council-section" aria-labelledby="weekly-categories">
        <h2 id="weekly-categories">{t('councilAreas.weekly.byCategory')}</h2>
        <WeeklyCountTable
          caption={t('councilAreas.weekly.byCategoryCaption', { period: label(period) })}
          nameHeading={t('councilAreas.weekly.category')}
          rows={byCategory.map((row) => ({ ...row, key: row.categoryId }))}
        />
      </section>
      <section className="council-section" aria-labelledby="weekly-trend">
        <h2 id="weekly-trend">{t('councilAreas.weekly.trend')}</h2>
        <WeeklyTrend trend={loaded.trend} categoryOrder={loaded.categories.map((category) => category.id)} />
      </section>
      {loaded.survey.years.length > 0 ? (
        // The safety survey's yearly results beside the reports, as the issue asks.
        <section className="council-section" aria-labelledby="weekly-survey">
          <h2 id="weekly-survey">{t('situation.survey')}</h2>
          <SurveyTrend trend={loaded.survey} headingLevel={3} />
        </section>
      ) : null}
      <section className="council-section" aria-labelledby="weekly-map">
        <h2 id="weekly-map">{t('councilAreas.weekly.map')}</h2>
        <p className="muted">{t('councilAreas.weekly.withoutPosition', { count: loaded.withoutPosition })}</p>
        <WeeklyMap dataUrl={`/trygghet/${council.id}/veckobild/punkter?${loaded.search}`} tiles={loaded.tiles} />
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('councilAreas.meta.weekly', { council: data?.council.name ?? t('council.meta.fallback') }),
  ),
]
