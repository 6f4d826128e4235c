import { asc, eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { criticalServices, sites } from '~/db/schema/registry'

/** More than this many services or sites is no list to pick from: only resources and organisations are offered. */
export const MAX_PICKABLE = 1000

export interface ScenarioFormOptions {
  organisations: { id: string; name: string }[]
  services: { id: string; name: string; organisationName: string }[]
  sites: { id: string; name: string; organisationName: string }[]
}

/** What the builder offers to pick: organisations, and services and sites while the lists stay short. */
export async function scenarioFormOptions(db: Executor): Promise<ScenarioFormOptions> {
  const [organisationRows, serviceRows, siteRows] = await Promise.all([
    db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.name)),
    db
      .select({ id: criticalServices.id, name: criticalServices.name, organisationName: organisations.name })
      .from(criticalServices)
      .innerJoin(organisations, eq(organisations.id, criticalServices.organisationId))
      .orderBy(asc(organisations.name), asc(criticalServices.name))
      .limit(MAX_PICKABLE + 1),
    db
      .select({ id: sites.id, name: sites.name, organisationName: organisations.name })
      .from(sites)
      .innerJoin(organisations, eq(organisations.id, sites.organisationId))
      .orderBy(asc(organisations.name), asc(sites.name))
      .limit(MAX_PICKABLE + 1),
  ])
  return {
    organisations: organisationRows,
    services: serviceRows.length > MAX_PICKABLE ? [] : serviceRows,
    sites: siteRows.length > MAX_PICKABLE ? [] : siteRows,
  }
}
