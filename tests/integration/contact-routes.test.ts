import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../app/db/client.server'
import { auditLog } from '../../app/db/schema/audit'
import { organisations } from '../../app/db/schema/organisations'
import { users } from '../../app/db/schema/users'
import { contactChecks, contactRoutes, type ContactRoute } from '../../app/db/schema/registry'
import { sv } from '../../app/i18n/sv'
import * as organisationPage from '../../app/routes/organisationer+/$id._index'
import * as confirmRoute from '../../app/routes/organisationer+/$id_.bekrafta'
import * as editRoute from '../../app/routes/organisationer+/$id.kontaktvagar.$routeId'
import * as checkRoute from '../../app/routes/organisationer+/$id.kontaktvagar.$routeId_.provsamtal'
import * as newRoute from '../../app/routes/organisationer+/$id.kontaktvagar.ny'
import { formRequest, getRequest, makeContactRoute, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { descriptionsOf, openingTag } from '../support/markup'
import { renderRoute } from '../support/render-route'
import { useTestDatabase } from '../support/test-db'
import { noticeOf } from '../support/route-call'

type Handler = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>

const context = { clientIp: '10.0.2.1', cspNonce: '', requestId: 'contact-routes' }

/** Calls a loader or action as Remix would; a thrown Response is returned, so tests can look at it. */
async function call(handler: Handler, request: Request, params: Record<string, string>): Promise<unknown> {
  try {
    return await handler({ request, params, context })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status
  return (result as { init?: { status?: number } } | null)?.init?.status ?? 200
}

function payloadOf<T>(result: unknown): T {
  const wrapped = result as { type?: string; data?: T }
  return (wrapped?.type === 'DataWithResponseInit' ? wrapped.data : result) as T
}

function locationOf(result: unknown): string | null {
  return result instanceof Response ? result.headers.get('Location') : null
}

const newFields = {
  function: 'isk',
  channel: 'mobile',
  value: '070-174 06 77',
  label: 'Jourhavande chef',
  availability: 'always',
  callOrder: '1',
  visibility: 'network',
}

function editFields(route: ContactRoute, changes: Record<string, string> = {}): Record<string, string> {
  return {
    intent: 'save',
    function: route.function,
    channel: route.channel,
    value: route.value,
    label: route.label,
    availability: route.availability,
    callOrder: String(route.callOrder),
    visibility: route.visibility,
    version: String(route.version),
    ...changes,
  }
}

describe('contact route pages', () => {
  const db = useTestDatabase()
  let own: { id: string }
  let other: { id: string }
  let ownRoute: ContactRoute
  let otherRoute: ContactRoute
  let otherRestricted: ContactRoute
  let partner: { id: string; cookie: string }

  async function stored(id: string) {
    const [row] = await db().select().from(contactRoutes).where(eq(contactRoutes.id, id))
    return row ?? null
  }

  async function auditFor(database: Database, entityId: string) {
    return database.select().from(auditLog).where(eq(auditLog.entityId, entityId))
  }

  async function signedInAs(role: 'coordinator' | 'partner_editor' | 'viewer', organisationId: string) {
    const user = await makeUser(db(), { role, organisationId })
    return { id: user.id, name: user.name, cookie: (await signedIn(db(), user.id)).cookie }
  }

  beforeEach(async () => {
    own = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB' })
    other = await makeOrganisation(db(), { name: 'Solör Bioenergi i Vårgårda AB' })
    ownRoute = await makeContactRoute(db(), { organisationId: own.id, value: '031-390 06 30', label: 'Fastighetsjour' })
    otherRoute = await makeContactRoute(db(), { organisationId: other.id, value: '040-628 04 00', label: 'Driftjour' })
    otherRestricted = await makeContactRoute(db(), {
      organisationId: other.id,
      function: 'ceo',
      channel: 'mobile',
      value: '070-174 06 98',
      label: 'Vd:ns privata mobil',
      visibility: 'restricted',
    })
    partner = await signedInAs('partner_editor', own.id)
  })

  describe('a partner editor with their own organisation', () => {
    it('adds a contact route, audited', async () => {
      const result = await call(
        newRoute.action as Handler,
        formRequest(`/organisationer/${own.id}/kontaktvagar/ny`, newFields, partner.cookie),
        { id: own.id },
      )
      expect(statusOf(result)).toBe(302)
      expect(locationOf(result)).toBe(`/organisationer/${own.id}`)
      expect(noticeOf(result as Response)).toEqual({ kind: 'success', message: 'contacts.flash.ny' })
      const [created] = await db().select().from(contactRoutes).where(eq(contactRoutes.value, '070-174 06 77'))
      expect(created).toMatchObject({ organisationId: own.id, function: 'isk', availability: 'always', version: 1 })
      const audit = await auditFor(db(), created!.id)
      expect(audit).toMatchObject([
        { action: 'create', entity: 'contact_route', userId: partner.id, organisationId: own.id },
      ])
    })

    it('edits a contact route: the version goes up and the change is audited', async () => {
      const result = await call(
        editRoute.action as Handler,
        formRequest(
          `/organisationer/${own.id}/kontaktvagar/${ownRoute.id}`,
          editFields(ownRoute, { value: '031-390 06 31', availability: 'always' }),
          partner.cookie,
        ),
        { id: own.id, routeId: ownRoute.id },
      )
      expect(locationOf(result)).toBe(`/organisationer/${own.id}`)
      expect(noticeOf(result as Response)).toEqual({ kind: 'success', message: 'contacts.flash.sparad' })
      expect(await stored(ownRoute.id)).toMatchObject({ value: '031-390 06 31', availability: 'always', version: 2 })
      const audit = await auditFor(db(), ownRoute.id)
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({ action: 'update', userId: partner.id })
      expect(audit[0]!.changes).toEqual({
        value: { before: '031-390 06 30', after: '031-390 06 31' },
        availability: { before: 'office_hours', after: 'always' },
      })
    })

    it('records a test call, audited, and the organisation page shows it as the last one', async () => {
      const result = await call(
        checkRoute.action as Handler,
        formRequest(
          `/organisationer/${own.id}/kontaktvagar/${ownRoute.id}/provsamtal`,
          { reached: 'no', note: 'Röstbrevlåda' },
          partner.cookie,
        ),
        { id: own.id, routeId: ownRoute.id },
      )
      expect(locationOf(result)).toBe(`/organisationer/${own.id}`)
      expect(noticeOf(result as Response)).toEqual({ kind: 'success', message: 'contacts.flash.provsamtal' })
      const checks = await db().select().from(contactChecks).where(eq(contactChecks.routeId, ownRoute.id))
      expect(checks).toMatchObject([{ reached: false, note: 'Röstbrevlåda', checkedBy: partner.id }])
      expect(await auditFor(db(), checks[0]!.id)).toMatchObject([
        { entity: 'contact_check', action: 'create', organisationId: own.id },
      ])

      const page = payloadOf<{ contacts: { routes: { id: string; lastCheck: { reached: boolean } | null }[] } }>(
        await call(organisationPage.loader as Handler, getRequest(`/organisationer/${own.id}`, partner.cookie), {
          id: own.id,
        }),
      )
      expect(page.contacts.routes.find((route) => route.id === ownRoute.id)?.lastCheck).toMatchObject({
        reached: false,
      })
    })

    it('removes a contact route, audited', async () => {
      const result = await call(
        editRoute.action as Handler,
        formRequest(
          `/organisationer/${own.id}/kontaktvagar/${ownRoute.id}`,
          { intent: 'delete', version: '1' },
          partner.cookie,
        ),
        { id: own.id, routeId: ownRoute.id },
      )
      expect(locationOf(result)).toBe(`/organisationer/${own.id}`)
      expect(noticeOf(result as Response)).toEqual({ kind: 'success', message: 'contacts.flash.borttagen' })
      expect(await stored(ownRoute.id)).toBeNull()
      expect(await auditFor(db(), ownRoute.id)).toMatchObject([{ action: 'delete', userId: partner.id }])
    })

    it('confirms the data: the page says when and by whom, and the confirmation is audited', async () => {
      const before = payloadOf<{ contacts: { confirmedAt: string | null } }>(
        await call(organisationPage.loader as Handler, getRequest(`/organisationer/${own.id}`, partner.cookie), {
          id: own.id,
        }),
      )
      expect(before.contacts.confirmedAt).toBeNull()
      const result = await call(
        confirmRoute.action as Handler,
        formRequest(`/organisationer/${own.id}/bekrafta`, {}, partner.cookie),
        { id: own.id },
      )
      expect(locationOf(result)).toBe(`/organisationer/${own.id}`)
      expect(noticeOf(result as Response)).toEqual({ kind: 'success', message: 'contacts.flash.bekraftad' })
      const [row] = await db().select().from(organisations).where(eq(organisations.id, own.id))
      expect(row).toMatchObject({ confirmedBy: partner.id })
      expect(row!.confirmedAt).toBeInstanceOf(Date)
      const page = payloadOf<{ contacts: { confirmedAt: string | null; confirmedByName: string | null } }>(
        await call(organisationPage.loader as Handler, getRequest(`/organisationer/${own.id}`, partner.cookie), {
          id: own.id,
        }),
      )
      expect(page.contacts.confirmedAt).toBe(row!.confirmedAt!.toISOString())
      const [confirmer] = await db().select({ name: users.name }).from(users).where(eq(users.id, partner.id))
      expect(page.contacts.confirmedByName).toBe(confirmer!.name)
      expect(await auditFor(db(), own.id)).toMatchObject([
        { entity: 'organisation', action: 'confirm', userId: partner.id },
      ])
    })

    it('keeps every input and writes nothing when a value does not fit its channel', async () => {
      const result = await call(
        newRoute.action as Handler,
        formRequest(
          `/organisationer/${own.id}/kontaktvagar/ny`,
          { ...newFields, value: 'ring Per', callOrder: '0' },
          partner.cookie,
        ),
        { id: own.id },
      )
      expect(statusOf(result)).toBe(400)
      const payload = payloadOf<{ errors: Record<string, string>; values: Record<string, string> }>(result)
      expect(payload.errors).toEqual({ value: 'contacts.validation.phone', callOrder: 'contacts.validation.callOrder' })
      expect(payload.values).toMatchObject({ value: 'ring Per', label: 'Jourhavande chef', availability: 'always' })
      expect(await db().select().from(contactRoutes)).toHaveLength(3)
    })
  })

  describe('a stale version', () => {
    it('is a 409 on save: nothing changes, the input is kept and the current values are shown', async () => {
      const coordinator = await signedInAs('coordinator', own.id)
      const first = await call(
        editRoute.action as Handler,
        formRequest(
          `/organisationer/${own.id}/kontaktvagar/${ownRoute.id}`,
          editFields(ownRoute, { label: 'Först', visibility: 'restricted' }),
          coordinator.cookie,
        ),
        { id: own.id, routeId: ownRoute.id },
      )
      expect(statusOf(first)).toBe(302)
      const result = await call(
        editRoute.action as Handler,
        formRequest(
          `/organisationer/${own.id}/kontaktvagar/${ownRoute.id}`,
          editFields(ownRoute, { label: 'Sedan' }),
          partner.cookie,
        ),
        { id: own.id, routeId: ownRoute.id },
      )
      expect(statusOf(result)).toBe(409)
      const payload = payloadOf<{
        notice: string
        values: { label: string }
        current: { label: string }
        version: string
      }>(result)
      expect(payload).toMatchObject({
        notice: 'contacts.conflict',
        values: { label: 'Sedan' },
        current: { label: 'Först' },
        version: '2',
      })
      expect(await stored(ownRoute.id)).toMatchObject({ label: 'Först', version: 2 })
      expect(await auditFor(db(), ownRoute.id)).toHaveLength(1)

      // The page keeps the input and ties what is stored now to each changed field, for screen readers too.
      const page = await call(
        editRoute.loader as Handler,
        getRequest(`/organisationer/${own.id}/kontaktvagar/${ownRoute.id}`, partner.cookie),
        { id: own.id, routeId: ownRoute.id },
      )
      const html = await renderRoute(editRoute.default, { loaderData: page, actionData: payload })
      expect(openingTag(html, 'input[name="label"]')).toContain('value="Sedan"')
      expect(descriptionsOf(html, 'input[name="label"]')).toEqual([
        sv['contacts.field.labelHint'],
        'Nuvarande värde: Först',
      ])
      expect(descriptionsOf(html, 'fieldset[class="choices"]')).toEqual([
        sv['contacts.field.visibilityHint'],
        `Nuvarande värde: ${sv['visibility.restricted']}`,
      ])
      expect(descriptionsOf(html, 'input[name="callOrder"]')).toEqual([sv['contacts.field.callOrderHint']])
    })

    it('is a 409 on removal, and the route stays', async () => {
      await db().update(contactRoutes).set({ version: 2, label: 'Ändrad' }).where(eq(contactRoutes.id, ownRoute.id))
      const result = await call(
        editRoute.action as Handler,
        formRequest(
          `/organisationer/${own.id}/kontaktvagar/${ownRoute.id}`,
          { intent: 'delete', version: '1' },
          partner.cookie,
        ),
        { id: own.id, routeId: ownRoute.id },
      )
      expect(statusOf(result)).toBe(409)
      expect(payloadOf<{ notice: string; values: { label: string } }>(result)).toMatchObject({
        notice: 'contacts.deleteConflict',
        values: { label: 'Ändrad' },
      })
      expect(await stored(ownRoute.id)).toMatchObject({ label: 'Ändrad', version: 2 })
      expect(await auditFor(db(), ownRoute.id)).toEqual([])
    })
  })

  describe("another organisation's routes", () => {
    it('cannot be created, edited, removed or test-called by a partner editor: 403, nothing stored, nothing audited', async () => {
      const attempts: [Handler, string, Record<string, string>, Record<string, string>][] = [
        [newRoute.action as Handler, `/organisationer/${other.id}/kontaktvagar/ny`, { id: other.id }, newFields],
        [
          editRoute.action as Handler,
          `/organisationer/${other.id}/kontaktvagar/${otherRoute.id}`,
          { id: other.id, routeId: otherRoute.id },
          editFields(otherRoute, { value: '040-628 04 99' }),
        ],
        [
          editRoute.action as Handler,
          `/organisationer/${other.id}/kontaktvagar/${otherRoute.id}`,
          { id: other.id, routeId: otherRoute.id },
          { intent: 'delete', version: '1' },
        ],
        [
          checkRoute.action as Handler,
          `/organisationer/${other.id}/kontaktvagar/${otherRoute.id}/provsamtal`,
          { id: other.id, routeId: otherRoute.id },
          { reached: 'yes', note: '' },
        ],
        [confirmRoute.action as Handler, `/organisationer/${other.id}/bekrafta`, { id: other.id }, {}],
      ]
      for (const [handler, url, params, body] of attempts) {
        const result = await call(handler, formRequest(url, body, partner.cookie), params)
        expect(statusOf(result), url).toBe(403)
      }
      for (const [handler, url, params] of [
        [
          editRoute.loader,
          `/organisationer/${other.id}/kontaktvagar/${otherRoute.id}`,
          { id: other.id, routeId: otherRoute.id },
        ],
        [
          checkRoute.loader,
          `/organisationer/${other.id}/kontaktvagar/${otherRoute.id}/provsamtal`,
          { id: other.id, routeId: otherRoute.id },
        ],
        [newRoute.loader, `/organisationer/${other.id}/kontaktvagar/ny`, { id: other.id }],
      ] as const) {
        expect(statusOf(await call(handler as Handler, getRequest(url, partner.cookie), params)), url).toBe(403)
      }
      expect(await db().select().from(contactRoutes).where(eq(contactRoutes.organisationId, other.id))).toEqual(
        expect.arrayContaining([otherRoute, otherRestricted]),
      )
      expect(await db().select().from(contactRoutes).where(eq(contactRoutes.organisationId, other.id))).toHaveLength(2)
      expect(await db().select().from(contactChecks)).toEqual([])
      expect((await db().select().from(organisations).where(eq(organisations.id, other.id)))[0]!.confirmedAt).toBeNull()
      expect(await db().select().from(auditLog)).toEqual([])
    })

    it("are a 404 under the partner's own organisation's address: the stored organisation decides, not the URL", async () => {
      const params = { id: own.id, routeId: otherRoute.id }
      const base = `/organisationer/${own.id}/kontaktvagar/${otherRoute.id}`
      expect(statusOf(await call(editRoute.loader as Handler, getRequest(base, partner.cookie), params))).toBe(404)
      expect(
        statusOf(
          await call(
            editRoute.action as Handler,
            formRequest(base, editFields(otherRoute, { value: '040-628 04 99' }), partner.cookie),
            params,
          ),
        ),
      ).toBe(404)
      expect(
        statusOf(
          await call(
            editRoute.action as Handler,
            formRequest(base, { intent: 'delete', version: '1' }, partner.cookie),
            params,
          ),
        ),
      ).toBe(404)
      expect(
        statusOf(
          await call(
            checkRoute.action as Handler,
            formRequest(`${base}/provsamtal`, { reached: 'yes' }, partner.cookie),
            params,
          ),
        ),
      ).toBe(404)
      expect(await stored(otherRoute.id)).toEqual(otherRoute)
      expect(await db().select().from(contactChecks)).toEqual([])
      expect(await db().select().from(auditLog)).toEqual([])
    })

    it('are a 404 for the coordinator too when the address names the wrong organisation', async () => {
      const coordinator = await signedInAs('coordinator', own.id)
      const params = { id: own.id, routeId: otherRoute.id }
      const result = await call(
        editRoute.action as Handler,
        formRequest(
          `/organisationer/${own.id}/kontaktvagar/${otherRoute.id}`,
          editFields(otherRoute, { value: '040-628 04 99' }),
          coordinator.cookie,
        ),
        params,
      )
      expect(statusOf(result)).toBe(404)
      expect(await stored(otherRoute.id)).toEqual(otherRoute)
    })
  })

  describe('restricted routes', () => {
    type PageData = { contacts: { routes: { id: string; value: string }[] }; canEdit: boolean }

    async function pageFor(cookie: string, organisationId: string) {
      const result = await call(
        organisationPage.loader as Handler,
        getRequest(`/organisationer/${organisationId}`, cookie),
        {
          id: organisationId,
        },
      )
      expect(statusOf(result)).toBe(200)
      return payloadOf<PageData>(result)
    }

    it("of another organisation never reach a viewer's or a partner's browser", async () => {
      const viewer = await signedInAs('viewer', own.id)
      for (const cookie of [viewer.cookie, partner.cookie]) {
        const page = await pageFor(cookie, other.id)
        expect(page.contacts.routes.map((route) => route.id)).toEqual([otherRoute.id])
        expect(JSON.stringify(page)).not.toContain(otherRestricted.value)
        expect(JSON.stringify(page)).not.toContain(otherRestricted.id)
        expect(page.canEdit).toBe(false)
      }
    })

    it('are seen by the own organisation and the coordinator', async () => {
      const otherPartner = await signedInAs('partner_editor', other.id)
      const coordinator = await signedInAs('coordinator', own.id)
      for (const cookie of [otherPartner.cookie, coordinator.cookie]) {
        const page = await pageFor(cookie, other.id)
        expect(page.contacts.routes.map((route) => route.id).sort()).toEqual([otherRoute.id, otherRestricted.id].sort())
      }
    })

    it('come, like every route, after the ISK and the 24/7 routes', async () => {
      const isk = await makeContactRoute(db(), {
        organisationId: own.id,
        function: 'isk',
        availability: 'on_activation',
        callOrder: 5,
      })
      const always = await makeContactRoute(db(), {
        organisationId: own.id,
        function: 'other',
        availability: 'always',
        callOrder: 3,
      })
      const page = await pageFor(partner.cookie, own.id)
      expect(page.contacts.routes.map((route) => route.id)).toEqual([isk.id, always.id, ownRoute.id])
    })
  })
})
