import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provideDatabase } from '../../app/db/app-db.server'
import type { Database, DatabaseHandle } from '../../app/db/client.server'
import { auditLog } from '../../app/db/schema/audit'
import { eventLogEntries, eventSituationReportMailings, type EventRecord } from '../../app/db/schema/events'
import { outbox } from '../../app/db/schema/mail'
import { fileStatusReport } from '../../app/modules/events/status-reports.server'
import * as list from '../../app/routes/handelser+/$id.lagesrapporter'
import * as one from '../../app/routes/handelser+/$id.lagesrapporter_.$number'
import * as pdf from '../../app/routes/handelser+/$id.lagesrapporter_.$number[.pdf]'
import * as txt from '../../app/routes/handelser+/$id.lagesrapporter_.$number[.txt]'
import { makeEvent } from '../support/event-factories'
import { getRequest, makeContactRoute, makeOrganisation, makeService, makeUser, signedIn } from '../support/factories'
import { pdfPages } from '../support/pdf-text'
import { renderRoute } from '../support/render-route'
import { callRoute, postForm } from '../support/route-call'
import { createTestDatabase } from '../support/test-db'

// Situation reports: the draft is pre-filled under the four headings and is
// the leaders'; a stale save is a conflict; frozen reports are numbered,
// readable by the actors, say what changed, print as PDF and text, and mail
// to Länsstyrelsen's and the actors' functional addresses.

type Draft = { values: Record<string, string>; version: number; nextNumber: number }
type ListPage = { reports: { number: number; sentTo: string[] }[]; draft: Draft | null }
type DraftResult = { notice: string; values?: Record<string, string>; version?: number }
type ReportPage = {
  report: {
    number: number
    content: Record<string, string>
    changes: { heading: string; added: string[]; removed: string[] }[] | null
  }
  mail: { recipients: { email: string }[] } | null
}

