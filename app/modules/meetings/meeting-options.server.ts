import { asc, eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { networks } from '~/db/schema/registry'
import { scenarios } from '~/db/schema/scenarios'

export interface MeetingFormOptions {
  networks: { id: string; name: string }[]
  scenarios: { id: string; name: string }[]
}

/**
 * What the meeting form offers in lists: networks and shared scenarios.
 * Organisations and people are searched in the form's pickers, never listed whole.
 */
export async function meetingFormOptions(db: Executor): Promise<MeetingFormOptions> {
  const [networkRows, scenarioRows] = await Promise.all([
    db.select({ id: networks.id, name: networks.name }).from(networks).orderBy(asc(networks.name)),
    db
      .select({ id: scenarios.id, name: scenarios.name })
      .from(scenarios)
      .where(eq(scenarios.state, 'shared'))
      .orderBy(asc(scenarios.name)),
  ])
  return { networks: networkRows, scenarios: scenarioRows }
}
