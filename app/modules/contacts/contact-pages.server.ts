import { desc, eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { getDb } from '~/db/app-db.server'
import type { Organisation } from '~/db/schema/organisations'
import { contactChecks, type ContactRoute } from '~/db/schema/registry'
import { users } from '~/db/schema/users'
import { assertPermission, requirePermission } from '~/modules/auth/guards.server'
import type { Actor } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { notFound, requireFound, requireUuid } from '~/modules/http/responses'
import { getOrganisation } from '~/modules/organisations/organisations.server'
import { getContactRoute, latestChecks, listVisibleContactRoutes } from './contact-routes.server'

/**
 * The contact route of a page under /organisationer/:id/kontaktvagar/:routeId,
 * for someone who may edit it. The URL's organisation is checked first so that
 * nobody learns about other organisations' route ids; then a route of another
 * organisation is a 404, and the route's stored organisation decides access.
 */
export async function requireEditableContactRoute(
  request: Request,
  params: { id?: string; routeId?: string },
): Promise<{ user: SessionUser; route: ContactRoute; organisation: Organisation }> {
  const organisationId = requireUuid(params.id)
  const routeId = requireUuid(params.routeId)
  const user = await requirePermission(request, 'organisation.update', { organisationId })
  const db = await getDb()
  const route = await getContactRoute(db, routeId)
  if (!route || route.organisationId !== organisationId) throw notFound()
  assertPermission(user, 'organisation.update', { organisationId: route.organisationId })
  const organisation = requireFound(await getOrganisation(db, route.organisationId))
  return { user, route, organisation }
}

export type ContactRouteView = ReturnType<typeof contactRouteView>

/** What the browser receives of a route: plain values, dates as ISO text. */
export function contactRouteView(
  route: ContactRoute,
  lastCheck: { checkedAt: Date; reached: boolean } | null | undefined,
) {
  return {
    id: route.id,
    function: route.function,
    channel: route.channel,
    value: route.value,
    label: route.label,
    availability: route.availability,
    callOrder: route.callOrder,
    visibility: route.visibility,
    lastCheck: lastCheck ? { checkedAt: lastCheck.checkedAt.toISOString(), reached: lastCheck.reached } : null,
  }
}

/**
 * The organisation page's contact section: the routes this actor may see
 * (restricted routes of other organisations never leave the database), in
 * crisis order, each with its last test call, and who last confirmed the data.
 */
export async function loadContactOverview(db: Executor, actor: Actor, organisation: Organisation) {
  const routes = await listVisibleContactRoutes(db, actor, [organisation.id])
  const checks = await latestChecks(
    db,
    routes.map((route) => route.id),
  )
  let confirmedByName: string | null = null
  if (organisation.confirmedBy) {
    const [confirmer] = await db.select({ name: users.name }).from(users).where(eq(users.id, organisation.confirmedBy))
    confirmedByName = confirmer?.name ?? null
  }
  return {
    routes: routes.map((route) => contactRouteView(route, checks.get(route.id))),
    confirmedAt: organisation.confirmedAt ? organisation.confirmedAt.toISOString() : null,
    confirmedByName,
  }
}

export type ContactOverview = Awaited<ReturnType<typeof loadContactOverview>>

/** The test calls of one route, newest first. */
export function listContactChecks(db: Executor, routeId: string, limit = 20) {
  return db
    .select({
      id: contactChecks.id,
      checkedAt: contactChecks.checkedAt,
      reached: contactChecks.reached,
      note: contactChecks.note,
      checkedByName: users.name,
    })
    .from(contactChecks)
    .leftJoin(users, eq(users.id, contactChecks.checkedBy))
    .where(eq(contactChecks.routeId, routeId))
    .orderBy(desc(contactChecks.checkedAt), desc(contactChecks.id))
    .limit(limit)
}
