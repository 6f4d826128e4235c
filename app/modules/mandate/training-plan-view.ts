import type { MeetingKind, TrainingGoalMeasure } from '~/db/enums'
import { instantToStockholm } from '~/modules/meetings/stockholm-time'
import { countsForPlan, goalProgress, isEvaluated, isHeld, trainingGaps, type PlanPeriod } from './coverage'
import type { PlanData } from './training-plan.server'

// The plan as its pages show it: each goal's progress, the gaps, and the
// period's exercises and trainings, with names instead of ids. Dates are
// strings, as the page receives them.

export interface GoalRow {
  id: string
  title: string
  measure: TrainingGoalMeasure
  groupName: string | null
  done: number
  target: number | null
  reached: boolean
}

export interface GapRow {
  personId: string
  personName: string
  function: string
  organisationName: string | null
  groupName: string
  kind: 'never' | 'old'
  /** For training too old: the day the latest one ended, `YYYY-MM-DD`. */
  lastTrainedOn: string | null
}

export type ActivityState = 'planned' | 'held' | 'cancelled'

export interface ActivityRow {
  id: string
  title: string
  kind: MeetingKind
  state: ActivityState
  startsAt: string
  endsAt: string
  /** The Stockholm day it starts, `YYYY-MM-DD`. */
  day: string
  groupNames: string[]
  goalTitles: string[]
  evaluated: boolean
  attendance: number
}

export interface PlanView {
  goals: GoalRow[]
  gaps: GapRow[]
  activities: ActivityRow[]
}

export function planView(plan: PlanData, period: PlanPeriod, now: Date): PlanView {
  const groupName = new Map(plan.groups.map((group) => [group.id, group.name]))
  const person = new Map(plan.people.map((row) => [row.id, row]))
  const state = { activities: plan.activities, people: plan.people, period, now }
  const goals = plan.goals.map((goal) => {
    const progress = goalProgress(goal, state)
    return {
      id: goal.id,
      title: goal.title,
      measure: goal.measure,
      groupName: goal.targetGroupId ? (groupName.get(goal.targetGroupId) ?? null) : null,
      done: progress.done,
      target: progress.target,
      reached: progress.reached,
    }
  })
  const gaps = trainingGaps(state).map((gap) => {
    const who = person.get(gap.personId)!
    return {
      personId: gap.personId,
      personName: who.name,
      function: who.function,
      organisationName: who.organisationName,
      groupName: groupName.get(gap.groupId) ?? '',
      kind: gap.kind,
      lastTrainedOn: gap.kind === 'old' ? gap.lastTrainedOn : null,
    }
  })
  const activities = plan.activities.map((activity) => ({
    id: activity.id,
    title: activity.title,
    kind: activity.kind,
    state: activityState(activity, period, now),
    startsAt: activity.startsAt.toISOString(),
    endsAt: activity.endsAt.toISOString(),
    day: instantToStockholm(activity.startsAt).date,
    groupNames: plan.groups.filter((group) => activity.groupIds.includes(group.id)).map((group) => group.name),
    goalTitles: plan.goals.filter((goal) => activity.goalIds.includes(goal.id)).map((goal) => goal.title),
    evaluated: countsForPlan(activity, period) && isEvaluated(activity, now),
    attendance: activity.attendeeIds.length,
  }))
  return { goals, gaps, activities }
}

function activityState(activity: PlanData['activities'][number], period: PlanPeriod, now: Date): ActivityState {
  if (!countsForPlan(activity, period)) return 'cancelled'
  return isHeld(activity, now) ? 'held' : 'planned'
}
