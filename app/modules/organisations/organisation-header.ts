import type { Organisation } from '~/db/schema/organisations'
import { can, type Actor } from '~/modules/auth/permissions'

/** What the header of an organisation's pages shows: its name and the links of the section this user may open. */
export interface OrganisationHeaderData {
  id: string
  name: string
  links: {
    /** The organisation's own page, which every reader of the section may open. */
    page: string
    /** Editing its details: for its own partner editors and the coordinator; null for everyone else. */
    edit: string | null
  }
}

/**
 * The header's data. Whoever reaches the section reads the organisation; each
 * page still checks its own permission, the links only leave out what would
 * be refused.
 */
export function organisationHeader(
  user: Actor,
  organisation: Pick<Organisation, 'id' | 'name'>,
): OrganisationHeaderData {
  const page = `/organisationer/${organisation.id}`
  const mayEdit = can(user, 'organisation.update', { organisationId: organisation.id })
  return {
    id: organisation.id,
    name: organisation.name,
    links: { page, edit: mayEdit ? `${page}/redigera` : null },
  }
}
