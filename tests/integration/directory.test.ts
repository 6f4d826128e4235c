import { eq, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../app/db/client.server'
import type { Role } from '../../app/db/enums'
import { organisations } from '../../app/db/schema/organisations'
import type { Actor } from '../../app/modules/auth/permissions'
import { queryRows } from '../../app/modules/data-transfer/catalog.server'
import { searchDirectory } from '../../app/modules/directory/directory.server'
import { createNetwork, setNetworkMember } from '../../app/modules/registry/networks.server'
import { phoneQueryDigits } from '../../app/modules/text/phone'
import * as directoryPage from '../../app/routes/katalog+/_index'
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

  describe('phone numbers', () => {
    let numbers: Record<'kommun' | 'solor' | 'storedWithCode' | 'bostaderPrivate', string>

    beforeEach(async () => {
      const kommun = await makeOrganisation(getDb(), { name: 'Vårgårda kommun', kind: 'municipality' })
      const route = (organisationId: string, value: string, more: Omit<Parameters<typeof makeContactRoute>[1], 'organisationId'> = {}) =>
        makeContactRoute(getDb(), { channel: 'mobile', ...more, organisationId, value }).then((created) => created.id)
      numbers = {
        kommun: await route(kommun.id, '070-1740655', { function: 'duty_officer' }),
        solor: await route(data.solor.id, '070-174 06 30', { function: 'isk' }),
        storedWithCode: await route(data.polis.id, '+46 31 390 06 40', { channel: 'phone' }),
        bostaderPrivate: await route(data.bostader.id, '070-174 06 59', { visibility: 'restricted', label: 'VD privat 2' }),
      }
    })

    const routeIds = async (q: string, actor: Actor = viewer) =>
      (await searchDirectory(getDb(), actor, { q })).routes.hits.map((hit) => hit.id)

    it('finds a number whatever grouping is typed, with or without +46', async () => {
      for (const q of ['070-174 06 55', '0701740655', '070-1740655', '+46 70 174 06 55', '0046 70 174 06 55', '+46 (0)70-174 06 55']) {
        expect(await routeIds(q), q).toEqual([numbers.kommun])
      }
      for (const q of ['031-390 06 40', '0313900640', '+46313900640']) {
        expect(await routeIds(q), q).toEqual([numbers.storedWithCode])
      }
    })

    it('never returns a different number as if it matched', async () => {
      expect(await routeIds('070-1740630')).toEqual([numbers.solor])
      expect(await routeIds('070-174 06 30')).toEqual([numbers.solor])
      expect(await routeIds('070-174 06 54')).toEqual([])
      expect(await routeIds('031-390 06 41')).toEqual([])
    })

    it('finds a number by part of its digits, the whole number first', async () => {
      const partial = await routeIds('174 06 30')
      expect(partial).toEqual([numbers.solor])
      await makeContactRoute(getDb(), { organisationId: data.polis.id, channel: 'mobile', value: '070-174 06 3' })
      const results = await searchDirectory(getDb(), viewer, { q: '070-174 06 3' })
      expect(results.routes.hits[0]!.value).toBe('070-174 06 3')
      expect(results.routes.hits.map((hit) => hit.id)).toContain(numbers.solor)
      expect(results.routes.hits[0]!.score).toBeGreaterThan(results.routes.hits[1]!.score)
    })

    it('keeps a restricted number out of the search of anyone else, in every grouping', async () => {
      for (const q of ['070-174 06 59', '0701740659', '+46 70 174 06 59']) {
        expect(await routeIds(q), q).toEqual([])
        expect(await routeIds(q, as('partner_editor', data.solor.id)), q).toEqual([])
        expect(await routeIds(q, as('viewer', data.bostader.id)), q).toEqual([numbers.bostaderPrivate])
        expect(await routeIds(q, as('coordinator', data.reader.id)), q).toEqual([numbers.bostaderPrivate])
      }
    })

    it('reads the digits of a stored number in the database as the search reads the query', async () => {
      const typed = fc
        .tuple(
          fc.constantFrom('8', '31', '70', '303', '980'),
          fc.stringMatching(/^[1-9]\d{4,6}$/),
          fc.constantFrom('0', '+46 ', '+46 (0)', '0046'),
          fc.constantFrom(' ', '-', ''),
        )
        .map(([code, subscriber, prefix, separator]) => ({
          national: `0${code}${subscriber}`,
          typed: `${prefix}${code}${separator}${subscriber.slice(0, 3)} ${subscriber.slice(3)}`,
        }))
      await fc.assert(
        fc.asyncProperty(typed, async ({ national, typed }) => {
          const [row] = await queryRows<{ digits: string }>(getDb(), sql`select portal_phone_digits('mobile', ${typed}) as digits`)
          expect(row!.digits).toBe(`${national} +46${national.slice(1)}`)
          expect(phoneQueryDigits(typed)).toBe(national)
        }),
        { numRuns: 40 },
      )
      const [rakel] = await queryRows<{ digits: string | null }>(getDb(), sql`select portal_phone_digits('rakel', '070') as digits`)
      expect(rakel!.digits).toBeNull()
    })

    it('matches digits exactly and words with a typo', async () => {
      await makeSite(getDb(), { organisationId: data.solor.id, name: 'Postbox', address: 'Box 12345, Vårgårda' })
      const sites = async (q: string) => names((await searchDirectory(getDb(), viewer, { q })).sites.hits)
      expect(await sites('box 12346')).toEqual([])
      expect(await sites('postbx 12345')).toEqual(['Postbox'])
      expect(await sites('industrivagn 3')).toEqual(['Värmeverket'])
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
