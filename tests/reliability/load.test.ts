import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contactRoutes } from '~/db/schema/registry'
import {
  Browser,
  contactRouteFields,
  demoUsers,
  formVersion,
  isRedirect,
  newContactRouteFields,
  listOrganisationRefs,
  openPortal,
  organisationByName,
  percentile,
  pick,
  runFor,
  signIn,
  type Answer,
  type OrganisationRef,
  type Portal,
} from './harness'

const SESSIONS = 200
const LOAD_MS = 25_000
const WRITE_SHARE = 0.3
const searchTerms = ['vatten', 'el', 'Vårgårda', 'polis', 'bostäder', 'kommun', 'räddning', 'värme']
const mapPaths = ['/karta/platser', '/karta/platser?bbox=12.0,57.5,13.6,58.5&zoom=10']

interface Session {
  browser: Browser
  /** The organisations this user may edit (none for a reader), each with a contact route of its own to edit. */
  targets: { organisation: OrganisationRef; routeId: string }[]
}

describe('200 signed-in sessions reading and writing at once', () => {
  let portal: Portal

  beforeAll(async () => {
    portal = await openPortal('rel_load')
  })
  afterAll(async () => {
    await portal?.close()
  })
  const signInAs = (email: string) => signIn(portal.db, email)

  it('answers every request without a server error', async () => {
    const { db, server } = portal
    const organisations = await listOrganisationRefs(db)
    const bostader = await organisationByName(db, 'Vårgårda Bostäder AB')
    const solor = await organisationByName(db, 'Solör Bioenergi i Vårgårda AB')
    const coordinatorTargets = [
      bostader,
      solor,
      ...organisations.filter((o) => o.id !== bostader.id && o.id !== solor.id).slice(0, 4),
    ]

    // One contact route per writable organisation, created the way a browser does, to be edited under load.
    const setupBrowser = new Browser(server.baseUrl, await signInAs(demoUsers.coordinator))
    const routeOf = new Map<string, string>()
    for (const organisation of coordinatorTargets) {
      const email = `last-${organisation.id.slice(0, 8)}@example.org`
      const created = await setupBrowser.post(
        `/organisationer/${organisation.id}/kontaktvagar/ny`,
        newContactRouteFields(email),
      )
      expect(created.status, created.body.slice(0, 300)).toSatisfy(isRedirect)
      const [route] = await db
        .select({ id: contactRoutes.id })
        .from(contactRoutes)
        .where(eq(contactRoutes.value, email))
      routeOf.set(organisation.id, route!.id)
    }
    const targetsOf = (orgs: OrganisationRef[]) =>
      orgs.map((organisation) => ({ organisation, routeId: routeOf.get(organisation.id)! }))

    // Five kinds of user, 40 sessions each: the coordinator and two partner editors also write.
    const roles = [
      { email: demoUsers.coordinator, targets: targetsOf(coordinatorTargets) },
      { email: demoUsers.partnerEditor, targets: targetsOf([bostader]) },
      { email: demoUsers.otherPartnerEditor, targets: targetsOf([solor]) },
      { email: demoUsers.councilMember, targets: [] },
      { email: demoUsers.viewer, targets: [] },
    ]
    const sessions: Session[] = []
    for (let i = 0; i < SESSIONS; i++) {
      const role = roles[i % roles.length]!
      sessions.push({ browser: new Browser(server.baseUrl, await signInAs(role.email)), targets: role.targets })
    }

    const latencies: number[] = []
    const counts = new Map<string, number>()
    const unexpected: string[] = []
    let serverErrors = 0
    let networkErrors = 0
    let sequence = 0
    const record = (what: string, answer: Answer, expected: (status: number) => boolean) => {
      latencies.push(answer.ms)
      const key = `${what} ${answer.status}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
      if (answer.status >= 500) serverErrors++
      if (!expected(answer.status) && unexpected.length < 20) {
        unexpected.push(`${what}: HTTP ${answer.status} ${answer.body.slice(0, 200)}`)
      }
      return answer
    }
    const ok = (status: number) => status === 200
    const savedOrConflict = (status: number) => isRedirect(status) || status === 409

    const read = async (browser: Browser) => {
      const kind = Math.floor(Math.random() * 4)
      if (kind === 0) record('directory', await browser.get(`/katalog?q=${encodeURIComponent(pick(searchTerms))}`), ok)
      else if (kind === 1) record('organisation', await browser.get(`/organisationer/${pick(organisations).id}`), ok)
      else if (kind === 2) record('map', await browser.get(pick(mapPaths)), ok)
      else record('meetings', await browser.get('/moten'), ok)
    }
    const write = async (writer: Session) => {
      const { organisation, routeId } = pick(writer.targets)
      const n = ++sequence
      const kind = Math.floor(Math.random() * 3)
      if (kind === 0) {
        const form = record(
          'organisation form',
          await writer.browser.get(`/organisationer/${organisation.id}/redigera`),
          ok,
        )
        if (form.status !== 200) return
        const saved = await writer.browser.post(`/organisationer/${organisation.id}/redigera`, {
          name: organisation.name,
          kind: organisation.kind,
          description: `Beskrivning skriven under last nr ${n}.`,
          version: formVersion(form.body),
        })
        record('organisation save', saved, savedOrConflict)
      } else if (kind === 1) {
        const path = `/organisationer/${organisation.id}/kontaktvagar/${routeId}`
        const form = record('contact route form', await writer.browser.get(path), ok)
        if (form.status !== 200) return
        const email = `last-${organisation.id.slice(0, 8)}@example.org`
        const saved = await writer.browser.post(path, {
          ...contactRouteFields(email, `Ändrad under last nr ${n}`),
          version: formVersion(form.body),
        })
        record('contact route save', saved, savedOrConflict)
      } else {
        const created = await writer.browser.post(
          `/organisationer/${organisation.id}/kontaktvagar/ny`,
          newContactRouteFields(`ny-${n}@example.org`, `Skapad under last nr ${n}`),
        )
        record('contact route create', created, isRedirect)
      }
    }

    // Every page once before the clock starts: the first request to a route loads its module.
    for (const path of ['/moten', '/katalog?q=vatten', `/organisationer/${bostader.id}`, ...mapPaths]) {
      await setupBrowser.get(path)
    }

    const started = Date.now()
    await runFor(LOAD_MS, SESSIONS, async (worker) => {
      const session = sessions[worker]!
      try {
        if (session.targets.length > 0 && Math.random() < WRITE_SHARE) await write(session)
        else await read(session.browser)
      } catch (error) {
        networkErrors++
        if (unexpected.length < 20)
          unexpected.push(`network: ${error instanceof Error ? error.message : String(error)}`)
      }
    })
    const seconds = (Date.now() - started) / 1000

    const p50 = percentile(latencies, 50)
    const p99 = percentile(latencies, 99)
    console.log(
      `Load: ${latencies.length} requests in ${seconds.toFixed(1)} s (${(latencies.length / seconds).toFixed(0)}/s) from ${SESSIONS} sessions\n` +
        [...counts.entries()]
          .sort()
          .map(([key, n]) => `  ${key}: ${n}`)
          .join('\n'),
    )
    console.log(`RELIABILITY load_p50_ms ${p50.toFixed(1)}`)
    console.log(`RELIABILITY load_p99_ms ${p99.toFixed(1)}`)

    expect(server.alive()).toBe(true)
    expect(networkErrors, unexpected.join('\n')).toBe(0)
    expect(serverErrors, unexpected.join('\n')).toBe(0)
    expect(unexpected).toEqual([])
    expect(Number.isFinite(p99)).toBe(true)
    // Reads and writes both happened, and some writes were saved.
    expect(latencies.length).toBeGreaterThan(SESSIONS)
    expect([...counts.keys()].some((key) => /^contact route create 30[23]$/.test(key))).toBe(true)
    expect(server.errorLines()).toEqual([])
  })
})
