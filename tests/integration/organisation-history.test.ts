import { describe, expect, it } from 'vitest'
import { loader } from '../../app/routes/organisationer.$id'
import { createContactRoute } from '../../app/modules/registry/contact-routes.server'
import { getRequest, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

const context = { clientIp: '127.0.0.1', cspNonce: '', requestId: 'test' }
const personalMobile = '070-174 06 07'

describe("an organisation's change history", () => {
  const db = useTestDatabase()

  it('shows contact-route changes, with values only to those who may see restricted routes', async () => {
    const municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    const county = await makeOrganisation(db(), { name: 'Länsstyrelsen', kind: 'county_board' })
    const editor = await makeUser(db(), { role: 'partner_editor', organisationId: municipality.id })
    const viewer = await makeUser(db(), { role: 'viewer', organisationId: county.id })
    await createContactRoute(db(), {
      actorId: editor.id,
      organisationId: municipality.id,
      function: 'security_coordinator',
      channel: 'mobile',
      value: personalMobile,
      label: 'Säkerhetssamordnarens mobil',
      availability: 'on_activation',
      callOrder: 2,
      visibility: 'restricted',
    })
    const pageFor = async (userId: string) => {
      const { cookie } = await signedIn(db(), userId)
      return (await loader({ request: getRequest(`/organisationer/${municipality.id}`, cookie), params: { id: municipality.id }, context })) as {
        history: { entity: string; changes: Record<string, unknown> }[]
      }
    }
    const own = await pageFor(editor.id)
    const ownEntry = own.history.find((entry) => entry.entity === 'contact_route')
    expect(ownEntry?.changes).toMatchObject({ value: { before: null, after: personalMobile } })

    const other = await pageFor(viewer.id)
    const otherEntry = other.history.find((entry) => entry.entity === 'contact_route')
    expect(otherEntry?.changes).toEqual({})
    expect(JSON.stringify(other)).not.toContain(personalMobile)
  })
})
