import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { eq, sql } from 'drizzle-orm'
import { provideDatabase } from '../app/db/app-db.server'
import type { Database, DatabaseHandle, Executor } from '../app/db/client.server'
import { councilAreas, councilCategories } from '../app/db/schema/council'
import { organisations } from '../app/db/schema/organisations'
import { networkMembers, networks } from '../app/db/schema/registry'
import { memberships, users } from '../app/db/schema/users'
import { sessionPolicy } from '../app/modules/auth/session-cookie.server'
import { createSession } from '../app/modules/auth/sessions.server'
import { createCouncil } from '../app/modules/council/councils.server'
import { addDays, addMonths, currentWeek, endMonth } from '../app/modules/council/weekly'
import { monthlyTrend } from '../app/modules/council/weekly.server'
import { councilMapFigures } from './council-map'
import { p95, round, type Figure } from './measure'

/**
 * The crime-prevention council at the issue's scale: 1,000,000 reports over
 * five years, 800,000 of them to the measured council (Vårgårda, twelve
 * rectangular areas on a 4 × 3 grid) and 200,000 to a second one
 * (Herrljunga, four areas), so that every query has to pick its council.
 * Generated in SQL like bench/county.ts: every "random" value is a hash of
 * the row number, so the rows are the same on every run, relative to the
 * day the run starts (the weekly picture always shows the current week).
 */
export const councilScale = { measured: 800_000, other: 200_000, years: 5 }

interface Geometry {
  /** South-west corner of the area grid, the size of one area, rows × columns. */
  south: number
  west: number
  latStep: number
  lngStep: number
  rows: number
  columns: number
  /** Where a tenth of the reports fall: a wider box, mostly outside every area. */
  wide: [number, number, number, number]
  /** Where a third of the reports crowd: [lat, lng] centres of about 200 × 250 m. */
  hotSpots: [number, number][]
}

const vargarda: Geometry = {
  south: 58.01,
  west: 12.74,
  latStep: 0.015,
  lngStep: 0.035,
  rows: 3,
  columns: 4,
  wide: [57.96, 12.62, 58.1, 13.0],
  hotSpots: [
    [58.0345, 12.8075],
    [58.0312, 12.8161],
    [58.0398, 12.7962],
    [58.0221, 12.8335],
    [58.0467, 12.7789],
    [58.0153, 12.8612],
    [58.0289, 12.7531],
    [58.0513, 12.8455],
  ],
}

const herrljunga: Geometry = {
  south: 58.06,
  west: 12.98,
  latStep: 0.02,
  lngStep: 0.04,
  rows: 2,
  columns: 2,
  wide: [58.03, 12.9, 58.13, 13.12],
  hotSpots: [
    [58.0789, 13.0231],
    [58.0702, 13.0105],
  ],
}

const descriptions = [
  'Krossad ruta vid entrén',
  'Klotter på elskåpet vid gångtunneln',
  'Trasig belysning längs gång- och cykelvägen',
  'Ungdomar samlas sent vid busshållplatsen',
  'Nedskräpning och glas på lekplatsen',
  'Bilar kör fort förbi skolan',
  'Cykelställ uppbrutet',
  'Mörkt och otryggt vid parkeringen',
]

