import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database, Executor, Transaction } from '~/db/client.server'
import type { CouncilRole } from '~/db/enums'
import { councilMembers } from '~/db/schema/council'
import { organisations } from '~/db/schema/organisations'
import { memberships, users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'

// Who takes part in a council is granted per person (docs/decisions/018-council-membership.md).
// Who may be granted: an active council member or informant (by role) of an
// organisation of the council's network. The role in the council follows
// from that: a council member becomes a member, an informant an informant.

export interface CouncilRef {
  id: string
  organisationIds: readonly string[]
}

/** Writes one grant and its audit entry; a grant already there is left as it is. */
export async function insertCouncilGrant(
  tx: Transaction,
  input: { actorId: string | null; councilId: string; userId: string; role: CouncilRole; now?: Date },
): Promise<boolean> {
  const [granted] = await tx
    .insert(councilMembers)
    .values({
      councilId: input.councilId,
      userId: input.userId,
      role: input.role,
      grantedBy: input.actorId,
      grantedAt: input.now ?? new Date(),
    })
    .onConflictDoNothing()
    .returning()
  if (!granted) return false
  await recordAudit(tx, {
    userId: input.actorId,
    organisationId: null,
    entity: 'council_member',
    entityId: `${input.councilId}:${input.userId}`,
    action: 'create',
    changes: { role: { before: null, after: input.role } },
  })
  return true
}

/** The people and roles the council may still grant, by name. */
export async function grantCandidates(db: Executor, council: CouncilRef) {
  if (council.organisationIds.length === 0) return []
  const rows = await db
    .select({ userId: users.id, name: users.name, role: memberships.role, organisationName: organisations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(councilMembers, and(eq(councilMembers.userId, users.id), eq(councilMembers.councilId, council.id)))
    .where(
      and(
        eq(users.active, true),
        inArray(memberships.role, ['council_member', 'informant']),
        inArray(memberships.organisationId, [...council.organisationIds]),
        isNull(councilMembers.userId),
      ),
    )
    .orderBy(asc(users.name), asc(organisations.name))
  const byUser = new Map<string, { userId: string; name: string; role: CouncilRole; organisations: string[] }>()
  for (const row of rows) {
    const entry = byUser.get(row.userId) ?? { userId: row.userId, name: row.name, role: 'informant', organisations: [] }
    if (row.role === 'council_member') entry.role = 'member'
    entry.organisations.push(row.organisationName)
    byUser.set(row.userId, entry)
  }
  return [...byUser.values()]
}

export type GrantResult = { ok: true; role: CouncilRole } | { ok: false; error: 'notEligible' | 'alreadyGranted' }

/** Grants the council to one of its candidates, in the role their organisation role gives. */
export async function grantCouncilMember(
  db: Database,
  input: { actorId: string; council: CouncilRef; userId: string },
): Promise<GrantResult> {
  return db.transaction(async (tx) => {
    const candidate = (await grantCandidates(tx, input.council)).find((row) => row.userId === input.userId)
    if (!candidate) {
      const [existing] = await tx
        .select({ role: councilMembers.role })
        .from(councilMembers)
        .where(and(eq(councilMembers.councilId, input.council.id), eq(councilMembers.userId, input.userId)))
      return { ok: false as const, error: existing ? ('alreadyGranted' as const) : ('notEligible' as const) }
    }
    const inserted = await insertCouncilGrant(tx, {
      actorId: input.actorId,
      councilId: input.council.id,
      userId: input.userId,
      role: candidate.role,
    })
    return inserted
      ? { ok: true as const, role: candidate.role }
      : { ok: false as const, error: 'alreadyGranted' as const }
  })
}

/** Ends a grant: the person's next request to the council is refused. False when there was none. */
export async function revokeCouncilMember(
  db: Database,
  input: { actorId: string; councilId: string; userId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .delete(councilMembers)
      .where(and(eq(councilMembers.councilId, input.councilId), eq(councilMembers.userId, input.userId)))
      .returning()
    if (!revoked) return false
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: null,
      entity: 'council_member',
      entityId: `${input.councilId}:${input.userId}`,
      action: 'delete',
      changes: { role: { before: revoked.role, after: null } },
    })
    return true
  })
}

const grantor = alias(users, 'grantor')

/** The council's members and informants, members first, by name, with who granted each and when. */
export async function listCouncilMembers(db: Executor, council: CouncilRef) {
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      active: users.active,
      role: councilMembers.role,
      grantedAt: councilMembers.grantedAt,
      grantedByName: grantor.name,
    })
    .from(councilMembers)
    .innerJoin(users, eq(users.id, councilMembers.userId))
    .leftJoin(grantor, eq(grantor.id, councilMembers.grantedBy))
    .where(eq(councilMembers.councilId, council.id))
    .orderBy(desc(councilMembers.role), asc(users.name))
  const organisationNames = await organisationsOf(
    db,
    council,
    rows.map((row) => row.userId),
  )
  return rows.map((row) => ({ ...row, organisations: organisationNames.get(row.userId) ?? [] }))
}

/** Which of the council's organisations each person is a council member or informant of. */
async function organisationsOf(db: Executor, council: CouncilRef, userIds: string[]) {
  const names = new Map<string, string[]>()
  if (userIds.length === 0 || council.organisationIds.length === 0) return names
  const rows = await db
    .select({ userId: memberships.userId, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        inArray(memberships.userId, userIds),
        inArray(memberships.organisationId, [...council.organisationIds]),
        inArray(memberships.role, ['council_member', 'informant']),
      ),
    )
    .orderBy(asc(organisations.name))
  for (const row of rows) names.set(row.userId, [...(names.get(row.userId) ?? []), row.name])
  return names
}
