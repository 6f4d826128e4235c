import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { CouncilHeader } from '~/components/council/council-header'
import { FormMessage } from '~/components/forms/field'
import { reportStates } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireCouncil } from '~/modules/council/council-access.server'
import { councilHeader } from '~/modules/council/council-sections'
import { countByState } from '~/modules/council/reports.server'
import councilStyles from '~/styles/council.css?url'

export const links = () => [{ rel: 'stylesheet', href: councilStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.read')
  return { council: councilHeader(user, council), counts: await countByState(db, council.id) }
}

export default function CouncilOverviewPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const base = `/trygghet/${loaded.council.id}`
  return (
    <div className="page">
      <CouncilHeader council={loaded.council} heading={t('council.overview.title')} />
      {search.get('inrattat') === '1' ? <FormMessage kind="success">{t('council.create.created')}</FormMessage> : null}
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
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.council.name ?? t('council.meta.fallback')),
]
