import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import type { Role } from '~/db/enums'
import { organisations } from '~/db/schema/organisations'
import { networkMembers, networks, sites } from '~/db/schema/registry'
import { memberships, users } from '~/db/schema/users'
import { labelOf, type Translate } from '~/i18n/i18n'
import { foldText } from '~/modules/directory/directory-terms'
import { PICKER_NETWORK_LIMIT, PICKER_QUERY_MIN, PICKER_RESULT_LIMIT, type PickerItem, type PickerKind } from './picker'

// The searches behind the picker of organisations, people, sites and user
// accounts: a few hits for what is typed, never the whole register, so a form
// works as well with 10,000 organisations as with ten.

/** People who may be invited to a meeting: not informants, who see nothing of the network. */
export const invitableRoles: readonly Role[] = [
  'coordinator',
  'duty_officer',
  'partner_editor',
  'council_member',
  'viewer',
]

/** Like the directory (directory.server.ts): one typo per word passes, and a word's beginning matches. */
const WORD_SIMILARITY_THRESHOLD = 0.5
/** Rows ranked at most: a common word matches thousands, and a second word narrows better than a long list. */
const CANDIDATE_LIMIT = 300

// The expression of the trigram index in drizzle/0002_search.sql, so the planner uses it.
const organisationText = sql`portal_fold(${organisations.name})`

// The expression of the trigram index on sites (0002_search.sql): a site is found by its name or address.
const siteText = sql`portal_fold(${sites.name} || ' ' || ${sites.address})`

