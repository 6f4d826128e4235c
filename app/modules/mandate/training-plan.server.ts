import { and, asc, eq, exists, gte, inArray, lt, or } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { meetingOrganisations, meetings } from '~/db/schema/meetings'
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
import { organisations } from '~/db/schema/organisations'
import { users } from '~/db/schema/users'
import { notFound } from '~/modules/http/responses'
import { stockholmToInstant } from '~/modules/meetings/stockholm-time'
import { isPlanMeeting, planMeetingKinds, type PlanActivity } from './coverage'

// The training and exercise plan as stored: target groups, people, goals, and
// the period's exercises and trainings (meetings) with what they train and
// who attended. The rules that turn these into coverage are in coverage.ts.

export interface PlanPersonRow extends TrainingPerson {
  groupIds: string[]
  organisationName: string | null
  userName: string | null
}

export interface PlanActivityRow extends PlanActivity {
  title: string
  organiserOrganisationId: string
}

export interface PlanData {
  groups: TrainingTargetGroup[]
  people: PlanPersonRow[]
  goals: TrainingGoal[]
  activities: PlanActivityRow[]
}

export function listGroups(db: Executor, periodId: string) {
  return db
    .select()
    .from(trainingTargetGroups)
    .where(eq(trainingTargetGroups.periodId, periodId))
    .orderBy(asc(trainingTargetGroups.sortOrder), asc(trainingTargetGroups.name), asc(trainingTargetGroups.id))
}

export function listGoals(db: Executor, periodId: string) {
  return db
    .select()
    .from(trainingGoals)
    .where(eq(trainingGoals.periodId, periodId))
    .orderBy(asc(trainingGoals.sortOrder), asc(trainingGoals.title), asc(trainingGoals.id))
}

/** The plan's people by name, each with their target groups in the plan's order. */
export async function listPeople(
  db: Executor,
  periodId: string,
  groups: readonly Pick<TrainingTargetGroup, 'id'>[],
  personId?: string,
): Promise<PlanPersonRow[]> {
  const rows = await db
    .select({ person: trainingPeople, organisationName: organisations.name, userName: users.name })
    .from(trainingPeople)
    .leftJoin(organisations, eq(organisations.id, trainingPeople.organisationId))
    .leftJoin(users, eq(users.id, trainingPeople.userId))
    .where(and(eq(trainingPeople.periodId, periodId), personId ? eq(trainingPeople.id, personId) : undefined))
    .orderBy(asc(trainingPeople.name), asc(trainingPeople.id))
  const links =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(trainingPersonGroups)
          .where(
            inArray(
              trainingPersonGroups.personId,
              rows.map((row) => row.person.id),
            ),
          )
  const order = new Map(groups.map((group, index) => [group.id, index]))
  return rows.map((row) => ({
    ...row.person,
    organisationName: row.organisationName,
    userName: row.userName,
    groupIds: links
      .filter((link) => link.personId === row.person.id && order.has(link.targetGroupId))
      .map((link) => link.targetGroupId)
      .sort((a, b) => order.get(a)! - order.get(b)!),
  }))
}

/** The first instant of the period and the first after it, in Stockholm. */
function periodBounds(period: Pick<MandatePeriod, 'startYear' | 'endYear'>) {
  return {
    from: stockholmToInstant(`${period.startYear}-01-01`, '00:00')!,
    until: stockholmToInstant(`${period.endYear + 1}-01-01`, '00:00')!,
  }
}

/**
 * The exercises and trainings of the period that the municipality organised
 * or was invited to, cancelled ones too (the plan lists them; they do not
 * count), in date order.
 */
export async function listPlanActivities(
  db: Executor,
  period: Pick<MandatePeriod, 'startYear' | 'endYear' | 'organisationId'>,
  meetingId?: string,
): Promise<PlanActivityRow[]> {
  const { from, until } = periodBounds(period)
  const invited = db
    .select({ meetingId: meetingOrganisations.meetingId })
    .from(meetingOrganisations)
    .where(
      and(
        eq(meetingOrganisations.meetingId, meetings.id),
        eq(meetingOrganisations.organisationId, period.organisationId),
      ),
    )
  const rows = await db
    .select()
    .from(meetings)
    .where(
      and(
        inArray(meetings.kind, [...planMeetingKinds]),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, until),
        or(eq(meetings.organiserOrganisationId, period.organisationId), exists(invited)),
        meetingId ? eq(meetings.id, meetingId) : undefined,
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
  const found = rows.filter((row) => isPlanMeeting(row, period))
  if (found.length === 0) return []
  const ids = found.map((row) => row.id)
  const [groupTags, goalTags, attendance] = await Promise.all([
    db.select().from(trainingMeetingGroups).where(inArray(trainingMeetingGroups.meetingId, ids)),
    db.select().from(trainingMeetingGoals).where(inArray(trainingMeetingGoals.meetingId, ids)),
    db.select().from(trainingAttendance).where(inArray(trainingAttendance.meetingId, ids)),
  ])
  return found.map((row) => ({
    id: row.id,
    title: row.title,
    kind: row.kind,
    state: row.state,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    evaluationSharedAt: row.evaluationSharedAt,
    organiserOrganisationId: row.organiserOrganisationId,
    groupIds: groupTags.filter((tag) => tag.meetingId === row.id).map((tag) => tag.targetGroupId),
    goalIds: goalTags.filter((tag) => tag.meetingId === row.id).map((tag) => tag.goalId),
    attendeeIds: attendance.filter((entry) => entry.meetingId === row.id).map((entry) => entry.personId),
  }))
}

/** One exercise or training of the period; any other meeting is not found (404). */
export async function requirePlanActivity(
  db: Executor,
  period: Pick<MandatePeriod, 'startYear' | 'endYear' | 'organisationId'>,
  meetingId: string,
): Promise<PlanActivityRow> {
  const [activity] = await listPlanActivities(db, period, meetingId)
  if (!activity) throw notFound()
  return activity
}

export async function loadPlan(db: Executor, period: MandatePeriod): Promise<PlanData> {
  const [groups, goals, activities] = await Promise.all([
    listGroups(db, period.id),
    listGoals(db, period.id),
    listPlanActivities(db, period),
  ])
  const people = await listPeople(db, period.id, groups)
  return { groups, people, goals, activities }
}

/** The names of a person's organisation and portal account, for a conflict's "now saved" notes. */
export async function personLinkNames(
  db: Executor,
  person: Pick<TrainingPerson, 'organisationId' | 'userId'>,
): Promise<{ organisationName: string | null; userName: string | null }> {
  const [organisation] = person.organisationId
    ? await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, person.organisationId))
    : []
  const [user] = person.userId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, person.userId))
    : []
  return { organisationName: organisation?.name ?? null, userName: user?.name ?? null }
}

/** One person of the period's plan, with their target groups; any other id is not found (404). */
export async function requirePlanPerson(db: Executor, periodId: string, personId: string): Promise<PlanPersonRow> {
  const groups = await listGroups(db, periodId)
  const [person] = await listPeople(db, periodId, groups, personId)
  if (!person) throw notFound()
  return person
}
