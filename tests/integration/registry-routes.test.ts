import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { auditLog } from '../../app/db/schema/audit'
import { criticalServices, dependencies, sites } from '../../app/db/schema/registry'
import { sv } from '../../app/i18n/sv'
import { getDependency } from '../../app/modules/registry/dependencies.server'
import { getService } from '../../app/modules/registry/services.server'
import { getSite } from '../../app/modules/registry/sites.server'
import * as organisationLayout from '../../app/routes/organisationer+/$id'
import * as organisationPage from '../../app/routes/organisationer+/$id._index'
import * as editSite from '../../app/routes/organisationer+/$id.platser.$siteId'
import * as newSite from '../../app/routes/organisationer+/$id.platser.ny'
import * as servicePage from '../../app/routes/organisationer+/$id.verksamheter.$serviceId'
import * as newService from '../../app/routes/organisationer+/$id.verksamheter.ny'
import {
  formRequest,
  getRequest,
  makeDependency,
  makeOrganisation,
  makeService,
  makeSite,
  makeUser,
  signedIn,
} from '../support/factories'
import { descriptionsOf, openingTag } from '../support/markup'
import { renderRoute } from '../support/render-route'
import { useTestDatabase } from '../support/test-db'
import { noticeOf } from '../support/route-call'

type Handler = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>

const context = { clientIp: '10.0.3.1', cspNonce: '', requestId: 'registry-routes' }

/** Calls a loader or action as Remix would; a thrown Response is returned, so tests can look at it. */
async function call(handler: Handler, request: Request, params: Record<string, string>) {
  let result: unknown
  try {
    result = await handler({ request, params, context })
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    result = thrown
  }
  if (result instanceof Response)
    return { status: result.status, location: result.headers.get('Location'), body: null, notice: noticeOf(result) }
  const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } }
  if (wrapped?.type === 'DataWithResponseInit')
    return { status: wrapped.init?.status ?? 200, location: null, body: wrapped.data as never, notice: null }
  return { status: 200, location: null, body: result as never, notice: null }
}

const siteForm = (changes: Record<string, string> = {}) => ({
  name: 'Fjärrvärmeverket',
  kind: 'plant',
  address: 'Industrivägen 12',
  coordinateSystem: 'wgs84',
  lat: '58,0288',
  lng: '12,7948',
  northing: '',
  easting: '',
  backupPowerHours: '36',
  backupFuel: 'Diesel',
  styrelClass: '2',
  ...changes,
})

const serviceForm = (changes: Record<string, string> = {}) => ({
  intent: 'save',
  name: 'Fjärrvärmeproduktion',
  description: '',
  sector: 'energy',
  acceptableOutageHours: '12',
  styrelClass: '2',
  peopleServed: '4000',
  hasContinuityPlan: 'on',
  continuityExercisedOn: '2025-02-10',
  ...changes,
})

