import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { councilArchivedCounts, councilAreas, councilCategories, councilReports } from '~/db/schema/council'
import { organisations } from '~/db/schema/organisations'
import { coarsen } from './geometry'
import {
  addMonths,
  cellBounds,
  lastYearPeriod,
  monthsUpTo,
  periodInstants,
  previousPeriod,
  type Period,
  type WeeklyFilters,
} from './weekly'

// The weekly picture's numbers. Every query is bounded by the council and a
// range of observed_at (the index council_reports_observed_idx) and counts in
// SQL; only the map's points come back as rows. Rejected and merged reports
// are left out: a merged one is counted in the report it was merged into.

export type CouncilRef = { id: string }

export const COUNTED_STATES = ['new', 'accepted'] as const
/** The map draws at most this many points; a longer list is cut and says so. */
export const MAX_MAP_POINTS = 100_000

export interface PeriodCounts {
  count: number
  previous: number
  lastYear: number
}

export interface AreaCounts extends PeriodCounts {
  /** Null: reports outside every area. */
  areaId: string | null
  name: string | null
}

export interface CategoryCounts extends PeriodCounts {
  categoryId: string
  name: string
}

export const noFilters: WeeklyFilters = { categoryIds: [], organisationIds: [] }

function filterConditions(filters: WeeklyFilters): SQL[] {
  const conditions: SQL[] = [inArray(councilReports.state, [...COUNTED_STATES])]
  if (filters.categoryIds.length > 0) conditions.push(inArray(councilReports.categoryId, filters.categoryIds))
  if (filters.organisationIds.length > 0)
    conditions.push(inArray(councilReports.organisationId, filters.organisationIds))
  return conditions
}

function observedIn(period: Period): SQL {
  const { start, end } = periodInstants(period)
  return and(gte(councilReports.observedAt, start), lt(councilReports.observedAt, end))!
}

/**
 * One pass over the three periods: each is its own range of the index (the
 * planner ORs them), and each count takes its own rows.
 */
function comparedCounts<K extends SQL.Aliased>(
  db: Executor,
  council: CouncilRef,
  period: Period,
  filters: WeeklyFilters,
  key: K,
) {
  const now = observedIn(period)
  const previous = observedIn(previousPeriod(period))
  const lastYear = observedIn(lastYearPeriod(period))
  return db
    .select({
      key,
      count: sql<number>`(count(*) filter (where ${now}))::int`,
      previous: sql<number>`(count(*) filter (where ${previous}))::int`,
      lastYear: sql<number>`(count(*) filter (where ${lastYear}))::int`,
    })
    .from(councilReports)
    .where(and(eq(councilReports.councilId, council.id), or(now, previous, lastYear), ...filterConditions(filters)))
    .groupBy(sql`1`)
}

/** Every area of the council by name, then the reports outside them, with the period, the one before and last year's. */
export async function countsByArea(
  db: Executor,
  council: CouncilRef,
  period: Period,
  filters: WeeklyFilters = noFilters,
): Promise<AreaCounts[]> {
  const [rows, areas] = await Promise.all([
    comparedCounts(db, council, period, filters, sql<string | null>`${councilReports.areaId}`.as('key')),
    db
      .select({ id: councilAreas.id, name: councilAreas.name })
      .from(councilAreas)
      .where(eq(councilAreas.councilId, council.id))
      .orderBy(asc(councilAreas.name)),
  ])
  const byKey = new Map(rows.map((row) => [row.key, row]))
  const counts = (key: string | null): PeriodCounts => {
    const row = byKey.get(key)
    return { count: row?.count ?? 0, previous: row?.previous ?? 0, lastYear: row?.lastYear ?? 0 }
  }
  return [
    ...areas.map((area) => ({ areaId: area.id, name: area.name, ...counts(area.id) })),
    { areaId: null, name: null, ...counts(null) },
  ]
}

