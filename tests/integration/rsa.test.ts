import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { networkMembers, networks } from '../../app/db/schema/registry'
import { rsaAnalyses, rsaAnswers, rsaEvents, rsaParticipants } from '../../app/db/schema/rsa'
import { createAnalysis, listEvents } from '../../app/modules/rsa/analyses.server'
import * as analysisLayout from '../../app/routes/rsa+/$id'
import * as analysisPage from '../../app/routes/rsa+/$id._index'
import * as allAnswers from '../../app/routes/rsa+/$id.svar'
import * as answerPage from '../../app/routes/rsa+/$id.svar_.$eventId'
import * as settingsPage from '../../app/routes/rsa+/$id.installningar'
import * as resultsPage from '../../app/routes/rsa+/$id.resultat'
import * as listPage from '../../app/routes/rsa+/_index'
import * as newPage from '../../app/routes/rsa+/ny'
import { formRequest, getRequest, makeOrganisation, makeRsaAnswer, makeUser, signedIn } from '../support/factories'
import { callRoute } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

/** Calls a loader or action as Remix would; a thrown Response is returned, so tests can look at it. */
const call = <Body = Record<string, unknown>>(
  handler: unknown,
  request: Request,
  params: Record<string, string> = {},
) => callRoute<Body>(handler, request, params)

function postForm(url: string, fields: Record<string, string | string[]>, cookie: string): Request {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item)
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost', Cookie: cookie },
  })
}

const fullAnswer = (organisationId: string, version: string, changes: Record<string, string> = {}) => ({
  organisationId,
  version,
  intent: 'draft',
  likelihood: '3',
  'consequence.life_health': '2',
  'consequence.functionality': '4',
  'consequence.democracy': '1',
  'consequence.economy': '3',
  'consequence.environment': '1',
  capability: '2',
  vulnerabilities: 'Reservkraften räcker 12 timmar.',
  gaps: 'Ingen plan för bränslepåfyllning.',
  measures: 'Avtal om diesel.',
  ...changes,
})

