import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { auditLog } from '../../app/db/schema/audit'
import { criticalServices, dependencies } from '../../app/db/schema/registry'
import {
  createDependency,
  deleteDependency,
  getDependency,
  listDependableServices,
  updateDependency,
} from '../../app/modules/registry/dependencies.server'
import { getOrganisationRegistry } from '../../app/modules/registry/organisation-registry.server'
import { RegistryRuleError } from '../../app/modules/registry/rule-error'
import {
  createService,
  deleteService,
  getService,
  listServices,
  updateService,
} from '../../app/modules/registry/services.server'
import { createSite, deleteSite, getSite, listSites, updateSite } from '../../app/modules/registry/sites.server'
import { makeDependency, makeOrganisation, makeService, makeSite, makeUser } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

const siteFields = {
  name: 'Vattenverket',
  kind: 'plant' as const,
  address: 'Vattenverksvägen 2',
  lat: 58.0452,
  lng: 12.7896,
  backupPowerHours: 48,
  backupFuel: 'Diesel',
  styrelClass: 1,
  safetyPoint: false,
  emergencyWaterPoint: true,
}

const serviceFields = {
  name: 'Dricksvattenförsörjning',
  description: '',
  sector: 'municipal_technical' as const,
  acceptableOutageHours: 12,
  styrelClass: 1,
  peopleServed: 9000,
  hasContinuityPlan: true,
  continuityExercisedOn: '2025-10-08',
  siteIds: [] as string[],
}

const electricity = {
  resource: 'electricity' as const,
  dependsOnServiceId: null,
  copesHours: 2,
  backupDescription: 'Reservkraft',
  backupHours: 48,
}

async function expectRule(promise: Promise<unknown>, field: string, message: string) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(RegistryRuleError)
  expect(error).toMatchObject({ field, message })
}