/** The council's categories (retired ones only if they have reports), with the period, the one before and last year's. */
export async function countsByCategory(
  db: Executor,
  council: CouncilRef,
  period: Period,
  filters: WeeklyFilters = noFilters,
): Promise<CategoryCounts[]> {
  const [rows, categories] = await Promise.all([
    comparedCounts(db, council, period, filters, sql<string>`${councilReports.categoryId}`.as('key')),
    categoriesOf(db, council),
  ])
  const byKey = new Map(rows.map((row) => [row.key, row]))
  return categories
    .filter((category) => filters.categoryIds.length === 0 || filters.categoryIds.includes(category.id))
    .map((category) => {
      const row = byKey.get(category.id)
      return {
        categoryId: category.id,
        name: category.name,
        count: row?.count ?? 0,
        previous: row?.previous ?? 0,
        lastYear: row?.lastYear ?? 0,
        shown: category.active || row !== undefined,
      }
    })
    .filter((row) => row.shown)
    .map(({ shown: _shown, ...row }) => row)
}

function categoriesOf(db: Executor, council: CouncilRef) {
  return db
    .select({ id: councilCategories.id, name: councilCategories.name, active: councilCategories.active })
    .from(councilCategories)
    .where(eq(councilCategories.councilId, council.id))
    .orderBy(asc(councilCategories.position), asc(councilCategories.name))
}

/** Reports of the period that have an area but no position: counted, but not on the map. */
export async function countWithoutPosition(
  db: Executor,
  council: CouncilRef,
  period: Period,
  filters: WeeklyFilters = noFilters,
): Promise<number> {
  const [row] = await db
    .select({ value: sql<number>`count(*)::int` })
    .from(councilReports)
    .where(
      and(
        eq(councilReports.councilId, council.id),
        observedIn(period),
        isNull(councilReports.lat),
        ...filterConditions(filters),
      ),
    )
  return row?.value ?? 0
}

export interface MonthlyTrend {
  /** YYYY-MM, oldest first. */
  months: string[]
  series: { categoryId: string; name: string; counts: number[] }[]
}

/**
 * Reports per month and category for `months` months up to `endMonth`
 * (YYYY-MM), months in Stockholm time: the raw reports plus what the
 * retention job left of the deleted ones. Archived counts keep their
 * organisation, so the source filter applies to them too.
 */
export async function monthlyTrend(
  db: Executor,
  council: CouncilRef,
  endMonth: string,
  months = 12,
  filters: WeeklyFilters = noFilters,
): Promise<MonthlyTrend> {
  const list = monthsUpTo(endMonth, months)
  const firstDay = `${list[0]}-01`
  const afterLast = `${addMonths(endMonth, 1)}-01`
  const { start, end } = periodInstants({ kind: 'range', from: firstDay, until: afterLast, week: null })
  // Grouped by the month's start; only the groups are formatted, not every row.
  const localMonth = sql`date_trunc('month', ${councilReports.observedAt} at time zone 'Europe/Stockholm')`
  const archivedConditions: SQL[] = [
    eq(councilArchivedCounts.councilId, council.id),
    gte(councilArchivedCounts.month, firstDay),
    lt(councilArchivedCounts.month, afterLast),
  ]
  if (filters.categoryIds.length > 0)
    archivedConditions.push(inArray(councilArchivedCounts.categoryId, filters.categoryIds))
  if (filters.organisationIds.length > 0)
    archivedConditions.push(inArray(councilArchivedCounts.organisationId, filters.organisationIds))
  const [raw, archived, categories] = await Promise.all([
    db
      .select({
        month: sql<string>`to_char(${localMonth}, 'YYYY-MM')`,
        categoryId: councilReports.categoryId,
        value: sql<number>`count(*)::int`,
      })
      .from(councilReports)
      .where(
        and(
          eq(councilReports.councilId, council.id),
          gte(councilReports.observedAt, start),
          lt(councilReports.observedAt, end),
          ...filterConditions(filters),
        ),
      )
      .groupBy(localMonth, councilReports.categoryId),
    db
      .select({
        month: sql<string>`to_char(${councilArchivedCounts.month}, 'YYYY-MM')`.as('month'),
        categoryId: councilArchivedCounts.categoryId,
        value: sql<number>`sum(${councilArchivedCounts.count})::int`,
      })
      .from(councilArchivedCounts)
      .where(and(...archivedConditions))
      .groupBy(sql`1`, councilArchivedCounts.categoryId),
    categoriesOf(db, council),
  ])
  const totals = new Map<string, number[]>()
  for (const row of [...raw, ...archived]) {
    const index = list.indexOf(row.month)
    if (index < 0) continue
    const counts = totals.get(row.categoryId) ?? list.map(() => 0)
    counts[index]! += row.value
    totals.set(row.categoryId, counts)
  }
  const series = categories
    .filter((category) => filters.categoryIds.length === 0 || filters.categoryIds.includes(category.id))
    .filter((category) => category.active || totals.has(category.id))
    .map((category) => ({
      categoryId: category.id,
      name: category.name,
      counts: totals.get(category.id) ?? list.map(() => 0),
    }))
  return { months: list, series }
}

