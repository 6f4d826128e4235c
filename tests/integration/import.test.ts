import { count, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { auditLog } from '../../app/db/schema/audit'
import { importBatches } from '../../app/db/schema/imports'
import { organisations } from '../../app/db/schema/organisations'
import { contactRoutes } from '../../app/db/schema/registry'
import { checkImportText } from '../../app/modules/import/import-rows'
import { confirmImport, previewImport, type ConfirmResult, type ImportPreview } from '../../app/modules/import/import.server'
import * as importPage from '../../app/routes/admin+/import'
import * as template from '../../app/routes/admin+/import_.mall'
import { formRequest, getRequest, makeContactRoute, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { useTestDatabase } from '../support/test-db'

type Handler = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>
const context = { clientIp: '10.0.5.1', cspNonce: '', requestId: 'import' }

async function call(handler: Handler, request: Request): Promise<{ status: number; body: never; response: Response | null }> {
  let result: unknown
  try {
    result = await handler({ request, params: {}, context })
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    result = thrown
  }
  if (result instanceof Response) return { status: result.status, body: null as never, response: result }
  const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } }
  if (wrapped?.type === 'DataWithResponseInit') return { status: wrapped.init?.status ?? 200, body: wrapped.data as never, response: null }
  return { status: 200, body: result as never, response: null }
}

/** The upload form as a browser sends it: multipart, with the file. */
function uploadRequest(csv: string | Uint8Array<ArrayBuffer>, cookie: string, name = 'kontakter.csv'): Request {
  const form = new FormData()
  form.append('intent', 'preview')
  form.append('file', new File([csv], name, { type: 'text/csv' }))
  form.append('text', '')
  return new Request('http://localhost/admin/import', {
    method: 'POST',
    body: form,
    headers: { Origin: 'http://localhost', Cookie: cookie },
  })
}

const header = 'organisation;typ;funktion;kanal;värde;tillgänglighet;ordning;synlighet;etikett'
const goodFile = [
  header,
  'Vårgårda Vatten AB;Vatten;ISK;Mobiltelefon;070-174 06 50;Dygnet runt (24/7);1;Hela nätverket;Jourhavande ingenjör',
  'Vårgårda Vatten AB;Vatten;Växel;Telefon;031-390 06 50;Kontorstid;2;;"Växel; vardagar 8–16"',
  'vårgårda bostäder ab;;TiB;telefon;031-390 06 61;24/7;;;Fastighetsjouren',
  // Exists already (as 031-3900660): left out.
  'Vårgårda Bostäder AB;;växel;telefon;031-390 06 60;kontorstid;;;',
  'Ny Frivilligförening;Frivilligorganisation;;;;;;;',
].join('\r\n')

