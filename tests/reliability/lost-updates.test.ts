import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '~/db/schema/audit'
import { organisations } from '~/db/schema/organisations'
import { contactRoutes } from '~/db/schema/registry'
import {
  Browser,
  contactRouteFields,
  demoUsers,
  isRedirect,
  newContactRouteFields,
  openPortal,
  organisationByName,
  signIn,
  type Answer,
  type Portal,
} from './harness'

const CONCURRENT = 20
const ROUNDS = 5

/** How the answers to one round of identical-version saves split. */
function tally(answers: Answer[]) {
  return {
    saved: answers.filter((answer) => isRedirect(answer.status)).length,
    conflicts: answers.filter((answer) => answer.status === 409).length,
    other: answers
      .filter((answer) => !isRedirect(answer.status) && answer.status !== 409)
      .map((answer) => answer.status),
  }
}

async function updateCount(portal: Portal, entity: string, entityId: string): Promise<number> {
  const [row] = await portal.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId), eq(auditLog.action, 'update')))
  return row!.n
}

describe(`${CONCURRENT} people saving the same record over the same version`, () => {
  let portal: Portal
  let browsers: Browser[]

  beforeAll(async () => {
    portal = await openPortal('rel_versions')
    // The coordinator and the organisation's own editor, in separate sessions, as separate people would be.
    browsers = []
    for (let i = 0; i < CONCURRENT; i++) {
      const email = i % 2 === 0 ? demoUsers.coordinator : demoUsers.partnerEditor
      browsers.push(new Browser(portal.server.baseUrl, await signIn(portal.db, email)))
    }
  })
  afterAll(async () => {
    await portal?.close()
  })

  it('lets exactly one save per version through for an organisation, and audits each', async () => {
    const organisation = await organisationByName(portal.db, 'Vårgårda Bostäder AB')
    const read = async () =>
      (await portal.db.select().from(organisations).where(eq(organisations.id, organisation.id)))[0]!
    const start = await read()
    expect(start.version).toBe(1)

    let wins = 0
    const winners: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const version = String(start.version + round)
      const answers = await Promise.all(
        browsers.map((browser, i) =>
          browser.post(`/organisationer/${organisation.id}/redigera`, {
            name: organisation.name,
            kind: organisation.kind,
            description: `Runda ${round}, person ${i}`,
            version,
          }),
        ),
      )
      const { saved, conflicts, other } = tally(answers)
      expect({ round, saved, conflicts, other }).toEqual({ round, saved: 1, conflicts: CONCURRENT - 1, other: [] })
      wins += saved
      winners.push(`Runda ${round}, person ${answers.findIndex((answer) => isRedirect(answer.status))}`)
    }

    const end = await read()
    expect(end.version).toBe(1 + wins)
    expect(end.description).toBe(winners.at(-1))
    expect(await updateCount(portal, 'organisation', organisation.id)).toBe(wins)
  })

  it('does the same for a contact route', async () => {
    const organisation = await organisationByName(portal.db, 'Vårgårda Bostäder AB')
    const email = 'samtidig@example.org'
    const created = await browsers[0]!.post(
      `/organisationer/${organisation.id}/kontaktvagar/ny`,
      newContactRouteFields(email),
    )
    expect(created.status).toSatisfy(isRedirect)
    const [route] = await portal.db.select().from(contactRoutes).where(eq(contactRoutes.value, email))
    expect(route!.version).toBe(1)

    let wins = 0
    for (let round = 0; round < ROUNDS; round++) {
      const answers = await Promise.all(
        browsers.map((browser, i) =>
          browser.post(`/organisationer/${organisation.id}/kontaktvagar/${route!.id}`, {
            ...contactRouteFields(email, `Runda ${round}, person ${i}`),
            version: String(1 + round),
          }),
        ),
      )
      const { saved, conflicts, other } = tally(answers)
      expect({ round, saved, conflicts, other }).toEqual({ round, saved: 1, conflicts: CONCURRENT - 1, other: [] })
      wins += saved
    }

    const [end] = await portal.db.select().from(contactRoutes).where(eq(contactRoutes.id, route!.id))
    expect(end!.version).toBe(1 + wins)
    expect(await updateCount(portal, 'contact_route', route!.id)).toBe(wins)
    expect(portal.server.errorLines()).toEqual([])
  })
})
