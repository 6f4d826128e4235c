import type { MeetingKind, MeetingState, TrainingGoalMeasure } from '~/db/enums'
import { instantToStockholm } from '~/modules/meetings/stockholm-time'

// The training and exercise plan's coverage, as rules on plain data:
// - An activity of the plan is a meeting of kind exercise or training, not
//   cancelled, that starts on a Stockholm day within the period's years.
// - It is held once it has ended; evaluated once held and its evaluation was
//   shared with the participants.
// - A counted goal ("two exercises, evaluated") counts the held or evaluated
//   activities tagged with that goal; "everyone in the group trained" counts
//   the group's people who attended a held activity tagged with the group.
// - A person in a target group who never attended a held activity tagged with
//   that group is a gap; so is one whose latest such attendance ended more
//   than the period's `trainingValidMonths` ago.

export const planMeetingKinds = ['exercise', 'training'] as const satisfies readonly MeetingKind[]

export interface PlanPeriod {
  startYear: number
  endYear: number
  trainingValidMonths: number
}

export interface PlanActivity {
  id: string
  kind: MeetingKind
  state: MeetingState
  startsAt: Date
  endsAt: Date
  evaluationSharedAt: Date | null
  groupIds: readonly string[]
  goalIds: readonly string[]
  /** The plan's people who attended. */
  attendeeIds: readonly string[]
}

export interface PlanGoal {
  id: string
  measure: TrainingGoalMeasure
  targetCount: number | null
  targetGroupId: string | null
}

export interface PlanPerson {
  id: string
  /** The person's target groups, in the order the plan lists them. */
  groupIds: readonly string[]
}

export function isPlanKind(kind: MeetingKind): boolean {
  return (planMeetingKinds as readonly MeetingKind[]).includes(kind)
}

/** Whether the meeting starts on a Stockholm day within the period's years. */
export function withinPeriod(startsAt: Date, period: Pick<PlanPeriod, 'startYear' | 'endYear'>): boolean {
  const year = Number(instantToStockholm(startsAt).date.slice(0, 4))
  return year >= period.startYear && year <= period.endYear
}

/** An exercise or training of the period, whatever its state: the plan lists it. */
export function isPlanMeeting(
  meeting: Pick<PlanActivity, 'kind' | 'startsAt'>,
  period: Pick<PlanPeriod, 'startYear' | 'endYear'>,
): boolean {
  return isPlanKind(meeting.kind) && withinPeriod(meeting.startsAt, period)
}

/** An exercise or training of the period that is not cancelled: only these count. */
export function countsForPlan(
  activity: Pick<PlanActivity, 'kind' | 'state' | 'startsAt'>,
  period: PlanPeriod,
): boolean {
  return activity.state !== 'cancelled' && isPlanMeeting(activity, period)
}

export function isHeld(activity: Pick<PlanActivity, 'endsAt'>, now: Date): boolean {
  return activity.endsAt.getTime() <= now.getTime()
}

export function isEvaluated(activity: Pick<PlanActivity, 'endsAt' | 'evaluationSharedAt'>, now: Date): boolean {
  return isHeld(activity, now) && activity.evaluationSharedAt !== null
}

export interface GoalProgress {
  goalId: string
  measure: TrainingGoalMeasure
  done: number
  /** How many are wanted; for "everyone trained", the people in the group. Null when a counted goal has no count. */
  target: number | null
  reached: boolean
}

interface PlanState {
  activities: readonly PlanActivity[]
  people: readonly PlanPerson[]
  period: PlanPeriod
  now: Date
}

/** The held activities of the plan tagged with the target group. */
function heldForGroup(groupId: string, { activities, period, now }: PlanState): PlanActivity[] {
  return activities.filter(
    (activity) => countsForPlan(activity, period) && isHeld(activity, now) && activity.groupIds.includes(groupId),
  )
}

function countTagged(goal: PlanGoal, state: PlanState, counts: (activity: PlanActivity) => boolean): number {
  return state.activities.filter(
    (activity) => countsForPlan(activity, state.period) && activity.goalIds.includes(goal.id) && counts(activity),
  ).length
}

export function goalProgress(goal: PlanGoal, state: PlanState): GoalProgress {
  const of = (done: number, target: number | null): GoalProgress => ({
    goalId: goal.id,
    measure: goal.measure,
    done,
    target,
    reached: target !== null && target > 0 && done >= target,
  })
  switch (goal.measure) {
    case 'evaluated_activities':
      return of(
        countTagged(goal, state, (activity) => isEvaluated(activity, state.now)),
        goal.targetCount,
      )
    case 'held_activities':
      return of(
        countTagged(goal, state, (activity) => isHeld(activity, state.now)),
        goal.targetCount,
      )
    case 'group_trained': {
      const groupId = goal.targetGroupId
      if (groupId === null) return of(0, 0)
      const members = state.people.filter((person) => person.groupIds.includes(groupId))
      const attended = new Set(heldForGroup(groupId, state).flatMap((activity) => activity.attendeeIds))
      return of(members.filter((person) => attended.has(person.id)).length, members.length)
    }
  }
}

export type TrainingGap =
  | { personId: string; groupId: string; kind: 'never' }
  /** `lastTrainedOn`: the Stockholm day the latest such activity ended. */
  | { personId: string; groupId: string; kind: 'old'; lastTrainedOn: string }

/** The day `months` calendar months before `day` (both `YYYY-MM-DD`), the last of the month when it is shorter. */
export function monthsBefore(day: string, months: number): string {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7)) - 1 - months
  const target = new Date(Date.UTC(year, month, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(Number(day.slice(8, 10)), lastDay))
  return target.toISOString().slice(0, 10)
}

/** Each person's gaps, per target group, in the order of the people and of their groups. */
export function trainingGaps(state: PlanState): TrainingGap[] {
  const today = instantToStockholm(state.now).date
  const cutoff = monthsBefore(today, state.period.trainingValidMonths)
  const gaps: TrainingGap[] = []
  for (const person of state.people) {
    for (const groupId of person.groupIds) {
      const attended = heldForGroup(groupId, state).filter((activity) => activity.attendeeIds.includes(person.id))
      if (attended.length === 0) {
        gaps.push({ personId: person.id, groupId, kind: 'never' })
        continue
      }
      const latest = Math.max(...attended.map((activity) => activity.endsAt.getTime()))
      const lastTrainedOn = instantToStockholm(new Date(latest)).date
      if (lastTrainedOn < cutoff) gaps.push({ personId: person.id, groupId, kind: 'old', lastTrainedOn })
    }
  }
  return gaps
}
