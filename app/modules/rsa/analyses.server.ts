import { and, asc, desc, eq, inArray, max, or, sql } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { networkMembers, networks } from '~/db/schema/registry'
import {
  rsaAnalyses,
  rsaEvents,
  rsaParticipants,
  type ProtectedValue,
  type RsaAnalysis,
  type RsaEvent,
  type RsaNarrative,
  type ScaleStep,
} from '~/db/schema/rsa'
import { diffFields, type AuditChanges, type AuditInput } from '~/modules/audit/audit.server'
import type { AuditActionOf, AuditFieldOf } from '~/modules/audit/vocabulary'
import { isCoordinator, type Actor } from '~/modules/auth/permissions'
import { createAudited, deleteVersioned, updateVersioned } from '~/modules/records/versioned.server'
import { defaultEvents, defaultScales } from './defaults'

const analysisFields = [
  'title',
  'periodStart',
  'periodEnd',
  'likelihoodScale',
  'consequenceScale',
  'capabilityScale',
  'protectedValues',
  'narrative',
  'resultsSharedAt',
] as const

/** The analyses the actor's organisations take part in (or own); all of them for the coordinator. */
export async function listAnalyses(db: Executor, actor: Actor) {
  const own = [...new Set(actor.memberships.map((m) => m.organisationId))]
  const visible = isCoordinator(actor)
    ? undefined
    : own.length === 0
      ? sql`false`
      : or(
          inArray(rsaAnalyses.organisationId, own),
          inArray(
            rsaAnalyses.id,
            db
              .select({ id: rsaParticipants.analysisId })
              .from(rsaParticipants)
              .where(inArray(rsaParticipants.organisationId, own)),
          ),
        )
  return db
    .select({
      id: rsaAnalyses.id,
      title: rsaAnalyses.title,
      periodStart: rsaAnalyses.periodStart,
      periodEnd: rsaAnalyses.periodEnd,
      resultsSharedAt: rsaAnalyses.resultsSharedAt,
      participants: sql<number>`(select count(*)::int from ${rsaParticipants} where ${rsaParticipants.analysisId} = ${rsaAnalyses.id})`,
    })
    .from(rsaAnalyses)
    .where(visible)
    .orderBy(desc(rsaAnalyses.periodStart), asc(rsaAnalyses.title))
}

/** Every organisation, and every network with its members, to choose participants from. */
/** The networks whose members the participants' picker adds at once; organisations are searched, never listed whole. */
export async function participantOptions(db: Executor) {
  const allNetworks = await db
    .select({ id: networks.id, name: networks.name })
    .from(networks)
    .orderBy(asc(networks.name))
  return { networks: allNetworks }
}

async function withNetworkMembers(
  tx: Executor,
  organisationIds: string[],
  networkId: string | null,
): Promise<string[]> {
  if (!networkId) return organisationIds
  const members = await tx
    .select({ organisationId: networkMembers.organisationId })
    .from(networkMembers)
    .where(eq(networkMembers.networkId, networkId))
  return [...new Set([...organisationIds, ...members.map((row) => row.organisationId)])]
}

export async function createAnalysis(
  db: Database,
  input: {
    actorId: string
    organisationId: string
    title: string
    periodStart: number
    periodEnd: number
    organisationIds: string[]
    networkId: string | null
  },
): Promise<RsaAnalysis> {
  return createAudited(db, {
    write: async (tx) => {
      const [analysis] = await tx
        .insert(rsaAnalyses)
        .values({
          title: input.title,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          organisationId: input.organisationId,
          createdBy: input.actorId,
          ...defaultScales(),
        })
        .returning()
      await tx
        .insert(rsaEvents)
        .values(defaultEvents.map((event, position) => ({ ...event, position, analysisId: analysis!.id })))
      const participants = await withNetworkMembers(tx, input.organisationIds, input.networkId)
      if (participants.length > 0) {
        await tx
          .insert(rsaParticipants)
          .values(participants.map((organisationId) => ({ analysisId: analysis!.id, organisationId })))
      }
      return analysis!
    },
    audit: (created) => ({
      userId: input.actorId,
      organisationId: created.organisationId,
      entity: 'rsa_analysis',
      entityId: created.id,
      action: 'create',
      changes: diffFields(null, created, ['title', 'periodStart', 'periodEnd']),
    }),
  })
}

