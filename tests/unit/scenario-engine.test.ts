import { describe, expect, it } from 'vitest'
import type { Resource } from '../../app/db/enums'
import { createAreaTest, pointInRing, type FailureScope, type LatLng } from '../../app/modules/scenarios/area'
import {
  findAffected,
  prepareScenarioGraph,
  reasonChain,
  runPreparedScenario,
  runScenario,
  stateAt,
  type ScenarioDependency,
  type ScenarioFailure,
  type ScenarioGraph,
  type ScenarioResult,
  type ScenarioService,
  type ScenarioSite,
  type ServiceState,
} from '../../app/modules/scenarios/engine'

// Every expected value below is worked out by hand from the model in
// engine.ts; the comment above each expectation shows the arithmetic.

function service(id: string, fields: Partial<ScenarioService> = {}): ScenarioService {
  return {
    id,
    organisationId: 'org-a',
    sector: 'municipal_technical',
    styrelClass: null,
    peopleServed: null,
    acceptableOutageHours: 72,
    siteIds: [],
    ...fields,
  }
}

function site(id: string, fields: Partial<ScenarioSite> = {}): ScenarioSite {
  return { id, organisationId: 'org-a', lat: null, lng: null, backupPowerHours: null, ...fields }
}

function needs(
  serviceId: string,
  resource: Resource,
  copesHours: number,
  backupHours: number | null = null,
): ScenarioDependency {
  return { serviceId, resource, dependsOnServiceId: null, copesHours, backupHours }
}

function needsService(
  serviceId: string,
  supplierId: string,
  copesHours: number,
  backupHours: number | null = null,
): ScenarioDependency {
  return { serviceId, resource: null, dependsOnServiceId: supplierId, copesHours, backupHours }
}

function outage(
  resource: Resource,
  startHour: number,
  durationHours: number | null,
  scope?: FailureScope,
): ScenarioFailure {
  return { target: { resource }, scope, startHour, durationHours }
}

function graph(
  services: ScenarioService[],
  dependencies: ScenarioDependency[],
  sites: ScenarioSite[] = [],
): ScenarioGraph {
  return { services, sites, dependencies }
}

function run(g: ScenarioGraph, failures: ScenarioFailure[], horizonHours = 72, restartHours = 0): ScenarioResult {
  return runScenario({ ...g, scenario: { failures, horizonHours, restartHours } })
}

function timeline(result: ScenarioResult, id: string): [number, number, ServiceState][] {
  const affected = findAffected(result, id)
  if (!affected) throw new Error(`${id} is not affected`)
  return affected.timeline.map((segment) => [segment.from, segment.to, segment.state])
}

function affectedIds(result: ScenarioResult): string[] {
  return result.affected.map((a) => a.id)
}

describe('a chain across organisations', () => {
  // A: the water company's waterworks, on electricity with 12 h of backup power at its site, copes 2 h.
  // B: the municipality's care home, on A's drinking water, with 4 h of water in tanks, copes 6 h.
  // C: the region's home care, on B, no backup, no margin.
  const g = graph(
    [
      service('A', { organisationId: 'org-water', siteIds: ['plant'], acceptableOutageHours: 24 }),
      service('B', { organisationId: 'org-municipality', acceptableOutageHours: 48 }),
      service('C', { organisationId: 'org-region', acceptableOutageHours: 72 }),
    ],
    [needs('A', 'electricity', 2), needsService('B', 'A', 6, 4), needsService('C', 'B', 0)],
    [site('plant', { organisationId: 'org-water', backupPowerHours: 12 })],
  )
  const result = run(g, [outage('electricity', 0, null)])

  it('passes the failure down the chain with each link’s backup and margin', () => {
    // A: backup [0, 12), degraded [12, 12 + 2 = 14), failed from 14.
    expect(timeline(result, 'A')).toEqual([
      [0, 12, 'backup'],
      [12, 14, 'degraded'],
      [14, 72, 'failed'],
    ])
    // B loses A at 14: tanks [14, 14 + 4 = 18), copes [18, 18 + 6 = 24), failed from 24.
    expect(timeline(result, 'B')).toEqual([
      [0, 14, 'normal'],
      [14, 18, 'backup'],
      [18, 24, 'degraded'],
      [24, 72, 'failed'],
    ])
    // C loses B at 24 with 0 + 0 hours: failed in the same instant, 24 (not 25).
    expect(timeline(result, 'C')).toEqual([
      [0, 24, 'normal'],
      [24, 72, 'failed'],
    ])
    expect(result.affected.map((a) => a.firstFailedAt)).toEqual([14, 24, 24])
  })

  it('keeps the reasons as structured data, and chains them through the suppliers', () => {
    expect(findAffected(result, 'A')!.failures).toEqual([
      {
        from: 14,
        to: null,
        reason: {
          kind: 'resource',
          resource: 'electricity',
          lostAt: 0,
          backupHours: 12,
          backupSource: 'site',
          copesHours: 2,
          failedAt: 14,
        },
      },
    ])
    expect(reasonChain(result, 'C')).toEqual([
      {
        kind: 'service',
        serviceId: 'B',
        lostAt: 24,
        backupHours: 0,
        backupSource: 'none',
        copesHours: 0,
        failedAt: 24,
      },
      {
        kind: 'service',
        serviceId: 'A',
        lostAt: 14,
        backupHours: 4,
        backupSource: 'dependency',
        copesHours: 6,
        failedAt: 24,
      },
      {
        kind: 'resource',
        resource: 'electricity',
        lostAt: 0,
        backupHours: 12,
        backupSource: 'site',
        copesHours: 2,
        failedAt: 14,
      },
    ])
  })

  it('tells the hour the acceptable outage time is exceeded', () => {
    // A: failed from 14, acceptable 24 h: exceeded at 14 + 24 = 38 (< 72, still failed).
    // B: 24 + 48 = 72, the end of the scenario: not inside it. C: 24 + 72 = 96: no.
    expect(result.affected.map((a) => a.outageExceededAt)).toEqual([38, null, null])
  })

  it('answers stateAt by id or by index, at any hour of the scenario', () => {
    expect(stateAt(result, 'B', 13.99)).toBe('normal')
    expect(stateAt(result, 'B', 14)).toBe('backup')
    expect(stateAt(result, 'B', 23.5)).toBe('degraded')
    expect(stateAt(result, 'B', 24)).toBe('failed')
    // The end of the scenario: the state it ends in.
    expect(stateAt(result, 'B', 72)).toBe('failed')
    expect(stateAt(result, 0, 12)).toBe('degraded')
    expect(stateAt(result, 'not-affected', 30)).toBe('normal')
    expect(() => stateAt(result, 'B', 73)).toThrow(RangeError)
    expect(() => stateAt(result, 5, 1)).toThrow(RangeError)
  })
})

