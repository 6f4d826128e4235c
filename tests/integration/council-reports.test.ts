import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import {
  councilArchivedCounts,
  councilCategories,
  councilReportReads,
  councilReports,
} from '../../app/db/schema/council'
import { invitations } from '../../app/db/schema/auth'
import { purgeExpiredReports, retentionCutoff } from '../../app/modules/council/retention.server'
import { formatDateTime } from '../../app/i18n/format'
import { instantToStockholm } from '../../app/modules/meetings/stockholm-time'
import * as councilLayout from '../../app/routes/trygghet+/$id'
import * as overviewPage from '../../app/routes/trygghet+/$id._index'
import * as inboxPage from '../../app/routes/trygghet+/$id.inkorg'
import * as informantsPage from '../../app/routes/trygghet+/$id.inrapportorer'
import * as settingsPage from '../../app/routes/trygghet+/$id.installningar'
import * as categoriesPage from '../../app/routes/trygghet+/$id.kategorier'
import * as readLogPage from '../../app/routes/trygghet+/$id.lasloggen'
import * as ownPage from '../../app/routes/trygghet+/$id.mina-rapporter'
import * as reportPage from '../../app/routes/trygghet+/$id.rapportera'
import * as reviewPage from '../../app/routes/trygghet+/$id.rapporter.$reportId'
import * as councilsPage from '../../app/routes/trygghet+/_index'
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
import { renderRoute } from '../support/render-route'
import { callRoute, flashCookieOf, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

describe('the council: reports, inbox, review, read log and retention', () => {
  const db = useTestDatabase()
  let municipality: { id: string }
  let housing: { id: string }
  let outsider: { id: string }
  let council: { id: string; version: number }
  let categoryId: string
  let otherCategoryId: string
  let areaId: string
  const people = {} as Record<
    'coordinator' | 'member' | 'informant' | 'informant2' | 'editor' | 'viewer' | 'outsiderInformant',
    { id: string; cookie: string }
  >

  // The council's own council members and informants are its members and informants.
  const person = async (role: Role, organisationId: string) => {
    const created = await makeUser(db(), { role, organisationId })
    if (organisationId !== outsider.id && (role === 'council_member' || role === 'informant'))
      await grantCouncil(db(), { councilId: council.id, userId: created.id, role: councilRoleOf(role) })
    return { id: created.id, cookie: (await signedIn(db(), created.id)).cookie }
  }

  beforeEach(async () => {
    municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    housing = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
    outsider = await makeOrganisation(db(), { name: 'Autoliv', kind: 'company' })
    council = await makeCouncil(db(), { organisationIds: [municipality.id, housing.id], name: 'Lokalt BRÅ Vårgårda' })
    const categories = await db().select().from(councilCategories).where(eq(councilCategories.councilId, council.id))
    categoryId = categories.find((c) => c.name === 'Klotter')!.id
    otherCategoryId = categories.find((c) => c.name === 'Skadegörelse')!.id
    areaId = (await makeCouncilArea(db(), { councilId: council.id })).id
    people.coordinator = await person('coordinator', municipality.id)
    people.member = await person('council_member', municipality.id)
    people.informant = await person('informant', housing.id)
    people.informant2 = await person('informant', housing.id)
    people.editor = await person('partner_editor', housing.id)
    people.viewer = await person('viewer', municipality.id)
    people.outsiderInformant = await person('informant', outsider.id)
  })

  const base = () => `/trygghet/${council.id}`
  const params = () => ({ id: council.id })

  function reportFields(changes: Record<string, string> = {}) {
    const { date, time } = instantToStockholm(new Date(Date.now() - 3_600_000))
    return {
      organisationId: housing.id,
      categoryId,
      locationKind: 'pin',
      lat: '58,0345',
      lng: '12.8070',
      areaId: '',
      observedDate: date,
      observedTime: time,
      description: 'Klotter på gångtunnelns vägg.',
      clientKey: '',
      ...changes,
    }
  }

  async function file(who: { cookie: string }, changes: Record<string, string> = {}) {
    return callRoute<{ errors: Record<string, string>; values: Record<string, string> }>(
      reportPage.action,
      postForm(`${base()}/rapportera`, reportFields(changes), who.cookie),
      params(),
    )
  }

  it('files an informant report, puts it in its area and audits it without its text', async () => {
    const result = await file(people.informant)
    expect(result.status).toBe(302)
    expect(result.location).toBe(`${base()}/mina-rapporter`)
    expect(result.notice).toEqual({ kind: 'success', message: 'council.report.sent' })
    // The list reached with that notice tells the phone to forget the kept draft; a later visit does not.
    const own = async (cookie: string) =>
      (await callRoute<{ sent: boolean }>(ownPage.loader, getRequest(result.location!, cookie), params())).body!.sent
    expect(await own(`${people.informant.cookie}; ${flashCookieOf(result.response)!}`)).toBe(true)
    expect(await own(people.informant.cookie)).toBe(false)
    const [report] = await db().select().from(councilReports).where(eq(councilReports.councilId, council.id))
    expect(report).toMatchObject({ areaId, state: 'new', organisationId: housing.id, reporterId: people.informant.id })
    expect(report!.lat).toBeCloseTo(58.0345)
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, report!.id))
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit[0]!.changes)).not.toContain('gångtunnel')
  })

  it('refuses a personal identity number or a phone number next to the field and keeps the rest', async () => {
    for (const [text, message] of [
      ['Mannen med personnummer 19121212-1212 klottrar', 'council.report.error.personalNumber'],
      ['Ring 070-174 06 05 så berättar jag mer', 'council.report.error.phoneNumber'],
    ] as const) {
      const result = await file(people.informant, { description: text })
      expect(result.status).toBe(400)
      expect(result.body!.errors.description).toBe(message)
      expect(result.body!.values).toMatchObject({ description: text, lat: '58,0345', categoryId })
    }
    expect(await db().select().from(councilReports)).toHaveLength(0)
  })

  it('explains a missing position, a future time and an unknown category', async () => {
    const { date } = instantToStockholm(new Date(Date.now() + 3 * 86_400_000))
    const result = await file(people.informant, { lat: '', lng: '', observedDate: date })
    expect(result.status).toBe(400)
    expect(result.body!.errors).toMatchObject({
      lat: 'council.report.error.position',
      observedDate: 'council.report.error.future',
    })
    const area = await file(people.informant, { locationKind: 'area', areaId: '' })
    expect(area.body!.errors.areaId).toBe('council.report.error.area')
    const foreign = await makeCouncil(db(), { organisationIds: [outsider.id] })
    const [foreignCategory] = await db()
      .select()
      .from(councilCategories)
      .where(eq(councilCategories.councilId, foreign.id))
    const wrong = await file(people.informant, { categoryId: foreignCategory!.id })
    expect(wrong.status).toBe(400)
    expect(wrong.body!.errors.categoryId).toBe('validation.choose')
  })

  it('stores a report sent twice with the same client key once', async () => {
    const key = '5b0d2f4e-93a7-4c1e-8f16-0d6f3d2b9c11'
    expect((await file(people.informant, { clientKey: key })).status).toBe(302)
    expect((await file(people.informant, { clientKey: key })).status).toBe(302)
    expect(await db().select().from(councilReports)).toHaveLength(1)
  })

  it('lets a reporter choose a named area instead of a position', async () => {
    expect((await file(people.informant, { locationKind: 'area', areaId, lat: '', lng: '' })).status).toBe(302)
    const [report] = await db().select().from(councilReports)
    expect(report).toMatchObject({ areaId, lat: null, locationKind: 'area' })
  })

  it('shows informants their own reports and feedback only, and logs those reads', async () => {
    await file(people.informant)
    await file(people.informant2, { description: 'Trasig lampa vid stationen.' })
    const own = await callRoute<{ reports: { description: string }[] }>(
      ownPage.loader,
      getRequest(`${base()}/mina-rapporter`, people.informant.cookie),
      params(),
    )
    expect(own.body!.reports.map((r) => r.description)).toEqual(['Klotter på gångtunnelns vägg.'])
    const reads = await db().select().from(councilReportReads).where(eq(councilReportReads.userId, people.informant.id))
    expect(reads).toHaveLength(1)
    expect(reads[0]!.place).toBe('own')
  })

  it('pages an informant’s own reports 25 at a time and filters them by state, never showing another’s', async () => {
    const reportOf = (reporterId: string, index: number, state: 'new' | 'accepted' | 'rejected') => ({
      councilId: council.id,
      reporterId,
      organisationId: housing.id,
      categoryId,
      locationKind: 'area' as const,
      areaId,
      observedAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
      description: `Rapport ${index}`,
      state,
    })
    await db()
      .insert(councilReports)
      .values([
        ...Array.from({ length: 60 }, (_, index) =>
          reportOf(people.informant.id, index, index % 3 === 0 ? 'accepted' : 'new'),
        ),
        ...Array.from({ length: 30 }, (_, index) => reportOf(people.informant2.id, 100 + index, 'rejected')),
      ])
    type Own = { reports: { description: string; state: string }[]; page: number; pages: number; all: number }
    const own = async (query: string) => {
      const result = await callRoute<Own>(
        ownPage.loader,
        getRequest(`${base()}/mina-rapporter${query}`, people.informant.cookie),
        params(),
      )
      expect(result.status).toBe(200)
      return result.body!
    }
    const first = await own('')
    expect(first.reports).toHaveLength(25)
    expect(first).toMatchObject({ page: 1, pages: 3, all: 60 })
    expect(first.reports[0]!.description).toBe('Rapport 59')
    const third = await own('?sida=3')
    expect(third.reports).toHaveLength(10)
    expect(third.reports.at(-1)!.description).toBe('Rapport 0')
    const accepted = await own('?status=accepted')
    expect(accepted.reports).toHaveLength(20)
    expect(accepted.pages).toBe(1)
    expect(accepted.reports.every((report) => report.state === 'accepted')).toBe(true)
    const secondNew = await own('?status=new&sida=2')
    expect(secondNew.reports).toHaveLength(15)
    expect(secondNew.reports.every((report) => report.state === 'new')).toBe(true)
    // The other informant's reports are all rejected: none reaches this informant.
    expect((await own('?status=rejected')).reports).toEqual([])
    const everything = [first, await own('?sida=2'), third].flatMap((page) => page.reports)
    expect(new Set(everything.map((report) => report.description)).size).toBe(60)
    expect(everything.every((report) => Number(report.description.split(' ')[1]) < 60)).toBe(true)
    // Nonsense in the query falls back to the first page of all reports.
    expect(await own('?status=x&sida=-4')).toMatchObject({ page: 1, all: 60 })
    const html = await renderRoute(ownPage.default, { loaderData: third })
    expect(html).toContain('Sida 3 av 3')
    expect(html).toContain(`href="${base()}/mina-rapporter?sida=2"`)
    expect(html).toContain(`href="${base()}/mina-rapporter?status=accepted"`)
  })

  it('keeps informants, partner editors and viewers away from every council page and action', async () => {
    await file(people.informant)
    const [report] = await db().select().from(councilReports)
    const reviewParams = { id: council.id, reportId: report!.id }
    const pages: [unknown, string, Record<string, string>][] = [
      [overviewPage.loader, base(), params()],
      [inboxPage.loader, `${base()}/inkorg`, params()],
      [reviewPage.loader, `${base()}/rapporter/${report!.id}`, reviewParams],
      [categoriesPage.loader, `${base()}/kategorier`, params()],
      [informantsPage.loader, `${base()}/inrapportorer`, params()],
      [settingsPage.loader, `${base()}/installningar`, params()],
      [readLogPage.loader, `${base()}/lasloggen`, params()],
    ]
    const actions: [unknown, string, Record<string, string>, Record<string, string>][] = [
      [
        reviewPage.action,
        `${base()}/rapporter/${report!.id}`,
        reviewParams,
        { decision: 'accept', version: '1', categoryId },
      ],
      [categoriesPage.action, `${base()}/kategorier`, params(), { intent: 'add', name: 'Ny' }],
      [
        informantsPage.action,
        `${base()}/inrapportorer`,
        params(),
        { email: 'ny@example.org', organisationId: housing.id },
      ],
      [
        settingsPage.action,
        `${base()}/installningar`,
        params(),
        { version: '1', name: 'x', retentionMonths: '1', coarsenMetres: '0' },
      ],
    ]
    for (const who of [people.informant, people.editor, people.viewer, people.outsiderInformant]) {
      for (const [loader, url, routeParams] of pages) {
        const result = await callRoute(loader, getRequest(url, who.cookie), routeParams)
        expect([403, 404], url).toContain(result.status)
      }
      for (const [action, url, routeParams, fields] of actions) {
        const result = await callRoute(action, postForm(url, fields, who.cookie), routeParams)
        expect([403, 404], url).toContain(result.status)
      }
    }
    // Editors and viewers do not report; an informant of an organisation outside the council cannot either.
    for (const who of [people.editor, people.viewer, people.outsiderInformant]) {
      expect([403, 404]).toContain((await file(who)).status)
      const own = await callRoute(ownPage.loader, getRequest(`${base()}/mina-rapporter`, who.cookie), params())
      expect([403, 404]).toContain(own.status)
    }
    // Nothing was changed by the refused requests.
    const [after] = await db().select().from(councilReports)
    expect(after).toMatchObject({ state: 'new', version: 1 })
    expect(await db().select().from(invitations)).toHaveLength(0)
    // The council list shows them nothing.
    const list = await callRoute<{ councils: unknown[] }>(
      councilsPage.loader,
      getRequest('/trygghet', people.editor.cookie),
    )
    expect(list.body!.councils).toEqual([])
  })

  it("the council's layout names the council and the open page, links to the pages each user may open, and refuses as every page does", async () => {
    await file(people.informant)
    const [report] = await db().select().from(councilReports)
    type Layout = { council: { id: string; name: string; links: Record<string, boolean> } }
    const layout = (who: { cookie: string }) =>
      callRoute<Layout>(councilLayout.loader, getRequest(`${base()}/inkorg`, who.cookie), params())
    const coordinator = await layout(people.coordinator)
    expect(coordinator.body!.council).toEqual({
      id: council.id,
      name: 'Lokalt BRÅ Vårgårda',
      links: { work: true, report: true, settings: true, readLog: true },
    })
    const member = await layout(people.member)
    expect(member.body!.council.links).toEqual({ work: true, report: true, settings: false, readLog: false })
    // An informant opens no overview, but reporting and their own reports: the layout lets them in.
    const informant = await layout(people.informant)
    expect(informant.body!.council.links).toEqual({ work: false, report: true, settings: false, readLog: false })
    for (const who of [people.editor, people.viewer, people.outsiderInformant])
      expect((await layout(who)).status).toBe(404)
    // Granted the council, but for an organisation outside its network: no page to open, refused like each page.
    await grantCouncil(db(), { councilId: council.id, userId: people.outsiderInformant.id, role: 'informant' })
    const outsider = people.outsiderInformant.cookie
    expect((await layout(people.outsiderInformant)).status).toBe(403)
    expect((await callRoute(overviewPage.loader, getRequest(base(), outsider), params())).status).toBe(403)
    expect((await callRoute(reportPage.loader, getRequest(`${base()}/rapportera`, outsider), params())).status).toBe(
      403,
    )

    const pageOf = async (page: { loader: unknown }, path: string, who: { cookie: string }, extra = {}) =>
      (await callRoute(page.loader, getRequest(`${base()}${path}`, who.cookie), { ...params(), ...extra })).body
    const inbox = await renderRoute(inboxPage.default, {
      loaderData: await pageOf(inboxPage, '/inkorg', people.coordinator),
      handle: inboxPage.handle,
      layout: { Layout: councilLayout.default, loaderData: coordinator.body },
    })
    expect(inbox).toContain(
      '<header class="council-header"><p class="council-header__council">Lokalt BRÅ Vårgårda</p><h1>Inkorg</h1>',
    )
    expect(inbox.match(/<h1>/g)).toHaveLength(1)
    for (const link of ['Översikt', 'Rapportera', 'Mina rapporter', 'Inkorg', 'Inställningar', 'Läslogg'])
      expect(inbox).toContain(`>${link}</a>`)
    const memberInbox = await renderRoute(inboxPage.default, {
      loaderData: await pageOf(inboxPage, '/inkorg', people.member),
      handle: inboxPage.handle,
      layout: { Layout: councilLayout.default, loaderData: member.body },
    })
    expect(memberInbox).toContain('>Veckobild</a>')
    for (const link of ['Inställningar', 'Läslogg']) expect(memberInbox).not.toContain(`>${link}</a>`)
    const reporting = await renderRoute(reportPage.default, {
      loaderData: await pageOf(reportPage, '/rapportera', people.informant),
      handle: reportPage.handle,
      layout: { Layout: councilLayout.default, loaderData: informant.body },
    })
    expect(reporting).toContain('<h1>Rapportera</h1>')
    expect(reporting).toContain('>Mina rapporter</a>')
    for (const link of ['Översikt', 'Inkorg']) expect(reporting).not.toContain(`>${link}</a>`)
    // A heading that holds a record's date, in the reader's language.
    const review = await renderRoute(reviewPage.default, {
      loaderData: await pageOf(reviewPage, `/rapporter/${report!.id}`, people.member, { reportId: report!.id }),
      handle: reviewPage.handle,
      layout: { Layout: councilLayout.default, loaderData: member.body },
    })
    expect(review).toContain(`<h1>Rapport från ${formatDateTime('sv', report!.observedAt)}</h1>`)
  })

  it('reviews a report: reclassify and accept, conflict on a stale version, feedback reaches the reporter', async () => {
    await file(people.informant)
    const [report] = await db().select().from(councilReports)
    const url = `${base()}/rapporter/${report!.id}`
    const reviewParams = { id: council.id, reportId: report!.id }
    const page = await callRoute<{ report: { description: string; position: { lat: number } } }>(
      reviewPage.loader,
      getRequest(url, people.member.cookie),
      reviewParams,
    )
    expect(page.body!.report.description).toBe('Klotter på gångtunnelns vägg.')
    expect(page.body!.report.position.lat).toBeCloseTo(58.0345, 6)

    const accepted = await callRoute(
      reviewPage.action,
      postForm(
        url,
        {
          decision: 'accept',
          version: '1',
          categoryId: otherCategoryId,
          feedback: 'Fastighetsägaren sanerar i veckan.',
        },
        people.member.cookie,
      ),
      reviewParams,
    )
    expect([accepted.status, accepted.location]).toEqual([302, url])
    expect(accepted.notice).toEqual({ kind: 'success', message: 'council.review.saved' })
    const stale = await callRoute<{ conflict: boolean }>(
      reviewPage.action,
      postForm(url, { decision: 'reject', version: '1', reason: 'Dubblett' }, people.member.cookie),
      reviewParams,
    )
    expect(stale.status).toBe(409)
    expect(stale.body!.conflict).toBe(true)
    const [saved] = await db().select().from(councilReports)
    expect(saved).toMatchObject({
      state: 'accepted',
      categoryId: otherCategoryId,
      version: 2,
      feedback: 'Fastighetsägaren sanerar i veckan.',
    })

    const noReason = await callRoute<{ errors: Record<string, string> }>(
      reviewPage.action,
      postForm(url, { decision: 'reject', version: '2', reason: '' }, people.member.cookie),
      reviewParams,
    )
    expect(noReason.status).toBe(400)
    expect(noReason.body!.errors.reason).toBe('council.review.reasonRequired')

    const own = await callRoute<{ reports: { feedback: string; state: string }[] }>(
      ownPage.loader,
      getRequest(`${base()}/mina-rapporter`, people.informant.cookie),
      params(),
    )
    expect(own.body!.reports[0]).toMatchObject({ state: 'accepted', feedback: 'Fastighetsägaren sanerar i veckan.' })
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, report!.id), eq(auditLog.action, 'accept')))
    expect(audit[0]!.changes).toMatchObject({ state: { before: 'new', after: 'accepted' } })
    expect(JSON.stringify(audit[0]!.changes)).not.toContain('sanerar')
  })

  it('merges a duplicate into an earlier report and refuses merging into itself', async () => {
    await file(people.informant)
    await file(people.informant2, { description: 'Samma klotter igen.' })
    const [first, second] = await db().select().from(councilReports).orderBy(councilReports.createdAt)
    const url = `${base()}/rapporter/${second!.id}`
    const reviewParams = { id: council.id, reportId: second!.id }
    const self = await callRoute<{ errors: Record<string, string> }>(
      reviewPage.action,
      postForm(url, { decision: 'merge', version: '1', intoId: second!.id }, people.member.cookie),
      reviewParams,
    )
    expect(self.body!.errors.intoId).toBe('council.review.error.mergeSelf')
    const merged = await callRoute(
      reviewPage.action,
      postForm(url, { decision: 'merge', version: '1', intoId: first!.id }, people.member.cookie),
      reviewParams,
    )
    expect(merged.status).toBe(302)
    const [after] = await db().select().from(councilReports).where(eq(councilReports.id, second!.id))
    expect(after).toMatchObject({ state: 'merged', mergedIntoId: first!.id })
  })

  it('shows the coordinator a coarsened position and the council member the reported one', async () => {
    await file(people.informant, { lat: '58.034567', lng: '12.807891' })
    const [report] = await db().select().from(councilReports)
    const reviewParams = { id: council.id, reportId: report!.id }
    const url = `${base()}/rapporter/${report!.id}`
    const asMember = await callRoute<{
      report: { position: { lat: number; lng: number } }
      coarsenedTo: number | null
    }>(reviewPage.loader, getRequest(url, people.member.cookie), reviewParams)
    expect(asMember.body!.report.position).toEqual({ lat: 58.034567, lng: 12.807891 })
    expect(asMember.body!.coarsenedTo).toBeNull()
    const asCoordinator = await callRoute<{
      report: { position: { lat: number; lng: number } }
      coarsenedTo: number | null
    }>(reviewPage.loader, getRequest(url, people.coordinator.cookie), reviewParams)
    expect(asCoordinator.body!.coarsenedTo).toBe(100)
    expect(asCoordinator.body!.report.position).not.toEqual({ lat: 58.034567, lng: 12.807891 })
    // Within a 100 m square's half diagonal of the reported position.
    expect(Math.abs(asCoordinator.body!.report.position.lat - 58.034567)).toBeLessThan(0.001)
  })

  it('prints the position on the report page with the Swedish decimal comma', async () => {
    await file(people.informant, { lat: '58.034308', lng: '12.808685' })
    const [report] = await db().select().from(councilReports)
    const page = await callRoute(
      reviewPage.loader,
      getRequest(`${base()}/rapporter/${report!.id}`, people.member.cookie),
      {
        id: council.id,
        reportId: report!.id,
      },
    )
    const html = await renderRoute(reviewPage.default, { loaderData: page.body })
    expect(html).toContain('58,0343° N, 12,8087° E')
    expect(html).not.toContain('58.034308')
  })

  it('logs every read of a report in the inbox and on its page, which the coordinator can see', async () => {
    await file(people.informant)
    await file(people.informant2, { description: 'Lampa trasig.' })
    const inbox = await callRoute<{ reports: unknown[] }>(
      inboxPage.loader,
      getRequest(`${base()}/inkorg`, people.member.cookie),
      params(),
    )
    expect(inbox.body!.reports).toHaveLength(2)
    const [report] = await db().select().from(councilReports)
    await callRoute(reviewPage.loader, getRequest(`${base()}/rapporter/${report!.id}`, people.member.cookie), {
      id: council.id,
      reportId: report!.id,
    })
    const reads = await db().select().from(councilReportReads).where(eq(councilReportReads.userId, people.member.id))
    expect(reads.map((read) => read.place).sort()).toEqual(['inbox', 'inbox', 'report'])

    const log = await callRoute<{ reads: { userName: string; place: string }[] }>(
      readLogPage.loader,
      getRequest(`${base()}/lasloggen`, people.coordinator.cookie),
      params(),
    )
    expect(log.body!.reads.filter((read) => read.place !== 'own')).toHaveLength(3)
    const forMember = await callRoute(
      readLogPage.loader,
      getRequest(`${base()}/lasloggen`, people.member.cookie),
      params(),
    )
    expect(forMember.status).toBe(403)
  })

  it('lets a council member invite informants of the council organisations only, always as informants', async () => {
    const refused = await callRoute<{ errors: Record<string, string> }>(
      informantsPage.action,
      postForm(
        `${base()}/inrapportorer`,
        { email: 'ny@example.org', organisationId: outsider.id },
        people.member.cookie,
      ),
      params(),
    )
    expect(refused.body!.errors.organisationId).toBe('council.informants.notInCouncil')
    const sent = await callRoute(
      informantsPage.action,
      postForm(
        `${base()}/inrapportorer`,
        { email: 'vaktmastare@example.org', organisationId: housing.id, role: 'coordinator' },
        people.member.cookie,
      ),
      params(),
    )
    expect(sent.status).toBe(200)
    const [invitation] = await db().select().from(invitations)
    expect(invitation).toMatchObject({
      email: 'vaktmastare@example.org',
      role: 'informant',
      organisationId: housing.id,
    })
  })

  it('keeps category names unique and a retired category out of the report form', async () => {
    const duplicate = await callRoute<{ errors: Record<string, string> }>(
      categoriesPage.action,
      postForm(`${base()}/kategorier`, { intent: 'add', name: 'klotter' }, people.member.cookie),
      params(),
    )
    expect(duplicate.body!.errors.name).toBe('council.categories.duplicate')
    const retired = await callRoute(
      categoriesPage.action,
      postForm(
        `${base()}/kategorier`,
        { intent: 'active', id: categoryId, version: '1', active: 'false' },
        people.member.cookie,
      ),
      params(),
    )
    expect(retired.status).toBe(302)
    const form = await callRoute<{ categories: { id: string }[] }>(
      reportPage.loader,
      getRequest(`${base()}/rapportera`, people.informant.cookie),
      params(),
    )
    expect(form.body!.categories.map((c) => c.id)).not.toContain(categoryId)
    expect((await file(people.informant)).status).toBe(400)
  })

  it('deletes reports older than the retention period and keeps their counts', async () => {
    const now = new Date('2026-11-27T12:00:00Z')
    const at = (iso: string) => new Date(iso)
    const row = (observedAt: Date, state: 'new' | 'accepted' | 'rejected', category = categoryId) => ({
      councilId: council.id,
      reporterId: people.informant.id,
      organisationId: housing.id,
      categoryId: category,
      locationKind: 'pin' as const,
      lat: 58.0345,
      lng: 12.807,
      areaId,
      observedAt,
      description: 'Gammal rapport',
      state,
    })
    await db()
      .insert(councilReports)
      .values([
        row(at('2024-10-15T10:00:00Z'), 'accepted'),
        row(at('2024-10-20T10:00:00Z'), 'accepted'),
        row(at('2024-10-21T10:00:00Z'), 'rejected'),
        row(at('2024-09-30T22:30:00Z'), 'new', otherCategoryId), // 1 October in Stockholm
        row(at('2025-01-10T10:00:00Z'), 'accepted'),
      ])
    const results = await purgeExpiredReports(db(), now)
    expect(results).toEqual([{ councilId: council.id, deleted: 4, archived: 3 }])
    const left = await db().select().from(councilReports)
    expect(left).toHaveLength(1)
    const counts = await db()
      .select()
      .from(councilArchivedCounts)
      .where(eq(councilArchivedCounts.councilId, council.id))
    expect(
      counts
        .map((c) => ({
          month: c.month,
          category: c.categoryId === categoryId ? 'klotter' : 'skadegörelse',
          count: c.count,
        }))
        .sort((a, b) => a.category.localeCompare(b.category)),
    ).toEqual([
      { month: '2024-10-01', category: 'klotter', count: 2 },
      { month: '2024-10-01', category: 'skadegörelse', count: 1 },
    ])
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.entity, 'council_retention'))
    expect(entry!.changes).toMatchObject({ deleted: { after: 4 }, archived: { after: 3 } })
    // A second run finds nothing more.
    expect(await purgeExpiredReports(db(), now)).toEqual([])
    // The coordinator's settings page says when it last ran.
    const settings = await callRoute<{ lastRun: { deleted: number } }>(
      settingsPage.loader,
      getRequest(`${base()}/installningar`, people.coordinator.cookie),
      params(),
    )
    expect(settings.body!.lastRun.deleted).toBe(4)
  })

  it('counts retention in calendar months', () => {
    expect(retentionCutoff(new Date('2026-11-27T12:00:00Z'), 24).toISOString()).toBe('2024-11-27T12:00:00.000Z')
    expect(retentionCutoff(new Date('2026-03-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z')
  })

  it('lets the coordinator change retention and coarsening, refusing values out of range', async () => {
    const bad = await callRoute<{ errors: Record<string, string> }>(
      settingsPage.action,
      postForm(
        `${base()}/installningar`,
        { version: '1', name: 'Lokalt BRÅ', retentionMonths: '0', coarsenMetres: 'x' },
        people.coordinator.cookie,
      ),
      params(),
    )
    expect(bad.body!.errors).toMatchObject({
      retentionMonths: 'council.settings.range',
      coarsenMetres: 'council.settings.whole',
    })
    const good = await callRoute(
      settingsPage.action,
      postForm(
        `${base()}/installningar`,
        { version: '1', name: 'Lokalt BRÅ', retentionMonths: '36', coarsenMetres: '250' },
        people.coordinator.cookie,
      ),
      params(),
    )
    expect(good.status).toBe(302)
    expect(good.notice).toEqual({ kind: 'success', message: 'council.settings.saved' })
    const member = await callRoute(
      settingsPage.loader,
      getRequest(`${base()}/installningar`, people.member.cookie),
      params(),
    )
    expect(member.status).toBe(403)
  })
})