describe('importing organisations and contact routes', () => {
  const db = useTestDatabase()
  let coordinator: { id: string; cookie: string }
  let partner: { id: string; cookie: string }
  let bostader: { id: string }

  const counts = async () => ({
    organisations: (await db().select({ n: count() }).from(organisations))[0]!.n,
    routes: (await db().select({ n: count() }).from(contactRoutes))[0]!.n,
    audit: (await db().select({ n: count() }).from(auditLog))[0]!.n,
  })

  beforeEach(async () => {
    const council = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    bostader = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
    await makeContactRoute(db(), { organisationId: bostader.id, function: 'switchboard', value: '031-3900660' })
    const user = await makeUser(db(), { role: 'coordinator', organisationId: council.id })
    coordinator = { id: user.id, cookie: (await signedIn(db(), user.id)).cookie }
    const editor = await makeUser(db(), { role: 'partner_editor', organisationId: bostader.id })
    partner = { id: editor.id, cookie: (await signedIn(db(), editor.id)).cookie }
  })

  it('previews an upload without writing it, then writes all of it on confirmation, audited', async () => {
    const before = await counts()
    const previewed = await call(importPage.action as Handler, uploadRequest(`\uFEFF${goodFile}`, coordinator.cookie))
    expect(previewed.status).toBe(200)
    const { preview } = previewed.body as { preview: Extract<ImportPreview, { ok: true }> }
    expect(preview.fileName).toBe('kontakter.csv')
    expect(preview.totals).toEqual({ rows: 5, newOrganisations: 2, newRoutes: 3, duplicates: 1, rowsWithIssues: 0 })
    expect(preview.rows.map((row) => [row.line, row.organisationName, row.organisationIsNew, row.routeStatus])).toEqual([
      [2, 'Vårgårda Vatten AB', true, 'new'],
      [3, 'Vårgårda Vatten AB', true, 'new'],
      [4, 'Vårgårda Bostäder AB', false, 'new'],
      [5, 'Vårgårda Bostäder AB', false, 'duplicate'],
      [6, 'Ny Frivilligförening', true, 'none'],
    ])
    expect(preview.batch).not.toBeNull()
    // Nothing is written but the batch waiting for confirmation.
    expect(await counts()).toEqual(before)
    const [batch] = await db().select().from(importBatches)
    expect(batch).toMatchObject({ id: preview.batch!.id, userId: coordinator.id, rowCount: 5 })

    const confirmed = await call(importPage.action as Handler, formRequest('/admin/import', { intent: 'confirm', batchId: preview.batch!.id }, coordinator.cookie))
    expect(confirmed.status).toBe(200)
    const { result } = confirmed.body as { result: Extract<ConfirmResult, { ok: true }> }
    expect(result.totals).toMatchObject({ newOrganisations: 2, newRoutes: 3 })
    expect(result.createdOrganisations.map((organisation) => organisation.name)).toEqual(['Ny Frivilligförening', 'Vårgårda Vatten AB'])

    const vatten = (await db().select().from(organisations).where(eq(organisations.name, 'Vårgårda Vatten AB')))[0]!
    expect(vatten.kind).toBe('water')
    const vattenRoutes = await db().select().from(contactRoutes).where(eq(contactRoutes.organisationId, vatten.id))
    expect(vattenRoutes.map((route) => [route.function, route.channel, route.value, route.availability, route.callOrder, route.visibility, route.label]).sort()).toEqual([
      ['isk', 'mobile', '070-174 06 50', 'always', 1, 'network', 'Jourhavande ingenjör'],
      ['switchboard', 'phone', '031-390 06 50', 'office_hours', 2, 'network', 'Växel; vardagar 8–16'],
    ])
    const bostaderRoutes = await db().select().from(contactRoutes).where(eq(contactRoutes.organisationId, bostader.id))
    expect(bostaderRoutes.map((route) => route.value).sort()).toEqual(['031-390 06 61', '031-3900660'])
    expect(await db().select({ n: count() }).from(organisations).where(eq(organisations.name, 'vårgårda bostäder ab'))).toEqual([{ n: 0 }])

    const audits = await db().select().from(auditLog).where(eq(auditLog.userId, coordinator.id))
    const summary = (entity: string, action: string) => audits.filter((entry) => entry.entity === entity && entry.action === action)
    expect(summary('organisation', 'create')).toHaveLength(2)
    expect(summary('contact_route', 'create')).toHaveLength(3)
    expect(summary('contact_route', 'create').every((entry) => entry.organisationId !== null && (entry.changes as Record<string, unknown>).value)).toBe(true)
    expect(summary('import', 'create').map((entry) => entry.changes)).toEqual([
      {
        fileName: { before: null, after: 'kontakter.csv' },
        rows: { before: null, after: 5 },
        organisations: { before: null, after: 2 },
        contactRoutes: { before: null, after: 3 },
      },
    ])
    expect(await db().select().from(importBatches)).toEqual([])

    // A second confirmation (a double click, the back button) writes nothing more.
    const again = await call(importPage.action as Handler, formRequest('/admin/import', { intent: 'confirm', batchId: preview.batch!.id }, coordinator.cookie))
    expect(again.status).toBe(409)
    expect((again.body as { result: ConfirmResult }).result).toEqual({ ok: false, error: 'gone' })
  })

  it('shows every bad row with its errors and writes nothing, not even a batch to confirm', async () => {
    const before = await counts()
    const bad = [
      header,
      'Ny Kommun;Kommun;ISK;Telefon;031-390 06 70;Dygnet runt (24/7);1;;',
      'Ny Kommun;Kommun;Växel;Telefon;inte ett nummer;Ibland;1;;',
      'Utan typ AB;;Växel;Telefon;031-390 06 71;Kontorstid;1;;',
    ].join('\n')
    const previewed = await call(importPage.action as Handler, uploadRequest(bad, coordinator.cookie))
    expect(previewed.status).toBe(400)
    const { preview } = previewed.body as { preview: Extract<ImportPreview, { ok: true }> }
    expect(preview.batch).toBeNull()
    expect(preview.totals.rowsWithIssues).toBe(2)
    expect(preview.rows.map((row) => [row.line, row.issues])).toEqual([
      [2, []],
      [
        3,
        [
          { column: 'availability', message: 'import.error.unknownValue' },
          { column: 'value', message: 'contacts.validation.phone' },
        ],
      ],
      [4, [{ column: 'kind', message: 'import.error.kindNeeded' }]],
    ])
    expect(await counts()).toEqual(before)
    expect(await db().select().from(importBatches)).toEqual([])
  })

  it('lists at most 500 bad rows and 200 good ones, counting all of them', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) =>
      i % 2 ? `Bolag ${i};Företag;Växel;Telefon;031-390 06 ${String(i % 100).padStart(2, '0')};Kontorstid;;;` : `Bolag ${i};Företag;Växel;Telefon;fel;Kontorstid;;;`,
    )
    const preview = await previewImport(db(), { actorId: coordinator.id, text: [header, ...rows].join('\n'), fileName: '' })
    if (!preview.ok) throw new Error('expected rows')
    expect(preview.totals).toMatchObject({ rows: 1200, rowsWithIssues: 600 })
    expect(preview.rows.filter((row) => row.issues.length > 0)).toHaveLength(500)
    expect(preview.rows.filter((row) => row.issues.length === 0)).toHaveLength(100)
    expect(preview.batch).toBeNull()
  })

  it('writes nothing at all when one write of the confirmation fails', async () => {
    const before = await counts()
    const preview = await previewImport(db(), { actorId: coordinator.id, text: goodFile, fileName: 'x.csv' })
    if (!preview.ok || !preview.batch) throw new Error('expected a clean preview')
    // Spoil the last route so that its insert fails after the organisations and other routes are written.
    const [batch] = await db().select().from(importBatches)
    const rows = batch!.rows.map((row) => (row.line === 4 && row.route ? { ...row, route: { ...row.route, callOrder: 'många' as unknown as number } } : row))
    await db().update(importBatches).set({ rows }).where(eq(importBatches.id, batch!.id))
    await expect(confirmImport(db(), { actorId: coordinator.id, batchId: batch!.id })).rejects.toThrow()
    expect(await counts()).toEqual(before)
    expect(await db().select({ id: importBatches.id }).from(importBatches)).toHaveLength(1)
  })

  it('confirms only the coordinator’s own, unexpired batch, planned again against the data as it is now', async () => {
    const preview = await previewImport(db(), { actorId: coordinator.id, text: goodFile, fileName: '' })
    if (!preview.ok || !preview.batch) throw new Error('expected a clean preview')
    const other = await makeUser(db(), { role: 'coordinator' })
    expect(await confirmImport(db(), { actorId: other.id, batchId: preview.batch.id })).toEqual({ ok: false, error: 'gone' })
    const late = new Date(Date.now() + 31 * 60_000)
    expect(await confirmImport(db(), { actorId: coordinator.id, batchId: preview.batch.id }, late)).toEqual({ ok: false, error: 'gone' })

    // Vårgårda Bostäder AB is removed meanwhile: its rows have no type to create it with.
    await db().delete(organisations).where(eq(organisations.id, bostader.id))
    const before = await counts()
    expect(await confirmImport(db(), { actorId: coordinator.id, batchId: preview.batch.id })).toEqual({ ok: false, error: 'changed' })
    expect(await counts()).toEqual(before)
  })

  it('reads pasted text, and refuses a file over the body limit and an empty form', async () => {
    const pasted = await call(importPage.action as Handler, formRequest('/admin/import', { intent: 'preview', text: goodFile }, coordinator.cookie))
    expect(pasted.status).toBe(200)
    expect((pasted.body as { preview: { totals: { rows: number } }; text: string }).preview.totals.rows).toBe(5)
    expect((pasted.body as { text: string }).text).toBe(goodFile)

    const huge = new Uint8Array(1024 * 1024 + 1).fill(0x61)
    const tooLarge = await call(importPage.action as Handler, uploadRequest(huge, coordinator.cookie))
    expect(tooLarge.status).toBe(413)
    expect((tooLarge.body as { error: string }).error).toBe('import.tooLarge')

    const empty = await call(importPage.action as Handler, formRequest('/admin/import', { intent: 'preview', text: ' ' }, coordinator.cookie))
    expect(empty.status).toBe(400)
    expect((empty.body as { error: string }).error).toBe('import.nothing')
  })

  it('offers a template that reads back without problems', async () => {
    const result = await call(template.loader as Handler, getRequest('/admin/import/mall', coordinator.cookie))
    const response = result.response!
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toContain('attachment')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    // TextDecoder drops the BOM checked above.
    const text = new TextDecoder().decode(bytes)
    expect(text.split('\r\n')).toHaveLength(4)
    expect(text.split('\r\n')[0]).toBe(header.split(';').map((name) => `"${name}"`).join(';'))
    const checked = checkImportText(text)
    expect(checked.ok && checked.rows.map((row) => row.issues)).toEqual([[], []])
  })

  it('refuses a partner editor everything: page, template, preview and confirmation', async () => {
    const preview = await previewImport(db(), { actorId: coordinator.id, text: goodFile, fileName: '' })
    if (!preview.ok || !preview.batch) throw new Error('expected a clean preview')
    const before = await counts()
    expect((await call(importPage.loader as Handler, getRequest('/admin/import', partner.cookie))).status).toBe(403)
    expect((await call(template.loader as Handler, getRequest('/admin/import/mall', partner.cookie))).status).toBe(403)
    expect((await call(importPage.action as Handler, uploadRequest(goodFile, partner.cookie))).status).toBe(403)
    const confirm = formRequest('/admin/import', { intent: 'confirm', batchId: preview.batch.id }, partner.cookie)
    expect((await call(importPage.action as Handler, confirm)).status).toBe(403)
    expect(await counts()).toEqual(before)
    expect(await db().select({ id: importBatches.id }).from(importBatches)).toHaveLength(1)
  })
})
