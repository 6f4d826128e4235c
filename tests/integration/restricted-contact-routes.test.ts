import { beforeEach, describe, expect, it } from 'vitest'
import { memberships } from '../../app/db/schema/users'
import { createContactRoute } from '../../app/modules/contacts/contact-routes.server'
import * as directoryPage from '../../app/routes/katalog+/_index'
import * as csvRoute from '../../app/routes/katalog+/export[.csv]'
import * as vcfRoute from '../../app/routes/katalog+/export[.vcf]'
import * as mapSites from '../../app/routes/karta+/platser'
import * as organisationLayout from '../../app/routes/organisationer+/$id'
import * as organisationPage from '../../app/routes/organisationer+/$id._index'
import * as organisationVcard from '../../app/routes/organisationer+/$id_.vcard[.vcf]'
import { getRequest, makeContactRoute, makeOrganisation, makeSite, makeUser, signedIn } from '../support/factories'
import { callRoute } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

// Issue 14, item 2: a council member who became an informant of another
// organisation (by inviting their own account) read that organisation's
// restricted, personal numbers everywhere. Restricted routes are for the
// coordinator and the organisation's own partner editors and viewers only.
const personalMobile = '070-174 06 05'
const personalIsk = '070-174 06 09'
/** Each number as shown, dialled (tel: and vCard TEL) and as bare digits. */
const personalForms = [personalMobile, personalIsk].flatMap((value) => {
  const digits = value.replace(/\D/g, '')
  return [value, digits, `+46${digits.slice(1)}`]
})

describe("another organisation's restricted contact routes", () => {
  const db = useTestDatabase()
  let municipality: { id: string }
  let housing: { id: string }
  let attacker: string
  let informantOnly: string

  beforeEach(async () => {
    municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    housing = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
    const editor = await makeUser(db(), { role: 'partner_editor', organisationId: housing.id })
    await makeContactRoute(db(), { organisationId: housing.id, function: 'switchboard', value: '031-390 06 10' })
    await createContactRoute(db(), {
      actorId: editor.id,
      organisationId: housing.id,
      function: 'ceo',
      channel: 'mobile',
      value: personalMobile,
      label: 'VD privat',
      availability: 'always',
      callOrder: 1,
      visibility: 'restricted',
    })
    await makeContactRoute(db(), {
      organisationId: housing.id,
      function: 'isk',
      channel: 'mobile',
      value: personalIsk,
      availability: 'always',
      visibility: 'restricted',
    })
    await makeSite(db(), { organisationId: housing.id, name: 'Kontoret' })
    // A council member of the municipality who is also an informant of the housing company.
    const member = await makeUser(db(), { role: 'council_member', organisationId: municipality.id })
    await db().insert(memberships).values({ userId: member.id, organisationId: housing.id, role: 'informant' })
    attacker = (await signedIn(db(), member.id)).cookie
    const informant = await makeUser(db(), { role: 'informant', organisationId: housing.id })
    const viewer = await makeUser(db(), { role: 'viewer', organisationId: municipality.id })
    await db().insert(memberships).values({ userId: viewer.id, organisationId: housing.id, role: 'informant' })
    informantOnly = (await signedIn(db(), informant.id)).cookie
    viewerWithInformant = (await signedIn(db(), viewer.id)).cookie
  })
  let viewerWithInformant: string

  async function text(handler: unknown, url: string, cookie: string, params: Record<string, string> = {}) {
    const result = await callRoute<unknown>(handler, getRequest(url, cookie), params)
    if (result.response) {
      expect(result.status).toBe(200)
      return result.response.text()
    }
    return JSON.stringify(result.body)
  }

  const everyPath = (cookie: string): [string, Promise<string>][] => [
    ['page and history', text(organisationPage.loader, `/organisationer/${housing.id}`, cookie, { id: housing.id })],
    ['page header', text(organisationLayout.loader, `/organisationer/${housing.id}`, cookie, { id: housing.id })],
    ['vCard', text(organisationVcard.loader, `/organisationer/${housing.id}/vcard.vcf`, cookie, { id: housing.id })],
    ['CSV', text(csvRoute.loader, '/katalog/export.csv', cookie)],
    ['directory vCard', text(vcfRoute.loader, '/katalog/export.vcf', cookie)],
    ['directory search by label', text(directoryPage.loader, '/katalog?q=privat', cookie)],
    ['directory search by number', text(directoryPage.loader, '/katalog?q=070', cookie)],
    // Groupings other than the forms looked for, since the page repeats the query.
    ['directory search by whole number', text(directoryPage.loader, '/katalog?q=070-1740605', cookie)],
    ['directory search by digits', text(directoryPage.loader, '/katalog?q=070+17406+09', cookie)],
    ['directory search by +46', text(directoryPage.loader, '/katalog?q=%2B46+70+174+06+05', cookie)],
    ['map', text(mapSites.loader, '/karta/platser?bbox=12.80,58.03,12.82,58.04&zoom=17', cookie)],
  ]

  it('are never shown through an informant membership: page, history, vCard, CSV, directory, map', async () => {
    for (const cookie of [attacker, viewerWithInformant]) {
      const leaks: string[] = []
      for (const [path, body] of everyPath(cookie)) {
        const shown = await body
        if (personalForms.some((form) => shown.includes(form))) leaks.push(path)
      }
      expect(leaks).toEqual([])
    }
  })

  it('are never shown to an informant alone (who reads no organisation pages at all)', async () => {
    for (const loader of [organisationLayout.loader, organisationPage.loader]) {
      const page = await callRoute(loader, getRequest(`/organisationer/${housing.id}`, informantOnly), {
        id: housing.id,
      })
      expect(page.status).toBe(403)
    }
  })

  it("are still shown to the organisation's own partner editors and viewers and to the coordinator", async () => {
    for (const role of ['partner_editor', 'viewer'] as const) {
      const user = await makeUser(db(), { role, organisationId: housing.id })
      const { cookie } = await signedIn(db(), user.id)
      expect(
        await text(organisationPage.loader, `/organisationer/${housing.id}`, cookie, { id: housing.id }),
      ).toContain(personalMobile)
      expect(await text(csvRoute.loader, '/katalog/export.csv', cookie)).toContain(personalMobile)
    }
    const coordinator = await makeUser(db(), { role: 'coordinator', organisationId: municipality.id })
    const { cookie } = await signedIn(db(), coordinator.id)
    expect(
      await text(organisationVcard.loader, `/organisationer/${housing.id}/vcard.vcf`, cookie, { id: housing.id }),
    ).toContain(personalMobile)
  })
})
