import { and, count, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '~/db/schema/audit'
import { organisations } from '~/db/schema/organisations'
import { contactRoutes } from '~/db/schema/registry'
import {
  Browser,
  contactRouteFields,
  demoUsers,
  formVersion,
  isRedirect,
  listOrganisationRefs,
  newContactRouteFields,
  openPortal,
  pick,
  signIn,
  type Portal,
} from './harness'

const WRITERS = 20
const LOAD_BEFORE_KILL_MS = 6_000

describe('the server killed (kill -9) in the middle of writes', () => {
  let portal: Portal

  beforeAll(async () => {
    portal = await openPortal('rel_crash')
  })
  afterAll(async () => {
    await portal?.close()
  })

  it('keeps every write it had acknowledged', async () => {
    const { db } = portal
    const targets = (await listOrganisationRefs(db)).slice(0, 5)
    const browsers: Browser[] = []
    for (let i = 0; i < WRITERS; i++)
      browsers.push(new Browser(portal.server.baseUrl, await signIn(db, demoUsers.coordinator)))

    // What the server said it saved: created contact routes (by address) and organisation descriptions.
    const acknowledgedRoutes: string[] = []
    const acknowledgedDescriptions: string[] = []
    let unanswered = 0
    let sequence = 0
    let killed = false

    const writeLoop = async (browser: Browser) => {
      while (!killed) {
        const n = ++sequence
        const organisation = pick(targets)
        try {
          if (n % 2 === 0) {
            const email = `krasch-${n}@example.org`
            const answer = await browser.post(
              `/organisationer/${organisation.id}/kontaktvagar/ny`,
              newContactRouteFields(email),
            )
            if (isRedirect(answer.status)) acknowledgedRoutes.push(email)
            else expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500)
          } else {
            const form = await browser.get(`/organisationer/${organisation.id}/redigera`)
            expect(form.status).toBe(200)
            const description = `Sparad före kraschen, nr ${n}`
            const answer = await browser.post(`/organisationer/${organisation.id}/redigera`, {
              name: organisation.name,
              kind: organisation.kind,
              description,
              version: formVersion(form.body),
            })
            if (isRedirect(answer.status)) acknowledgedDescriptions.push(description)
            else expect(answer.status).toBe(409)
          }
        } catch (error) {
          // The requests in flight when the process died get no answer: they were never acknowledged.
          if (!killed) throw error
          unanswered++
        }
      }
    }

    const loops = browsers.map((browser) => writeLoop(browser))
    await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_KILL_MS))
    killed = true
    await portal.server.kill()
    await Promise.all(loops)
    console.log(
      `Crash: ${acknowledgedRoutes.length} contact routes and ${acknowledgedDescriptions.length} descriptions acknowledged before kill -9, ${unanswered} requests cut off`,
    )
    expect(acknowledgedRoutes.length).toBeGreaterThan(0)
    expect(acknowledgedDescriptions.length).toBeGreaterThan(0)

    const server = await portal.restart()

    const stored = await db
      .select({ value: contactRoutes.value })
      .from(contactRoutes)
      .where(inArray(contactRoutes.value, acknowledgedRoutes))
    expect(new Set(stored.map((row) => row.value))).toEqual(new Set(acknowledgedRoutes))
    // A description may since have been saved over; its audit entry, written in the same transaction, stays.
    const audited = await db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'organisation'), eq(auditLog.action, 'update')))
    const auditedDescriptions = new Set(audited.map((row) => row.changes.description?.after))
    expect(acknowledgedDescriptions.filter((description) => !auditedDescriptions.has(description))).toEqual([])
    // And every saved version is accounted for: version 1 plus one per audited update.
    for (const organisation of targets) {
      const [row] = await db
        .select({ version: organisations.version })
        .from(organisations)
        .where(eq(organisations.id, organisation.id))
      const [updates] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entity, 'organisation'),
            eq(auditLog.entityId, organisation.id),
            eq(auditLog.action, 'update'),
          ),
        )
      expect(row!.version).toBe(1 + updates!.n)
    }

    // The new server serves what the old one acknowledged, and takes writes again.
    const browser = new Browser(server.baseUrl, await signIn(db, demoUsers.coordinator))
    const email = acknowledgedRoutes.at(-1)!
    const [route] = await db.select().from(contactRoutes).where(eq(contactRoutes.value, email))
    const page = await browser.get(`/organisationer/${route!.organisationId}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain(email)
    const after = await browser.post(
      `/organisationer/${route!.organisationId}/kontaktvagar/ny`,
      contactRouteFields('efter-krasch@example.org'),
    )
    expect(after.status).toSatisfy(isRedirect)
    expect(server.errorLines()).toEqual([])
  })
})
