import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { OrganisationHeader, useOrganisationPageFrame } from '~/components/organisations/organisation-header'
import { getDb } from '~/db/app-db.server'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { requireFound, requireUuid } from '~/modules/http/responses'
import { organisationHeader } from '~/modules/organisations/organisation-header'
import { getOrganisation } from '~/modules/organisations/organisations.server'

// The organisation's section: its header around the page that is open.
// Reading the network is what every page of it asks at least; each page's
// loader and action check the rest again (loaders run in parallel), so a
// partner editor still edits only their own organisation. The vCard and the
// confirmation's form target (`$id_.`) are not pages of it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requirePermission(request, 'network.read', { organisationId: id })
  const organisation = requireFound(await getOrganisation(await getDb(), id))
  return { header: organisationHeader(user, organisation) }
}

export default function OrganisationLayout() {
  const { header } = useLoaderData<typeof loader>()
  const frame = useOrganisationPageFrame()
  return (
    <div className={frame.narrow ? 'page page--narrow' : 'page'}>
      <OrganisationHeader header={header} frame={frame} />
      <Outlet />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => data?.header.name ?? t('organisations.meta.fallback')),
]
