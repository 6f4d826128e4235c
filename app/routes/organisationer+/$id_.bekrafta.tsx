import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { requireFound, requireUuid } from '~/modules/http/responses'
import { confirmOrganisationData } from '~/modules/organisations/organisations.server'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'

// "Bekräfta uppgifter": the button on the organisation page posts here.

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/organisationer/${requireUuid(params.id)}`)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requirePermission(request, 'organisation.update', { organisationId: id })
  requireFound(await confirmOrganisationData(await getDb(), { actorId: user.id, id }))
  throw redirectWithNotice(`/organisationer/${id}`, saved('contacts.flash.bekraftad'))
}

// A page route, not a resource route: a refused post (403, 404) renders the
// shared Swedish error page. A GET never gets here; the loader redirects.
export default function ConfirmOrganisationData() {
  return null
}
