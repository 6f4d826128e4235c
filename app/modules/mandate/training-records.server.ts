import { and, asc, eq, inArray, max, sql } from 'drizzle-orm'
import type { Database, Executor, Transaction } from '~/db/client.server'
import { meetings } from '~/db/schema/meetings'
import {
  trainingAttendance,
  trainingGoals,
  trainingMeetingGoals,
  trainingMeetingGroups,
  trainingPeople,
  trainingPersonGroups,
  trainingTargetGroups,
  type MandatePeriod,
  type TrainingGoal,
  type TrainingPerson,
  type TrainingTargetGroup,
} from '~/db/schema/mandate'
import { diffFields, recordAudit, type AuditChanges } from '~/modules/audit/audit.server'
import type { AuditActionOf, AuditFieldOf } from '~/modules/audit/vocabulary'
import {
  createAudited,
  deleteVersioned,
  updateVersioned,
  type DeleteResult,
  type SaveResult,
} from '~/modules/records/versioned.server'
import type { GoalFields, GroupFields } from './training-plan-forms'

// Every change to the training plan: target groups, people, goals, what an
// exercise trains and who attended. Each is written with its audit entry in
// one transaction; the entry's id is always the period's, so the change log
// reads as the period's history.

export interface PlanScope {
  actorId: string
  period: Pick<MandatePeriod, 'id' | 'organisationId'>
}

type Change = AuditChanges<AuditFieldOf<'training_plan'>>

function audit(scope: PlanScope, action: AuditActionOf<'training_plan'>, changes: Change) {
  return {
    userId: scope.actorId,
    organisationId: scope.period.organisationId,
    entity: 'training_plan' as const,
    entityId: scope.period.id,
    action,
    changes,
  }
}

const bumped = () => ({ updatedAt: new Date(), version: sql<number>`version + 1` })

/** The names of the period's target groups among `ids`, in the plan's order. */
async function groupNames(tx: Executor, periodId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await tx
    .select({ name: trainingTargetGroups.name })
    .from(trainingTargetGroups)
    .where(and(eq(trainingTargetGroups.periodId, periodId), inArray(trainingTargetGroups.id, [...ids])))
    .orderBy(asc(trainingTargetGroups.sortOrder), asc(trainingTargetGroups.name))
  return rows.map((row) => row.name)
}

// ---- Target groups ----

const groupFields = ['name', 'description'] as const

const lockGroup = async (tx: Transaction, periodId: string, id: string) =>
  (
    await tx
      .select()
      .from(trainingTargetGroups)
      .where(and(eq(trainingTargetGroups.id, id), eq(trainingTargetGroups.periodId, periodId)))
      .for('update')
  )[0]

export function createGroup(db: Database, scope: PlanScope, fields: GroupFields): Promise<TrainingTargetGroup> {
  return createAudited(db, {
    write: async (tx) => {
      const [last] = await tx
        .select({ sortOrder: max(trainingTargetGroups.sortOrder) })
        .from(trainingTargetGroups)
        .where(eq(trainingTargetGroups.periodId, scope.period.id))
      const [group] = await tx
        .insert(trainingTargetGroups)
        .values({ periodId: scope.period.id, ...fields, sortOrder: (last?.sortOrder ?? -1) + 1 })
        .returning()
      return group!
    },
    audit: (group) => audit(scope, 'group_create', diffFields(null, group, groupFields)),
  })
}

export function updateGroup(
  db: Database,
  scope: PlanScope,
  input: { id: string; version: number } & GroupFields,
): Promise<SaveResult<TrainingTargetGroup>> {
  const { id, version, ...fields } = input
  return updateVersioned(db, {
    expectedVersion: version,
    load: (tx) => lockGroup(tx, scope.period.id, id),
    write: async (tx, before) => {
      if (Object.keys(diffFields(before, fields, groupFields)).length === 0) return before
      const [after] = await tx
        .update(trainingTargetGroups)
        .set({ ...fields, ...bumped() })
        .where(eq(trainingTargetGroups.id, id))
        .returning()
      return after!
    },
    audit: (before, after) => audit(scope, 'group_update', diffFields(before, after, groupFields)),
  })
}

