import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provideDatabase } from '../../app/db/app-db.server'
import type { Database, DatabaseHandle } from '../../app/db/client.server'
import { auditLog } from '../../app/db/schema/audit'
import { eventLogEntries, eventOrganisations, events, eventStatusReports } from '../../app/db/schema/events'
import { createStatusLink } from '../../app/modules/events/status-links.server'
import { latestReports, reportHistory } from '../../app/modules/events/status-reports.server'
import * as reportInPortal from '../../app/routes/handelser+/$id.rapportera'
import * as reportByLink from '../../app/routes/lagesrapport.$token'
import { makeEvent } from '../support/event-factories'
import { getRequest, makeOrganisation, makeService, makeUser, signedIn } from '../support/factories'
import { renderRoute } from '../support/render-route'
import { callRoute, postForm } from '../support/route-call'
import { createTestDatabase } from '../support/test-db'

// Status reports through the portal and through a status link: a partner
// reports only for its own taking-part organisation, a link files for its
// organisation whatever the form says and stops with the event or the
// organisation's part in it, and every report is kept as history.

type ReportPage = { services: { id: string; values: { status: string; backupHoursLeft: string } }[] }
type Saved = { saved: { at: string; count: number } | null; errors: Record<string, string> }

describe('status reports', () => {
  let handle: DatabaseHandle
  let db: Database
  const ids = { solor: '', other: '', heat: '', steam: '', foreign: '' }
  let editor: string
  let otherEditor: string

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    db = handle.db
    ids.solor = (await makeOrganisation(db, { name: 'Solör Bioenergi', kind: 'energy' })).id
    ids.other = (await makeOrganisation(db, { name: 'Annat bolag' })).id
    ids.heat = (await makeService(db, { organisationId: ids.solor, name: 'Fjärrvärme Solör', sector: 'energy' })).id
    ids.steam = (await makeService(db, { organisationId: ids.solor, name: 'Ånga', sector: 'energy' })).id
    ids.foreign = (await makeService(db, { organisationId: ids.other, name: 'Annans verksamhet' })).id
    const person = async (organisationId: string) =>
      (await signedIn(db, (await makeUser(db, { role: 'partner_editor', organisationId })).id)).cookie
    editor = await person(ids.solor)
    otherEditor = await person(ids.other)
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  /** One row of the form, at the index the page gives the service (services by name: Fjärrvärme, Ånga). */
  const row = (serviceId: string, status: string, extra: Record<string, string> = {}) =>
    Object.fromEntries(
      Object.entries({ serviceId, status, backupHoursLeft: '', note: '', ...extra }).map(([field, value]) => [
        `services[${serviceId === ids.steam ? 1 : 0}].${field}`,
        value,
      ]),
    )

  const portalPost = (eventId: string, fields: Record<string, string>, cookie = editor) =>
    callRoute<Saved>(reportInPortal.action, postForm(`/handelser/${eventId}/rapportera`, fields, cookie), {
      id: eventId,
    })

  const reportsOf = (eventId: string) =>
    db.select().from(eventStatusReports).where(eq(eventStatusReports.eventId, eventId))

  it("lets a partner editor report only its own taking-part organisation's services", async () => {
    const event = await makeEvent(db, { organisationIds: [ids.solor] })
    const page = await callRoute<ReportPage>(
      reportInPortal.loader,
      getRequest(`/handelser/${event.id}/rapportera`, editor),
      { id: event.id },
    )
    expect(page.body?.services.map((service) => service.id).sort()).toEqual([ids.heat, ids.steam].sort())

    const saved = await portalPost(event.id, {
      organisationId: ids.solor,
      ...row(ids.heat, 'backup', { backupHoursLeft: '10' }),
    })
    expect(saved.status).toBe(200)
    expect(saved.body?.saved?.count).toBe(1)
    const [report] = await reportsOf(event.id)
    expect(report).toMatchObject({ serviceId: ids.heat, status: 'backup', backupHoursLeft: 10, via: 'portal' })
    // The server's clock, not the client's.
    expect(Math.abs(report!.reportedAt.getTime() - Date.now())).toBeLessThan(60_000)
    const [entry] = await db.select().from(eventLogEntries).where(eq(eventLogEntries.eventId, event.id))
    expect(entry).toMatchObject({
      kind: 'status_report',
      text: 'Fjärrvärme Solör: På reserv, 10 h kvar',
      organisationId: ids.solor,
    })
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, event.id), eq(auditLog.entity, 'event_status_report')))
    expect(audits).toHaveLength(1)

    // Another organisation's form, another organisation's service, a bad value: refused, nothing stored.
    expect((await portalPost(event.id, { organisationId: ids.other, ...row(ids.foreign, 'failed') })).status).toBe(403)
    expect((await portalPost(event.id, { organisationId: ids.solor, ...row(ids.foreign, 'failed') })).status).toBe(403)
    const invalid = await portalPost(event.id, { organisationId: ids.solor, ...row(ids.steam, 'backup') })
    expect([invalid.status, invalid.body?.errors['services[1].backupHoursLeft']]).toEqual([
      400,
      'eventReport.error.backupHoursRequired',
    ])
    expect(await reportsOf(event.id)).toHaveLength(1)

    // An organisation that does not take part does not even see the event.
    const outsider = await callRoute(
      reportInPortal.loader,
      getRequest(`/handelser/${event.id}/rapportera`, otherEditor),
      {
        id: event.id,
      },
    )
    expect(outsider.status).toBe(404)
    expect(
      (await portalPost(event.id, { organisationId: ids.other, ...row(ids.foreign, 'failed') }, otherEditor)).status,
    ).toBe(404)
  })

  it('keeps every report as history: the latest wins, the database refuses a change', async () => {
    const event = await makeEvent(db, { organisationIds: [ids.solor] })
    await portalPost(event.id, { organisationId: ids.solor, ...row(ids.heat, 'backup', { backupHoursLeft: '10' }) })
    const unchanged = await portalPost(event.id, {
      organisationId: ids.solor,
      ...row(ids.heat, 'backup', { backupHoursLeft: '10,0' }),
    })
    expect([unchanged.status, unchanged.body?.errors._form]).toEqual([400, 'eventReport.error.noChange'])
    await portalPost(event.id, { organisationId: ids.solor, ...row(ids.heat, 'failed') })

    const history = await reportHistory(db, event.id, ids.heat)
    expect(history.map((report) => report.status)).toEqual(['failed', 'backup'])
    expect((await latestReports(db, event.id, ids.solor)).get(ids.heat)?.status).toBe('failed')
    const page = await callRoute<ReportPage>(
      reportInPortal.loader,
      getRequest(`/handelser/${event.id}/rapportera`, editor),
      { id: event.id },
    )
    expect(page.body?.services.find((service) => service.id === ids.heat)?.values.status).toBe('failed')
    await expect(
      db.update(eventStatusReports).set({ note: 'ändrad' }).where(eq(eventStatusReports.eventId, event.id)),
    ).rejects.toThrow()
    await expect(db.delete(eventStatusReports).where(eq(eventStatusReports.eventId, event.id))).rejects.toThrow()
  })

  it("files by link without a session, for the link's organisation whatever the form says", async () => {
    const event = await makeEvent(db, { organisationIds: [ids.solor, ids.other] })
    const token = await createStatusLink(db, event.id, ids.solor)
    const opened = await callRoute<{ found: { organisationName: string; event: { kind: string } } | null }>(
      reportByLink.loader,
      getRequest(`/lagesrapport/${token}`),
      { token },
    )
    expect(opened.status).toBe(200)
    expect(opened.body?.found).toMatchObject({ organisationName: 'Solör Bioenergi', event: { kind: 'exercise' } })
    expect(reportByLink.headers({} as never)).toMatchObject({
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
    })

    const post = (fields: Record<string, string>) =>
      callRoute<Saved>(reportByLink.action, postForm(`/lagesrapport/${token}`, fields), { token })
    const saved = await post({ organisationId: ids.other, ...row(ids.heat, 'degraded', { note: 'Halv effekt' }) })
    expect(saved.status).toBe(200)
    const [report] = await reportsOf(event.id)
    expect(report).toMatchObject({ organisationId: ids.solor, status: 'degraded', reportedBy: null, via: 'link' })
    const [entry] = await db.select().from(eventLogEntries).where(eq(eventLogEntries.eventId, event.id))
    expect(entry?.authorName).toBe('Solör Bioenergi (via statuslänk)')
    // A refused post: the message beside its field, the rest of the input kept, on a page marked ÖVNING.
    const refused = await post(row(ids.steam, 'backup', { note: 'Reservkraft startad' }))
    expect(refused.status).toBe(400)
    const html = await renderRoute(reportByLink.default, { loaderData: opened.body, actionData: refused.body })
    expect(html).toContain('ÖVNING – detta är en övning')
    expect(html).toContain('Fyll i hur många timmar reserven räcker.')
    expect(html).toMatch(/name="services\[1\]\.backupHoursLeft" aria-invalid="true"/)
    expect(html).toContain('>Reservkraft startad</textarea>')
    // The other organisation's service is not the link's to report.
    expect((await post({ organisationId: ids.other, ...row(ids.foreign, 'failed') })).status).toBe(403)
    expect(await reportsOf(event.id)).toHaveLength(1)
    // An unknown link is a 404 page, not an error.
    const unknown = await callRoute(reportByLink.loader, getRequest('/lagesrapport/finnsinte234'), {
      token: 'finnsinte234',
    })
    expect(unknown.status).toBe(404)
  })

  it('closes a link when the event ends or the organisation leaves it', async () => {
    const open = (token: string) => callRoute(reportByLink.loader, getRequest(`/lagesrapport/${token}`), { token })
    const post = (token: string) =>
      callRoute(reportByLink.action, postForm(`/lagesrapport/${token}`, row(ids.heat, 'failed')), { token })

    const ending = await makeEvent(db, { organisationIds: [ids.solor] })
    const endingToken = await createStatusLink(db, ending.id, ids.solor)
    expect((await open(endingToken)).status).toBe(200)
    await db.update(events).set({ endedAt: new Date() }).where(eq(events.id, ending.id))
    expect((await open(endingToken)).status).toBe(404)
    expect((await post(endingToken)).status).toBe(404)
    // Nor does the portal take a report after the end.
    expect((await portalPost(ending.id, { organisationId: ids.solor, ...row(ids.heat, 'failed') })).status).toBe(409)

    const leaving = await makeEvent(db, { organisationIds: [ids.solor] })
    const leavingToken = await createStatusLink(db, leaving.id, ids.solor)
    await db.delete(eventOrganisations).where(eq(eventOrganisations.eventId, leaving.id))
    expect((await open(leavingToken)).status).toBe(404)
    expect((await post(leavingToken)).status).toBe(404)
    expect(await reportsOf(ending.id)).toHaveLength(0)
    expect(await reportsOf(leaving.id)).toHaveLength(0)
  })
})
