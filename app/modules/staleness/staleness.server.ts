import { and, asc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import type { OrganisationKind } from '~/db/enums'
import { auditLog } from '~/db/schema/audit'
import { organisations } from '~/db/schema/organisations'
import { contactChecks, contactRoutes } from '~/db/schema/registry'
import { memberships, users } from '~/db/schema/users'
import { classifyOrganisation, type FailedRoute, type StalenessReason } from './staleness'

export interface Editor {
  id: string
  name: string
  email: string
}

export interface StaleOrganisation {
  id: string
  name: string
  kind: OrganisationKind
  confirmedAt: Date | null
  reasons: StalenessReason[]
  failedRoutes: FailedRoute[]
  /** The active partner editors, who get the reminder. */
  editors: Editor[]
  lastReminderAt: Date | null
}

export const STALENESS_PAGE_SIZE = 250

const CHUNK = 1000

const toDate = (value: unknown): Date | null =>
  value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value))

/** A check with no later check of the same route: the route's latest. */
const isLatestCheck = sql`not exists (select 1 from ${contactChecks} as newer_check where newer_check.route_id = ${contactChecks.routeId} and newer_check.checked_at > ${contactChecks.checkedAt})`

/**
 * Every organisation whose data is unconfirmed since `staleBefore`, that has
 * no ISK or no round-the-clock route, or one of whose routes failed its latest
 * test call; with its editors and latest reminder. Set-based, for 10,000
 * organisations: one statement decides and counts, and the details (failed
 * routes, editors, reminders) are read for the organisations returned only.
 */
export async function listStaleOrganisations(
  db: Executor,
  options: { staleBefore: Date; organisationIds?: string[] },
): Promise<StaleOrganisation[]> {
  return (await queryStale(db, options)).organisations
}

/** One page of the dashboard, in name order, with the number of stale organisations in all. */
export async function getStalenessPage(
  db: Executor,
  options: { staleBefore: Date; page: number; pageSize?: number },
): Promise<{ organisations: StaleOrganisation[]; total: number; page: number; pageCount: number }> {
  const pageSize = options.pageSize ?? STALENESS_PAGE_SIZE
  const page = Math.max(1, Math.floor(options.page))
  const { organisations, total } = await queryStale(db, {
    staleBefore: options.staleBefore,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  })
  return { organisations, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}

async function queryStale(
  db: Executor,
  options: { staleBefore: Date; organisationIds?: string[]; limit?: number; offset?: number },
): Promise<{ organisations: StaleOrganisation[]; total: number }> {
  if (options.organisationIds?.length === 0) return { organisations: [], total: 0 }
  const routeFacts = db.$with('route_facts').as(
    db
      .select({
        organisationId: sql<string>`${contactRoutes.organisationId}`.as('facts_organisation_id'),
        hasIsk: sql<boolean>`bool_or(${contactRoutes.function} = 'isk')`.as('has_isk'),
        hasAlways: sql<boolean>`bool_or(${contactRoutes.availability} = 'always')`.as('has_always'),
      })
      .from(contactRoutes)
      .groupBy(contactRoutes.organisationId),
  )
  const failing = db.$with('failing').as(
    db
      .selectDistinct({ organisationId: sql<string>`${contactRoutes.organisationId}`.as('failing_organisation_id') })
      .from(contactChecks)
      .innerJoin(contactRoutes, eq(contactRoutes.id, contactChecks.routeId))
      .where(and(eq(contactChecks.reached, false), isLatestCheck)),
  )
  const conditions: (SQL | undefined)[] = [
    or(
      isNull(organisations.confirmedAt),
      lt(organisations.confirmedAt, options.staleBefore),
      sql`coalesce(${routeFacts.hasIsk}, false) = false`,
      sql`coalesce(${routeFacts.hasAlways}, false) = false`,
      sql`${failing.organisationId} is not null`,
    ),
  ]
  if (options.organisationIds) conditions.push(inArray(organisations.id, options.organisationIds))
  const query = db
    .with(routeFacts, failing)
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      confirmedAt: organisations.confirmedAt,
      hasIsk: routeFacts.hasIsk,
      hasAlways: routeFacts.hasAlways,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(organisations)
    .leftJoin(routeFacts, eq(routeFacts.organisationId, organisations.id))
    .leftJoin(failing, eq(failing.organisationId, organisations.id))
    .where(and(...conditions))
    .orderBy(asc(organisations.name), asc(organisations.id))
    .$dynamic()
  const rows = await (options.limit === undefined ? query : query.limit(options.limit).offset(options.offset ?? 0))

  const details = await detailsOf(
    db,
    rows.map((row) => row.id),
    options.staleBefore,
  )
  const stale = rows.flatMap((row) => {
    const failedRoutes = details.failed.get(row.id) ?? []
    const confirmedAt = toDate(row.confirmedAt)
    const reasons = classifyOrganisation(
      { confirmedAt, hasIsk: row.hasIsk === true, hasAlwaysRoute: row.hasAlways === true, failedRoutes },
      options.staleBefore,
    )
    if (reasons.length === 0) return []
    return [
      {
        id: row.id,
        name: row.name,
        kind: row.kind,
        confirmedAt,
        reasons,
        failedRoutes,
        editors: details.editors.get(row.id) ?? [],
        lastReminderAt: details.reminders.get(row.id) ?? null,
      },
    ]
  })
  return { organisations: stale, total: rows[0]?.total ?? 0 }
}

/** Failed routes, active partner editors and the latest reminder of the given organisations. */
async function detailsOf(db: Executor, ids: string[], remindedSince: Date) {
  const failed = new Map<string, FailedRoute[]>()
  const editors = new Map<string, Editor[]>()
  const reminders = new Map<string, Date>()
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value])
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK)
    const [failedRows, editorRows, reminderRows] = await Promise.all([
      db
        .select({
          organisationId: contactRoutes.organisationId,
          id: contactRoutes.id,
          function: contactRoutes.function,
          channel: contactRoutes.channel,
          value: contactRoutes.value,
          checkedAt: contactChecks.checkedAt,
        })
        .from(contactRoutes)
        .innerJoin(contactChecks, eq(contactChecks.routeId, contactRoutes.id))
        .where(and(inArray(contactRoutes.organisationId, chunk), eq(contactChecks.reached, false), isLatestCheck))
        .orderBy(asc(contactRoutes.callOrder), asc(contactRoutes.createdAt)),
      db
        .select({ organisationId: memberships.organisationId, id: users.id, name: users.name, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(inArray(memberships.organisationId, chunk), eq(memberships.role, 'partner_editor'), eq(users.active, true)))
        .orderBy(asc(users.name)),
      // Reminders older than the staleness period say nothing about the present.
      db
        .select({ organisationId: auditLog.organisationId, at: sql<unknown>`max(${auditLog.at})` })
        .from(auditLog)
        .where(
          and(
            inArray(auditLog.organisationId, chunk),
            eq(auditLog.entity, 'organisation'),
            eq(auditLog.action, 'reminder'),
            gte(auditLog.at, remindedSince),
          ),
        )
        .groupBy(auditLog.organisationId),
    ])
    for (const { organisationId, ...route } of failedRows) push(failed, organisationId, route)
    for (const { organisationId, ...editor } of editorRows) push(editors, organisationId, editor)
    for (const row of reminderRows) if (row.organisationId) reminders.set(row.organisationId, toDate(row.at)!)
  }
  return { failed, editors, reminders }
}
