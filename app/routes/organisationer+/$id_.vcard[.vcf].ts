import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { translator } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { requirePermission } from '~/modules/auth/guards.server'
import { requireFound, requireUuid } from '~/modules/http/responses'
import { attachment, loadOrganisationContacts } from '~/modules/directory/directory-export.server'
import { foldText } from '~/modules/directory/directory-terms'
import { organisationCard } from '~/modules/directory/export-vcard'

/** One organisation's contact card, with the contact routes the reader may see. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requirePermission(request, 'network.read', { organisationId: id })
  const organisation = requireFound(await loadOrganisationContacts(await getDb(), user, id))
  const slug = foldText(organisation.name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'organisation'
  return attachment(organisationCard(translator(getLocale(request)), organisation), {
    contentType: 'text/vcard; charset=utf-8',
    filename: `${slug}.vcf`,
  })
}