export function deleteGroup(
  db: Database,
  scope: PlanScope,
  input: { id: string; version: number },
): Promise<DeleteResult<TrainingTargetGroup>> {
  return deleteVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => lockGroup(tx, scope.period.id, input.id),
    remove: async (tx) => {
      await tx.delete(trainingTargetGroups).where(eq(trainingTargetGroups.id, input.id))
    },
    audit: (before) => audit(scope, 'group_delete', diffFields(before, null, groupFields)),
  })
}

// ---- People ----

export interface PersonFields {
  name: string
  function: string
  organisationId: string | null
  userId: string | null
  groupIds: string[]
}

export type PersonRecord = TrainingPerson & { groupIds: string[] }

const personFields = ['name', 'function', 'organisationId', 'userId'] as const

async function lockPerson(tx: Transaction, periodId: string, id: string): Promise<PersonRecord | undefined> {
  const [person] = await tx
    .select()
    .from(trainingPeople)
    .where(and(eq(trainingPeople.id, id), eq(trainingPeople.periodId, periodId)))
    .for('update')
  if (!person) return undefined
  const links = await tx
    .select({ id: trainingPersonGroups.targetGroupId })
    .from(trainingPersonGroups)
    .where(eq(trainingPersonGroups.personId, id))
  return { ...person, groupIds: links.map((link) => link.id).sort() }
}

async function personChanges(tx: Executor, periodId: string, before: PersonRecord | null, after: PersonRecord | null) {
  const changes: Change = diffFields(before, after, personFields)
  const [was, is] = [
    await groupNames(tx, periodId, before?.groupIds ?? []),
    await groupNames(tx, periodId, after?.groupIds ?? []),
  ]
  if (was.join('\n') !== is.join('\n')) changes.targetGroups = { before: before ? was : null, after: after ? is : null }
  return changes
}

async function writeGroups(tx: Transaction, personId: string, groupIds: readonly string[]) {
  await tx.delete(trainingPersonGroups).where(eq(trainingPersonGroups.personId, personId))
  if (groupIds.length > 0) {
    await tx.insert(trainingPersonGroups).values(groupIds.map((targetGroupId) => ({ personId, targetGroupId })))
  }
}

export function createPerson(db: Database, scope: PlanScope, fields: PersonFields): Promise<PersonRecord> {
  const { groupIds, ...columns } = fields
  let changes: Change = {}
  return createAudited(db, {
    write: async (tx) => {
      const [person] = await tx
        .insert(trainingPeople)
        .values({ periodId: scope.period.id, ...columns })
        .returning()
      await writeGroups(tx, person!.id, groupIds)
      const created = { ...person!, groupIds: [...groupIds].sort() }
      changes = await personChanges(tx, scope.period.id, null, created)
      return created
    },
    audit: () => audit(scope, 'person_create', changes),
  })
}

export function updatePerson(
  db: Database,
  scope: PlanScope,
  input: { id: string; version: number } & PersonFields,
): Promise<SaveResult<PersonRecord>> {
  const { id, version, groupIds, ...columns } = input
  let changes: Change = {}
  return updateVersioned(db, {
    expectedVersion: version,
    load: (tx) => lockPerson(tx, scope.period.id, id),
    write: async (tx, before) => {
      const wanted = { ...before, ...columns, groupIds: [...groupIds].sort() }
      changes = await personChanges(tx, scope.period.id, before, wanted)
      if (Object.keys(changes).length === 0) return before
      await writeGroups(tx, id, groupIds)
      const [after] = await tx
        .update(trainingPeople)
        .set({ ...columns, ...bumped() })
        .where(eq(trainingPeople.id, id))
        .returning()
      return { ...after!, groupIds: wanted.groupIds }
    },
    audit: () => audit(scope, 'person_update', changes),
  })
}

export function deletePerson(
  db: Database,
  scope: PlanScope,
  input: { id: string; version: number },
): Promise<DeleteResult<PersonRecord>> {
  let changes: Change = {}
  return deleteVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => lockPerson(tx, scope.period.id, input.id),
    remove: async (tx, before) => {
      changes = await personChanges(tx, scope.period.id, before, null)
      await tx.delete(trainingPeople).where(eq(trainingPeople.id, input.id))
    },
    audit: () => audit(scope, 'person_delete', changes),
  })
}

// ---- Goals ----

const goalFields = ['title', 'measure', 'targetCount'] as const

