import { parse } from 'csv-parse/sync'
import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { criticalServices, dependencies } from '../../app/db/schema/registry'
import { scenarios } from '../../app/db/schema/scenarios'
import { sv } from '../../app/i18n/sv'
import { swedishDate } from '../../app/modules/directory/directory-filters'
import type { PickerState } from '../../app/modules/organisations/picker'
import type { ScenarioDefinition } from '../../app/modules/scenarios/definition'
import { createScenario, getScenario } from '../../app/modules/scenarios/scenarios.server'
import type { ScenarioDots, ServiceOutcome } from '../../app/modules/scenarios/scenario-view'
import * as scenarioPage from '../../app/routes/scenarier+/$id'
import * as exportScenario from '../../app/routes/scenarier+/$id_.export[.csv]'
import * as editScenario from '../../app/routes/scenarier+/$id_.redigera'
import * as scenarioDots from '../../app/routes/scenarier+/$id_.punkter'
import * as printScenario from '../../app/routes/scenarier+/$id_.utskrift'
import * as scenarioList from '../../app/routes/scenarier+/_index'
import * as newScenario from '../../app/routes/scenarier+/ny'
import {
  formRequest,
  getRequest,
  makeDependency,
  makeOrganisation,
  makeService,
  makeSite,
  makeUser,
  signedIn,
} from '../support/factories'
import { callRoute, type Handler } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

/** Calls a loader or action as Remix would; a thrown Response is returned, so tests can look at it. */
const call = <Body = never>(handler: Handler, request: Request, params: Record<string, string> = {}) =>
  callRoute<Body>(handler, request, params)

/** A form post; a list is sent as repeated fields, as a multiple select sends it. */
function postForm(url: string, fields: Record<string, string | string[]>, cookie: string): Request {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item)
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost', Cookie: cookie },
  })
}

const scenarioForm = (changes: Record<string, string | string[]> = {}) => ({
  name: 'Elavbrott i hela kommunen',
  description: 'Stormen Gudrun igen',
  horizon: '72',
  restart: '0',
  rows: '1',
  'f0.target': 'resource:electricity',
  'f0.scope': 'everywhere',
  'f0.start': '0',
  'f0.duration': '',
  ...changes,
})

const electricityEverywhere: ScenarioDefinition = {
  failures: [{ target: { resource: 'electricity' }, scope: { kind: 'everywhere' }, startHour: 0, durationHours: null }],
  horizonHours: 72,
  restartHours: 0,
}

interface FormBody {
  values: {
    name: string
    horizon: string
    state: string
    version: string
    failures: { target: string; scope: string; organisations: string[]; start: string; duration: string }[]
  } | null
  errors: Record<string, string>
  /** Each row's organisation and site pickers, under their fields. */
  pickers?: Record<string, PickerState>
}

