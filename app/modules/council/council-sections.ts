// What a user sees of a council, decided from the grants alone: the pages
// they may open (the section's links and header), the organisations they
// report for, and whether they see reports' precise positions. Plain
// functions, no SQL: the guards in council-access.server.ts load the data.
import type { Council } from '~/db/schema/council'
import { can, seesPrecisePositions, type CouncilGrantRef, type Resource } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'

/** The signed-in user with the councils granted to them, read afresh on every request: a revoked grant ends at once. */
export type CouncilActor = SessionUser & { councils: CouncilGrantRef[] }

export interface CouncilWithScope extends Council {
  /** The organisations of the council's network. */
  organisationIds: string[]
}

/** Which of a council's pages the user may open. */
export interface CouncilLinks {
  work: boolean
  report: boolean
  settings: boolean
  readLog: boolean
}

/** The council header: name, and the pages the user may open. */
export interface CouncilHeaderData {
  id: string
  name: string
  links: CouncilLinks
}

/** What `can` needs to know of a council. */
export function councilScope(council: CouncilWithScope): Resource {
  return { councilId: council.id, organisationIds: council.organisationIds }
}

/** The organisations the user may file reports for in this council. */
export function reportingOrganisationIds(user: CouncilActor, council: CouncilWithScope): string[] {
  // Only organisations of the council, whatever `can` says of a coordinator.
  const own = [...new Set(user.memberships.map((m) => m.organisationId))].filter((organisationId) =>
    council.organisationIds.includes(organisationId),
  )
  return own.filter((organisationId) => can(user, 'council.report', { ...councilScope(council), organisationId }))
}

/** Which of a council's pages the user may open, for its navigation. */
export function councilLinks(user: CouncilActor, council: CouncilWithScope): CouncilLinks {
  const scope = councilScope(council)
  return {
    work: can(user, 'council.read', scope),
    report: reportingOrganisationIds(user, council).length > 0,
    settings: can(user, 'council.settings', scope),
    readLog: can(user, 'council.readLog', scope),
  }
}

/** Whether the user sees reports' precise positions in this council: the one rule for the report page and the weekly picture. */
export function precisePositionsFor(user: CouncilActor, council: CouncilWithScope): boolean {
  return seesPrecisePositions(user, council.id)
}

/** What the council header needs: name, and the pages the user may open. */
export function councilHeader(user: CouncilActor, council: CouncilWithScope): CouncilHeaderData {
  return { id: council.id, name: council.name, links: councilLinks(user, council) }
}

/** What a council page shows of its council besides the section's header: the id for its links, the name for its title. */
export function councilRef(council: CouncilWithScope): { id: string; name: string } {
  return { id: council.id, name: council.name }
}
