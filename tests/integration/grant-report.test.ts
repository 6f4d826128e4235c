import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provideDatabase } from '../../app/db/app-db.server'
import type { Database, DatabaseHandle } from '../../app/db/client.server'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { eventEvaluations, eventSituationReportMailings, eventSituationReports } from '../../app/db/schema/events'
import { grantEntries, mandatePeriods } from '../../app/db/schema/mandate'
import { meetingAttendance, meetingOrganisations } from '../../app/db/schema/meetings'
import { rsaAnalyses, rsaFollowUps } from '../../app/db/schema/rsa'
import { stockholmToday } from '../../app/modules/mandate/deliverable-state'
import type { GrantActionResult } from '../../app/modules/mandate/grant-page.server'
import { createPeriod } from '../../app/modules/mandate/periods.server'
import { stockholmToInstant } from '../../app/modules/meetings/stockholm-time'
import { createAnalysis } from '../../app/modules/rsa/analyses.server'
import { insertDemoGrantEntries } from '../../app/modules/seed/demo-grant'
import * as reportIndex from '../../app/routes/mandatperiod+/$id.ersattning._index'
import * as reportPage from '../../app/routes/mandatperiod+/$id.ersattning.$year'
import * as reportCsv from '../../app/routes/mandatperiod+/$id.ersattning.$year[.csv]'
import { makeEvent } from '../support/event-factories'
import { getRequest, makeMeeting, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { renderRoute } from '../support/render-route'
import { callRoute, postForm } from '../support/route-call'
import { createTestDatabase } from '../support/test-db'

type Page = Awaited<ReturnType<typeof reportPage.loader>>

const at = (date: string, time = '10:00') => stockholmToInstant(date, time)!

describe('the yearly report on the use of the state grant', () => {
  let handle: DatabaseHandle
  let db: Database
  const orgs = { municipality: '', energy: '', neighbour: '' }
  const cookies = {} as Record<'coordinator' | 'dutyOfficer' | 'partner' | 'viewer', string>
  const ids = { running: '', period: '', themeDay: '', exercise: '', council: '', exerciseEvent: '', analysis: '' }
  let coordinatorId = ''
  const url = (year: number | string = 2027) => `/mandatperiod/${ids.period}/ersattning/${year}`

  const page = (cookie: string, year: number | string = 2027, search = '') =>
    callRoute<Page>(reportPage.loader, getRequest(`${url(year)}${search}`, cookie), {
      id: ids.period,
      year: String(year),
    })
  const post = (cookie: string, fields: Record<string, string>, year = 2027) =>
    callRoute<GrantActionResult>(reportPage.action, postForm(url(year), fields, cookie), {
      id: ids.period,
      year: String(year),
    })
  const csv = (cookie: string, year = 2027) =>
    callRoute(reportCsv.loader, getRequest(`${url(year)}.csv`, cookie), { id: ids.period, year: String(year) })
  const render = async (cookie: string, actionData?: unknown, search = '') =>
    renderRoute(reportPage.default, { loaderData: (await page(cookie, 2027, search)).body, actionData })
  const rows = (loaded: Page) => loaded.groups.flatMap((group) => group.activities)
  const own = (loaded: Page, title: string) => rows(loaded).find((row) => row.title === title)!

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    db = handle.db
    orgs.municipality = (await makeOrganisation(db, { name: 'Vårgårda kommun', kind: 'municipality' })).id
    orgs.energy = (await makeOrganisation(db, { name: 'Solör Bioenergi', kind: 'energy' })).id
    orgs.neighbour = (await makeOrganisation(db, { name: 'Herrljunga kommun', kind: 'municipality' })).id
    const person = async (role: Role, organisationId: string) => {
      const made = await makeUser(db, { role, organisationId })
      return { id: made.id, cookie: (await signedIn(db, made.id)).cookie }
    }
    const coordinator = await person('coordinator', orgs.municipality)
    cookies.coordinator = coordinator.cookie
    coordinatorId = coordinator.id
    cookies.dutyOfficer = (await person('duty_officer', orgs.municipality)).cookie
    cookies.partner = (await person('partner_editor', orgs.energy)).cookie
    cookies.viewer = (await person('viewer', orgs.municipality)).cookie

    const created = await createPeriod(db, {
      title: 'Mandatperiod 2027–2030',
      startYear: 2027,
      endYear: 2030,
      organisationId: orgs.municipality,
      actorId: coordinator.id,
      actorOrganisationId: orgs.municipality,
    })
    if (!created.ok) throw new Error('no period')
    ids.period = created.period.id
    // Shared: the partners see the calendar, and still not the grant report.
    await db.update(mandatePeriods).set({ calendarSharedAt: new Date() }).where(eq(mandatePeriods.id, ids.period))

    const meeting = async (fields: Parameters<typeof makeMeeting>[1], day: string) =>
      makeMeeting(db, { startsAt: at(day), endsAt: at(day, '15:00'), ...fields })
    const themeDay = await meeting(
      {
        organiserOrganisationId: orgs.municipality,
        invitedOrganisationIds: [orgs.energy, orgs.neighbour],
        kind: 'theme_day',
        title: 'Temadag: storskaligt elavbrott',
      },
      '2027-03-15',
    )
    ids.themeDay = themeDay.id
    await db
      .update(meetingOrganisations)
      .set({ answer: 'attending' })
      .where(and(eq(meetingOrganisations.meetingId, themeDay.id), eq(meetingOrganisations.organisationId, orgs.energy)))
    await db.insert(meetingAttendance).values([
      { meetingId: themeDay.id, organisationId: orgs.energy, name: 'Lena Berg' },
      { meetingId: themeDay.id, organisationId: orgs.municipality, name: 'Karin Ek' },
      { meetingId: themeDay.id, organisationId: orgs.municipality, name: 'Per Holm' },
    ])
    ids.exercise = (
      await meeting(
        { organiserOrganisationId: orgs.municipality, kind: 'exercise', title: 'Övning: central krisledning' },
        '2027-09-20',
      )
    ).id
    ids.council = (
      await meeting(
        { organiserOrganisationId: orgs.municipality, kind: 'council_meeting', title: 'BRÅ-möte om trygghet' },
        '2027-05-04',
      )
    ).id
    await meeting(
      { organiserOrganisationId: orgs.municipality, kind: 'theme_day', title: 'Inställd temadag', state: 'cancelled' },
      '2027-06-01',
    )
    // The neighbour's network meeting: listed where the municipality said it attends, not where it declined.
    const attended = await meeting(
      {
        organiserOrganisationId: orgs.neighbour,
        invitedOrganisationIds: [orgs.municipality],
        kind: 'network_meeting',
        title: 'Sjuhärads nätverksmöte',
      },
      '2027-11-02',
    )
    await db
      .update(meetingOrganisations)
      .set({ answer: 'attending' })
      .where(eq(meetingOrganisations.meetingId, attended.id))
    await meeting(
      {
        organiserOrganisationId: orgs.neighbour,
        invitedOrganisationIds: [orgs.municipality],
        kind: 'network_meeting',
        title: 'Avböjt nätverksmöte',
      },
      '2027-11-09',
    )
    // 00:30 on New Year's Day in Stockholm is still 2027 in UTC: the report goes by Stockholm's calendar.
    await makeMeeting(db, {
      organiserOrganisationId: orgs.municipality,
      kind: 'rsa_workshop',
      title: 'RSA-workshop vid årsskiftet',
      startsAt: at('2028-01-01', '00:30'),
      endsAt: at('2028-01-01', '03:00'),
    })

    const exerciseEvent = await makeEvent(db, {
      title: 'Övning Elavbrott',
      kind: 'exercise',
      startedAt: at('2027-10-01', '08:00'),
      endedAt: at('2027-10-01', '16:00'),
      organisationIds: [orgs.municipality, orgs.energy],
    })
    ids.exerciseEvent = exerciseEvent.id
    await db.insert(eventEvaluations).values({ eventId: exerciseEvent.id, sharedAt: at('2027-10-20') })
    const storm = await makeEvent(db, {
      title: 'Stormen Ylva',
      kind: 'real',
      startedAt: at('2027-12-01', '06:00'),
    })
    const reports = await db
      .insert(eventSituationReports)
      .values([1, 2].map((number) => ({ eventId: storm.id, number, content: {} as never })))
      .returning()
    await db.insert(eventSituationReportMailings).values([
      { reportId: reports[0]!.id, recipients: ['lansstyrelsen@example.org'], sentAt: at('2027-12-01', '12:00') },
      { reportId: reports[0]!.id, recipients: ['lansstyrelsen@example.org'], sentAt: at('2027-12-01', '13:00') },
      { reportId: reports[1]!.id, recipients: ['lansstyrelsen@example.org'], sentAt: at('2027-12-02', '09:00') },
    ])

    const analysis = await createAnalysis(db, {
      actorId: coordinator.id,
      organisationId: orgs.municipality,
      title: 'RSA 2027–2030',
      periodStart: 2027,
      periodEnd: 2030,
      organisationIds: [orgs.energy],
      networkId: null,
    })
    ids.analysis = analysis.id
    await db
      .update(rsaAnalyses)
      .set({ resultsSharedAt: at('2027-10-28') })
      .where(eq(rsaAnalyses.id, analysis.id))
    // The follow-up of 2027, written in February 2028.
    await db
      .insert(rsaFollowUps)
      .values({ analysisId: analysis.id, year: 2027, snapshot: [], createdAt: at('2028-02-10') })
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  it("lists the year's theme day, exercises, RSA work and situation reports by category, without the council", async () => {
    const loaded = (await page(cookies.coordinator)).body!
    const byCategory = Object.fromEntries(
      loaded.groups.map((group) => [group.category, group.activities.map((row) => `${row.origin.kind}:${row.title}`)]),
    )
    expect(byCategory).toEqual({
      risk_analysis: ['rsa_shared:RSA 2027–2030', 'rsa_follow_up:RSA 2027–2030'],
      cooperation: ['meeting:Sjuhärads nätverksmöte'],
      training: ['meeting:Temadag: storskaligt elavbrott'],
      exercises: [
        'meeting:Övning: central krisledning',
        'exercise_event:Övning Elavbrott',
        'evaluation:Övning Elavbrott',
      ],
      reporting: ['situation_reports:Stormen Ylva'],
    })
    const themeDay = rows(loaded).find((row) => row.title === 'Temadag: storskaligt elavbrott')!
    expect(themeDay).toMatchObject({
      date: '2027-03-15',
      participants: ['Solör Bioenergi'],
      attendance: 3,
      href: `/moten/${ids.themeDay}`,
    })
    expect(rows(loaded).find((row) => row.origin.kind === 'exercise_event')).toMatchObject({
      date: '2027-10-01',
      participants: ['Solör Bioenergi', 'Vårgårda kommun'],
      href: `/handelser/${ids.exerciseEvent}`,
    })
    expect(rows(loaded).find((row) => row.origin.kind === 'situation_reports')).toMatchObject({
      date: '2027-12-01',
      origin: { reports: 2 },
    })
    expect(rows(loaded).find((row) => row.origin.kind === 'rsa_shared')).toMatchObject({
      date: '2027-10-28',
      participants: ['Solör Bioenergi'],
    })
    expect(rows(loaded).find((row) => row.origin.kind === 'rsa_follow_up')?.date).toBeNull()
    expect(rows(loaded).some((row) => row.title === 'BRÅ-möte om trygghet')).toBe(false)
    expect(loaded.totals.overall.activities).toBe(8)
    expect(loaded.years).toEqual([2027, 2028, 2029, 2030])

    const next = (await page(cookies.coordinator, 2028)).body!
    expect(rows(next).map((row) => row.title)).toEqual(['RSA-workshop vid årsskiftet'])

    const html = await render(cookies.coordinator)
    expect(html).toContain('Redovisning av statlig ersättning 2027')
    expect(html).toMatch(/<a[^>]*aria-current="page"[^>]*>2027<\/a>/)
    expect(html).toContain('<caption>Utbildning 2027</caption>')
    expect(html).toContain('Solör Bioenergi (3 närvarande)')
    expect(html).toContain('Lägesrapporter till Länsstyrelsen')
    expect(html).toContain('Från portalen')
    expect(html).not.toContain('BRÅ-möte om trygghet')
    expect(html).toContain(`id="mote-${ids.themeDay}"`)
  })

  it('saves an own entry with "2,5" hours and "12 500" kronor, sums it, and audits it', async () => {
    const saved = await post(cookies.coordinator, {
      intent: 'create',
      category: 'protective_security',
      title: 'Utbildning i säkerhetsskydd, 2 deltagare',
      occurredOn: '2027-04-12',
      hours: '2,5',
      cost: '12 500',
      notes: 'Kurs hos Länsstyrelsen',
    })
    expect(saved).toMatchObject({ status: 200, body: { kind: 'saved', notice: 'grantReport.saved.created' } })
    const loaded = (await page(cookies.coordinator)).body!
    expect(own(loaded, 'Utbildning i säkerhetsskydd, 2 deltagare')).toMatchObject({
      category: 'protective_security',
      date: '2027-04-12',
      hours: 2.5,
      cost: 12_500,
      origin: { kind: 'own' },
    })
    expect(loaded.totals.categories.find((row) => row.category === 'protective_security')).toEqual({
      category: 'protective_security',
      activities: 1,
      hours: 2.5,
      cost: 12_500,
    })
    expect(loaded.totals.overall).toMatchObject({ activities: 9, hours: 2.5, cost: 12_500 })
    const [entry] = await db
      .select()
      .from(grantEntries)
      .where(eq(grantEntries.title, 'Utbildning i säkerhetsskydd, 2 deltagare'))
    expect(entry).toMatchObject({ year: 2027, meetingId: null, cost: 12_500 })
    expect(Number(entry!.hours)).toBe(2.5)
    const [audited] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'grant_entry'), eq(auditLog.action, 'create')))
    expect(audited).toMatchObject({ entityId: ids.period, organisationId: orgs.municipality })
    expect(audited!.changes).toMatchObject({
      hours: { before: null, after: 2.5 },
      cost: { before: null, after: 12_500 },
    })
    expect(await render(cookies.coordinator)).toContain('Egen post')
  })

  it('refuses bad hours with a Swedish message by the field, keeping the other input, and writes nothing', async () => {
    const refused = await post(cookies.coordinator, {
      intent: 'create',
      category: 'training',
      title: 'Kommunens del av länsstyrelsens kvartalsövning',
      occurredOn: '2027-06-10',
      hours: '2,55',
      cost: '4 000',
    })
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({
      kind: 'invalid',
      form: 'create',
      errors: { hours: 'grantReport.error.hours' },
      values: { title: 'Kommunens del av länsstyrelsens kvartalsövning', cost: '4 000', hours: '2,55' },
    })
    expect(Object.keys((refused.body as { errors: object }).errors)).toEqual(['hours'])
    const html = await render(cookies.coordinator, refused.body)
    expect(html).toContain('Ange timmar som ett tal från 0 och uppåt med högst en decimal, till exempel 2,5.')
    expect(html).toMatch(/aria-invalid="true"[^>]*name="hours"|name="hours"[^>]*aria-invalid="true"/)
    expect(html).toContain('value="Kommunens del av länsstyrelsens kvartalsövning"')
    const outside = await post(cookies.coordinator, {
      intent: 'create',
      category: 'training',
      title: 'X',
      occurredOn: '2028-01-02',
    })
    expect(outside.body).toMatchObject({ errors: { occurredOn: 'grantReport.error.dateInYear' } })
    const entries = await db.select().from(grantEntries).where(eq(grantEntries.periodId, ids.period))
    expect(entries).toHaveLength(1)
  })

  it("sets a listed meeting's hours and cost, and a stale save of them is a conflict with the current values", async () => {
    const first = await post(cookies.coordinator, {
      intent: 'meeting',
      meetingId: ids.themeDay,
      version: '0',
      hours: '6',
      cost: '1 500',
      notes: 'Lokal och fika',
    })
    expect(first.body).toEqual({ kind: 'saved', notice: 'grantReport.saved.meeting' })
    // A second first save, from a form loaded before the one above.
    const late = await post(cookies.coordinator, {
      intent: 'meeting',
      meetingId: ids.themeDay,
      version: '0',
      hours: '7',
    })
    expect(late.status).toBe(409)
    expect(late.body).toMatchObject({
      kind: 'conflict',
      form: `meeting:${ids.themeDay}`,
      values: { hours: '7', version: '1' },
      current: { hours: '6', cost: '1500', notes: 'Lokal och fika' },
    })
    expect(await render(cookies.coordinator, late.body)).toContain('Nuvarande värde: 6')
    const again = await post(cookies.coordinator, {
      intent: 'meeting',
      meetingId: ids.themeDay,
      version: '1',
      hours: '7,5',
      cost: '1500',
    })
    expect(again.body).toMatchObject({ kind: 'saved' })
    const loaded = (await page(cookies.coordinator)).body!
    expect(rows(loaded).find((row) => row.title === 'Temadag: storskaligt elavbrott')).toMatchObject({
      hours: 7.5,
      cost: 1500,
      notes: '',
      entry: { version: 2 },
      origin: { kind: 'meeting' },
    })
    expect(loaded.meetingForms.find((form) => form.meetingId === ids.themeDay)?.values).toEqual({
      hours: '7,5',
      cost: '1500',
      notes: '',
      version: '2',
    })
    // The council meeting is not in the report, so it takes no hours.
    const council = await post(cookies.coordinator, {
      intent: 'meeting',
      meetingId: ids.council,
      version: '0',
      hours: '2',
    })
    expect(council.status).toBe(404)
  })

  it('changes and removes an own entry by its version; a stale one is a 409 showing what is stored', async () => {
    const entry = own((await page(cookies.coordinator)).body!, 'Utbildning i säkerhetsskydd, 2 deltagare')
    const entryId = entry.entry!.id
    const edited = {
      intent: 'update',
      entryId,
      version: '1',
      category: 'protective_security',
      title: 'Utbildning i säkerhetsskydd, 3 deltagare',
      occurredOn: '2027-04-12',
      hours: '3',
      cost: '15000',
      notes: '',
    }
    expect((await post(cookies.coordinator, edited)).body).toMatchObject({
      kind: 'saved',
      notice: 'grantReport.saved.updated',
    })
    const stale = await post(cookies.coordinator, { ...edited, title: 'Något annat', hours: '1' })
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({
      kind: 'conflict',
      form: `entry:${entryId}`,
      values: { title: 'Något annat', version: '2' },
      current: { title: 'Utbildning i säkerhetsskydd, 3 deltagare', hours: '3', cost: '15000' },
    })
    const html = await render(cookies.coordinator, stale.body)
    expect(html).toContain('Nuvarande värde: Utbildning i säkerhetsskydd, 3 deltagare')
    expect(html).toContain('value="Något annat"')
    const staleDelete = await post(cookies.coordinator, { intent: 'delete', entryId, version: '1' })
    expect(staleDelete.status).toBe(409)
    expect(staleDelete.body).toMatchObject({ deleting: true, current: { version: '2' } })
    // Opened for a change by ?andra=<id>.
    expect(await render(cookies.coordinator, undefined, `?andra=${entryId}`)).toContain('Ändra egen post')
    expect((await post(cookies.coordinator, { intent: 'delete', entryId, version: '2' })).body).toMatchObject({
      notice: 'grantReport.saved.deleted',
    })
    expect(await db.select().from(grantEntries).where(eq(grantEntries.id, entryId))).toEqual([])
    const actions = (
      await db
        .select({ action: auditLog.action, entityId: auditLog.entityId })
        .from(auditLog)
        .where(eq(auditLog.entity, 'grant_entry'))
    ).map((row) => `${row.action}:${row.entityId === ids.period}`)
    expect(actions.sort()).toEqual(['create:true', 'create:true', 'delete:true', 'update:true', 'update:true'])
    expect((await post(cookies.coordinator, { intent: 'delete', entryId, version: '2' })).status).toBe(404)
  })

  it('writes the CSV through the one writer, guarding a title that starts with "="', async () => {
    await post(cookies.coordinator, {
      intent: 'create',
      category: 'planning',
      title: '=HYPERLINK("http://x","y")',
      hours: '1,5',
      cost: '900',
    })
    const result = await csv(cookies.coordinator)
    expect(result.status).toBe(200)
    expect(result.response!.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(result.response!.headers.get('Content-Disposition')).toBe('attachment; filename="ersattning-2027.csv"')
    const text = await result.response!.text()
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe('"kategori";"datum";"aktivitet";"deltagare";"timmar";"kostnad";"källa"')
    expect(lines).toContain('"Planering";"";"\'=HYPERLINK(""http://x"",""y"")";"";1,5;900;"Egen post"')
    expect(lines).toContain(
      '"Utbildning";"2027-03-15";"Temadag: Temadag: storskaligt elavbrott";"Solör Bioenergi (3 närvarande)";7,5;1500;"Från portalen"',
    )
    expect(lines.some((line) => line.includes('BRÅ-möte'))).toBe(false)
    expect(lines).toHaveLength(10)
  })

  it('is a 404 for partners and viewers, also with the calendar shared, and for a year outside the period', async () => {
    for (const cookie of [cookies.partner, cookies.viewer]) {
      expect((await page(cookie)).status).toBe(404)
      expect((await csv(cookie)).status).toBe(404)
      expect((await post(cookie, { intent: 'create', category: 'training', title: 'X' })).status).toBe(404)
    }
    expect((await page(cookies.coordinator, 2026)).status).toBe(404)
    expect((await page(cookies.coordinator, '2027x')).status).toBe(404)
    expect((await csv(cookies.coordinator, 2031)).status).toBe(404)
    const reader = await page(cookies.dutyOfficer)
    expect(reader.status).toBe(200)
    expect(reader.body).toMatchObject({ manage: false, meetingForms: [], ownEntries: [] })
    expect(await render(cookies.dutyOfficer)).not.toContain('<form')
    const count = (await db.select().from(grantEntries)).length
    expect((await post(cookies.dutyOfficer, { intent: 'create', category: 'training', title: 'X' })).status).toBe(403)
    expect((await db.select().from(grantEntries)).length).toBe(count)
  })

  it('sends /ersattning without a year to this year within the period, else to its first year', async () => {
    const thisYear = Number(stockholmToday().slice(0, 4))
    const result = await callRoute(
      reportIndex.loader,
      getRequest(`/mandatperiod/${ids.period}/ersattning`, cookies.coordinator),
      {
        id: ids.period,
      },
    )
    expect(result.status).toBe(302)
    expect(result.location).toBe(url(thisYear >= 2027 && thisYear <= 2030 ? thisYear : 2027))
    const running = await createPeriod(db, {
      title: 'Pågående period',
      startYear: thisYear - 1,
      endYear: thisYear + 2,
      organisationId: orgs.neighbour,
      actorId: null,
      actorOrganisationId: null,
    })
    if (!running.ok) throw new Error('no period')
    const current = await callRoute(
      reportIndex.loader,
      getRequest(`/mandatperiod/${running.period.id}/ersattning`, cookies.coordinator),
      { id: running.period.id },
    )
    expect(current.location).toBe(`/mandatperiod/${running.period.id}/ersattning/${thisYear}`)
    ids.running = running.period.id
    const denied = await callRoute(
      reportIndex.loader,
      getRequest(`/mandatperiod/${ids.period}/ersattning`, cookies.partner),
      {
        id: ids.period,
      },
    )
    expect(denied.status).toBe(404)
  })
  it("the demo's entries: own ones for last year and this year, and the hours of a listed meeting", async () => {
    const now = new Date()
    const thisYear = Number(stockholmToday(now).slice(0, 4))
    const held = await makeMeeting(db, {
      organiserOrganisationId: orgs.neighbour,
      kind: 'network_meeting',
      title: 'Nätverksmöte i demon',
      startsAt: stockholmToInstant(stockholmToday(now), '00:05')!,
      endsAt: stockholmToInstant(stockholmToday(now), '02:00')!,
    })
    await insertDemoGrantEntries(db, { periodId: ids.running, coordinatorId }, now)
    const entries = await db.select().from(grantEntries).where(eq(grantEntries.periodId, ids.running))
    expect(
      entries
        .filter((entry) => entry.meetingId === null)
        .map((entry) => entry.year)
        .sort(),
    ).toEqual([thisYear - 1, thisYear - 1, thisYear - 1, thisYear, thisYear])
    expect(entries.find((entry) => entry.meetingId === held.id)).toMatchObject({ year: thisYear, cost: 3_500 })
    for (const entry of entries) {
      if (entry.occurredOn) expect(entry.occurredOn.startsWith(`${entry.year}-`)).toBe(true)
    }
    const loaded = (
      await callRoute<Page>(
        reportPage.loader,
        getRequest(`/mandatperiod/${ids.running}/ersattning/${thisYear}`, cookies.coordinator),
        { id: ids.running, year: String(thisYear) },
      )
    ).body!
    expect(rows(loaded).find((row) => row.title === 'Nätverksmöte i demon')).toMatchObject({ hours: 18, cost: 3_500 })
    expect(loaded.totals.categories.find((row) => row.category === 'training')?.cost).toBe(18_000)
  })
})
