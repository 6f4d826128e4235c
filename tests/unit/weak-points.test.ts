import { describe, expect, it } from 'vitest'
import type { Resource } from '../../app/db/enums'
import {
  crossOrganisationChains,
  EXACT_FAN_IN,
  fanIn,
  findWeakPoints,
  MAX_CHAIN,
  siteBackupPower,
  weakBackups,
} from '../../app/modules/dependency-graph/weak-points'
import { effectiveBackup } from '../../app/modules/registry/backup'
import type {
  ScenarioDependency,
  ScenarioGraph,
  ScenarioService,
  ScenarioSite,
} from '../../app/modules/scenarios/engine'

// Every expected value is worked out by hand; the comment above an
// expectation shows how.

function service(id: string, organisationId: string, fields: Partial<ScenarioService> = {}): ScenarioService {
  return {
    id,
    organisationId,
    sector: 'municipal_technical',
    styrelClass: null,
    peopleServed: null,
    acceptableOutageHours: 24,
    siteIds: [],
    ...fields,
  }
}

function site(id: string, backupPowerHours: number | null): ScenarioSite {
  return { id, organisationId: 'org', lat: null, lng: null, backupPowerHours }
}

function needs(serviceId: string, resource: Resource, backupHours: number | null = null, copesHours = 0) {
  return { serviceId, resource, dependsOnServiceId: null, copesHours, backupHours } satisfies ScenarioDependency
}

function needsService(serviceId: string, supplierId: string, backupHours: number | null = null, copesHours = 0) {
  return {
    serviceId,
    resource: null,
    dependsOnServiceId: supplierId,
    copesHours,
    backupHours,
  } satisfies ScenarioDependency
}

function graph(
  services: ScenarioService[],
  dependencies: ScenarioDependency[],
  sites: ScenarioSite[] = [],
): ScenarioGraph {
  return { services, dependencies, sites }
}

const targetsOf = (listing: ReturnType<typeof fanIn>) =>
  listing.items.map((item) => [
    item.target.kind === 'resource' ? item.target.resource : item.target.serviceId,
    item.direct,
    item.transitive,
  ])