describe('registry records', () => {
  const db = useTestDatabase()
  let own: { id: string }
  let other: { id: string }
  let actor: { id: string }

  const auditOf = (entityId: string) =>
    db().select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.at)

  beforeEach(async () => {
    own = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    other = await makeOrganisation(db(), { name: 'Solör Bioenergi', kind: 'energy' })
    actor = await makeUser(db(), { role: 'partner_editor', organisationId: own.id })
  })

  describe('sites', () => {
    it('are created, listed per organisation, updated by version and deleted, each change audited', async () => {
      const site = await createSite(db(), { actorId: actor.id, organisationId: own.id, ...siteFields })
      await makeSite(db(), { organisationId: other.id, name: 'Fjärrvärmeverket' })
      expect(site).toMatchObject({ ...siteFields, organisationId: own.id, version: 1 })
      expect((await listSites(db(), own.id)).map((row) => row.name)).toEqual(['Vattenverket'])

      const updated = await updateSite(db(), {
        actorId: actor.id,
        id: site.id,
        version: 1,
        ...siteFields,
        backupPowerHours: 72,
      })
      expect(updated).toMatchObject({ ok: true, record: { backupPowerHours: 72, version: 2 } })

      const stale = await updateSite(db(), {
        actorId: actor.id,
        id: site.id,
        version: 1,
        ...siteFields,
        name: 'Överskrivet',
      })
      expect(stale).toMatchObject({ ok: false, error: 'conflict', current: { name: 'Vattenverket', version: 2 } })
      expect((await getSite(db(), site.id))?.name).toBe('Vattenverket')

      expect(await deleteSite(db(), { actorId: actor.id, id: site.id, version: 1 })).toMatchObject({
        ok: false,
        error: 'conflict',
      })
      expect(await deleteSite(db(), { actorId: actor.id, id: site.id, version: 2 })).toEqual({ ok: true })
      expect(await getSite(db(), site.id)).toBeNull()

      const audit = await auditOf(site.id)
      expect(audit.map((entry) => [entry.entity, entry.action, entry.organisationId, entry.userId])).toEqual([
        ['site', 'create', own.id, actor.id],
        ['site', 'update', own.id, actor.id],
        ['site', 'delete', own.id, actor.id],
      ])
      expect(audit[1]!.changes).toEqual({ backupPowerHours: { before: 48, after: 72 } })
    })

    it('keeps a stored position that comes back rounded from the form', async () => {
      const site = await createSite(db(), {
        actorId: actor.id,
        organisationId: own.id,
        ...siteFields,
        lat: 58.03412345678,
        lng: 12.80898765432,
      })
      const result = await updateSite(db(), {
        actorId: actor.id,
        id: site.id,
        version: 1,
        ...siteFields,
        lat: 58.034123,
        lng: 12.808988,
        name: 'Nytt namn',
      })
      expect(result).toMatchObject({ ok: true, record: { lat: 58.03412345678, lng: 12.80898765432 } })
      const [, update] = await auditOf(site.id)
      expect(Object.keys(update!.changes)).toEqual(['name'])
    })

    it('stores both coordinates or neither', async () => {
      const site = await createSite(db(), {
        actorId: actor.id,
        organisationId: own.id,
        ...siteFields,
        lat: 58,
        lng: null,
      })
      expect(site).toMatchObject({ lat: null, lng: null })
    })

    it('when deleted, unlink their services but leave them', async () => {
      const site = await makeSite(db(), { organisationId: own.id })
      const service = await makeService(db(), { organisationId: own.id, siteIds: [site.id] })
      expect(await deleteSite(db(), { actorId: actor.id, id: site.id, version: 1 })).toEqual({ ok: true })
      expect(await getService(db(), service.id)).toMatchObject({ id: service.id, siteIds: [] })
    })
  })

  describe('critical services', () => {
    it('link to sites of their own organisation, and audit the sites with the fields', async () => {
      const b = await makeSite(db(), { organisationId: own.id, name: 'B-tornet' })
      const a = await makeSite(db(), { organisationId: own.id, name: 'A-verket' })
      const service = await createService(db(), {
        actorId: actor.id,
        organisationId: own.id,
        ...serviceFields,
        siteIds: [b.id, a.id],
      })
      expect(service).toMatchObject({
        organisationId: own.id,
        version: 1,
        siteIds: [a.id, b.id],
        continuityExercisedOn: '2025-10-08',
      })
      expect(await listServices(db(), own.id)).toMatchObject([{ id: service.id, siteIds: [a.id, b.id] }])

      const result = await updateService(db(), {
        actorId: actor.id,
        id: service.id,
        version: 1,
        ...serviceFields,
        siteIds: [b.id],
      })
      expect(result).toMatchObject({ ok: true, record: { version: 2, siteIds: [b.id] } })
      const audit = await auditOf(service.id)
      expect(audit.map((entry) => [entry.entity, entry.action, entry.organisationId])).toEqual([
        ['critical_service', 'create', own.id],
        ['critical_service', 'update', own.id],
      ])
      expect(audit[1]!.changes).toEqual({ siteIds: { before: [a.id, b.id], after: [b.id] } })
    })

    it("refuse another organisation's site and write nothing", async () => {
      const foreign = await makeSite(db(), { organisationId: other.id })
      await expectRule(
        createService(db(), { actorId: actor.id, organisationId: own.id, ...serviceFields, siteIds: [foreign.id] }),
        'siteIds',
        'services.sites.foreign',
      )
      expect(await db().select().from(criticalServices)).toEqual([])
      expect(await db().select().from(auditLog)).toEqual([])

      const service = await makeService(db(), { organisationId: own.id })
      await expectRule(
        updateService(db(), {
          actorId: actor.id,
          id: service.id,
          version: 1,
          ...serviceFields,
          name: 'Ändrad',
          siteIds: [foreign.id],
        }),
        'siteIds',
        'services.sites.foreign',
      )
      expect(await getService(db(), service.id)).toMatchObject({ name: service.name, version: 1 })
    })

    it('forget the exercise date when the plan is removed', async () => {
      const service = await createService(db(), { actorId: actor.id, organisationId: own.id, ...serviceFields })
      const result = await updateService(db(), {
        actorId: actor.id,
        id: service.id,
        version: 1,
        ...serviceFields,
        hasContinuityPlan: false,
      })
      expect(result).toMatchObject({ ok: true, record: { hasContinuityPlan: false, continuityExercisedOn: null } })
    })

    it('conflict on a stale version and keep the stored values', async () => {
      const service = await makeService(db(), { organisationId: own.id, name: 'Hemtjänst' })
      await updateService(db(), {
        actorId: actor.id,
        id: service.id,
        version: 1,
        ...serviceFields,
        name: 'Hemtjänst (ny)',
      })
      const stale = await updateService(db(), {
        actorId: actor.id,
        id: service.id,
        version: 1,
        ...serviceFields,
        name: 'Gammal flik',
      })
      expect(stale).toMatchObject({ ok: false, error: 'conflict', current: { name: 'Hemtjänst (ny)', version: 2 } })
      expect(await deleteService(db(), { actorId: actor.id, id: service.id, version: 1 })).toMatchObject({
        ok: false,
        error: 'conflict',
      })
    })

    it("cannot be deleted while another organisation's service depends on it", async () => {
      const heating = await makeService(db(), { organisationId: other.id, name: 'Fjärrvärme' })
      const careHome = await makeService(db(), { organisationId: own.id, name: 'Äldreboende' })
      const dependency = await makeDependency(db(), {
        serviceId: careHome.id,
        dependsOnServiceId: heating.id,
        copesHours: 8,
      })
      await expectRule(
        deleteService(db(), { actorId: actor.id, id: heating.id, version: 1 }),
        '_form',
        'services.delete.inUse',
      )
      expect(await getService(db(), heating.id)).not.toBeNull()
      expect(await getDependency(db(), dependency.id)).not.toBeNull()
      expect(await auditOf(heating.id)).toEqual([])
    })

    it('take their own dependencies with them when deleted', async () => {
      const service = await makeService(db(), { organisationId: own.id })
      const dependency = await makeDependency(db(), { serviceId: service.id })
      expect(await deleteService(db(), { actorId: actor.id, id: service.id, version: 1 })).toEqual({ ok: true })
      expect(await getDependency(db(), dependency.id)).toBeNull()
      expect((await auditOf(service.id)).map((entry) => entry.action)).toEqual(['delete'])
    })
  })

  describe('dependencies', () => {
    it("belong to their service's organisation: created, updated and deleted with audit under it", async () => {
      const service = await makeService(db(), { organisationId: own.id })
      const created = await createDependency(db(), { actorId: actor.id, serviceId: service.id, ...electricity })
      expect(created).toMatchObject({
        serviceId: service.id,
        organisationId: own.id,
        resource: 'electricity',
        version: 1,
      })
      expect(await getDependency(db(), created.id)).toMatchObject({ id: created.id, organisationId: own.id })

      const updated = await updateDependency(db(), {
        actorId: actor.id,
        id: created.id,
        version: 1,
        ...electricity,
        backupHours: 24,
      })
      expect(updated).toMatchObject({ ok: true, record: { backupHours: 24, version: 2 } })
      const stale = await updateDependency(db(), {
        actorId: actor.id,
        id: created.id,
        version: 1,
        ...electricity,
        copesHours: 99,
      })
      expect(stale).toMatchObject({ ok: false, error: 'conflict', current: { copesHours: 2, backupHours: 24 } })
      expect(await deleteDependency(db(), { actorId: actor.id, id: created.id, version: 1 })).toMatchObject({
        ok: false,
        error: 'conflict',
      })
      expect(await deleteDependency(db(), { actorId: actor.id, id: created.id, version: 2 })).toEqual({ ok: true })

      const audit = await auditOf(created.id)
      expect(audit.map((entry) => [entry.entity, entry.action, entry.organisationId])).toEqual([
        ['dependency', 'create', own.id],
        ['dependency', 'update', own.id],
        ['dependency', 'delete', own.id],
      ])
      expect(audit[0]!.changes).toMatchObject({
        serviceId: { before: null, after: service.id },
        resource: { before: null, after: 'electricity' },
      })
      expect(audit[1]!.changes).toEqual({ backupHours: { before: 48, after: 24 } })
    })

    it("may be on another organisation's service, not on the own organisation's or a missing one", async () => {
      const careHome = await makeService(db(), { organisationId: own.id })
      const water = await makeService(db(), { organisationId: own.id })
      const heating = await makeService(db(), { organisationId: other.id })
      const onService = { resource: null, copesHours: 8, backupDescription: '', backupHours: null }

      const created = await createDependency(db(), {
        actorId: actor.id,
        serviceId: careHome.id,
        ...onService,
        dependsOnServiceId: heating.id,
      })
      expect(created).toMatchObject({ dependsOnServiceId: heating.id, resource: null })

      await expectRule(
        createDependency(db(), {
          actorId: actor.id,
          serviceId: careHome.id,
          ...onService,
          dependsOnServiceId: water.id,
        }),
        'dependsOnServiceId',
        'deps.target.ownService',
      )
      await expectRule(
        createDependency(db(), {
          actorId: actor.id,
          serviceId: careHome.id,
          ...onService,
          dependsOnServiceId: careHome.id,
        }),
        'dependsOnServiceId',
        'deps.target.ownService',
      )
      await expectRule(
        createDependency(db(), {
          actorId: actor.id,
          serviceId: careHome.id,
          ...onService,
          dependsOnServiceId: '00000000-0000-4000-8000-000000000000',
        }),
        'dependsOnServiceId',
        'deps.target.unknown',
      )
      await expectRule(
        updateDependency(db(), {
          actorId: actor.id,
          id: created.id,
          version: 1,
          ...onService,
          dependsOnServiceId: water.id,
        }),
        'dependsOnServiceId',
        'deps.target.ownService',
      )
      expect(await db().select().from(dependencies).where(eq(dependencies.serviceId, careHome.id))).toHaveLength(1)
      expect((await getDependency(db(), created.id))?.version).toBe(1)
    })

    it('are on a resource or a service, never both or neither', async () => {
      const service = await makeService(db(), { organisationId: own.id })
      const heating = await makeService(db(), { organisationId: other.id })
      const base = { copesHours: 1, backupDescription: '', backupHours: null }
      await expectRule(
        createDependency(db(), {
          actorId: actor.id,
          serviceId: service.id,
          ...base,
          resource: null,
          dependsOnServiceId: null,
        }),
        'resource',
        'deps.target.neither',
      )
      await expectRule(
        createDependency(db(), {
          actorId: actor.id,
          serviceId: service.id,
          ...base,
          resource: 'fuel',
          dependsOnServiceId: heating.id,
        }),
        'resource',
        'deps.target.both',
      )
      expect(await db().select().from(dependencies)).toEqual([])
      expect(await db().select().from(auditLog)).toEqual([])
    })
  })

  describe('reads', () => {
    it("give each dependency the longest backup power of its service's sites, for the one weak-backup rule", async () => {
      const small = await makeSite(db(), { organisationId: own.id, backupPowerHours: 8 })
      const large = await makeSite(db(), { organisationId: own.id, backupPowerHours: 30 })
      const none = await makeSite(db(), { organisationId: own.id, backupPowerHours: null })
      const placed = await makeService(db(), { organisationId: own.id, siteIds: [small.id, large.id, none.id] })
      const unplaced = await makeService(db(), { organisationId: own.id })
      await makeDependency(db(), { serviceId: placed.id, resource: 'electricity', backupHours: null })
      await makeDependency(db(), { serviceId: unplaced.id, resource: 'electricity', backupHours: null })
      const registry = await getOrganisationRegistry(db(), own.id)
      const siteBackupOf = (id: string) =>
        registry.services.find((service) => service.id === id)!.dependencies.map((d) => d.siteBackupHours)
      expect(siteBackupOf(placed.id)).toEqual([30])
      expect(siteBackupOf(unplaced.id)).toEqual([null])
    })

    it('give the organisation page its sites, services, dependencies and who depends on them', async () => {
      const plant = await makeSite(db(), {
        organisationId: other.id,
        name: 'Fjärrvärmeverket',
        lat: 58.0288,
        lng: 12.7948,
      })
      const heating = await makeService(db(), {
        organisationId: other.id,
        name: 'Fjärrvärme',
        siteIds: [plant.id],
        acceptableOutageHours: 12,
      })
      await makeDependency(db(), {
        serviceId: heating.id,
        resource: 'electricity',
        copesHours: 0,
        backupDescription: 'Reservkraft',
        backupHours: 36,
      })
      const careHome = await makeService(db(), { organisationId: own.id, name: 'Äldreboende' })
      await makeDependency(db(), { serviceId: careHome.id, dependsOnServiceId: heating.id, copesHours: 8 })

      const registry = await getOrganisationRegistry(db(), other.id)
      expect(registry.sites).toHaveLength(1)
      expect(registry.sites[0]!.sweref!.northing).toBeCloseTo(6_434_042.95, 1)
      expect(registry.services).toHaveLength(1)
      expect(registry.services[0]).toMatchObject({
        name: 'Fjärrvärme',
        sites: [{ id: plant.id, name: 'Fjärrvärmeverket' }],
        dependencies: [{ resource: 'electricity', dependsOn: null, copesHours: 0, backupHours: 36 }],
        dependents: [
          {
            serviceId: careHome.id,
            serviceName: 'Äldreboende',
            organisationId: own.id,
            organisationName: 'Vårgårda kommun',
            copesHours: 8,
          },
        ],
      })

      const mine = await getOrganisationRegistry(db(), own.id)
      expect(mine.services[0]!.dependencies).toMatchObject([
        {
          resource: null,
          dependsOn: {
            id: heating.id,
            name: 'Fjärrvärme',
            organisationId: other.id,
            organisationName: 'Solör Bioenergi',
          },
        },
      ])
    })

    it("offer other organisations' services to depend on, searchable and limited", async () => {
      await makeService(db(), { organisationId: own.id, name: 'Egen verksamhet' })
      const heating = await makeService(db(), { organisationId: other.id, name: 'Fjärrvärme' })
      const third = await makeOrganisation(db(), { name: 'AVRF' })
      const rescue = await makeService(db(), { organisationId: third.id, name: 'Räddningstjänst' })
      const all = await listDependableServices(db(), { excludeOrganisationId: own.id })
      expect(all).toEqual({
        services: [
          {
            id: rescue.id,
            name: 'Räddningstjänst',
            sector: 'municipal_technical',
            organisationId: third.id,
            organisationName: 'AVRF',
          },
          {
            id: heating.id,
            name: 'Fjärrvärme',
            sector: 'municipal_technical',
            organisationId: other.id,
            organisationName: 'Solör Bioenergi',
          },
        ],
        more: false,
      })
      expect(
        (await listDependableServices(db(), { excludeOrganisationId: own.id, query: 'värme' })).services.map(
          (s) => s.id,
        ),
      ).toEqual([heating.id])
      expect(
        (await listDependableServices(db(), { excludeOrganisationId: own.id, query: 'solör' })).services.map(
          (s) => s.id,
        ),
      ).toEqual([heating.id])
      expect((await listDependableServices(db(), { excludeOrganisationId: own.id, query: '100%' })).services).toEqual(
        [],
      )
      const limited = await listDependableServices(db(), {
        excludeOrganisationId: own.id,
        limit: 1,
        include: [heating.id],
      })
      expect(limited.more).toBe(true)
      expect(limited.services.map((s) => s.id)).toEqual([rescue.id, heating.id])
    })
  })
})