const lockAnalysis = async (tx: Transaction, id: string) =>
  (await tx.select().from(rsaAnalyses).where(eq(rsaAnalyses.id, id)).for('update'))[0]

/** Changes the analysis's own columns under its version, audited. */
function updateAnalysis(
  db: Database,
  input: { actorId: string; id: string; version: number; action?: AuditActionOf<'rsa_analysis'> },
  values: (before: RsaAnalysis) => Partial<typeof rsaAnalyses.$inferInsert>,
  extra?: (tx: Transaction, before: RsaAnalysis) => Promise<AuditChanges<AuditFieldOf<'rsa_analysis'>>>,
) {
  let extraChanges: AuditChanges<AuditFieldOf<'rsa_analysis'>> = {}
  return updateVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => lockAnalysis(tx, input.id),
    write: async (tx, before) => {
      if (extra) extraChanges = await extra(tx, before)
      return (
        await tx
          .update(rsaAnalyses)
          .set({ ...values(before), updatedAt: new Date(), version: sql`${rsaAnalyses.version} + 1` })
          .where(eq(rsaAnalyses.id, input.id))
          .returning()
      )[0]!
    },
    audit: (before, after) => ({
      userId: input.actorId,
      organisationId: after.organisationId,
      entity: 'rsa_analysis',
      entityId: input.id,
      action: input.action ?? 'update',
      changes: { ...diffFields(before, after, analysisFields), ...extraChanges },
    }),
  })
}

export function updateSettings(
  db: Database,
  input: {
    actorId: string
    id: string
    version: number
    title: string
    periodStart: number
    periodEnd: number
    likelihoodScale: ScaleStep[]
    consequenceScale: ScaleStep[]
    capabilityScale: ScaleStep[]
    protectedValues: ProtectedValue[]
  },
) {
  const { actorId, id, version, ...values } = input
  return updateAnalysis(db, { actorId, id, version }, () => values)
}

export function updateNarrative(
  db: Database,
  input: { actorId: string; id: string; version: number; narrative: RsaNarrative },
) {
  return updateAnalysis(db, input, () => ({ narrative: input.narrative }))
}

/** Shares the compiled results with the participants, or takes them back. */
export function setResultsShared(
  db: Database,
  input: { actorId: string; id: string; version: number; shared: boolean },
) {
  return updateAnalysis(db, { ...input, action: input.shared ? 'share' : 'unshare' }, (before) => ({
    resultsSharedAt: input.shared ? (before.resultsSharedAt ?? new Date()) : null,
  }))
}

/**
 * Replaces the participants (plus a whole network's members, if one is
 * chosen). Answers of an organisation that leaves are kept but no longer
 * counted, so taking it back in restores them.
 */
export function setParticipants(
  db: Database,
  input: { actorId: string; id: string; version: number; organisationIds: string[]; networkId: string | null },
) {
  return updateAnalysis(
    db,
    input,
    () => ({}),
    async (tx) => {
      const before = (
        await tx
          .select({ organisationId: rsaParticipants.organisationId })
          .from(rsaParticipants)
          .where(eq(rsaParticipants.analysisId, input.id))
      ).map((row) => row.organisationId)
      const after = await withNetworkMembers(tx, input.organisationIds, input.networkId)
      await tx.delete(rsaParticipants).where(eq(rsaParticipants.analysisId, input.id))
      if (after.length > 0)
        await tx
          .insert(rsaParticipants)
          .values(after.map((organisationId) => ({ analysisId: input.id, organisationId })))
      return { participants: { before: [...before].sort(), after: [...after].sort() } }
    },
  )
}

export function listEvents(db: Executor, analysisId: string): Promise<RsaEvent[]> {
  return db
    .select()
    .from(rsaEvents)
    .where(eq(rsaEvents.analysisId, analysisId))
    .orderBy(asc(rsaEvents.position), asc(rsaEvents.createdAt))
}

export async function listParticipants(db: Executor, analysisId: string) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      description: organisations.description,
    })
    .from(rsaParticipants)
    .innerJoin(organisations, eq(organisations.id, rsaParticipants.organisationId))
    .where(eq(rsaParticipants.analysisId, analysisId))
    .orderBy(asc(organisations.name))
}

const eventAudit = (
  actorId: string,
  organisationId: string,
  action: AuditActionOf<'rsa_event'>,
  event: RsaEvent,
  changes: AuditChanges<AuditFieldOf<'rsa_event'>>,
): AuditInput => ({
  userId: actorId,
  organisationId,
  entity: 'rsa_event',
  entityId: event.id,
  action,
  changes,
})