describe('fan-in', () => {
  // d → c → a → b, a and b on electricity (a twice).
  const chain = graph(
    [service('a', 'A'), service('b', 'B'), service('c', 'C'), service('d', 'A')],
    [
      needs('a', 'electricity'),
      needs('a', 'electricity', 8),
      needs('b', 'electricity'),
      needsService('a', 'b'),
      needsService('c', 'a'),
      needsService('d', 'c'),
    ],
  )

  it('counts each dependent service once, directly and through chains, most first', () => {
    // electricity: direct a, b (a's two dependencies count once) = 2; through
    // chains also c (via a) and d (via c) = 4.
    // b: direct a = 1; in all a, c, d = 3. a: direct c; in all c, d = 2.
    // c: only d, who has no dependents: 1, below the minimum of 2. d: none.
    const result = fanIn(chain)
    expect(targetsOf(result)).toEqual([
      ['electricity', 2, 4],
      ['b', 1, 3],
      ['a', 1, 2],
    ])
    expect(result.total).toBe(3)
  })

  it('names the organisation that runs a service and those that depend on it, most dependents first', () => {
    const result = fanIn(
      graph(
        [service('hub', 'H'), service('x1', 'X'), service('x2', 'X'), service('y1', 'Y')],
        [needsService('y1', 'hub'), needsService('x1', 'hub'), needsService('x2', 'hub')],
      ),
    )
    // Two of X's services depend on the hub, one of Y's.
    expect(result.items).toEqual([
      {
        target: { kind: 'service', serviceId: 'hub' },
        organisationId: 'H',
        direct: 3,
        transitive: 3,
        dependentOrganisationIds: ['X', 'Y'],
      },
    ])
  })

  it('never counts a service among its own dependents in a cycle, and ends', () => {
    // x ⇄ y, z → x. Dependents of x: y and z (directly), nothing more: 2.
    // Of y: x directly, z through x; y itself is not counted: 2.
    const result = fanIn(
      graph(
        [service('x', 'A'), service('y', 'B'), service('z', 'C')],
        [needsService('x', 'y'), needsService('y', 'x'), needsService('z', 'x')],
      ),
    )
    expect(targetsOf(result)).toEqual([
      ['x', 2, 2],
      ['y', 1, 2],
    ])
  })

  it('a service whose one dependent depends only back on it is no hub', () => {
    // p ⇄ q: each has one dependent, the other, whose only dependent is itself.
    const result = fanIn(
      graph([service('p', 'A'), service('q', 'B')], [needsService('p', 'q'), needsService('q', 'p')]),
    )
    expect(result).toEqual({ total: 0, items: [] })
  })

  it('ignores dependencies on unknown services and gives the same answer whatever the input order', () => {
    const dependencies = [...chain.dependencies, needsService('a', 'gone'), needsService('gone', 'b')]
    const forward = fanIn({ ...chain, dependencies })
    const backward = fanIn({
      ...chain,
      services: [...chain.services].reverse(),
      dependencies: [...dependencies].reverse(),
    })
    expect(targetsOf(backward)).toEqual(targetsOf(forward))
    expect(targetsOf(forward)).toEqual(targetsOf(fanIn(chain)))
  })

  it('in a large graph counts exactly the services an estimate ranks highest', () => {
    // EXACT_FAN_IN + 20 small hubs (two dependents each) and one big one:
    // 50 services in a chain up to it, plus its one direct dependent's fan.
    const services: ScenarioService[] = [service('big', 'B')]
    const dependencies: ScenarioDependency[] = []
    for (let i = 0; i < EXACT_FAN_IN + 20; i++) {
      const hub = `hub-${String(i).padStart(4, '0')}`
      services.push(service(hub, 'H'), service(`${hub}-1`, 'X'), service(`${hub}-2`, 'Y'))
      dependencies.push(needsService(`${hub}-1`, hub), needsService(`${hub}-2`, hub))
    }
    let previous = 'big'
    for (let i = 0; i < 50; i++) {
      const id = `up-${String(i).padStart(2, '0')}`
      services.push(service(id, i % 2 ? 'A' : 'C'))
      dependencies.push(needsService(id, previous))
      previous = id
    }
    const result = fanIn(graph(services, dependencies), 3)
    // big: 50 services above it, 1 directly. up-00: 49 above it. up-01: 48.
    expect(targetsOf(result)).toEqual([
      ['big', 1, 50],
      ['up-00', 1, 49],
      ['up-01', 1, 48],
    ])
    // Every small hub, big, and up-00 … up-47: up-48's one dependent, up-49,
    // has none, so only one service depends on it. 120 + 1 + 48.
    expect(result.total).toBe(EXACT_FAN_IN + 20 + 1 + 48)
  })
})