describe('registry pages', () => {
  const db = useTestDatabase()
  let own: { id: string }
  let other: { id: string }
  let partner: { id: string; cookie: string }
  let coordinator: { id: string; cookie: string }

  const auditOf = (entityId: string) => db().select().from(auditLog).where(eq(auditLog.entityId, entityId))

  beforeEach(async () => {
    own = await makeOrganisation(db(), { name: 'Solör Bioenergi', kind: 'energy' })
    other = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    const partnerUser = await makeUser(db(), { role: 'partner_editor', organisationId: own.id })
    partner = { id: partnerUser.id, cookie: (await signedIn(db(), partnerUser.id)).cookie }
    const coordinatorUser = await makeUser(db(), { role: 'coordinator', organisationId: other.id })
    coordinator = { id: coordinatorUser.id, cookie: (await signedIn(db(), coordinatorUser.id)).cookie }
  })

  describe('sites', () => {
    it('a partner adds a site by SWEREF 99 TM, stored as WGS84 and audited', async () => {
      const result = await call(
        newSite.action as Handler,
        formRequest(
          `/organisationer/${own.id}/platser/ny`,
          siteForm({
            coordinateSystem: 'sweref99tm',
            lat: '',
            lng: '',
            northing: '6 434 042,951',
            easting: '369771,159',
          }),
          partner.cookie,
        ),
        { id: own.id },
      )
      expect(result.status).toBe(302)
      const [site] = await db().select().from(sites)
      expect(result.location).toBe(`/organisationer/${own.id}#plats-${site!.id}`)
      expect(result.notice).toEqual({ kind: 'success', message: 'organisations.saved' })
      expect(site!.organisationId).toBe(own.id)
      expect(site!.lat).toBeCloseTo(58.0288, 7)
      expect(site!.lng).toBeCloseTo(12.7948, 7)
      expect(await auditOf(site!.id)).toMatchObject([
        { entity: 'site', action: 'create', userId: partner.id, organisationId: own.id },
      ])
    })

    it('bad input is a 400 with the errors by their fields and everything typed kept', async () => {
      const typed = siteForm({ name: '', lat: '12,8', lng: '58,0', styrelClass: 'nio' })
      const result = await call(
        newSite.action as Handler,
        formRequest(`/organisationer/${own.id}/platser/ny`, typed, partner.cookie),
        {
          id: own.id,
        },
      )
      expect(result.status).toBe(400)
      expect(result.body).toEqual({
        errors: {
          name: 'validation.required',
          lat: 'sites.position.latOutside',
          lng: 'sites.position.lngOutside',
          styrelClass: 'sites.number.wholeInvalid',
        },
        values: typed,
      })
      expect(await db().select().from(sites)).toEqual([])
    })

    it("a partner edits their own site; another organisation's is refused and stays as it was", async () => {
      const mine = await makeSite(db(), { organisationId: own.id, name: 'Eget verk' })
      const theirs = await makeSite(db(), { organisationId: other.id, name: 'Kommunhuset' })

      const loaded = await call(
        editSite.loader as Handler,
        getRequest(`/organisationer/${own.id}/platser/${mine.id}`, partner.cookie),
        {
          id: own.id,
          siteId: mine.id,
        },
      )
      expect(loaded.status).toBe(200)
      expect(loaded.body).toMatchObject({
        version: 1,
        values: { name: 'Eget verk', lat: '58,034000', northing: '6434596,317' },
      })

      const saved = await call(
        editSite.action as Handler,
        formRequest(
          `/organisationer/${own.id}/platser/${mine.id}`,
          { ...siteForm({ name: 'Nytt namn' }), intent: 'save', version: '1' },
          partner.cookie,
        ),
        { id: own.id, siteId: mine.id },
      )
      expect([saved.status, saved.location]).toEqual([302, `/organisationer/${own.id}#plats-${mine.id}`])
      expect(saved.notice).toEqual({ kind: 'success', message: 'organisations.saved' })
      expect(await getSite(db(), mine.id)).toMatchObject({ name: 'Nytt namn', version: 2, backupPowerHours: 36 })
      expect(await auditOf(mine.id)).toMatchObject([{ action: 'update', userId: partner.id, organisationId: own.id }])

      for (const body of [
        { ...siteForm({ name: 'Kapat' }), intent: 'save', version: '1' },
        { intent: 'delete', version: '1' },
      ]) {
        const refused = await call(
          editSite.action as Handler,
          formRequest(`/organisationer/${other.id}/platser/${theirs.id}`, body, partner.cookie),
          {
            id: other.id,
            siteId: theirs.id,
          },
        )
        expect(refused.status).toBe(403)
      }
      const denied = await call(
        editSite.loader as Handler,
        getRequest(`/organisationer/${other.id}/platser/${theirs.id}`, partner.cookie),
        {
          id: other.id,
          siteId: theirs.id,
        },
      )
      expect(denied.status).toBe(403)
      expect(await getSite(db(), theirs.id)).toMatchObject({ name: 'Kommunhuset', version: 1 })
      expect(await auditOf(theirs.id)).toEqual([])
    })

    it("a site under another organisation's URL is not found, even for the coordinator", async () => {
      const theirs = await makeSite(db(), { organisationId: other.id, name: 'Kommunhuset' })
      for (const cookie of [partner.cookie, coordinator.cookie]) {
        const result = await call(
          editSite.action as Handler,
          formRequest(
            `/organisationer/${own.id}/platser/${theirs.id}`,
            { ...siteForm(), intent: 'save', version: '1' },
            cookie,
          ),
          { id: own.id, siteId: theirs.id },
        )
        expect(result.status).toBe(404)
      }
      expect(await getSite(db(), theirs.id)).toMatchObject({ name: 'Kommunhuset', version: 1 })
    })

    it('a stale version is a 409 that keeps the input and shows the current values', async () => {
      const site = await makeSite(db(), { organisationId: own.id, name: 'Verket' })
      await db().update(sites).set({ name: 'Verket (ändrat)', version: 2 }).where(eq(sites.id, site.id))
      const typed = { ...siteForm({ name: 'Min ändring' }), intent: 'save', version: '1' }
      const result = await call(
        editSite.action as Handler,
        formRequest(`/organisationer/${own.id}/platser/${site.id}`, typed, partner.cookie),
        {
          id: own.id,
          siteId: site.id,
        },
      )
      expect(result.status).toBe(409)
      expect(result.body).toMatchObject({
        errors: { _form: 'sites.conflict' },
        values: { ...typed, version: '2' },
        current: { name: 'Verket (ändrat)' },
      })
      expect(await getSite(db(), site.id)).toMatchObject({ name: 'Verket (ändrat)', version: 2 })

      // The page keeps the input and ties what is stored now to each changed field, for screen readers too.
      const page = await call(
        editSite.loader as Handler,
        getRequest(`/organisationer/${own.id}/platser/${site.id}`, partner.cookie),
        { id: own.id, siteId: site.id },
      )
      const html = await renderRoute(editSite.default, { loaderData: page.body, actionData: result.body })
      expect(openingTag(html, 'input[name="name"]')).toContain('value="Min ändring"')
      expect(descriptionsOf(html, 'input[name="name"]')).toEqual(['Nuvarande värde: Verket (ändrat)'])
      expect(descriptionsOf(html, 'input[name="backupPowerHours"]')).toEqual([
        sv['sites.field.backupPowerHint'],
        'Nuvarande värde: –',
      ])
      expect(descriptionsOf(html, 'select[name="kind"]')).toEqual([])

      const staleDelete = await call(
        editSite.action as Handler,
        formRequest(`/organisationer/${own.id}/platser/${site.id}`, { intent: 'delete', version: '1' }, partner.cookie),
        { id: own.id, siteId: site.id },
      )
      expect(staleDelete.status).toBe(409)
      const deleted = await call(
        editSite.action as Handler,
        formRequest(`/organisationer/${own.id}/platser/${site.id}`, { intent: 'delete', version: '2' }, partner.cookie),
        { id: own.id, siteId: site.id },
      )
      expect(deleted.status).toBe(302)
      expect(await getSite(db(), site.id)).toBeNull()
    })
  })

  describe('services', () => {
    it('a partner adds a service at their own site, never at another organisation’s', async () => {
      const mine = await makeSite(db(), { organisationId: own.id })
      const theirs = await makeSite(db(), { organisationId: other.id })
      const withForeign = formRequest(`/organisationer/${own.id}/verksamheter/ny`, serviceForm(), partner.cookie)
      // Repeated checkboxes: append the sites by hand.
      const body = new URLSearchParams(serviceForm())
      body.append('siteIds', mine.id)
      body.append('siteIds', theirs.id)
      const refused = await call(
        newService.action as Handler,
        new Request(withForeign.url, { method: 'POST', body, headers: withForeign.headers }),
        {
          id: own.id,
        },
      )
      expect(refused.status).toBe(400)
      expect(refused.body).toMatchObject({
        errors: { siteIds: 'services.sites.foreign' },
        siteIds: [mine.id, theirs.id],
      })
      expect(await db().select().from(criticalServices)).toEqual([])

      const good = new URLSearchParams(serviceForm())
      good.append('siteIds', mine.id)
      const created = await call(
        newService.action as Handler,
        new Request(withForeign.url, { method: 'POST', body: good, headers: withForeign.headers }),
        {
          id: own.id,
        },
      )
      expect(created.status).toBe(302)
      const [service] = await db().select().from(criticalServices)
      expect(await getService(db(), service!.id)).toMatchObject({
        organisationId: own.id,
        siteIds: [mine.id],
        acceptableOutageHours: 12,
      })
      expect(await auditOf(service!.id)).toMatchObject([
        { entity: 'critical_service', action: 'create', organisationId: own.id },
      ])
    })

    it("refuses a partner on another organisation's service and answers 404 for a service under the wrong URL", async () => {
      const theirs = await makeService(db(), { organisationId: other.id, name: 'Hemtjänst' })
      const denied = await call(
        servicePage.action as Handler,
        formRequest(
          `/organisationer/${other.id}/verksamheter/${theirs.id}`,
          { ...serviceForm(), version: '1' },
          partner.cookie,
        ),
        { id: other.id, serviceId: theirs.id },
      )
      expect(denied.status).toBe(403)
      const misplaced = await call(
        servicePage.loader as Handler,
        getRequest(`/organisationer/${own.id}/verksamheter/${theirs.id}`, coordinator.cookie),
        { id: own.id, serviceId: theirs.id },
      )
      expect(misplaced.status).toBe(404)
      expect(await getService(db(), theirs.id)).toMatchObject({ name: 'Hemtjänst', version: 1 })
    })

    it('a stale save is a 409 with the input and the current values; a service others depend on is not deleted', async () => {
      const service = await makeService(db(), { organisationId: own.id, name: 'Fjärrvärme' })
      await db()
        .update(criticalServices)
        .set({ name: 'Fjärrvärme (ny)', version: 2 })
        .where(eq(criticalServices.id, service.id))
      const url = `/organisationer/${own.id}/verksamheter/${service.id}`
      const params = { id: own.id, serviceId: service.id }
      const stale = await call(
        servicePage.action as Handler,
        formRequest(url, { ...serviceForm({ name: 'Min text' }), version: '1' }, partner.cookie),
        params,
      )
      expect(stale.status).toBe(409)
      expect(stale.body).toMatchObject({
        form: 'service',
        errors: { _form: 'services.conflict' },
        values: { name: 'Min text', version: '2' },
        current: { name: 'Fjärrvärme (ny)', siteNames: '' },
      })

      const careHome = await makeService(db(), { organisationId: other.id, name: 'Äldreboende' })
      await makeDependency(db(), { serviceId: careHome.id, dependsOnServiceId: service.id, copesHours: 8 })
      const inUse = await call(
        servicePage.action as Handler,
        formRequest(url, { intent: 'delete', version: '2' }, partner.cookie),
        params,
      )
      expect([inUse.status, inUse.body]).toEqual([
        409,
        { form: 'deleteService', errors: { _form: 'services.delete.inUse' } },
      ])
      expect(await getService(db(), service.id)).not.toBeNull()

      const page = await call(servicePage.loader as Handler, getRequest(url, partner.cookie), params)
      expect(page.body).toMatchObject({ dependents: [{ serviceName: 'Äldreboende', organisationId: other.id }] })
    })
  })

  describe('dependencies on the service page', () => {
    let service: { id: string }
    let url: string
    let params: Record<string, string>

    beforeEach(async () => {
      service = await makeService(db(), {
        organisationId: own.id,
        name: 'Fjärrvärmeproduktion',
        acceptableOutageHours: 12,
      })
      url = `/organisationer/${own.id}/verksamheter/${service.id}`
      params = { id: own.id, serviceId: service.id }
    })

    const dependencyForm = (changes: Record<string, string> = {}) => ({
      intent: 'addDependency',
      resource: 'electricity',
      dependsOnServiceId: '',
      copesHours: '0',
      backupDescription: 'Reservkraftverk',
      backupHours: '36',
      ...changes,
    })

    it('a partner adds, edits and removes a dependency of their own service, all audited under their organisation', async () => {
      const added = await call(
        servicePage.action as Handler,
        formRequest(url, dependencyForm(), partner.cookie),
        params,
      )
      expect([added.status, added.location]).toEqual([302, `${url}#beroenden`])
      expect(added.notice).toEqual({ kind: 'success', message: 'deps.saved' })
      const [dependency] = await db().select().from(dependencies)
      expect(dependency).toMatchObject({
        serviceId: service.id,
        resource: 'electricity',
        copesHours: 0,
        backupHours: 36,
      })

      const editing = await call(
        servicePage.loader as Handler,
        getRequest(`${url}?beroende=${dependency!.id}`, partner.cookie),
        params,
      )
      expect(editing.body).toMatchObject({
        editing: { id: dependency!.id, version: 1, values: { resource: 'electricity', backupHours: '36' } },
      })

      const update = {
        ...dependencyForm({ backupHours: '48' }),
        intent: 'updateDependency',
        dependencyId: dependency!.id,
        version: '1',
      }
      const updated = await call(servicePage.action as Handler, formRequest(url, update, partner.cookie), params)
      expect(updated.status).toBe(302)
      expect(await getDependency(db(), dependency!.id)).toMatchObject({ backupHours: 48, version: 2 })

      const stale = await call(
        servicePage.action as Handler,
        formRequest(url, { ...update, backupHours: '1' }, partner.cookie),
        params,
      )
      expect(stale.status).toBe(409)
      expect(stale.body).toMatchObject({
        form: 'dependency',
        dependencyId: dependency!.id,
        errors: { _form: 'deps.conflict' },
        values: { backupHours: '1', version: '2' },
        current: { backupHours: '48' },
      })

      const removed = await call(
        servicePage.action as Handler,
        formRequest(url, { intent: 'deleteDependency', dependencyId: dependency!.id, version: '2' }, partner.cookie),
        params,
      )
      expect([removed.status, removed.location]).toEqual([302, `${url}#beroenden`])
      expect(removed.notice).toEqual({ kind: 'success', message: 'deps.removed' })
      expect(await getDependency(db(), dependency!.id)).toBeNull()
      expect(
        (await auditOf(dependency!.id)).map((entry) => [entry.action, entry.organisationId, entry.userId]),
      ).toEqual([
        ['create', own.id, partner.id],
        ['update', own.id, partner.id],
        ['delete', own.id, partner.id],
      ])
    })

    it("depends on another organisation's service but not on its own organisation's, and never on both or neither", async () => {
      const heating = await makeService(db(), { organisationId: other.id, name: 'Reservvärme' })
      const sibling = await makeService(db(), { organisationId: own.id, name: 'Egen' })
      const onOwn = await call(
        servicePage.action as Handler,
        formRequest(url, dependencyForm({ resource: '', dependsOnServiceId: sibling.id }), partner.cookie),
        params,
      )
      expect([onOwn.status, onOwn.body]).toMatchObject([
        400,
        { form: 'dependency', errors: { dependsOnServiceId: 'deps.target.ownService' } },
      ])
      const both = await call(
        servicePage.action as Handler,
        formRequest(url, dependencyForm({ dependsOnServiceId: heating.id }), partner.cookie),
        params,
      )
      expect([both.status, both.body]).toMatchObject([400, { errors: { resource: 'deps.target.both' } }])
      const neither = await call(
        servicePage.action as Handler,
        formRequest(url, dependencyForm({ resource: '' }), partner.cookie),
        params,
      )
      expect([neither.status, neither.body]).toMatchObject([
        400,
        { errors: { resource: 'deps.target.neither' }, values: { backupHours: '36' } },
      ])
      expect(await db().select().from(dependencies)).toEqual([])

      const onOther = await call(
        servicePage.action as Handler,
        formRequest(url, dependencyForm({ resource: '', dependsOnServiceId: heating.id }), partner.cookie),
        params,
      )
      expect(onOther.status).toBe(302)
      expect(await db().select().from(dependencies)).toMatchObject([{ dependsOnServiceId: heating.id, resource: null }])

      const page = await call(servicePage.loader as Handler, getRequest(url, partner.cookie), params)
      expect(page.body).toMatchObject({ dependable: { services: [{ id: heating.id }], more: false } })
    })

    it("cannot touch another organisation's dependency, whichever URL it comes through", async () => {
      const theirService = await makeService(db(), { organisationId: other.id })
      const theirs = await makeDependency(db(), { serviceId: theirService.id, resource: 'fuel', copesHours: 24 })
      const theirUrl = `/organisationer/${other.id}/verksamheter/${theirService.id}`
      const attempts: Record<string, string>[] = [
        { intent: 'updateDependency', dependencyId: theirs.id, version: '1', resource: 'fuel', copesHours: '0' },
        { intent: 'deleteDependency', dependencyId: theirs.id, version: '1' },
        { ...dependencyForm() },
      ]
      for (const body of attempts) {
        const direct = await call(servicePage.action as Handler, formRequest(theirUrl, body, partner.cookie), {
          id: other.id,
          serviceId: theirService.id,
        })
        expect(direct.status).toBe(403)
      }
      for (const body of attempts.slice(0, 2)) {
        const smuggled = await call(servicePage.action as Handler, formRequest(url, body, partner.cookie), params)
        expect(smuggled.status).toBe(404)
      }
      const viaQuery = await call(
        servicePage.loader as Handler,
        getRequest(`${url}?beroende=${theirs.id}`, partner.cookie),
        params,
      )
      expect(viaQuery.status).toBe(404)
      expect(await getDependency(db(), theirs.id)).toMatchObject({ copesHours: 24, version: 1 })
      expect(await db().select().from(dependencies)).toHaveLength(1)
      expect(await auditOf(theirs.id)).toEqual([])
    })
  })

  it('the organisation page shows the registry to network readers and offers editing to its editors', async () => {
    const site = await makeSite(db(), { organisationId: own.id, name: 'Fjärrvärmeverket' })
    const service = await makeService(db(), { organisationId: own.id, name: 'Fjärrvärme', siteIds: [site.id] })
    await makeDependency(db(), { serviceId: service.id, resource: 'electricity', copesHours: 0 })
    const viewer = await makeUser(db(), { role: 'viewer', organisationId: other.id })
    for (const [cookie, canEdit] of [
      [partner.cookie, true],
      [(await signedIn(db(), viewer.id)).cookie, false],
    ] as const) {
      const page = await call(organisationPage.loader as Handler, getRequest(`/organisationer/${own.id}`, cookie), {
        id: own.id,
      })
      expect(page.body).toMatchObject({
        canEdit,
        registry: {
          sites: [{ id: site.id, name: 'Fjärrvärmeverket' }],
          services: [
            { id: service.id, sites: [{ id: site.id }], dependencies: [{ resource: 'electricity', copesHours: 0 }] },
          ],
        },
      })
      const layout = await call(organisationLayout.loader as Handler, getRequest(`/organisationer/${own.id}`, cookie), {
        id: own.id,
      })
      const base = `/organisationer/${own.id}`
      expect(layout.body).toEqual({
        header: {
          id: own.id,
          name: 'Solör Bioenergi',
          links: { page: base, edit: canEdit ? `${base}/redigera` : null },
        },
      })
      const html = await renderRoute(organisationPage.default, {
        loaderData: page.body,
        handle: organisationPage.handle,
        layout: { Layout: organisationLayout.default, loaderData: layout.body },
      })
      expect(html).toContain(
        canEdit
          ? `<div class="page"><div class="page__heading"><h1>Solör Bioenergi</h1><a class="button" data-discover="true" href="${base}/redigera">${sv['organisations.edit']}</a></div>`
          : '<div class="page"><div class="page__heading"><h1>Solör Bioenergi</h1></div>',
      )
    }
  })

  it("frames each page of the organisation as before: a form's page is narrow, a service's page leads back to it", async () => {
    const service = await makeService(db(), { organisationId: own.id, name: 'Fjärrvärme' })
    const base = `/organisationer/${own.id}`
    const layout = await call(organisationLayout.loader as Handler, getRequest(base, partner.cookie), { id: own.id })
    const inLayout = async (
      route: typeof newSite | typeof servicePage,
      url: string,
      params: Record<string, string>,
    ) => {
      const page = await call(route.loader as Handler, getRequest(url, partner.cookie), params)
      expect(page.status).toBe(200)
      return renderRoute(route.default, {
        loaderData: page.body,
        handle: route.handle,
        layout: { Layout: organisationLayout.default, loaderData: layout.body },
      })
    }
    expect(await inLayout(newSite, `${base}/platser/ny`, { id: own.id })).toContain(
      '<div class="page page--narrow"><h1>Ny plats för Solör Bioenergi</h1><form',
    )
    expect(
      await inLayout(servicePage, `${base}/verksamheter/${service.id}`, { id: own.id, serviceId: service.id }),
    ).toContain(
      `<div class="page"><p><a data-discover="true" href="${base}#verksamhet-${service.id}">Tillbaka till Solör Bioenergi</a></p><h1>Ändra verksamheten Fjärrvärme</h1><section`,
    )
  })

  it('refuses the whole organisation to whoever reads no network, and an organisation that does not exist', async () => {
    const informant = await makeUser(db(), { role: 'informant', organisationId: own.id })
    const { cookie } = await signedIn(db(), informant.id)
    const refused = await call(organisationLayout.loader as Handler, getRequest(`/organisationer/${own.id}`, cookie), {
      id: own.id,
    })
    expect(refused.status).toBe(403)
    const missing = '00000000-0000-4000-8000-000000000000'
    const notFound = await call(
      organisationLayout.loader as Handler,
      getRequest(`/organisationer/${missing}`, partner.cookie),
      {
        id: missing,
      },
    )
    expect(notFound.status).toBe(404)
  })
})
