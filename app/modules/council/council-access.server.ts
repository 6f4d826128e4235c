import { asc, eq } from 'drizzle-orm'
import { getDb } from '~/db/app-db.server'
import type { Database, Executor } from '~/db/client.server'
import { councilMembers, councils } from '~/db/schema/council'
import { networkMembers } from '~/db/schema/registry'
import { assertPermission, requireUser } from '~/modules/auth/guards.server'
import { isCoordinator, type Action, type CouncilGrantRef } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { forbidden, notFound, requireUuid } from '~/modules/http/responses'
import {
  councilLinks,
  councilScope,
  reportingOrganisationIds,
  type CouncilActor,
  type CouncilWithScope,
} from '~/modules/council/council-sections'

// SQL and guards; what a user sees of a council (links, header, precise
// positions) is decided by the plain functions of council-sections.ts.
// Who may do what with a council's data is decided by its grants
// (council_members), through `can`: a member works with it, an informant
// reports to it for an organisation of its network. Which organisations the
// network holds never opens a council to anyone
// (docs/decisions/018-council-membership.md).

export async function councilGrantsOf(db: Executor, userId: string): Promise<CouncilGrantRef[]> {
  return db
    .select({ councilId: councilMembers.councilId, role: councilMembers.role })
    .from(councilMembers)
    .where(eq(councilMembers.userId, userId))
}

export async function withCouncilGrants(db: Executor, user: SessionUser): Promise<CouncilActor> {
  return { ...user, councils: await councilGrantsOf(db, user.id) }
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
  user: CouncilActor
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
  const access = await requireCouncilTakenPart(request, params)
  assertPermission(access.user, action, councilScope(access.council))
  return access
}

/** The council of the URL for a user who may file reports to it, and the organisations the user reports for. */
export async function requireReportingCouncil(
  request: Request,
  params: { id?: string },
): Promise<CouncilRequest & { organisationIds: string[] }> {
  const access = await requireCouncilTakenPart(request, params)
  const organisationIds = reportingOrganisationIds(access.user, access.council)
  if (organisationIds.length === 0) throw forbidden()
  return { ...access, organisationIds }
}

/**
 * The council of the URL for a user who may open at least one of its pages:
 * the guard of the council's section (its header and links). It refuses as
 * each page would: 404 to whoever takes no part, 403 to whoever takes part
 * but may open no page. Each page still checks its own permission.
 */
export async function requireCouncilSection(request: Request, params: { id?: string }): Promise<CouncilRequest> {
  const access = await requireCouncilTakenPart(request, params)
  if (!Object.values(councilLinks(access.user, access.council)).some(Boolean)) throw forbidden()
  return access
}

/** The council of the URL for a user who takes part in it; a council the user has no part in answers 404 like a missing one. */
async function requireCouncilTakenPart(request: Request, params: { id?: string }): Promise<CouncilRequest> {
  const db = await getDb()
  const user = await withCouncilGrants(db, await requireUser(request))
  const council = await getCouncilWithScope(db, requireUuid(params.id))
  if (!council || !takesPart(user, council)) throw notFound()
  return { user, db, council }
}

function takesPart(user: CouncilActor, council: CouncilWithScope): boolean {
  return isCoordinator(user) || user.councils.some((grant) => grant.councilId === council.id)
}

/** The councils the user takes part in (every council for the coordinator), by name. */
export async function councilsOf(db: Executor, user: CouncilActor) {
  const rows = await db
    .select({ id: councils.id, name: councils.name, networkId: councils.networkId })
    .from(councils)
    .orderBy(asc(councils.name))
  if (isCoordinator(user)) return rows
  const granted = new Set(user.councils.map((grant) => grant.councilId))
  return rows.filter((row) => granted.has(row.id))
}
