import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn, PgSelect, PgTable, SelectedFields } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import type { Database, Executor } from '~/db/client.server'
import {
  organisationKinds,
  sectors,
  type Availability,
  type ContactChannel,
  type ContactFunction,
  type OrganisationKind,
  type Sector,
  type Visibility,
} from '~/db/enums'
import { organisations } from '~/db/schema/organisations'
import { contactRoutes, criticalServices, networkMembers, sites } from '~/db/schema/registry'
import type { Actor } from '~/modules/auth/permissions'
import { phoneQueryDigits } from '~/modules/text/phone'
import { visibleRoutesCondition } from '~/modules/contacts/contact-routes.server'
import {
  DIRECTORY_GROUP_LIMIT,
  DIRECTORY_QUERY_MAX,
  DIRECTORY_QUERY_MIN,
  type DirectoryFilters,
} from './directory-filters'
import { matchDirectoryTerms, type DirectoryTerms } from './directory-terms'

/**
 * The search and filters from the URL. A filter value that does not parse is
 * ignored rather than refused (it is a filter, not input); a query shorter
 * than two characters is not searched, and the page says so.
 */
const DirectorySearchSchema = z.object({
  q: z
    .string()
    .transform((value) =>
      value
        .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, DIRECTORY_QUERY_MAX),
    )
    .catch(''),
  kind: z.enum(organisationKinds).optional().catch(undefined),
  sector: z.enum(sectors).optional().catch(undefined),
  network: z.string().uuid().optional().catch(undefined),
})

export function parseDirectorySearch(searchParams: URLSearchParams): { filters: DirectoryFilters; tooShort: boolean } {
  const entries = [...searchParams.entries()].filter(([, value]) => value !== '')
  const { q = '', ...rest } = DirectorySearchSchema.parse(Object.fromEntries(entries))
  const tooShort = q.length > 0 && q.length < DIRECTORY_QUERY_MIN
  return { filters: { ...rest, q: tooShort ? '' : q }, tooShort }
}

export interface OrganisationHit {
  id: string
  name: string
  kind: OrganisationKind
  confirmedAt: string | null
  score: number
}

export interface ServiceHit {
  id: string
  name: string
  sector: Sector
  organisationId: string
  organisationName: string
  score: number
}

export interface SiteHit {
  id: string
  name: string
  address: string
  organisationId: string
  organisationName: string
  score: number
}

export interface RouteHit {
  id: string
  function: ContactFunction
  channel: ContactChannel
  value: string
  label: string
  availability: Availability
  visibility: Visibility
  callOrder: number
  organisationId: string
  organisationName: string
  score: number
}

export interface HitGroup<T> {
  hits: T[]
  /** More matched than the group shows. */
  more: boolean
}

export interface DirectoryResults {
  organisations: HitGroup<OrganisationHit>
  services: HitGroup<ServiceHit>
  sites: HitGroup<SiteHit>
  routes: HitGroup<RouteHit>
}

/**
 * A name matches when it contains every required word of the query, each
 * with a word_similarity of at least 0.5: that lets one typo in a word
 * through ("bostder" scores 0.55 against "Vårgårda Bostäder AB") where
 * pg_trgm's default of 0.6 does not. One `<%` condition per word lets the
 * GIN trigram index intersect the words before a row is read, so a
 * two-word query reads only the rows that have both.
 */
const WORD_SIMILARITY_THRESHOLD = 0.5
/**
 * Rows a group ranks at most. A single common word ("vårgårda") matches
 * thousands of places; ranking them all costs a trigram comparison each,
 * and more than a screenful is better narrowed down by a second word.
 */
const CANDIDATE_LIMIT = 300
/** Hits found through a named function or sector rank below hits on the text itself. */
const TERM_WEIGHT = 0.8

