import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../app/db/enums'
import { auditLog } from '../../app/db/schema/audit'
import { meetingFindings } from '../../app/db/schema/meetings'
import { criticalServices } from '../../app/db/schema/registry'
import { rsaFollowUps, rsaMeasures } from '../../app/db/schema/rsa'
import { createAnalysis, listEvents, setResultsShared } from '../../app/modules/rsa/analyses.server'
import { REPORT_LIST_MAX } from '../../app/modules/rsa/compiled.server'
import * as planPage from '../../app/routes/rsa+/$id.atgarder'
import * as measurePage from '../../app/routes/rsa+/$id.atgarder_.$measureId'
import * as narrativePage from '../../app/routes/rsa+/$id.berattelse'
import * as reportPage from '../../app/routes/rsa+/$id_.rapport'
import * as reportPdf from '../../app/routes/rsa+/$id_.rapport[.pdf]'
import * as followUpPage from '../../app/routes/rsa+/$id_.uppfoljning.$year'
import {
  formRequest,
  getRequest,
  makeDependency,
  makeMeeting,
  makeOrganisation,
  makeRsaAnswer,
  makeService,
  makeUser,
  signedIn,
} from '../support/factories'
import { pdfPages } from '../support/pdf-text'
import { callRoute } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

/** Calls a loader or action as Remix would; a thrown Response is returned, so tests can look at it. */
const call = <Body = Record<string, unknown>>(
  handler: unknown,
  request: Request,
  params: Record<string, string> = {},
) => callRoute<Body>(handler, request, params)

interface ReportBody {
  report: {
    deadline: string
    analysis: { narrative: Record<string, string> }
    compiled: { risks: { title: string; cell: unknown }[]; participants: { name: string }[] }
    registry: {
      servicesBySector: { sector: string; count: number }[]
      services: { name: string }[]
      serviceCount: number
      dependenciesByResource: { resource: string; count: number }[]
      dependencies: { serviceName: string; resource: string | null; otherServiceName: string | null }[]
      dependencyCount: number
    }
    workshops: { title: string }[]
    themeDayFindings: { meetingTitle: string; organisationName: string; effects: string; needs: string }[]
    measures: { title: string }[]
    missing: {
      organisations: { name: string; submitted: number }[]
      narrativeParts: string[]
      eventsWithoutRisk: string[]
    }
  }
}

