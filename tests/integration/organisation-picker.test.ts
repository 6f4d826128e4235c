import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../app/db/client.server'
import { provideDatabase } from '../../app/db/app-db.server'
import { meetings } from '../../app/db/schema/meetings'
import { networkMembers } from '../../app/db/schema/registry'
import { rsaAnalyses } from '../../app/db/schema/rsa'
import { translator } from '../../app/i18n/i18n'
import { searchOrganisations, searchPeople } from '../../app/modules/organisations/organisation-search.server'
import type { PickerItem, PickerState } from '../../app/modules/organisations/picker'
import { createNetwork } from '../../app/modules/registry/networks.server'
import * as usersPage from '../../app/routes/admin.anvandare'
import * as editMeeting from '../../app/routes/moten.$id_.redigera'
import * as newMeeting from '../../app/routes/moten.ny'
import * as networkPage from '../../app/routes/natverk.$id'
import * as networksPage from '../../app/routes/natverk._index'
import * as organisationSearch from '../../app/routes/organisationer.sok'
import * as peopleSearch from '../../app/routes/personer.sok'
import * as rsaSettings from '../../app/routes/rsa.$id_.installningar'
import * as newAnalysis from '../../app/routes/rsa.ny'
import { getRequest, makeMeeting, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { renderRoute } from '../support/render-route'
import { callRoute, postForm } from '../support/route-call'
import { createTestDatabase } from '../support/test-db'

const REGISTER_SIZE = 10_000
const t = translator('sv')
const names = (items: PickerItem[]) => items.map((item) => item.name)
type Pickers = Record<string, PickerState>

/**
 * The picker of organisations and people: the forms never list the whole
 * register (10,000 organisations here), the search finds a few by name, and
 * without JavaScript a search is a post that keeps the form and saves nothing.
 */
describe('the organisation and person picker', () => {
  let handle: DatabaseHandle
  const db = () => handle.db
  let coordinator: { id: string; cookie: string }
  let viewerCookie: string
  let informantCookie: string
  let municipality: { id: string }
  let solor: { id: string }
  let energy: { id: string }
  let housing: { id: string }
  let networkId: string
  let anna: { id: string }

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    solor = await makeOrganisation(db(), { name: 'Solör Bostäder AB', kind: 'municipal_company' })
    energy = await makeOrganisation(db(), { name: 'Vårgårda Energi', kind: 'energy' })
    housing = await makeOrganisation(db(), { name: 'Vårgårda Bostäder', kind: 'municipal_company' })
    await db().execute(
      sql`insert into organisations (name, kind) select 'Aktör ' || lpad(i::text, 5, '0'), 'company' from generate_series(1, ${REGISTER_SIZE}) as i`,
    )
    const coordinatorUser = await makeUser(db(), {
      role: 'coordinator',
      organisationId: municipality.id,
      name: 'Karin',
    })
    coordinator = { id: coordinatorUser.id, cookie: (await signedIn(db(), coordinatorUser.id)).cookie }
    const viewer = await makeUser(db(), { role: 'viewer', organisationId: energy.id })
    viewerCookie = (await signedIn(db(), viewer.id)).cookie
    const informant = await makeUser(db(), { role: 'informant', organisationId: energy.id, name: 'Anna Informant' })
    informantCookie = (await signedIn(db(), informant.id)).cookie
    anna = await makeUser(db(), { role: 'partner_editor', organisationId: solor.id, name: 'Anna Solberg' })
    await makeUser(db(), { role: 'partner_editor', organisationId: energy.id, name: 'Anna Slutat', active: false })
    networkId = (
      await createNetwork(db(), {
        actorId: null,
        name: 'Krissamverkan Sjuhärad',
        description: '',
        coordinatorOrganisationId: null,
      })
    ).id
    await db()
      .insert(networkMembers)
      .values([energy.id, housing.id].map((organisationId) => ({ networkId, organisationId })))
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  it('no form lists the register: no multiple select, and not one of 10,000 organisations in the page', async () => {
    // Before the picker: a <select multiple> of every organisation (meetings), a box for each (RSA), a select of each (the rest).
    const pages = [
      [newMeeting, '/moten/ny', {}],
      [newAnalysis, '/rsa/ny', {}],
      [usersPage, '/admin/anvandare', {}],
      [networksPage, '/natverk', {}],
      [networkPage, `/natverk/${networkId}`, { id: networkId }],
    ] as const
    for (const [page, url, params] of pages) {
      const loaded = await callRoute(page.loader, getRequest(url, coordinator.cookie), params)
      expect(loaded.status, url).toBe(200)
      const html = await renderRoute(page.default, { loaderData: loaded.body })
      expect(html, url).not.toMatch(/<select[^>]*\smultiple/)
      expect(html.match(/Aktör \d{5}/g) ?? [], url).toEqual([])
      expect(html.length, url).toBeLessThan(60_000)
      expect(JSON.stringify(loaded.body).length, url).toBeLessThan(10_000)
    }
  })

  it('finds organisations by a few letters, without accents and with a typo, twenty at most', async () => {
    expect(names(await searchOrganisations(db(), t, 'Solör'))).toEqual(['Solör Bostäder AB'])
    expect(names(await searchOrganisations(db(), t, 'solor bostder'))).toEqual(['Solör Bostäder AB'])
    const housingHits = await searchOrganisations(db(), t, 'bostäder')
    expect(names(housingHits).sort()).toEqual(['Solör Bostäder AB', 'Vårgårda Bostäder'])
    expect(housingHits[0]!.kindLabel).toBe('Kommunalt bolag')
    // A name that starts with what is typed comes first.
    expect(
      names(await searchOrganisations(db(), t, 'vårg'))
        .slice(0, 3)
        .sort(),
    ).toEqual(['Vårgårda Bostäder', 'Vårgårda Energi', 'Vårgårda kommun'])
    const many = await searchOrganisations(db(), t, 'aktör')
    expect(many).toHaveLength(20)
    expect(await searchOrganisations(db(), t, 'aktör 01234')).toMatchObject([{ name: 'Aktör 01234' }])
    expect(names(await searchOrganisations(db(), t, 'bostäder', { exclude: [solor.id] }))).toEqual([
      'Vårgårda Bostäder',
    ])
    expect(await searchOrganisations(db(), t, 'a')).toEqual([])
  })

  it('finds people who may be invited by name or organisation, never an informant or someone deactivated', async () => {
    expect(await searchPeople(db(), 'anna')).toEqual([
      { id: anna.id, name: 'Anna Solberg', kindLabel: 'Solör Bostäder AB' },
    ])
    expect(names(await searchPeople(db(), 'solör'))).toEqual(['Anna Solberg'])
    expect(await searchPeople(db(), 'anna', { exclude: [anna.id] })).toEqual([])
  })

  it('answers the combobox as JSON: organisations for network readers, a network’s members, people for the coordinator', async () => {
    const found = await callRoute(
      organisationSearch.loader,
      getRequest('/organisationer/sok?q=Sol%C3%B6r', viewerCookie),
    )
    const response = found.response!
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    expect(await response.json()).toEqual({
      items: [{ id: solor.id, name: 'Solör Bostäder AB', kindLabel: 'Kommunalt bolag' }],
    })

    const members = await callRoute(
      organisationSearch.loader,
      getRequest(`/organisationer/sok?natverk=${networkId}`, viewerCookie),
    )
    const network = (await members.response!.json()) as { name: string; items: PickerItem[] }
    expect([network.name, names(network.items)]).toEqual([
      'Krissamverkan Sjuhärad',
      ['Vårgårda Bostäder', 'Vårgårda Energi'],
    ])
    const missing = await callRoute(
      organisationSearch.loader,
      getRequest('/organisationer/sok?natverk=x', viewerCookie),
    )
    expect(missing.status).toBe(404)

    expect(
      (await callRoute(organisationSearch.loader, getRequest('/organisationer/sok?q=sol', informantCookie))).status,
    ).toBe(403)
    expect((await callRoute(peopleSearch.loader, getRequest('/personer/sok?q=anna', viewerCookie))).status).toBe(403)
    const people = await callRoute(peopleSearch.loader, getRequest('/personer/sok?q=anna', coordinator.cookie))
    expect(names(((await people.response!.json()) as { items: PickerItem[] }).items)).toEqual(['Anna Solberg'])
  })

  const meetingForm = {
    kind: 'network_meeting',
    title: 'Nätverksmöte om elavbrott',
    theme: '',
    description: 'Vi går igenom läget.',
    agenda: '',
    date: '2027-01-14',
    startTime: '09:00',
    endDate: '',
    endTime: '12:00',
    place: 'Kommunhuset',
    videoLink: '',
    networkId: '',
    scenarioId: '',
  }

  it('without JavaScript, Sök posts the form: the input and the chosen are kept, the hits offered, nothing saved', async () => {
    const searched = await callRoute<{
      values: Record<string, unknown>
      errors: Record<string, string>
      pickers: Pickers
    }>(
      newMeeting.action,
      postForm(
        '/moten/ny',
        {
          ...meetingForm,
          organisations: [energy.id],
          people: [anna.id],
          pickerSearch: 'organisations',
          'pickerQuery.organisations': 'Solör',
        },
        coordinator.cookie,
      ),
    )
    expect(searched.status).toBe(200)
    expect(searched.body!.errors).toEqual({})
    expect(searched.body!.values).toMatchObject({
      title: 'Nätverksmöte om elavbrott',
      organisations: [energy.id],
      people: [anna.id],
    })
    const { organisations, people } = searched.body!.pickers
    expect(organisations).toMatchObject({
      query: 'Solör',
      tooShort: false,
      selected: [{ id: energy.id, name: 'Vårgårda Energi' }],
    })
    expect(names(organisations!.results!)).toEqual(['Solör Bostäder AB'])
    expect(people).toMatchObject({ results: null, selected: [{ id: anna.id, name: 'Anna Solberg' }] })
    expect(await db().select().from(meetings)).toEqual([])

    // The page as it comes back: the chosen ticked, the hit to tick, everything typed still there.
    const loaded = await callRoute(newMeeting.loader, getRequest('/moten/ny', coordinator.cookie))
    const html = await renderRoute(newMeeting.default, { loaderData: loaded.body, actionData: searched.body })
    const box = (id: string) =>
      new RegExp(`<input type="checkbox"[^>]*name="organisations"[^>]*value="${id}"[^>]*>`).exec(html)?.[0] ?? ''
    expect(box(energy.id)).toContain('checked')
    expect(box(solor.id)).not.toBe('')
    expect(box(solor.id)).not.toContain('checked')
    expect(html).toContain('value="Nätverksmöte om elavbrott"')
    expect(html).toContain('Träffar för ”Solör”')
    expect(html).toMatch(new RegExp(`<input type="checkbox"[^>]*name="people" checked="" value="${anna.id}"`))

    // A query too short to search says so, and still saves nothing.
    const short = await callRoute<{ pickers: Pickers }>(
      newMeeting.action,
      postForm('/moten/ny', { ...meetingForm, pickerSearch: 'people', 'pickerQuery.people': 'a' }, coordinator.cookie),
    )
    expect(short.body!.pickers.people).toMatchObject({ tooShort: true, results: [] })
    expect(short.body!.pickers.organisations).toMatchObject({ results: null })
    // Enter in the people's search field presses the form's first Sök button, the organisations': both are searched.
    const both = await callRoute<{ pickers: Pickers }>(
      newMeeting.action,
      postForm(
        '/moten/ny',
        { ...meetingForm, pickerSearch: 'organisations', 'pickerQuery.people': 'anna' },
        coordinator.cookie,
      ),
    )
    expect(names(both.body!.pickers.people!.results!)).toEqual(['Anna Solberg'])
    expect(both.body!.pickers.organisations).toMatchObject({ query: '', tooShort: true, results: [] })
  })

  it('without JavaScript, a network’s members are added to the choice of the edit form; a malformed choice is dropped', async () => {
    const meeting = await makeMeeting(db(), {
      organiserOrganisationId: municipality.id,
      invitedOrganisationIds: [solor.id],
    })
    const loaded = await callRoute<{ pickers: Pickers }>(
      editMeeting.loader,
      getRequest(`/moten/${meeting.id}/redigera`, coordinator.cookie),
      { id: meeting.id },
    )
    expect(names(loaded.body!.pickers.organisations!.selected)).toEqual(['Solör Bostäder AB'])
    const added = await callRoute<{ values: { organisations: string[] }; pickers: Pickers }>(
      editMeeting.action,
      postForm(
        `/moten/${meeting.id}/redigera`,
        {
          ...meetingForm,
          version: '1',
          organisations: [solor.id, 'inte-ett-id'],
          pickerNetwork: `organisations:${networkId}`,
        },
        coordinator.cookie,
      ),
      { id: meeting.id },
    )
    expect(added.status).toBe(200)
    expect(added.body!.values.organisations).toEqual([solor.id, housing.id, energy.id])
    expect(added.body!.pickers.organisations).toMatchObject({ added: { name: 'Krissamverkan Sjuhärad', count: 2 } })
  })

  it('the RSA forms search and add networks the same way, and keep the choice', async () => {
    const searched = await callRoute<{
      values: Record<string, string>
      participants: { organisationIds: string[] }
      pickers: Pickers
    }>(
      newAnalysis.action,
      postForm(
        '/rsa/ny',
        {
          title: 'RSA 2027–2030',
          periodStart: '2027',
          periodEnd: '2030',
          organisationIds: [solor.id],
          pickerNetwork: `organisationIds:${networkId}`,
        },
        coordinator.cookie,
      ),
    )
    expect(searched.status).toBe(200)
    expect(searched.body!.values.title).toBe('RSA 2027–2030')
    expect(searched.body!.participants.organisationIds).toEqual([solor.id, housing.id, energy.id])
    expect(await db().select().from(rsaAnalyses)).toEqual([])

    const created = await callRoute(
      newAnalysis.action,
      postForm(
        '/rsa/ny',
        { title: 'RSA', periodStart: '2027', periodEnd: '2030', organisationIds: [solor.id] },
        coordinator.cookie,
      ),
    )
    const id = /^\/rsa\/([0-9a-f-]{36})\//.exec(created.location!)![1]!
    const settings = await callRoute<{ participants: PickerState }>(
      rsaSettings.loader,
      getRequest(`/rsa/${id}/installningar`, coordinator.cookie),
      { id },
    )
    expect(names(settings.body!.participants.selected)).toEqual(['Solör Bostäder AB'])
    const search = await callRoute<{ form: string; participants: PickerState }>(
      rsaSettings.action,
      postForm(
        `/rsa/${id}/installningar`,
        {
          intent: 'participants',
          version: '1',
          organisationIds: [solor.id],
          pickerSearch: 'organisationIds',
          'pickerQuery.organisationIds': 'vårgårda energi',
        },
        coordinator.cookie,
      ),
      { id },
    )
    expect(search.status).toBe(200)
    expect(search.body!.form).toBe('participants')
    expect(names(search.body!.participants.results!)[0]).toBe('Vårgårda Energi')
    expect(names(search.body!.participants.selected)).toEqual(['Solör Bostäder AB'])
  })

  it('picks one organisation for an invitation: the hits are radio buttons, and a new choice replaces the old', async () => {
    const searched = await callRoute<{ organisationPicker: PickerState; values: Record<string, string> }>(
      usersPage.action,
      postForm(
        '/admin/anvandare',
        {
          intent: 'invite',
          email: 'ny@example.org',
          role: 'viewer',
          organisationId: [solor.id, energy.id],
          pickerSearch: 'organisationId',
          'pickerQuery.organisationId': 'bostäder',
        },
        coordinator.cookie,
      ),
    )
    expect(searched.status).toBe(200)
    expect(searched.body!.values.email).toBe('ny@example.org')
    expect(names(searched.body!.organisationPicker.selected)).toEqual(['Vårgårda Energi'])
    const loaded = await callRoute(usersPage.loader, getRequest('/admin/anvandare', coordinator.cookie))
    const html = await renderRoute(usersPage.default, { loaderData: loaded.body, actionData: searched.body })
    expect(html).toMatch(new RegExp(`<input type="radio"[^>]*name="organisationId" checked="" value="${energy.id}"`))
    expect(html).toMatch(new RegExp(`<input type="radio"[^>]*name="organisationId" value="${solor.id}"`))
  })
})
