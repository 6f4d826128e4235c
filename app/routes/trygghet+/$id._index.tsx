import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { SectionHandle } from '~/components/ui/section-heading'
import { reportStates } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireCouncil } from '~/modules/council/council-access.server'
import { councilRef } from '~/modules/council/council-sections'
import { countByState } from '~/modules/council/reports.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, council } = await requireCouncil(request, params, 'council.read')
  return { council: councilRef(council), counts: await countByState(db, council.id) }
}

export const handle: SectionHandle<typeof loader> = { heading: 'council.overview.title' }

export default function CouncilOverviewPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const base = `/trygghet/${loaded.council.id}`
  return (
    <>
      <p>{t('council.intro')}</p>
      <p className="council-overview__new">
        <strong>{t('council.overview.newReports', { count: loaded.counts.new })}</strong>{' '}
        <Link to={`${base}/inkorg`}>{t('council.overview.toInbox')}</Link>
      </p>
      <section className="council-section" aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t('council.overview.counts')}</h2>
        <ul>
          {reportStates.map((state) => (
            <li key={state}>
              <Link to={`${base}/inkorg?status=${state}`}>
                {t(`council.state.${state}`)}: {loaded.counts[state]}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.council.name ?? t('council.meta.fallback')),
]
