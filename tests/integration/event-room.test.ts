import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provideDatabase } from '../../app/db/app-db.server'
import type { Database, DatabaseHandle } from '../../app/db/client.server'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { eventLogEntries, eventOrganisations, events } from '../../app/db/schema/events'
import { networkMembers, networks } from '../../app/db/schema/registry'
import { appendLogEntry } from '../../app/modules/events/event-log-append.server'
import { eventPicture } from '../../app/modules/events/event-picture.server'
import { changeEventLevel, eventActor, listEvents } from '../../app/modules/events/events.server'
import type { SessionUser } from '../../app/modules/auth/sessions.server'
import * as eventLayout from '../../app/routes/handelser+/$id'
import * as eventOverview from '../../app/routes/handelser+/$id._index'
import * as leadEvent from '../../app/routes/handelser+/$id.ledning'
import * as eventList from '../../app/routes/handelser+/_index'
import * as declare from '../../app/routes/handelser+/ny'
import { makeEvent, makeStatusReport } from '../support/event-factories'
import { getRequest, makeOrganisation, makeService, makeSite, makeUser, signedIn } from '../support/factories'
import { renderRoute } from '../support/render-route'
import { callRoute, postForm } from '../support/route-call'
import { createTestDatabase } from '../support/test-db'

interface Person {
  id: string
  cookie: string
  user: SessionUser
}

