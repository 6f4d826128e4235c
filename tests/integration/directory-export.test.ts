import { parse } from 'csv-parse/sync'
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../app/db/client.server'
import type { Role } from '../../app/db/enums'
import { organisations } from '../../app/db/schema/organisations'
import { swedishDate } from '../../app/modules/directory/directory-filters'
import { createNetwork, setNetworkMember } from '../../app/modules/registry/networks.server'
import * as csvRoute from '../../app/routes/katalog+/export[.csv]'
import * as vcfRoute from '../../app/routes/katalog+/export[.vcf]'
import * as printRoute from '../../app/routes/katalog+/utskrift'
import * as organisationVcard from '../../app/routes/organisationer+/$id_.vcard[.vcf]'
import { getRequest, makeContactRoute, makeOrganisation, makeService, makeUser, signedIn } from '../support/factories'
import { useTestDatabase } from '../support/test-db'
import { parseVcards } from '../support/vcard'

const context = { clientIp: '10.0.3.1', cspNonce: '', requestId: 'directory' }

async function seed(db: Database) {
  const bostader = await makeOrganisation(db, { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
  const solor = await makeOrganisation(db, { name: 'Solör Bioenergi i Vårgårda AB', kind: 'energy' })
  const polis = await makeOrganisation(db, { name: 'Polisen Alingsås', kind: 'police' })
  const reader = await makeOrganisation(db, { name: 'Läsarnas förening', kind: 'voluntary' })
  await db.update(organisations).set({ confirmedAt: new Date('2026-05-04T08:00:00Z') }).where(eq(organisations.id, bostader.id))
  await makeService(db, { organisationId: solor.id, name: 'Fjärrvärmeproduktion', sector: 'energy' })
  // Created out of crisis order: the exports must put the ISK and the 24/7 route first.
  await makeContactRoute(db, { organisationId: bostader.id, function: 'switchboard', value: '031-390 06 10', callOrder: 1 })
  await makeContactRoute(db, { organisationId: bostader.id, function: 'ceo', channel: 'mobile', value: '070-174 06 05', label: 'VD privat', visibility: 'restricted' })
  await makeContactRoute(db, { organisationId: bostader.id, function: 'isk', availability: 'always', value: '031-390 06 05', label: 'Fråga efter "ISK"; dygnet runt', callOrder: 2 })
  await makeContactRoute(db, { organisationId: solor.id, function: 'switchboard', channel: 'email', value: 'vaxel@example.org' })
  await makeContactRoute(db, { organisationId: solor.id, function: 'duty_officer', availability: 'always', value: '+46 31-390 06 06' })
  await makeContactRoute(db, { organisationId: solor.id, function: 'duty_officer', channel: 'mobile', value: '070-174 06 06', label: 'Jourhavande privat', availability: 'always', visibility: 'restricted' })
  await makeContactRoute(db, { organisationId: solor.id, function: 'isk', channel: 'rakel', value: 'VGR KRIS-1', availability: 'always' })
  await makeContactRoute(db, { organisationId: solor.id, function: 'crisis_management', channel: 'meeting_point', value: 'Värmeverket, Industrivägen 3', availability: 'on_activation' })
  const network = await createNetwork(db, { actorId: null, name: 'Krissamverkan Sjuhärad', description: '', coordinatorOrganisationId: null })
  await setNetworkMember(db, { actorId: null, networkId: network.id, organisationId: solor.id, member: true })
  return { bostader, solor, polis, reader, network }
}

type Loader = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>

describe('contact directory exports', () => {
  const getDb = useTestDatabase()
  let data: Awaited<ReturnType<typeof seed>>
  const cookies = new Map<string, string>()

  beforeEach(async () => {
    data = await seed(getDb())
    cookies.clear()
  })

  async function cookieFor(role: Role, organisationId = data.reader.id) {
    const key = `${role}:${organisationId}`
    if (!cookies.has(key)) {
      const user = await makeUser(getDb(), { role, organisationId })
      cookies.set(key, (await signedIn(getDb(), user.id)).cookie)
    }
    return cookies.get(key)!
  }

  async function download(loader: Loader, url: string, role: Role = 'viewer', organisationId?: string, params: Record<string, string> = {}) {
    const request = getRequest(url, await cookieFor(role, organisationId))
    const response = (await loader({ request, params, context })) as Response
    expect(response).toBeInstanceOf(Response)
    return response
  }

  const csvRows = async (response: Response) =>
    parse(Buffer.from(await response.arrayBuffer()), { delimiter: ';', bom: true }) as string[][]

  describe('CSV', () => {
    it('is a dated UTF-8 attachment with a BOM, ; separators and CRLF lines', async () => {
      const response = await download(csvRoute.loader as Loader, '/katalog/export.csv')
      expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
      expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="kontaktlista-${swedishDate(new Date())}.csv"`)
      expect(response.headers.get('Cache-Control')).toContain('no-store')
      const bytes = Buffer.from(await response.arrayBuffer())
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const text = bytes.toString('utf8')
      expect(text.slice(1).split('\r\n')[0]).toBe(
        '"Organisation";"Typ av organisation";"Senast bekräftad";"Funktion";"Kanal";"Kontaktväg";"Beskrivning";"Tillgänglighet";"Ordning";"Synlighet"',
      )
      expect(text.replace(/\r\n/g, '')).not.toContain('\n')
    })

    it('lists every organisation, its routes in crisis order, and never another organisation’s restricted route', async () => {
      const rows = await csvRows(await download(csvRoute.loader as Loader, '/katalog/export.csv'))
      const bostader = rows.filter((row) => row[0] === 'Vårgårda Bostäder AB')
      expect(bostader.map((row) => [row[2], row[3], row[5], row[6]])).toEqual([
        ['2026-05-04', 'ISK – inriktnings- och samordningskontakt', '031-390 06 05', 'Fråga efter "ISK"; dygnet runt'],
        ['2026-05-04', 'Växel', '031-390 06 10', ''],
      ])
      const solor = rows.filter((row) => row[0] === 'Solör Bioenergi i Vårgårda AB')
      // A number is written in the Swedish grouping the portal shows, however it was typed (issue 19).
      expect(solor.map((row) => row[5])).toEqual(['VGR KRIS-1', '031-390 06 06', 'vaxel@example.org', 'Värmeverket, Industrivägen 3'])
      expect(solor[0]?.[2]).toBe('aldrig bekräftad')
      expect(rows.find((row) => row[0] === 'Polisen Alingsås')).toEqual(['Polisen Alingsås', 'Polis', 'aldrig bekräftad', '', '', '', '', '', '', ''])
      expect(rows.flat().join(' ')).not.toMatch(/070-174|privat/)
    })

    it('gives the own organisation and the coordinator the restricted routes', async () => {
      const own = await csvRows(await download(csvRoute.loader as Loader, '/katalog/export.csv', 'partner_editor', data.solor.id))
      expect(own.map((row) => row[5])).toContain('070-174 06 06')
      expect(own.map((row) => row[5])).not.toContain('070-174 06 05')
      const coordinator = await csvRows(await download(csvRoute.loader as Loader, '/katalog/export.csv', 'coordinator'))
      expect(coordinator.map((row) => row[5])).toEqual(expect.arrayContaining(['070-174 06 05', '070-174 06 06']))
    })

    it('honours the search and the filters', async () => {
      const byKind = await csvRows(await download(csvRoute.loader as Loader, '/katalog/export.csv?kind=energy'))
      expect(new Set(byKind.slice(1).map((row) => row[0]))).toEqual(new Set(['Solör Bioenergi i Vårgårda AB']))
      const bySector = await csvRows(await download(csvRoute.loader as Loader, '/katalog/export.csv?sector=energy'))
      expect(new Set(bySector.slice(1).map((row) => row[0]))).toEqual(new Set(['Solör Bioenergi i Vårgårda AB']))
      const byNetwork = await csvRows(await download(csvRoute.loader as Loader, `/katalog/export.csv?network=${data.network.id}`))
      expect(new Set(byNetwork.slice(1).map((row) => row[0]))).toEqual(new Set(['Solör Bioenergi i Vårgårda AB']))
      const byQuery = await csvRows(await download(csvRoute.loader as Loader, '/katalog/export.csv?q=vargarda+bostader'))
      expect(new Set(byQuery.slice(1).map((row) => row[0]))).toEqual(new Set(['Vårgårda Bostäder AB']))
    })

    it('does not let a search find an organisation through a route the reader may not see', async () => {
      const rows = await csvRows(await download(csvRoute.loader as Loader, '/katalog/export.csv?q=jourhavande+privat'))
      expect(rows).toHaveLength(1)
    })
  })

  describe('vCard', () => {
    it('is one card per selected organisation, with numbers, e-mail and Rakel in the note', async () => {
      const response = await download(vcfRoute.loader as Loader, `/katalog/export.vcf?network=${data.network.id}`)
      expect(response.headers.get('Content-Type')).toBe('text/vcard; charset=utf-8')
      expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="kontaktlista-${swedishDate(new Date())}.vcf"`)
      const text = await response.text()
      expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true)
      const cards = parseVcards(text)
      expect(cards).toHaveLength(1)
      expect(cards[0]).toMatchObject({ fn: 'Solör Bioenergi i Vårgårda AB', org: ['Solör Bioenergi i Vårgårda AB'], uid: `urn:uuid:${data.solor.id}` })
      expect(cards[0]!.tels).toEqual([
        { value: '+46313900606', types: ['work', 'voice', 'pref'], label: 'TiB – tjänsteperson i beredskap, dygnet runt (24/7): 031-390 06 06' },
      ])
      expect(cards[0]!.emails.map((email) => email.value)).toEqual(['vaxel@example.org'])
      expect(cards[0]!.note).toContain('Rakel-talgrupp VGR KRIS-1')
      expect(cards[0]!.note).toContain('Fysisk mötesplats Värmeverket, Industrivägen 3')
      expect(cards[0]!.note).toContain('Senast bekräftad: aldrig bekräftad')
    })

    it('holds the restricted mobile only for the own organisation and the coordinator', async () => {
      const numbers = async (role: Role, organisationId?: string) =>
        parseVcards(await (await download(vcfRoute.loader as Loader, '/katalog/export.vcf?kind=energy', role, organisationId)).text())[0]!.tels.map(
          (tel) => tel.value,
        )
      expect(await numbers('viewer')).toEqual(['+46313900606'])
      expect(await numbers('partner_editor', data.bostader.id)).toEqual(['+46313900606'])
      expect(await numbers('partner_editor', data.solor.id)).toEqual(['+46313900606', '+46701740606'])
      expect(await numbers('coordinator')).toEqual(['+46313900606', '+46701740606'])
    })

    it('gives one organisation’s card at /organisationer/:id/vcard.vcf', async () => {
      const response = await download(organisationVcard.loader as Loader, `/organisationer/${data.bostader.id}/vcard.vcf`, 'viewer', undefined, {
        id: data.bostader.id,
      })
      expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="vargarda-bostader-ab.vcf"')
      const cards = parseVcards(await response.text())
      expect(cards.map((card) => card.fn)).toEqual(['Vårgårda Bostäder AB'])
      expect(cards[0]!.tels.map((tel) => [tel.value, tel.label])).toEqual([
        ['+46313900605', 'ISK – inriktnings- och samordningskontakt, dygnet runt (24/7): 031-390 06 05'],
        ['+46313900610', 'Växel: 031-390 06 10'],
      ])
      expect(cards[0]!.note).toBe('Senast bekräftad: 2026-05-04')
    })

    it('answers an unknown organisation with 404', async () => {
      const id = '00000000-0000-4000-8000-000000000000'
      const request = getRequest(`/organisationer/${id}/vcard.vcf`, await cookieFor('viewer'))
      await expect(organisationVcard.loader({ request, params: { id }, context })).rejects.toMatchObject({ status: 404 })
    })
  })

  describe('print view', () => {
    async function printPage(url: string, role: Role = 'viewer', organisationId?: string) {
      const request = getRequest(url, await cookieFor(role, organisationId))
      return printRoute.loader({ request, params: {}, context })
    }

    it('lists the selected organisations by name with the date, last confirmation and crisis routes first', async () => {
      const before = Date.now()
      const page = await printPage(`/katalog/utskrift?q=vargarda`)
      expect(Date.parse(page.printedAt)).toBeGreaterThanOrEqual(before - 1000)
      expect(page.organisations.map((organisation) => organisation.name)).toEqual(['Solör Bioenergi i Vårgårda AB', 'Vårgårda Bostäder AB'])
      const [solor, bostader] = page.organisations
      expect(bostader!.confirmedAt).toBe('2026-05-04T08:00:00.000Z')
      expect(solor!.confirmedAt).toBeNull()
      expect(solor!.routes.map((route) => [route.function, route.availability])).toEqual([
        ['isk', 'always'],
        ['duty_officer', 'always'],
        ['switchboard', 'office_hours'],
        ['crisis_management', 'on_activation'],
      ])
      expect(page.total).toBe(2)
    })

    it('names the filters and keeps restricted routes from readers who may not see them', async () => {
      const page = await printPage(`/katalog/utskrift?network=${data.network.id}&kind=energy`)
      expect(page.networkName).toBe('Krissamverkan Sjuhärad')
      expect(page.filters).toEqual({ q: '', kind: 'energy', network: data.network.id })
      expect(page.organisations[0]!.routes.some((route) => route.visibility === 'restricted')).toBe(false)
      const own = await printPage(`/katalog/utskrift?kind=energy`, 'viewer', data.solor.id)
      expect(own.organisations[0]!.routes.filter((route) => route.visibility === 'restricted').map((route) => route.value)).toEqual(['070-174 06 06'])
    })
  })
})
