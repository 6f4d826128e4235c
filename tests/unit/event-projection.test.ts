import { describe, expect, it } from 'vitest'
import type { Resource, ServiceStatus } from '../../app/db/enums'
import {
  detachReported,
  nextToFail,
  overlayNormal,
  planProjection,
  projectEvent,
  projectionChain,
  type EventProjection,
  type ProjectionEvent,
  type ProjectionReport,
  windowCourse,
} from '../../app/modules/events/event-projection'
import type { FailureScope } from '../../app/modules/scenarios/area'
import {
  prepareScenarioGraph,
  runPreparedScenario,
  runScenario,
  withoutDependenciesOf,
  type Scenario,
  type ScenarioDependency,
  type ScenarioGraph,
  type ScenarioService,
  type ScenarioSite,
} from '../../app/modules/scenarios/engine'

// Every expected hour below is worked out by hand from the model at the top
// of event-projection.ts; the comment above each shows the arithmetic. The
// event starts at 06:00 and it is 10:00 now: elapsed = 4 h, so engine hour h
// is window hour h − 4, and the run covers [0, 76).

const HOUR = 3_600_000
const start = new Date('2026-12-03T06:00:00Z')
const now = new Date(start.getTime() + 4 * HOUR)
const at = (hour: number) => new Date(start.getTime() + hour * HOUR)

function service(id: string, fields: Partial<ScenarioService> = {}): ScenarioService {
  return {
    id,
    organisationId: 'org',
    sector: 'energy',
    styrelClass: null,
    peopleServed: null,
    acceptableOutageHours: 72,
    siteIds: [],
    ...fields,
  }
}
const needs = (
  serviceId: string,
  resource: Resource,
  copesHours: number,
  backupHours: number | null = null,
): ScenarioDependency => ({
  serviceId,
  resource,
  dependsOnServiceId: null,
  copesHours,
  backupHours,
})
const needsService = (
  serviceId: string,
  supplier: string,
  copesHours: number,
  backupHours: number | null = null,
): ScenarioDependency => ({
  serviceId,
  resource: null,
  dependsOnServiceId: supplier,
  copesHours,
  backupHours,
})
function report(
  serviceId: string,
  status: ServiceStatus,
  hour: number,
  fields: Partial<ProjectionReport> = {},
): ProjectionReport {
  return {
    id: `report-${serviceId}-${hour}`,
    serviceId,
    status,
    backupHoursLeft: null,
    expectedRestorationAt: null,
    reportedAt: at(hour),
    ...fields,
  }
}
const blackout = (area: FailureScope = { kind: 'everywhere' }): ProjectionEvent => ({
  startedAt: start,
  lostResources: ['electricity'],
  area,
})

/**
 * District heating runs 48 h on its own backup power; three services need
 * its heat (care: 3 h margin; school: 5 h backup; kitchen: 1 h margin on
 * care); a pump station has no backup at all; a sports hall has 80 h.
 */
const heating: ScenarioGraph = {
  services: [
    service('heat', { peopleServed: 9000 }),
    service('care', { peopleServed: 40 }),
    service('school', { peopleServed: 300 }),
    service('kitchen'),
    service('pump', { peopleServed: 5000, sector: 'municipal_technical' }),
    service('hall'),
  ],
  sites: [],
  dependencies: [
    needs('heat', 'electricity', 0, 48),
    needsService('care', 'heat', 3),
    needsService('school', 'heat', 0, 5),
    needsService('kitchen', 'care', 1),
    needs('pump', 'electricity', 0),
    needs('hall', 'electricity', 0, 80),
  ],
}

const find = (projection: EventProjection, id: string) => projection.services.find((s) => s.id === id)
const timeline = (projection: EventProjection, id: string) =>
  windowCourse(projection.plan, find(projection, id)!.course)