export function addEvent(
  db: Database,
  input: { actorId: string; analysis: Pick<RsaAnalysis, 'id' | 'organisationId'>; title: string; description: string },
) {
  return createAudited(db, {
    write: async (tx) => {
      const [last] = await tx
        .select({ position: max(rsaEvents.position) })
        .from(rsaEvents)
        .where(eq(rsaEvents.analysisId, input.analysis.id))
      return (
        await tx
          .insert(rsaEvents)
          .values({
            analysisId: input.analysis.id,
            title: input.title,
            description: input.description,
            position: (last?.position ?? -1) + 1,
          })
          .returning()
      )[0]!
    },
    audit: (created) =>
      eventAudit(
        input.actorId,
        input.analysis.organisationId,
        'create',
        created,
        diffFields(null, created, ['title', 'description']),
      ),
  })
}

const lockEvent = async (tx: Transaction, analysisId: string, id: string) =>
  (
    await tx
      .select()
      .from(rsaEvents)
      .where(and(eq(rsaEvents.id, id), eq(rsaEvents.analysisId, analysisId)))
      .for('update')
  )[0]

export function renameEvent(
  db: Database,
  input: {
    actorId: string
    analysis: Pick<RsaAnalysis, 'id' | 'organisationId'>
    id: string
    version: number
    title: string
    description: string
  },
) {
  return updateVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => lockEvent(tx, input.analysis.id, input.id),
    write: async (tx) =>
      (
        await tx
          .update(rsaEvents)
          .set({
            title: input.title,
            description: input.description,
            updatedAt: new Date(),
            version: sql`${rsaEvents.version} + 1`,
          })
          .where(eq(rsaEvents.id, input.id))
          .returning()
      )[0]!,
    audit: (before, after) =>
      eventAudit(
        input.actorId,
        input.analysis.organisationId,
        'update',
        after,
        diffFields(before, after, ['title', 'description']),
      ),
  })
}

/** Moves an event one place up or down, swapping it with its neighbour. */
export function moveEvent(
  db: Database,
  input: {
    actorId: string
    analysis: Pick<RsaAnalysis, 'id' | 'organisationId'>
    id: string
    version: number
    direction: 'up' | 'down'
  },
) {
  return updateVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => lockEvent(tx, input.analysis.id, input.id),
    write: async (tx, before) => {
      const all = await tx
        .select()
        .from(rsaEvents)
        .where(eq(rsaEvents.analysisId, input.analysis.id))
        .orderBy(asc(rsaEvents.position), asc(rsaEvents.createdAt))
        .for('update')
      const index = all.findIndex((event) => event.id === before.id)
      const target = input.direction === 'up' ? index - 1 : index + 1
      if (target < 0 || target >= all.length) return before
      const reordered = [...all]
      ;[reordered[index], reordered[target]] = [reordered[target]!, reordered[index]!]
      // Positions are renumbered 0 … n-1, which also mends gaps and ties left by removals.
      let moved = before
      for (const [position, event] of reordered.entries()) {
        if (event.position === position && event.id !== before.id) continue
        const [row] = await tx
          .update(rsaEvents)
          .set({
            position,
            ...(event.id === before.id ? { updatedAt: new Date(), version: sql`${rsaEvents.version} + 1` } : {}),
          })
          .where(eq(rsaEvents.id, event.id))
          .returning()
        if (event.id === before.id) moved = row!
      }
      return moved
    },
    audit: (before, after) =>
      eventAudit(input.actorId, input.analysis.organisationId, 'move', after, diffFields(before, after, ['position'])),
  })
}

/** Removes an event and, with it, every answer to it. */
export function removeEvent(
  db: Database,
  input: { actorId: string; analysis: Pick<RsaAnalysis, 'id' | 'organisationId'>; id: string; version: number },
) {
  return deleteVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => lockEvent(tx, input.analysis.id, input.id),
    remove: async (tx) => {
      await tx.delete(rsaEvents).where(eq(rsaEvents.id, input.id))
    },
    audit: (before) =>
      eventAudit(
        input.actorId,
        input.analysis.organisationId,
        'delete',
        before,
        diffFields(before, null, ['title', 'description']),
      ),
  })
}

export async function getOrganisationName(db: Executor, id: string): Promise<string> {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id))
  return row?.name ?? ''
}