describe('weak backups', () => {
  const services = [
    // Acceptable 24 h; sites with 12 h and 30 h of backup power: electricity has 30 h.
    service('two-sites', 'A', { siteIds: ['p12', 'p30'] }),
    service('one-site', 'A', { siteIds: ['p12'] }),
    service('zero', 'B'),
    service('water', 'B', { acceptableOutageHours: 6 }),
    service('own', 'C', { siteIds: ['p0'] }),
    service('exact', 'C', { acceptableOutageHours: 8 }),
    service('supplier', 'D'),
    service('customer', 'E', { acceptableOutageHours: 6 }),
    service('no-power', 'E', { siteIds: ['pnull'] }),
  ]
  const sites = [site('p12', 12), site('p30', 30), site('p0', 0), site('pnull', null)]
  const dependencies = [
    needs('two-sites', 'electricity'), // 30 h ≥ 24: fine
    needs('one-site', 'electricity'), // 12 h from the site < 24: short
    needs('zero', 'electricity', 0), // 0 h of its own: none
    needs('water', 'drinking_water', null, 48), // none, however long it copes
    needs('own', 'electricity', 48), // its own 48 h win over the site's 0 h: fine
    needs('exact', 'fuel', 8), // exactly the acceptable 8 h: fine
    needsService('customer', 'supplier', 4, 2), // 4 h < 6: short
    needs('no-power', 'electricity'), // the site states no backup power: none
    needs('one-site', 'telecom_it', 24), // 24 h = 24: fine
  ]
  const g = graph(services, dependencies, sites)

  it('takes the largest backup power among the sites for electricity without its own backup, as the engine does', () => {
    const power = siteBackupPower(g)
    expect(Object.fromEntries(power)).toEqual({ 'two-sites': 30, 'one-site': 12, own: 0 })
    expect(effectiveBackup(dependencies[0]!, power.get('two-sites'))).toEqual({ hours: 30, source: 'site' })
    expect(effectiveBackup(dependencies[4]!, power.get('own'))).toEqual({ hours: 48, source: 'dependency' })
    // Only electricity falls back on the sites.
    expect(effectiveBackup(needs('two-sites', 'fuel'), 30)).toEqual({ hours: 0, source: 'none' })
  })

  it('lists missing and too short backups, the least tolerant services first, none before short', () => {
    const result = weakBackups(g)
    expect(result.items.map((item) => [item.serviceId, item.kind, item.backup.hours, item.backup.source])).toEqual([
      // acceptable 6 h: water (none) before customer (short)
      ['water', 'none', 0, 'none'],
      ['customer', 'short', 4, 'dependency'],
      // acceptable 24 h: no-power and zero (none, by id), then one-site (short)
      ['no-power', 'none', 0, 'none'],
      ['zero', 'none', 0, 'dependency'],
      ['one-site', 'short', 12, 'site'],
    ])
    expect(result.total).toBe(5)
    expect(result.items[1]).toMatchObject({
      organisationId: 'E',
      target: { kind: 'service', serviceId: 'supplier' },
      supplierOrganisationId: 'D',
      copesHours: 2,
      acceptableOutageHours: 6,
      dependencyIndex: 6,
    })
  })

  it('cuts the list at the limit and keeps the count', () => {
    const result = weakBackups(g, 2)
    expect(result.total).toBe(5)
    expect(result.items.map((item) => item.serviceId)).toEqual(['water', 'customer'])
  })
})

