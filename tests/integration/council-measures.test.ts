import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { councilMeasureFollowUps, councilMeasures } from '../../app/db/schema/council'
import { listMeasures, measuresForPlan } from '../../app/modules/council/measures.server'
import { stockholmToday } from '../../app/modules/meetings/action-item-state'
import * as measuresPage from '../../app/routes/trygghet+/$id.insatser'
import * as measurePage from '../../app/routes/trygghet+/$id.insatser_.$measureId'
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
import { callRoute, postForm } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

type Failed = {
  form?: string
  errors: Record<string, string>
  values: Record<string, string>
  current?: Record<string, string>
}

describe('the council: measures and their follow-ups', () => {
  const db = useTestDatabase()
  let municipality: { id: string }
  let housing: { id: string }
  let outsider: { id: string }
  let council: { id: string }
  let areaId: string
  const people = {} as Record<
    'member' | 'coordinator' | 'editor' | 'viewer' | 'informant',
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
    municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    housing = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
    outsider = await makeOrganisation(db(), { name: 'Autoliv', kind: 'company' })
    council = await makeCouncil(db(), { organisationIds: [municipality.id, housing.id], name: 'Lokalt BRÅ Vårgårda' })
    areaId = (await makeCouncilArea(db(), { councilId: council.id })).id
    people.member = await person('council_member', municipality.id)
    people.coordinator = await person('coordinator', municipality.id)
    people.editor = await person('partner_editor', housing.id)
    people.viewer = await person('viewer', municipality.id)
    people.informant = await person('informant', housing.id)
  })

  const base = () => `/trygghet/${council.id}/insatser`
  const params = () => ({ id: council.id })

  const fields = (changes: Record<string, string> = {}) => ({
    title: 'Bättre belysning vid gångtunneln',
    kind: 'situational',
    measureType: 'lighting',
    description: 'Fler armaturer i tunneln och på gångvägen dit.',
    areaId,
    place: 'Gångtunneln under järnvägen',
    responsibleOrganisationId: municipality.id,
    startDate: '2026-04-01',
    expectedEffect: 'Färre rapporter om otrygghet kvällstid.',
    followUpDate: '2026-10-01',
    situationPictureId: '',
    ...changes,
  })

  const create = (changes: Record<string, string> = {}, who = people.member) =>
    callRoute<Failed>(measuresPage.action, postForm(base(), fields(changes), who.cookie), params())

  async function created() {
    expect((await create()).status).toBe(302)
    const [measure] = await db().select().from(councilMeasures).where(eq(councilMeasures.councilId, council.id))
    return measure!
  }

  const onMeasure = (measureId: string, body: Record<string, string>, who = people.member) =>
    callRoute<Failed>(measurePage.action, postForm(`${base()}/${measureId}`, body, who.cookie), {
      id: council.id,
      measureId,
    })

  it('decides a measure, lists it with names resolved and audits it', async () => {
    const result = await create()
    expect(result.location).toBe(base())
    expect(result.notice).toEqual({ kind: 'success', message: 'councilMeasures.added' })
    const list = await callRoute<{
      measures: { title: string; areaName: string; responsibleOrganisationName: string; state: string }[]
    }>(measuresPage.loader, getRequest(base(), people.member.cookie), params())
    expect(list.status).toBe(200)
    expect(list.body!.measures).toEqual([
      expect.objectContaining({
        title: 'Bättre belysning vid gångtunneln',
        areaName: 'Centrum',
        responsibleOrganisationName: 'Vårgårda kommun',
        state: 'planned',
        latestFollowUp: null,
      }),
    ])
    const [measure] = await db().select().from(councilMeasures)
    expect(measure).toMatchObject({ createdBy: people.member.id, state: 'planned', version: 1 })
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, measure!.id))
    expect(audit).toEqual([
      expect.objectContaining({ entity: 'council_measure', action: 'create', userId: people.member.id }),
    ])
  })

  it('refuses a responsible organisation outside the council and keeps the input', async () => {
    const result = await create({ responsibleOrganisationId: outsider.id })
    expect(result.status).toBe(400)
    expect(result.body!.errors).toEqual({ responsibleOrganisationId: 'councilMeasures.error.organisation' })
    expect(result.body!.values).toMatchObject({
      title: 'Bättre belysning vid gångtunneln',
      responsibleOrganisationId: outsider.id,
    })
    // An area of another council is refused too.
    const other = await makeCouncil(db(), { organisationIds: [outsider.id] })
    const foreignArea = await makeCouncilArea(db(), { councilId: other.id, name: 'Annat' })
    expect((await create({ areaId: foreignArea.id })).body!.errors).toEqual({ areaId: 'validation.choose' })
    expect(await db().select().from(councilMeasures)).toHaveLength(0)
  })

  it('refuses a follow-up date before the start next to the field', async () => {
    const result = await create({ followUpDate: '2026-03-01' })
    expect(result.status).toBe(400)
    expect(result.body!.errors).toEqual({ followUpDate: 'councilMeasures.error.followUpBeforeStart' })
    expect(result.body!.values.title).toBe('Bättre belysning vid gångtunneln')
    expect(await db().select().from(councilMeasures)).toHaveLength(0)
  })

  it('edits under its version, and answers a stale edit with 409, the input kept and what is saved now', async () => {
    const measure = await created()
    const first = await onMeasure(measure.id, {
      ...fields({ title: 'Belysning och röjning' }),
      intent: 'save',
      version: '1',
    })
    expect(first.status).toBe(302)
    const stale = await onMeasure(measure.id, { ...fields({ title: 'Min ändring' }), intent: 'save', version: '1' })
    expect(stale.status).toBe(409)
    expect(stale.body!.values.title).toBe('Min ändring')
    expect(stale.body!.current).toMatchObject({ title: 'Belysning och röjning', version: '2' })
    const [saved] = await db().select().from(councilMeasures)
    expect(saved).toMatchObject({ title: 'Belysning och röjning', version: 2 })
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, measure.id), eq(auditLog.action, 'update')))
    expect(audit).toHaveLength(1)
    expect(audit[0]!.changes).toMatchObject({
      title: { before: 'Bättre belysning vid gångtunneln', after: 'Belysning och röjning' },
    })
  })

  it('changes the state under its version and audits it', async () => {
    const measure = await created()
    expect((await onMeasure(measure.id, { intent: 'state', state: 'ongoing', version: '1' })).status).toBe(302)
    const stale = await onMeasure(measure.id, { intent: 'state', state: 'done', version: '1' })
    expect(stale.status).toBe(409)
    expect(stale.body!.current).toMatchObject({ state: 'ongoing' })
    const [saved] = await db().select().from(councilMeasures)
    expect(saved).toMatchObject({ state: 'ongoing', version: 2 })
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, measure.id), eq(auditLog.action, 'update')))
    expect(entry!.changes).toEqual({ state: { before: 'planned', after: 'ongoing' } })
    // Open is planned and ongoing; done and cancelled only show under all.
    await onMeasure(measure.id, { intent: 'state', state: 'done', version: '2' })
    expect(await listMeasures(db(), council.id)).toHaveLength(0)
    expect(await listMeasures(db(), council.id, { state: 'all' })).toHaveLength(1)
  })

  it('records follow-ups newest first, shows the latest assessment and audits them', async () => {
    const measure = await created()
    expect(
      (
        await onMeasure(measure.id, {
          intent: 'followUp',
          followedUpOn: '2026-05-01',
          assessment: 'too_early',
          note: '',
        })
      ).status,
    ).toBe(302)
    const later = await onMeasure(measure.id, {
      intent: 'followUp',
      followedUpOn: stockholmToday(),
      assessment: 'as_expected',
      note: 'Inga rapporter om otrygghet i tunneln sedan lamporna kom upp.',
    })
    expect(later.location).toBe(`${base()}/${measure.id}`)
    expect(later.notice).toEqual({ kind: 'success', message: 'councilMeasures.followUpRecorded' })
    const page = await callRoute<{ followUps: { assessment: string }[] }>(
      measurePage.loader,
      getRequest(`${base()}/${measure.id}`, people.member.cookie),
      { id: council.id, measureId: measure.id },
    )
    expect(page.body!.followUps.map((followUp) => followUp.assessment)).toEqual(['as_expected', 'too_early'])
    const [plan] = await measuresForPlan(db(), council.id)
    expect(plan).toMatchObject({
      areaName: 'Centrum',
      responsibleOrganisationName: 'Vårgårda kommun',
      latestAssessment: 'as_expected',
      latestFollowedUpOn: stockholmToday(),
    })
    const followUps = await db().select().from(councilMeasureFollowUps)
    expect(followUps.every((followUp) => followUp.recordedBy === people.member.id)).toBe(true)
    const audit = await db().select().from(auditLog).where(eq(auditLog.entity, 'council_measure_follow_up'))
    expect(audit.map((entry) => entry.entityId).sort()).toEqual(followUps.map((followUp) => followUp.id).sort())
  })

  it('refuses a follow-up without an assessment or dated in the future', async () => {
    const measure = await created()
    const result = await onMeasure(measure.id, { intent: 'followUp', followedUpOn: '2999-01-01', note: 'Kvar' })
    expect(result.status).toBe(400)
    expect(result.body!.errors).toEqual({
      followedUpOn: 'councilMeasures.error.followUpInFuture',
      assessment: 'validation.choose',
    })
    expect(result.body!.values.note).toBe('Kvar')
    expect(await db().select().from(councilMeasureFollowUps)).toHaveLength(0)
  })

  it('marks an overdue follow-up until one is recorded on or after its date', async () => {
    const measure = await created()
    await onMeasure(measure.id, {
      ...fields({ startDate: '2025-01-01', followUpDate: '2025-06-01' }),
      intent: 'save',
      version: '1',
    })
    const overdue = async () =>
      (
        await callRoute<{ measures: { overdue: boolean }[] }>(
          measuresPage.loader,
          getRequest(base(), people.member.cookie),
          params(),
        )
      ).body!.measures[0]!.overdue
    expect(await overdue()).toBe(true)
    await onMeasure(measure.id, { intent: 'followUp', followedUpOn: '2025-05-01', assessment: 'too_early', note: '' })
    expect(await overdue()).toBe(true)
    await onMeasure(measure.id, { intent: 'followUp', followedUpOn: '2025-06-02', assessment: 'partly', note: '' })
    expect(await overdue()).toBe(false)
  })

  it('lets the coordinator work with the measures', async () => {
    expect((await create({}, people.coordinator)).status).toBe(302)
  })

  it('keeps partner editors, viewers and informants away from every loader and action', async () => {
    const measure = await created()
    const measureParams = { id: council.id, measureId: measure.id }
    const url = `${base()}/${measure.id}`
    for (const who of [people.editor, people.viewer, people.informant]) {
      for (const [loader, path, routeParams] of [
        [measuresPage.loader, base(), params()],
        [measuresPage.loader, `${base()}?visa=alla`, params()],
        [measurePage.loader, url, measureParams],
      ] as const) {
        expect([403, 404], path).toContain((await callRoute(loader, getRequest(path, who.cookie), routeParams)).status)
      }
      for (const [action, path, routeParams, body] of [
        [measuresPage.action, base(), params(), fields()],
        [measurePage.action, url, measureParams, { ...fields(), intent: 'save', version: '1' }],
        [measurePage.action, url, measureParams, { intent: 'state', state: 'done', version: '1' }],
        [
          measurePage.action,
          url,
          measureParams,
          { intent: 'followUp', followedUpOn: '2026-01-01', assessment: 'partly' },
        ],
      ] as const) {
        const result = await callRoute(action, postForm(path, body, who.cookie), routeParams)
        expect([403, 404], `${path} ${JSON.stringify(body)}`).toContain(result.status)
      }
    }
    const [unchanged] = await db().select().from(councilMeasures)
    expect(unchanged).toMatchObject({ version: 1, state: 'planned' })
    expect(await db().select().from(councilMeasures)).toHaveLength(1)
    expect(await db().select().from(councilMeasureFollowUps)).toHaveLength(0)
  })

  it('answers 404 for a measure of another council', async () => {
    const measure = await created()
    const other = await makeCouncil(db(), {
      organisationIds: [municipality.id],
      members: [{ userId: people.member.id, role: 'member' }],
    })
    const result = await callRoute(
      measurePage.loader,
      getRequest(`/trygghet/${other.id}/insatser/${measure.id}`, people.member.cookie),
      { id: other.id, measureId: measure.id },
    )
    expect(result.status).toBe(404)
    const post = await onMeasure(measure.id, { intent: 'state', state: 'done', version: '1' })
    expect(post.status).toBe(302)
    const wrong = await callRoute(
      measurePage.action,
      postForm(
        `/trygghet/${other.id}/insatser/${measure.id}`,
        { intent: 'state', state: 'cancelled', version: '2' },
        people.member.cookie,
      ),
      { id: other.id, measureId: measure.id },
    )
    expect(wrong.status).toBe(404)
  })
})
