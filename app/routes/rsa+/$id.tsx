import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { AnalysisHeader } from '~/components/rsa/analysis-header'
import { useSectionHeading, useSectionPage } from '~/components/ui/section-heading'
import { getDb } from '~/db/app-db.server'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { analysisHeader, requireReadableAnalysis } from '~/modules/rsa/rsa-access.server'
import rsaStyles from '~/styles/rsa.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: rsaStyles }]

// The analysis's section: its name, period and the links to the pages this
// user may open, around the page that is open. Reading the analysis is what
// every page asks first; each page's loader and action check the rest again
// (loaders run in parallel). The report and the yearly follow-up are
// documents for paper (`$id_.`), outside this layout.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const analysis = await requireReadableAnalysis(await getDb(), user, id)
  return { header: analysisHeader(user, analysis) }
}

export default function AnalysisLayout() {
  const { header } = useLoaderData<typeof loader>()
  const heading = useSectionHeading()
  const narrow = useSectionPage()?.handle.narrow === true
  return (
    <div className={narrow ? 'page page--narrow' : 'page'}>
      <AnalysisHeader header={header} heading={heading} />
      <Outlet />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.header.title ?? t('rsa.meta.fallback')),
]