describe('cross-organisation chains', () => {
  const ids = (listing: ReturnType<typeof crossOrganisationChains>) => listing.items.map((chain) => chain.serviceIds)

  it('reports the longest chain from each service and leaves out the tails of longer ones', () => {
    // a (A) → b (B) → c (C); d (D) → b. From a and from d: two crossings.
    // b → c is the tail of both. e → f stays inside E: no chain.
    const result = crossOrganisationChains(
      graph(
        [
          service('a', 'A'),
          service('b', 'B'),
          service('c', 'C'),
          service('d', 'D'),
          service('e', 'E'),
          service('f', 'E'),
        ],
        [needsService('a', 'b'), needsService('b', 'c'), needsService('d', 'b'), needsService('e', 'f')],
      ),
    )
    expect(result.items).toEqual([
      { serviceIds: ['a', 'b', 'c'], organisationIds: ['A', 'B', 'C'], crossings: 2, continues: false },
      { serviceIds: ['d', 'b', 'c'], organisationIds: ['D', 'B', 'C'], crossings: 2, continues: false },
    ])
    expect(result.total).toBe(2)
  })

  it('prefers more crossings to more services, lists an organisation once, and sorts longest first', () => {
    // s1 (A) may go s1 → s2 (A) → s3 (A) → s4 (B): 1 crossing, 4 services,
    // or s1 → t1 (B) → t2 (A): 2 crossings, 3 services. The second wins and
    // names A once. s2's chain s2 → s3 → s4 is no tail of it: listed after.
    const result = crossOrganisationChains(
      graph(
        [
          service('s1', 'A'),
          service('s2', 'A'),
          service('s3', 'A'),
          service('s4', 'B'),
          service('t1', 'B'),
          service('t2', 'A'),
        ],
        [
          needsService('s1', 's2'),
          needsService('s2', 's3'),
          needsService('s3', 's4'),
          needsService('s1', 't1'),
          needsService('t1', 't2'),
        ],
      ),
    )
    expect(result.items.map((chain) => [chain.serviceIds, chain.organisationIds, chain.crossings])).toEqual([
      [['s1', 't1', 't2'], ['A', 'B'], 2],
      [['s2', 's3', 's4'], ['A', 'B'], 1],
    ])
  })

  it('follows a cycle round once and ends', () => {
    // p (P) → q (Q) → r (R) → p. Searching from p (the smallest id), r's edge
    // back to p is skipped: r's chain is r; q's is q → r; p's is p → q → r.
    // q → r is the tail of p's chain.
    const result = crossOrganisationChains(
      graph(
        [service('p', 'P'), service('q', 'Q'), service('r', 'R')],
        [needsService('p', 'q'), needsService('q', 'r'), needsService('r', 'p')],
      ),
    )
    expect(ids(result)).toEqual([['p', 'q', 'r']])
    expect(result.items[0]!.crossings).toBe(2)
  })

  it('never repeats a service in a graph full of cycles', () => {
    // Every service depends on the next three (mod 12), over four organisations.
    const services = Array.from({ length: 12 }, (_, i) => service(`s${String(i).padStart(2, '0')}`, `O${i % 4}`))
    const dependencies = services.flatMap((_, i) =>
      [1, 2, 3].map((step) => needsService(services[i]!.id, services[(i + step) % 12]!.id)),
    )
    const result = crossOrganisationChains(graph(services, dependencies))
    expect(result.total).toBeGreaterThan(0)
    for (const chain of result.items) {
      expect(new Set(chain.serviceIds).size).toBe(chain.serviceIds.length)
      expect(chain.serviceIds.length).toBeLessThanOrEqual(MAX_CHAIN)
      // Consecutive services are connected by a dependency.
      chain.serviceIds.slice(1).forEach((id, i) => {
        expect(dependencies.some((d) => d.serviceId === chain.serviceIds[i] && d.dependsOnServiceId === id)).toBe(true)
      })
    }
  })

  it('cuts a chain longer than MAX_CHAIN services and says it goes on', () => {
    // x00 → x01 → … → x14, alternating between two organisations: from x00,
    // 14 crossings in 15 services; cut to the first MAX_CHAIN (10) services,
    // 9 crossings. The cut chains of x01 … are its continuation: left out.
    const services = Array.from({ length: 15 }, (_, i) => service(`x${String(i).padStart(2, '0')}`, i % 2 ? 'B' : 'A'))
    const dependencies = services.slice(1).map((s, i) => needsService(services[i]!.id, s.id))
    const result = crossOrganisationChains(graph(services, dependencies))
    expect(result.total).toBe(1)
    expect(result.items[0]).toEqual({
      serviceIds: services.slice(0, MAX_CHAIN).map((s) => s.id),
      organisationIds: ['A', 'B'],
      crossings: MAX_CHAIN - 1,
      continues: true,
    })
  })
})

describe('all weak points together', () => {
  it('applies the limits to each list and keeps the totals', () => {
    const g = graph(
      [service('a', 'A'), service('b', 'B'), service('c', 'C'), service('d', 'D')],
      [
        needsService('a', 'c'),
        needsService('b', 'c'),
        needsService('c', 'd'),
        needs('a', 'electricity'),
        needs('b', 'electricity'),
      ],
    )
    const result = findWeakPoints(g, { hubs: 1, backups: 2, chains: 1 })
    // Hubs: c (a, b directly: 2), d (c directly; a, b through it: 3), electricity (a, b: 2).
    expect(result.hubs.total).toBe(3)
    expect(result.hubs.items.map((item) => item.target)).toEqual([{ kind: 'service', serviceId: 'd' }])
    // Five dependencies, none with a backup.
    expect(result.backups.total).toBe(5)
    expect(result.backups.items).toHaveLength(2)
    // a → c → d and b → c → d; c → d is their tail.
    expect(result.chains.total).toBe(2)
    expect(result.chains.items.map((chain) => chain.serviceIds)).toEqual([['a', 'c', 'd']])
  })
})
