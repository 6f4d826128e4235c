import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../app/db/client.server'
import { provideDatabase } from '../../app/db/app-db.server'
import { events } from '../../app/db/schema/events'
import { meetings } from '../../app/db/schema/meetings'
import { networkMembers } from '../../app/db/schema/registry'
import { rsaAnalyses } from '../../app/db/schema/rsa'
import { scenarios } from '../../app/db/schema/scenarios'
import { translator } from '../../app/i18n/i18n'
import type { DependencyGraphView } from '../../app/modules/dependency-graph/graph-view'
import type { EventFormValues } from '../../app/modules/events/event-form'
import {
  searchOrganisations,
  searchPeople,
  searchSites,
  searchUsers,
} from '../../app/modules/organisations/organisation-search.server'
import type { PickerItem, PickerState } from '../../app/modules/organisations/picker'
import { createNetwork } from '../../app/modules/registry/networks.server'
import type { ScenarioFormValues } from '../../app/modules/scenarios/scenario-form'
import * as usersPage from '../../app/routes/admin+/anvandare'
import * as changeLog from '../../app/routes/admin+/logg'
import * as userSearch from '../../app/routes/anvandare.sok'
import * as dependencies from '../../app/routes/beroenden'
import * as leadEvent from '../../app/routes/handelser+/$id.ledning'
import * as declareEvent from '../../app/routes/handelser+/ny'
import * as editMeeting from '../../app/routes/moten+/$id.redigera'
import * as newMeeting from '../../app/routes/moten+/ny'
import * as networkPage from '../../app/routes/natverk+/$id'
import * as networksPage from '../../app/routes/natverk+/_index'
import * as organisationSearch from '../../app/routes/organisationer+/sok'
import * as peopleSearch from '../../app/routes/personer.sok'
import * as siteSearch from '../../app/routes/platser.sok'
import * as rsaSettings from '../../app/routes/rsa+/$id.installningar'
import * as newAnalysis from '../../app/routes/rsa+/ny'
import * as editScenario from '../../app/routes/scenarier+/$id_.redigera'
import * as newScenario from '../../app/routes/scenarier+/ny'
import { makeEvent } from '../support/event-factories'
import { getRequest, makeMeeting, makeOrganisation, makeSite, makeUser, signedIn } from '../support/factories'
import { renderRoute } from '../support/render-route'
import { callRoute, postForm } from '../support/route-call'
import { createTestDatabase } from '../support/test-db'

const REGISTER_SIZE = 10_000
const t = translator('sv')
const names = (items: PickerItem[]) => items.map((item) => item.name)
type Pickers = Record<string, PickerState>

