import { asc } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { networks } from '~/db/schema/registry'
import { scenarioFormOptions } from '~/modules/scenarios/scenario-options.server'

export interface EventFormOptions {
  networks: { id: string; name: string }[]
  organisations: { id: string; name: string }[]
  /** For the affected area, as a scenario picks them. */
  sites: { id: string; name: string; organisationName: string }[]
}

/** What the declare and lead forms offer: networks, organisations and (for the area) sites. */
export async function eventFormOptions(db: Executor): Promise<EventFormOptions> {
  const [networkRows, scenario] = await Promise.all([
    db.select({ id: networks.id, name: networks.name }).from(networks).orderBy(asc(networks.name)),
    scenarioFormOptions(db),
  ])
  return { networks: networkRows, organisations: scenario.organisations, sites: scenario.sites }
}