export interface HotSpot {
  /** The cell's centre. */
  lat: number
  lng: number
  south: number
  west: number
  north: number
  east: number
  count: number
}

const METRES_PER_DEGREE_LAT = 111_320

/**
 * The densest cells of a grid of about `cellMetres` (see `gridCell`), most
 * reports first. A cell is never finer than the positions the viewer may
 * see, so the caller passes at least the council's coarsening.
 */
export async function hotSpots(
  db: Executor,
  council: CouncilRef,
  period: Period,
  cellMetres: number,
  options: { filters?: WeeklyFilters; limit?: number } = {},
): Promise<HotSpot[]> {
  const latStep = cellMetres / METRES_PER_DEGREE_LAT
  const row = sql<number>`floor(${councilReports.lat} / ${latStep}::float8)::int`
  const column = sql<number>`floor(${councilReports.lng} / (${cellMetres}::float8 / (${METRES_PER_DEGREE_LAT}::float8 * cos(radians(floor(${councilReports.lat} / ${latStep}::float8) * ${latStep}::float8)))))::int`
  const rows = await db
    .select({
      row: row.as('cell_row'),
      column: column.as('cell_column'),
      count: sql<number>`count(*)::int`.as('cell_count'),
    })
    .from(councilReports)
    .where(
      and(
        eq(councilReports.councilId, council.id),
        observedIn(period),
        isNotNull(councilReports.lat),
        ...filterConditions(options.filters ?? noFilters),
      ),
    )
    .groupBy(sql`1`, sql`2`)
    .orderBy(sql`3 desc`, sql`1`, sql`2`)
    .limit(options.limit ?? 50)
  return rows.map((cell) => {
    const [south, west, north, east] = cellBounds(cell.row, cell.column, cellMetres)
    const round = (value: number) => Math.round(value * 1e6) / 1e6
    return {
      lat: round((south + north) / 2),
      lng: round((west + east) / 2),
      south,
      west,
      north,
      east,
      count: cell.count,
    }
  })
}

export interface MapPoints {
  categories: { id: string; name: string }[]
  /** [lat, lng, index into categories]: no ids, no text. */
  points: [number, number, number][]
  truncated: boolean
}

/** The period's positions for the map, snapped to the council's grid unless the viewer sees them as reported. */
export async function mapPoints(
  db: Executor,
  council: CouncilRef & { coarsenMetres: number },
  period: Period,
  options: { filters?: WeeklyFilters; precise: boolean; limit?: number },
): Promise<MapPoints> {
  const limit = options.limit ?? MAX_MAP_POINTS
  const [rows, categories] = await Promise.all([
    db
      .select({ lat: councilReports.lat, lng: councilReports.lng, categoryId: councilReports.categoryId })
      .from(councilReports)
      .where(
        and(
          eq(councilReports.councilId, council.id),
          observedIn(period),
          isNotNull(councilReports.lat),
          ...filterConditions(options.filters ?? noFilters),
        ),
      )
      .limit(limit + 1),
    categoriesOf(db, council),
  ])
  const index = new Map(categories.map((category, i) => [category.id, i]))
  const points: [number, number, number][] = []
  for (const row of rows.slice(0, limit)) {
    const position = options.precise
      ? { lat: row.lat!, lng: row.lng! }
      : coarsen({ lat: row.lat!, lng: row.lng! }, council.coarsenMetres)
    points.push([position.lat, position.lng, index.get(row.categoryId) ?? 0])
  }
  return {
    categories: categories.map(({ id, name }) => ({ id, name })),
    points,
    truncated: rows.length > limit,
  }
}

/** The organisations of the council's network, by name: the sources a report can come from. */
export async function reportingSources(db: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return []
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...organisationIds]))
    .orderBy(asc(organisations.name))
}
