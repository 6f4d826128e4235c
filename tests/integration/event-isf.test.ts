import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provideDatabase } from '../../app/db/app-db.server'
import type { DatabaseHandle } from '../../app/db/client.server'
import type { Role } from '../../app/db/enums'
import { eventLogEntries } from '../../app/db/schema/events'
import { outbox } from '../../app/db/schema/mail'
import { meetingOrganisations, meetings } from '../../app/db/schema/meetings'
import { ISF_AGENDA } from '../../app/modules/events/isf'
import * as isfList from '../../app/routes/handelser+/$id.isf'
import * as isfMinutes from '../../app/routes/handelser+/$id.isf_.$meetingId'
import * as newMeeting from '../../app/routes/moten+/ny'
import { makeEvent, makeStatusReport } from '../support/event-factories'
import { getRequest, makeOrganisation, makeService, makeUser, signedIn } from '../support/factories'
import { callRoute, postForm } from '../support/route-call'
import { renderRoute } from '../support/render-route'
import { createTestDatabase } from '../support/test-db'

type Person = { id: string; cookie: string }
type ListData = Awaited<ReturnType<typeof isfList.loader>>
type MinutesData = Awaited<ReturnType<typeof isfMinutes.loader>>
const HOUR = 3_600_000

describe('ISF conferences', () => {
  let handle: DatabaseHandle
  const db = () => handle.db
  let municipality: string
  let solor: string
  let coordinator: Person
  let solorViewer: Person
  let outsiderEditor: Person
  let eventId: string
  let first: { id: string; startsAt: Date }

  const person = async (role: Role, organisationId: string, email: string): Promise<Person> => {
    const user = await makeUser(db(), { role, organisationId, email })
    return { id: user.id, cookie: (await signedIn(db(), user.id)).cookie }
  }
  const listUrl = () => `/handelser/${eventId}/isf`
  const minutesUrl = (meetingId: string) => `/handelser/${eventId}/isf/${meetingId}`
  const conferences = () =>
    db()
      .select()
      .from(meetings)
      .where(and(eq(meetings.eventId, eventId), eq(meetings.kind, 'isf_conference')))
      .orderBy(asc(meetings.createdAt))

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    municipality = (await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })).id
    solor = (await makeOrganisation(db(), { name: 'Solör Bioenergi', kind: 'energy' })).id
    const outsider = (await makeOrganisation(db(), { name: 'Deltar inte AB' })).id
    coordinator = await person('coordinator', municipality, 'karin@vargarda.se')
    solorViewer = await person('viewer', solor, 'vera@solor.se')
    outsiderEditor = await person('partner_editor', outsider, 'otto@utanfor.se')
    const event = await makeEvent(db(), { title: 'Elavbrott i Vårgårda', organisationIds: [municipality, solor] })
    eventId = event.id
    const service = await makeService(db(), { organisationId: solor, name: 'Fjärrvärme centrum' })
    await makeStatusReport(db(), {
      eventId,
      organisationId: solor,
      serviceId: service.id,
      status: 'backup',
      backupHoursLeft: 6,
      needs: ['fuel'],
    })

    const convened = await callRoute(
      isfList.action,
      postForm(
        listUrl(),
        { intent: 'convene', when: 'now', duration: '60', place: 'Kommunhuset', videoLink: '' },
        coordinator.cookie,
      ),
      { id: eventId },
    )
    expect(convened.status).toBe(302)
    expect(convened.location).toBe(listUrl())
    expect(convened.notice).toEqual({ kind: 'success', message: 'isf.convened', values: { number: 1 } })
    const [meeting] = await conferences()
    first = { id: meeting!.id, startsAt: meeting!.startsAt }
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  it('convenes a meeting of kind isf_conference tied to the event, invites the actors and logs it', async () => {
    const [meeting] = await conferences()
    expect(meeting).toMatchObject({
      kind: 'isf_conference',
      eventId,
      title: 'ÖVNING – ISF-konferens 1: Elavbrott i Vårgårda',
    })
    expect(meeting!.agenda).toEqual([...ISF_AGENDA])
    expect(meeting!.agenda).toHaveLength(6)
    const invited = await db()
      .select({ organisationId: meetingOrganisations.organisationId })
      .from(meetingOrganisations)
      .where(eq(meetingOrganisations.meetingId, meeting!.id))
    expect(invited.map((row) => row.organisationId).sort()).toEqual([municipality, solor].sort())
    const [mail] = await db().select().from(outbox).where(eq(outbox.to, 'vera@solor.se'))
    expect(mail!.subject).toContain('ÖVNING – ISF-konferens 1')
    expect(mail!.calendar!.method).toBe('REQUEST')
    expect(mail!.calendar!.content).toContain('BEGIN:VCALENDAR')
    expect(mail!.text).toContain('/moten/svar/')
    const [entry] = await db().select().from(eventLogEntries).where(eq(eventLogEntries.eventId, eventId))
    expect(entry).toMatchObject({ kind: 'message_out' })
    expect(entry!.text).toMatch(/^ISF-konferens 1 sammankallad till \d{2}:\d{2}$/)
  })

  it('repeats in one click: the next conference 4 hours after the previous, same place', async () => {
    const repeated = await callRoute(isfList.action, postForm(listUrl(), { intent: 'repeat' }, coordinator.cookie), {
      id: eventId,
    })
    expect(repeated.location).toBe(listUrl())
    expect(repeated.notice).toEqual({ kind: 'success', message: 'isf.convened', values: { number: 2 } })
    const [, second] = await conferences()
    expect(second!.startsAt.getTime() - first.startsAt.getTime()).toBe(4 * HOUR)
    expect(second).toMatchObject({ place: 'Kommunhuset', title: 'ÖVNING – ISF-konferens 2: Elavbrott i Vårgårda' })
    const list = await callRoute<ListData>(isfList.loader, getRequest(listUrl(), solorViewer.cookie), { id: eventId })
    expect(list.body!.conferences.map((row) => row.number)).toEqual([1, 2])
    expect(list.body!.manage).toBe(false)
    const leading = await callRoute<ListData>(isfList.loader, getRequest(listUrl(), coordinator.cookie), {
      id: eventId,
    })
    const html = await renderRoute(isfList.default, { loaderData: leading.body })
    for (const text of ['Sammankalla nästa om 4 timmar', 'Sammankalla ISF-konferens', 'Videolänk', 'ISF-konferens 2'])
      expect(html).toContain(text)
  })

  it('pre-fills the round from status reports, saves minutes by item and writes a decision into the event log', async () => {
    const loaded = await callRoute<MinutesData>(
      isfMinutes.loader,
      getRequest(minutesUrl(first.id), coordinator.cookie),
      {
        id: eventId,
        meetingId: first.id,
      },
    )
    expect(loaded.body!.items[0]).toContain('### Solör Bioenergi')
    expect(loaded.body!.items[0]).toMatch(
      /- Fjärrvärme centrum: På reserv; reserv [56](,\d)? h kvar; behöver Drivmedel/,
    )

    const saved = await callRoute(
      isfMinutes.action,
      postForm(
        minutesUrl(first.id),
        { intent: 'minutes', version: loaded.body!.version, item1: 'Runda klar', item3: 'Prioritera värme' },
        coordinator.cookie,
      ),
      { id: eventId, meetingId: first.id },
    )
    expect(saved.status).toBe(302)
    const [meeting] = await db().select().from(meetings).where(eq(meetings.id, first.id))
    expect(meeting!.minutes).toContain('## 1. Lägesbild per aktör\n\nRunda klar')
    expect(meeting!.minutes).toContain('## 3. Inriktning\n\nPrioritera värme')
    const stale = await callRoute(
      isfMinutes.action,
      postForm(
        minutesUrl(first.id),
        { intent: 'minutes', version: loaded.body!.version, item1: 'x' },
        coordinator.cookie,
      ),
      { id: eventId, meetingId: first.id },
    )
    expect(stale.status).toBe(409)

    const decided = await callRoute(
      isfMinutes.action,
      postForm(
        minutesUrl(first.id),
        { intent: 'decision', text: 'Reservkraft till Fjärrvärme', decidedBy: 'Karin', mandate: 'Krisledningsnämnden' },
        coordinator.cookie,
      ),
      { id: eventId, meetingId: first.id },
    )
    expect(decided.status).toBe(302)
    const decisions = await db()
      .select()
      .from(eventLogEntries)
      .where(and(eq(eventLogEntries.eventId, eventId), eq(eventLogEntries.kind, 'decision')))
    expect(decisions).toHaveLength(1)
    expect(decisions[0]).toMatchObject({
      text: 'ISF-konferens 1: Reservkraft till Fjärrvärme',
      mandate: 'Krisledningsnämnden',
    })

    const task = await callRoute(
      isfMinutes.action,
      postForm(
        minutesUrl(first.id),
        { intent: 'task', text: 'Leverera diesel', taskOrganisationId: solor, due: '' },
        coordinator.cookie,
      ),
      { id: eventId, meetingId: first.id },
    )
    expect(task.status).toBe(302)
    const read = await callRoute<MinutesData>(isfMinutes.loader, getRequest(minutesUrl(first.id), solorViewer.cookie), {
      id: eventId,
      meetingId: first.id,
    })
    expect(read.body!.manage).toBe(false)
    const page = await renderRoute(isfMinutes.default, {
      loaderData: (
        await callRoute<MinutesData>(isfMinutes.loader, getRequest(minutesUrl(first.id), coordinator.cookie), {
          id: eventId,
          meetingId: first.id,
        })
      ).body,
    })
    for (const text of [
      '1. Lägesbild per aktör',
      '6. Nästa konferens',
      'Skriv beslutet i loggen',
      'Skriv uppgiften i loggen',
    ])
      expect(page).toContain(text)
    expect(read.body!.items[0]).toBe('Runda klar')
    expect(read.body!.entries.map((entry) => [entry.kind, entry.taskOrganisationName])).toEqual([
      ['decision', null],
      ['task', 'Solör Bioenergi'],
    ])
    const refused = await callRoute(
      isfMinutes.action,
      postForm(
        minutesUrl(first.id),
        { intent: 'decision', text: 'x', decidedBy: 'x', mandate: 'x' },
        solorViewer.cookie,
      ),
      { id: eventId, meetingId: first.id },
    )
    expect(refused.status).toBe(403)
  })

  it('is not found for a user whose organisation does not take part, and for another event', async () => {
    const list = await callRoute(isfList.loader, getRequest(listUrl(), outsiderEditor.cookie), { id: eventId })
    expect(list.status).toBe(404)
    const minutes = await callRoute(isfMinutes.loader, getRequest(minutesUrl(first.id), outsiderEditor.cookie), {
      id: eventId,
      meetingId: first.id,
    })
    expect(minutes.status).toBe(404)
    const other = await makeEvent(db(), { organisationIds: [municipality] })
    const elsewhere = await callRoute(
      isfMinutes.loader,
      getRequest(`/handelser/${other.id}/isf/${first.id}`, coordinator.cookie),
      { id: other.id, meetingId: first.id },
    )
    expect(elsewhere.status).toBe(404)
  })

  it('is refused by the generic new-meeting form', async () => {
    const result = await callRoute<{ errors: Record<string, string> }>(
      newMeeting.action,
      postForm(
        '/moten/ny',
        {
          kind: 'isf_conference',
          title: 'Smuggel-ISF',
          date: '2027-01-14',
          startTime: '09:00',
          endDate: '',
          endTime: '10:00',
          organisations: [solor],
        },
        coordinator.cookie,
      ),
    )
    expect(result.status).toBe(400)
    expect(result.body!.errors.kind).toBe('validation.choose')
  })
})
