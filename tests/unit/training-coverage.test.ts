import { describe, expect, it } from 'vitest'
import {
  countsForPlan,
  goalProgress,
  isEvaluated,
  isHeld,
  monthsBefore,
  trainingGaps,
  withinPeriod,
  type PlanActivity,
  type PlanPeriod,
} from '../../app/modules/mandate/coverage'

const period: PlanPeriod = { startYear: 2027, endYear: 2030, trainingValidMonths: 24 }
const now = new Date('2029-05-10T10:00:00Z')

let next = 0
function activity(fields: Partial<PlanActivity> = {}): PlanActivity {
  next += 1
  return {
    id: `a${next}`,
    kind: 'exercise',
    state: 'planned',
    startsAt: new Date('2028-03-01T08:00:00Z'),
    endsAt: new Date('2028-03-01T12:00:00Z'),
    evaluationSharedAt: null,
    groupIds: [],
    goalIds: [],
    attendeeIds: [],
    ...fields,
  }
}

const evaluatedGoal = { id: 'g1', measure: 'evaluated_activities', targetCount: 2, targetGroupId: 'central' } as const
const heldGoal = { id: 'g2', measure: 'held_activities', targetCount: 16, targetGroupId: null } as const
const trainedGoal = { id: 'g3', measure: 'group_trained', targetCount: null, targetGroupId: 'tib' } as const

describe('what counts for the plan', () => {
  it('counts exercises and trainings, not other meetings', () => {
    expect(countsForPlan(activity({ kind: 'exercise' }), period)).toBe(true)
    expect(countsForPlan(activity({ kind: 'training' }), period)).toBe(true)
    expect(countsForPlan(activity({ kind: 'theme_day' }), period)).toBe(false)
    expect(countsForPlan(activity({ kind: 'network_meeting' }), period)).toBe(false)
  })

  it('does not count a cancelled one', () => {
    expect(countsForPlan(activity({ state: 'cancelled' }), period)).toBe(false)
  })

  it("takes the period's years by the Stockholm day it starts", () => {
    // 2026-12-31 23:30 UTC is already 1 January 2027 in Stockholm.
    expect(withinPeriod(new Date('2026-12-31T23:30:00Z'), period)).toBe(true)
    expect(withinPeriod(new Date('2026-12-31T22:30:00Z'), period)).toBe(false)
    // 2030-12-31 23:30 UTC is 2031 in Stockholm.
    expect(withinPeriod(new Date('2030-12-31T22:30:00Z'), period)).toBe(true)
    expect(withinPeriod(new Date('2030-12-31T23:30:00Z'), period)).toBe(false)
  })

  it('is held once it has ended, evaluated once held with its evaluation shared', () => {
    const running = activity({ startsAt: new Date('2029-05-10T08:00:00Z'), endsAt: new Date('2029-05-10T12:00:00Z') })
    expect(isHeld(running, now)).toBe(false)
    const shared = activity({ evaluationSharedAt: new Date('2028-03-05T08:00:00Z') })
    expect(isHeld(shared, now)).toBe(true)
    expect(isEvaluated(shared, now)).toBe(true)
    expect(isEvaluated(activity(), now)).toBe(false)
    expect(isEvaluated({ ...running, evaluationSharedAt: now }, now)).toBe(false)
  })
})

