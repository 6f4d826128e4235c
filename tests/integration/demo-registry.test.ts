import { describe, expect, it } from 'vitest'
import { organisations } from '../../app/db/schema/organisations'
import { criticalServices, dependencies, sites } from '../../app/db/schema/registry'
import { backupWeakness, effectiveBackup } from '../../app/modules/registry/backup'
import { getOrganisationRegistry } from '../../app/modules/registry/organisation-registry.server'
import { demoServices, demoSites } from '../../app/modules/seed/demo-registry'
import { seedDemo } from '../../app/modules/seed/seed.server'
import { useTestDatabase } from '../support/test-db'

/** Great-circle distance in kilometres; plenty exact at this scale. */
function kilometres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}

describe('the demo registry', () => {
  const db = useTestDatabase()

  it('gives the demo organisations sites near Vårgårda, services and dependencies, also across organisations', async () => {
    await seedDemo(db(), { password: 'demo-lösenord-123' })
    const siteRows = await db().select().from(sites)
    const serviceRows = await db().select().from(criticalServices)
    const dependencyRows = await db().select().from(dependencies)
    expect(siteRows).toHaveLength(demoSites.length)
    expect(serviceRows).toHaveLength(demoServices.length)
    expect(dependencyRows).toHaveLength(demoServices.flatMap((service) => service.dependencies).length)

    for (const site of siteRows) {
      expect(site.lat, site.name).not.toBeNull()
      expect(kilometres({ lat: site.lat!, lng: site.lng! }, { lat: 58.034, lng: 12.808 }), site.name).toBeLessThan(8)
    }
    expect(siteRows.filter((site) => site.backupPowerHours !== null).length).toBeGreaterThan(3)
    for (const service of serviceRows) {
      if (service.styrelClass !== null) expect(service.styrelClass).toBeGreaterThanOrEqual(1)
      expect(service.acceptableOutageHours).toBeGreaterThan(0)
    }

    const byName = new Map((await db().select().from(organisations)).map((row) => [row.name, row.id]))
    const municipality = await getOrganisationRegistry(db(), byName.get('Vårgårda kommun')!)
    const service = (name: string) => municipality.services.find((row) => row.name === name)!
    expect(service('Vård- och omsorgsboende Solgården').dependencies).toContainEqual(
      expect.objectContaining({
        dependsOn: expect.objectContaining({
          name: 'Fjärrvärmeproduktion',
          organisationName: 'Solör Bioenergi i Vårgårda AB',
        }),
      }),
    )
    expect(service('Dricksvattenförsörjning').dependencies).toContainEqual(
      expect.objectContaining({ resource: 'electricity' }),
    )
    expect(service('Hemtjänst').dependencies).toContainEqual(expect.objectContaining({ resource: 'fuel' }))

    const all = [...municipality.services]
    for (const name of ['Solör Bioenergi i Vårgårda AB', 'Vårgårda Bostäder AB']) {
      all.push(...(await getOrganisationRegistry(db(), byName.get(name)!)).services)
    }
    const withBackupShort = all.flatMap((row) =>
      row.dependencies.filter(
        (dependency) =>
          backupWeakness(effectiveBackup(dependency, dependency.siteBackupHours), row.acceptableOutageHours) ===
          'short',
      ),
    )
    expect(withBackupShort.length).toBeGreaterThanOrEqual(1)
    expect(
      all.flatMap((row) => row.dependencies).filter((dependency) => dependency.backupDescription === '').length,
    ).toBeGreaterThanOrEqual(2)
    const solor = await getOrganisationRegistry(db(), byName.get('Solör Bioenergi i Vårgårda AB')!)
    expect(solor.services[0]!.dependents.map((row) => row.organisationName).sort()).toEqual([
      'Vårgårda Bostäder AB',
      'Vårgårda kommun',
      'Vårgårda kommun',
    ])
  })
})