const lockGoal = async (tx: Transaction, periodId: string, id: string) =>
  (
    await tx
      .select()
      .from(trainingGoals)
      .where(and(eq(trainingGoals.id, id), eq(trainingGoals.periodId, periodId)))
      .for('update')
  )[0]

async function goalChanges(
  tx: Executor,
  periodId: string,
  before: Pick<TrainingGoal, GoalKey> | null,
  after: Pick<TrainingGoal, GoalKey> | null,
) {
  const changes: Change = diffFields(before, after, goalFields)
  if ((before?.targetGroupId ?? null) !== (after?.targetGroupId ?? null)) {
    const names = async (goal: typeof before) =>
      goal ? await groupNames(tx, periodId, goal.targetGroupId ? [goal.targetGroupId] : []) : null
    changes.targetGroups = { before: await names(before), after: await names(after) }
  }
  return changes
}
type GoalKey = 'title' | 'measure' | 'targetCount' | 'targetGroupId'

export function createGoal(db: Database, scope: PlanScope, fields: GoalFields): Promise<TrainingGoal> {
  let changes: Change = {}
  return createAudited(db, {
    write: async (tx) => {
      const [last] = await tx
        .select({ sortOrder: max(trainingGoals.sortOrder) })
        .from(trainingGoals)
        .where(eq(trainingGoals.periodId, scope.period.id))
      const [goal] = await tx
        .insert(trainingGoals)
        .values({ periodId: scope.period.id, ...fields, sortOrder: (last?.sortOrder ?? -1) + 1 })
        .returning()
      changes = await goalChanges(tx, scope.period.id, null, goal!)
      return goal!
    },
    audit: () => audit(scope, 'goal_create', changes),
  })
}

export function updateGoal(
  db: Database,
  scope: PlanScope,
  input: { id: string; version: number } & GoalFields,
): Promise<SaveResult<TrainingGoal>> {
  const { id, version, ...fields } = input
  let changes: Change = {}
  return updateVersioned(db, {
    expectedVersion: version,
    load: (tx) => lockGoal(tx, scope.period.id, id),
    write: async (tx, before) => {
      changes = await goalChanges(tx, scope.period.id, before, fields)
      if (Object.keys(changes).length === 0) return before
      const [after] = await tx
        .update(trainingGoals)
        .set({ ...fields, ...bumped() })
        .where(eq(trainingGoals.id, id))
        .returning()
      return after!
    },
    audit: () => audit(scope, 'goal_update', changes),
  })
}

export function deleteGoal(
  db: Database,
  scope: PlanScope,
  input: { id: string; version: number },
): Promise<DeleteResult<TrainingGoal>> {
  let changes: Change = {}
  return deleteVersioned(db, {
    expectedVersion: input.version,
    load: (tx) => lockGoal(tx, scope.period.id, input.id),
    remove: async (tx, before) => {
      changes = await goalChanges(tx, scope.period.id, before, null)
      await tx.delete(trainingGoals).where(eq(trainingGoals.id, input.id))
    },
    audit: () => audit(scope, 'goal_delete', changes),
  })
}

// ---- What an exercise trains, and who attended ----

/**
 * A set saved against the set its form was loaded with: when someone else
 * changed it meanwhile, nothing is written and the current set is returned.
 */
export type SetResult<C> = { ok: true; changed: boolean } | { ok: false; error: 'conflict'; current: C }

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',')

const lockMeetingRow = (tx: Transaction, meetingId: string) =>
  tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).for('update')

export interface MeetingTags {
  groupIds: string[]
  goalIds: string[]
}

export async function currentTags(tx: Executor, meetingId: string): Promise<MeetingTags> {
  const [groups, goals] = await Promise.all([
    tx.select().from(trainingMeetingGroups).where(eq(trainingMeetingGroups.meetingId, meetingId)),
    tx.select().from(trainingMeetingGoals).where(eq(trainingMeetingGoals.meetingId, meetingId)),
  ])
  return {
    groupIds: groups.map((row) => row.targetGroupId).sort(),
    goalIds: goals.map((row) => row.goalId).sort(),
  }
}

async function goalTitles(tx: Executor, periodId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await tx
    .select({ title: trainingGoals.title })
    .from(trainingGoals)
    .where(and(eq(trainingGoals.periodId, periodId), inArray(trainingGoals.id, [...ids])))
    .orderBy(asc(trainingGoals.sortOrder), asc(trainingGoals.title))
  return rows.map((row) => row.title)
}