describe('the RSA', () => {
  const db = useTestDatabase()
  let municipality: { id: string; name: string }
  let housing: { id: string; name: string }
  let energy: { id: string; name: string }
  let outsider: { id: string; name: string }
  let coordinator: { id: string; cookie: string }
  let housingEditor: { id: string; cookie: string }
  let energyEditor: { id: string; cookie: string }
  let housingViewer: { id: string; cookie: string }
  let outsiderEditor: { id: string; cookie: string }

  const user = async (role: Role, organisationId: string) => {
    const created = await makeUser(db(), { role, organisationId })
    return { id: created.id, cookie: (await signedIn(db(), created.id)).cookie }
  }

  beforeEach(async () => {
    municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    housing = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
    energy = await makeOrganisation(db(), { name: 'Solör Bioenergi', kind: 'energy' })
    outsider = await makeOrganisation(db(), { name: 'Autoliv', kind: 'company' })
    coordinator = await user('coordinator', municipality.id)
    housingEditor = await user('partner_editor', housing.id)
    energyEditor = await user('partner_editor', energy.id)
    housingViewer = await user('viewer', housing.id)
    outsiderEditor = await user('partner_editor', outsider.id)
  })

  /** An analysis with the housing and energy companies taking part, made the way the coordinator makes one. */
  async function analysis() {
    const created = await createAnalysis(db(), {
      actorId: coordinator.id,
      organisationId: municipality.id,
      title: 'RSA 2027–2030',
      periodStart: 2027,
      periodEnd: 2030,
      organisationIds: [housing.id, energy.id],
      networkId: null,
    })
    const events = await listEvents(db(), created.id)
    return { id: created.id, version: created.version, events }
  }

  describe('setting up', () => {
    it('the coordinator creates an analysis with default scales, events and the chosen organisations plus a network, audited', async () => {
      const [network] = await db().insert(networks).values({ name: 'Krissamverkan Sjuhärad' }).returning()
      await db()
        .insert(networkMembers)
        .values([
          { networkId: network!.id, organisationId: outsider.id },
          { networkId: network!.id, organisationId: housing.id },
        ])
      const result = await call(
        newPage.action,
        postForm(
          '/rsa/ny',
          {
            title: 'RSA 2027–2030',
            periodStart: '2027',
            periodEnd: '2030',
            organisationIds: [housing.id, energy.id],
            networkId: network!.id,
          },
          coordinator.cookie,
        ),
      )
      const [row] = await db().select().from(rsaAnalyses)
      expect([result.status, result.location]).toEqual([302, `/rsa/${row!.id}/installningar`])
      expect(result.notice).toEqual({ kind: 'success', message: 'rsa.done.created' })
      expect(row).toMatchObject({
        title: 'RSA 2027–2030',
        periodStart: 2027,
        periodEnd: 2030,
        organisationId: municipality.id,
        createdBy: coordinator.id,
      })
      expect(row!.likelihoodScale).toHaveLength(5)
      expect(row!.consequenceScale).toHaveLength(5)
      expect(row!.capabilityScale[3]!.label).toBe('Mycket bristfällig eller ingen förmåga')
      expect(row!.protectedValues.map((value) => value.label)).toEqual([
        'Liv och hälsa',
        'Samhällets funktionalitet',
        'Demokrati, rättssäkerhet och mänskliga fri- och rättigheter',
        'Ekonomiska och materiella värden',
        'Miljö',
      ])
      const events = await listEvents(db(), row!.id)
      expect(events.map((event) => event.title)).toEqual([
        'Elavbrott',
        'Störning i dricksvattenförsörjningen',
        'IT-angrepp',
        'Pandemi',
        'Storm',
        'Översvämning',
        'Värmebölja',
        'Brand i samhällsviktig verksamhet',
        'Höjd beredskap',
      ])
      const participants = await db().select().from(rsaParticipants).where(eq(rsaParticipants.analysisId, row!.id))
      expect(participants.map((p) => p.organisationId).sort()).toEqual([housing.id, energy.id, outsider.id].sort())
      const audit = await db().select().from(auditLog).where(eq(auditLog.entity, 'rsa_analysis'))
      expect(audit).toMatchObject([{ action: 'create', userId: coordinator.id, entityId: row!.id }])
    })

    it('invalid input is a 400 with Swedish messages by field and the input kept; nothing is saved', async () => {
      const result = await call<{
        values: Record<string, string>
        errors: Record<string, string>
        participants: { organisationIds: string[] }
      }>(
        newPage.action,
        postForm(
          '/rsa/ny',
          { title: '', periodStart: '2030', periodEnd: '2027', organisationIds: [housing.id] },
          coordinator.cookie,
        ),
      )
      expect(result.status).toBe(400)
      expect(result.body?.errors).toEqual({ title: 'validation.required', periodEnd: 'rsa.validation.periodEnd' })
      expect(result.body?.values.periodStart).toBe('2030')
      expect(result.body?.participants.organisationIds).toEqual([housing.id])
      expect(await db().select().from(rsaAnalyses)).toEqual([])
    })

    it('only the coordinator creates one', async () => {
      const result = await call(
        newPage.action,
        formRequest('/rsa/ny', { title: 'X', periodStart: '2027', periodEnd: '2030' }, housingEditor.cookie),
      )
      expect(result.status).toBe(403)
      expect(await db().select().from(rsaAnalyses)).toEqual([])
    })

    it('lists an analysis to members of participating organisations only', async () => {
      const { id } = await analysis()
      const titles = async (cookie: string) =>
        (
          (await call<{ analyses: { id: string }[] }>(listPage.loader, getRequest('/rsa', cookie))).body?.analyses ?? []
        ).map((row) => row.id)
      expect(await titles(coordinator.cookie)).toEqual([id])
      expect(await titles(housingViewer.cookie)).toEqual([id])
      expect(await titles(outsiderEditor.cookie)).toEqual([])
      expect((await call(analysisPage.loader, getRequest(`/rsa/${id}`, outsiderEditor.cookie), { id })).status).toBe(
        404,
      )
      expect((await call(analysisLayout.loader, getRequest(`/rsa/${id}`, outsiderEditor.cookie), { id })).status).toBe(
        404,
      )
    })

    it("the analysis's header names it and links the pages each user may open", async () => {
      const { id } = await analysis()
      type Layout = {
        header: { title: string; periodStart: number; periodEnd: number; shared: boolean; links: object }
      }
      const header = async (cookie: string) =>
        (await call<Layout>(analysisLayout.loader, getRequest(`/rsa/${id}/svar`, cookie), { id })).body?.header
      expect(await header(coordinator.cookie)).toEqual({
        id,
        title: 'RSA 2027–2030',
        periodStart: 2027,
        periodEnd: 2030,
        shared: false,
        links: { manage: true, answer: true, results: true },
      })
      expect((await header(housingEditor.cookie))?.links).toEqual({ manage: false, answer: true, results: false })
      expect((await header(housingViewer.cookie))?.links).toEqual({ manage: false, answer: false, results: false })
    })

    it('the coordinator edits scale labels and protected values; a stale version is a conflict that keeps the input', async () => {
      const { id, version } = await analysis()
      const loaded = await call<{ values: Record<string, string> }>(
        settingsPage.loader,
        getRequest(`/rsa/${id}/installningar`, coordinator.cookie),
        { id },
      )
      const values = {
        ...loaded.body!.values,
        intent: 'settings',
        'likelihood.0.label': 'Osannolik',
        'pv.environment': 'Miljö och natur',
        'pv.democracy.remove': 'on',
        'pv.new': 'Nationell suveränitet',
      }
      const saved = await call(
        settingsPage.action,
        formRequest(`/rsa/${id}/installningar`, values, coordinator.cookie),
        { id },
      )
      expect([saved.status, saved.location]).toEqual([302, `/rsa/${id}/installningar`])
      expect(saved.notice).toEqual({ kind: 'success', message: 'rsa.done.saved' })
      const [row] = await db().select().from(rsaAnalyses)
      expect(row!.likelihoodScale[0]!.label).toBe('Osannolik')
      expect(row!.protectedValues.find((value) => value.key === 'environment')?.label).toBe('Miljö och natur')
      expect(row!.protectedValues.map((value) => value.key)).not.toContain('democracy')
      expect(row!.protectedValues.at(-1)).toMatchObject({
        key: expect.stringMatching(/^pv-/),
        label: 'Nationell suveränitet',
      })
      expect(row!.version).toBe(version + 1)

      const stale = await call<{
        form: string
        values: Record<string, string>
        errors: Record<string, string>
        shape: { protectedValues: { label: string }[] } | null
      }>(
        settingsPage.action,
        formRequest(`/rsa/${id}/installningar`, { ...values, 'likelihood.1.label': 'Min ändring' }, coordinator.cookie),
        { id },
      )
      expect(stale.status).toBe(409)
      expect(stale.body).toMatchObject({ form: 'settings', errors: { _form: 'rsa.conflict' } })
      expect(stale.body?.values['likelihood.1.label']).toBe('Min ändring')
      expect(stale.body?.values.version).toBe(String(version + 1))
      // The form comes back over the steps and protected values as stored now.
      expect(stale.body?.shape?.protectedValues.at(-1)?.label).toBe('Nationell suveränitet')
      const [after] = await db().select().from(rsaAnalyses)
      expect(after!.likelihoodScale[1]!.label).toBe('Låg sannolikhet')
    })

    it('the coordinator adds, renames, reorders and removes events, each audited', async () => {
      const { id, events } = await analysis()
      const post = (fields: Record<string, string>) =>
        call(settingsPage.action, formRequest(`/rsa/${id}/installningar`, fields, coordinator.cookie), { id })
      const added = await post({ intent: 'addEvent', title: 'Kemikalieolycka', description: 'Utsläpp vid E20' })
      expect([added.location, added.notice]).toEqual([
        `/rsa/${id}/installningar`,
        { kind: 'success', message: 'rsa.done.eventAdded' },
      ])
      const empty = await call<{ form: string; errors: Record<string, string> }>(
        settingsPage.action,
        formRequest(`/rsa/${id}/installningar`, { intent: 'addEvent', title: ' ' }, coordinator.cookie),
        { id },
      )
      expect(empty.status).toBe(400)
      expect(empty.body).toMatchObject({ form: 'addEvent', errors: { title: 'validation.required' } })

      const [power, water] = events
      await post({
        intent: 'renameEvent',
        eventId: power!.id,
        version: '1',
        title: 'Långvarigt elavbrott',
        description: '',
      })
      await post({ intent: 'moveDown', eventId: power!.id, version: '2' })
      await post({ intent: 'removeEvent', eventId: water!.id, version: '1' })
      const titles = (await listEvents(db(), id)).map((event) => event.title)
      expect(titles.slice(0, 2)).toEqual(['Långvarigt elavbrott', 'IT-angrepp'])
      expect(titles).toHaveLength(9)
      expect(titles.at(-1)).toBe('Kemikalieolycka')
      const stale = await post({
        intent: 'renameEvent',
        eventId: power!.id,
        version: '1',
        title: 'Gammal',
        description: '',
      })
      expect(stale.status).toBe(409)
      const audit = await db().select().from(auditLog).where(eq(auditLog.entity, 'rsa_event')).orderBy(auditLog.at)
      expect(audit.map((entry) => entry.action)).toEqual(['create', 'update', 'move', 'delete'])
    })

    it('the coordinator changes the participants', async () => {
      const { id, version } = await analysis()
      const result = await call(
        settingsPage.action,
        postForm(
          `/rsa/${id}/installningar`,
          { intent: 'participants', version: String(version), organisationIds: [energy.id, outsider.id] },
          coordinator.cookie,
        ),
        { id },
      )
      expect(result.status).toBe(302)
      const rows = await db().select().from(rsaParticipants)
      expect(rows.map((row) => row.organisationId).sort()).toEqual([energy.id, outsider.id].sort())
    })

    it('a partner editor may not change the settings', async () => {
      const { id, events } = await analysis()
      const result = await call(
        settingsPage.action,
        formRequest(
          `/rsa/${id}/installningar`,
          { intent: 'removeEvent', eventId: events[0]!.id, version: '1' },
          housingEditor.cookie,
        ),
        { id },
      )
      expect(result.status).toBe(403)
      expect(await listEvents(db(), id)).toHaveLength(9)
    })
  })

  describe('answers', () => {
    it('a partner saves a draft, changes it under its version and marks it done; every save audited', async () => {
      const { id, events } = await analysis()
      const eventId = events[0]!.id
      const url = `/rsa/${id}/svar/${eventId}`
      const loaded = await call<{ values: Record<string, string>; organisationName: string }>(
        answerPage.loader,
        getRequest(url, housingEditor.cookie),
        { id, eventId },
      )
      expect(loaded.body?.values).toEqual({ organisationId: housing.id, version: '0' })
      expect(loaded.body?.organisationName).toBe('Vårgårda Bostäder AB')

      const draft = await call(
        answerPage.action,
        formRequest(
          url,
          { organisationId: housing.id, version: '0', intent: 'draft', likelihood: '4' },
          housingEditor.cookie,
        ),
        { id, eventId },
      )
      expect([draft.status, draft.location]).toEqual([302, `${url}?organisation=${housing.id}`])
      expect(draft.notice).toEqual({ kind: 'success', message: 'rsa.savedDraft' })
      const [saved] = await db().select().from(rsaAnswers)
      expect(saved).toMatchObject({
        organisationId: housing.id,
        likelihood: 4,
        capability: null,
        state: 'draft',
        version: 1,
        updatedBy: housingEditor.id,
      })

      // "Markera som klar" needs every step.
      const incomplete = await call<{ errors: Record<string, string>; values: Record<string, string> }>(
        answerPage.action,
        formRequest(
          url,
          { organisationId: housing.id, version: '1', intent: 'submit', likelihood: '4', vulnerabilities: 'Kvar' },
          housingEditor.cookie,
        ),
        { id, eventId },
      )
      expect(incomplete.status).toBe(400)
      expect(incomplete.body?.errors.capability).toBe('rsa.validation.neededToSubmit')
      expect(incomplete.body?.errors['consequence.life_health']).toBe('rsa.validation.neededToSubmit')
      expect(incomplete.body?.values.vulnerabilities).toBe('Kvar')

      const done = await call(
        answerPage.action,
        formRequest(url, { ...fullAnswer(housing.id, '1'), intent: 'submit' }, housingEditor.cookie),
        { id, eventId },
      )
      expect(done.location).toBe(`${url}?organisation=${housing.id}`)
      expect(done.notice).toEqual({ kind: 'success', message: 'rsa.savedDone' })
      const [submitted] = await db().select().from(rsaAnswers)
      expect(submitted).toMatchObject({
        state: 'submitted',
        version: 2,
        likelihood: 3,
        capability: 2,
        consequences: { life_health: 2, functionality: 4, democracy: 1, economy: 3, environment: 1 },
        gaps: 'Ingen plan för bränslepåfyllning.',
      })
      const audit = await db().select().from(auditLog).where(eq(auditLog.entity, 'rsa_answer')).orderBy(auditLog.at)
      expect(audit.map((entry) => [entry.action, entry.organisationId])).toEqual([
        ['create', housing.id],
        ['update', housing.id],
      ])
      expect(audit[1]!.changes).toMatchObject({ state: { before: 'draft', after: 'submitted' } })
    })

    it('the autosave of a draft answers with the new version instead of a redirect', async () => {
      const { id, events } = await analysis()
      const eventId = events[1]!.id
      const url = `/rsa/${id}/svar/${eventId}`
      const first = await call<{ kind: string; version: number; state: string }>(
        answerPage.action,
        formRequest(
          url,
          { organisationId: energy.id, version: '0', intent: 'draft', autosave: '1', gaps: 'Första' },
          energyEditor.cookie,
        ),
        { id, eventId },
      )
      expect([first.status, first.body]).toEqual([200, { kind: 'saved', version: 1, state: 'draft' }])
      const second = await call<{ version: number }>(
        answerPage.action,
        formRequest(
          url,
          { organisationId: energy.id, version: '1', intent: 'draft', autosave: '1', gaps: 'Andra' },
          energyEditor.cookie,
        ),
        { id, eventId },
      )
      expect(second.body?.version).toBe(2)
      const [row] = await db().select().from(rsaAnswers)
      expect(row?.gaps).toBe('Andra')
    })

    it('two saves from the same version: the second is a conflict that keeps its input and shows what is stored', async () => {
      const { id, events } = await analysis()
      const eventId = events[0]!.id
      const url = `/rsa/${id}/svar/${eventId}`
      await makeRsaAnswer(db(), { eventId, organisationId: housing.id, state: 'draft', likelihood: 2 })
      const first = await call(
        answerPage.action,
        formRequest(url, fullAnswer(housing.id, '1', { likelihood: '5' }), housingEditor.cookie),
        { id, eventId },
      )
      expect(first.status).toBe(302)
      const second = await call<{ kind: string; values: Record<string, string>; current: Record<string, string> }>(
        answerPage.action,
        formRequest(url, fullAnswer(housing.id, '1', { likelihood: '1' }), housingEditor.cookie),
        { id, eventId },
      )
      expect(second.status).toBe(409)
      expect(second.body?.kind).toBe('conflict')
      expect(second.body?.values.likelihood).toBe('1')
      expect(second.body?.values.version).toBe('2')
      expect(second.body?.current.likelihood).toBe('5')
      const [row] = await db().select().from(rsaAnswers)
      expect(row?.likelihood).toBe(5)

      // A first save racing another first save is a conflict too, never a second row.
      const race = await call(answerPage.action, formRequest(url, fullAnswer(housing.id, '0'), housingEditor.cookie), {
        id,
        eventId,
      })
      expect(race.status).toBe(409)
      expect(await db().select().from(rsaAnswers)).toHaveLength(1)
    })

    it("a partner never sees or changes another organisation's answers, whatever ids the request carries", async () => {
      const { id, events } = await analysis()
      const eventId = events[0]!.id
      const url = `/rsa/${id}/svar/${eventId}`
      const theirs = await makeRsaAnswer(db(), {
        eventId,
        organisationId: energy.id,
        state: 'draft',
        likelihood: 2,
        gaps: 'Hemligt för andra',
      })

      // Reading the other organisation's answer.
      expect(
        (
          await call(answerPage.loader, getRequest(`${url}?organisation=${energy.id}`, housingEditor.cookie), {
            id,
            eventId,
          })
        ).status,
      ).toBe(403)
      // Writing it with its id and version, both as a draft and as done.
      for (const intent of ['draft', 'submit']) {
        const post = await call(
          answerPage.action,
          formRequest(url, { ...fullAnswer(energy.id, String(theirs.version)), intent }, housingEditor.cookie),
          { id, eventId },
        )
        expect(post.status).toBe(403)
      }
      // Creating one for an organisation that does not take part, even one's own.
      expect(
        (
          await call(answerPage.action, formRequest(url, fullAnswer(outsider.id, '0'), outsiderEditor.cookie), {
            id,
            eventId,
          })
        ).status,
      ).toBe(404)
      const [inOwnAnalysis] = await db().select().from(rsaAnswers).where(eq(rsaAnswers.organisationId, energy.id))
      expect(inOwnAnalysis).toMatchObject({ likelihood: 2, gaps: 'Hemligt för andra', version: 1 })
      expect(await db().select().from(rsaAnswers)).toHaveLength(1)
      // A viewer of a participating organisation reads the analysis but answers for nobody.
      expect(
        (
          await call(answerPage.action, formRequest(url, fullAnswer(housing.id, '0'), housingViewer.cookie), {
            id,
            eventId,
          })
        ).status,
      ).toBe(403)
      // The all-answers page is the coordinator's.
      expect((await call(allAnswers.loader, getRequest(`/rsa/${id}/svar`, housingEditor.cookie), { id })).status).toBe(
        403,
      )
      // An event of another analysis is not found.
      const other = await analysis()
      const foreignEvent = other.events[0]!.id
      expect(
        (
          await call(answerPage.action, formRequest(url, fullAnswer(housing.id, '0'), housingEditor.cookie), {
            id,
            eventId: foreignEvent,
          })
        ).status,
      ).toBe(404)
    })

    it("the overview shows a partner only its own organisation's progress and the coordinator everyone's", async () => {
      const { id, events } = await analysis()
      await makeRsaAnswer(db(), { eventId: events[0]!.id, organisationId: housing.id })
      await makeRsaAnswer(db(), { eventId: events[1]!.id, organisationId: housing.id, state: 'draft' })
      await makeRsaAnswer(db(), { eventId: events[0]!.id, organisationId: energy.id })
      type Overview = { rows: { name: string; states: string[]; submitted: number }[] }
      const asPartner = await call<Overview>(analysisPage.loader, getRequest(`/rsa/${id}`, housingEditor.cookie), {
        id,
      })
      expect(asPartner.body?.rows.map((row) => row.name)).toEqual(['Vårgårda Bostäder AB'])
      expect(asPartner.body?.rows[0]!.states.slice(0, 3)).toEqual(['submitted', 'draft', 'none'])
      const asCoordinator = await call<Overview>(analysisPage.loader, getRequest(`/rsa/${id}`, coordinator.cookie), {
        id,
      })
      expect(asCoordinator.body?.rows.map((row) => [row.name, row.submitted])).toEqual([
        ['Solör Bioenergi', 1],
        ['Vårgårda Bostäder AB', 1],
      ])
      const answers = await call<{
        events: { answers: { organisationName: string; answer: { state: string } | null }[] }[]
      }>(allAnswers.loader, getRequest(`/rsa/${id}/svar`, coordinator.cookie), { id })
      expect(answers.body?.events[1]!.answers.map((row) => row.answer?.state ?? null)).toEqual([null, 'draft'])
    })
  })

  describe('compiled results', () => {
    it('are the coordinator’s until shared; "Dela sammanställningen" and "Sluta dela" open and close them for participants', async () => {
      const { id, version, events } = await analysis()
      await makeRsaAnswer(db(), {
        eventId: events[0]!.id,
        organisationId: housing.id,
        likelihood: 2,
        consequences: { life_health: 3 },
        capability: 2,
      })
      await makeRsaAnswer(db(), {
        eventId: events[0]!.id,
        organisationId: energy.id,
        likelihood: 5,
        consequences: { economy: 4, environment: 1 },
        capability: 4,
      })
      await makeRsaAnswer(db(), {
        eventId: events[0]!.id,
        organisationId: municipality.id,
        likelihood: 1,
        consequences: { economy: 1 },
      })
      const results = (cookie: string) =>
        call<{
          compiled: {
            risks: { cell: unknown; likelihood: unknown }[]
            capabilities: { capabilities: (number | null)[] }[]
          }
        }>(resultsPage.loader, getRequest(`/rsa/${id}/resultat`, cookie), { id })
      expect((await results(housingEditor.cookie)).status).toBe(403)
      const mine = await results(coordinator.cookie)
      // The municipality does not take part, so its answer does not count.
      expect(mine.body?.compiled.risks[0]).toMatchObject({
        likelihood: { median: 3.5, min: 2, max: 5, count: 2 },
        cell: { likelihood: 4, consequence: 4 },
      })
      expect(mine.body?.compiled.capabilities[0]!.capabilities).toEqual([4, 2])

      const share = await call(
        analysisPage.action,
        formRequest(`/rsa/${id}`, { intent: 'share', version: String(version) }, coordinator.cookie),
        { id },
      )
      expect(share.location).toBe(`/rsa/${id}`)
      expect(share.notice).toEqual({ kind: 'success', message: 'rsa.sharedNow' })
      expect((await results(housingEditor.cookie)).status).toBe(200)
      expect((await results(housingViewer.cookie)).status).toBe(200)
      expect((await results(outsiderEditor.cookie)).status).toBe(404)
      const partnerHeader = await call<{ header: { shared: boolean; links: { results: boolean } } }>(
        analysisLayout.loader,
        getRequest(`/rsa/${id}`, housingViewer.cookie),
        { id },
      )
      expect([partnerHeader.body?.header.shared, partnerHeader.body?.header.links.results]).toEqual([true, true])
      // A partner cannot share or stop sharing.
      expect(
        (
          await call(
            analysisPage.action,
            formRequest(`/rsa/${id}`, { intent: 'unshare', version: String(version + 1) }, housingEditor.cookie),
            { id },
          )
        ).status,
      ).toBe(403)

      const unshare = await call(
        analysisPage.action,
        formRequest(`/rsa/${id}`, { intent: 'unshare', version: String(version + 1) }, coordinator.cookie),
        { id },
      )
      expect(unshare.location).toBe(`/rsa/${id}`)
      expect(unshare.notice).toEqual({ kind: 'success', message: 'rsa.unsharedNow' })
      expect((await results(housingEditor.cookie)).status).toBe(403)
      const audit = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'rsa_analysis'), eq(auditLog.entityId, id)))
        .orderBy(auditLog.at)
      expect(audit.map((entry) => entry.action)).toEqual(['create', 'share', 'unshare'])
    })
  })

  it('removing an event removes its answers with it', async () => {
    const { id, events } = await analysis()
    await makeRsaAnswer(db(), { eventId: events[0]!.id, organisationId: housing.id })
    await call(
      settingsPage.action,
      formRequest(
        `/rsa/${id}/installningar`,
        { intent: 'removeEvent', eventId: events[0]!.id, version: '1' },
        coordinator.cookie,
      ),
      { id },
    )
    expect(await db().select().from(rsaAnswers)).toEqual([])
    expect(await db().select().from(rsaEvents).where(eq(rsaEvents.id, events[0]!.id))).toEqual([])
  })
})