function queryWords(query: string): string[] {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

export const searchable = (query: string) => query.length >= PICKER_QUERY_MIN && queryWords(query).length > 0

const kindLabel = (t: Translate, kind: string) => labelOf(t, 'kind', kind)

interface SearchOptions {
  /** Ids already chosen: they are not offered again. */
  exclude?: readonly string[]
  limit?: number
}

/**
 * Organisations whose name holds every word of the query (each allowing a
 * typo, but a number exactly), best first: a name that starts with the query, then the closest
 * match, then the shorter name. The threshold is set for this transaction alone.
 */
export async function searchOrganisations(
  db: Database,
  t: Translate,
  query: string,
  { exclude = [], limit = PICKER_RESULT_LIMIT }: SearchOptions = {},
): Promise<PickerItem[]> {
  const words = queryWords(query)
  if (!searchable(query)) return []
  const folded = words.join(' ')
  const rows = await db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`,
    )
    const candidates = tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          ...words.map((word) =>
            // A number must stand as typed: "01234" is not "01206".
            /^\d+$/.test(word)
              ? sql`${organisationText} like ${`%${word}%`}`
              : sql`portal_fold(${word}) <% ${organisationText}`,
          ),
          exclude.length > 0 ? notInArray(organisations.id, [...exclude]) : undefined,
        ),
      )
      .limit(CANDIDATE_LIMIT)
    return tx
      .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
      .from(organisations)
      .where(inArray(organisations.id, candidates))
      .orderBy(
        sql`${organisationText} like portal_fold(${folded}) || '%' desc`,
        sql`word_similarity(portal_fold(${folded}), ${organisationText}) desc`,
        sql`char_length(${organisations.name})`,
        asc(organisations.name),
      )
      .limit(limit)
  })
  return rows.map((row) => ({ id: row.id, name: row.name, kindLabel: kindLabel(t, row.kind) }))
}

/** Chosen organisations by id, in the order given; an id that names none is left out. */
export async function organisationItems(db: Executor, t: Translate, ids: readonly string[]): Promise<PickerItem[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]))
  return inGivenOrder(ids, rows, (row) => ({ id: row.id, name: row.name, kindLabel: kindLabel(t, row.kind) }))
}

/** A network and its member organisations by name, at most PICKER_NETWORK_LIMIT; null when there is no such network. */
export async function networkMemberItems(
  db: Executor,
  t: Translate,
  networkId: string,
): Promise<{ name: string; items: PickerItem[] } | null> {
  const [network] = await db.select({ name: networks.name }).from(networks).where(eq(networks.id, networkId))
  if (!network) return null
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(networkMembers)
    .innerJoin(organisations, eq(organisations.id, networkMembers.organisationId))
    .where(eq(networkMembers.networkId, networkId))
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(PICKER_NETWORK_LIMIT)
  return {
    name: network.name,
    items: rows.map((row) => ({ id: row.id, name: row.name, kindLabel: kindLabel(t, row.kind) })),
  }
}

const collator = new Intl.Collator('sv')

/** Active people who may be invited, one row each, with the first of their organisations by name. */
function invitablePeople(db: Executor) {
  return db
    .selectDistinctOn([users.id], { id: users.id, name: users.name, organisationName: organisations.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .$dynamic()
}

/**
 * People whose name, e-mail address or organisation holds every word of the
 * query. There are far fewer people than organisations and no index on
 * their names: a plain substring match, those whose name starts with the
 * query first.
 */
export async function searchPeople(
  db: Executor,
  query: string,
  { exclude = [], limit = PICKER_RESULT_LIMIT }: SearchOptions = {},
): Promise<PickerItem[]> {
  const words = queryWords(query)
  if (!searchable(query)) return []
  const text = sql`portal_fold(${users.name} || ' ' || ${users.email} || ' ' || ${organisations.name})`
  const rows = await invitablePeople(db)
    .where(
      and(
        eq(users.active, true),
        inArray(memberships.role, [...invitableRoles]),
        ...words.map((word) => sql`${text} like '%' || portal_fold(${word}) || '%'`),
        exclude.length > 0 ? notInArray(users.id, [...exclude]) : undefined,
      ),
    )
    .orderBy(asc(users.id), asc(organisations.name))
    .limit(CANDIDATE_LIMIT)
  const folded = words.join(' ')
  const starts = (name: string) => (foldText(name).startsWith(folded) ? 0 : 1)
  return rows
    .sort((a, b) => starts(a.name) - starts(b.name) || collator.compare(a.name, b.name))
    .slice(0, limit)
    .map((row) => ({ id: row.id, name: row.name, kindLabel: row.organisationName }))
}

/** Chosen people by id, in the order given; an id that names no one who may be invited is left out. */
export async function personItems(db: Executor, ids: readonly string[]): Promise<PickerItem[]> {
  if (ids.length === 0) return []
  const rows = await invitablePeople(db)
    .where(and(inArray(users.id, [...ids]), eq(users.active, true), inArray(memberships.role, [...invitableRoles])))
    .orderBy(asc(users.id), asc(organisations.name))
  return inGivenOrder(ids, rows, (row) => ({ id: row.id, name: row.name, kindLabel: row.organisationName }))
}

/**
 * Sites whose name, address or organisation's name holds every word of the
 * query (each allowing a typo, a number exactly), best first: a name that
 * starts with the query, then the closest match, then the shorter name.
 */
export async function searchSites(
  db: Database,
  query: string,
  { exclude = [], limit = PICKER_RESULT_LIMIT }: SearchOptions = {},
): Promise<PickerItem[]> {
  const words = queryWords(query)
  if (!searchable(query)) return []
  const folded = words.join(' ')
  const rows = await db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`,
    )
    const candidates = tx
      .select({ id: sites.id })
      .from(sites)
      .innerJoin(organisations, eq(organisations.id, sites.organisationId))
      .where(
        and(
          ...words.map((word) =>
            /^\d+$/.test(word)
              ? sql`(${siteText} like ${`%${word}%`} or ${organisationText} like ${`%${word}%`})`
              : sql`(portal_fold(${word}) <% ${siteText} or portal_fold(${word}) <% ${organisationText})`,
          ),
          exclude.length > 0 ? notInArray(sites.id, [...exclude]) : undefined,
        ),
      )
      .limit(CANDIDATE_LIMIT)
    return tx
      .select({ id: sites.id, name: sites.name, organisationName: organisations.name })
      .from(sites)
      .innerJoin(organisations, eq(organisations.id, sites.organisationId))
      .where(inArray(sites.id, candidates))
      .orderBy(
        sql`portal_fold(${sites.name}) like portal_fold(${folded}) || '%' desc`,
        sql`word_similarity(portal_fold(${folded}), portal_fold(${sites.name} || ' ' || ${organisations.name})) desc`,
        sql`char_length(${sites.name})`,
        asc(sites.name),
        asc(organisations.name),
      )
      .limit(limit)
  })
  return rows.map((row) => ({ id: row.id, name: row.name, kindLabel: row.organisationName }))
}