describe('the projection of an event', () => {
  it('runs from the start and shows the 72 hours from now', () => {
    const plan = planProjection(blackout(), [], now)
    // Run [0, 4 + 72).
    expect(plan.elapsed).toBe(4)
    expect(plan.scenario.horizonHours).toBe(76)
    expect(plan.scenario.failures).toEqual([
      { target: { resource: 'electricity' }, scope: { kind: 'everywhere' }, startHour: 0, durationHours: null },
    ])
    const projection = projectEvent(blackout(), [], heating, now)
    // The pump failed at engine 0 = window −4; heat at 48 → window 44, care 48 + 3 = 51 → 47,
    // kitchen 51 + 1 = 52 → 48, school 48 + 5 = 53 → 49. The hall's 80 h end after the run: backup throughout.
    expect(projection.services.map((s) => [s.id, s.failsIn, s.stateNow])).toEqual([
      ['pump', -4, 'failed'],
      ['heat', 44, 'backup'],
      ['care', 47, 'normal'],
      ['kitchen', 48, 'normal'],
      ['school', 49, 'normal'],
      ['hall', null, 'backup'],
    ])
    expect(timeline(projection, 'heat')).toEqual([
      [0, 44, 'backup'],
      [44, 72, 'failed'],
    ])
    // Totals at window hour w are the states at engine hour 4 + w.
    expect(projection.totals.failed[0]).toBe(1)
    expect(projection.totals.failed[44]).toBe(2)
    expect(projection.totals.failed[49]).toBe(5)
    expect(projection.totals.failed[72]).toBe(5)
    expect(projection.totals.peopleServedFailed[44]).toBe(14000)
    expect(projection.totals.failedBySector).toEqual({
      energy: expect.any(Array),
      municipal_technical: expect.any(Array),
    })
  })

  it('starts the run now when the event starts later, and its losses at the start', () => {
    const plan = planProjection({ ...blackout(), startedAt: at(6) }, [], now)
    // Start 2 h after now: origin = now, the loss from engine hour 2.
    expect(plan.origin).toEqual(now)
    expect(plan.elapsed).toBe(0)
    expect(plan.scenario.failures[0]!.startHour).toBe(2)
  })

  it('takes the event’s lost resources only inside its area', () => {
    const sites: ScenarioSite[] = [
      { id: 'inside', organisationId: 'org', lat: 58.03, lng: 12.8, backupPowerHours: null },
      { id: 'outside', organisationId: 'org', lat: 59.3, lng: 18.0, backupPowerHours: null },
    ]
    const graph: ScenarioGraph = {
      services: [service('a', { siteIds: ['inside'] }), service('b', { siteIds: ['outside'] })],
      sites,
      dependencies: [needs('a', 'electricity', 0), needs('b', 'electricity', 0)],
    }
    const area: FailureScope = {
      kind: 'area',
      ring: [
        [57.9, 12.6],
        [57.9, 13.0],
        [58.2, 13.0],
        [58.2, 12.6],
      ],
    }
    const projection = projectEvent(blackout(area), [], graph, now)
    expect(projection.services.map((s) => s.id)).toEqual(['a'])
  })

  it('lets a reported "backup, 10 h left" beat the registry’s backup, and its dependants follow', () => {
    // Reported at engine 2: heat fails at 2 + 10 = 12 → window 8; care 12 + 3 = 15 → 11;
    // kitchen 16 → 12; school 12 + 5 = 17 → 13.
    const projection = projectEvent(blackout(), [report('heat', 'backup', 2, { backupHoursLeft: 10 })], heating, now)
    const heat = find(projection, 'heat')!
    expect(heat.failsIn).toBe(8)
    expect(heat.stateNow).toBe('backup')
    expect(timeline(projection, 'heat')).toEqual([
      [0, 8, 'backup'],
      [8, 72, 'failed'],
    ])
    expect(heat.wake).toBe(3)
    expect(find(projection, 'care')!.failsIn).toBe(11)
    expect(find(projection, 'care')!.wake).toBe(1)
    expect(find(projection, 'kitchen')!.failsIn).toBe(12)
    expect(find(projection, 'school')!.failsIn).toBe(13)
    const chain = projectionChain(projection, find(projection, 'kitchen')!)
    expect(chain.reasons.map((reason) => reason.kind)).toEqual(['service', 'service', 'direct'])
    expect(chain.rootServiceId).toBe('heat')
    expect(chain.rootReport?.backupHoursLeft).toBe(10)
    // Soonest first, then the larger wake; the pump failed before now and is not "next".
    expect(nextToFail(projection, 3).map((s) => s.id)).toEqual(['heat', 'care', 'kitchen'])
  })

  it('ends a reported failure at the expected restoration', () => {
    // Failed from engine 1 until 4 + 6 = 10: care fails at 1 + 3 = 4 (window 0) and is back at 10 (window 6).
    const reports = [report('heat', 'failed', 1, { expectedRestorationAt: at(10) })]
    const projection = projectEvent(blackout(), reports, heating, now)
    const heat = find(projection, 'heat')!
    expect(heat.failsIn).toBe(-3)
    expect(timeline(projection, 'heat')).toEqual([
      [0, 6, 'failed'],
      [6, 72, 'recovered'],
    ])
    expect(timeline(projection, 'care')).toEqual([
      [0, 6, 'failed'],
      [6, 72, 'recovered'],
    ])
    expect(projectionChain(projection, heat).rootReport?.status).toBe('failed')
  })

  it('counts a report from before the start from hour 0, and without a restoration to the end', () => {
    const projection = projectEvent(blackout(), [report('heat', 'failed', -5)], heating, now)
    expect(find(projection, 'heat')!.failsIn).toBe(-4)
    expect(timeline(projection, 'heat')).toEqual([[0, 72, 'failed']])
  })

  it('leaves a backup without hours left to the registry, shown on backup', () => {
    const projection = projectEvent(blackout(), [report('hall', 'backup', 3)], heating, now)
    const plan = planProjection(blackout(), [report('hall', 'backup', 3)], now)
    expect(plan.detached.has('hall')).toBe(false)
    expect(timeline(projection, 'hall')).toEqual([[0, 72, 'backup']])
    // The registry's 48 h still decide for the heat when its report gives no hours: it fails at window 44.
    const heat = projectEvent(blackout(), [report('heat', 'backup', 3)], heating, now)
    expect(find(heat, 'heat')!.failsIn).toBe(44)
  })

  it('keeps a degraded service delivering: no failure, shown degraded, its dependants unharmed', () => {
    // Degraded from engine 3 until 9 → window 0 … 5 (it was reported at window −1).
    const reports = [report('heat', 'degraded', 3, { expectedRestorationAt: at(9) })]
    const projection = projectEvent(blackout(), reports, heating, now)
    expect(find(projection, 'heat')).toMatchObject({ failsIn: null, stateNow: 'degraded' })
    expect(timeline(projection, 'heat')).toEqual([
      [0, 5, 'degraded'],
      [5, 72, 'normal'],
    ])
    expect(find(projection, 'care')).toBeUndefined()
    expect(projection.totals.degraded[4]).toBe(1)
    expect(projection.totals.degraded[5]).toBe(0)
  })

  it('takes a service reported normal or restored out of the cascade', () => {
    for (const status of ['normal', 'restored'] as const) {
      const projection = projectEvent(blackout(), [report('pump', status, 3)], heating, now)
      expect(find(projection, 'pump')).toBeUndefined()
    }
    // The newest report counts: failed at 1, restored at 3.
    const projection = projectEvent(
      blackout(),
      [report('heat', 'failed', 1), report('heat', 'restored', 3)],
      heating,
      now,
    )
    expect(find(projection, 'heat')).toBeUndefined()
    expect(find(projection, 'care')).toBeUndefined()
  })

  it('leaves a failure after the end of the run out', () => {
    // Backup 80 h from engine 0 ends at 80 ≥ 76: no failure in the run.
    const plan = planProjection(blackout(), [report('hall', 'backup', 0, { backupHoursLeft: 80 })], now)
    expect(plan.scenario.failures).toHaveLength(1)
  })
})

