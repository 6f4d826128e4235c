import { and, asc, count, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { councilAreas, councilImports, councilStatistics, safetySurveyResults } from '../../app/db/schema/council'
import {
  monthlyStatistics,
  statisticsForPeriod,
  type StatisticsPreview,
} from '../../app/modules/council/statistics.server'
import { surveyTrend, type SurveyCell } from '../../app/modules/council/survey.server'
import * as sourcesPage from '../../app/routes/trygghet+/$id.kallor'
import * as templatePage from '../../app/routes/trygghet+/$id.kallor_.mall'
import * as surveyPage from '../../app/routes/trygghet+/$id.trygghetsmatning'
import { getRequest, grantCouncil, makeCouncil, makeOrganisation, makeUser, signedIn } from '../support/factories'
import { callRoute, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

type SourcesResult =
  | { intent: 'upload'; errors: Record<string, string> }
  | { intent: 'preview'; preview: StatisticsPreview; text: string }
  | { intent: 'imported'; rows: number; replaced: number }
  | { intent: 'deleted'; ok: boolean }

type SurveyResult = {
  intent: string
  error?: string
  values?: Record<string, string>
  current?: SurveyCell[] | null
  count?: number
}

function upload(
  url: string,
  fields: Record<string, string>,
  csv: string,
  cookie: string,
  name = 'polisen.csv',
): Request {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  form.append('file', new File([csv], name, { type: 'text/csv' }))
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    body: form,
    headers: { Origin: 'http://localhost', Cookie: cookie },
  })
}

const square: [number, number][] = [
  [57.99, 12.79],
  [57.99, 12.81],
  [58.0, 12.81],
  [58.0, 12.79],
]

