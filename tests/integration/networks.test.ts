import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog } from '../../app/db/schema/audit'
import NetworkPage, { action as networkAction, loader as networkLoader } from '../../app/routes/natverk+/$id'
import { action as createAction } from '../../app/routes/natverk+/_index'
import {
  createNetwork,
  listNetworkMembers,
  listNetworksOf,
  setNetworkMember,
} from '../../app/modules/registry/networks.server'
import { formRequest, getRequest, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { renderRoute } from '../support/render-route'
import { useTestDatabase } from '../support/test-db'

const context = { clientIp: '127.0.0.1', cspNonce: '', requestId: 'test' }

async function settle(run: () => Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    const result = await run()
    if (result instanceof Response) return { status: result.status, body: null }
    const wrapped = result as { init?: { status?: number }; data?: unknown } | null
    if (wrapped && typeof wrapped === 'object' && 'init' in wrapped)
      return { status: wrapped.init?.status ?? 200, body: wrapped.data }
    return { status: 200, body: result }
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null }
    throw thrown
  }
}

describe('networks', () => {
  const db = useTestDatabase()

  it('membership changes are idempotent and audited', async () => {
    const organisation = await makeOrganisation(db())
    const network = await createNetwork(db(), {
      actorId: null,
      name: 'Krissamverkan Sjuhärad',
      description: '',
      coordinatorOrganisationId: null,
    })
    expect(
      await setNetworkMember(db(), {
        actorId: null,
        networkId: network.id,
        organisationId: organisation.id,
        member: true,
      }),
    ).toBe(true)
    expect(
      await setNetworkMember(db(), {
        actorId: null,
        networkId: network.id,
        organisationId: organisation.id,
        member: true,
      }),
    ).toBe(false)
    expect((await listNetworksOf(db(), organisation.id)).map((n) => n.name)).toEqual(['Krissamverkan Sjuhärad'])
    expect(
      await setNetworkMember(db(), {
        actorId: null,
        networkId: network.id,
        organisationId: organisation.id,
        member: false,
      }),
    ).toBe(true)
    expect(await listNetworkMembers(db(), network.id)).toEqual([])
    const entries = await db().select().from(auditLog).where(eq(auditLog.entity, 'network_member'))
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'delete'])
  })

  it('the coordinator creates a network, adds a member and edits it; a stale version is a conflict', async () => {
    const municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    const coordinator = await makeUser(db(), { role: 'coordinator', organisationId: municipality.id })
    const { cookie } = await signedIn(db(), coordinator.id)

    const invalid = await settle(() =>
      createAction({
        request: formRequest('/natverk', { name: '', description: 'Krisstöd' }, cookie),
        params: {},
        context,
      }),
    )
    expect(invalid.status).toBe(400)
    // Conform's reply: the messages as i18n keys, and what the user typed.
    expect(invalid.body).toMatchObject({
      result: { status: 'error', error: { name: ['validation.required'] }, initialValue: { description: 'Krisstöd' } },
    })

    const created = await settle(() =>
      createAction({
        request: formRequest('/natverk', { name: 'Posom Vårgårda', description: 'Krisstöd' }, cookie),
        params: {},
        context,
      }),
    )
    expect(created.status).toBe(302)
    const [network] = await db().query.networks.findMany()
    expect(network?.name).toBe('Posom Vårgårda')
    const params = { id: network!.id }

    const added = await settle(() =>
      networkAction({
        request: formRequest(`/natverk/${network!.id}`, { intent: 'add', organisationId: municipality.id }, cookie),
        params,
        context,
      }),
    )
    expect(added.status).toBe(200)
    const unchosen = await settle(() =>
      networkAction({ request: formRequest(`/natverk/${network!.id}`, { intent: 'add' }, cookie), params, context }),
    )
    expect(unchosen.status).toBe(400)
    expect(unchosen.body).toMatchObject({ member: { error: { organisationId: ['validation.choose'] } } })
    expect((await listNetworkMembers(db(), network!.id)).map((m) => m.name)).toEqual(['Vårgårda kommun'])

    const update = (version: string, name: string) =>
      settle(() =>
        networkAction({
          request: formRequest(
            `/natverk/${network!.id}`,
            { intent: 'update', version, name, description: 'x', coordinatorOrganisationId: municipality.id },
            cookie,
          ),
          params,
          context,
        }),
      )
    expect((await update('1', 'Posom-gruppen')).status).toBe(200)
    const stale = await update('1', 'Något annat')
    expect(stale.status).toBe(409)
    // The conflict keeps the input and carries the stored record, whose version the form posts next.
    expect(stale.body).toMatchObject({
      update: {
        error: { '': ['networks.conflict'] },
        current: { name: 'Posom-gruppen', version: '2' },
        initialValue: { name: 'Något annat' },
      },
      currentCoordinatorName: 'Vårgårda kommun',
    })
    // As the page renders it without JavaScript: the input kept, the stored value beside it, the next version.
    const loaded = await networkLoader({ request: getRequest(`/natverk/${network!.id}`, cookie), params, context })
    const html = await renderRoute(NetworkPage, { loaderData: loaded, actionData: stale.body })
    expect(html).toMatch(/<div class="notice notice--error" role="alert">Någon annan har ändrat/)
    expect(html).toMatch(
      /name="name" aria-describedby="[^"]+-current" type="text" required="" maxLength="200" value="Något annat"/,
    )
    expect(html).toContain('Nuvarande värde: Posom-gruppen')
    expect(html).toContain('<input type="hidden" name="version" value="2"/>')
    expect((await update('2', 'Något annat')).status).toBe(200)
    const page = (await networkLoader({ request: getRequest(`/natverk/${network!.id}`, cookie), params, context })) as {
      network: { name: string; version: number }
    }
    expect(page.network).toMatchObject({ name: 'Något annat', version: 3 })
  })

  it('a partner editor can read networks but not change them', async () => {
    const own = await makeOrganisation(db())
    const partner = await makeUser(db(), { role: 'partner_editor', organisationId: own.id })
    const { cookie } = await signedIn(db(), partner.id)
    const network = await createNetwork(db(), {
      actorId: null,
      name: 'Lokalt BRÅ',
      description: '',
      coordinatorOrganisationId: null,
    })
    const params = { id: network.id }
    const page = await settle(() =>
      networkLoader({ request: getRequest(`/natverk/${network.id}`, cookie), params, context }),
    )
    expect(page.status).toBe(200)
    // Nobody is sent the whole register: the pickers hold only what is chosen.
    expect(page.body).toMatchObject({ mayEdit: false, memberPicker: { selected: [], results: null } })
    expect(page.body).not.toHaveProperty('organisations')
    const refused = await settle(() =>
      networkAction({
        request: formRequest(`/natverk/${network.id}`, { intent: 'add', organisationId: own.id }, cookie),
        params,
        context,
      }),
    )
    expect(refused.status).toBe(403)
    expect(await listNetworkMembers(db(), network.id)).toEqual([])
  })
})
