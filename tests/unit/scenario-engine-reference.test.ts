import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sectors, type Resource } from '../../app/db/enums'
import type { FailureScope } from '../../app/modules/scenarios/area'
import {
  reasonChain,
  runScenario,
  type ScenarioDependency,
  type ScenarioFailure,
  type ScenarioInput,
  type ScenarioService,
  type ScenarioSite,
} from '../../app/modules/scenarios/engine'
import { referenceScenario } from '../support/cascade-reference'

// The engine against a plain step-by-step simulation of its written rules
// (tests/support/cascade-reference.ts), on small random graphs whose times lie
// on a 1/8-hour grid: mostly whole or half hours, so that events coincide.

const serviceIds = ['a', 'b', 'c', 'd', 'e', 'f']
const organisationIds = ['org-1', 'org-2', 'org-3']
const siteIds = ['site-1', 'site-2', 'site-3']
const someResources: Resource[] = ['electricity', 'drinking_water', 'fuel']
const plainService: Omit<ScenarioService, 'id'> = {
  organisationId: 'org-1',
  sector: sectors[0],
  styrelClass: null,
  peopleServed: null,
  acceptableOutageHours: 2,
  siteIds: [],
}

/** Hours from 0 to max: mostly 0 or whole hours, so that events coincide; else half hours or eighths. */
const hoursUpTo = (max: number) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: max * 2 }).map((k) => k / 2) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: max * 8 }).map((k) => k / 8) },
  )
const durationUpTo = (max: number) =>
  fc.option(
    hoursUpTo(max).map((hours) => hours || max),
    { freq: 3 },
  )
const wholeHoursUpTo = (max: number) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 0, max }) })

/** The id of one of the first `count` services, or now and then one the graph does not have. */
const serviceRef = (count: number, unknown = 1) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: count - 1 }).map((i) => serviceIds[i]!) },
    { weight: unknown, arbitrary: fc.constant('unknown') },
  )

const scope: fc.Arbitrary<FailureScope | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant<FailureScope>({ kind: 'everywhere' }),
  fc.subarray(organisationIds).map((ids): FailureScope => ({ kind: 'organisations', organisationIds: ids })),
  fc.subarray([...siteIds, 'unknown']).map((ids): FailureScope => ({ kind: 'sites', siteIds: ids })),
  // A square on the lattice of site positions: sites on its edges count as inside.
  fc
    .record({
      lat: fc.integer({ min: 0, max: 2 }),
      lng: fc.integer({ min: 0, max: 2 }),
      size: fc.integer({ min: 1, max: 2 }),
    })
    .map(({ lat, lng, size }): FailureScope => ({
      kind: 'area',
      ring: [
        [lat, lng],
        [lat, lng + size],
        [lat + size, lng + size],
        [lat + size, lng],
      ],
    })),
)

/** Up to 5 services with sites, backup power, scopes, Styrel classes and unknown ids; times mostly on whole hours. */
const anyScenario: fc.Arbitrary<ScenarioInput> = fc.integer({ min: 1, max: 5 }).chain((count) => {
  const site = fc.record({
    organisationId: fc.constantFrom(...organisationIds),
    lat: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 4 }),
    lng: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 4 }),
    backupPowerHours: fc.option(hoursUpTo(4), { freq: 2 }),
  })
  const service = fc.record({
    organisationId: fc.constantFrom(...organisationIds),
    sector: fc.constantFrom(sectors[0], sectors[1], sectors[2]),
    styrelClass: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 8 }), fc.constant(9)),
    peopleServed: fc.option(fc.integer({ min: 0, max: 1000 })),
    acceptableOutageHours: hoursUpTo(6),
    siteIds: fc.subarray([...siteIds, 'unknown']),
  })
  const dependency = fc
    .record({
      serviceId: serviceRef(count),
      resource: fc.constantFrom(...someResources),
      supplier: serviceRef(count),
      onService: fc.boolean(),
      copesHours: hoursUpTo(3),
      backupHours: fc.option(hoursUpTo(3), { freq: 2 }),
    })
    .map(({ serviceId, resource, supplier, onService, copesHours, backupHours }): ScenarioDependency => ({
      serviceId,
      resource: onService ? null : resource,
      dependsOnServiceId: onService ? supplier : null,
      copesHours,
      backupHours,
    }))
  const failure: fc.Arbitrary<ScenarioFailure> = fc.oneof(
    fc.record({
      target: fc.constantFrom(...someResources).map((resource) => ({ resource })),
      scope,
      startHour: hoursUpTo(6),
      durationHours: durationUpTo(6),
    }),
    fc.record({
      target: serviceRef(count).map((serviceId) => ({ serviceId })),
      startHour: hoursUpTo(6),
      durationHours: durationUpTo(6),
    }),
  )
  return fc.record({
    sites: fc
      .array(site, { maxLength: siteIds.length })
      .map((list): ScenarioSite[] => list.map((fields, k) => ({ ...fields, id: siteIds[k]! }))),
    services: fc
      .array(service, { minLength: count, maxLength: count })
      .map((list): ScenarioService[] => list.map((fields, i) => ({ ...fields, id: serviceIds[i]! }))),
    dependencies: fc.array(dependency, { minLength: 1, maxLength: 10 }),
    scenario: fc.record({
      failures: fc.array(failure, { minLength: 1, maxLength: 4 }),
      horizonHours: fc.oneof(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 96 }).map((k) => k / 8),
      ),
      restartHours: fc.oneof(fc.constant(0), hoursUpTo(3)),
    }),
  })
})