describe('fan-in and fan-out', () => {
  it('a service with several lost dependencies fails by the earliest, which is the reason', () => {
    // electricity from 0, own backup 10 h, copes 5: would fail at 0 + 10 + 5 = 15
    // drinking water from 4, copes 3: would fail at 4 + 3 = 7
    // telecom from 2, own backup 1 h, copes 2: backup [2, 3), degraded [3, 5), fails at 2 + 1 + 2 = 5  <- earliest
    const g = graph(
      [service('S')],
      [needs('S', 'electricity', 5, 10), needs('S', 'drinking_water', 3), needs('S', 'telecom_it', 2, 1)],
    )
    const result = run(g, [
      outage('electricity', 0, null),
      outage('drinking_water', 4, null),
      outage('telecom_it', 2, null),
    ])
    // [0, 3): electricity on backup, telecom on backup from 2 → backup; [3, 5): telecom degraded; 5: failed.
    expect(timeline(result, 'S')).toEqual([
      [0, 3, 'backup'],
      [3, 5, 'degraded'],
      [5, 72, 'failed'],
    ])
    expect(findAffected(result, 'S')!.failures[0]!.reason).toEqual({
      kind: 'resource',
      resource: 'telecom_it',
      lostAt: 2,
      backupHours: 1,
      backupSource: 'dependency',
      copesHours: 2,
      failedAt: 5,
    })
  })

  it('breaks ties at the same instant by the earliest loss, then the resource order', () => {
    // fuel lost at 3, copes 2 → 5; transport lost at 0, copes 5 → 5: transport was lost earlier.
    const earlier = run(graph([service('S')], [needs('S', 'fuel', 2), needs('S', 'transport', 5)]), [
      outage('fuel', 3, null),
      outage('transport', 0, null),
    ])
    expect(findAffected(earlier, 'S')!.failures[0]!.reason).toMatchObject({
      resource: 'transport',
      lostAt: 0,
      failedAt: 5,
    })
    // district heating 0 + 0 + 5 = 5 and electricity 0 + 4 + 1 = 5, both lost at 0: electricity comes first in the list.
    const sameLoss = run(graph([service('S')], [needs('S', 'district_heating', 5), needs('S', 'electricity', 1, 4)]), [
      outage('district_heating', 0, null),
      outage('electricity', 0, null),
    ])
    expect(findAffected(sameLoss, 'S')!.failures[0]!.reason).toMatchObject({ resource: 'electricity', failedAt: 5 })
  })

  it('one resource hits every service that needs it, each by its own numbers', () => {
    const g = graph(
      [service('s1'), service('s2'), service('s3'), service('s4', { siteIds: ['depot'] }), service('unrelated')],
      [
        needs('s1', 'electricity', 0),
        needs('s2', 'electricity', 6),
        needs('s3', 'electricity', 1, 80),
        needs('s4', 'electricity', 4),
        needs('unrelated', 'drinking_water', 0),
      ],
      [site('depot', { backupPowerHours: 24 })],
    )
    const result = run(g, [outage('electricity', 0, null)])
    expect(affectedIds(result)).toEqual(['s1', 's2', 's3', 's4'])
    // s1: 0 + 0 + 0 = 0; s2: 0 + 0 + 6 = 6; s3: 0 + 80 + 1 = 81 ≥ 72, never; s4: 0 + 24 (site) + 4 = 28.
    expect(result.affected.map((a) => a.firstFailedAt)).toEqual([0, 6, null, 28])
    expect(timeline(result, 's3')).toEqual([[0, 72, 'backup']])
  })
})