// The same expressions as the trigram indexes of drizzle/0002_search.sql, so the planner uses them.
const organisationText = sql`portal_fold(${organisations.name})`
const serviceText = sql`portal_fold(${criticalServices.name})`
const siteText = sql`portal_fold(${sites.name} || ' ' || ${sites.address})`
const routeText = sql`portal_fold(${contactRoutes.label} || ' ' || ${contactRoutes.value})`
// The expression of drizzle/0012_phone_digits.sql's index: a number's digits, national and +46.
const routeDigits = sql`portal_phone_digits(${contactRoutes.channel}, ${contactRoutes.value})`

/**
 * Every word allows a typo; a number does not ("12346" is not "12345"), so
 * a word of digits must stand in the text as it was typed.
 */
const containsAll = (words: string[], text: SQL) =>
  words.map((word) => (/^\d+$/.test(word) ? sql`${text} like ${`%${word}%`}` : sql`portal_fold(${word}) <% ${text}`))
const score = (query: string, text: SQL, weight = 1) =>
  sql<number>`${weight}::real * word_similarity(portal_fold(${query}), ${text})`.mapWith(Number).as('score')
/**
 * Among equal scores the shorter name is the closer match ("Vårgårda kommun"
 * before "Vårgårda kommuns fastighetsavdelning"); its length is free, where a
 * second trigram comparison would cost as much again per row.
 */
const closeness = (text: SQL) => sql<number>`-char_length(${text})`.mapWith(Number).as('closeness')
const fixedScore = (value: number) => sql<number>`${value}::real`.mapWith(Number).as('score')
const byScore = [sql`score desc`, sql`closeness desc`]

/** A list of ids as one text parameter: a semi-join on it stays a hash join at 10,000 ids. */
export const idSet = (ids: string[]) => sql`(select unnest(string_to_array(${ids.join(',')}, ',')::uuid[]))`

/**
 * The filters as conditions on the organisation behind a row: its kind (the
 * query joins `organisations`), its networks, and a sector it has a critical
 * service in (unless the row is a service, which is then filtered itself).
 */
export function organisationConditions(
  filters: DirectoryFilters,
  organisationId: AnyPgColumn,
  options: { sectorOfRow?: boolean } = {},
): SQL[] {
  const conditions: SQL[] = []
  if (filters.kind) conditions.push(eq(organisations.kind, filters.kind))
  if (filters.network) {
    conditions.push(
      sql`exists (select 1 from ${networkMembers} where ${networkMembers.networkId} = ${filters.network} and ${networkMembers.organisationId} = ${organisationId})`,
    )
  }
  if (filters.sector && !options.sectorOfRow) {
    conditions.push(
      sql`exists (select 1 from ${criticalServices} as service_in_sector where service_in_sector.organisation_id = ${organisationId} and service_in_sector.sector = ${filters.sector})`,
    )
  }
  return conditions
}

interface Search {
  q: string
  /** The digits to look for when the query is a phone number (phoneQueryDigits), else null. */
  phone: string | null
  terms: DirectoryTerms
  filters: DirectoryFilters
  actor: Actor
  limit: number
  /** Rows ranked at most: CANDIDATE_LIMIT, or more when more hits are asked for (the exports). */
  rankAtMost: number
}

/**
 * The organisations named by the words of a query that named no function or
 * sector ("alingsås" in "tib alingsås"), each scored once, for the searches
 * by function and by sector; every organisation when there are no such words.
 */
function namedOrganisations(
  db: Executor,
  { terms, filters, rankAtMost }: Search,
  options: { sectorOfRow?: boolean } = {},
) {
  const named = terms.restWords.length > 0
  const query = db
    .select({
      id: organisations.id,
      name: organisations.name,
      score: named ? score(terms.rest, organisationText, TERM_WEIGHT) : fixedScore(TERM_WEIGHT),
      closeness: closeness(sql`${organisations.name}`),
    })
    .from(organisations)
    .where(
      and(
        ...containsAll(terms.restWords, organisationText),
        ...organisationConditions(filters, organisations.id, options),
      ),
    )
    .$dynamic()
  // "tib" alone asks for every duty officer: only a name to match makes ranking costly.
  return (named ? query.limit(rankAtMost) : query).as('named')
}

