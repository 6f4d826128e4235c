import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../app/db/client.server'
import type { Role } from '../../app/db/enums'
import { organisations } from '../../app/db/schema/organisations'
import type { Actor } from '../../app/modules/auth/permissions'
import { searchDirectory } from '../../app/modules/registry/directory.server'
import { createNetwork, setNetworkMember } from '../../app/modules/registry/networks.server'
import * as directoryPage from '../../app/routes/katalog._index'
import { getRequest, makeContactRoute, makeOrganisation, makeService, makeSite, makeUser, signedIn } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

const context = { clientIp: '10.0.3.1', cspNonce: '', requestId: 'directory' }

/** A small network: a housing company and an energy company in Vårgårda, the police in Alingsås. */
async function seedDirectory(db: Database) {
  const bostader = await makeOrganisation(db, { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
  const solor = await makeOrganisation(db, { name: 'Solör Bioenergi i Vårgårda AB', kind: 'energy' })
  const polis = await makeOrganisation(db, { name: 'Polisen Alingsås', kind: 'police' })
  const reader = await makeOrganisation(db, { name: 'Läsarnas förening', kind: 'voluntary' })
  await db.update(organisations).set({ confirmedAt: new Date('2026-05-04T08:00:00Z') }).where(eq(organisations.id, bostader.id))
  const verket = await makeSite(db, { organisationId: solor.id, name: 'Värmeverket', address: 'Industrivägen 3, Vårgårda' })
  await makeSite(db, { organisationId: bostader.id, name: 'Kvarteret Tornet', address: 'Kungsgatan 1, Vårgårda' })
  const heating = await makeService(db, { organisationId: solor.id, name: 'Fjärrvärmeproduktion', sector: 'energy', siteIds: [verket.id] })
  await makeService(db, { organisationId: bostader.id, name: 'Trygghetsboende för äldre', sector: 'health_care' })
  const routes = {
    bostaderIsk: await makeContactRoute(db, { organisationId: bostader.id, function: 'isk', availability: 'always', value: '031-390 06 05' }),
    bostaderPrivate: await makeContactRoute(db, {
      organisationId: bostader.id,
      function: 'ceo',
      channel: 'mobile',
      value: '070-174 06 05',
      label: 'VD privat',
      visibility: 'restricted',
    }),
    solorTib: await makeContactRoute(db, { organisationId: solor.id, function: 'duty_officer', availability: 'always', value: '031-390 06 06' }),
    solorPrivate: await makeContactRoute(db, {
      organisationId: solor.id,
      function: 'duty_officer',
      channel: 'mobile',
      value: '070-174 06 06',
      label: 'Jourhavande privat',
      availability: 'always',
      visibility: 'restricted',
    }),
    solorRakel: await makeContactRoute(db, { organisationId: solor.id, function: 'isk', channel: 'rakel', value: 'VGR KRIS-1', availability: 'always' }),
  }
  const network = await createNetwork(db, { actorId: null, name: 'Krissamverkan Sjuhärad', description: '', coordinatorOrganisationId: null })
  await setNetworkMember(db, { actorId: null, networkId: network.id, organisationId: solor.id, member: true })
  return { bostader, solor, polis, reader, heating, routes, network }
}

const as = (role: Role, organisationId: string): Actor => ({ memberships: [{ organisationId, role }] })

describe('directory search', () => {
  const getDb = useTestDatabase()
  let data: Awaited<ReturnType<typeof seedDirectory>>
  let viewer: Actor

  beforeEach(async () => {
    data = await seedDirectory(getDb())
    viewer = as('viewer', data.reader.id)
  })

  const names = (hits: { name: string }[]) => hits.map((hit) => hit.name)

  it('finds "Vårgårda Bostäder AB" typed without å and ä, best match first', async () => {
    const results = await searchDirectory(getDb(), viewer, { q: 'vargarda bostader' })
    expect(names(results.organisations.hits)[0]).toBe('Vårgårda Bostäder AB')
    expect(names(results.organisations.hits)).not.toContain('Polisen Alingsås')
  })

  it('tolerates a typo in each word and upper case', async () => {
    expect(names((await searchDirectory(getDb(), viewer, { q: 'vargrda bostder' })).organisations.hits)[0]).toBe('Vårgårda Bostäder AB')
    expect(names((await searchDirectory(getDb(), viewer, { q: 'SOLR BIOENERGI' })).organisations.hits)).toEqual([
      'Solör Bioenergi i Vårgårda AB',
    ])
  })

  it('finds places by name or address and services by name', async () => {
    const places = await searchDirectory(getDb(), viewer, { q: 'varmeverket' })
    expect(places.sites.hits).toMatchObject([{ name: 'Värmeverket', organisationId: data.solor.id, organisationName: 'Solör Bioenergi i Vårgårda AB' }])
    const street = await searchDirectory(getDb(), viewer, { q: 'kungsgatan' })
    expect(names(street.sites.hits)).toEqual(['Kvarteret Tornet'])
    const services = await searchDirectory(getDb(), viewer, { q: 'fjarrvarme' })
    expect(services.services.hits).toMatchObject([{ id: data.heating.id, sector: 'energy', organisationId: data.solor.id }])
  })

  it('finds contact routes by function, narrowed by the organisation’s name', async () => {
    const tib = await searchDirectory(getDb(), viewer, { q: 'TiB solör' })
    expect(tib.routes.hits.map((hit) => hit.id)).toEqual([data.routes.solorTib.id])
    const isk = await searchDirectory(getDb(), viewer, { q: 'isk' })
    expect(isk.routes.hits.map((hit) => hit.id).sort()).toEqual([data.routes.bostaderIsk.id, data.routes.solorRakel.id].sort())
    const rakel = await searchDirectory(getDb(), viewer, { q: 'vgr kris' })
    expect(rakel.routes.hits).toMatchObject([{ id: data.routes.solorRakel.id, channel: 'rakel', organisationName: 'Solör Bioenergi i Vårgårda AB' }])
  })

  it('finds a sector’s services by the sector’s name', async () => {
    const results = await searchDirectory(getDb(), viewer, { q: 'energi vårgårda' })
    expect(results.services.hits.map((hit) => hit.id)).toEqual([data.heating.id])
  })

  it('filters by organisation kind, sector and network', async () => {
    const byKind = await searchDirectory(getDb(), viewer, { q: 'vargarda', kind: 'energy' })
    expect(names(byKind.organisations.hits)).toEqual(['Solör Bioenergi i Vårgårda AB'])
    expect(names(byKind.sites.hits)).toEqual(['Värmeverket'])

    const bySector = await searchDirectory(getDb(), viewer, { q: 'vargarda', sector: 'health_care' })
    expect(names(bySector.organisations.hits)).toEqual(['Vårgårda Bostäder AB'])
    const servicesInSector = await searchDirectory(getDb(), viewer, { q: 'fjarrvarme', sector: 'health_care' })
    expect(servicesInSector.services.hits).toEqual([])

    const byNetwork = await searchDirectory(getDb(), viewer, { q: 'vargarda', network: data.network.id })
    expect(names(byNetwork.organisations.hits)).toEqual(['Solör Bioenergi i Vårgårda AB'])

    const onlyFilters = await searchDirectory(getDb(), viewer, { q: '', kind: 'police' })
    expect(names(onlyFilters.organisations.hits)).toEqual(['Polisen Alingsås'])
  })

  it('ranks the closest match first', async () => {
    for (const name of ['Vårgårda kommuns fastighetsavdelning', 'Vårgårda kommun', 'Herrljunga kommun']) {
      await makeOrganisation(getDb(), { name, kind: 'municipality' })
    }
    const results = await searchDirectory(getDb(), viewer, { q: 'vargarda kommun' })
    expect(names(results.organisations.hits)).toEqual(['Vårgårda kommun', 'Vårgårda kommuns fastighetsavdelning'])
    await makeSite(getDb(), { organisationId: data.bostader.id, name: 'Vattenverket Hägrunga' })
    await makeSite(getDb(), { organisationId: data.bostader.id, name: 'Vårgårda vattenverk' })
    const places = await searchDirectory(getDb(), viewer, { q: 'vattenverk' })
    expect(names(places.sites.hits)).toEqual(['Vårgårda vattenverk', 'Vattenverket Hägrunga'])
    expect(places.sites.hits[0]!.score).toBeGreaterThan(places.sites.hits[1]!.score)
  })

  it('shows at most the group limit and says there is more', async () => {
    for (let i = 1; i <= 7; i++) await makeOrganisation(getDb(), { name: `Testbolaget ${i}` })
    const results = await searchDirectory(getDb(), viewer, { q: 'testbolaget' }, 5)
    expect(results.organisations.hits).toHaveLength(5)
    expect(results.organisations.more).toBe(true)
  })

  describe('restricted contact routes', () => {
    const restrictedIds = () => [data.routes.bostaderPrivate.id, data.routes.solorPrivate.id]
    const routeIds = async (actor: Actor, q: string) =>
      (await searchDirectory(getDb(), actor, { q })).routes.hits.map((hit) => hit.id)

    it('never reaches a viewer or a partner of another organisation', async () => {
      for (const actor of [viewer, as('partner_editor', data.bostader.id), as('council_member', data.polis.id)]) {
        expect(await routeIds(actor, 'jourhavande privat')).toEqual([])
        expect(await routeIds(actor, '070-174 06 06')).not.toContain(data.routes.solorPrivate.id)
        expect(await routeIds(actor, 'tib solör')).toEqual([data.routes.solorTib.id])
      }
      expect(await routeIds(viewer, 'vd privat')).toEqual([])
      expect(await routeIds(viewer, '070-174 06 05')).toEqual([])
    })

    it('reaches the own organisation and the coordinator', async () => {
      expect(await routeIds(as('partner_editor', data.solor.id), 'jourhavande privat')).toEqual([data.routes.solorPrivate.id])
      expect(await routeIds(as('viewer', data.solor.id), 'tib solör')).toEqual(
        expect.arrayContaining([data.routes.solorTib.id, data.routes.solorPrivate.id]),
      )
      expect(await routeIds(as('partner_editor', data.bostader.id), 'vd privat')).toEqual([data.routes.bostaderPrivate.id])
      const coordinator = as('coordinator', data.reader.id)
      expect(await routeIds(coordinator, 'privat')).toEqual(expect.arrayContaining(restrictedIds()))
    })
  })

  describe('the /katalog page', () => {
    async function load(url: string, role: Role = 'viewer') {
      const user = await makeUser(getDb(), { role, organisationId: data.reader.id })
      const { cookie } = await signedIn(getDb(), user.id)
      return directoryPage.loader({ request: getRequest(url, cookie), params: {}, context })
    }

    it('searches from the query string', async () => {
      const page = await load('/katalog?q=vargarda+bostader&kind=municipal_company&sector=nonsense')
      expect(page.filters).toEqual({ q: 'vargarda bostader', kind: 'municipal_company' })
      expect(page.results?.organisations.hits.map((hit) => hit.name)).toEqual(['Vårgårda Bostäder AB'])
    })

    it('asks for two characters rather than searching one', async () => {
      const page = await load('/katalog?q=v')
      expect(page.tooShort).toBe(true)
      expect(page.results).toBeNull()
    })

    it('shows the search form only, before a search', async () => {
      const page = await load('/katalog')
      expect(page.results).toBeNull()
      expect(page.networks.map((network) => network.name)).toEqual(['Krissamverkan Sjuhärad'])
    })
  })
})
