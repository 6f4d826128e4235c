import { and, eq, inArray, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '~/db/client.server'
import { auditLog } from '~/db/schema/audit'
import { outbox } from '~/db/schema/mail'
import { mandateReminders } from '~/db/schema/mandate'
import { memberships, users } from '~/db/schema/users'
import { addDays } from '~/modules/council/weekly'
import { stockholmToday } from '~/modules/mandate/deliverable-state'
import { makeOrganisation, makeUser } from '../support/factories'
import { makeDeliverable, makePeriod } from '../support/mandate-deliverables'
import { createScratchDatabase, startPortal, type PortalServer, type ScratchDatabase } from '../support/portal-server'

// The "done when": a reminder mail for a deliverable due in 7 days
// lands in the outbox exactly once even with two app processes running. Two
// production servers on one PostgreSQL run the reminder job every 300 ms;
// the deliverables appear while both run, and after many more runs each
// recipient has exactly one mail per deliverable.

const DEMO_PASSWORD = 'reliability-demo-lösenord-2026'
const INTERVAL_MS = 300
const ARRIVAL_LIMIT_MS = 20_000

describe('mandate reminders with two app processes on one PostgreSQL', () => {
  let database: ScratchDatabase
  let handle: DatabaseHandle
  const servers: PortalServer[] = []

  beforeAll(async () => {
    database = await createScratchDatabase(inject('adminUrl'), 'rel_remind')
    const start = () =>
      startPortal({
        dir: inject('portalDir'),
        databaseUrl: database.url,
        demoPassword: DEMO_PASSWORD,
        env: { MANDATE_REMINDER_INTERVAL_MS: String(INTERVAL_MS) },
      })
    // The second after the first has migrated and seeded the database.
    servers.push(await start())
    servers.push(await start())
    handle = await openDatabase({ driver: 'postgres', url: database.url, maxConnections: 4 })
  })

  afterAll(async () => {
    for (const server of servers) await server.stop()
    await handle?.close()
    await database?.drop()
  })

  it('mails each recipient once per deliverable, and records each reminder once', async () => {
    const db = handle.db
    const today = stockholmToday()
    const municipality = await makeOrganisation(db, { kind: 'municipality' })
    const owner = await makeUser(db, { role: 'partner_editor', email: 'agare.paminnelse@example.org' })
    const period = await makePeriod(db, { title: 'Mandatperiod för påminnelsetest', organisationId: municipality.id })
    const marker = `Påminnelsetest ${crypto.randomUUID().slice(0, 8)}`
    const deliverables = []
    // Several at once, so that both processes are at the job together.
    for (const days of [7, 6, 5, 3, 0]) {
      deliverables.push(
        await makeDeliverable(db, {
          periodId: period.id,
          title: `${marker} – ${days} dagar`,
          dueDate: addDays(today, days),
          ownerUserId: owner.id,
        }),
      )
    }
    const coordinators = await db
      .selectDistinct({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.role, 'coordinator'), eq(users.active, true)))
    const recipients = [...new Set([owner.email, ...coordinators.map((row) => row.email)].map((a) => a.toLowerCase()))]
    expect(recipients.length).toBeGreaterThan(1)
    const expected = deliverables.length * recipients.length

    const ourMails = () =>
      db
        .select()
        .from(outbox)
        .where(like(outbox.subject, `%${marker}%`))
    const deadline = Date.now() + ARRIVAL_LIMIT_MS
    while ((await ourMails()).length < expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    // Many more runs of both processes' jobs.
    await new Promise((resolve) => setTimeout(resolve, 10 * INTERVAL_MS))

    const mails = await ourMails()
    for (const deliverable of deliverables) {
      const to = mails.filter((mail) => mail.subject.includes(deliverable.title)).map((mail) => mail.to)
      expect(to.sort(), deliverable.title).toEqual([...recipients].sort())
    }
    expect(mails).toHaveLength(expected)
    const rows = await db
      .select()
      .from(mandateReminders)
      .where(
        inArray(
          mandateReminders.deliverableId,
          deliverables.map((deliverable) => deliverable.id),
        ),
      )
    expect(rows.map((row) => row.daysBefore)).toEqual(deliverables.map(() => 7))
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'mandate_deliverable'), eq(auditLog.entityId, period.id)))
    expect(audits.map((audit) => audit.action)).toEqual(deliverables.map(() => 'remind'))
    for (const server of servers) {
      expect(server.alive()).toBe(true)
      expect(server.errorLines()).toEqual([])
    }
  })
})