type NamedOrganisations = ReturnType<typeof namedOrganisations>

/** A result group's table, as the searches by text and by a named organisation read it. */
interface ResultGroup<F extends SelectedFields> {
  table: PgTable
  id: AnyPgColumn
  /** The row's organisation, joined for its name and the kind filter; none when the row is an organisation. */
  organisationId?: AnyPgColumn
  /** The expression of the group's trigram index. */
  text: SQL
  /** The shorter of two equal scores is the closer match (closeness). */
  name: SQL
  fields: F
}

/**
 * The rows whose text contains every required word of the query, best
 * first: the trigram index finds up to `rankAtMost` candidates, and only
 * those are scored.
 */
function searchByText<F extends SelectedFields>(
  db: Executor,
  { q, terms, limit, rankAtMost }: Search,
  group: ResultGroup<F>,
  { conditions, tieBreak }: { conditions: (SQL | undefined)[]; tieBreak: SQL[] },
) {
  const { table, id, organisationId, text } = group
  const joined = <Q extends PgSelect>(query: Q) =>
    organisationId ? query.innerJoin(organisations, eq(organisations.id, organisationId)) : query
  const candidates = joined(db.select({ id }).from(table).$dynamic())
    .where(and(...containsAll(terms.required, text), ...conditions))
    .limit(rankAtMost)
  return joined(
    db
      .select({ ...group.fields, score: score(q, text), closeness: closeness(group.name) })
      .from(table)
      .$dynamic(),
  )
    .where(inArray(id, candidates))
    .orderBy(...byScore, ...tieBreak)
    .limit(limit + 1)
}

/**
 * The rows of the organisations named by the rest of the query, ranked by
 * how well the organisation's name matched ("tib alingsås": the duty
 * officers of organisations named like "alingsås").
 */
function searchByNamedOrganisation<F extends SelectedFields>(
  db: Executor,
  { limit }: Search,
  group: ResultGroup<F> & { organisationId: AnyPgColumn },
  { named, condition, tieBreak }: { named: NamedOrganisations; condition: SQL | undefined; tieBreak: AnyPgColumn },
) {
  return db
    .select({ ...group.fields, organisationName: named.name, score: named.score, closeness: named.closeness })
    .from(group.table)
    .innerJoin(named, eq(named.id, group.organisationId))
    .where(condition)
    .orderBy(...byScore, asc(named.name), asc(tieBreak))
    .limit(limit + 1)
}

const organisationGroup = {
  table: organisations,
  id: organisations.id,
  text: organisationText,
  name: sql`${organisations.name}`,
  fields: {
    id: organisations.id,
    name: organisations.name,
    kind: organisations.kind,
    confirmedAt: organisations.confirmedAt,
  },
}

const serviceGroup = {
  table: criticalServices,
  id: criticalServices.id,
  organisationId: criticalServices.organisationId,
  text: serviceText,
  name: sql`${criticalServices.name}`,
  fields: {
    id: criticalServices.id,
    name: criticalServices.name,
    sector: criticalServices.sector,
    organisationId: criticalServices.organisationId,
    organisationName: organisations.name,
  },
}

const siteGroup = {
  table: sites,
  id: sites.id,
  organisationId: sites.organisationId,
  text: siteText,
  name: sql`${sites.name}`,
  fields: {
    id: sites.id,
    name: sites.name,
    address: sites.address,
    organisationId: sites.organisationId,
    organisationName: organisations.name,
  },
}

const routeGroup = {
  table: contactRoutes,
  id: contactRoutes.id,
  organisationId: contactRoutes.organisationId,
  text: routeText,
  name: sql`${contactRoutes.label} || ${contactRoutes.value}`,
  fields: {
    id: contactRoutes.id,
    function: contactRoutes.function,
    channel: contactRoutes.channel,
    value: contactRoutes.value,
    label: contactRoutes.label,
    availability: contactRoutes.availability,
    visibility: contactRoutes.visibility,
    callOrder: contactRoutes.callOrder,
    organisationId: contactRoutes.organisationId,
    organisationName: organisations.name,
  },
}

