import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provideDatabase } from '../../app/db/app-db.server'
import type { Database, DatabaseHandle } from '../../app/db/client.server'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { eventEvaluationFindings, eventLogEntries, events } from '../../app/db/schema/events'
import { countEvaluatedExercises } from '../../app/modules/events/evaluation.server'
import { createAnalysis } from '../../app/modules/rsa/analyses.server'
import { listMeasures } from '../../app/modules/rsa/measures.server'
import * as evaluationPage from '../../app/routes/handelser+/$id.utvardering'
import * as evaluationPdf from '../../app/routes/handelser+/$id.utvardering[.pdf]'
import * as eventList from '../../app/routes/handelser+/_index'
import { makeEvent } from '../support/event-factories'
import { getRequest, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { pdfPages } from '../support/pdf-text'
import { renderRoute } from '../support/render-route'
import { callRoute, postForm } from '../support/route-call'
import { createTestDatabase } from '../support/test-db'

type Page = Awaited<ReturnType<typeof evaluationPage.loader>>
type Outcome = {
  kind: string
  what?: string
  error?: string
  errors?: Record<string, string>
  values?: Record<string, string>
}

describe('the evaluation after an event or exercise', () => {
  let handle: DatabaseHandle
  let db: Database
  const orgs = { municipality: '', energy: '', housing: '', outside: '' }
  const cookies = {} as Record<
    'coordinator' | 'energyEditor' | 'housingEditor' | 'energyViewer' | 'outsideEditor',
    string
  >
  let coordinatorId = ''
  let eventId = ''
  let analysisId = ''
  const url = () => `/handelser/${eventId}/utvardering`

  const page = async (cookie: string) =>
    callRoute<Page>(evaluationPage.loader, getRequest(url(), cookie), { id: eventId })
  const post = async (cookie: string, fields: Record<string, string>) =>
    callRoute<Outcome>(evaluationPage.action, postForm(url(), fields, cookie), { id: eventId })
  const pdf = async (cookie: string) =>
    callRoute(evaluationPdf.loader, getRequest(`${url()}.pdf`, cookie), { id: eventId })
  const render = async (cookie: string, actionData?: unknown) =>
    renderRoute(evaluationPage.default, { loaderData: (await page(cookie)).body, actionData })
  const ratings = { 'q.alerting': '4', 'q.picture': '3', 'q.coordination': '5', 'q.information': '2', 'q.roles': '4' }

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    db = handle.db
    orgs.municipality = (await makeOrganisation(db, { name: 'Vårgårda kommun', kind: 'municipality' })).id
    orgs.energy = (await makeOrganisation(db, { name: 'Solör Bioenergi', kind: 'energy' })).id
    orgs.housing = (await makeOrganisation(db, { name: 'Vårgårda Bostäder', kind: 'municipal_company' })).id
    orgs.outside = (await makeOrganisation(db, { name: 'Borås stad', kind: 'municipality' })).id
    const person = async (role: Role, organisationId: string) => {
      const made = await makeUser(db, { role, organisationId })
      return { id: made.id, cookie: (await signedIn(db, made.id)).cookie }
    }
    const coordinator = await person('coordinator', orgs.municipality)
    coordinatorId = coordinator.id
    cookies.coordinator = coordinator.cookie
    cookies.energyEditor = (await person('partner_editor', orgs.energy)).cookie
    cookies.housingEditor = (await person('partner_editor', orgs.housing)).cookie
    cookies.energyViewer = (await person('viewer', orgs.energy)).cookie
    cookies.outsideEditor = (await person('partner_editor', orgs.outside)).cookie
    const event = await makeEvent(db, {
      title: 'Övning Elavbrott',
      organisationIds: [orgs.municipality, orgs.energy, orgs.housing],
    })
    eventId = event.id
    await db.insert(eventLogEntries).values([
      { eventId, kind: 'observation', text: 'Syns inte i tidslinjen', createdAt: new Date(Date.now() - 3_000_000) },
      { eventId, kind: 'decision', text: 'Stabsläge beslutat', createdAt: new Date(Date.now() - 2_000_000) },
      {
        eventId,
        kind: 'status_report',
        text: 'Fjärrvärme: På reserv',
        organisationId: orgs.energy,
        createdAt: new Date(Date.now() - 1_000_000),
      },
    ])
    analysisId = (
      await createAnalysis(db, {
        actorId: coordinatorId,
        organisationId: orgs.municipality,
        title: 'RSA 2027–2030',
        periodStart: 2027,
        periodEnd: 2030,
        organisationIds: [],
        networkId: null,
      })
    ).id
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  it('cannot be opened before the event has ended, then the coordinator opens it once', async () => {
    const early = await post(cookies.coordinator, { intent: 'open' })
    expect(early.status).toBe(409)
    expect(early.body).toMatchObject({ kind: 'refused', error: 'notEnded' })
    await db
      .update(events)
      .set({ endedAt: new Date(Date.now() - 60_000) })
      .where(eq(events.id, eventId))
    expect((await post(cookies.energyEditor, { intent: 'open' })).status).toBe(403)
    expect((await post(cookies.coordinator, { intent: 'open' })).body).toEqual({ kind: 'saved', what: 'open' })
    expect((await post(cookies.coordinator, { intent: 'open' })).body).toMatchObject({ error: 'exists' })
    const led = (await page(cookies.coordinator)).body!
    expect(led.readsReport).toBe(true)
    // Only decisions, status changes, call-outs, level changes, reports sent and the end, in order.
    expect(led.timeline.map((item) => item.kind)).toEqual(['decision', 'status_report'])
  })

  it('is not found for a user outside the event, and hidden from readers until it is shared', async () => {
    expect((await page(cookies.outsideEditor)).status).toBe(404)
    expect((await pdf(cookies.outsideEditor)).status).toBe(404)
    expect((await post(cookies.outsideEditor, { intent: 'answer', organisationId: orgs.outside })).status).toBe(404)
    const reader = (await page(cookies.energyViewer)).body!
    expect(reader).toMatchObject({ readsReport: false, timeline: [], findings: [], answering: [] })
    expect((await pdf(cookies.energyViewer)).status).toBe(404)
    expect((await pdf(cookies.coordinator)).status).toBe(200)
  })

  it('lets each taking-part organisation answer for itself and not for another', async () => {
    const forOther = await post(cookies.energyEditor, {
      intent: 'answer',
      organisationId: orgs.housing,
      version: '0',
      ...ratings,
    })
    expect(forOther.status).toBe(403)
    const missing = await post(cookies.energyEditor, {
      intent: 'answer',
      organisationId: orgs.energy,
      version: '0',
      worked: 'Larmet gick fort',
    })
    expect(missing.status).toBe(400)
    expect(missing.body?.errors).toMatchObject({ alerting: 'eventEvaluation.error.chooseRating' })
    expect(missing.body?.values?.worked).toBe('Larmet gick fort')
    const energy = await post(cookies.energyEditor, {
      intent: 'answer',
      organisationId: orgs.energy,
      version: '0',
      ...ratings,
      worked: 'Larmet gick fort',
      didNotWork: 'Reservkraften räckte inte',
      change: 'Öva bränslelogistik',
    })
    expect(energy.body).toEqual({ kind: 'saved', what: 'answer' })
    // A stale version (a second "new" answer) is a conflict, not a second row.
    expect(
      (await post(cookies.energyEditor, { intent: 'answer', organisationId: orgs.energy, version: '0', ...ratings }))
        .status,
    ).toBe(409)
    const housing = await post(cookies.housingEditor, {
      intent: 'answer',
      organisationId: orgs.housing,
      version: '0',
      ...ratings,
      'q.roles': '2',
      didNotWork: 'Boende nåddes sent',
    })
    expect(housing.body).toEqual({ kind: 'saved', what: 'answer' })
    const energyPage = (await page(cookies.energyEditor)).body!
    expect(energyPage.answering.map((org) => org.id)).toEqual([orgs.energy])
    expect(energyPage.responses.map((response) => response.organisationId)).toEqual([orgs.energy])
    const editorHtml = await render(cookies.energyEditor, missing.body)
    expect(editorHtml).toContain('Svar för Solör Bioenergi')
    expect(editorHtml).toContain('<legend>Larmning och uppstart fungerade.</legend>')
    expect(editorHtml).toContain('Välj ett värde från 1 till 5.')
    expect(editorHtml).toContain('En utvärdering pågår.')
    expect(editorHtml).not.toContain('Tidslinje')
    const led = (await page(cookies.coordinator)).body!
    expect(led.responses.map((response) => response.organisationName)).toEqual(['Solör Bioenergi', 'Vårgårda Bostäder'])
  })

  it('turns a finding into an RSA measure with an owner in the analysis action plan', async () => {
    expect(
      (await post(cookies.energyEditor, { intent: 'finding', organisationId: orgs.energy, text: 'x' })).status,
    ).toBe(403)
    const added = await post(cookies.coordinator, {
      intent: 'finding',
      organisationId: orgs.energy,
      text: 'Reservkraften vid Čuonjávvi pumpstation saknade bränsle',
    })
    expect(added.body).toEqual({ kind: 'saved', what: 'finding' })
    const [finding] = await db
      .select()
      .from(eventEvaluationFindings)
      .where(eq(eventEvaluationFindings.eventId, eventId))
    const leaderHtml = await render(cookies.coordinator)
    for (const text of [
      'Tidslinje',
      'Gör till åtgärd i RSA',
      'Ansvarig organisation',
      'Dela med de deltagande organisationerna',
    ])
      expect(leaderHtml).toContain(text)
    const badOwner = await post(cookies.coordinator, {
      intent: 'measure',
      findingId: finding!.id,
      title: 'Bränsleavtal',
      ownerOrganisationId: orgs.outside,
      dueDate: '2027-06-31',
    })
    expect(badOwner.status).toBe(400)
    expect(badOwner.body?.errors).toMatchObject({
      ownerOrganisationId: 'validation.choose',
      dueDate: 'eventEvaluation.error.date',
    })
    const made = await post(cookies.coordinator, {
      intent: 'measure',
      findingId: finding!.id,
      title: 'Bränsleavtal för reservkraft',
      ownerOrganisationId: orgs.energy,
      dueDate: '2027-06-30',
    })
    expect(made.body).toEqual({ kind: 'saved', what: 'measure' })
    const plan = await listMeasures(db, analysisId)
    expect(plan).toMatchObject([
      {
        title: 'Bränsleavtal för reservkraft',
        ownerOrganisationId: orgs.energy,
        ownerName: 'Solör Bioenergi',
        dueDate: '2027-06-30',
      },
    ])
    const [after] = await db.select().from(eventEvaluationFindings).where(eq(eventEvaluationFindings.id, finding!.id))
    expect(after!.rsaMeasureId).toBe(plan[0]!.id)
    const again = await post(cookies.coordinator, {
      intent: 'measure',
      findingId: finding!.id,
      title: 'Igen',
      ownerOrganisationId: orgs.energy,
    })
    expect(again.body).toMatchObject({ error: 'alreadyMeasure' })
    const audited = await db
      .select({ entity: auditLog.entity, action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'rsa_measure'), eq(auditLog.userId, coordinatorId)))
    expect(audited).toEqual([{ entity: 'rsa_measure', action: 'create' }])
  })

  it('is shared with the taking-part organisations, who then read the report and its PDF', async () => {
    const { version } = (await page(cookies.coordinator)).body!.evaluation!
    const summary = await post(cookies.coordinator, {
      intent: 'summary',
      version: String(version),
      worked: 'Snabb uppstart',
      improve: 'Bränsle till reservkraft',
    })
    expect(summary.body).toEqual({ kind: 'saved', what: 'summary' })
    expect((await post(cookies.coordinator, { intent: 'share', version: String(version) })).status).toBe(409)
    expect((await post(cookies.coordinator, { intent: 'share', version: String(version + 1) })).body).toEqual({
      kind: 'saved',
      what: 'share',
    })
    const reader = (await page(cookies.energyViewer)).body!
    expect(reader.readsReport).toBe(true)
    expect(reader.findings.map((finding) => finding.measureTitle)).toEqual(['Bränsleavtal för reservkraft'])
    const file = await pdf(cookies.energyViewer)
    expect(file.status).toBe(200)
    expect(file.response!.headers.get('Content-Type')).toBe('application/pdf')
    const text = (await pdfPages(new Uint8Array(await file.response!.arrayBuffer()))).join(' ')
    for (const expected of [
      'ÖVNING',
      'Utvärdering: Övning Elavbrott',
      'Tidslinje',
      'Organisationernas svar',
      'Iakttagelser',
      'Sammanfattning',
      'Stabsläge beslutat',
      'Čuonjávvi',
      'Bränsleavtal för reservkraft',
    ])
      expect(text).toContain(expected)
    const audited = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'event_evaluation'), eq(auditLog.entityId, eventId)))
    expect(new Set(audited.map((row) => row.action))).toEqual(
      new Set(['open', 'answer', 'finding', 'finding_to_measure', 'summary', 'share']),
    )
  })

  it('marks the event evaluated in the list and counts it among evaluated exercises', async () => {
    const list = await callRoute<Awaited<ReturnType<typeof eventList.loader>>>(
      eventList.loader,
      getRequest('/handelser', cookies.coordinator),
    )
    expect(list.body!.exercises.find((item) => item.id === eventId)?.evaluated).toBe(true)
    const day = 86_400_000
    expect(await countEvaluatedExercises(db, new Date(Date.now() - day), new Date(Date.now() + day))).toBe(1)
    expect(await countEvaluatedExercises(db, new Date(Date.now() + day), new Date(Date.now() + 2 * day))).toBe(0)
  })
})
