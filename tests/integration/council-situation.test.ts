import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { councilCategories, councilReports, situationPictureVersions } from '../../app/db/schema/council'
import { purgeExpiredReports } from '../../app/modules/council/retention.server'
import type { SituationSnapshot } from '../../app/modules/council/situation-snapshot'
import * as listPage from '../../app/routes/trygghet+/$id.lagesbilder'
import * as picturePage from '../../app/routes/trygghet+/$id.lagesbilder_.$pictureId'
import * as versionPage from '../../app/routes/trygghet+/$id.lagesbilder_.$pictureId_.version.$number'
import * as pdfRoute from '../../app/routes/trygghet+/$id.lagesbilder_.$pictureId_.version.$number[.pdf]'
import {
  councilRoleOf,
  getRequest,
  grantCouncil,
  makeCouncil,
  makeCouncilArea,
  makeOrganisation,
  makeUser,
  signedIn,
} from '../support/factories'
import { pdfPages } from '../support/pdf-text'
import { callRoute, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

describe('situation pictures', () => {
  const db = useTestDatabase()
  let council: { id: string }
  let housing: { id: string }
  let categoryId: string
  let areaId: string
  const people = {} as Record<
    'coordinator' | 'member' | 'informant' | 'editor' | 'viewer',
    { id: string; cookie: string }
  >

  // The council's own council members and informants are its members and informants.
  const person = async (role: Role, organisationId: string) => {
    const created = await makeUser(db(), { role, organisationId })
    if (role === 'council_member' || role === 'informant')
      await grantCouncil(db(), { councilId: council.id, userId: created.id, role: councilRoleOf(role) })
    return { id: created.id, cookie: (await signedIn(db(), created.id)).cookie }
  }

  beforeEach(async () => {
    const municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    housing = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
    council = await makeCouncil(db(), { organisationIds: [municipality.id, housing.id], name: 'Lokalt BRÅ Vårgårda' })
    const categories = await db().select().from(councilCategories).where(eq(councilCategories.councilId, council.id))
    categoryId = categories.find((c) => c.name === 'Klotter')!.id
    areaId = (await makeCouncilArea(db(), { councilId: council.id })).id
    people.coordinator = await person('coordinator', municipality.id)
    people.member = await person('council_member', municipality.id)
    people.informant = await person('informant', housing.id)
    people.editor = await person('partner_editor', housing.id)
    people.viewer = await person('viewer', municipality.id)
    const report = (observedAt: string) => ({
      councilId: council.id,
      reporterId: people.informant.id,
      organisationId: housing.id,
      categoryId,
      locationKind: 'pin' as const,
      lat: 58.0345,
      lng: 12.807,
      areaId,
      observedAt: new Date(observedAt),
      description: 'Klotter',
      state: 'accepted' as const,
    })
    await db()
      .insert(councilReports)
      .values([report('2026-10-05T10:00:00Z'), report('2026-10-20T10:00:00Z'), report('2026-11-02T10:00:00Z')])
  })

  const base = () => `/trygghet/${council.id}/lagesbilder`

  async function createPicture() {
    const created = await callRoute(
      listPage.action,
      postForm(
        base(),
        { title: 'Lägesbild hösten 2026', periodFrom: '2026-10-01', periodTo: '2026-11-30' },
        people.member.cookie,
      ),
      { id: council.id },
    )
    expect(created.status).toBe(302)
    return created.location!.split('/').at(-1)!
  }

  const save = (pictureId: string, version: string, analysis: string) =>
    callRoute<{ conflict: boolean }>(
      picturePage.action,
      postForm(
        `${base()}/${pictureId}`,
        {
          intent: 'text',
          version,
          title: 'Lägesbild hösten 2026',
          periodFrom: '2026-10-01',
          periodTo: '2026-11-30',
          analysis,
          otherInformation: '',
        },
        people.member.cookie,
      ),
      { id: council.id, pictureId },
    )

  const freeze = (pictureId: string, version: string) =>
    callRoute(
      picturePage.action,
      postForm(`${base()}/${pictureId}`, { intent: 'freeze', version }, people.member.cookie),
      {
        id: council.id,
        pictureId,
      },
    )

  it('freezes a version that later edits, new reports and the retention job cannot change', async () => {
    const pictureId = await createPicture()
    expect((await save(pictureId, '1', 'Klottret har ökat i Centrum.')).status).toBe(302)
    const frozen = await freeze(pictureId, '2')
    expect(frozen.location).toBe(`${base()}/${pictureId}/version/1`)
    expect(frozen.notice).toEqual({ kind: 'success', message: 'situation.freeze.done', values: { number: 1 } })

    const [stored] = await db().select().from(situationPictureVersions)
    const snapshot = stored!.snapshot as SituationSnapshot
    expect(snapshot.analysis).toBe('Klottret har ökat i Centrum.')
    expect(snapshot.totals.count).toBe(3)
    expect(snapshot.byArea.find((row) => row.name === 'Centrum')?.count).toBe(3)
    expect(snapshot.hotSpots.reduce((sum, spot) => sum + spot.count, 0)).toBe(3)
    expect(snapshot.trend.series.find((series) => series.name === 'Klotter')?.counts.slice(-2)).toEqual([2, 1])

    // Later: the text is rewritten and every report is deleted by a short retention period.
    expect((await save(pictureId, '2', 'Ny analys.')).status).toBe(302)
    await db()
      .update(councilReports)
      .set({ observedAt: new Date('2020-01-01T00:00:00Z') })
    await purgeExpiredReports(db(), new Date('2026-11-27T12:00:00Z'))
    expect(await db().select().from(councilReports)).toHaveLength(0)

    const version1 = await callRoute<{ snapshot: SituationSnapshot; changes: unknown }>(
      versionPage.loader,
      getRequest(`${base()}/${pictureId}/version/1`, people.member.cookie),
      { id: council.id, pictureId, number: '1' },
    )
    expect(version1.body!.snapshot.analysis).toBe('Klottret har ökat i Centrum.')
    expect(version1.body!.snapshot.totals.count).toBe(3)
    expect(version1.body!.changes).toBeNull()

    // Version 2 says what changed since version 1.
    expect((await freeze(pictureId, '3')).status).toBe(302)
    const version2 = await callRoute<{ changes: { kind: string }[] }>(
      versionPage.loader,
      getRequest(`${base()}/${pictureId}/version/2`, people.member.cookie),
      { id: council.id, pictureId, number: '2' },
    )
    expect(version2.body!.changes).toEqual(
      expect.arrayContaining([{ kind: 'analysis' }, { kind: 'total', before: 3, after: 0 }]),
    )
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, pictureId))
    expect(audit.map((entry) => entry.action).sort()).toEqual(['create', 'freeze', 'freeze', 'update', 'update'])
  })

  it('refuses to freeze what the member did not see, and keeps typed text on a conflict', async () => {
    const pictureId = await createPicture()
    expect((await freeze(pictureId, '5')).status).toBe(409)
    expect(await db().select().from(situationPictureVersions)).toHaveLength(0)
    expect((await save(pictureId, '1', 'Första')).status).toBe(302)
    const stale = await save(pictureId, '1', 'Min text')
    expect(stale.status).toBe(409)
    expect(stale.body!.conflict).toBe(true)
  })

  it('refuses a period that ends before it starts, next to the field', async () => {
    const result = await callRoute<{ errors: Record<string, string>; values: Record<string, string> }>(
      listPage.action,
      postForm(base(), { title: 'Fel', periodFrom: '2026-11-30', periodTo: '2026-10-01' }, people.member.cookie),
      { id: council.id },
    )
    expect(result.status).toBe(400)
    expect(result.body!.errors.periodTo).toBe('situation.error.order')
    expect(result.body!.values.title).toBe('Fel')
  })

  it('gives the frozen version as a PDF', async () => {
    const pictureId = await createPicture()
    await freeze(pictureId, '1')
    const pdf = await callRoute(
      pdfRoute.loader,
      getRequest(`${base()}/${pictureId}/version/1.pdf`, people.coordinator.cookie),
      {
        id: council.id,
        pictureId,
        number: '1',
      },
    )
    expect(pdf.status).toBe(200)
    expect(pdf.response!.headers.get('Content-Type')).toBe('application/pdf')
    const bytes = Buffer.from(await pdf.response!.arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    // The hot spot's position as the pages write it, with the decimal comma.
    const text = (await pdfPages(new Uint8Array(bytes))).join(' ')
    expect(text).toMatch(/58,\d{4}° N, 12,\d{4}° E/)
    expect(text).not.toMatch(/58\.\d+, 12\.\d+/)
  })

  it('keeps Sami and Finnish letters in the PDF, and begins the mapping on the first page under the title', async () => {
    const pictureId = await createPicture()
    const analysis = 'Klotter vid Čuonjávvi och Ŋuorttanjárga; Đ đ Ŧ ŧ Ž ž Š š Ï ï Æ æ Ø ø; Äänekoski och Jåhkåmåhkke.'
    expect((await save(pictureId, '1', analysis)).status).toBe(302)
    expect((await freeze(pictureId, '2')).status).toBe(302)
    const pdf = await callRoute(
      pdfRoute.loader,
      getRequest(`${base()}/${pictureId}/version/1.pdf`, people.coordinator.cookie),
      { id: council.id, pictureId, number: '1' },
    )
    const pages = await pdfPages(new Uint8Array(await pdf.response!.arrayBuffer()))
    expect(pages[0]).toContain('Lägesbild hösten 2026, version 1')
    expect(pages[0]).toContain('1. Kartläggning Rapporter under perioden: 3')
    expect(pages.find((page) => page.includes('3. Analys'))).toContain(`3. Analys ${analysis}`)
    expect(pages.join(' ')).not.toContain('?')
  })

  it('keeps informants, partner editors and viewers out of situation pictures', async () => {
    const pictureId = await createPicture()
    await freeze(pictureId, '1')
    const params = { id: council.id, pictureId, number: '1' }
    for (const who of [people.informant, people.editor, people.viewer]) {
      for (const [loader, url] of [
        [listPage.loader, base()],
        [picturePage.loader, `${base()}/${pictureId}`],
        [versionPage.loader, `${base()}/${pictureId}/version/1`],
        [pdfRoute.loader, `${base()}/${pictureId}/version/1.pdf`],
      ] as const) {
        expect([403, 404], url).toContain((await callRoute(loader, getRequest(url, who.cookie), params)).status)
      }
      const freezeAttempt = await callRoute(
        picturePage.action,
        postForm(`${base()}/${pictureId}`, { intent: 'freeze', version: '1' }, who.cookie),
        params,
      )
      expect([403, 404]).toContain(freezeAttempt.status)
    }
    expect(await db().select().from(situationPictureVersions)).toHaveLength(1)
  })
})
