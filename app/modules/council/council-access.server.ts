import { asc, eq, inArray } from 'drizzle-orm'
import { getDb } from '~/db/app-db.server'
import type { Database, Executor } from '~/db/client.server'
import { councils, type Council } from '~/db/schema/council'
import { networkMembers } from '~/db/schema/registry'
import { assertPermission, requireUser } from '~/modules/auth/guards.server'
import { can, isCoordinator, seesPrecisePositions, type Action } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { requireUuid } from '~/modules/http/responses'
import type { CouncilHeaderData, CouncilLinks } from '~/components/council/council-header'

// Who may do what with a council's data is decided by the organisations of
// its network, through `can`: a council member of a member organisation works
// with it, an informant of one reports to it.

export interface CouncilWithScope extends Council {
  /** The organisations of the council's network. */
  organisationIds: string[]
}

export async function getCouncilWithScope(db: Executor, id: string): Promise<CouncilWithScope | undefined> {
  const [council] = await db.select().from(councils).where(eq(councils.id, id))
  if (!council) return undefined
  const members = await db
    .select({ organisationId: networkMembers.organisationId })
    .from(networkMembers)
    .where(eq(networkMembers.networkId, council.networkId))
  return { ...council, organisationIds: members.map((member) => member.organisationId) }
}

export interface CouncilRequest {
  user: SessionUser
  db: Database
  council: CouncilWithScope
}

/**
 * The council of the URL, for a user allowed `action` on it. A council the
 * user has no part in answers 404 like a missing one, so its existence is not told.
 */
export async function requireCouncil(
  request: Request,
  params: { id?: string },
  action: Action,
): Promise<CouncilRequest> {
  const user = await requireUser(request)
  const db = await getDb()
  const council = await getCouncilWithScope(db, requireUuid(params.id))
  if (!council || !takesPart(user, council)) throw new Response('Hittades inte', { status: 404 })
  assertPermission(user, action, { organisationIds: council.organisationIds })
  return { user, db, council }
}

/** The council of the URL for a user who may file reports to it, and the organisations the user reports for. */
export async function requireReportingCouncil(
  request: Request,
  params: { id?: string },
): Promise<CouncilRequest & { organisationIds: string[] }> {
  const user = await requireUser(request)
  const db = await getDb()
  const council = await getCouncilWithScope(db, requireUuid(params.id))
  if (!council || !takesPart(user, council)) throw new Response('Hittades inte', { status: 404 })
  const organisationIds = reportingOrganisationIds(user, council)
  if (organisationIds.length === 0) throw new Response('Ingen åtkomst', { status: 403 })
  return { user, db, council, organisationIds }
}

function takesPart(user: SessionUser, council: CouncilWithScope): boolean {
  return isCoordinator(user) || user.memberships.some((m) => council.organisationIds.includes(m.organisationId))
}

/** The organisations the user may file reports for in this council. */
export function reportingOrganisationIds(user: SessionUser, council: CouncilWithScope): string[] {
  // Only organisations of the council, whatever `can` says of a coordinator.
  const own = [...new Set(user.memberships.map((m) => m.organisationId))].filter((organisationId) =>
    council.organisationIds.includes(organisationId),
  )
  return own.filter((organisationId) =>
    can(user, 'council.report', { organisationId, organisationIds: council.organisationIds }),
  )
}


/** Which of a council's pages the user may open, for its navigation. */
export function councilLinks(user: SessionUser, council: CouncilWithScope): CouncilLinks {
  const scope = { organisationIds: council.organisationIds }
  return {
    work: can(user, 'council.read', scope),
    report: reportingOrganisationIds(user, council).length > 0,
    settings: can(user, 'council.settings', scope),
    readLog: can(user, 'council.readLog', scope),
  }
}

export function precisePositionsFor(user: SessionUser, council: CouncilWithScope): boolean {
  return seesPrecisePositions(user, council.organisationIds)
}

/** The councils the user takes part in (every council for the coordinator), by name. */
export async function councilsOf(db: Executor, user: SessionUser) {
  const rows = await db
    .select({ id: councils.id, name: councils.name, networkId: councils.networkId })
    .from(councils)
    .orderBy(asc(councils.name))
  if (isCoordinator(user)) return rows
  const own = [...new Set(user.memberships.map((m) => m.organisationId))]
  if (own.length === 0 || rows.length === 0) return []
  const memberOf = await db
    .selectDistinct({ networkId: networkMembers.networkId })
    .from(networkMembers)
    .where(inArray(networkMembers.organisationId, own))
  const networks = new Set(memberOf.map((row) => row.networkId))
  return rows.filter((row) => networks.has(row.networkId))
}

/** What the council header needs: name, and the pages the user may open. */
export function councilHeader(user: SessionUser, council: CouncilWithScope): CouncilHeaderData {
  return { id: council.id, name: council.name, links: councilLinks(user, council) }
}