const literal = (values: readonly (string | number)[], type: string) =>
  sql.raw(
    `array[${values.map((v) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`)).join(',')}]::${type}[]`,
  )

/** The rectangle of area `index` (row-major from the south-west) as [lat, lng] corners. */
function areaRectangle(geometry: Geometry, index: number) {
  const row = Math.floor(index / geometry.columns)
  const column = index % geometry.columns
  const south = geometry.south + row * geometry.latStep
  const west = geometry.west + column * geometry.lngStep
  const north = south + geometry.latStep
  const east = west + geometry.lngStep
  const polygon: [number, number][] = [
    [south, west],
    [north, west],
    [north, east],
    [south, east],
  ]
  return { polygon, minLat: south, maxLat: north, minLng: west, maxLng: east }
}

interface GeneratedCouncil {
  id: string
  organisationIds: string[]
  geometry: Geometry
  /** Area ids in grid order, category ids in the council's order. */
  areaIds: string[]
  categoryIds: string[]
  /** The council's rows are numbered first to first + count - 1. */
  first: number
  count: number
}

async function councilWithAreas(
  db: Database,
  place: string,
  geometry: Geometry,
  reporters: string[],
  rows: { first: number; count: number },
): Promise<GeneratedCouncil> {
  const created = await db
    .insert(organisations)
    .values(
      reporters.map((name, i) => ({
        name: `${place} ${name}`,
        kind: i === 0 ? ('municipality' as const) : ('municipal_company' as const),
      })),
    )
    .returning({ id: organisations.id })
  const [network] = await db
    .insert(networks)
    .values({ name: `Lokalt BRÅ ${place}` })
    .returning()
  await db.insert(networkMembers).values(created.map((row) => ({ networkId: network!.id, organisationId: row.id })))
  const council = await createCouncil(db, { actorId: null, name: `Lokalt BRÅ ${place}`, networkId: network!.id })
  const areas = await db
    .insert(councilAreas)
    .values(
      Array.from({ length: geometry.rows * geometry.columns }, (_, index) => ({
        councilId: council.id,
        name: `${place} område ${index + 1}`,
        ...areaRectangle(geometry, index),
      })),
    )
    .returning({ id: councilAreas.id, name: councilAreas.name })
  const categories = await db
    .select({ id: councilCategories.id })
    .from(councilCategories)
    .where(eq(councilCategories.councilId, council.id))
    .orderBy(councilCategories.position)
  return {
    id: council.id,
    organisationIds: created.map((row) => row.id),
    geometry,
    areaIds: areas
      .map((area) => ({ id: area.id, index: Number(/(\d+)$/.exec(area.name)![1]) }))
      .sort((x, y) => x.index - y.index)
      .map((area) => area.id),
    categoryIds: categories.map((category) => category.id),
    ...rows,
  }
}

/**
 * The council's rows `from` to `to - 1`, in the order they were observed:
 * row i of the council's n falls at i/n of the five years up to `end`, so
 * the table holds them in time order as a live portal would. Four 32-bit
 * fractions per md5, three md5s: f0 to f11. A fifth have only an area (no
 * position), the rest a pin or the phone's position: a third of those in a
 * hot spot, most spread over the areas, a tenth over a wider box. The area
 * of a position is the grid cell it falls in, the same answer the polygons give.
 */
async function insertReports(db: Executor, council: GeneratedCouncil, end: Date, from: number, to: number) {
  const { geometry, areaIds: byIndex, categoryIds: categories } = council
  const f = (n: number) =>
    sql.raw(`(('x' || substr(h.${'abc'[Math.floor(n / 4)]}, ${1 + (n % 4) * 8}, 8))::bit(32)::bigint / 4294967296.0)`)
  const { south, west, latStep, lngStep, rows, columns, wide } = geometry
  const north = south + rows * latStep
  const east = west + columns * lngStep
  const days = Math.round(councilScale.years * 365.25)
  await db.execute(sql`
    insert into council_reports (id, council_id, organisation_id, category_id, location_kind, lat, lng, area_id,
                                 observed_at, description, state, reviewed_at, created_at, updated_at)
    select md5('report' || p.i)::uuid, ${council.id}::uuid,
           (${literal(council.organisationIds, 'uuid')})[1 + floor(p.f5 * p.f5 * ${council.organisationIds.length})::int],
           (${literal(categories, 'uuid')})[1 + floor(p.f6 * p.f6 * ${categories.length})::int],
           p.kind, p.lat, p.lng,
           case when p.kind = 'area' then (${literal(byIndex, 'uuid')})[1 + floor(p.f8 * ${byIndex.length})::int]
                when p.lat >= ${south} and p.lat < ${north} and p.lng >= ${west} and p.lng < ${east}
                  then (${literal(byIndex, 'uuid')})[1 + floor((p.lat - ${south}) / ${latStep})::int * ${columns} + floor((p.lng - ${west}) / ${lngStep})::int]
                else null end,
           p.observed_at,
           (${literal(descriptions, 'text')})[1 + p.i % ${descriptions.length}],
           p.state,
           case when p.state = 'new' then null else p.observed_at + interval '1 day' end,
           p.observed_at + interval '2 hours', p.observed_at + interval '2 hours'
    -- Each level is computed once per row (offset 0 keeps the planner from
    -- inlining it, which would repeat every md5 where a fraction is used).
    from (
      select s.i, s.f5, s.f6, s.f8, s.kind, s.observed_at,
             case when s.kind = 'area' then null
                  when s.f1 < 0.35 then (${literal(
                    geometry.hotSpots.map(([lat]) => lat),
                    'float8',
                  )})[1 + floor(s.f9 * ${geometry.hotSpots.length})::int] + (s.f3 + s.f10 - 1) * 0.0018
                  when s.f1 < 0.9 then ${south} + s.f3 * ${north - south}
                  else ${wide[0]} + s.f3 * ${wide[2] - wide[0]} end as lat,
             case when s.kind = 'area' then null
                  when s.f1 < 0.35 then (${literal(
                    geometry.hotSpots.map(([, lng]) => lng),
                    'float8',
                  )})[1 + floor(s.f9 * ${geometry.hotSpots.length})::int] + (s.f4 + s.f11 - 1) * 0.0042
                  when s.f1 < 0.9 then ${west} + s.f4 * ${east - west}
                  else ${wide[1]} + s.f4 * ${wide[3] - wide[1]} end as lng,
             case when s.f0 < 0.8 then 'accepted' when s.f0 < 0.92 then 'new' else 'rejected' end as state
      from (
        select q.*,
               case when q.f7 < 0.2 then 'area' when q.f7 < 0.35 then 'position' else 'pin' end as kind,
               ${end.toISOString()}::timestamptz
                 - (1 - (q.i - ${council.first} + q.f2) / ${council.count}) * ${days} * interval '1 day' as observed_at
        from (
          select g.i, ${f(0)} as f0, ${f(1)} as f1, ${f(2)} as f2, ${f(3)} as f3,
                 ${f(4)} as f4, ${f(5)} as f5, ${f(6)} as f6, ${f(7)} as f7,
                 ${f(8)} as f8, ${f(9)} as f9, ${f(10)} as f10, ${f(11)} as f11
          from generate_series(${from}::int, ${to - 1}::int) as g(i)
          cross join lateral (select md5('a' || g.i) as a, md5('b' || g.i) as b, md5('c' || g.i) as c offset 0) as h
          offset 0
        ) as q
        offset 0
      ) as s
      offset 0
    ) as p`)
}

// Inserted a month at a time, the two councils by turns: their reports lie
// interleaved in the table as they would after five years of use.
const CHUNKS = 60

/**
 * Bulk loading: without the foreign-key triggers (the rows are consistent by
 * construction) and with the secondary indexes dropped and then built again
 * from their own definitions, all in one transaction: a third of the time
 * of inserting into the indexed table.
 */
async function bulkLoad(db: Database, load: (tx: Executor) => Promise<void>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`)
    const indexes = (await tx.execute(sql`
      select indexname as name, indexdef as definition from pg_indexes
      where schemaname = 'public' and tablename = 'council_reports' and indexname <> 'council_reports_pkey'`)) as unknown as {
      name: string
      definition: string
    }[]
    for (const index of indexes) await tx.execute(sql.raw(`drop index "${index.name}"`))
    await load(tx)
    for (const index of indexes) await tx.execute(sql.raw(index.definition))
  })
}