describe('goal progress', () => {
  const state = (activities: PlanActivity[], people = [] as { id: string; groupIds: string[] }[]) => ({
    activities,
    people,
    period,
    now,
  })

  it('counts evaluated activities tagged with the goal: "1 av 2"', () => {
    const activities = [
      activity({ goalIds: ['g1'], evaluationSharedAt: new Date('2028-03-02T08:00:00Z') }),
      activity({ goalIds: ['g1'] }),
      activity({ goalIds: ['g2'], evaluationSharedAt: new Date('2028-03-02T08:00:00Z') }),
      // Tagged with the goal's group but not with the goal: a counted goal counts its own tags.
      activity({ groupIds: ['central'], evaluationSharedAt: new Date('2028-03-02T08:00:00Z') }),
    ]
    expect(goalProgress(evaluatedGoal, state(activities))).toEqual({
      goalId: 'g1',
      measure: 'evaluated_activities',
      done: 1,
      target: 2,
      reached: false,
    })
    activities.push(activity({ goalIds: ['g1'], evaluationSharedAt: new Date('2028-04-02T08:00:00Z') }))
    expect(goalProgress(evaluatedGoal, state(activities))).toMatchObject({ done: 2, reached: true })
  })

  it('counts held activities tagged with the goal; future, cancelled and out-of-period ones do not count', () => {
    const activities = [
      activity({ goalIds: ['g2'] }),
      activity({ goalIds: ['g2'], kind: 'training' }),
      activity({
        goalIds: ['g2'],
        startsAt: new Date('2029-06-01T08:00:00Z'),
        endsAt: new Date('2029-06-01T10:00:00Z'),
      }),
      activity({ goalIds: ['g2'], state: 'cancelled' }),
      activity({
        goalIds: ['g2'],
        startsAt: new Date('2026-06-01T08:00:00Z'),
        endsAt: new Date('2026-06-01T10:00:00Z'),
      }),
      activity({ goalIds: ['g2'], kind: 'theme_day' }),
    ]
    expect(goalProgress(heldGoal, state(activities))).toMatchObject({ done: 2, target: 16, reached: false })
  })

  it('counts the people of the group who attended a held activity tagged with the group', () => {
    const people = [
      { id: 'p1', groupIds: ['tib'] },
      { id: 'p2', groupIds: ['tib'] },
      { id: 'p3', groupIds: ['tib', 'central'] },
      { id: 'p4', groupIds: ['central'] },
    ]
    const activities = [
      activity({ groupIds: ['tib'], attendeeIds: ['p1', 'p4'] }),
      // Attended, but the activity was for another group.
      activity({ groupIds: ['central'], attendeeIds: ['p3'] }),
      // Tagged with the group, but not held yet.
      activity({
        groupIds: ['tib'],
        attendeeIds: ['p2'],
        startsAt: new Date('2029-06-01T08:00:00Z'),
        endsAt: new Date('2029-06-01T10:00:00Z'),
      }),
    ]
    expect(goalProgress(trainedGoal, state(activities, people))).toEqual({
      goalId: 'g3',
      measure: 'group_trained',
      done: 1,
      target: 3,
      reached: false,
    })
  })

  it('a group goal without a group has nothing to count, and a counted goal without a count reaches nothing', () => {
    expect(goalProgress({ ...trainedGoal, targetGroupId: null }, state([]))).toMatchObject({ done: 0, target: 0 })
    expect(goalProgress({ ...heldGoal, targetCount: null }, state([activity({ goalIds: ['g2'] })]))).toMatchObject({
      done: 1,
      target: null,
      reached: false,
    })
  })
})

describe('gaps', () => {
  it('names a person never trained in each of their groups', () => {
    const people = [
      { id: 'p1', groupIds: ['tib', 'central'] },
      { id: 'p2', groupIds: ['tib'] },
    ]
    const activities = [activity({ groupIds: ['tib'], attendeeIds: ['p1'], endsAt: new Date('2029-01-10T12:00:00Z') })]
    expect(trainingGaps({ activities, people, period, now })).toEqual([
      { personId: 'p1', groupId: 'central', kind: 'never' },
      { personId: 'p2', groupId: 'tib', kind: 'never' },
    ])
  })

  it('names training older than the interval by its latest day, and only that', () => {
    const people = [{ id: 'p1', groupIds: ['tib'] }]
    const old = (endsAt: string) =>
      activity({
        groupIds: ['tib'],
        attendeeIds: ['p1'],
        startsAt: new Date('2027-01-10T08:00:00Z'),
        endsAt: new Date(endsAt),
      })
    // Today is 10 May 2029 in Stockholm; 24 months before is 10 May 2027.
    expect(trainingGaps({ activities: [old('2027-05-09T12:00:00Z')], people, period, now })).toEqual([
      { personId: 'p1', groupId: 'tib', kind: 'old', lastTrainedOn: '2027-05-09' },
    ])
    expect(trainingGaps({ activities: [old('2027-05-10T12:00:00Z')], people, period, now })).toEqual([])
    // A newer one makes the old one irrelevant.
    expect(
      trainingGaps({ activities: [old('2027-05-09T12:00:00Z'), old('2028-09-01T12:00:00Z')], people, period, now }),
    ).toEqual([])
    expect(
      trainingGaps({
        activities: [old('2027-05-09T12:00:00Z')],
        people,
        period: { ...period, trainingValidMonths: 36 },
        now,
      }),
    ).toEqual([])
  })

  it('does not count a cancelled or future activity as training', () => {
    const people = [{ id: 'p1', groupIds: ['tib'] }]
    const activities = [
      activity({ groupIds: ['tib'], attendeeIds: ['p1'], state: 'cancelled' }),
      activity({
        groupIds: ['tib'],
        attendeeIds: ['p1'],
        startsAt: new Date('2029-06-01T08:00:00Z'),
        endsAt: new Date('2029-06-01T10:00:00Z'),
      }),
    ]
    expect(trainingGaps({ activities, people, period, now })).toEqual([
      { personId: 'p1', groupId: 'tib', kind: 'never' },
    ])
  })

  it('goes back whole calendar months, to the month end when the day does not exist', () => {
    expect(monthsBefore('2029-05-10', 24)).toBe('2027-05-10')
    expect(monthsBefore('2029-03-31', 1)).toBe('2029-02-28')
    expect(monthsBefore('2028-03-31', 1)).toBe('2028-02-29')
    expect(monthsBefore('2029-01-15', 13)).toBe('2027-12-15')
  })
})
