import { createHash } from 'node:crypto'
import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provideDatabase } from '../../app/db/app-db.server'
import type { Database, DatabaseHandle } from '../../app/db/client.server'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { eventEvaluations } from '../../app/db/schema/events'
import { mandateDeliverables, mandateDocuments, mandatePeriods } from '../../app/db/schema/mandate'
import { rsaAnalyses, rsaFollowUps } from '../../app/db/schema/rsa'
import type { CalendarEntry } from '../../app/modules/mandate/calendar'
import { defaultDeliverables } from '../../app/modules/mandate/defaults'
import { instantToStockholm, stockholmToInstant } from '../../app/modules/meetings/stockholm-time'
import { createAnalysis, listEvents } from '../../app/modules/rsa/analyses.server'
import * as periodLayout from '../../app/routes/mandatperiod+/$id'
import * as calendarPage from '../../app/routes/mandatperiod+/$id._index'
import * as settingsPage from '../../app/routes/mandatperiod+/$id.installningar'
import * as deliverablePage from '../../app/routes/mandatperiod+/$id.leveranser.$deliverableId'
import * as documentDownload from '../../app/routes/mandatperiod+/$id.leveranser.$deliverableId.dokument.$documentId'
import * as newDeliverablePage from '../../app/routes/mandatperiod+/$id.leveranser.ny'
import * as printPage from '../../app/routes/mandatperiod+/$id_.utskrift'
import * as periodList from '../../app/routes/mandatperiod+/_index'
import * as newPeriodPage from '../../app/routes/mandatperiod+/ny'
import { makeEvent } from '../support/event-factories'
import { getRequest, makeMeeting, makeOrganisation, makeRsaAnswer, makeUser, signedIn } from '../support/factories'
import { samples } from '../support/meeting-files'
import { renderRoute } from '../support/render-route'
import { callRoute, postForm } from '../support/route-call'
import { createTestDatabase } from '../support/test-db'

type Calendar = Awaited<ReturnType<typeof calendarPage.loader>>
type Deliverable = Awaited<ReturnType<typeof deliverablePage.loader>>
type Outcome = {
  kind: string
  what?: string
  version?: string
  error?: string
  errors?: Record<string, string>
  values?: Record<string, string>
  current?: Record<string, string>
}

/** A multipart upload as a browser sends it. */
function upload(url: string, file: { name: string; bytes: Uint8Array }, cookie: string): Request {
  const body = new FormData()
  body.append('intent', 'upload')
  body.append('file', new File([Buffer.from(file.bytes)], file.name, { type: 'application/octet-stream' }))
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    body,
    headers: { Origin: 'http://localhost', Cookie: cookie },
  })
}