/** The two councils and their million reports, observed up to the start of this minute; returns the measured one. */
export async function generateCouncils(db: Database): Promise<GeneratedCouncil> {
  const { measured: count, other: otherCount } = councilScale
  const measured = await councilWithAreas(
    db,
    'Vårgårda',
    vargarda,
    ['kommun', 'Bostäder AB', 'Fastigheter', 'skolor'],
    {
      first: 0,
      count,
    },
  )
  const other = await councilWithAreas(db, 'Herrljunga', herrljunga, ['kommun', 'Bostäder AB'], {
    first: count,
    count: otherCount,
  })
  const end = new Date(Math.floor(Date.now() / 60_000) * 60_000)
  const bound = (council: GeneratedCouncil, chunk: number) =>
    council.first + Math.round((council.count * chunk) / CHUNKS)
  await bulkLoad(db, async (tx) => {
    for (let chunk = 0; chunk < CHUNKS; chunk++) {
      for (const council of [measured, other])
        await insertReports(tx, council, end, bound(council, chunk), bound(council, chunk + 1))
    }
  })
  // A table filled over five years has been vacuumed by autovacuum many times.
  await db.execute(sql`vacuum (analyze) council_reports`)
  await db.execute(sql`analyze`)
  return measured
}

/** A council member of the measured council's municipality, signed in: the session cookie's value. */
async function councilMember(db: Database, council: GeneratedCouncil): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: 'bench-council@example.org', name: 'Bench Brå-samordnare' })
    .returning({ id: users.id })
  await db
    .insert(memberships)
    .values({ userId: user!.id, organisationId: council.organisationIds[0]!, role: 'council_member' })
  // Long enough for the whole suite: the default idle time is 30 minutes.
  const policy = { ...sessionPolicy(), idleMs: 6 * 3_600_000 }
  const { token } = await createSession(db, user!.id, policy, new Date(), { twoFactorVerified: true })
  return token
}