describe('the RSA report and action plan', () => {
  const db = useTestDatabase()
  let municipality: { id: string }
  let housing: { id: string }
  let energy: { id: string }
  let coordinator: { id: string; cookie: string }
  let housingEditor: { id: string; cookie: string }
  let analysis: { id: string; version: number; events: { id: string; title: string }[] }

  const user = async (role: Role, organisationId: string) => {
    const created = await makeUser(db(), { role, organisationId })
    return { id: created.id, cookie: (await signedIn(db(), created.id)).cookie }
  }

  beforeEach(async () => {
    municipality = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    housing = await makeOrganisation(db(), { name: 'Vårgårda Bostäder AB', kind: 'municipal_company' })
    energy = await makeOrganisation(db(), { name: 'Solör Bioenergi', kind: 'energy' })
    coordinator = await user('coordinator', municipality.id)
    housingEditor = await user('partner_editor', housing.id)
    const created = await createAnalysis(db(), {
      actorId: coordinator.id,
      organisationId: municipality.id,
      title: 'RSA 2027–2030',
      periodStart: 2027,
      periodEnd: 2030,
      organisationIds: [housing.id, energy.id],
      networkId: null,
    })
    analysis = { id: created.id, version: created.version, events: await listEvents(db(), created.id) }
  })

  const report = (cookie: string) =>
    call<ReportBody>(reportPage.loader, getRequest(`/rsa/${analysis.id}/rapport`, cookie), { id: analysis.id })

  describe('the seven-part report', () => {
    it("takes up what the participants' theme days revealed, and nothing of organisations outside the analysis", async () => {
      const elsewhere = await makeOrganisation(db(), { name: 'Borås Energi' })
      const themeDay = await makeMeeting(db(), {
        organiserOrganisationId: municipality.id,
        kind: 'theme_day',
        title: 'Temadag: elavbrott',
        invitedOrganisationIds: [housing.id, elsewhere.id],
      })
      await db()
        .insert(meetingFindings)
        .values([
          {
            meetingId: themeDay.id,
            organisationId: housing.id,
            effects: 'Värmepumparna stannar.',
            needs: 'Reservkraft.',
          },
          { meetingId: themeDay.id, organisationId: elsewhere.id, effects: 'Annat.', needs: '' },
        ])
      const { body } = await report(coordinator.cookie)
      expect(body!.report.themeDayFindings).toMatchObject([
        {
          meetingTitle: 'Temadag: elavbrott',
          organisationName: 'Vårgårda Bostäder AB',
          effects: 'Värmepumparna stannar.',
          needs: 'Reservkraft.',
        },
      ])
    })

    it('draws parts 2–4 from the workshops and the registry, and lists what is still missing', async () => {
      const heating = await makeService(db(), { organisationId: energy.id, name: 'Fjärrvärme', sector: 'energy' })
      const homes = await makeService(db(), {
        organisationId: housing.id,
        name: 'Trygghetsboende',
        sector: 'health_care',
      })
      await makeService(db(), { organisationId: municipality.id, name: 'Vattenverket', sector: 'municipal_technical' })
      const elsewhere = await makeOrganisation(db(), { name: 'Borås Energi' })
      await makeService(db(), { organisationId: elsewhere.id, name: 'Utanför analysen', sector: 'energy' })
      await makeDependency(db(), { serviceId: heating.id, resource: 'electricity', copesHours: 1 })
      await makeDependency(db(), { serviceId: homes.id, dependsOnServiceId: heating.id, copesHours: 12 })
      await makeMeeting(db(), {
        organiserOrganisationId: municipality.id,
        kind: 'rsa_workshop',
        title: 'RSA-workshop elavbrott',
        invitedOrganisationIds: [housing.id],
      })
      await makeMeeting(db(), {
        organiserOrganisationId: elsewhere.id,
        kind: 'rsa_workshop',
        title: 'Borås egen workshop',
        invitedOrganisationIds: [elsewhere.id],
      })
      await makeMeeting(db(), { organiserOrganisationId: municipality.id, kind: 'theme_day', title: 'Temadag' })
      for (const event of analysis.events) {
        await makeRsaAnswer(db(), {
          eventId: event.id,
          organisationId: housing.id,
          likelihood: 2,
          consequences: { life_health: 3 },
          capability: 1,
        })
      }
      await makeRsaAnswer(db(), {
        eventId: analysis.events[0]!.id,
        organisationId: energy.id,
        likelihood: 4,
        consequences: { economy: 5 },
        capability: 3,
        state: 'draft',
      })

      const { status, body } = await report(coordinator.cookie)
      expect(status).toBe(200)
      const { report: data } = body!
      expect(data.deadline).toBe('2027-10-31')
      expect(data.workshops.map((workshop) => workshop.title)).toEqual(['RSA-workshop elavbrott'])
      expect(data.registry.serviceCount).toBe(3)
      expect(data.registry.servicesBySector).toEqual([
        { sector: 'energy', count: 1 },
        { sector: 'health_care', count: 1 },
        { sector: 'municipal_technical', count: 1 },
      ])
      expect(data.registry.services.map((service) => service.name)).not.toContain('Utanför analysen')
      expect(data.registry.dependenciesByResource).toEqual([
        { resource: 'electricity', count: 1 },
        { resource: 'service', count: 1 },
      ])
      expect(data.registry.dependencies.find((row) => row.serviceName === 'Trygghetsboende')?.otherServiceName).toBe(
        'Fjärrvärme',
      )
      expect(data.compiled.risks.every((risk) => risk.cell !== null)).toBe(true)
      expect(data.missing).toEqual({
        organisations: [{ id: energy.id, name: 'Solör Bioenergi', submitted: 0 }],
        narrativeParts: ['area', 'process', 'services', 'dependencies', 'risks', 'vulnerabilities', 'measures'],
        eventsWithoutRisk: [],
      })
    })

    it('caps the registry lists at county scale and says how many there are', async () => {
      await db()
        .insert(criticalServices)
        .values(
          Array.from({ length: REPORT_LIST_MAX + 5 }, (_, index) => ({
            organisationId: housing.id,
            name: `Verksamhet ${index}`,
            sector: 'health_care' as const,
            acceptableOutageHours: 4,
          })),
        )
      const { body } = await report(coordinator.cookie)
      expect(body?.report.registry.services).toHaveLength(REPORT_LIST_MAX)
      expect(body?.report.registry.serviceCount).toBe(REPORT_LIST_MAX + 5)
    })

    it('the coordinator writes the narrative parts under the version; a stale save is a conflict that keeps the text', async () => {
      const url = `/rsa/${analysis.id}/berattelse`
      const params = { id: analysis.id }
      const saved = await call(
        narrativePage.action,
        formRequest(
          url,
          {
            version: String(analysis.version),
            area: 'Vårgårda har 12 000 invånare.',
            risks: 'Elavbrott väger tyngst.',
          },
          coordinator.cookie,
        ),
        params,
      )
      expect([saved.status, saved.location]).toEqual([302, `/rsa/${analysis.id}/rapport`])
      const after = await report(coordinator.cookie)
      expect(after.body?.report.analysis.narrative).toMatchObject({
        area: 'Vårgårda har 12 000 invånare.',
        risks: 'Elavbrott väger tyngst.',
        process: '',
      })
      expect(after.body?.report.missing.narrativeParts).toEqual([
        'process',
        'services',
        'dependencies',
        'vulnerabilities',
        'measures',
      ])

      const stale = await call<{ values: Record<string, string>; errors: Record<string, string> }>(
        narrativePage.action,
        formRequest(url, { version: String(analysis.version), area: 'Min text' }, coordinator.cookie),
        params,
      )
      expect(stale.status).toBe(409)
      expect(stale.body?.errors._form).toBe('rsa.conflict')
      expect(stale.body?.values.area).toBe('Min text')
      expect((await report(coordinator.cookie)).body?.report.analysis.narrative.area).toBe(
        'Vårgårda har 12 000 invånare.',
      )
      expect(
        (await call(narrativePage.action, formRequest(url, { version: '2', area: 'x' }, housingEditor.cookie), params))
          .status,
      ).toBe(403)
    })

    it('comes as an A4 PDF, part 1 under the title block and each later part from a new page, long lists breaking onto more pages', async () => {
      const pdf = async (cookie: string) =>
        (await call(reportPdf.loader, getRequest(`/rsa/${analysis.id}/rapport.pdf`, cookie), { id: analysis.id }))
          .response!
      const pages = (bytes: Buffer) => bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0
      const small = await pdf(coordinator.cookie)
      expect(small.status).toBe(200)
      expect(small.headers.get('Content-Type')).toBe('application/pdf')
      expect(small.headers.get('Content-Disposition')).toBe('attachment; filename="rsa-2027-2030.pdf"')
      const bytes = Buffer.from(await small.arrayBuffer())
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true)
      expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/)
      expect(pages(bytes)).toBe(7)

      await db()
        .insert(criticalServices)
        .values(
          Array.from({ length: 120 }, (_, index) => ({
            organisationId: housing.id,
            name: `Hemtjänstgrupp ${index} med ett långt namn`,
            sector: 'health_care' as const,
            acceptableOutageHours: 4,
          })),
        )
      const large = Buffer.from(await (await pdf(coordinator.cookie)).arrayBuffer())
      expect(pages(large)).toBeGreaterThan(9)
      expect((await pdf(housingEditor.cookie)).status).toBe(403)
    })

    it('keeps Sami and Finnish letters in the PDF, and begins part 1 on the first page under the title', async () => {
      const area = 'Čuonjávvi, Ŋuorttanjárga, Đáhttá, Ŧeahkká, Žeavžu, Šiellá; Jåhkåmåhkke; Ïedtjen; Äänekoski.'
      const saved = await call(
        narrativePage.action,
        formRequest(
          `/rsa/${analysis.id}/berattelse`,
          { version: String(analysis.version), area, process: 'Sámediggi deltog.' },
          coordinator.cookie,
        ),
        { id: analysis.id },
      )
      expect(saved.status).toBe(302)
      const response = (
        await call(reportPdf.loader, getRequest(`/rsa/${analysis.id}/rapport.pdf`, coordinator.cookie), {
          id: analysis.id,
        })
      ).response!
      const pages = await pdfPages(new Uint8Array(await response.arrayBuffer()))
      expect(pages[0]).toContain('Risk- och sårbarhetsanalys: RSA 2027–2030')
      expect(pages[0]).toContain('Det här saknas')
      expect(pages[0]).toContain(`1. Kommunen och dess geografiska område ${area}`)
      expect(pages[0]).toContain('Aktörsnätverket')
      expect(pages[1]).toMatch(/^2\. Arbetsprocess och metod Sámediggi deltog\./)
      expect(pages.join(' ')).not.toContain('?')
    })

    it('is hidden from the participants until the coordinator shares the results', async () => {
      expect((await report(housingEditor.cookie)).status).toBe(403)
      await setResultsShared(db(), {
        actorId: coordinator.id,
        id: analysis.id,
        version: analysis.version,
        shared: true,
      })
      expect((await report(housingEditor.cookie)).status).toBe(200)
    })
  })

  describe('the action plan', () => {
    const planUrl = () => `/rsa/${analysis.id}/atgarder`
    const measure = (changes: Record<string, string> = {}) => ({
      intent: 'measure',
      title: 'Reservkraft till trygghetsboendet',
      description: 'Fast elverk',
      ownerOrganisationId: housing.id,
      eventId: analysis.events[0]!.id,
      dueDate: '2028-06-30',
      costEstimate: '150 000',
      state: 'planned',
      ...changes,
    })

    it('the coordinator adds measures; owner and event must belong to the analysis; progress and overdue are counted', async () => {
      const added = await call(planPage.action, formRequest(planUrl(), measure(), coordinator.cookie), {
        id: analysis.id,
      })
      expect([added.status, added.location]).toEqual([302, planUrl()])
      expect(added.notice).toEqual({ kind: 'success', message: 'rsa.plan.added' })
      const [row] = await db().select().from(rsaMeasures)
      expect(row).toMatchObject({
        title: 'Reservkraft till trygghetsboendet',
        costEstimate: 150000,
        dueDate: '2028-06-30',
        ownerOrganisationId: housing.id,
      })
      const outsider = await makeOrganisation(db(), { name: 'Utomstående' })
      const refused = await call<{ errors: Record<string, string>; values: Record<string, string> }>(
        planPage.action,
        formRequest(
          planUrl(),
          measure({ ownerOrganisationId: outsider.id, costEstimate: 'mycket', title: 'Annat' }),
          coordinator.cookie,
        ),
        { id: analysis.id },
      )
      expect(refused.status).toBe(400)
      expect(refused.body?.errors).toEqual({ costEstimate: 'rsa.validation.cost' })
      const wrongOwner = await call<{ errors: Record<string, string> }>(
        planPage.action,
        formRequest(planUrl(), measure({ ownerOrganisationId: outsider.id }), coordinator.cookie),
        { id: analysis.id },
      )
      expect(wrongOwner.body?.errors).toEqual({ ownerOrganisationId: 'validation.choose' })
      await call(
        planPage.action,
        formRequest(
          planUrl(),
          measure({ title: 'Försenad', dueDate: '2020-01-01', state: 'in_progress' }),
          coordinator.cookie,
        ),
        { id: analysis.id },
      )
      await call(
        planPage.action,
        formRequest(planUrl(), measure({ title: 'Klar', dueDate: '2020-01-01', state: 'done' }), coordinator.cookie),
        { id: analysis.id },
      )
      const loaded = await call<{
        progress: { total: number; overdue: number; percentDone: number }
        measures: { title: string }[]
      }>(planPage.loader, getRequest(planUrl(), coordinator.cookie), { id: analysis.id })
      expect(loaded.body?.progress).toMatchObject({ total: 3, overdue: 1, percentDone: 33 })
      expect(loaded.body?.measures.map((m) => m.title)).toEqual([
        'Försenad',
        'Klar',
        'Reservkraft till trygghetsboendet',
      ])
      expect(
        (await call(planPage.action, formRequest(planUrl(), measure(), housingEditor.cookie), { id: analysis.id }))
          .status,
      ).toBe(403)
      expect(await db().select().from(auditLog).where(eq(auditLog.entity, 'rsa_measure'))).toHaveLength(3)
    })

    it('a measure is changed under its version and removed', async () => {
      await call(planPage.action, formRequest(planUrl(), measure(), coordinator.cookie), { id: analysis.id })
      const [row] = await db().select().from(rsaMeasures)
      const url = `${planUrl()}/${row!.id}`
      const params = { id: analysis.id, measureId: row!.id }
      const loaded = await call<{ values: Record<string, string> }>(
        measurePage.loader,
        getRequest(url, coordinator.cookie),
        params,
      )
      expect(loaded.body?.values).toMatchObject({ costEstimate: '150000', version: '1', state: 'planned' })
      const saved = await call(
        measurePage.action,
        formRequest(url, { ...loaded.body!.values, intent: 'save', state: 'in_progress' }, coordinator.cookie),
        params,
      )
      expect(saved.location).toBe(planUrl())
      const stale = await call<{ errors: Record<string, string>; values: Record<string, string> }>(
        measurePage.action,
        formRequest(url, { ...loaded.body!.values, intent: 'save', state: 'done' }, coordinator.cookie),
        params,
      )
      expect(stale.status).toBe(409)
      expect(stale.body?.values).toMatchObject({ state: 'done', version: '2' })
      expect((await db().select().from(rsaMeasures))[0]?.state).toBe('in_progress')
      const removed = await call(
        measurePage.action,
        formRequest(url, { intent: 'delete', version: '2' }, coordinator.cookie),
        params,
      )
      expect(removed.location).toBe(planUrl())
      expect(await db().select().from(rsaMeasures)).toEqual([])
    })

    it('the yearly follow-up keeps a note and the states of that day, once per year, and prints', async () => {
      await call(planPage.action, formRequest(planUrl(), measure(), coordinator.cookie), { id: analysis.id })
      const followUp = { intent: 'followUp', year: '2028', note: 'Elverket är beställt.' }
      const recorded = await call(planPage.action, formRequest(planUrl(), followUp, coordinator.cookie), {
        id: analysis.id,
      })
      expect(recorded.location).toBe(planUrl())
      expect(recorded.notice).toEqual({ kind: 'success', message: 'rsa.plan.followUpRecorded' })
      const again = await call<{ errors: Record<string, string> }>(
        planPage.action,
        formRequest(planUrl(), followUp, coordinator.cookie),
        { id: analysis.id },
      )
      expect(again.status).toBe(400)
      expect(again.body?.errors.year).toBe('rsa.validation.followUpExists')
      const [row] = await db().select().from(rsaFollowUps)
      expect(row).toMatchObject({ year: 2028, note: 'Elverket är beställt.' })
      expect(row!.snapshot).toMatchObject([
        { title: 'Reservkraft till trygghetsboendet', state: 'planned', dueDate: '2028-06-30' },
      ])

      const page = await call<{ note: string; measures: { title: string }[] }>(
        followUpPage.loader,
        getRequest(`/rsa/${analysis.id}/uppfoljning/2028`, coordinator.cookie),
        { id: analysis.id, year: '2028' },
      )
      expect(page.body?.note).toBe('Elverket är beställt.')
      expect(
        (
          await call(followUpPage.loader, getRequest(`/rsa/${analysis.id}/uppfoljning/2029`, coordinator.cookie), {
            id: analysis.id,
            year: '2029',
          })
        ).status,
      ).toBe(404)
      expect(
        (
          await call(followUpPage.loader, getRequest(`/rsa/${analysis.id}/uppfoljning/2028`, housingEditor.cookie), {
            id: analysis.id,
            year: '2028',
          })
        ).status,
      ).toBe(403)
    })
  })
})