describe('situation reports', () => {
  let handle: DatabaseHandle
  let db: Database
  let event: EventRecord
  const ids = { municipality: '', solor: '', board: '', service: '', outsider: '' }
  const cookies = { coordinator: '', editor: '', outsider: '' }

  beforeAll(async () => {
    handle = await createTestDatabase()
    provideDatabase(handle)
    db = handle.db
    ids.municipality = (await makeOrganisation(db, { name: 'Vårgårda kommun', kind: 'municipality' })).id
    ids.solor = (await makeOrganisation(db, { name: 'Solör Bioenergi', kind: 'energy' })).id
    ids.board = (await makeOrganisation(db, { name: 'Länsstyrelsen Västra Götaland', kind: 'county_board' })).id
    ids.outsider = (await makeOrganisation(db, { name: 'Annan aktör' })).id
    ids.service = (await makeService(db, { organisationId: ids.solor, name: 'Fjärrvärme Solör' })).id
    await makeContactRoute(db, {
      organisationId: ids.municipality,
      function: 'isk',
      channel: 'phone',
      value: '0322-600 600',
    })
    await makeContactRoute(db, {
      organisationId: ids.solor,
      function: 'isk',
      channel: 'email',
      value: 'ISK@solor.example.org',
    })
    await makeContactRoute(db, {
      organisationId: ids.solor,
      function: 'communications',
      channel: 'email',
      value: 'press@solor.example.org',
    })
    await makeContactRoute(db, {
      organisationId: ids.board,
      function: 'duty_officer',
      channel: 'email',
      value: 'tib@lansstyrelsen.example.org',
    })
    const person = async (role: 'coordinator' | 'partner_editor', organisationId: string) =>
      (await signedIn(db, (await makeUser(db, { role, organisationId })).id)).cookie
    cookies.coordinator = await person('coordinator', ids.municipality)
    cookies.editor = await person('partner_editor', ids.solor)
    cookies.outsider = await person('partner_editor', ids.outsider)
    event = await makeEvent(db, {
      title: 'Stormen Čiekŋa',
      kind: 'exercise',
      organisationIds: [ids.municipality, ids.solor],
    })
  })

  afterAll(async () => {
    provideDatabase(null)
    await handle.close()
  })

  const url = `/handelser/`
  const page = (cookie: string) =>
    callRoute<ListPage>(list.loader, getRequest(`${url}${event.id}/lagesrapporter`, cookie), { id: event.id })
  const post = (fields: Record<string, string>, cookie = cookies.coordinator) =>
    callRoute<DraftResult>(list.action, postForm(`${url}${event.id}/lagesrapporter`, fields, cookie), { id: event.id })
  const report = (number: number, cookie = cookies.coordinator) =>
    callRoute<ReportPage>(one.loader, getRequest(`${url}${event.id}/lagesrapporter/${number}`, cookie), {
      id: event.id,
      number: String(number),
    })
  const report_ = async (status: 'backup' | 'failed') =>
    fileStatusReport(db, {
      eventId: event.id,
      organisationId: ids.solor,
      serviceId: ids.service,
      status,
      backupHoursLeft: status === 'backup' ? 8 : null,
      expectedRestorationAt: null,
      note: '',
      needs: status === 'failed' ? ['fuel'] : [],
      needsOther: '',
      reportedBy: null,
      via: 'portal',
    })

  it('pre-fills the draft under the four headings; a stale save is a conflict that shows the current text', async () => {
    await report_('backup')
    const { body } = await page(cookies.coordinator)
    const draft = body!.draft!
    expect(draft.nextNumber).toBe(1)
    expect(draft.values.development).toContain('Sedan händelsens start')
    expect(draft.values.development).toContain('Fjärrvärme Solör')
    expect(draft.values.state).toContain('Fjärrvärme Solör: på reserv')
    expect(draft.values.state).toContain('Information till allmänheten')
    expect(draft.values.expected).toContain('Inom 24 timmar')
    expect(draft.values.expected).toContain('Inom 72 timmar')
    expect(draft.values.measures).toContain('Inga beslut')
    expect(draft.values.sender).not.toBe('')
    expect(draft.values.contact).toContain('0322-600 600')

    const fields = { ...draft.values, version: String(draft.version), intent: 'save' }
    const saved = await post({ ...fields, measures: 'Beslut: trygghetspunkt Čiekŋa öppnas' })
    expect(saved.status).toBe(200)
    expect(saved.body!.version).toBe(draft.version + 1)
    const stale = await post({ ...fields, measures: 'skriver över' })
    expect(stale.status).toBe(409)
    expect(stale.body!.notice).toBe('situationReport.conflict')
    expect(stale.body!.values!.measures).toBe('Beslut: trygghetspunkt Čiekŋa öppnas')

    const bad = await post({ ...fields, version: String(saved.body!.version), situationTime: '25', measures: 'kvar' })
    expect(bad.status).toBe(400)
    expect(bad.body!.values!.measures).toBe('kvar')
  })

  it('freezes 1, then after a status change 2, which names the change; the log says so', async () => {
    const first = (await page(cookies.coordinator)).body!.draft!
    const frozen = await post({ ...first.values, version: String(first.version), intent: 'freeze' })
    expect(frozen.location).toBe(`/handelser/${event.id}/lagesrapporter/1`)
    await report_('failed')
    const second = (await page(cookies.coordinator)).body!.draft!
    expect(second.nextNumber).toBe(2)
    const refreshed = await post({ version: String(second.version), intent: 'refresh' })
    expect(refreshed.body!.values!.state).toContain('Fjärrvärme Solör: utslagen')
    const again = (await page(cookies.coordinator)).body!.draft!
    expect((await post({ ...again.values, version: String(again.version), intent: 'freeze' })).location).toBe(
      `/handelser/${event.id}/lagesrapporter/2`,
    )
    const { body } = await report(2)
    const state = body!.report.changes!.find((change) => change.heading === 'state')!
    expect(state.added.join('\n')).toContain('Fjärrvärme Solör: utslagen')
    expect(state.removed.join('\n')).toContain('Fjärrvärme Solör: på reserv')
    const log = await db
      .select({ text: eventLogEntries.text, kind: eventLogEntries.kind })
      .from(eventLogEntries)
      .where(eq(eventLogEntries.eventId, event.id))
    expect(log).toContainEqual({ kind: 'message_out', text: 'Lägesrapport 1 fastställd' })
    expect(log).toContainEqual({ kind: 'message_out', text: 'Lägesrapport 2 fastställd' })
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'event_situation_report'), eq(auditLog.action, 'freeze')))
    expect(audits).toHaveLength(2)
  })

  it('lets a partner read frozen reports but not the draft; an outsider sees nothing', async () => {
    const partner = await page(cookies.editor)
    expect(partner.status).toBe(200)
    expect(partner.body!.draft).toBeNull()
    expect(partner.body!.reports.map((r) => r.number)).toEqual([2, 1])
    expect((await post({ version: '1', intent: 'save' }, cookies.editor)).status).toBe(403)
    expect((await report(1, cookies.editor)).body!.mail).toBeNull()
    const html = await renderRoute(list.default, { loaderData: partner.body })
    expect(html).toContain('Lägesrapport 2')
    expect(html).not.toContain('Spara utkast')
    const leader = await renderRoute(list.default, { loaderData: (await page(cookies.coordinator)).body })
    for (const text of [
      'Händelseutveckling',
      'Vidtagna och planerade åtgärder',
      'Fyll i från händelsen',
      'Spara utkast',
      'Fastställ lägesrapport 3',
    ])
      expect(leader).toContain(text)
    const shown = await renderRoute(one.default, { loaderData: (await report(2, cookies.editor)).body })
    expect(shown).toContain('Ändrat sedan lägesrapport 1')
    expect(shown).toContain('ÖVNING')
    expect(shown).not.toContain('Skicka till Länsstyrelsen')
    expect((await page(cookies.outsider)).status).toBe(404)
    expect((await report(1, cookies.outsider)).status).toBe(404)
    expect((await report(9)).status).toBe(404)
  })

  it('prints the PDF and the text with the four headings, ÖVNING and Sami letters', async () => {
    const params = { id: event.id, number: '1' }
    const file = await callRoute(
      pdf.loader,
      getRequest(`${url}${event.id}/lagesrapporter/1.pdf`, cookies.editor),
      params,
    )
    expect(file.response!.headers.get('Content-Type')).toBe('application/pdf')
    const text = (await pdfPages(new Uint8Array(await file.response!.arrayBuffer()))).join(' ')
    for (const heading of [
      'Händelseutveckling',
      'Tillstånd',
      'Förväntad utveckling',
      'Vidtagna och planerade åtgärder',
    ])
      expect(text).toContain(heading)
    expect(text).toContain('ÖVNING')
    expect(text).toContain('Čiekŋa')
    const plain = await callRoute(
      txt.loader,
      getRequest(`${url}${event.id}/lagesrapporter/1.txt`, cookies.editor),
      params,
    )
    expect(plain.response!.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    const body = await plain.response!.text()
    expect(body.split('\n')[0]).toBe('ÖVNING – ÖVNING – ÖVNING')
    expect(body).toContain('VIDTAGNA OCH PLANERADE ÅTGÄRDER')
  })

  it('mails a report to Länsstyrelsen and the actors’ functional addresses, marked ÖVNING, and records it', async () => {
    const shown = await report(2)
    expect(shown.body!.mail!.recipients.map((r) => r.email)).toEqual([
      'tib@lansstyrelsen.example.org',
      'isk@solor.example.org',
    ])
    expect(
      (
        await callRoute(one.action, postForm(`${url}${event.id}/lagesrapporter/2`, {}, cookies.editor), {
          id: event.id,
          number: '2',
        })
      ).status,
    ).toBe(403)
    const sent = await callRoute<{ notice: string }>(
      one.action,
      postForm(`${url}${event.id}/lagesrapporter/2`, {}, cookies.coordinator),
      { id: event.id, number: '2' },
    )
    expect(sent.body!.notice).toBe('situationReport.mailed')
    const mails = await db.select().from(outbox)
    expect(mails.map((mail) => mail.to).sort()).toEqual(['isk@solor.example.org', 'tib@lansstyrelsen.example.org'])
    expect(mails[0]!.subject).toBe('ÖVNING – Lägesrapport 2: Stormen Čiekŋa')
    expect(mails[0]!.text).toContain('TILLSTÅND')
    expect(await db.select().from(eventSituationReportMailings)).toHaveLength(1)
    expect((await page(cookies.editor)).body!.reports[0]!.sentTo).toHaveLength(2)
    const log = await db
      .select({ text: eventLogEntries.text })
      .from(eventLogEntries)
      .where(eq(eventLogEntries.eventId, event.id))
    expect(log.map((entry) => entry.text)).toContain('Lägesrapport 2 skickad med e-post till 2 mottagare')
  })
})