type Loader = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>

/** The production build's loader of a route, as the server calls it. */
async function builtLoader(routeId: string): Promise<Loader> {
  const build = (await import(
    pathToFileURL(new URL('../build/server/index.js', import.meta.url).pathname).href
  )) as ServerBuild
  const loader = build.routes[routeId]?.module.loader
  if (!loader) throw new Error(`No loader for ${routeId} in build/: \`npm run bench\` builds first`)
  return loader as unknown as Loader
}

async function callLoader(loader: Loader, path: string, token: string, councilId: string) {
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: `session=${token}` } })
  let result: unknown
  try {
    result = await loader({
      request,
      params: { id: councilId },
      context: { clientIp: '127.0.0.1', cspNonce: '', requestId: 'bench' },
    })
  } catch (thrown) {
    result = thrown
  }
  if (result instanceof Response && !result.ok) throw new Error(`${path} answered ${result.status}`)
  return result
}

/** The last full calendar month before the current week's month, as the page's `fran` and `till`. */
function lastFullMonth(now: Date) {
  const month = addMonths(endMonth(currentWeek(now)), -1)
  const from = `${month}-01`
  return { from, to: addDays(`${addMonths(month, 1)}-01`, -1) }
}

/**
 * The weekly picture's server side on the generated councils, p95 of 30
 * calls after 5 warm-ups: the page's loader of the production build for the
 * current week, called as the server calls it with a council member's
 * session (every count the page shows, the trend and the lists of categories
 * and sources included); the 12-month trend alone; the map's points endpoint
 * for the last full month.
 */
export async function councilServerFigures(
  handle: DatabaseHandle,
  councilId: string,
  token: string,
): Promise<Figure[]> {
  const now = new Date()
  const weekly = await builtLoader('routes/trygghet+/$id.veckobild')
  const points = await builtLoader('routes/trygghet+/$id.veckobild_.punkter')
  const month = lastFullMonth(now)
  const monthPath = `/trygghet/${councilId}/veckobild/punkter?fran=${month.from}&till=${month.to}`
  // The app's own handle, as the integration tests give it to loaders.
  provideDatabase(handle)
  try {
    const weeklyMs = await p95(() => callLoader(weekly, `/trygghet/${councilId}/veckobild`, token, councilId), 30)
    const pointsMs = await p95(() => callLoader(points, monthPath, token, councilId), 30)
    const body = (await ((await callLoader(points, monthPath, token, councilId)) as Response).json()) as {
      points: unknown[]
      truncated: boolean
    }
    if (body.truncated) throw new Error('The month has more points than the map draws')
    const trendMs = await p95(() => monthlyTrend(handle.db, { id: councilId }, endMonth(currentWeek(now)), 12), 30)
    return [
      { name: 'council_weekly_p95_ms', value: round(weeklyMs), unit: 'ms' },
      { name: 'council_trend_p95_ms', value: round(trendMs), unit: 'ms' },
      { name: 'council_points_month_p95_ms', value: round(pointsMs), unit: 'ms' },
      { name: 'council_points_month_count', value: body.points.length, unit: 'points' },
    ]
  } finally {
    provideDatabase(null)
  }
}

/** Generates the councils, then the server figures, then the map in the browser. */
export async function councilBenchmarks(handle: DatabaseHandle, databaseUrl: string): Promise<Figure[]> {
  const started = performance.now()
  const council = await generateCouncils(handle.db)
  const generated = { name: 'council_generate_ms', value: round(performance.now() - started), unit: 'ms' }
  const token = await councilMember(handle.db, council)
  return [
    generated,
    ...(await councilServerFigures(handle, council.id, token)),
    ...(await councilMapFigures(handle.db, databaseUrl, council.id, token)),
  ]
}