describe('overlayNormal', () => {
  it('replaces only the normal parts and merges neighbours', () => {
    expect(
      overlayNormal(
        [
          { from: 0, to: 5, state: 'normal' },
          { from: 5, to: 8, state: 'failed' },
          { from: 8, to: 10, state: 'normal' },
        ],
        2,
        9,
        'backup',
      ),
    ).toEqual([
      { from: 0, to: 2, state: 'normal' },
      { from: 2, to: 5, state: 'backup' },
      { from: 5, to: 8, state: 'failed' },
      { from: 8, to: 9, state: 'backup' },
      { from: 9, to: 10, state: 'normal' },
    ])
  })
})

describe('withoutDependenciesOf', () => {
  it('gives the result of preparing the graph without those dependencies', () => {
    // A random graph with cycles: 300 services, each on two resources and two other services.
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const pick = (size: number) => Math.floor(next() * size)
    const services = Array.from({ length: 300 }, (_, i) => service(`s${String(i).padStart(3, '0')}`))
    const resources: Resource[] = ['electricity', 'drinking_water', 'telecom_it', 'fuel']
    const dependencies = services.flatMap((s) => [
      needs(s.id, resources[pick(4)]!, pick(6), next() < 0.5 ? pick(12) : null),
      needs(s.id, resources[pick(4)]!, pick(6)),
      needsService(s.id, services[pick(300)]!.id, pick(4), next() < 0.3 ? pick(8) : null),
      needsService(s.id, services[pick(300)]!.id, pick(4)),
    ])
    const graph: ScenarioGraph = { services, sites: [], dependencies }
    const detached = new Set(services.filter((_, i) => i % 7 === 0).map((s) => s.id))
    const scenario: Scenario = {
      horizonHours: 48,
      failures: [
        { target: { resource: 'electricity' }, startHour: 0, durationHours: null },
        { target: { resource: 'drinking_water' }, startHour: 3, durationHours: 20 },
        { target: { serviceId: 's007' }, startHour: 2, durationHours: 10 },
      ],
    }
    const derived = runPreparedScenario(withoutDependenciesOf(prepareScenarioGraph(graph), detached), scenario)
    expect(derived.affected.length).toBeGreaterThan(100)
    expect(derived).toEqual(runScenario({ ...detachReported(graph, detached), scenario }))
  })
})
