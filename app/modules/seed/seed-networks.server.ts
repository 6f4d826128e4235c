import type { Transaction } from '~/db/client.server'
import { networkMembers, networks } from '~/db/schema/registry'
import { demoNetworks } from './demo-networks'

export async function insertDemoNetworks(tx: Transaction, organisationIds: Map<string, string>): Promise<void> {
  for (const demo of demoNetworks) {
    const [network] = await tx
      .insert(networks)
      .values({
        name: demo.name,
        description: demo.description,
        coordinatorOrganisationId: organisationIds.get(demo.coordinator) ?? null,
      })
      .returning({ id: networks.id })
    await tx
      .insert(networkMembers)
      .values(demo.members.map((key) => ({ networkId: network!.id, organisationId: organisationIds.get(key)! })))
  }
}
