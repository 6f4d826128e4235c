import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { CouncilHeader } from '~/components/council/council-header'
import { useSectionHeading } from '~/components/ui/section-heading'
import { pageTitle } from '~/i18n/page-title'
import { requireCouncilSection } from '~/modules/council/council-access.server'
import { councilHeader } from '~/modules/council/council-sections'
import councilStyles from '~/styles/council.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: councilStyles }]

// The council's section: its name, the open page's heading and the links to
// the pages this user may open, around the page that is open. Each page's
// loader and action check the user's access again: loaders run in parallel.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, council } = await requireCouncilSection(request, params)
  return { council: councilHeader(user, council) }
}

export default function CouncilLayout() {
  const { council } = useLoaderData<typeof loader>()
  const heading = useSectionHeading()
  return (
    <div className="page">
      <CouncilHeader council={council} heading={heading} />
      <Outlet />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.council.name ?? t('council.meta.fallback')),
]
