import { describe, expect, it } from 'vitest'
import { loader } from '../../app/routes/organisationer+/$id._index'
import { createContactRoute } from '../../app/modules/contacts/contact-routes.server'
import type { AuditView } from '../../app/modules/audit/presentation.server'
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
        history: AuditView[]
      }
    }
    const routeAdded = (page: { history: AuditView[] }) =>
      page.history.find((entry) => entry.event === 'audit.event.contact_route.create')
    const own = await pageFor(editor.id)
    expect(routeAdded(own)?.subjects).toEqual([
      { kind: 'record', name: { kind: 'text', text: 'Säkerhetssamordnarens mobil' }, href: `/organisationer/${municipality.id}` },
    ])
    expect(routeAdded(own)?.changes).toContainEqual({
      field: 'audit.field.value',
      before: { kind: 'empty' },
      after: { kind: 'text', text: personalMobile },
    })

    const other = await pageFor(viewer.id)
    expect(routeAdded(other)?.changes).toEqual([])
    expect(routeAdded(other)?.subjects).toEqual([{ kind: 'label', key: 'audit.hidden' }])
    expect(JSON.stringify(other)).not.toContain(personalMobile)
    expect(JSON.stringify(other)).not.toContain('Säkerhetssamordnarens mobil')
  })
})