function searchOrganisations(db: Executor, search: Search) {
  return searchByText(db, search, organisationGroup, {
    conditions: organisationConditions(search.filters, organisations.id),
    tieBreak: [asc(organisations.name)],
  })
}

async function searchServices(db: Executor, search: Search) {
  const { terms, filters } = search
  const inSector = filters.sector ? [eq(criticalServices.sector, filters.sector)] : []
  const byName = await searchByText(db, search, serviceGroup, {
    conditions: [
      ...inSector,
      ...organisationConditions(filters, criticalServices.organisationId, { sectorOfRow: true }),
    ],
    tieBreak: [asc(criticalServices.name)],
  })
  const namedSectors = terms.sectors.filter((sector) => !filters.sector || sector === filters.sector)
  if (namedSectors.length === 0) return [byName]
  // "energi alingsås": the energy sector's services of organisations named like the rest of the query.
  const bySector = await searchByNamedOrganisation(db, search, serviceGroup, {
    named: namedOrganisations(db, search, { sectorOfRow: true }),
    condition: and(inArray(criticalServices.sector, namedSectors), ...inSector),
    tieBreak: criticalServices.name,
  })
  return [byName, bySector]
}

function searchSites(db: Executor, search: Search) {
  return searchByText(db, search, siteGroup, {
    conditions: organisationConditions(search.filters, sites.organisationId),
    tieBreak: [asc(sites.name)],
  })
}

/**
 * Contact routes whose number contains the digits of the query, in any
 * grouping and with or without +46; the whole number ranks before a part of
 * one. Never by similarity: a number one digit off is another number.
 */
function searchRoutesByNumber(db: Executor, { filters, actor, limit }: Search, digits: string) {
  const share = sql<number>`least(1, ${digits.length}::real / char_length(split_part(${routeDigits}, ' ', 1)))`
  return db
    .select({ ...routeGroup.fields, score: share.mapWith(Number).as('score') })
    .from(contactRoutes)
    .innerJoin(organisations, eq(organisations.id, contactRoutes.organisationId))
    .where(
      and(
        sql`${routeDigits} like ${`%${digits}%`}`,
        visibleRoutesCondition(actor),
        ...organisationConditions(filters, contactRoutes.organisationId),
      ),
    )
    .orderBy(sql`score desc`, asc(organisations.name), asc(contactRoutes.callOrder))
    .limit(limit + 1)
}

/** Contact routes by number, or by label or value and by named function; never a route the actor may not see. */
async function searchRoutes(db: Executor, search: Search) {
  const { terms, filters, actor, phone } = search
  if (phone) return [await searchRoutesByNumber(db, search, phone)]
  const byText = await searchByText(db, search, routeGroup, {
    conditions: [visibleRoutesCondition(actor), ...organisationConditions(filters, contactRoutes.organisationId)],
    tieBreak: [asc(organisations.name), asc(contactRoutes.callOrder)],
  })
  if (terms.functions.length === 0) return [byText]
  // "tib alingsås": the duty officers of organisations named like the rest of the query.
  const byFunction = await searchByNamedOrganisation(db, search, routeGroup, {
    named: namedOrganisations(db, search),
    condition: and(inArray(contactRoutes.function, terms.functions), visibleRoutesCondition(actor)),
    tieBreak: contactRoutes.callOrder,
  })
  return [byText, byFunction]
}

const collator = new Intl.Collator('sv')

