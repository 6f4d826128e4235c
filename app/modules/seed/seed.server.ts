import { count, eq } from 'drizzle-orm'
import type { Database, Transaction } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { memberships, users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import { hashPassword } from '~/modules/auth/password.server'
import { generateToken } from '~/modules/auth/tokens.server'
import { stockholmToday } from '~/modules/mandate/deliverable-state'
import { insertDemoContacts } from './demo-contacts'
import { insertDemoCouncil } from './demo-council'
import { insertDemoExercise } from './demo-events'
import { insertDemoGrantEntries } from './demo-grant'
import { insertDemoMandatePeriod } from './demo-mandate'
import { insertDemoTraining } from './demo-training'
import { insertDemoMeetings } from './demo-meetings'
import { demoOrganisations, demoUsers } from './demo-network'
import { seedDemoRegistry } from './demo-registry'
import { insertDemoNetworks } from './seed-networks.server'

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [organisationCount] = await db.select({ n: count() }).from(organisations)
  const [userCount] = await db.select({ n: count() }).from(users)
  return organisationCount!.n + userCount!.n === 0
}

export type SeedResult =
  | { seeded: false; reason: 'notEmpty' }
  | { seeded: true; coordinatorEmail: string; password: string; organisations: number; users: number }

/**
 * Loads the demo network. Refuses a database that already holds data unless
 * `force` is set, so a real installation is never mixed with demo data.
 */
export async function seedDemo(
  db: Database,
  options: { password?: string; force?: boolean } = {},
): Promise<SeedResult> {
  if (!options.force && !(await isDatabaseEmpty(db))) return { seeded: false, reason: 'notEmpty' }
  const password = options.password ?? generateToken().slice(0, 16)
  const passwordHash = await hashPassword(password)
  await db.transaction(async (tx) => {
    const ids = new Map<string, string>()
    for (const organisation of demoOrganisations) {
      const [row] = await tx
        .insert(organisations)
        .values({ name: organisation.name, kind: organisation.kind, description: organisation.description })
        .returning({ id: organisations.id })
      ids.set(organisation.key, row!.id)
    }
    for (const demo of demoUsers) {
      const [user] = await tx
        .insert(users)
        .values({ email: demo.email, name: demo.name, passwordHash })
        .returning({ id: users.id })
      await tx
        .insert(memberships)
        .values({ userId: user!.id, organisationId: ids.get(demo.organisation)!, role: demo.role })
    }
    await insertDemoNetworks(tx, ids)
    await insertDemoContacts(tx, ids)
    await seedDemoRegistry(tx, ids)
    await insertDemoMeetings(tx, ids)
    await insertDemoCouncil(tx, ids)
    await insertDemoExercise(tx, ids)
    await insertDemoMandate(tx, ids)
    await recordAudit(tx, {
      userId: null,
      organisationId: null,
      entity: 'seed',
      entityId: 'demo',
      action: 'create',
      changes: {
        organisations: { before: 0, after: demoOrganisations.length },
        users: { before: 0, after: demoUsers.length },
      },
    })
  })
  return {
    seeded: true,
    coordinatorEmail: demoUsers.find((u) => u.role === 'coordinator')!.email,
    password,
    organisations: demoOrganisations.length,
    users: demoUsers.length,
  }
}

/** The mandate period running today, with its training plan and grant entries. */
async function insertDemoMandate(tx: Transaction, ids: Map<string, string>): Promise<void> {
  const coordinator = demoUsers.find((user) => user.role === 'coordinator')!
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, coordinator.email))
  const coordinatorId = row!.id
  const now = new Date()
  const { periodId } = await insertDemoMandatePeriod(tx, {
    coordinatorId,
    coordinatorOrganisationId: ids.get(coordinator.organisation)!,
    today: now,
  })
  await insertDemoTraining(tx, { periodId, coordinatorId, today: stockholmToday(now) })
  await insertDemoGrantEntries(tx, { periodId, coordinatorId }, now)
}