describe('the dependencies table', () => {
  const db = useTestDatabase()

  it('refuses rows that no form would write: no target or two, a service on itself, negative hours', async () => {
    const organisation = await makeOrganisation(db())
    const service = await makeService(db(), { organisationId: organisation.id })
    const other = await makeService(db(), { organisationId: organisation.id })
    const insert = (values: Partial<typeof dependencies.$inferInsert>) =>
      db()
        .insert(dependencies)
        .values({ serviceId: service.id, ...values })
    const refused = async (values: Partial<typeof dependencies.$inferInsert>, constraint: string) => {
      const error = await insert(values).then(
        () => null,
        (caught: unknown) => caught,
      )
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error ?? {})) + String(error)).toContain(constraint)
    }
    await refused({}, 'dependencies_one_target')
    await refused({ resource: 'electricity', dependsOnServiceId: other.id }, 'dependencies_one_target')
    await refused({ dependsOnServiceId: service.id }, 'dependencies_not_on_itself')
    await refused({ resource: 'electricity', copesHours: -1 }, 'dependencies_hours_not_negative')
    await refused({ resource: 'electricity', backupHours: -0.5 }, 'dependencies_hours_not_negative')
    await insert({ resource: 'electricity', copesHours: 0, backupHours: 0 })
    await insert({ dependsOnServiceId: other.id, copesHours: 2 })
    expect(await db().select().from(dependencies).where(eq(dependencies.serviceId, service.id))).toHaveLength(2)
  })
})
