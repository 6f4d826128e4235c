import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { networks } from '~/db/schema/registry'
import { scenarios } from '~/db/schema/scenarios'
import { memberships, users } from '~/db/schema/users'

export interface MeetingFormOptions {
  networks: { id: string; name: string }[]
  organisations: { id: string; name: string }[]
  people: { id: string; name: string; organisationName: string }[]
  scenarios: { id: string; name: string }[]
}

/** What the meeting form offers: networks, organisations, people who receive invitations, and shared scenarios. */
export async function meetingFormOptions(db: Executor): Promise<MeetingFormOptions> {
  const [networkRows, organisationRows, peopleRows, scenarioRows] = await Promise.all([
    db.select({ id: networks.id, name: networks.name }).from(networks).orderBy(asc(networks.name)),
    db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.name)),
    db
      .selectDistinctOn([users.id], { id: users.id, name: users.name, organisationName: organisations.name })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(
        and(
          eq(users.active, true),
          inArray(memberships.role, ['coordinator', 'duty_officer', 'partner_editor', 'council_member', 'viewer']),
        ),
      )
      .orderBy(asc(users.id), asc(organisations.name)),
    db
      .select({ id: scenarios.id, name: scenarios.name })
      .from(scenarios)
      .where(eq(scenarios.state, 'shared'))
      .orderBy(asc(scenarios.name)),
  ])
  const collator = new Intl.Collator('sv')
  return {
    networks: networkRows,
    organisations: organisationRows,
    people: peopleRows.sort((a, b) => collator.compare(a.name, b.name)),
    scenarios: scenarioRows,
  }
}
