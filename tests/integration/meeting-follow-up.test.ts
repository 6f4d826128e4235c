import { createHash } from 'node:crypto'
import type { ComponentType } from 'react'
import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { outbox } from '../../app/db/schema/mail'
import {
  actionItems,
  meetingAttendance,
  meetingDocuments,
  meetingEvaluationResponses,
  meetingFindings,
  meetings,
} from '../../app/db/schema/meetings'
import { evaluationQuestions } from '../../app/modules/meetings/evaluation'
import { MAX_DOCUMENT_BYTES } from '../../app/modules/meetings/document-types'
import { openActionItemsFor, openActionItemsOfEarlierMeetings } from '../../app/modules/meetings/action-items.server'
import { findingsForRsa } from '../../app/modules/meetings/findings.server'
import { createScenario } from '../../app/modules/scenarios/scenarios.server'
import * as startPage from '../../app/routes/_index'
import * as meetingLayout from '../../app/routes/moten+/$id'
import * as actionItemsPage from '../../app/routes/moten+/$id.atgarder'
import * as documentsPage from '../../app/routes/moten+/$id.dokument'
import * as documentDownload from '../../app/routes/moten+/$id_.dokument.$documentId'
import * as findingsPage from '../../app/routes/moten+/$id.lardomar'
import * as minutesPage from '../../app/routes/moten+/$id.protokoll'
import * as evaluationPage from '../../app/routes/moten+/$id.utvardering'
import { getRequest, makeActionItem, makeMeeting, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { samples } from '../support/meeting-files'
import { renderRoute } from '../support/render-route'
import { callRoute } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

/** Calls a loader or action as Remix would; a thrown Response is returned, so tests can look at it. */
const call = <Body = Record<string, never>>(handler: unknown, request: Request, params: Record<string, string> = {}) =>
  callRoute<Body>(handler, request, params)

function post(url: string, fields: Record<string, string>, cookie: string): Request {
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost', Cookie: cookie },
  })
}

/** A multipart upload as a browser sends it; `type` is what the browser claims, which the server ignores. */
function upload(url: string, file: { name: string; bytes: Uint8Array; type?: string } | null, cookie: string): Request {
  const body = new FormData()
  body.append('intent', 'upload')
  body.append(
    'file',
    file
      ? new File([Buffer.from(file.bytes)], file.name, { type: file.type ?? 'application/octet-stream' })
      : new File([], ''),
  )
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    body,
    headers: { Origin: 'http://localhost', Cookie: cookie },
  })
}

const ratings = (value: number) => Object.fromEntries(evaluationQuestions.map((key) => [`q.${key}`, String(value)]))

