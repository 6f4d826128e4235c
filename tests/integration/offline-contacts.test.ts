import { describe, expect, it } from 'vitest'
import { headers, loader } from '../../app/routes/kontaktlista'
import { createContactRoute, type ContactRouteFields } from '../../app/modules/contacts/contact-routes.server'
import { getRequest, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

const context = { clientIp: '127.0.0.1', cspNonce: '', requestId: 'test' }
const route = (fields: Partial<ContactRouteFields>): ContactRouteFields => ({
  function: 'isk',
  channel: 'phone',
  value: '031-390 06 10',
  label: '',
  availability: 'always',
  callOrder: 1,
  visibility: 'network',
  ...fields,
})

describe('offline contact list', () => {
  const db = useTestDatabase()

  it('holds only functional routes shared with the network, ISK first, never restricted or personal ones', async () => {
    const police = await makeOrganisation(db(), { name: 'Polisen', kind: 'police' })
    const municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    const add = (organisationId: string, fields: Partial<ContactRouteFields>) =>
      createContactRoute(db(), { actorId: '00000000-0000-0000-0000-000000000000', organisationId, ...route(fields) })
    await add(municipality.id, { function: 'switchboard', value: '031-390 06 11', availability: 'office_hours' })
    await add(municipality.id, { function: 'duty_officer', value: '031-390 06 12' })
    await add(municipality.id, { function: 'isk', value: '031-390 06 13' })
    await add(municipality.id, { function: 'security_coordinator', channel: 'mobile', value: '070-174 06 05', visibility: 'restricted' })
    await add(municipality.id, { function: 'ceo', channel: 'mobile', value: '070-174 06 06' })
    await add(police.id, { function: 'isk', channel: 'rakel', value: 'VGR Vårgårda Kris 1' })

    const viewer = await makeUser(db(), { role: 'viewer', organisationId: police.id })
    const { cookie } = await signedIn(db(), viewer.id)
    const page = (await loader({ request: getRequest('/kontaktlista', cookie), params: {}, context })).data as {
      organisations: { name: string; routes: { function: string; value: string }[] }[]
    }
    expect(page.organisations.map((o) => o.name)).toEqual(['Polisen', 'Vårgårda kommun'])
    expect(page.organisations[1]!.routes.map((r) => r.function)).toEqual(['isk', 'duty_officer', 'switchboard'])
    const values = page.organisations.flatMap((o) => o.routes.map((r) => r.value))
    expect(values).not.toContain('070-174 06 05')
    expect(values).not.toContain('070-174 06 06')
  })

  it('tells the service worker to keep it no longer than the session, nor longer than any session lasts', async () => {
    const organisation = await makeOrganisation(db())
    const viewer = await makeUser(db(), { role: 'viewer', organisationId: organisation.id })
    const { cookie, session } = await signedIn(db(), viewer.id)
    const result = await loader({ request: getRequest('/kontaktlista', cookie), params: {}, context })
    const loaderHeaders = new Headers(result.init?.headers)
    const sent = new Headers(
      typeof headers === 'function'
        ? headers({ loaderHeaders, parentHeaders: new Headers(), actionHeaders: new Headers(), errorHeaders: undefined })
        : headers,
    )
    expect(sent.get('Cache-Control')).toBe('no-store')
    expect(Number(sent.get('X-Offline-Session-Ends'))).toBe(session.expiresAt.getTime())
    expect(Number(sent.get('X-Offline-Max-Age-Ms'))).toBe(12 * 3_600_000)
  })
})
