import { asc, eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { criticalServices } from '~/db/schema/registry'

/** More than this many services is no list to pick from: only resources are offered. */
export const MAX_PICKABLE = 1000

export interface ScenarioFormOptions {
  services: { id: string; name: string; organisationName: string }[]
}

/**
 * What the builder offers in a list: services, while the list stays short.
 * Organisations and sites are searched for in the picker (scope-fields.tsx).
 */
export async function scenarioFormOptions(db: Executor): Promise<ScenarioFormOptions> {
  const serviceRows = await db
    .select({ id: criticalServices.id, name: criticalServices.name, organisationName: organisations.name })
    .from(criticalServices)
    .innerJoin(organisations, eq(organisations.id, criticalServices.organisationId))
    .orderBy(asc(organisations.name), asc(criticalServices.name))
    .limit(MAX_PICKABLE + 1)
  return { services: serviceRows.length > MAX_PICKABLE ? [] : serviceRows }
}