describe('the event room', () => {
  let handle: DatabaseHandle
  let db: Database
  const orgs = { municipality: '', energy: '', housing: '', outside: '', county: '', member: '' }
  let networkId = ''
  const people = {} as Record<
    'coordinator' | 'dutyOfficer' | 'energyEditor' | 'outsideEditor' | 'countyViewer' | 'housingInformant',
    Person
  >

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    db = handle.db
    orgs.municipality = (await makeOrganisation(db, { name: 'Vårgårda kommun', kind: 'municipality' })).id
    orgs.energy = (await makeOrganisation(db, { name: 'Solör Bioenergi', kind: 'energy' })).id
    orgs.housing = (await makeOrganisation(db, { name: 'Vårgårda Bostäder', kind: 'municipal_company' })).id
    orgs.outside = (await makeOrganisation(db, { name: 'Borås stad', kind: 'municipality' })).id
    orgs.county = (await makeOrganisation(db, { name: 'Länsstyrelsen', kind: 'county_board' })).id
    orgs.member = (await makeOrganisation(db, { name: 'Nätverksmedlem AB' })).id
    const [network] = await db.insert(networks).values({ name: 'Områdesansvar' }).returning()
    networkId = network!.id
    await db.insert(networkMembers).values([
      { networkId, organisationId: orgs.member },
      { networkId, organisationId: orgs.housing },
    ])
    const person = async (role: Role, organisationId: string) => {
      const made = await makeUser(db, { role, organisationId })
      return {
        id: made.id,
        cookie: (await signedIn(db, made.id)).cookie,
        user: { id: made.id, email: made.email, name: made.name, memberships: [{ organisationId, role }] },
      }
    }
    people.coordinator = await person('coordinator', orgs.municipality)
    people.dutyOfficer = await person('duty_officer', orgs.municipality)
    people.energyEditor = await person('partner_editor', orgs.energy)
    people.outsideEditor = await person('partner_editor', orgs.outside)
    people.countyViewer = await person('viewer', orgs.county)
    people.housingInformant = await person('informant', orgs.housing)
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  const declareForm = (fields: Record<string, string | string[]> = {}) => ({
    title: 'Elavbrott Vårgårda',
    kind: 'exercise',
    level: 'staff',
    date: '2026-01-12',
    time: '08:00',
    description: 'Storm över Sjuhärad.',
    lostResources: ['electricity'],
    'area.scope': 'everywhere',
    organisations: [orgs.municipality, orgs.energy],
    networkId,
    ...fields,
  })

  const layout = (id: string, who: Person) =>
    callRoute<{ sections: { key: string }[] }>(eventLayout.loader, getRequest(`/handelser/${id}`, who.cookie), { id })
  const lead = (id: string, who: Person, fields: Record<string, string | string[]>) =>
    callRoute<{ kind: string }>(leadEvent.action, postForm(`/handelser/${id}/ledning`, fields, who.cookie), { id })
  const versionOf = async (id: string) =>
    (await db.select({ version: events.version }).from(events).where(eq(events.id, id)))[0]!.version

  it('is declared by the duty officer with the picked organisations and every member of the picked network, audited, nothing in the log', async () => {
    const bad = await callRoute<{ values: { title: string }; errors: Record<string, string> }>(
      declare.action,
      postForm(
        '/handelser/ny',
        declareForm({ title: '', organisations: [], networkId: '' }),
        people.dutyOfficer.cookie,
      ),
    )
    expect(bad.status).toBe(400)
    expect(bad.body!.errors).toMatchObject({
      title: 'validation.required',
      organisations: 'eventRoom.error.noneTakingPart',
    })
    expect(bad.body!.values.title).toBe('')

    const refused = await callRoute(
      declare.action,
      postForm('/handelser/ny', declareForm(), people.energyEditor.cookie),
    )
    expect(refused.status).toBe(403)

    const done = await callRoute(declare.action, postForm('/handelser/ny', declareForm(), people.dutyOfficer.cookie))
    expect(done.status).toBe(302)
    const id = /^\/handelser\/([0-9a-f-]{36})$/.exec(done.location!)![1]!
    const [event] = await db.select().from(events).where(eq(events.id, id))
    expect(event).toMatchObject({
      title: 'Elavbrott Vårgårda',
      kind: 'exercise',
      level: 'staff',
      startedAt: new Date('2026-01-12T07:00:00Z'),
      lostResources: ['electricity'],
      area: { kind: 'everywhere' },
      networkId,
      createdBy: people.dutyOfficer.id,
      endedAt: null,
      version: 1,
    })
    const taking = await db.select().from(eventOrganisations).where(eq(eventOrganisations.eventId, id))
    expect(taking.map((row) => row.organisationId).sort()).toEqual(
      [orgs.municipality, orgs.energy, orgs.housing, orgs.member].sort(),
    )
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'event'), eq(auditLog.entityId, id)))
    expect(audit).toMatchObject({ action: 'create', userId: people.dutyOfficer.id, organisationId: orgs.municipality })
    expect((audit!.changes as Record<string, { after: unknown }>).organisationIds!.after).toHaveLength(4)
    expect(await db.select().from(eventLogEntries).where(eq(eventLogEntries.eventId, id))).toEqual([])
  })

  it("is 404 to an organisation that does not take part, read by the county board's viewer, and links only what each may open", async () => {
    const event = await makeEvent(db, { organisationIds: [orgs.municipality, orgs.energy, orgs.housing] })
    expect((await layout(event.id, people.outsideEditor)).status).toBe(404)
    expect(
      (
        await callRoute(eventOverview.loader, getRequest(`/handelser/${event.id}`, people.outsideEditor.cookie), {
          id: event.id,
        })
      ).status,
    ).toBe(404)
    // An informant of a taking-part organisation reads nothing of the event room.
    expect((await layout(event.id, people.housingInformant)).status).toBe(404)

    const sections = async (who: Person) => (await layout(event.id, who)).body!.sections.map((section) => section.key)
    expect(await sections(people.countyViewer)).toEqual(['overview', 'log', 'messages', 'projection', 'situationReports', 'isf'])
    expect(await sections(people.energyEditor)).toEqual([
      'overview',
      'log',
      'messages',
      'report',
      'projection',
      'situationReports',
      'isf',
    ])
    expect(await sections(people.dutyOfficer)).toEqual([
      'overview',
      'log',
      'messages',
      'callout',
      'report',
      'projection',
      'situationReports',
      'isf',
      'lead',
    ])
    const overview = await callRoute<{ picture: { organisations: unknown[] } }>(
      eventOverview.loader,
      getRequest(`/handelser/${event.id}`, people.countyViewer.cookie),
      { id: event.id },
    )
    expect(overview.status).toBe(200)
    expect(overview.body!.picture.organisations).toHaveLength(3)
    expect(
      (
        await callRoute(leadEvent.loader, getRequest(`/handelser/${event.id}/ledning`, people.countyViewer.cookie), {
          id: event.id,
        })
      ).status,
    ).toBe(403)
  })

  it('lists real events and exercises apart, ongoing first, only those the user may read', async () => {
    const hour = 3_600_000
    const endedReal = await makeEvent(db, {
      title: 'Avslutad storm',
      kind: 'real',
      startedAt: new Date(Date.now() - 50 * hour),
      endedAt: new Date(Date.now() - 40 * hour),
      organisationIds: [orgs.energy],
    })
    const ongoingReal = await makeEvent(db, {
      title: 'Pågående vattenläcka',
      kind: 'real',
      startedAt: new Date(Date.now() - 60 * hour),
      organisationIds: [orgs.energy],
    })
    const outsideExercise = await makeEvent(db, { title: 'Borås övning', organisationIds: [orgs.outside] })
    const energy = await listEvents(db, people.energyEditor.user)
    const realIds = energy.real.map((item) => item.id)
    expect(realIds.indexOf(ongoingReal.id)).toBeLessThan(realIds.indexOf(endedReal.id))
    expect(energy.real.every((item) => item.kind === 'real')).toBe(true)
    expect(energy.exercises.every((item) => item.kind === 'exercise')).toBe(true)
    expect(energy.exercises.map((item) => item.id)).not.toContain(outsideExercise.id)
    expect((await listEvents(db, people.countyViewer.user)).exercises.map((item) => item.id)).toContain(
      outsideExercise.id,
    )
    const outside = await listEvents(db, people.outsideEditor.user)
    expect(outside.real).toEqual([])
    expect(outside.exercises.map((item) => item.id)).toEqual([outsideExercise.id])

    const page = await callRoute<{ real: unknown[]; mayCreate: boolean }>(
      eventList.loader,
      getRequest('/handelser', people.outsideEditor.cookie),
    )
    expect(page.body).toMatchObject({ real: [], mayCreate: false })
    expect(
      (await callRoute<{ mayCreate: boolean }>(eventList.loader, getRequest('/handelser', people.dutyOfficer.cookie)))
        .body!.mayCreate,
    ).toBe(true)
  })

  it('changes the level with the version it was loaded with, writes it in the log, and refuses a stale version', async () => {
    const event = await makeEvent(db, { level: 'heightened', organisationIds: [orgs.municipality] })
    expect((await lead(event.id, people.energyEditor, { intent: 'level', level: 'staff', version: '1' })).status).toBe(
      404,
    )
    const first = await lead(event.id, people.coordinator, { intent: 'level', level: 'extraordinary', version: '1' })
    expect(first).toMatchObject({ status: 200, body: { kind: 'saved', what: 'level' } })
    // The duty officer's form was loaded before the coordinator's change.
    const stale = await lead(event.id, people.dutyOfficer, { intent: 'level', level: 'normal', version: '1' })
    expect(stale).toMatchObject({ status: 409, body: { kind: 'conflict' } })
    const [after] = await db.select().from(events).where(eq(events.id, event.id))
    expect(after).toMatchObject({ level: 'extraordinary', version: 2 })
    const log = await db.select().from(eventLogEntries).where(eq(eventLogEntries.eventId, event.id))
    expect(log).toMatchObject([
      {
        kind: 'level',
        text: 'Nivån ändrades från Förstärkningsläge till Extraordinär händelse – krisledningsnämnden aktiverad.',
        authorId: people.coordinator.id,
      },
    ])
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'event'), eq(auditLog.entityId, event.id)))
    expect(audits).toMatchObject([
      { action: 'update', changes: { level: { before: 'heightened', after: 'extraordinary' } } },
    ])

    // Two leaders at once with the same version: exactly one wins.
    const both = await Promise.all(
      (['staff', 'normal'] as const).map((level) =>
        changeEventLevel(db, { actor: eventActor(people.dutyOfficer.user), eventId: event.id, version: 2, level }),
      ),
    )
    expect(both.map((result) => (result.ok ? 'ok' : result.error)).sort()).toEqual(['conflict', 'ok'])
    expect(await versionOf(event.id)).toBe(3)
  })

  it('adds and removes taking-part organisations; a removed one no longer reads the event', async () => {
    const event = await makeEvent(db, { organisationIds: [orgs.municipality, orgs.energy] })
    expect((await layout(event.id, people.energyEditor)).status).toBe(200)
    const saved = await lead(event.id, people.dutyOfficer, {
      intent: 'organisations',
      organisations: [orgs.municipality],
      networkId,
      version: '1',
    })
    expect(saved.body).toEqual({ kind: 'saved', what: 'organisations' })
    const taking = await db
      .select({ id: eventOrganisations.organisationId })
      .from(eventOrganisations)
      .where(eq(eventOrganisations.eventId, event.id))
      .orderBy(asc(eventOrganisations.organisationId))
    expect(taking.map((row) => row.id)).toEqual([orgs.municipality, orgs.housing, orgs.member].sort())
    expect((await layout(event.id, people.energyEditor)).status).toBe(404)
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'event'), eq(auditLog.entityId, event.id)))
    expect(audit!.changes).toMatchObject({
      organisationIds: {
        before: [orgs.municipality, orgs.energy].sort(),
        after: [orgs.municipality, orgs.housing, orgs.member].sort(),
      },
      networkId: { before: null, after: networkId },
    })
  })

  it('ends the event on the server clock, freezes it, and refuses every change after with 409', async () => {
    const event = await makeEvent(db, { organisationIds: [orgs.municipality, orgs.energy] })
    const unconfirmed = await lead(event.id, people.coordinator, { intent: 'end', version: '1' })
    expect(unconfirmed.status).toBe(400)
    const before = Date.now()
    const ended = await lead(event.id, people.coordinator, { intent: 'end', version: '1', confirm: 'yes' })
    expect(ended.body).toEqual({ kind: 'saved', what: 'end' })
    const [row] = await db.select().from(events).where(eq(events.id, event.id))
    expect(row!.endedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(row!.version).toBe(2)
    const log = await db.select().from(eventLogEntries).where(eq(eventLogEntries.eventId, event.id))
    expect(log.map((entry) => [entry.kind, entry.text])).toEqual([['closed', 'Händelsen avslutades.']])
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'event'), eq(auditLog.entityId, event.id)))
    expect(audit!.action).toBe('end')

    const changes: Record<string, string | string[]>[] = [
      { intent: 'level', level: 'normal', version: '2' },
      { intent: 'organisations', organisations: [orgs.municipality], version: '2' },
      { intent: 'end', version: '2', confirm: 'yes' },
      // A form loaded before the end hears that it ended, not that it is stale.
      { intent: 'level', level: 'normal', version: '1' },
    ]
    for (const fields of changes) {
      expect(await lead(event.id, people.coordinator, fields)).toMatchObject({ status: 409, body: { kind: 'ended' } })
    }
    expect(await versionOf(event.id)).toBe(2)
    // Still readable; the report link is gone.
    const sections = (await layout(event.id, people.energyEditor)).body!.sections.map((section) => section.key)
    expect(sections).toEqual(['overview', 'log', 'messages', 'projection', 'situationReports', 'isf', 'evaluation'])
  })

  it("shows who has reported, each service's newest status, open needs and the latest log entries", async () => {
    const otherEnergy = await makeOrganisation(db, { name: 'Annan energi' })
    const event = await makeEvent(db, { organisationIds: [orgs.municipality, orgs.energy, orgs.housing] })
    const site = await makeSite(db, { organisationId: orgs.energy, lat: 58.03, lng: 12.79 })
    const heating = await makeService(db, {
      organisationId: orgs.energy,
      name: 'Fjärrvärme',
      sector: 'energy',
      siteIds: [site.id],
    })
    const water = await makeService(db, { organisationId: orgs.municipality, name: 'Dricksvatten' })
    await makeService(db, { organisationId: orgs.municipality, name: 'Hemtjänst' })
    const gone = await makeService(db, { organisationId: otherEnergy.id, name: 'Borttagen' })
    const now = new Date('2027-01-12T12:00:00Z')
    const at = (iso: string) => new Date(iso)
    await makeStatusReport(db, {
      eventId: event.id,
      organisationId: orgs.energy,
      serviceId: heating.id,
      status: 'normal',
      reportedAt: at('2027-01-12T08:00:00Z'),
    })
    await makeStatusReport(db, {
      eventId: event.id,
      organisationId: orgs.energy,
      serviceId: heating.id,
      status: 'backup',
      backupHoursLeft: 10,
      needs: ['fuel'],
      note: 'Reservkraft i drift',
      reportedAt: at('2027-01-12T09:00:00Z'),
    })
    await makeStatusReport(db, {
      eventId: event.id,
      organisationId: orgs.municipality,
      serviceId: water.id,
      status: 'failed',
      needsOther: 'Tankbil',
      reportedAt: at('2027-01-12T10:30:00Z'),
    })
    // From an organisation that does not take part (any more): not in the picture.
    await makeStatusReport(db, {
      eventId: event.id,
      organisationId: otherEnergy.id,
      serviceId: gone.id,
      status: 'failed',
    })
    const observation = await db.transaction((tx) =>
      appendLogEntry(tx, {
        eventId: event.id,
        kind: 'observation',
        text: 'Strömmen borta i centrum',
        organisationId: orgs.municipality,
        authorId: people.coordinator.id,
        authorName: 'Karin',
      }),
    )
    await db.transaction((tx) =>
      appendLogEntry(tx, {
        eventId: event.id,
        kind: 'observation',
        text: 'Strömmen borta i centrum och norr',
        correctsId: observation.id,
        organisationId: orgs.municipality,
        authorId: people.coordinator.id,
        authorName: 'Karin',
      }),
    )

    const picture = await eventPicture(db, event, { now })
    expect(
      picture.organisations.map((row) => [row.name, row.lastReportAt, row.reportedServices, row.services]),
    ).toEqual([
      ['Solör Bioenergi', '2027-01-12T09:00:00.000Z', 1, 1],
      ['Vårgårda Bostäder', null, 0, 0],
      ['Vårgårda kommun', '2027-01-12T10:30:00.000Z', 1, 2],
    ])
    expect(picture.statusCounts).toEqual({ failed: 1, backup: 1, degraded: 0, restored: 0, normal: 0 })
    expect(picture.unreportedServices).toBe(1)
    expect(picture.services.map((row) => [row.serviceName, row.status])).toEqual([
      ['Dricksvatten', 'failed'],
      ['Fjärrvärme', 'backup'],
    ])
    expect(picture.services[1]).toMatchObject({
      sector: 'energy',
      backupEndsAt: '2027-01-12T19:00:00.000Z',
      backupHoursLeft: 7,
      needs: ['fuel'],
      note: 'Reservkraft i drift',
      positions: [[58.03, 12.79]],
    })
    expect(picture.openNeeds.map((row) => row.serviceName)).toEqual(['Dricksvatten', 'Fjärrvärme'])
    expect(picture.log.map((entry) => [entry.text, entry.corrected, entry.correctsId])).toEqual([
      ['Strömmen borta i centrum och norr', false, observation.id],
      ['Strömmen borta i centrum', true, null],
    ])
    const onlyBackup = await eventPicture(db, event, { now, status: 'backup' })
    expect([onlyBackup.services.map((row) => row.serviceName), onlyBackup.servicesTotal]).toEqual([['Fjärrvärme'], 1])
  })

  it('renders every page: the exercise marked ÖVNING, status in words, the declare form keeping what was typed', async () => {
    const event = await makeEvent(db, {
      title: 'Stormen Gudrun',
      kind: 'exercise',
      organisationIds: [orgs.municipality, orgs.energy],
    })
    const service = await makeService(db, { organisationId: orgs.energy, name: 'Fjärrvärme', sector: 'energy' })
    await makeStatusReport(db, {
      eventId: event.id,
      organisationId: orgs.energy,
      serviceId: service.id,
      status: 'failed',
      needs: ['staff'],
    })
    const render = async (
      module: { loader: unknown; default: unknown },
      url: string,
      who: Person,
      params: Record<string, string> = {},
    ) => {
      const loaded = await callRoute(module.loader, getRequest(url, who.cookie), params)
      expect(loaded.status).toBe(200)
      return renderRoute(module.default as Parameters<typeof renderRoute>[0], { loaderData: loaded.body })
    }
    const header = await render(eventLayout, `/handelser/${event.id}`, people.energyEditor, { id: event.id })
    expect(header).toContain('ÖVNING – detta är en övning, inte en verklig händelse.')
    expect(header).toContain('Stormen Gudrun')
    expect(header).toContain(`href="/handelser/${event.id}/rapportera"`)
    expect(header).not.toContain(`href="/handelser/${event.id}/ledning"`)
    const overview = await render(eventOverview, `/handelser/${event.id}`, people.energyEditor, { id: event.id })
    expect(overview).toContain('id="prognos"')
    expect(overview).toContain('Utslagen')
    expect(overview).toContain('Inte rapporterat')
    expect(overview).toContain('Personal')
    const list = await render(eventList, '/handelser', people.energyEditor)
    expect(list.indexOf('Verkliga händelser')).toBeLessThan(list.indexOf('Övningar'))
    expect(list).toContain('Stormen Gudrun')
    expect(await render(leadEvent, `/handelser/${event.id}/ledning`, people.dutyOfficer, { id: event.id })).toContain(
      'Avsluta händelsen',
    )

    const loaded = await callRoute(declare.loader, getRequest('/handelser/ny', people.dutyOfficer.cookie))
    const posted = await callRoute(
      declare.action,
      postForm('/handelser/ny', declareForm({ title: 'Kvar efter felet', time: '25:00' }), people.dutyOfficer.cookie),
    )
    expect(posted.status).toBe(400)
    const form = await renderRoute(declare.default, { loaderData: loaded.body, actionData: posted.body })
    expect(form).toContain('value="Kvar efter felet"')
    expect(form).toContain('Skriv en tid som TT:MM.')
  })
})
