import { and, asc, count, eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { networkMembers, networks, type Network } from '~/db/schema/registry'
import { diffFields, recordAudit } from '~/modules/audit/audit.server'
import { createAudited, updateVersioned } from '~/modules/records/versioned.server'

export interface NetworkFields {
  name: string
  description: string
  coordinatorOrganisationId: string | null
}

const auditedFields = ['name', 'description', 'coordinatorOrganisationId'] as const

export function listNetworks(db: Executor) {
  return db
    .select({
      id: networks.id,
      name: networks.name,
      description: networks.description,
      members: count(networkMembers.organisationId),
    })
    .from(networks)
    .leftJoin(networkMembers, eq(networkMembers.networkId, networks.id))
    .groupBy(networks.id)
    .orderBy(asc(networks.name))
}

export async function getNetwork(db: Executor, id: string): Promise<Network | null> {
  const [row] = await db.select().from(networks).where(eq(networks.id, id))
  return row ?? null
}

export function listNetworkMembers(db: Executor, networkId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(networkMembers)
    .innerJoin(organisations, eq(organisations.id, networkMembers.organisationId))
    .where(eq(networkMembers.networkId, networkId))
    .orderBy(asc(organisations.name))
}

/** The networks an organisation takes part in. */
export function listNetworksOf(db: Executor, organisationId: string) {
  return db
    .select({ id: networks.id, name: networks.name })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .where(eq(networkMembers.organisationId, organisationId))
    .orderBy(asc(networks.name))
}

export function createNetwork(db: Database, input: { actorId: string | null } & NetworkFields) {
  const { actorId, ...values } = input
  return createAudited(db, {
    write: async (tx) => (await tx.insert(networks).values(values).returning())[0]!,
    audit: (created) => ({
      userId: actorId,
      organisationId: created.coordinatorOrganisationId,
      entity: 'network',
      entityId: created.id,
      action: 'create',
      changes: diffFields(null, created, auditedFields),
    }),
  })
}

export function updateNetwork(db: Database, input: { actorId: string; id: string; version: number } & NetworkFields) {
  const { actorId, id, version, ...values } = input
  return updateVersioned(db, {
    expectedVersion: version,
    load: async (tx) => (await tx.select().from(networks).where(eq(networks.id, id)).for('update'))[0],
    write: async (tx) =>
      (
        await tx
          .update(networks)
          .set({ ...values, updatedAt: new Date(), version: sql`${networks.version} + 1` })
          .where(eq(networks.id, id))
          .returning()
      )[0]!,
    audit: (before, after) => ({
      userId: actorId,
      organisationId: after.coordinatorOrganisationId,
      entity: 'network',
      entityId: id,
      action: 'update',
      changes: diffFields(before, after, auditedFields),
    }),
  })
}

/** Adds or removes one member; adding twice or removing a non-member changes nothing. */
export async function setNetworkMember(
  db: Database,
  input: { actorId: string | null; networkId: string; organisationId: string; member: boolean },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = input.member
      ? await tx
          .insert(networkMembers)
          .values({ networkId: input.networkId, organisationId: input.organisationId })
          .onConflictDoNothing()
          .returning()
      : await tx
          .delete(networkMembers)
          .where(and(eq(networkMembers.networkId, input.networkId), eq(networkMembers.organisationId, input.organisationId)))
          .returning()
    if (changed.length === 0) return false
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: input.organisationId,
      entity: 'network_member',
      entityId: `${input.networkId}:${input.organisationId}`,
      action: input.member ? 'create' : 'delete',
      changes: { networkId: { before: input.member ? null : input.networkId, after: input.member ? input.networkId : null } },
    })
    return true
  })
}
