import { asc, eq } from 'drizzle-orm'
import { chromium } from 'playwright-core'
import type { Database } from '../app/db/client.server'
import { councils } from '../app/db/schema/council'
import { organisations } from '../app/db/schema/organisations'
import { scenarios } from '../app/db/schema/scenarios'
import { memberships, users } from '../app/db/schema/users'
import { sessionPolicy } from '../app/modules/auth/session-cookie.server'
import { createSession } from '../app/modules/auth/sessions.server'
import { mapViewportParams } from '../app/modules/map/map-view'
import { CHROMIUM, CHROMIUM_ARGS, median, startServer } from './browser'
import { jsShippedFigures } from './js-size'
import { directoryLcpFigures } from './lcp'
import { round, type Figure } from './measure'
import { directoryQueries } from './registry'
import { peakRssMib, throughputRatio, type LoadTarget } from './throughput'

// Long enough for the whole suite: the default idle time is 30 minutes.
const policy = () => ({ ...sessionPolicy(), idleMs: 6 * 3_600_000 })

/**
 * A session of a user who may read the page: a coordinator (who reads the
 * whole network) for the registry and the scenarios, a council member of the
 * measured council for its pages. Made directly, past the second factor.
 */
async function sessions(db: Database) {
  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(asc(organisations.id))
    .limit(1)
  const [coordinator] = await db
    .insert(users)
    .values({ email: 'bench-load@example.org', name: 'Bench Last' })
    .returning({ id: users.id })
  await db
    .insert(memberships)
    .values({ userId: coordinator!.id, organisationId: organisation!.id, role: 'coordinator' })
  // The council member bench/council.ts made, of the council's municipality.
  const [member] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'bench-council@example.org'))
  if (!member) throw new Error('No council member: the council suite runs first')
  const coordinatorToken = (await createSession(db, coordinator!.id, policy(), new Date(), { twoFactorVerified: true }))
    .token
  const memberToken = (await createSession(db, member.id, policy(), new Date(), { twoFactorVerified: true })).token
  return { coordinator: coordinatorToken, member: memberToken }
}

async function pageIds(db: Database) {
  const [council] = await db.select({ id: councils.id }).from(councils).where(eq(councils.name, 'Lokalt BRÅ Vårgårda'))
  // The county-wide power cut bench/scenario-page.ts shared.
  const [scenario] = await db
    .select({ id: scenarios.id })
    .from(scenarios)
    .where(eq(scenarios.name, 'Storskaligt elavbrott, 72 h'))
    .limit(1)
  const orgs = await db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.id)).limit(20)
  if (!council || !scenario) throw new Error('The council and the scenario come from the earlier suites')
  return { councilId: council.id, scenarioId: scenario.id, organisationIds: orgs.map((org) => org.id) }
}

/**
 * What one production server does under load and what its pages ship, on
 * the whole data set (the county, the shared scenario, the council's million
 * reports), so it runs after every other suite: the throughput of five
 * pages relative to a bare route, the server's peak memory over those runs,
 * the JavaScript a first visit to each main route loads and the directory's
 * Largest Contentful Paint.
 */
export async function servedBenchmarks(db: Database, databaseUrl: string): Promise<Figure[]> {
  const { councilId, scenarioId, organisationIds } = await pageIds(db)
  const tokens = await sessions(db)
  // The map's first view of the county at a laptop's zoom, as it asks once per visit after the extent.
  const county = mapViewportParams({ bbox: [10.6, 56.9, 15.0, 59.3], zoom: 8 })
  const targets: LoadTarget[] = [
    { name: 'map', paths: ['/karta/platser', `/karta/platser?${county}`], token: tokens.coordinator },
    {
      name: 'directory_search',
      paths: directoryQueries.map((q) => `/katalog?${new URLSearchParams({ q })}`),
      token: tokens.coordinator,
    },
    { name: 'organisation', paths: organisationIds.map((id) => `/organisationer/${id}`), token: tokens.coordinator },
    { name: 'scenario_result', paths: [`/scenarier/${scenarioId}`], token: tokens.coordinator },
    { name: 'council_weekly', paths: [`/trygghet/${councilId}/veckobild`], token: tokens.member },
  ]
  const { baseUrl, child } = await startServer(databaseUrl)
  try {
    const figures: Figure[] = []
    const bare: number[] = []
    for (const target of targets) {
      const { ratio, bare: rounds } = await throughputRatio(baseUrl, target)
      bare.push(...rounds)
      figures.push({ name: `throughput_ratio_${target.name}`, value: Math.round(ratio * 1000) / 1000, unit: 'ratio' })
    }
    figures.push({ name: 'throughput_bare_rps', value: Math.round(median(bare)), unit: 'req/s' })
    figures.push({ name: 'server_peak_rss_mib', value: round(peakRssMib(child.pid!)), unit: 'MiB' })
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
    try {
      const { coordinator, member } = tokens
      figures.push(
        ...(await jsShippedFigures(browser, baseUrl, [
          { name: 'home', path: '/', token: coordinator },
          { name: 'map', path: '/karta', token: coordinator, mark: 'map-interactive' },
          { name: 'directory', path: '/katalog', token: coordinator },
          { name: 'organisation', path: `/organisationer/${organisationIds[0]}`, token: coordinator },
          { name: 'scenario_result', path: `/scenarier/${scenarioId}`, token: coordinator, mark: 'scenario-map-drawn' },
          { name: 'meetings', path: '/moten', token: coordinator },
          { name: 'rsa', path: '/rsa', token: coordinator },
          { name: 'council_weekly', path: `/trygghet/${councilId}/veckobild`, token: member },
          { name: 'council_report', path: `/trygghet/${councilId}/rapportera`, token: member },
          { name: 'sign_in', path: '/logga-in', token: null },
        ])),
      )
      figures.push(...(await directoryLcpFigures(browser, baseUrl, coordinator)))
    } finally {
      await browser.close()
    }
    return figures
  } finally {
    child.kill('SIGTERM')
  }
}
