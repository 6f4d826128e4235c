import { asc } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { networks } from '~/db/schema/registry'

export interface EventFormOptions {
  networks: { id: string; name: string }[]
}

/**
 * What the declare and lead forms offer in a list: the networks. Organisations
 * and sites are searched for in the picker (picker.server.ts).
 */
export async function eventFormOptions(db: Executor): Promise<EventFormOptions> {
  const networkRows = await db
    .select({ id: networks.id, name: networks.name })
    .from(networks)
    .orderBy(asc(networks.name))
  return { networks: networkRows }
}
