import { and, eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { contactRoutes } from '~/db/schema/registry'
import type { Actor } from '~/modules/auth/permissions'
import { crisisOrder, visibleRoutesCondition } from '~/modules/contacts/contact-routes.server'
import type { DirectoryFilters } from './directory-filters'
import { idSet, organisationConditions, searchOrganisationIds } from './directory.server'
import type { ExportOrganisation } from './export-csv'

/** With a search, the exports take the organisations behind up to this many hits of each group. */
export const EXPORT_HITS_PER_GROUP = 2000

const organisationFields = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  confirmedAt: organisations.confirmedAt,
  visitingAddress: organisations.visitingAddress,
  website: organisations.website,
}

const collator = new Intl.Collator('sv')

/**
 * The visible contact routes of the given organisations, in crisis order.
 * Restricted routes of organisations the actor does not belong to never
 * leave the database (visibleRoutesCondition).
 */
async function routesOf(db: Executor, actor: Actor, organisationIds: string[]) {
  const byOrganisation = new Map<string, ExportOrganisation['routes']>()
  if (organisationIds.length === 0) return byOrganisation
  const rows = await db
    .select({
      organisationId: contactRoutes.organisationId,
      function: contactRoutes.function,
      channel: contactRoutes.channel,
      value: contactRoutes.value,
      label: contactRoutes.label,
      availability: contactRoutes.availability,
      callOrder: contactRoutes.callOrder,
      visibility: contactRoutes.visibility,
    })
    .from(contactRoutes)
    .where(and(sql`${contactRoutes.organisationId} in ${idSet(organisationIds)}`, visibleRoutesCondition(actor)))
    .orderBy(...crisisOrder)
  for (const { organisationId, ...route } of rows) {
    const list = byOrganisation.get(organisationId) ?? []
    list.push(route)
    byOrganisation.set(organisationId, list)
  }
  return byOrganisation
}

export interface ContactDirectory {
  organisations: ExportOrganisation[]
  /** How many organisations matched; more than `organisations` holds when a maximum cut the list. */
  total: number
}

/**
 * The contact directory for the print view and the exports: the
 * organisations the search and filters select (all of them without a
 * search), by name, each with the contact routes the actor may see.
 */
export async function loadContactDirectory(
  db: Database,
  actor: Actor,
  filters: DirectoryFilters,
  options: { maxOrganisations?: number } = {},
): Promise<ContactDirectory> {
  let selected: Omit<ExportOrganisation, 'routes'>[]
  if (filters.q) {
    const ids = await searchOrganisationIds(db, actor, filters, EXPORT_HITS_PER_GROUP)
    selected = ids.length
      ? await db.select(organisationFields).from(organisations).where(sql`${organisations.id} in ${idSet(ids)}`)
      : []
  } else {
    selected = await db
      .select(organisationFields)
      .from(organisations)
      .where(and(...organisationConditions(filters, organisations.id)))
  }
  selected.sort((a, b) => collator.compare(a.name, b.name))
  const shown = options.maxOrganisations === undefined ? selected : selected.slice(0, options.maxOrganisations)
  const routes = await routesOf(
    db,
    actor,
    shown.map((organisation) => organisation.id),
  )
  return {
    organisations: shown.map((organisation) => ({ ...organisation, routes: routes.get(organisation.id) ?? [] })),
    total: selected.length,
  }
}

/** One organisation's entry (for its vCard), or null when there is no such organisation. */
export async function loadOrganisationContacts(
  db: Executor,
  actor: Actor,
  organisationId: string,
): Promise<ExportOrganisation | null> {
  const [organisation] = await db.select(organisationFields).from(organisations).where(eq(organisations.id, organisationId))
  if (!organisation) return null
  const routes = await routesOf(db, actor, [organisationId])
  return { ...organisation, routes: routes.get(organisationId) ?? [] }
}

/**
 * A file to download. The exports can hold restricted routes (for the
 * coordinator and the own organisation), so no cache may keep them.
 */
export function attachment(body: string, options: { contentType: string; filename: string }): Response {
  return new Response(body, {
    headers: {
      'Content-Type': options.contentType,
      'Content-Disposition': `attachment; filename="${options.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