describe('cycles', () => {
  // A needs electricity (no backup, no margin) and B (copes 10); B needs A (copes 1).
  const services = [service('A', { organisationId: 'org-1' }), service('B', { organisationId: 'org-2' })]
  const cycle = [needs('A', 'electricity', 0), needsService('A', 'B', 10), needsService('B', 'A', 1)]

  it('terminate, and recover together once the outside input is back', () => {
    const result = run(graph(services, cycle), [outage('electricity', 0, 20)], 48)
    // A fails at 0 + 0 + 0 = 0; B loses A at 0, copes [0, 1), fails at 1.
    // At 20 electricity returns: nothing from outside the cycle is lost, so A→B and B→A no longer hold: both recover at 20.
    expect(timeline(result, 'A')).toEqual([
      [0, 20, 'failed'],
      [20, 48, 'recovered'],
    ])
    expect(timeline(result, 'B')).toEqual([
      [0, 1, 'degraded'],
      [1, 20, 'failed'],
      [20, 48, 'recovered'],
    ])
    expect(reasonChain(result, 'B')).toEqual([
      { kind: 'service', serviceId: 'A', lostAt: 0, backupHours: 0, backupSource: 'none', copesHours: 1, failedAt: 1 },
      {
        kind: 'resource',
        resource: 'electricity',
        lostAt: 0,
        backupHours: 0,
        backupSource: 'none',
        copesHours: 0,
        failedAt: 0,
      },
    ])
  })

  it('restart together after restartHours', () => {
    const result = run(graph(services, cycle), [outage('electricity', 0, 20)], 48, 3)
    // Both restart from 20 and are running at 20 + 3 = 23.
    expect(timeline(result, 'A')).toEqual([
      [0, 23, 'failed'],
      [23, 48, 'recovered'],
    ])
    expect(timeline(result, 'B')).toEqual([
      [0, 1, 'degraded'],
      [1, 23, 'failed'],
      [23, 48, 'recovered'],
    ])
  })

  it('wait while any member still lacks something from outside', () => {
    // B also needs drinking water, lost 0–30, copes 40 (would fail only at 40): at 20 the cycle still lacks water,
    // so the members keep holding each other; at 30 everything from outside is back and both recover.
    const result = run(
      graph(services, [...cycle, needs('B', 'drinking_water', 40)]),
      [outage('electricity', 0, 20), outage('drinking_water', 0, 30)],
      48,
    )
    expect(timeline(result, 'A')).toEqual([
      [0, 30, 'failed'],
      [30, 48, 'recovered'],
    ])
    expect(timeline(result, 'B')).toEqual([
      [0, 1, 'degraded'],
      [1, 30, 'failed'],
      [30, 48, 'recovered'],
    ])
  })

  it('reasonChain stops at a service it has seen', () => {
    const reason = (serviceId: string) =>
      ({
        kind: 'service',
        serviceId,
        lostAt: 5,
        backupHours: 0,
        backupSource: 'none',
        copesHours: 0,
        failedAt: 5,
      }) as const
    const looped: ScenarioResult = {
      horizonHours: 10,
      restartHours: 0,
      serviceCount: 2,
      affected: [
        {
          id: 'X',
          timeline: [],
          firstFailedAt: 5,
          outageExceededAt: null,
          failures: [{ from: 5, to: null, reason: reason('Y') }],
        },
        {
          id: 'Y',
          timeline: [],
          firstFailedAt: 5,
          outageExceededAt: null,
          failures: [{ from: 5, to: null, reason: reason('X') }],
        },
      ],
      totals: run(graph([], []), []).totals,
    }
    expect(reasonChain(looped, 'X')).toEqual([reason('Y'), reason('X')])
  })
})

describe('the end of the scenario', () => {
  it('a backup that lasts exactly the scenario never fails (the end is strict)', () => {
    // Site backup 72 h, copes 0: would fail at 0 + 72 + 0 = 72, which is outside [0, 72).
    // Backup 71 h, copes 1: 71 + 1 = 72, also outside. Backup 70 h, copes 1: 71, inside.
    const g = graph(
      [
        service('exact', { siteIds: ['s72'] }),
        service('split', { siteIds: ['s71'] }),
        service('short', { siteIds: ['s70'] }),
      ],
      [needs('exact', 'electricity', 0), needs('split', 'electricity', 1), needs('short', 'electricity', 1)],
      [
        site('s72', { backupPowerHours: 72 }),
        site('s71', { backupPowerHours: 71 }),
        site('s70', { backupPowerHours: 70 }),
      ],
    )
    const result = run(g, [outage('electricity', 0, null)])
    expect(timeline(result, 'exact')).toEqual([[0, 72, 'backup']])
    expect(timeline(result, 'split')).toEqual([
      [0, 71, 'backup'],
      [71, 72, 'degraded'],
    ])
    expect(timeline(result, 'short')).toEqual([
      [0, 70, 'backup'],
      [70, 71, 'degraded'],
      [71, 72, 'failed'],
    ])
    expect(result.affected.map((a) => a.firstFailedAt)).toEqual([null, 71, null])
    // Hour 72 is the state the scenario ends in: exact on backup, split degraded, short failed.
    expect(result.totals.backup[72]).toBe(1)
    expect(result.totals.degraded[72]).toBe(1)
    expect(result.totals.failed[72]).toBe(1)
    expect(result.totals.failed[71]).toBe(1)
    expect(result.totals.failed[70]).toBe(0)
  })
})