/** Tags the exercise with the target groups and goals it trains. The ids must be the period's (checked by the caller). */
export function setMeetingTags(
  db: Database,
  scope: PlanScope,
  input: { meetingId: string; tags: MeetingTags; loaded: MeetingTags },
): Promise<SetResult<MeetingTags>> {
  const { meetingId, tags, loaded } = input
  return db.transaction(async (tx) => {
    await lockMeetingRow(tx, meetingId)
    const before = await currentTags(tx, meetingId)
    if (!sameSet(before.groupIds, loaded.groupIds) || !sameSet(before.goalIds, loaded.goalIds)) {
      return { ok: false as const, error: 'conflict' as const, current: before }
    }
    const groupsChanged = !sameSet(before.groupIds, tags.groupIds)
    const goalsChanged = !sameSet(before.goalIds, tags.goalIds)
    if (!groupsChanged && !goalsChanged) return { ok: true as const, changed: false }
    const changes: Change = { meetingId: { before: null, after: meetingId } }
    if (groupsChanged) {
      await tx.delete(trainingMeetingGroups).where(eq(trainingMeetingGroups.meetingId, meetingId))
      if (tags.groupIds.length > 0) {
        await tx
          .insert(trainingMeetingGroups)
          .values(tags.groupIds.map((targetGroupId) => ({ meetingId, targetGroupId })))
      }
      changes.targetGroups = {
        before: await groupNames(tx, scope.period.id, before.groupIds),
        after: await groupNames(tx, scope.period.id, tags.groupIds),
      }
    }
    if (goalsChanged) {
      await tx.delete(trainingMeetingGoals).where(eq(trainingMeetingGoals.meetingId, meetingId))
      if (tags.goalIds.length > 0) {
        await tx.insert(trainingMeetingGoals).values(tags.goalIds.map((goalId) => ({ meetingId, goalId })))
      }
      changes.goals = {
        before: await goalTitles(tx, scope.period.id, before.goalIds),
        after: await goalTitles(tx, scope.period.id, tags.goalIds),
      }
    }
    await recordAudit(tx, audit(scope, 'tags', changes))
    return { ok: true as const, changed: true }
  })
}

export async function currentAttendance(tx: Executor, meetingId: string): Promise<string[]> {
  const rows = await tx
    .select({ personId: trainingAttendance.personId })
    .from(trainingAttendance)
    .where(eq(trainingAttendance.meetingId, meetingId))
  return rows.map((row) => row.personId).sort()
}

async function personNames(tx: Executor, periodId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await tx
    .select({ name: trainingPeople.name })
    .from(trainingPeople)
    .where(and(eq(trainingPeople.periodId, periodId), inArray(trainingPeople.id, [...ids])))
    .orderBy(asc(trainingPeople.name))
  return rows.map((row) => row.name)
}

/** Records who of the plan's people attended the exercise. The ids must be the period's people (checked by the caller). */
export function setAttendance(
  db: Database,
  scope: PlanScope,
  input: { meetingId: string; personIds: string[]; loaded: string[] },
): Promise<SetResult<string[]>> {
  const { meetingId, personIds, loaded } = input
  return db.transaction(async (tx) => {
    await lockMeetingRow(tx, meetingId)
    const before = await currentAttendance(tx, meetingId)
    if (!sameSet(before, loaded)) return { ok: false as const, error: 'conflict' as const, current: before }
    if (sameSet(before, personIds)) return { ok: true as const, changed: false }
    const kept = new Set(personIds)
    const removed = before.filter((id) => !kept.has(id))
    const added = personIds.filter((id) => !before.includes(id))
    if (removed.length > 0) {
      await tx
        .delete(trainingAttendance)
        .where(and(eq(trainingAttendance.meetingId, meetingId), inArray(trainingAttendance.personId, removed)))
    }
    if (added.length > 0) {
      await tx
        .insert(trainingAttendance)
        .values(added.map((personId) => ({ meetingId, personId, recordedBy: scope.actorId })))
    }
    await recordAudit(
      tx,
      audit(scope, 'attendance', {
        meetingId: { before: null, after: meetingId },
        people: {
          before: await personNames(tx, scope.period.id, before),
          after: await personNames(tx, scope.period.id, personIds),
        },
      }),
    )
    return { ok: true as const, changed: true }
  })
}