describe('the mandate period: calendar, deliverables and documents', () => {
  let handle: DatabaseHandle
  let db: Database
  const orgs = { municipality: '', energy: '' }
  const people = {} as Record<
    'coordinator' | 'dutyOfficer' | 'partner' | 'owner' | 'viewer',
    { id: string; cookie: string }
  >
  let periodId = ''
  const base = () => `/mandatperiod/${periodId}`

  const calendar = (cookie: string) =>
    callRoute<Calendar>(calendarPage.loader, getRequest(base(), cookie), { id: periodId })
  const deliverableOf = async (kind: string, title?: RegExp) => {
    const rows = await db.select().from(mandateDeliverables).where(eq(mandateDeliverables.periodId, periodId))
    return rows.find((row) => row.kind === kind && (!title || title.test(row.title)))!
  }
  const openDeliverable = (cookie: string, id: string) =>
    callRoute<Deliverable>(deliverablePage.loader, getRequest(`${base()}/leveranser/${id}`, cookie), {
      id: periodId,
      deliverableId: id,
    })
  const postDeliverable = (cookie: string, id: string, fields: Record<string, string>) =>
    callRoute<Outcome>(deliverablePage.action, postForm(`${base()}/leveranser/${id}`, fields, cookie), {
      id: periodId,
      deliverableId: id,
    })
  const audits = async (action?: string) =>
    (
      await db
        .select({ n: count() })
        .from(auditLog)
        .where(
          action ? and(eq(auditLog.entityId, periodId), eq(auditLog.action, action)) : eq(auditLog.entityId, periodId),
        )
    )[0]!.n

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    db = handle.db
    orgs.municipality = (await makeOrganisation(db, { name: 'Vårgårda kommun', kind: 'municipality' })).id
    orgs.energy = (await makeOrganisation(db, { name: 'Solör Bioenergi', kind: 'energy' })).id
    const person = async (role: Role, organisationId: string, name: string) => {
      const made = await makeUser(db, { role, organisationId, name })
      return { id: made.id, cookie: (await signedIn(db, made.id)).cookie }
    }
    people.coordinator = await person('coordinator', orgs.municipality, 'Karin Ek')
    people.dutyOfficer = await person('duty_officer', orgs.municipality, 'Tomas Falk')
    people.partner = await person('partner_editor', orgs.energy, 'Lena Berg')
    people.owner = await person('partner_editor', orgs.energy, 'Olle Ägare')
    people.viewer = await person('viewer', orgs.energy, 'Erik Dahl')
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  it('creates period 2027–2030 with the pre-filled deliverables, the RSA due 2027-10-31', async () => {
    const form = await callRoute<{ defaults: Record<string, string> }>(
      newPeriodPage.loader,
      getRequest('/mandatperiod/ny', people.coordinator.cookie),
    )
    expect(form.body!.defaults.organisationId).toBe(orgs.municipality)
    const created = await callRoute(
      newPeriodPage.action,
      postForm(
        '/mandatperiod/ny',
        { title: '', startYear: '2027', endYear: '2030', organisationId: orgs.municipality },
        people.coordinator.cookie,
      ),
    )
    expect(created.status).toBe(302)
    periodId = created.location!.split('/').pop()!
    const [period] = await db.select().from(mandatePeriods).where(eq(mandatePeriods.id, periodId))
    expect(period).toMatchObject({
      title: 'Mandatperiod 2027–2030',
      startYear: 2027,
      endYear: 2030,
      calendarSharedAt: null,
    })

    const page = await calendar(people.coordinator.cookie)
    expect(page.body!.entries).toHaveLength(defaultDeliverables(2027, 2030).length)
    const rsa = page.body!.entries.find((entry) => entry.kind === 'rsa')!
    expect(rsa).toMatchObject({ dueDate: '2027-10-31', rsa: { kind: 'none' } })
    expect(rsa.title).toMatch(/^Risk- och sårbarhetsanalys 2027–2030/)
    expect(page.body!.entries.filter((entry) => entry.kind === 'rsa_follow_up').map((entry) => entry.dueDate)).toEqual([
      '2028-10-31',
      '2029-10-31',
      '2030-10-31',
    ])
    const html = await renderRoute(calendarPage.default, { loaderData: page.body })
    expect(html).toContain('Att göra 2027')
    expect(html).toMatch(/2027-10-31<\/td><th scope="row"[^>]*><a [^>]*>Risk- och sårbarhetsanalys 2027–2030/)
    expect(html).toContain('Lägg till leverans')
    expect(await audits('create')).toBe(1)
  })

  it('refuses a second period starting the same year, at the start-year field, in Swedish', async () => {
    const again = await callRoute<Outcome>(
      newPeriodPage.action,
      postForm(
        '/mandatperiod/ny',
        { title: 'Igen', startYear: '2027', endYear: '2030', organisationId: orgs.municipality },
        people.coordinator.cookie,
      ),
    )
    expect(again.status).toBe(400)
    expect(again.body!.errors).toEqual({ startYear: 'mandateCalendar.validation.exists' })
    expect(again.body!.values!.title).toBe('Igen')
    const html = await renderRoute(newPeriodPage.default, {
      loaderData: (await callRoute(newPeriodPage.loader, getRequest('/mandatperiod/ny', people.coordinator.cookie)))
        .body,
      actionData: again.body,
    })
    expect(html).toContain('Det finns redan en mandatperiod som börjar det året för kommunen.')
    expect(html).toMatch(/aria-invalid="true"[^>]*name="startYear"|name="startYear"[^>]*aria-invalid="true"/)
    expect(await db.select({ n: count() }).from(mandatePeriods)).toEqual([{ n: 1 }])
    const notMunicipality = await callRoute<Outcome>(
      newPeriodPage.action,
      postForm(
        '/mandatperiod/ny',
        { title: '', startYear: '2031', endYear: '2034', organisationId: orgs.energy },
        people.coordinator.cookie,
      ),
    )
    expect(notMunicipality.body!.errors).toEqual({ organisationId: 'validation.choose' })
  })

  it('lets the coordinator make someone the owner, and that owner update their own deliverable only', async () => {
    const steering = await deliverableOf('steering_document')
    const plan = await deliverableOf('crisis_communication_plan')
    const assigned = await postDeliverable(people.coordinator.cookie, steering.id, {
      intent: 'save',
      version: String(steering.version),
      title: steering.title,
      description: steering.description,
      dueDate: steering.dueDate!,
      state: 'in_progress',
      ownerUserId: people.owner.id,
      ownerOrganisationId: orgs.municipality,
      adoptedBy: '',
      adoptedOn: '',
      decisionReference: '',
      notes: 'Intern anteckning om remissen',
    })
    expect(assigned.body).toEqual({ kind: 'saved', what: 'saved' })

    // The owner (a partner's editor, the period unshared) sees the period of their deliverable, and that deliverable.
    const ownView = await calendar(people.owner.cookie)
    expect(ownView.status).toBe(200)
    expect(ownView.body!.full).toBe(false)
    expect(ownView.body!.entries.filter((entry) => entry.opens).map((entry) => entry.id)).toEqual([steering.id])
    const own = await openDeliverable(people.owner.cookie, steering.id)
    expect(own.body!).toMatchObject({ update: true, manage: false, pickers: null })
    const saved = await postDeliverable(people.owner.cookie, steering.id, {
      intent: 'save',
      version: own.body!.values.version!,
      state: 'done',
      adoptedBy: 'kommunfullmäktige',
      adoptedOn: '2027-03-14',
      decisionReference: '§ 23',
      notes: 'Intern anteckning om remissen',
      // Not the owner's to change: left as it is.
      title: 'Ett annat namn',
      dueDate: '2031-01-01',
    })
    expect(saved.body).toEqual({ kind: 'saved', what: 'saved' })
    const [after] = await db.select().from(mandateDeliverables).where(eq(mandateDeliverables.id, steering.id))
    expect(after).toMatchObject({
      state: 'done',
      title: steering.title,
      dueDate: steering.dueDate,
      decisionReference: '§ 23',
    })

    expect((await openDeliverable(people.owner.cookie, plan.id)).status).toBe(404)
    expect(
      (
        await postDeliverable(people.owner.cookie, plan.id, {
          intent: 'save',
          version: String(plan.version),
          state: 'done',
        })
      ).status,
    ).toBe(404)
    // The duty officer reads the whole period but updates only what they own.
    expect((await openDeliverable(people.dutyOfficer.cookie, plan.id)).body!.update).toBe(false)
    expect(
      (
        await postDeliverable(people.dutyOfficer.cookie, plan.id, {
          intent: 'save',
          version: String(plan.version),
          state: 'done',
        })
      ).status,
    ).toBe(403)
    const [untouched] = await db.select().from(mandateDeliverables).where(eq(mandateDeliverables.id, plan.id))
    expect(untouched!.state).toBe('not_started')

    const calendarHtml = await renderRoute(calendarPage.default, {
      loaderData: (await calendar(people.coordinator.cookie)).body,
    })
    expect(calendarHtml.replace(/<[^>]+>/g, '')).toContain('Antagen av kommunfullmäktige 2027-03-14, § 23')
  })

  it('answers an edit with a stale version with 409, the current values, and writes nothing', async () => {
    const steering = await deliverableOf('steering_document')
    const before = await audits()
    const stale = await postDeliverable(people.coordinator.cookie, steering.id, {
      intent: 'save',
      version: String(steering.version - 1),
      title: 'Styrdokument, reviderat',
      description: '',
      dueDate: '2027-09-30',
      state: 'in_progress',
      ownerUserId: people.owner.id,
      ownerOrganisationId: orgs.municipality,
      adoptedBy: '',
      adoptedOn: '',
      decisionReference: '',
      notes: '',
    })
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({
      kind: 'invalid',
      errors: { _form: 'mandateCalendar.conflict' },
      values: { title: 'Styrdokument, reviderat', version: String(steering.version) },
      current: {
        state: 'done',
        decisionReference: '§ 23',
        ownerUserId: 'Olle Ägare',
        ownerOrganisationId: 'Vårgårda kommun',
      },
    })
    const [after] = await db.select().from(mandateDeliverables).where(eq(mandateDeliverables.id, steering.id))
    expect(after).toEqual(steering)
    expect(await audits()).toBe(before)
    const page = await openDeliverable(people.coordinator.cookie, steering.id)
    const html = await renderRoute(deliverablePage.default, { loaderData: page.body, actionData: stale.body })
    expect(html).toContain('Nuvarande värde: Antagen/skickad')
    expect(html).toContain('value="Styrdokument, reviderat"')
  })

  it('stores, serves and removes a document, audited, and hides it from whoever may not read the deliverable', async () => {
    const steering = await deliverableOf('steering_document')
    const url = `${base()}/leveranser/${steering.id}`
    const pdf = samples.pdf
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    const uploaded = await callRoute<Outcome>(
      deliverablePage.action,
      upload(url, { name: 'Styrdokument antaget.pdf', bytes: pdf }, people.owner.cookie),
      { id: periodId, deliverableId: steering.id },
    )
    expect(uploaded.body).toEqual({ kind: 'saved', what: 'uploaded' })
    const [stored] = await db.select().from(mandateDocuments).where(eq(mandateDocuments.deliverableId, steering.id))
    expect(stored).toMatchObject({
      filename: 'Styrdokument antaget.pdf',
      contentType: 'application/pdf',
      size: pdf.byteLength,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    })
    const download = (cookie: string) =>
      callRoute(documentDownload.loader, getRequest(`${url}/dokument/${stored!.id}`, cookie), {
        id: periodId,
        deliverableId: steering.id,
        documentId: stored!.id,
      })
    const served = await download(people.dutyOfficer.cookie)
    expect(served.status).toBe(200)
    expect(served.response!.headers.get('Content-Type')).toBe('application/pdf')
    expect(served.response!.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="Styrdokument antaget.pdf"/,
    )
    expect(Buffer.from(await served.response!.arrayBuffer())).toEqual(Buffer.from(pdf))
    expect((await download(people.partner.cookie)).status).toBe(404)
    expect((await download(people.viewer.cookie)).status).toBe(404)

    const refused = await callRoute<Outcome>(
      deliverablePage.action,
      upload(
        url,
        { name: 'program.pdf', bytes: new Uint8Array(Buffer.from('MZ\u0090\u0000binary')) },
        people.owner.cookie,
      ),
      { id: periodId, deliverableId: steering.id },
    )
    expect(refused).toMatchObject({
      status: 400,
      body: { kind: 'fileError', error: 'meetingFollowUp.documents.error.content' },
    })
    expect(
      (await openDeliverable(people.coordinator.cookie, steering.id)).body!.documents.map((d) => d.filename),
    ).toEqual(['Styrdokument antaget.pdf'])
    expect(
      (await calendar(people.coordinator.cookie)).body!.entries.find((entry) => entry.id === steering.id)!
        .documentCount,
    ).toBe(1)

    const removed = await postDeliverable(people.owner.cookie, steering.id, {
      intent: 'removeDocument',
      documentId: stored!.id,
    })
    expect(removed.body).toEqual({ kind: 'saved', what: 'documentRemoved' })
    expect((await download(people.coordinator.cookie)).status).toBe(404)
    const entries = await db
      .select({ action: auditLog.action, changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'mandate_deliverable'), eq(auditLog.entityId, periodId)))
    expect(entries.filter((entry) => entry.action.startsWith('document_'))).toEqual([
      { action: 'document_add', changes: { filename: { before: null, after: 'Styrdokument antaget.pdf' } } },
      { action: 'document_remove', changes: { filename: { before: 'Styrdokument antaget.pdf', after: null } } },
    ])
  })

  it('records a civil-defence milestone as done or not, and refuses notes and documents for it', async () => {
    const milestone = await deliverableOf('civil_defence')
    const page = await openDeliverable(people.coordinator.cookie, milestone.id)
    expect(page.body!.milestone).toBe(true)
    const html = await renderRoute(deliverablePage.default, { loaderData: page.body })
    expect(html).toContain(
      'Här registreras bara att milstolpen är nådd, när och av vem den beslutades. Skriv aldrig in säkerhetsskyddsklassificerade uppgifter.',
    )
    expect(html).not.toContain('name="notes"')
    expect(html).not.toContain('type="file"')
    expect(html).not.toContain('value="in_progress"')
    const fields = {
      intent: 'save',
      version: String(milestone.version),
      title: milestone.title,
      description: milestone.description,
      dueDate: milestone.dueDate!,
      ownerOrganisationId: orgs.municipality,
      state: 'done',
      adoptedBy: 'kommunstyrelsen',
      adoptedOn: '2029-05-20',
      decisionReference: '§ 88',
    }
    const before = await audits()
    const withNotes = await postDeliverable(people.coordinator.cookie, milestone.id, {
      ...fields,
      notes: 'Krigsplacering av …',
    })
    expect(withNotes).toMatchObject({ status: 400, body: { errors: { notes: 'mandateCalendar.milestone.noNotes' } } })
    const withDocument = await callRoute<Outcome>(
      deliverablePage.action,
      upload(
        `${base()}/leveranser/${milestone.id}`,
        { name: 'plan.pdf', bytes: samples.pdf },
        people.coordinator.cookie,
      ),
      { id: periodId, deliverableId: milestone.id },
    )
    expect(withDocument).toMatchObject({
      status: 400,
      body: { kind: 'fileError', error: 'mandateCalendar.milestone.noDocuments' },
    })
    expect(
      await db.select({ n: count() }).from(mandateDocuments).where(eq(mandateDocuments.deliverableId, milestone.id)),
    ).toEqual([{ n: 0 }])
    expect(await audits()).toBe(before)
    expect((await postDeliverable(people.coordinator.cookie, milestone.id, fields)).body).toEqual({
      kind: 'saved',
      what: 'saved',
    })
    const [after] = await db.select().from(mandateDeliverables).where(eq(mandateDeliverables.id, milestone.id))
    expect(after).toMatchObject({ state: 'done', adoptedBy: 'kommunstyrelsen', decisionReference: '§ 88', notes: '' })
  })

  it('shows a partner the calendar only once shared: what, when and state, no notes, people or documents', async () => {
    const layout = (cookie: string) => callRoute(periodLayout.loader, getRequest(base(), cookie), { id: periodId })
    expect((await layout(people.partner.cookie)).status).toBe(404)
    expect((await calendar(people.viewer.cookie)).status).toBe(404)
    expect(
      (await callRoute<{ periods: unknown[] }>(periodList.loader, getRequest('/mandatperiod', people.partner.cookie)))
        .body!.periods,
    ).toEqual([])

    const [period] = await db.select().from(mandatePeriods).where(eq(mandatePeriods.id, periodId))
    const settings = (fields: Record<string, string>) =>
      callRoute<Outcome>(settingsPage.action, postForm(`${base()}/installningar`, fields, people.coordinator.cookie), {
        id: periodId,
      })
    // Saved as it was loaded: a new version, no entry in the log.
    const unchanged = {
      intent: 'save',
      version: String(period!.version),
      title: period!.title,
      trainingValidMonths: '24',
    }
    expect((await settings(unchanged)).body).toEqual({ kind: 'saved', what: 'settings' })
    const periodUpdates = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'mandate_period'), eq(auditLog.action, 'update')))
    expect(periodUpdates).toEqual([{ n: 0 }])
    const stale = await settings({ intent: 'share', version: String(period!.version) })
    expect(stale).toMatchObject({ status: 409, body: { errors: { _form: 'mandateCalendar.conflict' } } })
    expect(await audits('share')).toBe(0)
    expect((await settings({ intent: 'share', version: String(period!.version + 1) })).body).toEqual({
      kind: 'saved',
      what: 'shared',
    })
    expect(await audits('share')).toBe(1)
    expect(
      (
        await callRoute(settingsPage.loader, getRequest(`${base()}/installningar`, people.partner.cookie), {
          id: periodId,
        })
      ).status,
    ).toBe(404)

    const partnerLayout = await layout(people.partner.cookie)
    expect(partnerLayout.status).toBe(200)
    const header = await renderRoute(periodLayout.default, { loaderData: partnerLayout.body })
    expect(header).toContain('<h1>Mandatperiod 2027–2030</h1>')
    expect(header).toContain('Kalendern delad med partnerna')
    expect(header).toContain('>Årshjul</a>')
    expect(header).not.toContain('Utskrift')
    const coordinatorHeader = await renderRoute(periodLayout.default, {
      loaderData: (await layout(people.coordinator.cookie)).body,
    })
    for (const section of ['Övningsplan', 'Ersättning', 'Utskrift', 'Inställningar'])
      expect(coordinatorHeader).toContain(`>${section}</a>`)
    const shared = await calendar(people.viewer.cookie)
    expect(shared.body!.full).toBe(false)
    const steering = shared.body!.entries.find((entry) => entry.kind === 'steering_document')!
    expect(steering).toMatchObject<Partial<CalendarEntry>>({
      shown: 'done',
      ownerName: null,
      ownerOrganisationName: 'Vårgårda kommun',
      decision: null,
      documentCount: null,
      opens: false,
    })
    const body = JSON.stringify(shared.body)
    expect(body).not.toContain('Intern anteckning')
    expect(body).not.toContain('Olle Ägare')
    const html = await renderRoute(calendarPage.default, { loaderData: shared.body })
    expect(html).not.toContain('/leveranser/')
    expect(html).not.toContain('Lägg till leverans')
    expect(html).toContain('Antagen/skickad')
    expect((await openDeliverable(people.partner.cookie, steering.id)).status).toBe(404)
    expect(
      (await callRoute(printPage.loader, getRequest(`${base()}/utskrift`, people.partner.cookie), { id: periodId }))
        .status,
    ).toBe(404)
    const list = await callRoute<{ periods: { id: string; shared: boolean }[] }>(
      periodList.loader,
      getRequest('/mandatperiod', people.partner.cookie),
    )
    expect(list.body!.periods.map((row) => [row.id, row.shared])).toEqual([[periodId, true]])
    const listHtml = await renderRoute(periodList.default, { loaderData: list.body })
    expect(listHtml).toContain('Kalendern delad med partnerna')
    expect(listHtml).not.toContain('Ny mandatperiod')
    const settingsHtml = await renderRoute(settingsPage.default, {
      loaderData: (
        await callRoute(settingsPage.loader, getRequest(`${base()}/installningar`, people.coordinator.cookie), {
          id: periodId,
        })
      ).body,
    })
    expect(settingsHtml).toContain('Sluta dela kalendern')
    expect(settingsHtml).toContain('name="trainingValidMonths"')
  })

  it("reads the RSA's state from the RSA pages: started, assessments submitted, results shared, followed up", async () => {
    const rsaRow = async () =>
      (await calendar(people.coordinator.cookie)).body!.entries.find((entry) => entry.kind === 'rsa')!
    const analysis = await createAnalysis(db, {
      actorId: people.coordinator.id,
      organisationId: orgs.municipality,
      title: 'RSA 2027–2030',
      periodStart: 2027,
      periodEnd: 2030,
      organisationIds: [orgs.energy],
      networkId: null,
    })
    const events = await listEvents(db, analysis.id)
    expect(events.length).toBeGreaterThan(1)
    const started = await rsaRow()
    expect(started.rsa).toEqual({ kind: 'progress', submitted: 0, expected: events.length })
    expect(started.shown).not.toBe('done')
    await makeRsaAnswer(db, { eventId: events[0]!.id, organisationId: orgs.energy })
    await makeRsaAnswer(db, { eventId: events[1]!.id, organisationId: orgs.energy, state: 'draft' })
    expect((await rsaRow()).rsa).toEqual({ kind: 'progress', submitted: 1, expected: events.length })
    const html = await renderRoute(calendarPage.default, {
      loaderData: (await calendar(people.coordinator.cookie)).body,
    })
    expect(html).toContain(`Pågår: 1 av ${events.length} bedömningar inlämnade`)
    expect(html).toContain(`href="/rsa/${analysis.id}"`)

    await db
      .update(rsaAnalyses)
      .set({ resultsSharedAt: new Date('2027-10-12T09:00:00Z') })
      .where(eq(rsaAnalyses.id, analysis.id))
    expect(await rsaRow()).toMatchObject({ shown: 'done', rsa: { kind: 'shared', on: '2027-10-12' } })
    await db
      .insert(rsaFollowUps)
      .values({ analysisId: analysis.id, year: 2028, snapshot: [], createdAt: new Date('2028-09-30T10:00:00Z') })
    const followUps = (await calendar(people.coordinator.cookie)).body!.entries.filter(
      (entry) => entry.kind === 'rsa_follow_up',
    )
    expect(followUps.map((entry) => [entry.dueDate, entry.shown === 'done', entry.rsa])).toEqual([
      ['2028-10-31', true, { kind: 'followedUp', on: '2028-09-30' }],
      ['2029-10-31', false, { kind: 'notFollowedUp' }],
      ['2030-10-31', false, { kind: 'notFollowedUp' }],
    ])
    // The state of the RSA is not typed: its form does not offer it, and a posted state is left alone.
    const rsa = await deliverableOf('rsa')
    const page = await openDeliverable(people.coordinator.cookie, rsa.id)
    const form = await renderRoute(deliverablePage.default, { loaderData: page.body })
    expect(form).not.toContain('name="state"')
    expect(form).toContain('Statusen läses från RSA-sidorna')
    await postDeliverable(people.coordinator.cookie, rsa.id, {
      intent: 'save',
      version: String(rsa.version),
      title: rsa.title,
      description: rsa.description,
      dueDate: rsa.dueDate!,
      ownerOrganisationId: orgs.municipality,
      state: 'not_started',
      notes: 'Workshop i september',
    })
    const [after] = await db.select().from(mandateDeliverables).where(eq(mandateDeliverables.id, rsa.id))
    expect(after).toMatchObject({ state: rsa.state, notes: 'Workshop i september' })
  })

  it('adds a deliverable of its own and removes it only after a confirmation', async () => {
    const added = await callRoute(
      newDeliverablePage.action,
      postForm(
        `${base()}/leveranser/ny`,
        {
          kind: 'other',
          title: 'Lokal plan för värmestugor',
          description: '',
          year: '',
          dueDate: '2028-11-30',
          ownerOrganisationId: orgs.municipality,
        },
        people.coordinator.cookie,
      ),
      { id: periodId },
    )
    expect(added.status).toBe(302)
    const id = added.location!.split('/').pop()!
    const [created] = await db.select().from(mandateDeliverables).where(eq(mandateDeliverables.id, id))
    expect(created).toMatchObject({
      title: 'Lokal plan för värmestugor',
      dueDate: '2028-11-30',
      ownerOrganisationId: orgs.municipality,
    })
    const bad = await callRoute<Outcome>(
      newDeliverablePage.action,
      postForm(
        `${base()}/leveranser/ny`,
        { kind: 'other', title: '', dueDate: '2028-13-01', ownerUserId: orgs.energy },
        people.coordinator.cookie,
      ),
      { id: periodId },
    )
    expect(bad.status).toBe(400)
    const newForm = await callRoute(
      newDeliverablePage.loader,
      getRequest(`${base()}/leveranser/ny`, people.coordinator.cookie),
      {
        id: periodId,
      },
    )
    // The period's municipality owns a new deliverable unless the coordinator chooses otherwise.
    expect(await renderRoute(newDeliverablePage.default, { loaderData: newForm.body })).toContain('Vårgårda kommun')
    const refusedForm = await renderRoute(newDeliverablePage.default, {
      loaderData: newForm.body,
      actionData: bad.body,
    })
    expect(refusedForm).toContain('Skriv ett datum som ÅÅÅÅ-MM-DD.')
    expect(refusedForm).toContain('Fyll i fältet.')
    expect(bad.body!.errors).toEqual({
      title: 'validation.required',
      dueDate: 'validation.date',
      ownerUserId: 'validation.choose',
    })

    const asked = await postDeliverable(people.coordinator.cookie, id, {
      intent: 'delete',
      version: String(created!.version),
    })
    expect(asked.body).toEqual({ kind: 'confirmDelete', version: String(created!.version) })
    expect(await db.select({ n: count() }).from(mandateDeliverables).where(eq(mandateDeliverables.id, id))).toEqual([
      { n: 1 },
    ])
    const html = await renderRoute(deliverablePage.default, {
      loaderData: (await openDeliverable(people.coordinator.cookie, id)).body,
      actionData: asked.body,
    })
    expect(html).toContain('value="confirmDelete"')
    expect(
      (await postDeliverable(people.owner.cookie, id, { intent: 'confirmDelete', version: String(created!.version) }))
        .status,
    ).toBe(404)
    expect(
      (await postDeliverable(people.coordinator.cookie, id, { intent: 'confirmDelete', version: '99' })).status,
    ).toBe(409)
    const removed = await postDeliverable(people.coordinator.cookie, id, {
      intent: 'confirmDelete',
      version: String(created!.version),
    })
    expect(removed).toMatchObject({ status: 302, location: base() })
    expect(await db.select({ n: count() }).from(mandateDeliverables).where(eq(mandateDeliverables.id, id))).toEqual([
      { n: 0 },
    ])
    expect(await audits('delete')).toBe(1)
  })

  it('keeps the settings in range and audits every kind of write under the period', async () => {
    const [period] = await db.select().from(mandatePeriods).where(eq(mandatePeriods.id, periodId))
    const settings = (fields: Record<string, string>) =>
      callRoute<Outcome>(settingsPage.action, postForm(`${base()}/installningar`, fields, people.coordinator.cookie), {
        id: periodId,
      })
    const wrong = await settings({
      intent: 'save',
      version: String(period!.version),
      title: 'Mandatperiod 2027–2030',
      trainingValidMonths: '0',
    })
    expect(wrong).toMatchObject({
      status: 400,
      body: { errors: { trainingValidMonths: 'mandateCalendar.validation.months' } },
    })
    expect(
      (
        await settings({
          intent: 'save',
          version: String(period!.version),
          title: 'Mandatperioden 2027–2030',
          trainingValidMonths: '36',
        })
      ).body,
    ).toEqual({ kind: 'saved', what: 'settings' })
    const rows = await db
      .select({ entity: auditLog.entity, action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, periodId))
    expect(new Set(rows.map((row) => `${row.entity}:${row.action}`))).toEqual(
      new Set([
        'mandate_period:create',
        'mandate_period:share',
        'mandate_period:update',
        'mandate_deliverable:create',
        'mandate_deliverable:update',
        'mandate_deliverable:delete',
        'mandate_deliverable:document_add',
        'mandate_deliverable:document_remove',
      ]),
    )
  })

  it('prints the period: every deliverable with decision and documents, the exercises and trainings held, the RSA', async () => {
    // The period running ten days ago, and the exercises and trainings of that day.
    const day = instantToStockholm(new Date(Date.now() - 10 * 86_400_000)).date
    const at = (time: string) => stockholmToInstant(day, time)!
    const year = Number(day.slice(0, 4))
    const start = 2023 + 4 * Math.floor((year - 2023) / 4)
    const created = await callRoute(
      newPeriodPage.action,
      postForm(
        '/mandatperiod/ny',
        { title: '', startYear: String(start), endYear: String(start + 3), organisationId: orgs.municipality },
        people.coordinator.cookie,
      ),
    )
    const current = created.location!.split('/').pop()!
    const held = await makeMeeting(db, {
      organiserOrganisationId: orgs.municipality,
      kind: 'exercise',
      title: 'Övning central krisledning',
      startsAt: at('09:00'),
      endsAt: at('11:00'),
      evaluationSharedAt: new Date(Date.now() - 86_400_000),
    })
    await makeMeeting(db, {
      organiserOrganisationId: orgs.municipality,
      kind: 'training',
      title: 'Inställd TiB-utbildning',
      state: 'cancelled',
      startsAt: at('13:00'),
      endsAt: at('14:00'),
    })
    await makeMeeting(db, {
      organiserOrganisationId: orgs.energy,
      kind: 'training',
      title: 'Någon annans utbildning',
      startsAt: at('13:00'),
      endsAt: at('15:00'),
    })
    const exercise = await makeEvent(db, { title: 'Övning Elavbrott', startedAt: at('10:00'), endedAt: at('16:00') })
    await db.insert(eventEvaluations).values({ eventId: exercise.id, sharedAt: new Date(Date.now() - 86_400_000) })

    const print = await callRoute<Awaited<ReturnType<typeof printPage.loader>>>(
      printPage.loader,
      getRequest(`/mandatperiod/${current}/utskrift`, people.dutyOfficer.cookie),
      { id: current },
    )
    expect(print.status).toBe(200)
    const { overview } = print.body!
    expect(overview.deliverables).toHaveLength(defaultDeliverables(start, start + 3).length)
    expect(overview.meetings.map((meeting) => [meeting.id, meeting.evaluated])).toEqual([[held.id, true]])
    expect(overview.events.map((event) => [event.title, event.evaluated])).toEqual([['Övning Elavbrott', true]])
    expect(overview.rsa.followUps.map((followUp) => followUp.year)).toEqual([start + 1, start + 2, start + 3])
    const html = await renderRoute(printPage.default, { loaderData: print.body })
    expect(html).toContain('Övning central krisledning')
    expect(html).toContain('Övning i händelserummet')
    expect(html).not.toContain('Inställd TiB-utbildning')
    expect(html).toContain('<thead>')

    // The first period's overview names its documents.
    const steering = await deliverableOf('steering_document')
    await callRoute(
      deliverablePage.action,
      upload(
        `${base()}/leveranser/${steering.id}`,
        { name: 'Protokoll KF § 23.pdf', bytes: samples.pdf },
        people.coordinator.cookie,
      ),
      { id: periodId, deliverableId: steering.id },
    )
    const first = await callRoute<Awaited<ReturnType<typeof printPage.loader>>>(
      printPage.loader,
      getRequest(`${base()}/utskrift`, people.coordinator.cookie),
      { id: periodId },
    )
    expect(first.body!.overview.deliverables.find((row) => row.id === steering.id)).toMatchObject({
      documents: ['Protokoll KF § 23.pdf'],
      decisionReference: '§ 23',
    })
    expect(first.body!.overview.rsa.analysis).toMatchObject({ sharedOn: '2027-10-12' })
  })
})