describe('the council’s other sources and safety survey', () => {
  const db = useTestDatabase()
  let councilId: string
  let member: { id: string; cookie: string }
  let otherMember: { id: string; cookie: string }
  let organisationId: string
  let centrumId: string

  const counts = async () => ({
    imports: (await db().select({ n: count() }).from(councilImports))[0]!.n,
    statistics: (await db().select({ n: count() }).from(councilStatistics))[0]!.n,
    audit: (await db().select({ n: count() }).from(auditLog))[0]!.n,
  })
  const sources = () => `/trygghet/${councilId}/kallor`
  const survey = () => `/trygghet/${councilId}/trygghetsmatning`
  const params = () => ({ id: councilId })

  const preview = (csv: string, cookie = member.cookie, source = 'Polisen', kind = 'crime_statistics') =>
    callRoute<SourcesResult>(
      sourcesPage.action,
      upload(sources(), { intent: 'preview', kind, source }, csv, cookie),
      params(),
    )
  const confirm = (text: string, source = 'Polisen', kind = 'crime_statistics') =>
    callRoute<SourcesResult>(
      sourcesPage.action,
      postForm(sources(), { intent: 'confirm', kind, source, fileName: 'polisen.csv', text }, member.cookie),
      params(),
    )

  beforeEach(async () => {
    const organisation = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    organisationId = organisation.id
    const council = await makeCouncil(db(), { organisationIds: [organisation.id] })
    councilId = council.id
    const [area] = await db()
      .insert(councilAreas)
      .values({
        councilId,
        name: 'Centrum',
        polygon: square,
        minLat: 57.99,
        maxLat: 58.0,
        minLng: 12.79,
        maxLng: 12.81,
      })
      .returning()
    centrumId = area!.id
    for (const target of [0, 1]) {
      const user = await makeUser(db(), { role: 'council_member', organisationId })
      await grantCouncil(db(), { councilId, userId: user.id })
      const session = { id: user.id, cookie: (await signedIn(db(), user.id)).cookie }
      if (target === 0) member = session
      else otherMember = session
    }
  })

  const goodFile =
    '\uFEFFmånad;kategori;område;antal\r\n2025-01;Skadegörelse;Centrum;12\r\n2025-01;klotter;;4\r\n2025-02;Skadegörelse;centrum;7\r\n'

  it('previews a file without writing anything', async () => {
    const before = await counts()
    const result = await preview(goodFile)
    expect(result.status).toBe(200)
    const body = result.body!
    if (body.intent !== 'preview' || !body.preview.ok) throw new Error(JSON.stringify(body))
    expect(body.preview.totals).toEqual({
      rows: 3,
      rowsWithIssues: 0,
      sum: 23,
      firstMonth: '2025-01-01',
      lastMonth: '2025-02-01',
      replaces: 0,
    })
    expect(body.preview.rows[1]!.value).toMatchObject({ categoryName: 'Klotter', areaId: null, count: 4 })
    expect(body.text).toContain('2025-02;Skadegörelse;centrum;7')
    expect(await counts()).toEqual(before)
  })

  it('writes nothing for a file with one bad row, neither on preview nor on a forced confirmation', async () => {
    const before = await counts()
    const bad = `${goodFile}2025-03;Bilbränder;Centrum;2\r\n`
    const result = await preview(bad)
    expect(result.status).toBe(400)
    const body = result.body!
    if (body.intent !== 'preview' || !body.preview.ok) throw new Error(JSON.stringify(body))
    expect(body.preview.totals.rowsWithIssues).toBe(1)
    expect(body.preview.rows.find((row) => row.line === 5)!.issues).toMatchObject([
      { column: 'category', message: 'councilSources.error.category' },
    ])
    const forced = await confirm(bad)
    expect(forced.status).toBe(400)
    expect(await counts()).toEqual(before)
  })

  it('writes every row on confirmation, with an audit entry, and lists the import', async () => {
    const before = await counts()
    const result = await confirm(goodFile)
    expect(result.body).toEqual({ intent: 'imported', rows: 3, replaced: 0 })
    const after = await counts()
    expect(after).toEqual({ imports: before.imports + 1, statistics: before.statistics + 3, audit: before.audit + 1 })
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.entity, 'council_import'))
    expect(entry).toMatchObject({ userId: member.id, action: 'create' })
    expect(entry!.changes).toMatchObject({ source: { after: 'Polisen' }, rows: { after: 3 } })

    const page = await callRoute<Awaited<ReturnType<typeof sourcesPage.loader>>>(
      sourcesPage.loader,
      getRequest(sources(), member.cookie),
      params(),
    )
    expect(page.body!.imports).toMatchObject([
      { source: 'Polisen', kind: 'crime_statistics', rowCount: 3, remaining: 3, fileName: 'polisen.csv' },
    ])

    const sums = await statisticsForPeriod(db(), councilId, '2025-01', '2025-12')
    expect(sums.map((row) => [row.categoryName, row.areaName, row.count])).toEqual([
      ['Skadegörelse', 'Centrum', 19],
      ['Klotter', null, 4],
    ])
    const monthly = await monthlyStatistics(db(), councilId, '2025-02', '2025-02')
    expect(monthly).toEqual([
      {
        month: '2025-02',
        source: 'Polisen',
        kind: 'crime_statistics',
        categoryId: expect.any(String),
        categoryName: 'Skadegörelse',
        count: 7,
      },
    ])
  })

  it('replaces the months of an earlier import of the same source and kind, and says so first', async () => {
    await confirm(goodFile)
    // Another source's rows of the same months stay.
    await confirm('månad;kategori;antal\n2025-02;Klotter;5\n', 'Bostadsbolaget', 'incident_reports')
    const second = 'månad;kategori;område;antal\n2025-02;Skadegörelse;Centrum;9\n2025-03;Skadegörelse;Centrum;1\n'
    const checked = await preview(second, member.cookie, ' polisen ')
    if (checked.body?.intent !== 'preview' || !checked.body.preview.ok) throw new Error('no preview')
    expect(checked.body.preview.totals.replaces).toBe(1)
    expect(await confirm(second, 'polisen')).toMatchObject({ body: { intent: 'imported', rows: 2, replaced: 1 } })

    const rows = await db()
      .select({ month: councilStatistics.month, source: councilStatistics.source, count: councilStatistics.count })
      .from(councilStatistics)
      .orderBy(asc(councilStatistics.month), asc(councilStatistics.source), asc(councilStatistics.count))
    expect(rows.map((row) => `${row.month} ${row.source} ${row.count}`)).toEqual([
      '2025-01-01 Polisen 4',
      '2025-01-01 Polisen 12',
      '2025-02-01 Bostadsbolaget 5',
      '2025-02-01 polisen 9',
      '2025-03-01 polisen 1',
    ])
    const imports = await db().select().from(councilImports)
    expect(imports).toHaveLength(3)

    // A file that replaces every row of an earlier import takes the import with it.
    await confirm('månad;kategori;antal\n2025-02;Klotter;6\n', 'Bostadsbolaget', 'incident_reports')
    expect(await db().select().from(councilImports)).toHaveLength(3)
  })

  it('deletes an import with its rows, audited', async () => {
    await confirm(goodFile)
    const [created] = await db().select().from(councilImports)
    const removed = await callRoute<SourcesResult>(
      sourcesPage.action,
      postForm(sources(), { intent: 'delete', importId: created!.id }, otherMember.cookie),
      params(),
    )
    expect(removed.body).toEqual({ intent: 'deleted', ok: true })
    expect(await counts()).toMatchObject({ imports: 0, statistics: 0 })
    const entries = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'council_import'), eq(auditLog.action, 'delete')))
    expect(entries).toMatchObject([{ userId: otherMember.id, entityId: created!.id }])
  })

  it('serves a template with the council’s names', async () => {
    const result = await callRoute(templatePage.loader, getRequest(`${sources()}/mall`, member.cookie), params())
    const bytes = new Uint8Array(await result.response!.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text.split('\r\n')[0]).toBe('"månad";"kategori";"område";"antal"')
    expect(text).toContain(';"Skadegörelse";"Centrum";"12"')
  })

  it('saves the survey versioned: a stale cell is a conflict that keeps the input, an emptied cell is deleted', async () => {
    const cell = `share.${centrumId}.feel_unsafe`
    const version = `version.${centrumId}.feel_unsafe`
    const save = (fields: Record<string, string>, cookie: string) =>
      callRoute<SurveyResult>(
        surveyPage.action,
        postForm(`${survey()}?ar=2025`, { intent: 'save', year: '2025', ...fields }, cookie),
        params(),
      )

    const first = await save(
      { [cell]: '18,5', [version]: '0', 'share.all.worry_crime': '22', 'version.all.worry_crime': '0' },
      member.cookie,
    )
    expect(first.body).toMatchObject({ intent: 'saved', count: 2 })

    // The other member loaded the empty table before the first save.
    const stale = await save({ [cell]: '30', [version]: '0' }, otherMember.cookie)
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({ error: 'conflict', values: { [cell]: '30' } })
    expect(stale.body!.current).toContainEqual({
      areaId: centrumId,
      question: 'feel_unsafe',
      share: '18.5',
      version: 1,
    })
    const stored = await db().select().from(safetySurveyResults).orderBy(asc(safetySurveyResults.question))
    expect(stored.map((row) => [row.question, row.share, row.version])).toEqual([
      ['feel_unsafe', '18.5', 1],
      ['worry_crime', '22.0', 1],
    ])

    const invalid = await save({ [cell]: '130', [version]: '1' }, otherMember.cookie)
    expect(invalid).toMatchObject({ status: 400, body: { error: 'invalid', values: { [cell]: '130' } } })

    const updated = await save(
      { [cell]: '19.0', [version]: '1', 'share.all.worry_crime': '', 'version.all.worry_crime': '1' },
      otherMember.cookie,
    )
    expect(updated.body).toMatchObject({ intent: 'saved', count: 2 })
    const after = await db().select().from(safetySurveyResults)
    expect(after.map((row) => [row.question, row.share, row.version])).toEqual([['feel_unsafe', '19.0', 2]])
    const audits = await db().select().from(auditLog).where(eq(auditLog.entity, 'safety_survey_result'))
    expect(audits.map((entry) => entry.action).sort()).toEqual(['create', 'create', 'delete', 'update'])
  })

  it('imports survey results all or nothing and shows them as a trend', async () => {
    const bad = 'år;område;fråga;andel\n2024;;otrygg;17,0\n2024;Väster;otrygg;12\n'
    const refused = await callRoute<SurveyResult>(
      surveyPage.action,
      postForm(survey(), { intent: 'confirm', fileName: 'enkat.csv', text: bad }, member.cookie),
      params(),
    )
    expect(refused.status).toBe(400)
    expect(await db().select().from(safetySurveyResults)).toEqual([])

    const good = 'år;område;fråga;andel\n2024;;otrygg;17,0\n2025;;otrygg;18.5\n2025;Centrum;otrygg;21\n'
    const checked = await callRoute<SurveyResult>(
      surveyPage.action,
      upload(survey(), { intent: 'preview' }, good, member.cookie, 'enkat.csv'),
      params(),
    )
    expect(checked.status).toBe(200)
    const done = await callRoute<SurveyResult>(
      surveyPage.action,
      postForm(survey(), { intent: 'confirm', fileName: 'enkat.csv', text: good }, member.cookie),
      params(),
    )
    expect(done.body).toEqual({ intent: 'imported', rows: 3, changed: 3 })
    expect(await surveyTrend(db(), councilId)).toEqual({
      years: [2024, 2025],
      questions: [
        {
          question: 'feel_unsafe',
          series: [
            {
              areaId: null,
              areaName: null,
              points: [
                { year: 2024, share: 17 },
                { year: 2025, share: 18.5 },
              ],
            },
            { areaId: centrumId, areaName: 'Centrum', points: [{ year: 2025, share: 21 }] },
          ],
        },
      ],
    })
    const page = await callRoute<Awaited<ReturnType<typeof surveyPage.loader>>>(
      surveyPage.loader,
      getRequest(survey(), member.cookie),
      params(),
    )
    expect(page.body).toMatchObject({ year: 2025, canManage: true })
    expect(page.body!.cells).toHaveLength(2)
  })

  it('keeps partner editors, viewers and informants out of every loader and action', async () => {
    const loaders = [
      [sourcesPage.loader, sources()],
      [templatePage.loader, `${sources()}/mall`],
      [surveyPage.loader, survey()],
    ] as const
    const actions = [
      [
        sourcesPage.action,
        sources(),
        { intent: 'preview', kind: 'crime_statistics', source: 'Polisen', text: goodFile },
      ],
      [
        sourcesPage.action,
        sources(),
        { intent: 'confirm', kind: 'crime_statistics', source: 'Polisen', text: goodFile },
      ],
      [sourcesPage.action, sources(), { intent: 'delete', importId: '00000000-0000-4000-8000-000000000000' }],
      [
        surveyPage.action,
        survey(),
        { intent: 'save', year: '2025', 'share.all.feel_unsafe': '10', 'version.all.feel_unsafe': '0' },
      ],
      [surveyPage.action, survey(), { intent: 'confirm', text: 'år;fråga;andel\n2025;otrygg;10' }],
    ] as const
    const before = await counts()
    const outsider = await makeOrganisation(db())
    for (const role of ['partner_editor', 'viewer', 'informant'] as Role[]) {
      for (const organisation of [organisationId, outsider.id]) {
        const user = await makeUser(db(), { role, organisationId: organisation })
        const { cookie } = await signedIn(db(), user.id)
        for (const [loader, url] of loaders) {
          const result = await callRoute(loader, getRequest(url, cookie), params())
          expect([403, 404], `${role} GET ${url}`).toContain(result.status)
        }
        for (const [action, url, fields] of actions) {
          const result = await callRoute(action, postForm(url, fields, cookie), params())
          expect([403, 404], `${role} POST ${url} ${fields.intent}`).toContain(result.status)
        }
      }
    }
    expect(await counts()).toEqual(before)
    expect(await db().select().from(safetySurveyResults)).toEqual([])
  })
})