describe('outages that end', () => {
  // S1 needs electricity (copes 2); S2 needs S1 (copes 1). Electricity is out 0–10.
  const chain = graph([service('S1'), service('S2')], [needs('S1', 'electricity', 2), needsService('S2', 'S1', 1)])

  it('recover when the dependency returns (no restart time)', () => {
    const result = run(chain, [outage('electricity', 0, 10)], 48)
    // S1: degraded [0, 2), failed [2, 10), recovered at 10.
    expect(timeline(result, 'S1')).toEqual([
      [0, 2, 'degraded'],
      [2, 10, 'failed'],
      [10, 48, 'recovered'],
    ])
    // S2 loses S1 at 2: degraded [2, 3), failed [3, 10); S1 is back at 10, so is S2.
    expect(timeline(result, 'S2')).toEqual([
      [0, 2, 'normal'],
      [2, 3, 'degraded'],
      [3, 10, 'failed'],
      [10, 48, 'recovered'],
    ])
    expect(findAffected(result, 'S2')!.failures).toMatchObject([{ from: 3, to: 10 }])
  })

  it('recover restartHours after the dependency returns, one link after the other', () => {
    const result = run(chain, [outage('electricity', 0, 10)], 48, 4)
    // S1: electricity back at 10, running at 10 + 4 = 14. S2: S1 back at 14, running at 14 + 4 = 18.
    expect(timeline(result, 'S1')).toEqual([
      [0, 2, 'degraded'],
      [2, 14, 'failed'],
      [14, 48, 'recovered'],
    ])
    expect(timeline(result, 'S2')).toEqual([
      [0, 2, 'normal'],
      [2, 3, 'degraded'],
      [3, 18, 'failed'],
      [18, 48, 'recovered'],
    ])
  })

  it('a backup is whole again for the next loss; back-to-back failures are one loss', () => {
    const g = graph([service('S')], [needs('S', 'electricity', 2, 4)])
    // Out 0–5: backup [0, 4), degraded [4, 5), back at 5 before 0 + 4 + 2 = 6: never failed, so "normal".
    // Out again 8–20: backup refilled: [8, 12), degraded [12, 14), failed [14, 20), recovered at 20.
    const refilled = run(g, [outage('electricity', 0, 5), outage('electricity', 8, 12)], 24)
    expect(timeline(refilled, 'S')).toEqual([
      [0, 4, 'backup'],
      [4, 5, 'degraded'],
      [5, 8, 'normal'],
      [8, 12, 'backup'],
      [12, 14, 'degraded'],
      [14, 20, 'failed'],
      [20, 24, 'recovered'],
    ])
    // Out 0–5 and 5–10: one loss from 0, so failed at 0 + 4 + 2 = 6 until 10.
    const joined = run(g, [outage('electricity', 0, 5), outage('electricity', 5, 5)], 24)
    expect(timeline(joined, 'S')).toEqual([
      [0, 4, 'backup'],
      [4, 6, 'degraded'],
      [6, 10, 'failed'],
      [10, 24, 'recovered'],
    ])
    // Out 0–6: the margin would run out at 0 + 4 + 2 = 6, the hour the power returns: never failed.
    const justInTime = run(g, [outage('electricity', 0, 6)], 24)
    expect(timeline(justInTime, 'S')).toEqual([
      [0, 4, 'backup'],
      [4, 6, 'degraded'],
      [6, 24, 'normal'],
    ])
  })

  it('a failed service waits until nothing is lost, and a new loss restarts the wait', () => {
    const g = graph([service('S')], [needs('S', 'electricity', 0), needs('S', 'drinking_water', 5)])
    // Electricity back at 10 as water goes at 10 (until 12): at no moment is nothing lost before 12.
    const handOver = run(g, [outage('electricity', 0, 10), outage('drinking_water', 10, 2)], 24)
    expect(timeline(handOver, 'S')).toEqual([
      [0, 12, 'failed'],
      [12, 24, 'recovered'],
    ])
    // Restart 3 h: electricity back at 10, restart from 10; water lost 11–12 interrupts it; restart 12 + 3 = 15.
    const interrupted = run(g, [outage('electricity', 0, 10), outage('drinking_water', 11, 1)], 24, 3)
    expect(timeline(interrupted, 'S')).toEqual([
      [0, 15, 'failed'],
      [15, 24, 'recovered'],
    ])
  })
})

describe('area-limited outages', () => {
  // A square around Vårgårda; Borås lies outside it.
  const square: LatLng[] = [
    [58.0, 12.7],
    [58.0, 12.9],
    [58.1, 12.9],
    [58.1, 12.7],
  ]
  const sites = [
    site('vargarda', { lat: 58.034, lng: 12.808 }),
    site('boras', { lat: 57.721, lng: 12.94 }),
    site('edge', { lat: 58.0, lng: 12.8 }),
    site('unplaced'),
  ]
  const g = graph(
    [
      service('inside', { siteIds: ['vargarda'] }),
      service('outside', { siteIds: ['boras'], organisationId: 'org-b' }),
      service('on-edge', { siteIds: ['edge'], organisationId: 'org-b' }),
      service('both', { siteIds: ['boras', 'vargarda'], organisationId: 'org-b' }),
      service('no-site'),
      service('no-position', { siteIds: ['unplaced'], organisationId: 'org-b' }),
    ],
    ['inside', 'outside', 'on-edge', 'both', 'no-site', 'no-position'].map((id) => needs(id, 'electricity', 0)),
    sites,
  )

  it('a polygon hits the services with a site inside it (edges count as inside)', () => {
    const result = run(g, [outage('electricity', 0, null, { kind: 'area', ring: square })])
    expect(affectedIds(result)).toEqual(['both', 'inside', 'on-edge'])
  })

  it('a list of sites hits the services at those sites', () => {
    const result = run(g, [outage('electricity', 0, null, { kind: 'sites', siteIds: ['boras'] })])
    expect(affectedIds(result)).toEqual(['both', 'outside'])
  })

  it('a list of organisations hits their services, with or without sites', () => {
    const result = run(g, [outage('electricity', 0, null, { kind: 'organisations', organisationIds: ['org-a'] })])
    expect(affectedIds(result)).toEqual(['inside', 'no-site'])
  })

  it('pointInRing treats the ring as closed or open alike', () => {
    expect(pointInRing(58.05, 12.8, square)).toBe(true)
    expect(pointInRing(58.05, 12.8, [...square, square[0]!])).toBe(true)
    expect(pointInRing(58.2, 12.8, square)).toBe(false)
    expect(pointInRing(58.1, 12.9, square)).toBe(true)
    expect(createAreaTest(square)(57.721, 12.94)).toBe(false)
  })
})