/**
 * Two to four services that depend mostly on each other (themselves included),
 * with margins and backups of 0 or 1 hour, failed directly or by a resource
 * on whole hours: cycles whose events coincide.
 */
const cyclicScenario: fc.Arbitrary<ScenarioInput> = fc.integer({ min: 2, max: 4 }).chain((count) => {
  const dependency = fc
    .record({
      serviceId: serviceRef(count, 0),
      supplier: serviceRef(count, 0),
      resource: fc.constantFrom(...someResources),
      onService: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      copesHours: wholeHoursUpTo(1),
      backupHours: fc.option(wholeHoursUpTo(1), { freq: 2 }),
    })
    .map(({ serviceId, supplier, resource, onService, copesHours, backupHours }): ScenarioDependency => ({
      serviceId,
      resource: onService ? null : resource,
      dependsOnServiceId: onService ? supplier : null,
      copesHours,
      backupHours,
    }))
  const lasting = fc.option(fc.integer({ min: 1, max: 3 }), { freq: 3 })
  const failure: fc.Arbitrary<ScenarioFailure> = fc.oneof(
    fc.record({
      target: serviceRef(count, 0).map((serviceId) => ({ serviceId })),
      startHour: wholeHoursUpTo(3),
      durationHours: lasting,
    }),
    fc.record({
      target: fc.constantFrom(...someResources).map((resource) => ({ resource })),
      startHour: wholeHoursUpTo(3),
      durationHours: lasting,
    }),
  )
  return fc.record({
    sites: fc.constant([]),
    services: fc.constant(serviceIds.slice(0, count).map((id) => ({ ...plainService, id }))),
    dependencies: fc.array(dependency, { minLength: 2, maxLength: 8 }),
    scenario: fc.record({
      failures: fc.array(failure, { minLength: 1, maxLength: 4 }),
      horizonHours: fc.integer({ min: 1, max: 6 }),
      restartHours: wholeHoursUpTo(1),
    }),
  })
})

describe('the engine follows its written rules', () => {
  const sameAsReference = (input: ScenarioInput) => {
    expect(runScenario(input)).toEqual(referenceScenario(input))
  }

  it('gives what a step-by-step simulation of the rules gives, on small random graphs', () => {
    fc.assert(fc.property(anyScenario, sameAsReference), { seed: 22, numRuns: 3000 })
  }, 60_000)

  it('gives what the simulation gives on small cycles whose events coincide', () => {
    fc.assert(fc.property(cyclicScenario, sameAsReference), { seed: 22, numRuns: 4000 })
  }, 60_000)

  it('ends every chain of reasons at a resource or a direct failure, on random cyclic graphs', () => {
    fc.assert(
      fc.property(cyclicScenario, (input) => {
        const result = runScenario(input)
        for (const service of result.affected) {
          service.failures.forEach((episode, i) => {
            const chain = reasonChain(result, service.id, i)
            expect(chain[0]).toEqual(episode.reason)
            expect(chain.at(-1)!.kind).not.toBe('service')
          })
        }
      }),
      { seed: 2022, numRuns: 4000 },
    )
  }, 60_000)
})