/** Chosen sites by id, in the order given; an id that names none is left out. */
export async function siteItems(db: Executor, ids: readonly string[]): Promise<PickerItem[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({ id: sites.id, name: sites.name, organisationName: organisations.name })
    .from(sites)
    .innerJoin(organisations, eq(organisations.id, sites.organisationId))
    .where(inArray(sites.id, [...ids]))
  return inGivenOrder(ids, rows, (row) => ({ id: row.id, name: row.name, kindLabel: row.organisationName }))
}

/**
 * User accounts whose name or e-mail address holds every word of the query,
 * whatever their role and deactivated too: the change log is asked about
 * people who have left as well. Those whose name starts with the query first.
 */
export async function searchUsers(
  db: Executor,
  query: string,
  { exclude = [], limit = PICKER_RESULT_LIMIT }: SearchOptions = {},
): Promise<PickerItem[]> {
  const words = queryWords(query)
  if (!searchable(query)) return []
  const text = sql`portal_fold(${users.name} || ' ' || ${users.email})`
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      and(
        ...words.map((word) => sql`${text} like '%' || portal_fold(${word}) || '%'`),
        exclude.length > 0 ? notInArray(users.id, [...exclude]) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(CANDIDATE_LIMIT)
  const folded = words.join(' ')
  const starts = (name: string) => (foldText(name).startsWith(folded) ? 0 : 1)
  return rows
    .sort((a, b) => starts(a.name) - starts(b.name) || collator.compare(a.name, b.name))
    .slice(0, limit)
    .map((row) => ({ id: row.id, name: row.name, kindLabel: row.email }))
}

/** Chosen user accounts by id, in the order given. */
export async function userItems(db: Executor, ids: readonly string[]): Promise<PickerItem[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, [...ids]))
  return inGivenOrder(ids, rows, (row) => ({ id: row.id, name: row.name, kindLabel: row.email }))
}

/** The hits for a query of any kind. */
export function searchItems(
  db: Database,
  t: Translate,
  kind: PickerKind,
  query: string,
  options: SearchOptions = {},
): Promise<PickerItem[]> {
  switch (kind) {
    case 'organisation':
      return searchOrganisations(db, t, query, options)
    case 'person':
      return searchPeople(db, query, options)
    case 'site':
      return searchSites(db, query, options)
    case 'user':
      return searchUsers(db, query, options)
  }
}

/** Chosen items of any kind by id. */
export function itemsById(db: Executor, t: Translate, kind: PickerKind, ids: readonly string[]): Promise<PickerItem[]> {
  switch (kind) {
    case 'organisation':
      return organisationItems(db, t, ids)
    case 'person':
      return personItems(db, ids)
    case 'site':
      return siteItems(db, ids)
    case 'user':
      return userItems(db, ids)
  }
}

/** The rows found for `ids`, as picker items in the order of `ids`; an id without a row is left out. */
function inGivenOrder<R extends { id: string }>(
  ids: readonly string[],
  rows: readonly R[],
  item: (row: R) => PickerItem,
): PickerItem[] {
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => {
    const row = byId.get(id)
    return row ? [item(row)] : []
  })
}