describe('several failures and targets', () => {
  it('a later extra failure (water at 6 on top of electricity at 0) can fail a service first', () => {
    // Electricity: site backup 12, copes 2 → would fail at 14. Water from 6, no backup, copes 4 → 6 + 4 = 10.
    const g = graph(
      [service('S', { siteIds: ['plant'] })],
      [needs('S', 'electricity', 2), needs('S', 'drinking_water', 4)],
      [site('plant', { backupPowerHours: 12 })],
    )
    const result = run(g, [outage('electricity', 0, null), outage('drinking_water', 6, null)])
    expect(timeline(result, 'S')).toEqual([
      [0, 6, 'backup'],
      [6, 10, 'degraded'],
      [10, 72, 'failed'],
    ])
    expect(findAffected(result, 'S')!.failures[0]!.reason).toEqual({
      kind: 'resource',
      resource: 'drinking_water',
      lostAt: 6,
      backupHours: 0,
      backupSource: 'none',
      copesHours: 4,
      failedAt: 10,
    })
  })

  it('a service targeted directly fails for the interval whatever the scope, and restarts like any other', () => {
    const g = graph([service('B', { organisationId: 'org-b' }), service('C')], [needsService('C', 'B', 2)])
    const failures: ScenarioFailure[] = [
      {
        target: { serviceId: 'B' },
        scope: { kind: 'organisations', organisationIds: ['org-x'] },
        startHour: 5,
        durationHours: 10,
      },
      { target: { serviceId: 'gone' }, startHour: 0, durationHours: null },
    ]
    // B failed [5, 15). C loses B at 5: degraded [5, 7), failed [7, 15).
    const result = run(g, failures, 24)
    expect(timeline(result, 'B')).toEqual([
      [0, 5, 'normal'],
      [5, 15, 'failed'],
      [15, 24, 'recovered'],
    ])
    expect(timeline(result, 'C')).toEqual([
      [0, 5, 'normal'],
      [5, 7, 'degraded'],
      [7, 15, 'failed'],
      [15, 24, 'recovered'],
    ])
    expect(reasonChain(result, 'C')).toEqual([
      { kind: 'service', serviceId: 'B', lostAt: 5, backupHours: 0, backupSource: 'none', copesHours: 2, failedAt: 7 },
      { kind: 'direct', failedAt: 5 },
    ])
    // Restart 2 h: B running at 15 + 2 = 17; C at 17 + 2 = 19.
    const restarted = run(g, failures, 24, 2)
    expect(findAffected(restarted, 'B')!.failures).toMatchObject([{ from: 5, to: 17 }])
    expect(findAffected(restarted, 'C')!.failures).toMatchObject([{ from: 7, to: 19 }])
  })
})

describe('within an instant, returns before losses: direct failures too', () => {
  // C needs itself (copes 0) and A (copes 0); A needs B (copes 1); B needs C (backup 100). All three are one cycle.
  const services = [service('A'), service('B'), service('C')]
  const cycle = [
    needsService('C', 'C', 0),
    needsService('C', 'A', 0),
    needsService('A', 'B', 1),
    needsService('B', 'C', 0, 100),
  ]
  const cFailsDirectly: ScenarioFailure = { target: { serviceId: 'C' }, startHour: 0, durationHours: 5 }

  function expectCRecoversAtFive(result: ScenarioResult) {
    // 0: C fails directly; B loses C and runs on its 100 h backup.
    // 5: returns first: C's direct failure is over and nothing else from outside the cycle is lost, so the
    //    dependencies inside the cycle count as present: C is running again ('recovered') and B has C back.
    //    Then the losses: B fails at 5; A loses B at 5, copes [5, 6), fails at 6; C loses A at 6 (copes 0): fails at 6.
    expect(timeline(result, 'A')).toEqual([
      [0, 5, 'normal'],
      [5, 6, 'degraded'],
      [6, 12, 'failed'],
    ])
    expect(timeline(result, 'B')).toEqual([
      [0, 5, 'backup'],
      [5, 12, 'failed'],
    ])
    expect(timeline(result, 'C')).toEqual([
      [0, 5, 'failed'],
      [5, 6, 'recovered'],
      [6, 12, 'failed'],
    ])
    expect(findAffected(result, 'C')!.failures).toEqual([
      { from: 0, to: 5, reason: { kind: 'direct', failedAt: 0 } },
      {
        from: 6,
        to: null,
        // A and C itself both fail at 6; the reason leads out of the cycle's instant through A (see "Reasons").
        reason: {
          kind: 'service',
          serviceId: 'A',
          lostAt: 6,
          backupHours: 0,
          backupSource: 'none',
          copesHours: 0,
          failedAt: 6,
        },
      },
    ])
    expect(findAffected(result, 'A')!.failures).toEqual([
      {
        from: 6,
        to: null,
        reason: {
          kind: 'service',
          serviceId: 'B',
          lostAt: 5,
          backupHours: 0,
          backupSource: 'none',
          copesHours: 1,
          failedAt: 6,
        },
      },
    ])
  }

  it('a service failure that starts as another ends is settled after the return', () => {
    const result = run(
      graph(services, cycle),
      [cFailsDirectly, { target: { serviceId: 'B' }, startHour: 5, durationHours: null }],
      12,
    )
    expectCRecoversAtFive(result)
    expect(findAffected(result, 'B')!.failures).toEqual([
      { from: 5, to: null, reason: { kind: 'direct', failedAt: 5 } },
    ])
  })

  it('behaves as a resource the service needs with no backup and no margin', () => {
    const result = run(
      graph(services, [...cycle, needs('B', 'drinking_water', 0, 0)]),
      [cFailsDirectly, outage('drinking_water', 5, null)],
      12,
    )
    expectCRecoversAtFive(result)
    expect(findAffected(result, 'B')!.failures).toEqual([
      {
        from: 5,
        to: null,
        reason: {
          kind: 'resource',
          resource: 'drinking_water',
          lostAt: 5,
          backupHours: 0,
          backupSource: 'dependency',
          copesHours: 0,
          failedAt: 5,
        },
      },
    ])
  })

  it('back-to-back failures of one service are one failure', () => {
    // A and B need each other (copes 0) and nothing outside: B fails directly 0–5 and 5–10.
    // One continuous loss: both stay failed until 10, one episode each.
    const g = graph([service('A'), service('B')], [needsService('A', 'B', 0), needsService('B', 'A', 0)])
    const twice = run(
      g,
      [
        { target: { serviceId: 'B' }, startHour: 0, durationHours: 5 },
        { target: { serviceId: 'B' }, startHour: 5, durationHours: 5 },
      ],
      12,
    )
    expect(timeline(twice, 'A')).toEqual([
      [0, 10, 'failed'],
      [10, 12, 'recovered'],
    ])
    expect(findAffected(twice, 'B')!.failures).toEqual([{ from: 0, to: 10, reason: { kind: 'direct', failedAt: 0 } }])
  })
})