/**
 * The picker of organisations, people, sites and users: the forms never list
 * the whole register (10,000 organisations and as many sites here), the
 * search finds a few by name, and without JavaScript a search is a post that
 * keeps the form and saves nothing (in a GET form, a GET that shows the hits).
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
  let waterworks: { id: string }
  let boiler: { id: string }

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
    await db().execute(
      sql`insert into sites (organisation_id, name) select id, 'Plats ' || substr(name, 7) from organisations where name like 'Aktör %'`,
    )
    waterworks = await makeSite(db(), {
      organisationId: municipality.id,
      name: 'Vattenverket',
      address: 'Kungsgatan 1',
    })
    boiler = await makeSite(db(), { organisationId: solor.id, name: 'Panncentralen', address: 'Industrivägen 4' })
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
      // Before: every organisation and site to tick or pick, in the event's and the scenario's area, and every
      // organisation (and user) in the change log's and the dependency graph's filters.
      [declareEvent, '/handelser/ny', {}],
      [newScenario, '/scenarier/ny', {}],
      [changeLog, '/admin/logg', {}],
      [dependencies, '/beroenden', {}],
    ] as const
    for (const [page, url, params] of pages) {
      const loaded = await callRoute(page.loader, getRequest(url, coordinator.cookie), params)
      expect(loaded.status, url).toBe(200)
      const html = await renderRoute(page.default as Parameters<typeof renderRoute>[0], { loaderData: loaded.body })
      expect(html, url).not.toMatch(/<select[^>]*\smultiple/)
      expect(html.match(/Aktör \d{5}/g) ?? [], url).toEqual([])
      expect(html.match(/Plats \d{5}/g) ?? [], url).toEqual([])
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

  it('finds sites by name, address or organisation, and every user account, each for those who may see them', async () => {
    expect(await searchSites(db(), 'vattenverk')).toEqual([
      { id: waterworks.id, name: 'Vattenverket', kindLabel: 'Vårgårda kommun' },
    ])
    // A typo in the site's name, and a word of its organisation's name.
    expect(names(await searchSites(db(), 'vatenverket vårgårda'))).toEqual(['Vattenverket'])
    expect(names(await searchSites(db(), 'industrivägen'))).toEqual(['Panncentralen'])
    expect(await searchSites(db(), 'plats')).toHaveLength(20)
    expect(names(await searchSites(db(), 'plats 01234'))).toEqual(['Plats 01234'])
    expect(await searchSites(db(), 'vattenverk', { exclude: [waterworks.id] })).toEqual([])

    const sites = await callRoute(siteSearch.loader, getRequest('/platser/sok?q=panncentral', viewerCookie))
    expect(sites.response!.headers.get('Cache-Control')).toBe('private, no-store')
    expect(names(((await sites.response!.json()) as { items: PickerItem[] }).items)).toEqual(['Panncentralen'])
    expect((await callRoute(siteSearch.loader, getRequest('/platser/sok?q=pann', informantCookie))).status).toBe(403)

    // The change log is asked about anyone: an informant and a deactivated account too, told apart by e-mail.
    const annas = await searchUsers(db(), 'anna')
    expect(names(annas)).toEqual(['Anna Informant', 'Anna Slutat', 'Anna Solberg'])
    expect(annas.every((item) => item.kindLabel.includes('@'))).toBe(true)
    const users = await callRoute(userSearch.loader, getRequest('/anvandare/sok?q=slutat', coordinator.cookie))
    expect(names(((await users.response!.json()) as { items: PickerItem[] }).items)).toEqual(['Anna Slutat'])
    expect((await callRoute(userSearch.loader, getRequest('/anvandare/sok?q=anna', viewerCookie))).status).toBe(403)
  })

  const eventForm = {
    title: 'Elavbrott Vårgårda',
    kind: 'exercise',
    level: 'staff',
    date: '2026-01-12',
    time: '08:00',
    description: '',
    networkId: '',
  }

  it('the event’s declare and lead forms search organisations and sites without JavaScript, add a network, and save nothing', async () => {
    const searched = await callRoute<{ values: EventFormValues; errors: Record<string, string>; pickers: Pickers }>(
      declareEvent.action,
      postForm(
        '/handelser/ny',
        {
          ...eventForm,
          organisations: [municipality.id],
          'area.scope': 'sites',
          'area.sites': [waterworks.id],
          pickerSearch: 'area.sites',
          'pickerQuery.area.sites': 'panncentral',
        },
        coordinator.cookie,
      ),
    )
    expect(searched.status).toBe(200)
    expect(searched.body!.errors).toEqual({})
    expect(searched.body!.values).toMatchObject({
      title: 'Elavbrott Vårgårda',
      organisations: [municipality.id],
      area: { scope: 'sites', sites: [waterworks.id] },
    })
    const { pickers } = searched.body!
    expect(names(pickers['area.sites']!.selected)).toEqual(['Vattenverket'])
    expect(names(pickers['area.sites']!.results!)).toEqual(['Panncentralen'])
    expect(names(pickers.organisations!.selected)).toEqual(['Vårgårda kommun'])
    expect(pickers['area.organisations']).toMatchObject({ selected: [], results: null })
    expect(await db().select().from(events)).toEqual([])
    const loaded = await callRoute(declareEvent.loader, getRequest('/handelser/ny', coordinator.cookie))
    const html = await renderRoute(declareEvent.default, { loaderData: loaded.body, actionData: searched.body })
    expect(html).toMatch(new RegExp(`<input type="checkbox"[^>]*name="area.sites" checked="" value="${waterworks.id}"`))
    expect(html).toMatch(new RegExp(`<input type="checkbox"[^>]*name="area.sites" value="${boiler.id}"`))
    expect(html).toContain('value="Elavbrott Vårgårda"')
    // The network stays a list of its own; its members may also be added one by one.
    expect(html).toContain(`name="pickerNetwork" value="organisations:${networkId}"`)

    const added = await callRoute<{ values: EventFormValues }>(
      declareEvent.action,
      postForm(
        '/handelser/ny',
        { ...eventForm, organisations: [municipality.id], pickerNetwork: `organisations:${networkId}` },
        coordinator.cookie,
      ),
    )
    expect(added.status).toBe(200)
    expect(added.body!.values.organisations).toEqual([municipality.id, housing.id, energy.id])
    expect(await db().select().from(events)).toEqual([])

    const event = await makeEvent(db(), { organisationIds: [solor.id] })
    const lead = await callRoute<{ kind: string; picker: PickerState; networkId: string }>(
      leadEvent.action,
      postForm(
        `/handelser/${event.id}/ledning`,
        {
          version: String(event.version),
          networkId,
          organisations: [solor.id],
          pickerSearch: 'organisations',
          'pickerQuery.organisations': 'vårgårda energi',
        },
        coordinator.cookie,
      ),
      { id: event.id },
    )
    expect(lead.status).toBe(200)
    expect(lead.body).toMatchObject({ kind: 'picking', networkId })
    expect(names(lead.body!.picker.selected)).toEqual(['Solör Bostäder AB'])
    expect(names(lead.body!.picker.results!)[0]).toBe('Vårgårda Energi')
    const [after] = await db().select().from(events)
    expect([after!.version, after!.networkId]).toEqual([event.version, null])
    const leadPage = await callRoute(
      leadEvent.loader,
      getRequest(`/handelser/${event.id}/ledning`, coordinator.cookie),
      { id: event.id },
    )
    const leadHtml = await renderRoute(leadEvent.default, { loaderData: leadPage.body, actionData: lead.body })
    expect(leadHtml).toMatch(
      new RegExp(`<input type="checkbox"[^>]*name="organisations" checked="" value="${solor.id}"`),
    )
    expect(leadHtml).toMatch(new RegExp(`<input type="checkbox"[^>]*name="organisations" value="${energy.id}"`))
    expect(leadHtml).toMatch(new RegExp(`<option value="${networkId}" selected="">`))
  })

  it('the scenario form searches a row’s sites under that row’s field, keeps every row, and saves nothing', async () => {
    const scenarioPost = {
      name: 'Elavbrott',
      description: '',
      horizon: '72',
      restart: '0',
      rows: '2',
      'f0.target': 'resource:electricity',
      'f0.scope': 'organisations',
      'f0.organisations': [energy.id],
      'f1.target': 'resource:drinking_water',
      'f1.scope': 'sites',
      'f1.sites': [waterworks.id],
      pickerSearch: 'f1.sites',
      'pickerQuery.f1.sites': 'panncentralen',
    }
    const searched = await callRoute<{ values: ScenarioFormValues; errors: Record<string, string>; pickers: Pickers }>(
      newScenario.action,
      postForm('/scenarier/ny', scenarioPost, coordinator.cookie),
    )
    expect(searched.status).toBe(200)
    expect(searched.body!.errors).toEqual({})
    expect(searched.body!.values.failures.map((row) => [row.target, row.organisations, row.sites])).toEqual([
      ['resource:electricity', [energy.id], []],
      ['resource:drinking_water', [], [waterworks.id]],
    ])
    const { pickers } = searched.body!
    expect(names(pickers['f0.organisations']!.selected)).toEqual(['Vårgårda Energi'])
    expect(names(pickers['f1.sites']!.results!)).toEqual(['Panncentralen'])
    expect(pickers['f0.sites']!.results).toBeNull()
    expect(await db().select().from(scenarios)).toEqual([])
    const loaded = await callRoute(newScenario.loader, getRequest('/scenarier/ny', coordinator.cookie))
    const html = await renderRoute(newScenario.default, { loaderData: loaded.body, actionData: searched.body })
    expect(html).toMatch(new RegExp(`<input type="checkbox"[^>]*name="f1.sites" value="${boiler.id}"`))
    expect(html).toMatch(
      new RegExp(`<input type="checkbox"[^>]*name="f0.organisations" checked="" value="${energy.id}"`),
    )

    // Ticking the hit and saving stores both sites; the edit form shows them chosen, by name.
    const { pickerSearch: _search, 'pickerQuery.f1.sites': _query, ...form } = scenarioPost
    const saved = await callRoute(
      newScenario.action,
      postForm('/scenarier/ny', { ...form, 'f1.sites': [waterworks.id, boiler.id] }, coordinator.cookie),
    )
    expect(saved.status).toBe(302)
    const id = /^\/scenarier\/([0-9a-f-]{36})$/.exec(saved.location!)![1]!
    const edit = await callRoute<{ pickers: Pickers }>(
      editScenario.loader,
      getRequest(`/scenarier/${id}/redigera`, coordinator.cookie),
      { id },
    )
    expect(names(edit.body!.pickers['f1.sites']!.selected)).toEqual(['Vattenverket', 'Panncentralen'])
    expect(names(edit.body!.pickers['f0.organisations']!.selected)).toEqual(['Vårgårda Energi'])
  })

  it('the change log and the dependency graph pick one in their GET forms: a search is a GET that shows the hits', async () => {
    const log = await callRoute<{ pickers: Pickers }>(
      changeLog.loader,
      getRequest(
        `/admin/logg?organisationId=${energy.id}&userId=&pickerSearch=organisationId&pickerQuery.organisationId=Sol%C3%B6r`,
        coordinator.cookie,
      ),
    )
    expect(log.status).toBe(200)
    expect(names(log.body!.pickers.organisationId!.selected)).toEqual(['Vårgårda Energi'])
    expect(names(log.body!.pickers.organisationId!.results!)).toEqual(['Solör Bostäder AB'])
    expect(log.body!.pickers.userId).toMatchObject({ selected: [], results: null })
    const html = await renderRoute(changeLog.default, { loaderData: log.body })
    expect(html).toMatch(new RegExp(`<input type="radio"[^>]*name="organisationId" checked="" value="${energy.id}"`))
    expect(html).toMatch(new RegExp(`<input type="radio"[^>]*name="organisationId" value="${solor.id}"`))
    // A chosen radio button cannot be unticked: "Alla" chooses none.
    expect(html).toMatch(/<input type="radio"[^>]*name="organisationId" value=""\/><label[^>]*>Alla<\/label>/)
    const people = await callRoute<{ pickers: Pickers }>(
      changeLog.loader,
      getRequest('/admin/logg?pickerSearch=userId&pickerQuery.userId=slutat', coordinator.cookie),
    )
    expect(names(people.body!.pickers.userId!.results!)).toEqual(['Anna Slutat'])

    // The organisation radio button is ticked before one is chosen: the search does not end in a 404.
    const graph = await callRoute<{ view: DependencyGraphView; checked: string; organisationPicker: PickerState }>(
      dependencies.loader,
      getRequest(
        `/beroenden?scope=organisation&network=${networkId}&pickerSearch=organisation&pickerQuery.organisation=v%C3%A5rg%C3%A5rda+energi`,
        viewerCookie,
      ),
    )
    expect(graph.status).toBe(200)
    expect([graph.body!.view.scope.kind, graph.body!.checked]).toEqual(['area', 'organisation'])
    expect(names(graph.body!.organisationPicker.results!)[0]).toBe('Vårgårda Energi')
    const page = await renderRoute(dependencies.default, { loaderData: graph.body })
    expect(page).toMatch(
      /<input type="radio" id="graph-scope-organisation" name="scope" checked="" value="organisation"/,
    )
    expect(page).toMatch(new RegExp(`<input type="radio"[^>]*name="organisation" value="${energy.id}"`))
    const chosen = await callRoute<{ view: DependencyGraphView; organisationPicker: PickerState }>(
      dependencies.loader,
      getRequest(`/beroenden?scope=organisation&organisation=${energy.id}`, viewerCookie),
    )
    expect(chosen.body!.view.scope).toMatchObject({ kind: 'organisation', organisation: { id: energy.id } })
    expect(names(chosen.body!.organisationPicker.selected)).toEqual(['Vårgårda Energi'])
  })
})