/** The lists of one group, each ordered best first, as one list without duplicates. */
function merge<T extends { id: string; score: number; closeness?: number }>(
  lists: T[][],
  limit: number,
  tieBreak: (a: T, b: T) => number,
): HitGroup<Omit<T, 'closeness'>> {
  const best = new Map<string, T>()
  for (const row of lists.flat()) {
    const seen = best.get(row.id)
    if (!seen || seen.score < row.score) best.set(row.id, row)
  }
  const sorted = [...best.values()].sort(
    (a, b) => b.score - a.score || (b.closeness ?? 0) - (a.closeness ?? 0) || tieBreak(a, b),
  )
  return {
    hits: sorted.slice(0, limit).map(({ closeness: _closeness, ...hit }) => hit),
    more: sorted.length > limit || lists.some((list) => list.length > limit),
  }
}

/**
 * The search runs in one short transaction so that the similarity
 * threshold is set for it alone (SET LOCAL). Its four queries go down the
 * one connection together (postgres.js pipelines them), so a search holds
 * one connection of the pool, not four.
 */
function withThreshold<T>(db: Database, run: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`,
    )
    return run(tx)
  })
}

const toIso = (date: Date | null) => (date ? date.toISOString() : null)

/** The directory search: organisations, critical services, places and contact routes, best first, `limit` of each. */
export async function searchDirectory(
  db: Database,
  actor: Actor,
  filters: DirectoryFilters,
  limit = DIRECTORY_GROUP_LIMIT,
): Promise<DirectoryResults> {
  const empty = { hits: [], more: false }
  if (!filters.q) {
    return {
      organisations: await listFilteredOrganisations(db, filters, limit),
      services: empty,
      sites: empty,
      routes: empty,
    }
  }
  const search: Search = {
    q: filters.q,
    phone: phoneQueryDigits(filters.q),
    terms: matchDirectoryTerms(filters.q),
    filters,
    actor,
    limit,
    rankAtMost: Math.max(CANDIDATE_LIMIT, limit),
  }
  const [organisationRows, serviceLists, siteRows, routeLists] = await withThreshold(db, (tx) =>
    Promise.all([
      searchOrganisations(tx, search),
      searchServices(tx, search),
      searchSites(tx, search),
      searchRoutes(tx, search),
    ]),
  )
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name)
  const byOrganisation = (a: { organisationName: string }, b: { organisationName: string }) =>
    collator.compare(a.organisationName, b.organisationName)
  const organisationGroup = merge([organisationRows], limit, byName)
  return {
    organisations: {
      ...organisationGroup,
      hits: organisationGroup.hits.map((hit) => ({ ...hit, confirmedAt: toIso(hit.confirmedAt) })),
    },
    services: merge(serviceLists, limit, (a, b) => byOrganisation(a, b) || byName(a, b)),
    sites: merge([siteRows], limit, (a, b) => byOrganisation(a, b) || byName(a, b)),
    routes: merge(routeLists, limit, (a, b) => byOrganisation(a, b) || a.callOrder - b.callOrder),
  }
}

/** Without a query: the organisations that match the filters, by name. */
async function listFilteredOrganisations(db: Executor, filters: DirectoryFilters, limit: number) {
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      confirmedAt: organisations.confirmedAt,
    })
    .from(organisations)
    .where(and(...organisationConditions(filters, organisations.id)))
    .orderBy(asc(organisations.name))
    .limit(limit + 1)
  return {
    hits: rows.slice(0, limit).map((row) => ({ ...row, confirmedAt: toIso(row.confirmedAt), score: 1 })),
    more: rows.length > limit,
  }
}

/**
 * The organisations a search finds through any of its groups (a name, a
 * service, a place or a contact route the actor may see), for the exports:
 * up to `limitPerGroup` hits of each group.
 */
export async function searchOrganisationIds(
  db: Database,
  actor: Actor,
  filters: DirectoryFilters,
  limitPerGroup: number,
): Promise<string[]> {
  const results = await searchDirectory(db, actor, filters, limitPerGroup)
  const ids = new Set<string>()
  for (const hit of results.organisations.hits) ids.add(hit.id)
  for (const group of [results.services, results.sites, results.routes]) {
    for (const hit of group.hits) ids.add(hit.organisationId)
  }
  return [...ids]
}