describe('reasons in a cycle lead out of it', () => {
  it('a chain reaches the direct failure outside the cycle, not a member that failed in the same instant', () => {
    // A needs Z and B, B needs A (all copes 0, no backup); Z fails directly 0–10.
    // At 0: Z fails, A loses Z and fails, B loses A and fails, A loses B: A's dependencies on Z and B both
    // reach "failed" at 0. B would win the tie (a lower id), but B failed at 0 because of A: A's reason is Z.
    const g = graph(
      [service('A'), service('B'), service('Z')],
      [needsService('A', 'Z', 0), needsService('A', 'B', 0), needsService('B', 'A', 0)],
    )
    const result = run(g, [{ target: { serviceId: 'Z' }, startHour: 0, durationHours: 10 }], 12)
    const byZ = {
      kind: 'service',
      serviceId: 'Z',
      lostAt: 0,
      backupHours: 0,
      backupSource: 'none',
      copesHours: 0,
      failedAt: 0,
    }
    const byA = {
      kind: 'service',
      serviceId: 'A',
      lostAt: 0,
      backupHours: 0,
      backupSource: 'none',
      copesHours: 0,
      failedAt: 0,
    }
    expect(reasonChain(result, 'A')).toEqual([byZ, { kind: 'direct', failedAt: 0 }])
    expect(reasonChain(result, 'B')).toEqual([byA, byZ, { kind: 'direct', failedAt: 0 }])
    // At 10 Z is back: nothing from outside the cycle is lost, so A and B recover together.
    expect(timeline(result, 'A')).toEqual([
      [0, 10, 'failed'],
      [10, 12, 'recovered'],
    ])
    expect(timeline(result, 'B')).toEqual(timeline(result, 'A'))
  })

  it('a service that depends on itself is never its own reason', () => {
    // A needs itself and B (copes 0); B fails directly 0–5. The tie would pick A (the lower id): the reason is B.
    const g = graph([service('A'), service('B')], [needsService('A', 'A', 0), needsService('A', 'B', 0)])
    const result = run(g, [{ target: { serviceId: 'B' }, startHour: 0, durationHours: 5 }], 12)
    expect(reasonChain(result, 'A')).toEqual([
      { kind: 'service', serviceId: 'B', lostAt: 0, backupHours: 0, backupSource: 'none', copesHours: 0, failedAt: 0 },
      { kind: 'direct', failedAt: 0 },
    ])
    // At 5 B is back and A's only other input is itself: it recovers.
    expect(timeline(result, 'A')).toEqual([
      [0, 5, 'failed'],
      [5, 12, 'recovered'],
    ])
  })

  it('a longer cycle is followed back, one member at a time, to the member with a cause outside', () => {
    // A needs C and Z; B needs A; C needs B (all copes 0). Z fails directly 0–4.
    // All four fail at 0. A's tie would pick C (a lower id than Z), which leads round the cycle back to A.
    const g = graph(
      [service('A'), service('B'), service('C'), service('Z')],
      [needsService('A', 'C', 0), needsService('A', 'Z', 0), needsService('B', 'A', 0), needsService('C', 'B', 0)],
    )
    const result = run(g, [{ target: { serviceId: 'Z' }, startHour: 0, durationHours: 4 }], 8)
    // A: Z (outside the cycle), not C. B: A. C: B. The chain from C: C → B → A → Z → direct.
    expect(
      reasonChain(result, 'C').map((reason) => (reason.kind === 'service' ? reason.serviceId : reason.kind)),
    ).toEqual(['B', 'A', 'Z', 'direct'])
  })
})

