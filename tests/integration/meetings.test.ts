import ICAL from 'ical.js'
import { and, asc, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { auditLog } from '../../app/db/schema/audit'
import { outbox } from '../../app/db/schema/mail'
import { meetingInvitees, meetingOrganisations, meetings } from '../../app/db/schema/meetings'
import { networkMembers } from '../../app/db/schema/registry'
import { createNetwork } from '../../app/modules/registry/networks.server'
import * as calendarFeed from '../../app/routes/kalender.$token'
import * as meetingList from '../../app/routes/moten+/_index'
import * as meetingLayout from '../../app/routes/moten+/$id'
import * as meetingPage from '../../app/routes/moten+/$id._index'
import * as editMeeting from '../../app/routes/moten+/$id.redigera'
import * as newMeeting from '../../app/routes/moten+/ny'
import * as answerByLink from '../../app/routes/moten+/svar.$token'
import { meetingOrganizerEmail, portalOrigin } from '../../app/config/env.server'
import { getMailer } from '../../app/modules/mail/mailer.server'
import { sendMeetingMail } from '../../app/modules/meetings/invitations.server'
import { getRequest, makeContactRoute, makeOrganisation, makeUser, signedIn, tokenFromLink } from '../support/factories'
import { renderRoute } from '../support/render-route'
import { callRoute, flashCookieOf, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

const ORIGIN = portalOrigin()

/** A date a month ahead, as the meeting form takes it. */
const aMonthAhead = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)

/** The parts of a calendar text, parsed by a real iCalendar library. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const event = calendar.getFirstSubcomponent('vevent')!
  const start = event.getFirstProperty('dtstart')!
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    summary: event.getFirstPropertyValue('summary'),
    tzid: start.getParameter('tzid'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toString(),
    end: (event.getFirstPropertyValue('dtend') as ICAL.Time).toString(),
    attendees: event.getAllProperties('attendee').map((property) => String(property.getFirstValue())),
    organizer: String(event.getFirstPropertyValue('organizer')),
    timezone: calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid'),
  }
}

describe('meetings', () => {
  const db = useTestDatabase()
  let municipality: { id: string }
  let energy: { id: string }
  let housing: { id: string }
  let outside: { id: string }
  let coordinator: { id: string; cookie: string }
  let energyEditor: { id: string; email: string; cookie: string }
  let housingEditor: { id: string; cookie: string }
  let outsideEditor: { id: string; cookie: string }
  let energyViewer: { id: string; cookie: string }
  let networkId: string

  const user = async (
    role: NonNullable<Parameters<typeof makeUser>[1]>['role'],
    organisationId: string,
    email: string,
  ) => {
    const made = await makeUser(db(), { role, organisationId, email, name: email.split('@')[0] })
    return { id: made.id, email, cookie: (await signedIn(db(), made.id)).cookie }
  }

  const form = (changes: Record<string, string | string[]> = {}) => ({
    kind: 'theme_day',
    title: 'Temadag: elavbrott i januari',
    theme: 'Storskaligt elavbrott',
    description: 'Vi går igenom scenariot tillsammans.',
    agenda: 'Inledning\nScenariot timme för timme\nVad behöver vi?',
    date: '2027-01-14',
    startTime: '09:00',
    endDate: '',
    endTime: '12:00',
    place: 'Kommunhuset, Vårgårda',
    videoLink: '',
    networkId,
    organisations: [],
    people: [],
    scenarioId: '',
    ...changes,
  })

  const mailTo = async (email: string) =>
    db().select().from(outbox).where(eq(outbox.to, email)).orderBy(asc(outbox.createdAt))

  const convene = async (changes: Record<string, string | string[]> = {}) => {
    const result = await callRoute(newMeeting.action, postForm('/moten/ny', form(changes), coordinator.cookie))
    expect(result.status).toBe(302)
    const id = /^\/moten\/([0-9a-f-]{36})$/.exec(result.location!)![1]!
    // The coordinator's next request, with the notice the redirect left.
    const next = `${coordinator.cookie}; ${flashCookieOf(result.response)!}`
    return { id, location: result.location!, notice: result.notice, next }
  }

  beforeEach(async () => {
    municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    energy = await makeOrganisation(db(), { name: 'Vårgårda Energi', kind: 'energy' })
    housing = await makeOrganisation(db(), { name: 'Vårgårda Bostäder', kind: 'municipal_company' })
    outside = await makeOrganisation(db(), { name: 'Borås Energi', kind: 'energy' })
    coordinator = await user('coordinator', municipality.id, 'karin@vargarda.example')
    energyEditor = await user('partner_editor', energy.id, 'per@energi.example')
    energyViewer = await user('viewer', energy.id, 'eva@energi.example')
    await user('informant', energy.id, 'johan@energi.example')
    housingEditor = await user('partner_editor', housing.id, 'lena@bostader.example')
    outsideEditor = await user('partner_editor', outside.id, 'bo@boras.example')
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

  it('the coordinator convenes a theme day for a network: every member invited, each person mailed an invitation with a valid calendar file', async () => {
    const { id, location, notice } = await convene()
    expect(location).toBe(`/moten/${id}`)
    expect(notice).toEqual({ kind: 'success', message: 'meeting.saved', values: { sent: 3, failed: 0 } })
    const [meeting] = await db().select().from(meetings).where(eq(meetings.id, id))
    expect(meeting).toMatchObject({
      kind: 'theme_day',
      sequence: 0,
      state: 'planned',
      organiserOrganisationId: municipality.id,
    })
    // 09:00 in Stockholm in January is 08:00 UTC.
    expect(meeting!.startsAt.toISOString()).toBe('2027-01-14T08:00:00.000Z')
    expect(meeting!.agenda).toEqual(['Inledning', 'Scenariot timme för timme', 'Vad behöver vi?'])
    const invited = await db().select().from(meetingOrganisations).where(eq(meetingOrganisations.meetingId, id))
    expect(invited.map((row) => row.organisationId).sort()).toEqual([energy.id, housing.id].sort())
    // Not the informant, not the outsider; the coordinator's organisation is the organiser, not invited.
    const people = await db().select().from(meetingInvitees).where(eq(meetingInvitees.meetingId, id))
    expect(people.map((row) => row.email).sort()).toEqual(
      ['eva@energi.example', 'lena@bostader.example', 'per@energi.example'].sort(),
    )
    expect(people.every((row) => row.sentSequence === 0)).toBe(true)

    const [mail] = await mailTo('per@energi.example')
    expect(mail!.subject).toBe('Inbjudan: Temadag: elavbrott i januari, torsdag 14 januari 2027 kl. 09.00–12.00')
    expect(mail!.text).toContain('Vårgårda kommun bjuder in Vårgårda Energi till temadag: elavbrott i januari.')
    expect(mail!.text).toContain('1. Inledning')
    const calendar = parseCalendar(mail!.calendar!.content)
    expect(mail!.calendar!.method).toBe('REQUEST')
    expect(calendar).toMatchObject({
      method: 'REQUEST',
      uid: meeting!.uid,
      sequence: 0,
      status: 'CONFIRMED',
      summary: 'Temadag: elavbrott i januari',
      tzid: 'Europe/Stockholm',
      start: '2027-01-14T09:00:00',
      end: '2027-01-14T12:00:00',
      timezone: 'Europe/Stockholm',
    })
    // Each mail names its own recipient only.
    expect(calendar.attendees).toEqual(['mailto:per@energi.example'])
    // A calendar's answer goes to the organiser's functional mailbox; the mail says the link gives the answer.
    expect(calendar.organizer).toBe(`mailto:${meetingOrganizerEmail()}`)
    expect(mail!.text).toContain(
      'Svaret lämnas med länken ovan. Att tacka ja eller nej i kalendern skickar bara ett mejl till arrangören.',
    )
    const [other] = await mailTo('eva@energi.example')
    expect(tokenFromLink(other!.text, ORIGIN, 'moten/svar')).not.toBe(tokenFromLink(mail!.text, ORIGIN, 'moten/svar'))
    expect(await mailTo('johan@energi.example')).toEqual([])
    expect(await mailTo('bo@boras.example')).toEqual([])

    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, id))
    expect(audits.map((row) => [row.entity, row.action, row.userId])).toEqual([['meeting', 'create', coordinator.id]])
  })

  it("names the configured functional mailbox as the invitation's organiser, not the portal's no-reply sender", async () => {
    const { id } = await convene()
    await db().delete(outbox)
    const sent = await sendMeetingMail(db(), getMailer(), {
      meetingId: id,
      purpose: 'reminder',
      origin: ORIGIN,
      organizerEmail: 'beredskap@vargarda.example.org',
    })
    expect(sent).toEqual({ sent: 3, failed: 0 })
    const [mail] = await mailTo('per@energi.example')
    expect(parseCalendar(mail!.calendar!.content).organizer).toBe('mailto:beredskap@vargarda.example.org')
    expect(mail!.calendar!.content).not.toContain('noreply@')
  })

  it('invites a member organisation without portal users through its shared crisis mailbox, which can answer by link', async () => {
    const herrljunga = await makeOrganisation(db(), { name: 'Herrljunga kommun', kind: 'municipality' })
    await makeContactRoute(db(), {
      organisationId: herrljunga.id,
      function: 'switchboard',
      channel: 'email',
      value: 'vaxel@herrljunga.example',
    })
    await makeContactRoute(db(), {
      organisationId: herrljunga.id,
      function: 'crisis_management',
      channel: 'email',
      value: 'kris@herrljunga.example',
    })
    await makeContactRoute(db(), {
      organisationId: herrljunga.id,
      function: 'security_coordinator',
      channel: 'email',
      value: 'privat@herrljunga.example',
      visibility: 'restricted',
    })
    await db().insert(networkMembers).values({ networkId, organisationId: herrljunga.id })
    // An answer link closes when the meeting has ended: this one lies ahead, whenever the test runs.
    const { id } = await convene({ date: aMonthAhead() })
    expect(await mailTo('vaxel@herrljunga.example')).toEqual([])
    expect(await mailTo('privat@herrljunga.example')).toEqual([])
    const [mail] = await mailTo('kris@herrljunga.example')
    expect(mail!.text).toContain('Hej Herrljunga kommun!')
    const token = tokenFromLink(mail!.text, ORIGIN, 'moten/svar')
    await callRoute(
      answerByLink.action,
      postForm(`/moten/svar/${token}`, { answer: 'attending', attendees: 'Säkerhetssamordnaren' }),
      {
        token,
      },
    )
    const [row] = await db()
      .select()
      .from(meetingOrganisations)
      .where(and(eq(meetingOrganisations.meetingId, id), eq(meetingOrganisations.organisationId, herrljunga.id)))
    expect(row).toMatchObject({ answer: 'attending', attendees: 'Säkerhetssamordnaren', answeredBy: null })
  })

  it('warns when an invited organisation has neither portal users nor a crisis mailbox, on creation and in the answers', async () => {
    const unreachable = await makeOrganisation(db(), { name: 'Räddningstjänsten Sjuhärad', kind: 'rescue_services' })
    // A phone number and a restricted mailbox reach nobody with an invitation.
    await makeContactRoute(db(), { organisationId: unreachable.id, function: 'switchboard', channel: 'phone' })
    await makeContactRoute(db(), {
      organisationId: unreachable.id,
      function: 'crisis_management',
      channel: 'email',
      value: 'kris@rtj.example',
      visibility: 'restricted',
    })
    await db().insert(networkMembers).values({ networkId, organisationId: unreachable.id })
    const { id, location, notice, next } = await convene()
    expect(notice?.message).toBe('meeting.saved')

    const created = await callRoute<Awaited<ReturnType<typeof meetingPage.loader>>>(
      meetingPage.loader,
      getRequest(location, next),
      { id },
    )
    expect(created.body!.unreachable).toEqual(['Räddningstjänsten Sjuhärad'])
    const createdHtml = await renderRoute(meetingPage.default, { loaderData: created.body })
    const warning = /<div class="notice notice--error" role="alert">([^]*?)<\/div>/.exec(createdHtml)
    expect(warning?.[1]).toContain('Räddningstjänsten Sjuhärad')
    expect(warning?.[1]).not.toContain('Vårgårda Energi')
    // Only right after the save: the coordinator's next visit has no warning at the top.
    const revisit = await callRoute<Awaited<ReturnType<typeof meetingPage.loader>>>(
      meetingPage.loader,
      getRequest(location, coordinator.cookie),
      { id },
    )
    expect(await renderRoute(meetingPage.default, { loaderData: revisit.body })).not.toContain('role="alert"')

    // The answers overview says it to every reader of the meeting, later too.
    const later = await callRoute<Awaited<ReturnType<typeof meetingPage.loader>>>(
      meetingPage.loader,
      getRequest(`/moten/${id}`, energyEditor.cookie),
      { id },
    )
    const laterHtml = await renderRoute(meetingPage.default, { loaderData: later.body })
    expect(laterHtml).not.toContain('role="alert"')
    const answers = laterHtml.slice(laterHtml.indexOf('id="answers-heading"'))
    expect(answers).toContain('Inbjudan når ingen hos Räddningstjänsten Sjuhärad')
    const row = /<tr data-answer="pending"><th scope="row">Räddningstjänsten Sjuhärad<\/th>.*?<\/tr>/.exec(answers)
    expect(row?.[0]).toContain('Når ingen')
    const reachable = /<tr data-answer="pending"><th scope="row">Vårgårda Energi<\/th>.*?<\/tr>/.exec(answers)
    expect(reachable?.[0]).not.toContain('Når ingen')

    // With everyone reachable there is no warning.
    await makeContactRoute(db(), {
      organisationId: unreachable.id,
      function: 'duty_officer',
      channel: 'email',
      value: 'rtj@rtj.example',
    })
    const second = await convene()
    const secondPage = await callRoute<Awaited<ReturnType<typeof meetingPage.loader>>>(
      meetingPage.loader,
      getRequest(second.location, second.next),
      { id: second.id },
    )
    expect(secondPage.body!.unreachable).toEqual([])
    const secondHtml = await renderRoute(meetingPage.default, { loaderData: secondPage.body })
    expect(secondHtml).not.toContain('Når ingen')
    expect(secondHtml).not.toContain('role="alert"')
  })

  it('refuses what cannot be a meeting, with the message by the field and everything typed kept', async () => {
    const cases: [Record<string, string | string[]>, Record<string, string>][] = [
      [{ title: '  ' }, { title: 'validation.required' }],
      [{ date: '14/1 2027' }, { date: 'meeting.error.date' }],
      [{ endTime: '08:00' }, { endTime: 'meeting.error.endBeforeStart' }],
      // The clocks go forward at 02:00 on 28 March 2027: 02:30 does not exist.
      [{ date: '2027-03-28', startTime: '02:30', endTime: '04:00' }, { startTime: 'meeting.error.noSuchTime' }],
      [{ videoLink: 'javascript:alert(1)' }, { videoLink: 'meeting.error.videoLink' }],
      [{ networkId: '' }, { organisations: 'meeting.error.noneInvited' }],
      [{ organisations: ['inte-ett-id'] }, { organisations: 'validation.choose' }],
    ]
    for (const [changes, errors] of cases) {
      const result = await callRoute<{ values: Record<string, unknown>; errors: Record<string, string> }>(
        newMeeting.action,
        postForm('/moten/ny', form(changes), coordinator.cookie),
      )
      expect(result.status, JSON.stringify(changes)).toBe(400)
      expect(result.body!.errors).toMatchObject(errors)
      expect(result.body!.values).toMatchObject({ place: 'Kommunhuset, Vårgårda', ...changes })
    }
    expect(await db().select().from(meetings)).toEqual([])
    expect(await db().select().from(outbox)).toEqual([])
  })

  it('an editor answers for their own organisation only; a stale answer is a conflict, not an overwrite', async () => {
    const { id } = await convene()
    const answer = (cookie: string, organisationId: string, version: string, attendees = 'Per Holm, driftchef') =>
      callRoute<{ kind: string; current?: { attendees: string } | null }>(
        meetingPage.action,
        postForm(`/moten/${id}`, { intent: 'answer', organisationId, answer: 'attending', attendees, version }, cookie),
        { id },
      )
    expect((await answer(energyEditor.cookie, energy.id, '1')).body).toEqual({ kind: 'answered' })
    // Another editor of the same organisation, with the form loaded before that answer.
    const stale = await answer(energyEditor.cookie, energy.id, '1', 'Någon annan')
    expect(stale.status).toBe(409)
    expect(stale.body!.current!.attendees).toBe('Per Holm, driftchef')
    // Not for another organisation, not as a viewer, not when not invited.
    expect((await answer(energyEditor.cookie, housing.id, '1')).status).toBe(403)
    expect((await answer(energyViewer.cookie, energy.id, '2')).status).toBe(403)
    expect((await answer(outsideEditor.cookie, outside.id, '1')).status).toBe(404)
    const rows = await db().select().from(meetingOrganisations).where(eq(meetingOrganisations.meetingId, id))
    const byOrganisation = new Map(rows.map((row) => [row.organisationId, row]))
    expect(byOrganisation.get(energy.id)).toMatchObject({
      answer: 'attending',
      attendees: 'Per Holm, driftchef',
      version: 2,
    })
    expect(byOrganisation.get(housing.id)).toMatchObject({ answer: 'pending', version: 1 })
    const audits = await db().select().from(auditLog).where(eq(auditLog.entity, 'meeting_answer'))
    expect(audits).toHaveLength(1)

    // Everyone invited sees who comes; an outsider does not see the meeting at all.
    const page = await callRoute<{ answers: { name: string; answer: string }[]; ownAnswers: unknown[] }>(
      meetingPage.loader,
      getRequest(`/moten/${id}`, housingEditor.cookie),
      { id },
    )
    expect(page.body!.answers.map((row) => [row.name, row.answer])).toEqual([
      ['Vårgårda Bostäder', 'pending'],
      ['Vårgårda Energi', 'attending'],
    ])
    expect(page.body!.ownAnswers).toHaveLength(1)
    expect((await callRoute(meetingPage.loader, getRequest(`/moten/${id}`, outsideEditor.cookie), { id })).status).toBe(
      404,
    )
  })

  it("the meeting's layout gives each page under it the header, for whoever reads the meeting, and draws the meeting page's and the edit form's", async () => {
    const { id } = await convene()
    const header = await callRoute<Awaited<ReturnType<typeof meetingLayout.loader>>>(
      meetingLayout.loader,
      getRequest(`/moten/${id}/redigera`, energyViewer.cookie),
      { id },
    )
    expect(header.body).toEqual({
      meeting: { id, title: 'Temadag: elavbrott i januari', kind: 'theme_day', organiserName: 'Vårgårda kommun' },
      sections: [
        { key: 'minutes', to: `/moten/${id}/protokoll` },
        { key: 'documents', to: `/moten/${id}/dokument` },
        { key: 'evaluation', to: `/moten/${id}/utvardering` },
        { key: 'actionItems', to: `/moten/${id}/atgarder` },
        { key: 'findings', to: `/moten/${id}/lardomar` },
      ],
    })
    // A reader who may not edit gets the header; the edit page itself refuses them.
    expect(
      (await callRoute(editMeeting.loader, getRequest(`/moten/${id}/redigera`, energyViewer.cookie), { id })).status,
    ).toBe(403)
    // Someone not invited is refused the meeting's every page, layout included.
    expect(
      (await callRoute(meetingLayout.loader, getRequest(`/moten/${id}`, outsideEditor.cookie), { id })).status,
    ).toBe(404)

    const layout = { Layout: meetingLayout.default, loaderData: header.body }
    // The router's own mark on links, which the browser's page has as well.
    const withoutRouterMarks = (html: string) => html.replaceAll(' data-discover="true"', '')
    const page = await callRoute(meetingPage.loader, getRequest(`/moten/${id}`, energyViewer.cookie), { id })
    const pageHtml = withoutRouterMarks(
      await renderRoute(meetingPage.default, { loaderData: page.body, handle: meetingPage.handle, layout }),
    )
    expect(pageHtml).toMatch(
      /^<div class="page meeting-page"><p><a href="\/moten">Möten<\/a><\/p><h1>Temadag: elavbrott i januari<\/h1><p class="muted">Temadag · Vårgårda kommun<\/p>/,
    )
    expect(pageHtml.match(/<h1>/g)).toHaveLength(1)
    expect(pageHtml).toContain(`<a class="" href="/moten/${id}/lardomar">Lärdomar</a>`)

    const edit = await callRoute(editMeeting.loader, getRequest(`/moten/${id}/redigera`, coordinator.cookie), { id })
    const editHtml = await renderRoute(editMeeting.default, {
      loaderData: edit.body,
      handle: editMeeting.handle,
      layout,
    })
    expect(editHtml).toMatch(/^<div class="page page--narrow"><h1>Ändra Temadag: elavbrott i januari<\/h1><form /)
    expect(editHtml.match(/<h1>/g)).toHaveLength(1)
  })

  it("answers from the e-mail's link without signing in, always for the invitation's organisation", async () => {
    // An answer link closes when the meeting has ended: this one lies ahead, whenever the test runs.
    const { id } = await convene({ date: aMonthAhead() })
    const [mail] = await mailTo('lena@bostader.example')
    const token = tokenFromLink(mail!.text, ORIGIN, 'moten/svar')
    const shown = await callRoute<{ found: { title: string; answer: { name: string } } }>(
      answerByLink.loader,
      getRequest(`/moten/svar/${token}`),
      { token },
    )
    expect(shown.body!.found).toMatchObject({
      title: 'Temadag: elavbrott i januari',
      answer: { name: 'Vårgårda Bostäder' },
    })
    // The form names another organisation: the link's own is answered.
    const saved = await callRoute(
      answerByLink.action,
      postForm(`/moten/svar/${token}`, { organisationId: energy.id, answer: 'not_attending', attendees: '' }),
      { token },
    )
    expect(saved.body).toEqual({ saved: true, error: null })
    const rows = await db().select().from(meetingOrganisations).where(eq(meetingOrganisations.meetingId, id))
    expect(rows.find((row) => row.organisationId === housing.id)!.answer).toBe('not_attending')
    expect(rows.find((row) => row.organisationId === energy.id)!.answer).toBe('pending')
    const unknown = await callRoute(answerByLink.loader, getRequest('/moten/svar/abc'), { token: 'abc' })
    expect(unknown.status).toBe(404)
    expect(
      (await callRoute(answerByLink.action, postForm('/moten/svar/abc', { answer: 'attending' }), { token: 'abc' }))
        .status,
    ).toBe(404)
  })

  it('a changed time goes to everyone with a higher SEQUENCE; a stale edit is a conflict; an organisation left out gets a cancellation', async () => {
    const { id } = await convene({ networkId: '', organisations: [energy.id, housing.id] })
    const edit = (changes: Record<string, string | string[]>, version: string) =>
      callRoute<{ kind: string; current: Record<string, unknown> | null }>(
        editMeeting.action,
        postForm(
          `/moten/${id}/redigera`,
          { ...form({ networkId: '', organisations: [energy.id, housing.id] }), ...changes, version },
          coordinator.cookie,
        ),
        { id },
      )
    const moved = await edit({ startTime: '10:00', endTime: '13:00' }, '1')
    expect([moved.location, moved.notice]).toEqual([
      `/moten/${id}`,
      { kind: 'success', message: 'meeting.updatedSent', values: { sent: 3, failed: 0 } },
    ])
    const update = (await mailTo('per@energi.example'))[1]!
    expect(update.subject.startsWith('Ändrat: ')).toBe(true)
    expect(parseCalendar(update.calendar!.content)).toMatchObject({
      method: 'REQUEST',
      sequence: 1,
      start: '2027-01-14T10:00:00',
    })

    const stale = await edit({ title: 'Annan rubrik' }, '1')
    expect(stale.status).toBe(409)
    expect(stale.body!.current).toMatchObject({ startTime: '10:00', version: '2' })
    expect((await db().select().from(meetings).where(eq(meetings.id, id)))[0]!.title).toBe(
      'Temadag: elavbrott i januari',
    )

    // Only the invited organisations change: no new sequence, the housing company's people get a cancellation.
    const narrowed = await edit({ startTime: '10:00', endTime: '13:00', organisations: [energy.id] }, '2')
    expect(narrowed.status).toBe(302)
    const [meeting] = await db().select().from(meetings).where(eq(meetings.id, id))
    expect(meeting!.sequence).toBe(1)
    const cancellation = (await mailTo('lena@bostader.example')).at(-1)!
    expect(parseCalendar(cancellation.calendar!.content)).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: meeting!.uid,
    })
    expect(await mailTo('per@energi.example')).toHaveLength(2)
    const people = await db().select().from(meetingInvitees).where(eq(meetingInvitees.meetingId, id))
    expect(people.map((row) => row.email).sort()).toEqual(['eva@energi.example', 'per@energi.example'])
  })

  it('reminds only the organisations that have not answered, and a cancelled meeting takes no answers', async () => {
    const { id } = await convene()
    await callRoute(
      meetingPage.action,
      postForm(
        `/moten/${id}`,
        { intent: 'answer', organisationId: energy.id, answer: 'attending', attendees: '', version: '1' },
        energyEditor.cookie,
      ),
      { id },
    )
    const reminded = await callRoute<{ kind: string; sent: number }>(
      meetingPage.action,
      postForm(`/moten/${id}`, { intent: 'remind' }, coordinator.cookie),
      { id },
    )
    expect(reminded.body).toMatchObject({ kind: 'reminded', sent: 1 })
    expect((await mailTo('lena@bostader.example')).map((mail) => mail.subject.split(':')[0])).toEqual([
      'Inbjudan',
      'Påminnelse',
    ])
    expect(await mailTo('per@energi.example')).toHaveLength(1)
    const [housingRow] = await db()
      .select()
      .from(meetingOrganisations)
      .where(and(eq(meetingOrganisations.meetingId, id), eq(meetingOrganisations.organisationId, housing.id)))
    expect(housingRow!.remindedAt).not.toBeNull()
    const reminders = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'remind')))
    expect(reminders.map((row) => [row.userId, row.changes])).toEqual([
      [coordinator.id, { reminded: { before: null, after: { organisations: 1, sent: 1 } } }],
    ])
    // Only the coordinator reminds.
    expect(
      (await callRoute(meetingPage.action, postForm(`/moten/${id}`, { intent: 'remind' }, energyEditor.cookie), { id }))
        .status,
    ).toBe(403)

    const cancelled = await callRoute(
      editMeeting.action,
      postForm(`/moten/${id}/redigera`, { intent: 'cancel', version: '1' }, coordinator.cookie),
      {
        id,
      },
    )
    expect([cancelled.location, cancelled.notice]).toEqual([
      `/moten/${id}`,
      { kind: 'success', message: 'meeting.cancelledSent', values: { sent: 3, failed: 0 } },
    ])
    const last = (await mailTo('per@energi.example')).at(-1)!
    expect(parseCalendar(last.calendar!.content)).toMatchObject({ method: 'CANCEL', sequence: 1, status: 'CANCELLED' })
    const late = await callRoute(
      meetingPage.action,
      postForm(
        `/moten/${id}`,
        { intent: 'answer', organisationId: housing.id, answer: 'attending', attendees: '', version: '1' },
        housingEditor.cookie,
      ),
      { id },
    )
    expect(late.status).toBe(409)
  })

  it('gives each user a secret calendar feed of the meetings they may read; a new secret replaces the old', async () => {
    await convene()
    await convene({ title: 'Bara för Borås', networkId: '', organisations: [outside.id] })
    const created = await callRoute<{ feedUrl: string }>(
      meetingList.action,
      postForm('/moten', { intent: 'calendarFeed' }, energyViewer.cookie),
    )
    const token = created.body!.feedUrl.split('/kalender/')[1]!
    const feed = await callRoute(calendarFeed.loader, getRequest(`/kalender/${token}`), { token })
    expect(feed.response!.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
    const calendar = new ICAL.Component(ICAL.parse(await feed.response!.text()))
    expect(calendar.getAllSubcomponents('vevent').map((event) => event.getFirstPropertyValue('summary'))).toEqual([
      'Temadag: elavbrott i januari',
    ])
    const renewed = await callRoute<{ feedUrl: string }>(
      meetingList.action,
      postForm('/moten', { intent: 'calendarFeed' }, energyViewer.cookie),
    )
    const newToken = renewed.body!.feedUrl.split('/kalender/')[1]!
    expect((await callRoute(calendarFeed.loader, getRequest(`/kalender/${token}`), { token })).status).toBe(404)
    expect(
      (await callRoute(calendarFeed.loader, getRequest(`/kalender/${newToken}`), { token: newToken })).status,
    ).toBe(200)
  })
})