describe('outage scenarios', () => {
  const db = useTestDatabase()
  let own: { id: string; name: string }
  let other: { id: string; name: string }
  let partner: { id: string; cookie: string }
  let otherPartner: { id: string; cookie: string }
  let coordinator: { id: string; cookie: string }
  let viewer: { id: string; cookie: string }
  let informant: { id: string; cookie: string }

  const user = async (role: Role, organisationId: string) => {
    const created = await makeUser(db(), { role, organisationId })
    return { id: created.id, cookie: (await signedIn(db(), created.id)).cookie }
  }
  const auditOf = (entityId: string) =>
    db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'scenario'), eq(auditLog.entityId, entityId)))
      .orderBy(auditLog.at)
  const draftOfOwn = (fields: Partial<Parameters<typeof createScenario>[1]> = {}) =>
    createScenario(db(), {
      actorId: partner.id,
      organisationId: own.id,
      name: 'Elavbrott',
      description: '',
      state: 'draft',
      definition: electricityEverywhere,
      ...fields,
    })

  beforeEach(async () => {
    own = await makeOrganisation(db(), { name: 'Vårgårda Energi', kind: 'energy' })
    other = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    const county = await makeOrganisation(db(), { name: 'Länsstyrelsen', kind: 'county_board' })
    partner = await user('partner_editor', own.id)
    otherPartner = await user('partner_editor', other.id)
    coordinator = await user('coordinator', county.id)
    viewer = await user('viewer', other.id)
    informant = await user('informant', own.id)
  })

  describe('creating', () => {
    it('a partner editor creates a draft of their organisation, audited', async () => {
      const result = await call(
        newScenario.action as Handler,
        formRequest('/scenarier/ny', scenarioForm(), partner.cookie),
      )
      const rows = await db().select().from(scenarios)
      expect(rows).toHaveLength(1)
      const [row] = rows
      expect([result.status, result.location]).toEqual([302, `/scenarier/${row!.id}`])
      expect(result.notice).toEqual({ kind: 'success', message: 'scenario.saveFirst' })
      expect(row).toMatchObject({
        name: 'Elavbrott i hela kommunen',
        description: 'Stormen Gudrun igen',
        organisationId: own.id,
        createdBy: partner.id,
        state: 'draft',
        version: 1,
      })
      expect(row!.definition).toEqual(electricityEverywhere)
      const entries = await auditOf(row!.id)
      expect(entries).toMatchObject([{ action: 'create', userId: partner.id, organisationId: own.id }])
      expect(entries[0]!.changes).toMatchObject({
        name: { before: null, after: 'Elavbrott i hela kommunen' },
        state: { before: null, after: 'draft' },
      })
    })

    it("a partner editor's 'shared' still saves a draft: only the coordinator shares", async () => {
      const result = await call(
        newScenario.action as Handler,
        formRequest('/scenarier/ny', scenarioForm({ state: 'shared' }), partner.cookie),
      )
      expect(result.status).toBe(302)
      const [row] = await db().select().from(scenarios)
      expect(row?.state).toBe('draft')

      const byCoordinator = await call(
        newScenario.action as Handler,
        formRequest('/scenarier/ny', scenarioForm({ name: 'Delat', state: 'shared' }), coordinator.cookie),
      )
      expect(byCoordinator.status).toBe(302)
      const [shared] = await db().select().from(scenarios).where(eq(scenarios.name, 'Delat'))
      expect(shared?.state).toBe('shared')
    })

    it('adding a row returns the values with one row more and saves nothing', async () => {
      const result = await call<FormBody>(
        newScenario.action as Handler,
        postForm(
          '/scenarier/ny',
          scenarioForm({ intent: 'add', 'f0.scope': 'organisations', 'f0.organisations': [own.id, other.id] }),
          partner.cookie,
        ),
      )
      expect(result.status).toBe(200)
      expect(result.body?.errors).toEqual({})
      expect(result.body?.values?.name).toBe('Elavbrott i hela kommunen')
      expect(result.body?.values?.failures).toEqual([
        {
          target: 'resource:electricity',
          scope: 'organisations',
          organisations: [own.id, other.id],
          sites: [],
          area: '',
          start: '0',
          duration: '',
        },
        { target: '', scope: 'everywhere', organisations: [], sites: [], area: '', start: '0', duration: '' },
      ])
      expect(await db().select().from(scenarios)).toEqual([])
      expect(await db().select().from(auditLog).where(eq(auditLog.entity, 'scenario'))).toEqual([])
    })

    it('removing a row returns the values with that row left out and saves nothing', async () => {
      const result = await call<FormBody>(
        newScenario.action as Handler,
        formRequest(
          '/scenarier/ny',
          scenarioForm({
            intent: 'remove:1',
            rows: '3',
            'f1.target': 'resource:drinking_water',
            'f1.start': '5',
            'f2.target': 'resource:fuel',
            'f2.start': '7',
          }),
          partner.cookie,
        ),
      )
      expect(result.status).toBe(200)
      expect(result.body?.values?.failures.map((row) => [row.target, row.start])).toEqual([
        ['resource:electricity', '0'],
        ['resource:fuel', '7'],
      ])
      expect(await db().select().from(scenarios)).toEqual([])
    })

    it('removing the only row keeps it; an intent no button sends is a 400; neither saves', async () => {
      const kept = await call<FormBody>(
        newScenario.action as Handler,
        formRequest('/scenarier/ny', scenarioForm({ intent: 'remove:0', rows: '1' }), partner.cookie),
      )
      expect(kept.status).toBe(200)
      expect(kept.body?.values?.failures.map((row) => row.target)).toEqual(['resource:electricity'])
      for (const intent of ['bogus', 'remove:1', 'toString']) {
        const refused = await call(
          newScenario.action as Handler,
          formRequest('/scenarier/ny', scenarioForm({ intent, rows: '1' }), partner.cookie),
        )
        expect(refused.status, intent).toBe(400)
      }
      expect(await db().select().from(scenarios)).toEqual([])
    })

    it('invalid input is a 400 with the errors on their fields and everything typed kept', async () => {
      const result = await call<FormBody>(
        newScenario.action as Handler,
        postForm(
          '/scenarier/ny',
          scenarioForm({
            name: '',
            horizon: '0',
            rows: '2',
            'f0.duration': '0',
            'f1.target': 'resource:drinking_water',
            'f1.scope': 'organisations',
            'f1.organisations': [other.id, own.id],
            'f1.start': '3',
            'f1.duration': '12',
          }),
          partner.cookie,
        ),
      )
      expect(result.status).toBe(400)
      const { pickers, ...body } = result.body!
      // The chosen organisations come back by name, in the picker of the row they were chosen in.
      expect(pickers?.['f1.organisations']?.selected.map((item) => item.id)).toEqual([other.id, own.id])
      expect(pickers?.['f0.organisations']?.selected).toEqual([])
      expect(body).toEqual({
        errors: {
          name: 'validation.required',
          horizon: 'scenario.error.horizon',
          'f0.duration': 'scenario.error.duration',
        },
        values: {
          name: '',
          description: 'Stormen Gudrun igen',
          horizon: '0',
          restart: '0',
          state: 'draft',
          version: '',
          failures: [
            {
              target: 'resource:electricity',
              scope: 'everywhere',
              organisations: [],
              sites: [],
              area: '',
              start: '0',
              duration: '0',
            },
            {
              target: 'resource:drinking_water',
              scope: 'organisations',
              organisations: [other.id, own.id],
              sites: [],
              area: '',
              start: '3',
              duration: '12',
            },
          ],
        },
      })
      expect(await db().select().from(scenarios)).toEqual([])
    })
  })

  describe('the result', () => {
    /**
     * A: electricity with 12 h of its own backup, copes 2 h without.
     * B (another organisation): needs A, no backup, copes 6 h without.
     * C: needs only drinking water, untouched by an electricity outage.
     */
    async function registry() {
      const a = await makeService(db(), { organisationId: own.id, name: 'Elnätet Vårgårda', peopleServed: 5000 })
      await makeDependency(db(), { serviceId: a.id, resource: 'electricity', copesHours: 2, backupHours: 12 })
      const b = await makeService(db(), { organisationId: other.id, name: 'Hemtjänsten', peopleServed: 300 })
      await makeDependency(db(), { serviceId: b.id, dependsOnServiceId: a.id, copesHours: 6 })
      const c = await makeService(db(), { organisationId: other.id, name: 'Skolan' })
      await makeDependency(db(), { serviceId: c.id, resource: 'drinking_water', copesHours: 0 })
      return { a, b, c }
    }

    it('runs the engine on the registry: A fails at 14, B at 20 because of A, because of electricity', async () => {
      const { a, b } = await registry()
      const scenario = await draftOfOwn()
      const result = await call<Awaited<ReturnType<typeof scenarioPage.loader>>>(
        scenarioPage.loader as Handler,
        getRequest(`/scenarier/${scenario.id}`, partner.cookie),
        { id: scenario.id },
      )
      expect(result.status).toBe(200)
      const { view, scenario: shown, mayChange } = result.body!
      expect(shown).toEqual({
        id: scenario.id,
        name: 'Elavbrott',
        description: '',
        state: 'draft',
        organisationName: 'Vårgårda Energi',
      })
      expect(mayChange).toBe(true)
      expect(view.serviceCount).toBe(3)
      expect(view.failures).toEqual([
        {
          target: { kind: 'resource', resource: 'electricity' },
          scope: { kind: 'everywhere' },
          startHour: 0,
          durationHours: null,
        },
      ])
      // A: backup [0, 12), degraded [12, 14), failed from 14; acceptable 12 h passed at 26.
      // B: loses A at 14, no backup, degraded [14, 20), failed from 20; acceptable passed at 32.
      expect(
        view.outcomes.items.map((outcome) => [outcome.name, outcome.firstFailedAt, outcome.outageExceededAt]),
      ).toEqual([
        ['Elnätet Vårgårda', 14, 26],
        ['Hemtjänsten', 20, 32],
      ])
      expect([view.outcomes.page, view.outcomes.pages, view.outcomes.count]).toEqual([1, 1, 2])
      const [outcomeA, outcomeB] = view.outcomes.items
      expect(outcomeA!.timeline).toEqual([
        [0, 12, 'backup'],
        [12, 14, 'degraded'],
        [14, 72, 'failed'],
      ])
      expect(outcomeB!.timeline).toEqual([
        [0, 14, 'normal'],
        [14, 20, 'degraded'],
        [20, 72, 'failed'],
      ])
      const electricityStep = {
        kind: 'resource',
        resource: 'electricity',
        lostAt: 0,
        backupHours: 12,
        backupSource: 'dependency',
        copesHours: 2,
        failedAt: 14,
      }
      expect(outcomeA!.reasons).toEqual([electricityStep])
      expect(outcomeB).toMatchObject({ id: b.id, organisationId: other.id, organisationName: 'Vårgårda kommun' })
      expect(outcomeB!.reasons).toEqual([
        {
          kind: 'service',
          serviceId: a.id,
          serviceName: 'Elnätet Vårgårda',
          organisationName: 'Vårgårda Energi',
          lostAt: 14,
          backupHours: 0,
          backupSource: 'none',
          copesHours: 6,
          failedAt: 20,
        },
        electricityStep,
      ])
      expect(view.totals.failed).toHaveLength(73)
      expect([13, 14, 19, 20, 72].map((hour) => view.totals.failed[hour])).toEqual([0, 1, 1, 2, 2])
      expect([11, 12, 14, 20].map((hour) => view.totals.degraded[hour])).toEqual([0, 1, 1, 0])
      expect([14, 20].map((hour) => view.totals.peopleServedFailed[hour])).toEqual([5000, 5300])
    })

    const resultOf = async (id: string, query = '') =>
      (
        await call<Awaited<ReturnType<typeof scenarioPage.loader>>>(
          scenarioPage.loader as Handler,
          getRequest(`/scenarier/${id}${query}`, partner.cookie),
          { id },
        )
      ).body!.view

    it('pages the list of affected services and of passed outage times, 50 at a time, worst first', async () => {
      // 60 services that fail at hours 1 … 60 (no backup, copes i h), acceptable 1 h: passed at i + 1.
      for (let i = 1; i <= 60; i++) {
        const service = await makeService(db(), {
          organisationId: own.id,
          name: `Tjänst ${String(i).padStart(2, '0')}`,
          acceptableOutageHours: 1,
        })
        await makeDependency(db(), { serviceId: service.id, resource: 'electricity', copesHours: i })
      }
      const scenario = await draftOfOwn()
      const first = await resultOf(scenario.id)
      expect([first.outcomes.page, first.outcomes.pages, first.outcomes.count]).toEqual([1, 2, 60])
      expect(first.outcomes.items).toHaveLength(50)
      expect(first.outcomes.items[0]!.firstFailedAt).toBe(1)
      expect(first.outcomes.items[49]!.firstFailedAt).toBe(50)
      expect([first.exceeded.page, first.exceeded.pages, first.exceeded.count]).toEqual([1, 2, 60])
      expect(first.exceeded.items[0]).toMatchObject({
        name: 'Tjänst 01',
        acceptableOutageHours: 1,
        outageExceededAt: 2,
      })

      const second = await resultOf(scenario.id, '?sida=2&overskridna=2')
      expect(second.outcomes.items.map((outcome) => outcome.firstFailedAt)).toEqual(
        Array.from({ length: 10 }, (_, i) => 51 + i),
      )
      expect(second.exceeded.items.map((item) => item.name)).toEqual(
        Array.from({ length: 10 }, (_, i) => `Tjänst ${51 + i}`),
      )
      // A page past the end is the last page; nonsense is the first.
      expect((await resultOf(scenario.id, '?sida=9')).outcomes.page).toBe(2)
      expect((await resultOf(scenario.id, '?sida=abc')).outcomes.page).toBe(1)
      // Totals per sector and Styrel class at each hour: all 60 are municipal technical services without a class.
      expect(first.totals.failedBySector.municipal_technical![60]).toBe(60)
      expect(Object.keys(first.totals.failedBySector)).toEqual(['municipal_technical'])
      expect(first.totals.failedByStyrel.none![30]).toBe(30)
    })

    it('a change in the registry is in the next result, though the last one is kept for the next page', async () => {
      const { a } = await registry()
      const scenario = await draftOfOwn()
      const before = await resultOf(scenario.id)
      expect(before.outcomes.items.map((outcome) => outcome.firstFailedAt)).toEqual([14, 20])
      // The energy company doubles its backup: A now fails at 26, B at 32.
      await db().update(dependencies).set({ backupHours: 24, version: 2 }).where(eq(dependencies.serviceId, a.id))
      const after = await resultOf(scenario.id)
      expect(after.outcomes.items.map((outcome) => outcome.firstFailedAt)).toEqual([26, 32])
      // Renaming a service is seen too.
      await db()
        .update(criticalServices)
        .set({ name: 'Elnätet', updatedAt: new Date() })
        .where(eq(criticalServices.id, a.id))
      expect((await resultOf(scenario.id)).outcomes.items[0]!.name).toBe('Elnätet')
    })

    it('sends the map its dots: one per site with a position, each with the course of its service', async () => {
      const site = await makeSite(db(), { organisationId: own.id, lat: 58.0341234, lng: 12.8081234 })
      const elsewhere = await makeSite(db(), { organisationId: own.id, lat: 58.1, lng: 12.9 })
      const unplaced = await makeSite(db(), { organisationId: own.id, lat: null, lng: null })
      const service = await makeService(db(), {
        organisationId: own.id,
        name: 'Vattenverket',
        siteIds: [site.id, elsewhere.id, unplaced.id],
      })
      await makeDependency(db(), { serviceId: service.id, resource: 'electricity', copesHours: 2, backupHours: 12 })
      await makeService(db(), { organisationId: own.id, name: 'Opåverkad', siteIds: [site.id] })
      const scenario = await draftOfOwn()
      const result = await call(
        scenarioDots.loader as Handler,
        getRequest(`/scenarier/${scenario.id}/punkter`, partner.cookie),
        {
          id: scenario.id,
        },
      )
      expect(result.status).toBe(200)
      expect(result.response!.headers.get('Cache-Control')).toBe('private, no-store')
      const dots = (await result.response!.json()) as ScenarioDots
      // A service's sites come in id order; positions are rounded to 5 decimals (about a metre).
      const expectedPoints = [site, elsewhere]
        .sort((x, y) => (x.id < y.id ? -1 : 1))
        .flatMap((placed) => (placed.id === site.id ? [58.03412, 12.80812] : [58.1, 12.9]))
      // Backup (state 1) from 0, degraded (2) from 12, failed (3) from 14.
      expect(dots).toEqual({ points: expectedPoints, course: [0, 0], courses: [[0, 1, 12, 2, 14, 3]] })
      expect((await resultOf(scenario.id)).hasPositions).toBe(true)
    })

    it('the print page carries the same view', async () => {
      await registry()
      const scenario = await draftOfOwn()
      const result = await call<{ outcomes: ServiceOutcome[]; count: number; scenario: { name: string } }>(
        printScenario.loader as Handler,
        getRequest(`/scenarier/${scenario.id}/utskrift`, partner.cookie),
        { id: scenario.id },
      )
      expect(result.status).toBe(200)
      expect(result.body!.scenario.name).toBe('Elavbrott')
      expect(result.body!.outcomes.map((outcome) => outcome.firstFailedAt)).toEqual([14, 20])
      expect(result.body!.count).toBe(2)
    })

    it('exports CSV for Swedish Excel: BOM, semicolons, a header and one row per affected service', async () => {
      await registry()
      const scenario = await draftOfOwn()
      const result = await call(
        exportScenario.loader as Handler,
        getRequest(`/scenarier/${scenario.id}/export.csv`, partner.cookie),
        { id: scenario.id },
      )
      expect(result.status).toBe(200)
      expect(result.response!.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
      expect(result.response!.headers.get('Content-Disposition')).toBe(
        `attachment; filename="scenario-${swedishDate(new Date())}.csv"`,
      )
      const bytes = Buffer.from(await result.response!.arrayBuffer())
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const text = bytes.toString('utf8')
      expect(text.slice(1).split('\r\n')[0]).toBe(
        '"Verksamhet";"Organisation";"Sektor";"Styrelklass";"Personer som berörs";"Acceptabel avbrottstid (h)";' +
          '"Slutar fungera (timme)";"Acceptabel avbrottstid passeras (timme)";"Förlopp";"Förklaring"',
      )
      expect(text.replace(/\r\n/g, '')).not.toContain('\n')
      const [, ...rows] = parse(bytes, { delimiter: ';', bom: true }) as string[][]
      expect(rows).toEqual([
        [
          'Elnätet Vårgårda',
          'Vårgårda Energi',
          sv['sector.municipal_technical'],
          '',
          '5000',
          '12',
          '14',
          '26',
          'timme 0–12: På reserv; timme 12–14: Försämrad; timme 14–72: Fungerar inte',
          'Elnätet Vårgårda slutar fungera vid timme 14: el förlorad vid timme 0, reserven räcker 12 h, klarar sig 2 h utan',
        ],
        [
          'Hemtjänsten',
          'Vårgårda kommun',
          sv['sector.municipal_technical'],
          '',
          '300',
          '12',
          '20',
          '32',
          'timme 0–14: Normal; timme 14–20: Försämrad; timme 20–72: Fungerar inte',
          'Hemtjänsten slutar fungera vid timme 20: Elnätet Vårgårda (Vårgårda Energi) borta från timme 14, ingen reserv, ' +
            'klarar sig 6 h utan Elnätet Vårgårda slutar fungera vid timme 14: el förlorad vid timme 0, reserven räcker 12 h, ' +
            'klarar sig 2 h utan',
        ],
      ])
    })
  })

  describe('editing and deleting', () => {
    const editRequest = (id: string, fields: Record<string, string>, cookie: string) =>
      formRequest(`/scenarier/${id}/redigera`, fields, cookie)

    it('the edit page shows the saved values and version', async () => {
      const scenario = await draftOfOwn({ name: 'Att ändra' })
      const result = await call<Awaited<ReturnType<typeof editScenario.loader>>>(
        editScenario.loader as Handler,
        getRequest(`/scenarier/${scenario.id}/redigera`, partner.cookie),
        { id: scenario.id },
      )
      expect(result.status).toBe(200)
      expect(result.body).toMatchObject({ id: scenario.id, version: 1, canShare: false })
      expect(result.body!.values).toMatchObject({
        name: 'Att ändra',
        horizon: '72',
        version: '1',
        failures: [{ target: 'resource:electricity', scope: 'everywhere', start: '0', duration: '' }],
      })
    })

    it('saves with the right version, bumps it and audits only what changed; a stale version is a 409', async () => {
      const scenario = await draftOfOwn()
      const saved = await call(
        editScenario.action as Handler,
        editRequest(scenario.id, scenarioForm({ name: 'Elavbrott, andra versionen', version: '1' }), partner.cookie),
        { id: scenario.id },
      )
      expect([saved.status, saved.location]).toEqual([302, `/scenarier/${scenario.id}`])
      expect(saved.notice).toEqual({ kind: 'success', message: 'scenario.saveFirst' })
      expect(await getScenario(db(), scenario.id)).toMatchObject({
        name: 'Elavbrott, andra versionen',
        description: 'Stormen Gudrun igen',
        version: 2,
        state: 'draft',
      })
      const [, update] = await auditOf(scenario.id)
      expect(update).toMatchObject({ action: 'update', userId: partner.id, organisationId: own.id })
      expect(Object.keys(update!.changes).sort()).toEqual(['description', 'name'])

      const stale = await call<FormBody>(
        editScenario.action as Handler,
        editRequest(
          scenario.id,
          scenarioForm({ name: 'Över någon annans', horizon: '24', version: '1' }),
          partner.cookie,
        ),
        { id: scenario.id },
      )
      expect(stale.status).toBe(409)
      expect(stale.body?.errors).toEqual({ _form: 'scenario.conflict' })
      expect(stale.body?.values).toMatchObject({ name: 'Över någon annans', horizon: '24', version: '2' })
      expect(await getScenario(db(), scenario.id)).toMatchObject({ name: 'Elavbrott, andra versionen', version: 2 })
      expect(await auditOf(scenario.id)).toHaveLength(2)
    })

    it('deletes with the right version only, and audits it', async () => {
      const scenario = await draftOfOwn()
      const stale = await call<FormBody>(
        editScenario.action as Handler,
        editRequest(scenario.id, { intent: 'delete', version: '2' }, partner.cookie),
        { id: scenario.id },
      )
      expect(stale.status).toBe(409)
      expect(stale.body).toEqual({ values: null, errors: { _form: 'scenario.conflict' } })
      expect(await getScenario(db(), scenario.id)).not.toBeNull()

      const deleted = await call(
        editScenario.action as Handler,
        editRequest(scenario.id, { intent: 'delete', version: '1' }, partner.cookie),
        { id: scenario.id },
      )
      expect([deleted.status, deleted.location]).toEqual([302, '/scenarier'])
      expect(deleted.notice).toEqual({ kind: 'success', message: 'scenario.deleted' })
      expect(await getScenario(db(), scenario.id)).toBeNull()
      expect((await auditOf(scenario.id)).map((entry) => [entry.action, entry.userId, entry.organisationId])).toEqual([
        ['create', partner.id, own.id],
        ['delete', partner.id, own.id],
      ])
    })
  })

  describe('who may do what', () => {
    const readers = [
      ['result', scenarioPage.loader, (id: string) => `/scenarier/${id}`],
      ['CSV', exportScenario.loader, (id: string) => `/scenarier/${id}/export.csv`],
      ['print', printScenario.loader, (id: string) => `/scenarier/${id}/utskrift`],
      ['map dots', scenarioDots.loader, (id: string) => `/scenarier/${id}/punkter`],
    ] as const
    const statusOf = async (handler: unknown, request: Request, id: string) =>
      (await call(handler as Handler, request, { id })).status

    it("another organisation's draft is not found for its partner, and stays as it was", async () => {
      const scenario = await draftOfOwn()
      for (const [, loader, url] of readers) {
        expect(await statusOf(loader, getRequest(url(scenario.id), otherPartner.cookie), scenario.id)).toBe(404)
        expect(await statusOf(loader, getRequest(url(scenario.id), viewer.cookie), scenario.id)).toBe(404)
      }
      const editUrl = `/scenarier/${scenario.id}/redigera`
      expect(await statusOf(editScenario.loader, getRequest(editUrl, otherPartner.cookie), scenario.id)).toBe(404)
      for (const fields of [scenarioForm({ name: 'Kapat', version: '1' }), { intent: 'delete', version: '1' }]) {
        expect(
          await statusOf(editScenario.action, formRequest(editUrl, fields, otherPartner.cookie), scenario.id),
        ).toBe(404)
      }
      expect(await getScenario(db(), scenario.id)).toMatchObject({ name: 'Elavbrott', version: 1, state: 'draft' })
      expect(await auditOf(scenario.id)).toHaveLength(1)

      const listed = await call<Awaited<ReturnType<typeof scenarioList.loader>>>(
        scenarioList.loader as Handler,
        getRequest('/scenarier', otherPartner.cookie),
      )
      expect(listed.body!.scenarios).toEqual([])
      const ownList = await call<Awaited<ReturnType<typeof scenarioList.loader>>>(
        scenarioList.loader as Handler,
        getRequest('/scenarier', partner.cookie),
      )
      expect(ownList.body!.scenarios.map((row) => [row.id, row.horizonHours])).toEqual([[scenario.id, 72]])
    })

    it('once the coordinator shares it, every reader may read it and its drafter no longer change it', async () => {
      const scenario = await draftOfOwn()
      const editUrl = `/scenarier/${scenario.id}/redigera`
      const shared = await call(
        editScenario.action as Handler,
        formRequest(editUrl, scenarioForm({ name: 'Elavbrott', state: 'shared', version: '1' }), coordinator.cookie),
        { id: scenario.id },
      )
      expect(shared.status).toBe(302)
      expect(await getScenario(db(), scenario.id)).toMatchObject({
        state: 'shared',
        version: 2,
        organisationId: own.id,
      })

      for (const [, loader, url] of readers) {
        for (const reader of [viewer, otherPartner, partner]) {
          expect(await statusOf(loader, getRequest(url(scenario.id), reader.cookie), scenario.id)).toBe(200)
        }
      }
      const page = await call<Awaited<ReturnType<typeof scenarioPage.loader>>>(
        scenarioPage.loader as Handler,
        getRequest(`/scenarier/${scenario.id}`, partner.cookie),
        { id: scenario.id },
      )
      expect(page.body!.mayChange).toBe(false)

      expect(await statusOf(editScenario.loader, getRequest(editUrl, partner.cookie), scenario.id)).toBe(403)
      expect(await statusOf(editScenario.loader, getRequest(editUrl, viewer.cookie), scenario.id)).toBe(403)
      for (const fields of [
        scenarioForm({ name: 'Tillbaka till utkast', version: '2' }),
        { intent: 'delete', version: '2' },
      ]) {
        expect(await statusOf(editScenario.action, formRequest(editUrl, fields, partner.cookie), scenario.id)).toBe(403)
      }
      expect(await getScenario(db(), scenario.id)).toMatchObject({ name: 'Elavbrott', state: 'shared', version: 2 })
    })

    it('a viewer cannot create and an informant cannot read', async () => {
      const scenario = await draftOfOwn({ state: 'shared' })
      expect(await statusOf(newScenario.loader, getRequest('/scenarier/ny', viewer.cookie), '')).toBe(403)
      expect(await statusOf(newScenario.action, formRequest('/scenarier/ny', scenarioForm(), viewer.cookie), '')).toBe(
        403,
      )
      expect(await db().select().from(scenarios).where(eq(scenarios.name, 'Elavbrott i hela kommunen'))).toEqual([])

      expect(await statusOf(scenarioList.loader, getRequest('/scenarier', informant.cookie), '')).toBe(403)
      for (const [, loader, url] of readers) {
        expect(await statusOf(loader, getRequest(url(scenario.id), informant.cookie), scenario.id)).toBe(403)
      }
    })
  })
})