describe('what the rules settle where they could read two ways', () => {
  it('a restart that ends as a new loss begins counts as a return: the service runs on its backup', () => {
    // S needs water (copes 0) and electricity (own backup 4, copes 0). Water out 0–2; restart 3 h: running at 5.
    // Electricity lost from 5: the end of the restart is settled first, then the loss: backup [5, 9), failed from 9.
    const g = graph([service('S')], [needs('S', 'drinking_water', 0), needs('S', 'electricity', 0, 4)])
    const result = run(g, [outage('drinking_water', 0, 2), outage('electricity', 5, null)], 12, 3)
    expect(timeline(result, 'S')).toEqual([
      [0, 5, 'failed'],
      [5, 9, 'backup'],
      [9, 12, 'failed'],
    ])
    expect(findAffected(result, 'S')!.failures).toMatchObject([
      { from: 0, to: 5 },
      { from: 9, to: null },
    ])
  })

  it('in a cycle, a direct failure that ends as another member’s margin on it runs out: the return wins', () => {
    // A, B, C are one cycle: A needs B (copes 0) and C (backup 100); B needs A (copes 5); C needs A (backup 100)
    // and water (backup 100), which is out from 0 for good, so an input from outside the cycle is missing throughout.
    // A fails directly 0–5; B loses A at 0 and copes [0, 5).
    // At 5 two outcomes are each consistent: (a) A is back, so B has A back and never fails; (b) B's margin runs out,
    // B fails, A has lost B and stays failed. The return is settled first, so (a).
    const g = graph(
      [service('A'), service('B'), service('C')],
      [
        needsService('A', 'B', 0),
        needsService('A', 'C', 0, 100),
        needsService('B', 'A', 5),
        needsService('C', 'A', 0, 100),
        needs('C', 'drinking_water', 0, 100),
      ],
    )
    const result = run(
      g,
      [{ target: { serviceId: 'A' }, startHour: 0, durationHours: 5 }, outage('drinking_water', 0, null)],
      12,
    )
    expect(timeline(result, 'A')).toEqual([
      [0, 5, 'failed'],
      [5, 12, 'recovered'],
    ])
    expect(timeline(result, 'B')).toEqual([
      [0, 5, 'degraded'],
      [5, 12, 'normal'],
    ])
    expect(timeline(result, 'C')).toEqual([[0, 12, 'backup']])
  })

  it('the Styrel totals always carry the keys 1 … 8 and none, with zeros when no service has them', () => {
    const g = graph([service('S', { styrelClass: 3 })], [needs('S', 'electricity', 0)])
    const { totals } = run(g, [outage('electricity', 1, null)], 2)
    expect(Object.keys(totals.failedByStyrel)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', 'none'])
    expect(totals.failedByStyrel['3']).toEqual([0, 1, 1])
    expect(totals.failedByStyrel.none).toEqual([0, 0, 0])
  })
})

describe('backup power', () => {
  it('an electricity dependency without its own backup uses the largest backup power of the service’s sites', () => {
    const g = graph(
      [
        service('two-sites', { siteIds: ['small', 'big', 'none'] }),
        service('own-backup', { siteIds: ['big'] }),
        service('own-zero', { siteIds: ['big'] }),
        service('fuel', { siteIds: ['big'] }),
      ],
      [
        needs('two-sites', 'electricity', 1),
        needs('own-backup', 'electricity', 1, 3),
        needs('own-zero', 'electricity', 1, 0),
        needs('fuel', 'fuel', 1),
      ],
      [site('small', { backupPowerHours: 6 }), site('big', { backupPowerHours: 10 }), site('none')],
    )
    const result = run(g, [outage('electricity', 0, null), outage('fuel', 0, null)])
    const reasons = Object.fromEntries(result.affected.map((a) => [a.id, a.failures[0]!.reason]))
    // max(6, 10) = 10 → fails at 10 + 1 = 11; own 3 h → 4; own 0 h (not the site's) → 1; fuel never uses backup power → 1.
    expect(reasons['two-sites']).toMatchObject({ backupHours: 10, backupSource: 'site', failedAt: 11 })
    expect(reasons['own-backup']).toMatchObject({ backupHours: 3, backupSource: 'dependency', failedAt: 4 })
    expect(reasons['own-zero']).toMatchObject({ backupHours: 0, backupSource: 'dependency', failedAt: 1 })
    expect(reasons['fuel']).toMatchObject({ backupHours: 0, backupSource: 'none', failedAt: 1 })
  })
})

describe('acceptable outage time', () => {
  it('is exceeded only by a failure longer than it, inside the scenario', () => {
    // Each service: electricity with copes 2, acceptable 8 h, its own organisation and its own outage.
    const ids = ['exactly', 'longer', 'to-the-end', 'late']
    const g = graph(
      ids.map((id) => service(id, { organisationId: `org-${id}`, acceptableOutageHours: 8 })),
      ids.map((id) => needs(id, 'electricity', 2)),
    )
    const only = (id: string): FailureScope => ({ kind: 'organisations', organisationIds: [`org-${id}`] })
    const result = run(g, [
      // out 0–10: failed [2, 10) = 8 h, not longer than 8: not exceeded.
      outage('electricity', 0, 10, only('exactly')),
      // out 0–10.5: failed [2, 10.5) = 8.5 h: exceeded at 2 + 8 = 10.
      outage('electricity', 0, 10.5, only('longer')),
      // out from 0 to the end: failed from 2: exceeded at 10.
      outage('electricity', 0, null, only('to-the-end')),
      // out from 62: failed from 64; 64 + 8 = 72 is the end, not inside the scenario.
      outage('electricity', 62, null, only('late')),
    ])
    expect(ids.map((id) => findAffected(result, id)!.outageExceededAt)).toEqual([null, 10, 10, null])
    expect(ids.map((id) => findAffected(result, id)!.firstFailedAt)).toEqual([2, 2, 2, 64])
  })
})

describe('totals per hour', () => {
  it('count failed services by sector and Styrel class, people served, and those on backup or degraded', () => {
    // Electricity out 0–5, horizon 6.
    // X: energy, class 1, 1000 people, copes 2:      degraded [0, 2), failed [2, 5), recovered [5, 6)
    // Y: health care, no class, people unknown, site backup 3, copes 0: backup [0, 3), failed [3, 5), recovered
    // Z: health care, class 1, 500 people, copes 1.5: degraded [0, 1.5), failed [1.5, 5), recovered
    // W: no dependencies: never affected.
    const g = graph(
      [
        service('X', { sector: 'energy', styrelClass: 1, peopleServed: 1000 }),
        service('Y', { sector: 'health_care', siteIds: ['y-site'] }),
        service('Z', { sector: 'health_care', styrelClass: 1, peopleServed: 500 }),
        service('W', { sector: 'health_care', styrelClass: 2, peopleServed: 99 }),
      ],
      [needs('X', 'electricity', 2), needs('Y', 'electricity', 0), needs('Z', 'electricity', 1.5)],
      [site('y-site', { backupPowerHours: 3 })],
    )
    const { totals, affected } = run(g, [outage('electricity', 0, 5)], 6)
    expect(affected.map((a) => a.id)).toEqual(['X', 'Y', 'Z'])
    // hour:                     0  1  2  3  4  5  6
    // X                         d  d  F  F  F  r  r
    // Y                         b  b  b  F  F  r  r
    // Z                         d  d  F  F  F  r  r    (hour 1 < 1.5: still degraded)
    expect(totals.failed).toEqual([0, 0, 2, 3, 3, 0, 0])
    expect(totals.backup).toEqual([1, 1, 1, 0, 0, 0, 0])
    expect(totals.degraded).toEqual([2, 2, 0, 0, 0, 0, 0])
    expect(totals.recovered).toEqual([0, 0, 0, 0, 0, 3, 3])
    // X 1000 + Z 500 = 1500 from hour 2; Y adds 0 (unknown).
    expect(totals.peopleServedFailed).toEqual([0, 0, 1500, 1500, 1500, 0, 0])
    expect(totals.failedBySector.energy).toEqual([0, 0, 1, 1, 1, 0, 0])
    expect(totals.failedBySector.health_care).toEqual([0, 0, 1, 2, 2, 0, 0])
    expect(totals.failedBySector.transport).toEqual([0, 0, 0, 0, 0, 0, 0])
    expect(totals.failedByStyrel['1']).toEqual([0, 0, 2, 2, 2, 0, 0])
    expect(totals.failedByStyrel.none).toEqual([0, 0, 0, 1, 1, 0, 0])
    expect(totals.failedByStyrel['2']).toEqual([0, 0, 0, 0, 0, 0, 0])
  })
})

describe('robustness', () => {
  it('ignores dependencies on unknown services and refuses an impossible scenario', () => {
    const g = graph([service('S')], [needsService('S', 'elsewhere', 0), needsService('nobody', 'S', 0)])
    expect(run(g, [outage('electricity', 0, null)]).affected).toEqual([])
    expect(() => run(g, [], 0)).toThrow(RangeError)
    expect(() => run(g, [outage('electricity', -1, null)])).toThrow(RangeError)
    expect(() => run(g, [], 24, -1)).toThrow(RangeError)
  })
})

describe('determinism', () => {
  /** A deterministic graph with shared suppliers, cycles, ties and sites, from a small PRNG. */
  function sample(): ScenarioGraph {
    let seed = 42
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const pick = (size: number) => Math.floor(next() * size)
    const resourceKeys: Resource[] = ['electricity', 'drinking_water', 'telecom_it', 'fuel']
    const sites = Array.from({ length: 12 }, (_, k) =>
      site(`site-${k}`, { lat: 57.5 + next(), lng: 12 + next(), backupPowerHours: k % 3 === 0 ? pick(24) : null }),
    )
    const services = Array.from({ length: 60 }, (_, i) =>
      service(`svc-${String(i).padStart(2, '0')}`, {
        organisationId: `org-${i % 7}`,
        sector: i % 2 === 0 ? 'energy' : 'health_care',
        styrelClass: i % 5 === 0 ? null : 1 + (i % 8),
        peopleServed: i * 10,
        acceptableOutageHours: [4, 12, 24][i % 3]!,
        siteIds: [`site-${pick(12)}`, `site-${pick(12)}`].filter((id, at, all) => all.indexOf(id) === at),
      }),
    )
    const dependencies: ScenarioDependency[] = []
    for (let d = 0; d < 180; d++) {
      const dependent = services[d % 60]!.id
      if (d % 3 === 2)
        dependencies.push(needsService(dependent, services[pick(60)]!.id, pick(4), d % 4 === 0 ? pick(3) : null))
      else dependencies.push(needs(dependent, resourceKeys[pick(4)]!, pick(6), d % 4 === 0 ? pick(8) : null))
    }
    return { services, sites, dependencies }
  }

  function shuffled<T>(list: readonly T[], salt: number): T[] {
    let seed = salt
    const copy = [...list]
    for (let i = copy.length - 1; i > 0; i--) {
      seed = (seed * 48271) % 2147483647
      const j = seed % (i + 1)
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy
  }

  it('gives the same result for the same graph in any order', () => {
    const g = sample()
    const failures: ScenarioFailure[] = [
      outage('electricity', 0, 30),
      outage('drinking_water', 6, 12, {
        kind: 'area',
        ring: [
          [57.5, 12],
          [57.5, 12.6],
          [58.5, 12.6],
          [58.5, 12],
        ],
      }),
      outage('telecom_it', 3, null, { kind: 'organisations', organisationIds: ['org-2', 'org-5'] }),
      { target: { serviceId: 'svc-07' }, startHour: 2, durationHours: 5 },
    ]
    const reference = run(g, failures, 48, 2)
    expect(reference.affected.length).toBeGreaterThan(10)
    for (const salt of [1, 7, 12345]) {
      const other = {
        services: shuffled(g.services, salt).map((s) => ({ ...s, siteIds: shuffled(s.siteIds, salt) })),
        sites: shuffled(g.sites, salt + 1),
        dependencies: shuffled(g.dependencies, salt + 2),
      }
      expect(run(other, failures, 48, 2)).toEqual(reference)
    }
  })

  it('runs many scenarios on one prepared graph, each as if alone', () => {
    const g = sample()
    const prepared = prepareScenarioGraph(g)
    const first: ScenarioFailure[] = [outage('electricity', 0, null)]
    const second: ScenarioFailure[] = [outage('drinking_water', 5, 10), outage('fuel', 0, 24)]
    const scenario = (failures: ScenarioFailure[]) => ({ failures, horizonHours: 48, restartHours: 1 })
    expect(runPreparedScenario(prepared, scenario(first))).toEqual(run(g, first, 48, 1))
    expect(runPreparedScenario(prepared, scenario(second))).toEqual(run(g, second, 48, 1))
    expect(runPreparedScenario(prepared, scenario(first))).toEqual(run(g, first, 48, 1))
  })
})
