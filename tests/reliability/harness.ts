import { asc, eq } from 'drizzle-orm'
import { inject } from 'vitest'
import { openDatabase, type Database, type DatabaseHandle } from '~/db/client.server'
import { organisations, type OrganisationKind } from '~/db/schema/organisations'
import { users } from '~/db/schema/users'
import { createSession } from '~/modules/auth/sessions.server'
import { createScratchDatabase, startPortal, type PortalServer, type ScratchDatabase } from '../support/portal-server'

// What the reliability tests share: a portal on a scratch database of its own,
// signed-in sessions, and an HTTP client that posts forms the way a browser does.

const DEMO_PASSWORD = 'reliability-demo-lösenord-2026'

/** Demo users the server seeds (app/modules/seed/demo-network.ts). */
export const demoUsers = {
  coordinator: 'karin.ek@example.org',
  partnerEditor: 'per.holm@example.org',
  otherPartnerEditor: 'lena.berg@example.org',
  councilMember: 'maria.sund@example.org',
  viewer: 'erik.dahl@example.org',
} as const

// The server's defaults (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS).
const sessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 }

export interface Portal {
  server: PortalServer
  /** The test's own connection to the portal's database. */
  db: Database
  database: ScratchDatabase
  /** A new server on the same database (after the old one stopped or was killed). */
  restart(): Promise<PortalServer>
  close(): Promise<void>
}

/** A scratch database and a production server on it, seeded with the demo network. */
export async function openPortal(prefix: string): Promise<Portal> {
  const database = await createScratchDatabase(inject('adminUrl'), prefix)
  let handle: DatabaseHandle | undefined
  const start = () => startPortal({ dir: inject('portalDir'), databaseUrl: database.url, demoPassword: DEMO_PASSWORD })
  try {
    const portal: Portal = {
      server: await start(),
      db: undefined as unknown as Database,
      database,
      restart: async () => {
        portal.server = await start()
        return portal.server
      },
      close: async () => {
        await portal.server.stop()
        await handle?.close()
        await database.drop()
      },
    }
    handle = await openDatabase({ driver: 'postgres', url: database.url, maxConnections: 4 })
    portal.db = handle.db
    return portal
  } catch (error) {
    await handle?.close()
    await database.drop()
    throw error
  }
}

/** A session that has passed any second factor, as after a full sign-in; its cookie header. */
export async function signIn(db: Database, email: string): Promise<string> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
  if (!user) throw new Error(`No user ${email} in the demo data`)
  const { token } = await createSession(db, user.id, sessionPolicy, new Date(), { twoFactorVerified: true })
  return `session=${token}`
}

export interface OrganisationRef {
  id: string
  name: string
  kind: OrganisationKind
}

export async function listOrganisationRefs(db: Database): Promise<OrganisationRef[]> {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .orderBy(asc(organisations.name))
}

export async function organisationByName(db: Database, name: string): Promise<OrganisationRef> {
  const found = (await listOrganisationRefs(db)).find((organisation) => organisation.name === name)
  if (!found) throw new Error(`No organisation ${name} in the demo data`)
  return found
}

export interface Answer {
  status: number
  ms: number
  body: string
  location: string | null
}

const REQUEST_TIMEOUT_MS = 60_000

/** One signed-in browser: pages by GET, forms posted urlencoded with the portal's Origin, redirects not followed. */
export class Browser {
  constructor(
    readonly baseUrl: string,
    readonly cookie: string,
  ) {}

  get(path: string): Promise<Answer> {
    return this.request(path, { method: 'GET' })
  }

  post(path: string, fields: Record<string, string>): Promise<Answer> {
    return this.request(path, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.baseUrl },
    })
  }

  private async request(path: string, init: { method: string; body?: string; headers?: Record<string, string> }) {
    const started = performance.now()
    const response = await fetch(new URL(path, this.baseUrl), {
      ...init,
      headers: { accept: 'text/html,application/json', cookie: this.cookie, ...init.headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    const body = await response.text()
    return {
      status: response.status,
      ms: performance.now() - started,
      body,
      location: response.headers.get('location'),
    }
  }
}

export const isRedirect = (status: number) => status === 302 || status === 303

/** The hidden version field of an edit form. */
export function formVersion(html: string): string {
  const match = /name="version" value="(\d+)"/.exec(html)
  if (!match) throw new Error(`No version field in the page:\n${html.slice(0, 500)}`)
  return match[1]!
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/** Runs `workers` loops of `step` until `ms` have passed; each loop awaits its step before the next. */
export async function runFor(ms: number, workers: number, step: (worker: number) => Promise<void>): Promise<void> {
  const deadline = Date.now() + ms
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (Date.now() < deadline) await step(worker)
    }),
  )
}

export const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!

/** The fields of a new contact route; the e-mail address makes it findable afterwards. */
export function contactRouteFields(email: string, label = ''): Record<string, string> {
  return {
    function: 'duty_officer',
    channel: 'email',
    value: email,
    label,
    availability: 'always',
    callOrder: '1',
    visibility: 'network',
  }
}

/** A create form as the browser posts it: with the one-time key its page carried (double-submission guard). */
export function newContactRouteFields(email: string, label = ''): Record<string, string> {
  return { ...contactRouteFields(email, label), submissionKey: crypto.randomUUID() }
}
