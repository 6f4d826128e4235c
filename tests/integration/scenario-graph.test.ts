import { describe, expect, it } from 'vitest'
import type { Database } from '../../app/db/client.server'
import { findAffected, reasonChain, runScenario, type ScenarioDependency } from '../../app/modules/scenarios/engine'
import { loadScenarioGraph } from '../../app/modules/scenarios/graph.server'
import { makeDependency, makeOrganisation, makeService, makeSite } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

/**
 * Three organisations in a chain: the water company's waterworks runs on
 * electricity (12 h of backup power at its plant), the municipality's care
 * home needs the water, the region's home care needs the care home. A fourth
 * site belongs to no service.
 */
async function chain(db: Database) {
  const water = await makeOrganisation(db, { name: 'Vårgårda Vatten', kind: 'water' })
  const municipality = await makeOrganisation(db, { name: 'Vårgårda kommun', kind: 'municipality' })
  const region = await makeOrganisation(db, { name: 'Västra Götalandsregionen', kind: 'healthcare' })
  const plant = await makeSite(db, {
    organisationId: water.id,
    name: 'Vattenverket',
    lat: 58.034,
    lng: 12.808,
    backupPowerHours: 12,
  })
  const tower = await makeSite(db, {
    organisationId: water.id,
    name: 'Vattentornet',
    lat: null,
    lng: null,
    backupPowerHours: null,
  })
  const careHome = await makeSite(db, { organisationId: municipality.id, name: 'Äldreboendet', lat: 58.03, lng: 12.81 })
  await makeSite(db, { organisationId: region.id, name: 'Oanvänd plats' })
  const waterworks = await makeService(db, {
    organisationId: water.id,
    name: 'Dricksvatten',
    sector: 'municipal_technical',
    acceptableOutageHours: 24,
    styrelClass: 2,
    peopleServed: 12000,
    siteIds: [plant.id, tower.id],
  })
  const care = await makeService(db, {
    organisationId: municipality.id,
    name: 'Äldreomsorg',
    sector: 'health_care',
    acceptableOutageHours: 8,
    siteIds: [careHome.id],
  })
  const homeCare = await makeService(db, {
    organisationId: region.id,
    name: 'Hemsjukvård',
    sector: 'health_care',
    acceptableOutageHours: 4,
  })
  await makeDependency(db, { serviceId: waterworks.id, resource: 'electricity', copesHours: 2 })
  await makeDependency(db, {
    serviceId: care.id,
    dependsOnServiceId: waterworks.id,
    copesHours: 6,
    backupHours: 4,
    backupDescription: 'Vattentankar',
  })
  await makeDependency(db, { serviceId: care.id, resource: 'district_heating', copesHours: 12.5 })
  await makeDependency(db, { serviceId: homeCare.id, dependsOnServiceId: care.id, copesHours: 0 })
  return { water, municipality, region, plant, tower, careHome, waterworks, care, homeCare }
}

describe('loadScenarioGraph', () => {
  const db = useTestDatabase()

  it('reads every service with its sites, the sites they run at and every dependency', async () => {
    const data = await chain(db())
    const graph = await loadScenarioGraph(db())

    const ids = [data.waterworks.id, data.care.id, data.homeCare.id].sort()
    expect(graph.services.map((s) => s.id)).toEqual(ids)
    expect(graph.services.find((s) => s.id === data.waterworks.id)).toEqual({
      id: data.waterworks.id,
      organisationId: data.water.id,
      sector: 'municipal_technical',
      styrelClass: 2,
      peopleServed: 12000,
      acceptableOutageHours: 24,
      siteIds: [data.plant.id, data.tower.id].sort(),
    })
    expect(graph.services.find((s) => s.id === data.homeCare.id)).toMatchObject({
      siteIds: [],
      styrelClass: null,
      peopleServed: null,
    })

    // Only sites that a service runs at; the unused one is left out.
    const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id))
    expect(byId(graph.sites)).toEqual(
      byId([
        { id: data.plant.id, organisationId: data.water.id, lat: 58.034, lng: 12.808, backupPowerHours: 12 },
        { id: data.tower.id, organisationId: data.water.id, lat: null, lng: null, backupPowerHours: null },
        { id: data.careHome.id, organisationId: data.municipality.id, lat: 58.03, lng: 12.81, backupPowerHours: null },
      ]),
    )

    const byKey = (d: ScenarioDependency) => `${d.serviceId}:${d.resource ?? d.dependsOnServiceId}`
    expect([...graph.dependencies].sort((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual(
      (
        [
          {
            serviceId: data.waterworks.id,
            resource: 'electricity',
            dependsOnServiceId: null,
            copesHours: 2,
            backupHours: null,
          },
          {
            serviceId: data.care.id,
            resource: null,
            dependsOnServiceId: data.waterworks.id,
            copesHours: 6,
            backupHours: 4,
          },
          {
            serviceId: data.care.id,
            resource: 'district_heating',
            dependsOnServiceId: null,
            copesHours: 12.5,
            backupHours: null,
          },
          {
            serviceId: data.homeCare.id,
            resource: null,
            dependsOnServiceId: data.care.id,
            copesHours: 0,
            backupHours: null,
          },
        ] satisfies ScenarioDependency[]
      ).sort((a, b) => byKey(a).localeCompare(byKey(b))),
    )
  })

  it('feeds the engine: a county-wide blackout fails the chain hour by hour', async () => {
    const data = await chain(db())
    const result = runScenario({
      ...(await loadScenarioGraph(db())),
      scenario: {
        horizonHours: 72,
        failures: [{ target: { resource: 'electricity' }, startHour: 0, durationHours: null }],
      },
    })
    // Waterworks: plant backup power 12 h + copes 2 h → 14. Care home: tanks 4 h + copes 6 h after 14 → 24. Home care: 24.
    expect(result.affected.map((a) => [a.id, a.firstFailedAt])).toEqual(
      [
        [data.waterworks.id, 14],
        [data.care.id, 24],
        [data.homeCare.id, 24],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    )
    expect(reasonChain(result, data.homeCare.id).map((reason) => reason.kind)).toEqual([
      'service',
      'service',
      'resource',
    ])
    expect(findAffected(result, data.waterworks.id)!.failures[0]!.reason).toMatchObject({
      backupHours: 12,
      backupSource: 'site',
    })
    // Care home: acceptable 8 h from 24 → 32. Home care: 4 h → 28.
    expect(findAffected(result, data.care.id)!.outageExceededAt).toBe(32)
    expect(findAffected(result, data.homeCare.id)!.outageExceededAt).toBe(28)
  })

  it('for some organisations, loads their services and everything upstream, not what depends on them', async () => {
    const data = await chain(db())
    const graph = await loadScenarioGraph(db(), { organisationIds: [data.municipality.id] })
    expect(graph.services.map((s) => s.id)).toEqual([data.waterworks.id, data.care.id].sort())
    expect(graph.dependencies.map((d) => d.serviceId).sort()).toEqual(
      [data.waterworks.id, data.care.id, data.care.id].sort(),
    )
    expect(graph.sites.map((s) => s.id).sort()).toEqual([data.plant.id, data.tower.id, data.careHome.id].sort())

    const empty = await loadScenarioGraph(db(), { organisationIds: [] })
    expect(empty).toEqual({ services: [], sites: [], dependencies: [] })
  })

  it('loads an empty registry', async () => {
    expect(await loadScenarioGraph(db())).toEqual({ services: [], sites: [], dependencies: [] })
  })
})