describe('during and after a meeting', () => {
  const db = useTestDatabase()
  let municipality: { id: string }
  let bostader: { id: string }
  let solor: { id: string }
  let outsider: { id: string }
  let coordinator: { id: string; cookie: string }
  let partner: { id: string; cookie: string }
  let otherPartner: { id: string; cookie: string }
  let viewer: { id: string; cookie: string }
  let outsiderPartner: { id: string; cookie: string }
  let meeting: { id: string; version: number }
  let params: { id: string }

  const user = async (role: Role, organisationId: string, email?: string) => {
    const created = await makeUser(db(), { role, organisationId, ...(email ? { email } : {}) })
    return { id: created.id, cookie: (await signedIn(db(), created.id)).cookie }
  }
  const auditOf = (entity: string, entityId?: string) =>
    db()
      .select()
      .from(auditLog)
      .where(entityId ? and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)) : eq(auditLog.entity, entity))
      .orderBy(auditLog.at)
  const storedMeeting = async () => (await db().select().from(meetings).where(eq(meetings.id, meeting.id)))[0]!

  beforeEach(async () => {
    municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    bostader = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
    solor = await makeOrganisation(db(), { name: 'Solör Bioenergi', kind: 'energy' })
    outsider = await makeOrganisation(db(), { name: 'Inte inbjuden AB' })
    coordinator = await user('coordinator', municipality.id)
    partner = await user('partner_editor', bostader.id, 'partner@example.org')
    otherPartner = await user('partner_editor', solor.id, 'annan@example.org')
    viewer = await user('viewer', bostader.id, 'lasare@example.org')
    outsiderPartner = await user('partner_editor', outsider.id, 'utanfor@example.org')
    meeting = await makeMeeting(db(), {
      organiserOrganisationId: municipality.id,
      invitedOrganisationIds: [bostader.id, solor.id],
      title: 'Nätverksmöte hösten',
    })
    params = { id: meeting.id }
  })

  it("each page has the meeting's header from its layout: the way back, the page's heading and the links between the pages", async () => {
    type Header = Awaited<ReturnType<typeof meetingLayout.loader>>
    const headerOf = async (id: string, cookie: string) =>
      call<Header>(meetingLayout.loader, getRequest(`/moten/${id}/protokoll`, cookie), { id })
    const header = await headerOf(meeting.id, viewer.cookie)
    // Findings are a theme day's: a network meeting does not link them.
    expect(header.body!.sections.map((section) => section.to)).toEqual(
      ['protokoll', 'dokument', 'utvardering', 'atgarder'].map((path) => `/moten/${meeting.id}/${path}`),
    )
    expect((await headerOf(meeting.id, outsiderPartner.cookie)).status).toBe(404)

    const rendered = async (
      page: { loader: unknown; default: ComponentType; handle: unknown },
      id: string,
      path: string,
      layoutData: Header,
    ) => {
      const loaded = await call(page.loader, getRequest(`/moten/${id}/${path}`, viewer.cookie), { id })
      expect(loaded.status).toBe(200)
      const html = await renderRoute(page.default, {
        loaderData: loaded.body,
        handle: page.handle,
        layout: { Layout: meetingLayout.default, loaderData: layoutData },
      })
      expect(html.match(/<h1>/g)).toHaveLength(1)
      return html.replaceAll(' data-discover="true"', '')
    }
    const start = (id: string, heading: string) =>
      `<div class="page follow-up-page"><p><a href="/moten/${id}">Tillbaka till mötet</a></p><h1>${heading}</h1>` +
      '<nav aria-label="Under och efter mötet" class="follow-up-nav"><ul>'
    for (const [page, path, heading] of [
      [minutesPage, 'protokoll', 'Protokoll och närvaro'],
      [documentsPage, 'dokument', 'Dokument'],
      [evaluationPage, 'utvardering', 'Utvärdering'],
      [actionItemsPage, 'atgarder', 'Åtgärder'],
    ] as const) {
      const html = await rendered(page, meeting.id, path, header.body!)
      expect(html.startsWith(start(meeting.id, `${heading} – Nätverksmöte hösten`)), html).toBe(true)
      expect(html).not.toContain('/lardomar')
    }

    const themeDay = await makeMeeting(db(), {
      organiserOrganisationId: municipality.id,
      invitedOrganisationIds: [bostader.id],
      kind: 'theme_day',
      title: 'Temadag elavbrott',
    })
    const themeDayHeader = (await headerOf(themeDay.id, viewer.cookie)).body!
    const findings = await rendered(findingsPage, themeDay.id, 'lardomar', themeDayHeader)
    expect(findings.startsWith(start(themeDay.id, 'Lärdomar – Temadag elavbrott')), findings).toBe(true)
    expect(findings).toContain(`<a class="" href="/moten/${themeDay.id}/lardomar">Lärdomar</a>`)
  })

  describe('minutes and attendance', () => {
    const url = () => `/moten/${meeting.id}/protokoll`

    it('the coordinator saves the minutes against the loaded version, audited in the same change', async () => {
      const saved = await call(
        minutesPage.action,
        post(url(), { intent: 'save', version: '1', minutes: '## Beslut\n- Ny rutin' }, coordinator.cookie),
        params,
      )
      expect(saved.status).toBe(302)
      expect(saved.location).toBe(url())
      expect(saved.notice).toEqual({ kind: 'success', message: 'meetingFollowUp.minutes.saved' })
      const row = await storedMeeting()
      expect(row.minutes).toBe('## Beslut\n- Ny rutin')
      expect(row.version).toBe(2)
      const [entry] = await auditOf('meeting', meeting.id)
      expect(entry).toMatchObject({ action: 'minutes', userId: coordinator.id, organisationId: municipality.id })
      expect(entry!.changes).toEqual({ minutes: { before: '', after: '## Beslut\n- Ny rutin' } })
    })

    it('a stale version is a conflict: the typed text is kept, what is saved is shown, nothing is overwritten', async () => {
      await call(
        minutesPage.action,
        post(url(), { intent: 'save', version: '1', minutes: 'Karins version' }, coordinator.cookie),
        params,
      )
      const stale = await call<{ values: Record<string, string>; current: string; notice: string }>(
        minutesPage.action,
        post(url(), { intent: 'save', version: '1', minutes: 'Min version' }, coordinator.cookie),
        params,
      )
      expect(stale.status).toBe(409)
      expect(stale.body).toMatchObject({
        values: { minutes: 'Min version', version: '2' },
        current: 'Karins version',
        notice: 'meetingFollowUp.conflict',
      })
      expect((await storedMeeting()).minutes).toBe('Karins version')
      expect(await auditOf('meeting', meeting.id)).toHaveLength(1)
    })

    it('a preview shows the typed text and saves nothing', async () => {
      const preview = await call<{ preview: boolean; values: Record<string, string> }>(
        minutesPage.action,
        post(url(), { intent: 'preview', version: '1', minutes: '**Utkast**' }, coordinator.cookie),
        params,
      )
      expect(preview.status).toBe(200)
      expect(preview.body).toMatchObject({ preview: true, values: { minutes: '**Utkast**' } })
      expect((await storedMeeting()).minutes).toBe('')
      const loaderData = (await call(minutesPage.loader, getRequest(url(), coordinator.cookie), params)).body
      const html = await renderRoute(minutesPage.default, { loaderData, actionData: preview.body })
      expect(html).toContain('<strong>Utkast</strong>')
    })

    it('readers of invited organisations read the minutes, rendered safely, without forms; others get 404', async () => {
      await db()
        .update(meetings)
        .set({ minutes: 'Se [länk](javascript:alert(1)) <script>alert(1)</script> **klart**' })
        .where(eq(meetings.id, meeting.id))
      const loaded = await call<{ manage: boolean; minutes: string }>(
        minutesPage.loader,
        getRequest(url(), viewer.cookie),
        params,
      )
      expect(loaded.status).toBe(200)
      expect(loaded.body!.manage).toBe(false)
      const html = await renderRoute(minutesPage.default, { loaderData: loaded.body })
      expect(html).toContain('<strong>klart</strong>')
      expect(html).toContain('&lt;script&gt;')
      expect(html).not.toContain('<script')
      expect(html).not.toContain('javascript:alert(1)"')
      expect(html).not.toContain('<textarea')
      expect((await call(minutesPage.loader, getRequest(url(), outsiderPartner.cookie), params)).status).toBe(404)
    })

    it('only the coordinator writes: a partner editor and a reader get 403, an outsider 404', async () => {
      const body = { intent: 'save', version: '1', minutes: 'Partnerns text' }
      expect((await call(minutesPage.action, post(url(), body, partner.cookie), params)).status).toBe(403)
      expect((await call(minutesPage.action, post(url(), body, viewer.cookie), params)).status).toBe(403)
      expect((await call(minutesPage.action, post(url(), body, outsiderPartner.cookie), params)).status).toBe(404)
      expect(
        (
          await call(
            minutesPage.action,
            post(url(), { intent: 'addAttendance', name: 'X', organisationId: bostader.id }, partner.cookie),
            params,
          )
        ).status,
      ).toBe(403)
      expect((await storedMeeting()).minutes).toBe('')
      expect(await db().select().from(meetingAttendance)).toHaveLength(0)
    })

    it('attendance: a person of one of the meeting organisations is added and removed, both audited', async () => {
      const added = await call(
        minutesPage.action,
        post(url(), { intent: 'addAttendance', name: 'Per Holm', organisationId: bostader.id }, coordinator.cookie),
        params,
      )
      expect(added.status).toBe(302)
      expect([added.location, added.notice]).toEqual([url(), { kind: 'success', message: 'meetingFollowUp.saved' }])
      const [row] = await db().select().from(meetingAttendance)
      expect(row).toMatchObject({ meetingId: meeting.id, name: 'Per Holm', organisationId: bostader.id })
      const loaded = await call<{ attendance: { name: string; organisationName: string }[] }>(
        minutesPage.loader,
        getRequest(url(), viewer.cookie),
        params,
      )
      expect(loaded.body!.attendance).toEqual([
        expect.objectContaining({ name: 'Per Holm', organisationName: 'Vårgårda Bostäder AB' }),
      ])

      const removed = await call(
        minutesPage.action,
        post(url(), { intent: 'removeAttendance', attendanceId: row!.id }, coordinator.cookie),
        params,
      )
      expect(removed.status).toBe(302)
      expect(removed.notice).toEqual({ kind: 'success', message: 'meetingFollowUp.attendance.removed' })
      expect(await db().select().from(meetingAttendance)).toHaveLength(0)
      expect((await auditOf('meeting_attendance', row!.id)).map((entry) => entry.action)).toEqual(['create', 'delete'])
    })

    it('attendance of an organisation not invited is refused at its field, the name kept', async () => {
      const refused = await call<{ errors: Record<string, string>; values: Record<string, string> }>(
        minutesPage.action,
        post(url(), { intent: 'addAttendance', name: 'Okänd', organisationId: outsider.id }, coordinator.cookie),
        params,
      )
      expect(refused.status).toBe(400)
      expect(refused.body).toMatchObject({ errors: { organisationId: 'validation.choose' }, values: { name: 'Okänd' } })
      const missing = await call<{ errors: Record<string, string> }>(
        minutesPage.action,
        post(url(), { intent: 'addAttendance', name: ' ', organisationId: bostader.id }, coordinator.cookie),
        params,
      )
      expect(missing.body!.errors).toEqual({ name: 'validation.required' })
      expect(await db().select().from(meetingAttendance)).toHaveLength(0)
    })

    it("another meeting's attendance cannot be removed through this one", async () => {
      const other = await makeMeeting(db(), {
        organiserOrganisationId: municipality.id,
        invitedOrganisationIds: [bostader.id],
      })
      const [row] = await db()
        .insert(meetingAttendance)
        .values({ meetingId: other.id, name: 'Annan', organisationId: bostader.id })
        .returning()
      const result = await call(
        minutesPage.action,
        post(url(), { intent: 'removeAttendance', attendanceId: row!.id }, coordinator.cookie),
        params,
      )
      expect(result.status).toBe(404)
      expect(await db().select().from(meetingAttendance)).toHaveLength(1)
    })
  })

  describe('documents', () => {
    const url = () => `/moten/${meeting.id}/dokument`

    it('the coordinator uploads a PDF: stored with its size, SHA-256 and the type from its content, audited', async () => {
      const result = await call(
        documentsPage.action,
        upload(url(), { name: 'protokoll.pdf', bytes: samples.pdf, type: 'text/html' }, coordinator.cookie),
        params,
      )
      expect(result.status).toBe(302)
      expect([result.location, result.notice]).toEqual([
        url(),
        { kind: 'success', message: 'meetingFollowUp.documents.uploaded' },
      ])
      const [row] = await db().select().from(meetingDocuments)
      expect(row).toMatchObject({
        meetingId: meeting.id,
        filename: 'protokoll.pdf',
        contentType: 'application/pdf',
        size: samples.pdf.byteLength,
        sha256: createHash('sha256').update(samples.pdf).digest('hex'),
        uploadedBy: coordinator.id,
      })
      expect(new Uint8Array(row!.content)).toEqual(samples.pdf)
      const [entry] = await auditOf('meeting_document', row!.id)
      expect(entry).toMatchObject({ action: 'create', userId: coordinator.id })
    })

    it('takes a file whose name holds ";", quotes and "=", stores the name and serves it back intact', async () => {
      const name = 'Protokoll; "utkast" a=b 2026-åäö.pdf'
      const result = await call(
        documentsPage.action,
        upload(url(), { name, bytes: samples.pdf }, coordinator.cookie),
        params,
      )
      expect(result.status).toBe(302)
      const [row] = await db().select().from(meetingDocuments)
      // Straight quotes become typewriter apostrophes: the name stays readable and no header or file system trips on it.
      expect(row!.filename).toBe("Protokoll; 'utkast' a=b 2026-åäö.pdf")
      const download = await call(documentDownload.loader, getRequest(`${url()}/${row!.id}`, viewer.cookie), {
        ...params,
        documentId: row!.id,
      })
      // RFC 6266: an ASCII fallback with nothing that ends the quoted value, and the real name as filename*.
      expect(download.response!.headers.get('Content-Disposition')).toBe(
        `attachment; filename="Protokoll_ 'utkast' a=b 2026-aao.pdf"; ` +
          `filename*=UTF-8''Protokoll%3B%20%27utkast%27%20a%3Db%202026-%C3%A5%C3%A4%C3%B6.pdf`,
      )
    })

    it('a file over 10 MB is refused at the field and nothing is stored; exactly 10 MB is accepted', async () => {
      const tooLarge = new Uint8Array(MAX_DOCUMENT_BYTES + 1)
      tooLarge.set(samples.pdf)
      const refused = await call<{ errors: Record<string, string> }>(
        documentsPage.action,
        upload(url(), { name: 'stor.pdf', bytes: tooLarge }, coordinator.cookie),
        params,
      )
      expect(refused.status).toBe(400)
      expect(refused.body!.errors).toEqual({ file: 'meetingFollowUp.documents.error.tooLarge' })
      expect(await db().select().from(meetingDocuments)).toHaveLength(0)

      const exactly = new Uint8Array(MAX_DOCUMENT_BYTES)
      exactly.set(samples.pdf)
      const accepted = await call(
        documentsPage.action,
        upload(url(), { name: 'precis.pdf', bytes: exactly }, coordinator.cookie),
        params,
      )
      expect(accepted.status).toBe(302)
      expect((await db().select({ size: meetingDocuments.size }).from(meetingDocuments))[0]!.size).toBe(
        MAX_DOCUMENT_BYTES,
      )
    })

    it('a wrong type is refused, whatever the browser says: by extension, and by content not matching it', async () => {
      const cases: [string, Uint8Array, string][] = [
        ['program.exe', samples.pdf, 'extension'],
        ['sida.html', samples.txt, 'extension'],
        ['bild.png', samples.pdf, 'content'],
        ['falsk.pdf', new Uint8Array(Buffer.from('<html><script>alert(1)</script></html>')), 'content'],
      ]
      for (const [name, bytes, error] of cases) {
        const refused = await call<{ errors: Record<string, string> }>(
          documentsPage.action,
          upload(url(), { name, bytes, type: 'application/pdf' }, coordinator.cookie),
          params,
        )
        expect(refused.status, name).toBe(400)
        expect(refused.body!.errors.file, name).toBe(`meetingFollowUp.documents.error.${error}`)
      }
      const none = await call<{ errors: Record<string, string> }>(
        documentsPage.action,
        upload(url(), null, coordinator.cookie),
        params,
      )
      expect(none.body!.errors.file).toBe('meetingFollowUp.documents.error.missing')
      expect(await db().select().from(meetingDocuments)).toHaveLength(0)
      expect(await auditOf('meeting_document')).toHaveLength(0)
    })

    it('readers download with the stored type, as an attachment; outsiders and other meetings get 404', async () => {
      await call(
        documentsPage.action,
        upload(url(), { name: 'Årsplan.docx', bytes: samples.docx }, coordinator.cookie),
        params,
      )
      const [row] = await db().select().from(meetingDocuments)
      const download = await call(documentDownload.loader, getRequest(`${url()}/${row!.id}`, viewer.cookie), {
        ...params,
        documentId: row!.id,
      })
      expect(download.status).toBe(200)
      const headers = download.response!.headers
      expect(headers.get('Content-Type')).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      )
      expect(headers.get('Content-Disposition')).toBe(
        `attachment; filename="Arsplan.docx"; filename*=UTF-8''%C3%85rsplan.docx`,
      )
      expect(headers.get('Cache-Control')).toBe('private, no-store')
      expect(new Uint8Array(await download.response!.arrayBuffer())).toEqual(samples.docx)

      const outside = await call(documentDownload.loader, getRequest(`${url()}/${row!.id}`, outsiderPartner.cookie), {
        ...params,
        documentId: row!.id,
      })
      expect(outside.status).toBe(404)
      const other = await makeMeeting(db(), {
        organiserOrganisationId: municipality.id,
        invitedOrganisationIds: [bostader.id],
      })
      const crossed = await call(
        documentDownload.loader,
        getRequest(`/moten/${other.id}/dokument/${row!.id}`, viewer.cookie),
        { id: other.id, documentId: row!.id },
      )
      expect(crossed.status).toBe(404)
    })

    it('only the coordinator uploads and deletes; deleting is audited', async () => {
      const refused = await call(
        documentsPage.action,
        upload(url(), { name: 'partner.pdf', bytes: samples.pdf }, partner.cookie),
        params,
      )
      expect(refused.status).toBe(403)
      await call(documentsPage.action, upload(url(), { name: 'a.pdf', bytes: samples.pdf }, coordinator.cookie), params)
      const [row] = await db().select({ id: meetingDocuments.id }).from(meetingDocuments)
      expect(
        (
          await call(
            documentsPage.action,
            post(url(), { intent: 'delete', documentId: row!.id }, partner.cookie),
            params,
          )
        ).status,
      ).toBe(403)
      expect(await db().select().from(meetingDocuments)).toHaveLength(1)
      const deleted = await call(
        documentsPage.action,
        post(url(), { intent: 'delete', documentId: row!.id }, coordinator.cookie),
        params,
      )
      expect(deleted.status).toBe(302)
      expect(deleted.notice).toEqual({ kind: 'success', message: 'meetingFollowUp.documents.deleted' })
      expect(await db().select().from(meetingDocuments)).toHaveLength(0)
      expect((await auditOf('meeting_document', row!.id)).map((entry) => entry.action)).toEqual(['create', 'delete'])
    })
  })

  describe('evaluation', () => {
    const url = () => `/moten/${meeting.id}/utvardering`
    type Loaded = {
      summary: { count: number; questions: { average: number | null }[]; comments: string[] } | null
      notes: { worked: string; improve: string } | null
      own: { version: string } | null
      mayEvaluate: boolean
    }

    it('a participant answers once and may change the answer; a second new answer is a conflict', async () => {
      const first = await call(
        evaluationPage.action,
        post(url(), { intent: 'answer', version: '0', ...ratings(4), comment: 'Bra dag' }, partner.cookie),
        params,
      )
      expect(first.status).toBe(302)
      const [row] = await db().select().from(meetingEvaluationResponses)
      expect(row).toMatchObject({ userId: partner.id, organisationId: bostader.id, comment: 'Bra dag', version: 1 })
      expect(row!.ratings).toEqual(Object.fromEntries(evaluationQuestions.map((key) => [key, 4])))

      const again = await call(
        evaluationPage.action,
        post(url(), { intent: 'answer', version: '0', ...ratings(1) }, partner.cookie),
        params,
      )
      expect(again.status).toBe(409)
      const changed = await call(
        evaluationPage.action,
        post(url(), { intent: 'answer', version: '1', ...ratings(5), comment: '' }, partner.cookie),
        params,
      )
      expect(changed.status).toBe(302)
      const rows = await db().select().from(meetingEvaluationResponses)
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ version: 2, comment: '' })
      expect((await auditOf('meeting_evaluation_response', row!.id)).map((entry) => entry.action)).toEqual([
        'create',
        'update',
      ])
    })

    it('a rating left out is named at its question, the rest kept', async () => {
      const fields = { ...ratings(3), comment: 'Kommentar' }
      delete (fields as Record<string, string>)[`q.${evaluationQuestions[1]}`]
      const refused = await call<{ errors: Record<string, string>; values: Record<string, string> }>(
        evaluationPage.action,
        post(url(), { intent: 'answer', version: '0', ...fields }, partner.cookie),
        params,
      )
      expect(refused.status).toBe(400)
      expect(refused.body!.errors).toEqual({ [evaluationQuestions[1]]: 'meetingFollowUp.evaluation.chooseRating' })
      expect(refused.body!.values).toMatchObject({ comment: 'Kommentar', [`q.${evaluationQuestions[0]}`]: '3' })
      expect(await db().select().from(meetingEvaluationResponses)).toHaveLength(0)
    })

    it('the coordinator sees the compiled result; participants see nothing of it until it is shared', async () => {
      await call(
        evaluationPage.action,
        post(url(), { intent: 'answer', version: '0', ...ratings(4), comment: 'Tydligt' }, partner.cookie),
        params,
      )
      await call(
        evaluationPage.action,
        post(url(), { intent: 'answer', version: '0', ...ratings(5) }, otherPartner.cookie),
        params,
      )
      const forCoordinator = await call<Loaded>(evaluationPage.loader, getRequest(url(), coordinator.cookie), params)
      expect(forCoordinator.body!.summary).toMatchObject({ count: 2, comments: ['Tydligt'] })
      expect(forCoordinator.body!.summary!.questions.map((question) => question.average)).toEqual(
        evaluationQuestions.map(() => 4.5),
      )
      const forPartner = await call<Loaded>(evaluationPage.loader, getRequest(url(), partner.cookie), params)
      expect(forPartner.body).toMatchObject({ summary: null, notes: null, mayEvaluate: true, own: { version: '1' } })
      expect((await call(evaluationPage.loader, getRequest(url(), outsiderPartner.cookie), params)).status).toBe(404)
    })

    it("the coordinator's notes are versioned: a stale save is a conflict and keeps the input", async () => {
      const saved = await call(
        evaluationPage.action,
        post(url(), { intent: 'notes', version: '1', worked: 'Scenariot', improve: 'Tiden' }, coordinator.cookie),
        params,
      )
      expect(saved.status).toBe(302)
      expect(saved.notice).toEqual({ kind: 'success', message: 'meetingFollowUp.evaluation.notesSaved' })
      const stale = await call<{ values: Record<string, string>; notice: string }>(
        evaluationPage.action,
        post(url(), { intent: 'notes', version: '1', worked: 'Annat', improve: '' }, coordinator.cookie),
        params,
      )
      expect(stale.status).toBe(409)
      expect(stale.body).toMatchObject({
        values: { worked: 'Annat', version: '2' },
        notice: 'meetingFollowUp.conflict',
      })
      expect(await storedMeeting()).toMatchObject({ evaluationWorked: 'Scenariot', evaluationImprove: 'Tiden' })
      expect(
        (
          await call(
            evaluationPage.action,
            post(url(), { intent: 'notes', version: '2', worked: 'x', improve: '' }, partner.cookie),
            params,
          )
        ).status,
      ).toBe(403)
    })

    it('sharing is audited, closes the questionnaire and shows participants the summary and the notes', async () => {
      await call(
        evaluationPage.action,
        post(url(), { intent: 'answer', version: '0', ...ratings(2) }, partner.cookie),
        params,
      )
      await call(
        evaluationPage.action,
        post(url(), { intent: 'notes', version: '1', worked: 'Samverkan', improve: 'Lokalen' }, coordinator.cookie),
        params,
      )
      expect(
        (await call(evaluationPage.action, post(url(), { intent: 'share', version: '2' }, partner.cookie), params))
          .status,
      ).toBe(403)
      const shared = await call(
        evaluationPage.action,
        post(url(), { intent: 'share', version: '2' }, coordinator.cookie),
        params,
      )
      expect(shared.status).toBe(302)
      expect(shared.notice).toEqual({ kind: 'success', message: 'meetingFollowUp.evaluation.shared' })
      expect((await storedMeeting()).evaluationSharedAt).toBeInstanceOf(Date)
      expect((await auditOf('meeting', meeting.id)).map((entry) => entry.action)).toEqual([
        'evaluation',
        'evaluation_shared',
      ])

      const closed = await call<{ notice: string }>(
        evaluationPage.action,
        post(url(), { intent: 'answer', version: '1', ...ratings(5) }, partner.cookie),
        params,
      )
      expect(closed.status).toBe(409)
      expect(closed.body!.notice).toBe('meetingFollowUp.evaluation.closed')
      const forViewer = await call<Loaded>(evaluationPage.loader, getRequest(url(), viewer.cookie), params)
      expect(forViewer.body).toMatchObject({
        notes: { worked: 'Samverkan', improve: 'Lokalen' },
        summary: { count: 1 },
      })
      const html = await renderRoute(evaluationPage.default, { loaderData: forViewer.body })
      expect(html).toContain('Samverkan')
      expect(html).not.toContain('name="intent" value="share"')
    })

    it('the shared evaluation is mailed to the invited organisations’ users, not to others, and the sending is audited', async () => {
      const early = await call<{ notice: string }>(
        evaluationPage.action,
        post(url(), { intent: 'mail' }, coordinator.cookie),
        params,
      )
      expect(early.status).toBe(409)
      expect(await db().select().from(outbox)).toHaveLength(0)
      await call(evaluationPage.action, post(url(), { intent: 'share', version: '1' }, coordinator.cookie), params)
      expect((await call(evaluationPage.action, post(url(), { intent: 'mail' }, partner.cookie), params)).status).toBe(
        403,
      )
      const sent = await call<{ notice: string; noticeValues: { count: number } }>(
        evaluationPage.action,
        post(url(), { intent: 'mail' }, coordinator.cookie),
        params,
      )
      expect(sent.status).toBe(200)
      const mails = await db().select().from(outbox)
      const recipients = mails.map((mail) => mail.to).sort()
      expect(recipients).toContain('partner@example.org')
      expect(recipients).toContain('annan@example.org')
      expect(recipients).toContain('lasare@example.org')
      expect(recipients).not.toContain('utanfor@example.org')
      expect(sent.body).toMatchObject({
        notice: 'meetingFollowUp.evaluation.mailed',
        noticeValues: { count: mails.length },
      })
      expect(mails[0]!.subject).toBe('Utvärdering: Nätverksmöte hösten')
      expect(mails[0]!.text).toContain(`/moten/${meeting.id}/utvardering`)
      const [entry] = (await auditOf('meeting', meeting.id)).filter((row) => row.action === 'evaluation_mailed')
      expect((entry!.changes as unknown as { recipients: { after: string[] } }).recipients.after.sort()).toEqual(
        recipients,
      )
    })
  })

  describe('action items', () => {
    const url = () => `/moten/${meeting.id}/atgarder`
    const item = {
      intent: 'create',
      title: 'Uppdatera reservkraftsplanen',
      description: 'Före vintern',
      dueDate: '2027-01-31',
    }

    it('the coordinator adds an item owned by an invited organisation, audited', async () => {
      const created = await call(
        actionItemsPage.action,
        post(url(), { ...item, ownerOrganisationId: bostader.id }, coordinator.cookie),
        params,
      )
      expect(created.status).toBe(302)
      expect([created.location, created.notice]).toEqual([
        url(),
        { kind: 'success', message: 'meetingFollowUp.actions.added' },
      ])
      const [row] = await db().select().from(actionItems)
      expect(row).toMatchObject({
        meetingId: meeting.id,
        ownerOrganisationId: bostader.id,
        dueDate: '2027-01-31',
        state: 'open',
        createdBy: coordinator.id,
      })
      const [entry] = await auditOf('action_item', row!.id)
      expect(entry).toMatchObject({ action: 'create', organisationId: bostader.id })
    })

    it('an owner not invited, a missing title or an impossible date is named at its field, the input kept', async () => {
      const notInvited = await call<{ errors: Record<string, string>; values: Record<string, string> }>(
        actionItemsPage.action,
        post(url(), { ...item, ownerOrganisationId: outsider.id }, coordinator.cookie),
        params,
      )
      expect(notInvited.status).toBe(400)
      expect(notInvited.body).toMatchObject({
        errors: { ownerOrganisationId: 'meetingFollowUp.actions.ownerNotInvited' },
        values: { title: item.title },
      })
      const invalid = await call<{ errors: Record<string, string> }>(
        actionItemsPage.action,
        post(
          url(),
          { ...item, title: '', dueDate: '2027-02-30', ownerOrganisationId: bostader.id },
          coordinator.cookie,
        ),
        params,
      )
      expect(invalid.body!.errors).toEqual({ title: 'validation.required', dueDate: 'validation.date' })
      expect(await db().select().from(actionItems)).toHaveLength(0)
    })

    it("a partner editor moves their own organisation's item along, and cannot touch another organisation's", async () => {
      const own = await makeActionItem(db(), { meetingId: meeting.id, ownerOrganisationId: bostader.id })
      const theirs = await makeActionItem(db(), { meetingId: meeting.id, ownerOrganisationId: solor.id })
      const moved = await call(
        actionItemsPage.action,
        post(url(), { intent: 'state', id: own.id, version: '1', state: 'in_progress' }, partner.cookie),
        params,
      )
      expect(moved.status).toBe(302)
      expect(moved.notice).toEqual({ kind: 'success', message: 'meetingFollowUp.actions.stateSaved' })
      const [entry] = await auditOf('action_item', own.id)
      expect(entry).toMatchObject({
        action: 'state',
        userId: partner.id,
        changes: { state: { before: 'open', after: 'in_progress' } },
      })

      const refused = await call(
        actionItemsPage.action,
        post(url(), { intent: 'state', id: theirs.id, version: '1', state: 'done' }, partner.cookie),
        params,
      )
      expect(refused.status).toBe(403)
      const update = {
        intent: 'update',
        id: theirs.id,
        version: '1',
        state: 'done',
        title: 'Kapat',
        description: '',
        ownerOrganisationId: bostader.id,
        dueDate: '',
      }
      expect((await call(actionItemsPage.action, post(url(), update, partner.cookie), params)).status).toBe(403)
      expect(
        (
          await call(
            actionItemsPage.action,
            post(url(), { ...item, ownerOrganisationId: bostader.id }, partner.cookie),
            params,
          )
        ).status,
      ).toBe(403)
      expect(
        (
          await call(
            actionItemsPage.action,
            post(url(), { intent: 'state', id: own.id, version: '2', state: 'done' }, viewer.cookie),
            params,
          )
        ).status,
      ).toBe(403)
      const stored = await db().select().from(actionItems).where(eq(actionItems.id, theirs.id))
      expect(stored[0]).toMatchObject({ state: 'open', title: theirs.title, ownerOrganisationId: solor.id })
      expect(await auditOf('action_item', theirs.id)).toHaveLength(0)

      const loaded = await call<{ items: { id: string; mayChangeState: boolean }[] }>(
        actionItemsPage.loader,
        getRequest(url(), partner.cookie),
        params,
      )
      expect(Object.fromEntries(loaded.body!.items.map((row) => [row.id, row.mayChangeState]))).toEqual({
        [own.id]: true,
        [theirs.id]: false,
      })
    })

    it('an item of another meeting is not found through this one; a stale state change is a conflict', async () => {
      const other = await makeMeeting(db(), {
        organiserOrganisationId: municipality.id,
        invitedOrganisationIds: [bostader.id],
      })
      const elsewhere = await makeActionItem(db(), { meetingId: other.id, ownerOrganisationId: bostader.id })
      expect(
        (
          await call(
            actionItemsPage.action,
            post(url(), { intent: 'state', id: elsewhere.id, version: '1', state: 'done' }, partner.cookie),
            params,
          )
        ).status,
      ).toBe(404)
      const own = await makeActionItem(db(), { meetingId: meeting.id, ownerOrganisationId: bostader.id })
      await call(
        actionItemsPage.action,
        post(url(), { intent: 'state', id: own.id, version: '1', state: 'in_progress' }, partner.cookie),
        params,
      )
      const stale = await call(
        actionItemsPage.action,
        post(url(), { intent: 'state', id: own.id, version: '1', state: 'done' }, partner.cookie),
        params,
      )
      expect(stale.status).toBe(409)
      expect((await db().select().from(actionItems).where(eq(actionItems.id, own.id)))[0]!.state).toBe('in_progress')
    })

    it('the coordinator edits and closes an item; a stale edit keeps the input', async () => {
      const row = await makeActionItem(db(), { meetingId: meeting.id, ownerOrganisationId: bostader.id })
      const edit = {
        intent: 'update',
        id: row.id,
        version: '1',
        title: 'Ny titel',
        description: 'x',
        ownerOrganisationId: solor.id,
        dueDate: '2027-03-01',
        state: 'done',
      }
      expect((await call(actionItemsPage.action, post(url(), edit, coordinator.cookie), params)).status).toBe(302)
      expect((await db().select().from(actionItems))[0]).toMatchObject({
        title: 'Ny titel',
        ownerOrganisationId: solor.id,
        state: 'done',
        version: 2,
      })
      const stale = await call<{ values: Record<string, string> }>(
        actionItemsPage.action,
        post(url(), { ...edit, title: 'Min titel' }, coordinator.cookie),
        params,
      )
      expect(stale.status).toBe(409)
      expect(stale.body!.values).toMatchObject({ title: 'Min titel', version: '2' })
    })

    it('open items of earlier meetings follow the owners to the next meeting they are invited to, until done', async () => {
      const earlier = await makeMeeting(db(), {
        organiserOrganisationId: municipality.id,
        invitedOrganisationIds: [bostader.id, outsider.id],
        startsAt: new Date('2026-01-10T09:00:00Z'),
        endsAt: new Date('2026-01-10T11:00:00Z'),
      })
      const later = await makeMeeting(db(), {
        organiserOrganisationId: municipality.id,
        invitedOrganisationIds: [bostader.id],
        startsAt: new Date('2030-01-10T09:00:00Z'),
        endsAt: new Date('2030-01-10T11:00:00Z'),
      })
      const open = await makeActionItem(db(), {
        meetingId: earlier.id,
        ownerOrganisationId: bostader.id,
        state: 'in_progress',
      })
      await makeActionItem(db(), { meetingId: earlier.id, ownerOrganisationId: bostader.id, state: 'done' })
      await makeActionItem(db(), { meetingId: earlier.id, ownerOrganisationId: outsider.id })
      await makeActionItem(db(), { meetingId: later.id, ownerOrganisationId: bostader.id })
      const current = await makeActionItem(db(), { meetingId: meeting.id, ownerOrganisationId: bostader.id })
      // As Bostäder's editor reads them: Bostäder was invited to every one of these meetings.
      const reader = { memberships: [{ organisationId: bostader.id, role: 'partner_editor' as const }] }
      expect((await openActionItemsOfEarlierMeetings(db(), reader, meeting.id)).map((row) => row.id)).toEqual([open.id])
      expect((await openActionItemsOfEarlierMeetings(db(), reader, later.id)).map((row) => row.id).sort()).toEqual(
        [open.id, current.id].sort(),
      )
      expect((await openActionItemsFor(db(), reader, [bostader.id])).map((row) => row.id)).toHaveLength(3)
      expect(await openActionItemsFor(db(), reader, [])).toEqual([])
    })

    it("the start page shows the user's organisations' open items, overdue ones said in words", async () => {
      const overdue = await makeActionItem(db(), {
        meetingId: meeting.id,
        ownerOrganisationId: bostader.id,
        title: 'Försenad sak',
        dueDate: '2020-01-01',
      })
      await makeActionItem(db(), {
        meetingId: meeting.id,
        ownerOrganisationId: bostader.id,
        title: 'Klar sak',
        state: 'done',
      })
      await makeActionItem(db(), { meetingId: meeting.id, ownerOrganisationId: solor.id, title: 'Annans sak' })
      const loaded = await call<{ actionItems: { id: string }[] }>(
        startPage.loader,
        getRequest('/', partner.cookie),
        {},
      )
      expect(loaded.body!.actionItems!.map((row) => row.id)).toEqual([overdue.id])
      const html = await renderRoute(startPage.default, { loaderData: loaded.body })
      expect(html).toContain('Försenad sak')
      expect(html).toMatch(/Klart senast 1 jan. 2020<strong class="overdue-tag"> – Försenad<\/strong>/)
      expect(html).not.toContain('Annans sak')
      expect(html).toContain(`href="/moten/${meeting.id}/atgarder"`)
      const informant = await user('informant', bostader.id)
      expect(
        (await call<{ actionItems: unknown }>(startPage.loader, getRequest('/', informant.cookie), {})).body!
          .actionItems,
      ).toBeNull()
    })
  })

  describe("a theme day's findings", () => {
    let themeDay: { id: string }
    const url = () => `/moten/${themeDay.id}/lardomar`

    beforeEach(async () => {
      const scenario = await createScenario(db(), {
        actorId: coordinator.id,
        organisationId: municipality.id,
        name: 'Elavbrott 72 h i januari',
        description: '',
        state: 'shared',
        definition: {
          failures: [
            { target: { resource: 'electricity' }, scope: { kind: 'everywhere' }, startHour: 0, durationHours: null },
          ],
          horizonHours: 72,
          restartHours: 0,
        },
      })
      themeDay = await makeMeeting(db(), {
        organiserOrganisationId: municipality.id,
        invitedOrganisationIds: [bostader.id, solor.id],
        kind: 'theme_day',
        title: 'Temadag elavbrott',
        scenarioId: scenario.id,
      })
    })

    it('belongs to theme days only', async () => {
      expect(
        (await call(findingsPage.loader, getRequest(`/moten/${meeting.id}/lardomar`, coordinator.cookie), params))
          .status,
      ).toBe(404)
    })

    it('a partner editor records their own organisation, versioned and audited; a second first save is a conflict', async () => {
      const saved = await call(
        findingsPage.action,
        post(
          url(),
          { organisationId: bostader.id, version: '0', effects: 'Hissar stannar', needs: 'Reservkraft' },
          partner.cookie,
        ),
        { id: themeDay.id },
      )
      expect(saved.status).toBe(302)
      expect([saved.location, saved.notice]).toEqual([
        url(),
        {
          kind: 'success',
          message: 'meetingFollowUp.findings.saved',
          values: { organisation: 'Vårgårda Bostäder AB' },
        },
      ])
      const [row] = await db().select().from(meetingFindings)
      expect(row).toMatchObject({
        organisationId: bostader.id,
        effects: 'Hissar stannar',
        needs: 'Reservkraft',
        version: 1,
        updatedBy: partner.id,
      })
      expect((await auditOf('meeting_finding', row!.id))[0]).toMatchObject({
        action: 'create',
        organisationId: bostader.id,
      })

      const stale = await call<{ values: Record<string, string>; current: { effects: string } }>(
        findingsPage.action,
        post(url(), { organisationId: bostader.id, version: '0', effects: 'Annat', needs: '' }, partner.cookie),
        { id: themeDay.id },
      )
      expect(stale.status).toBe(409)
      expect(stale.body).toMatchObject({
        values: { effects: 'Annat', version: '1' },
        current: { effects: 'Hissar stannar' },
      })
      const updated = await call(
        findingsPage.action,
        post(url(), { organisationId: bostader.id, version: '1', effects: 'Annat', needs: '' }, partner.cookie),
        { id: themeDay.id },
      )
      expect(updated.status).toBe(302)
      expect((await db().select().from(meetingFindings))[0]).toMatchObject({ effects: 'Annat', version: 2 })
    })

    it("a partner editor cannot write another organisation's row; a reader cannot write; an outsider gets 404", async () => {
      const body = (organisationId: string) => ({ organisationId, version: '0', effects: 'x', needs: 'y' })
      expect(
        (await call(findingsPage.action, post(url(), body(solor.id), partner.cookie), { id: themeDay.id })).status,
      ).toBe(403)
      expect(
        (await call(findingsPage.action, post(url(), body(bostader.id), viewer.cookie), { id: themeDay.id })).status,
      ).toBe(403)
      expect(
        (await call(findingsPage.action, post(url(), body(outsider.id), outsiderPartner.cookie), { id: themeDay.id }))
          .status,
      ).toBe(404)
      expect(
        (await call(findingsPage.action, post(url(), body(outsider.id), coordinator.cookie), { id: themeDay.id }))
          .status,
      ).toBe(403)
      expect(await db().select().from(meetingFindings)).toHaveLength(0)
    })

    it('partners see their own organisation; the coordinator sees and edits every one, with the scenario linked', async () => {
      await call(
        findingsPage.action,
        post(
          url(),
          { organisationId: solor.id, version: '0', effects: 'Fjärrvärmen', needs: 'Bränsle' },
          coordinator.cookie,
        ),
        { id: themeDay.id },
      )
      type Loaded = {
        findings: { organisationId: string; editable: boolean; effects: string }[]
        scenario: { name: string } | null
      }
      const forPartner = await call<Loaded>(findingsPage.loader, getRequest(url(), partner.cookie), { id: themeDay.id })
      expect(forPartner.body!.findings.map((row) => [row.organisationId, row.editable])).toEqual([[bostader.id, true]])
      expect(forPartner.body!.scenario).toEqual(expect.objectContaining({ name: 'Elavbrott 72 h i januari' }))
      const forViewer = await call<Loaded>(findingsPage.loader, getRequest(url(), viewer.cookie), { id: themeDay.id })
      expect(forViewer.body!.findings.map((row) => row.editable)).toEqual([false])
      const forCoordinator = await call<Loaded>(findingsPage.loader, getRequest(url(), coordinator.cookie), {
        id: themeDay.id,
      })
      expect(forCoordinator.body!.findings).toHaveLength(3)
      expect(forCoordinator.body!.findings.every((row) => row.editable)).toBe(true)
      expect(forCoordinator.body!.findings.find((row) => row.organisationId === solor.id)!.effects).toBe('Fjärrvärmen')
    })

    it('flow to the RSA: the findings of theme days for the given organisations, with the scenario', async () => {
      await call(
        findingsPage.action,
        post(url(), { organisationId: bostader.id, version: '0', effects: 'Hissar', needs: 'El' }, partner.cookie),
        { id: themeDay.id },
      )
      await call(
        findingsPage.action,
        post(url(), { organisationId: solor.id, version: '0', effects: '', needs: '' }, otherPartner.cookie),
        { id: themeDay.id },
      )
      await db()
        .insert(meetingFindings)
        .values({ meetingId: meeting.id, organisationId: bostader.id, effects: 'Inte en temadag' })
      expect(await findingsForRsa(db(), [bostader.id, solor.id])).toEqual([
        expect.objectContaining({
          meetingId: themeDay.id,
          meetingTitle: 'Temadag elavbrott',
          scenarioName: 'Elavbrott 72 h i januari',
          organisationId: bostader.id,
          organisationName: 'Vårgårda Bostäder AB',
          effects: 'Hissar',
          needs: 'El',
        }),
      ])
      expect(await findingsForRsa(db(), [solor.id])).toEqual([])
    })
  })
})
