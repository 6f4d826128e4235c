import { randomUUID } from 'node:crypto'
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { auditLog } from '../../app/db/schema/audit'
import { eventOrganisations, events } from '../../app/db/schema/events'
import { mandatePeriods } from '../../app/db/schema/mandate'
import {
  councilCategories,
  councilMeasures,
  councilReports,
  situationPictures,
  situationPictureVersions,
} from '../../app/db/schema/council'
import { rsaAnalyses, rsaEvents, rsaMeasures, rsaParticipants } from '../../app/db/schema/rsa'
import { scenarios } from '../../app/db/schema/scenarios'
import { en } from '../../app/i18n/en'
import { LocaleContext, type Locale } from '../../app/i18n/i18n'
import { sv } from '../../app/i18n/sv'
import { saveMinutes } from '../../app/modules/meetings/minutes.server'
import { updateOrganisation } from '../../app/modules/organisations/organisations.server'
import { updateSite } from '../../app/modules/registry/sites.server'
import {
  defaultCapabilityScale,
  defaultConsequenceScale,
  defaultLikelihoodScale,
  defaultProtectedValues,
} from '../../app/modules/rsa/defaults'
import { auditEntities, auditVocabulary, type FieldFormat, type RefTarget } from '../../app/modules/audit/vocabulary'
import * as changeLog from '../../app/routes/admin+/logg'
import {
  CENTRUM,
  getRequest,
  makeActionItem,
  makeContactRoute,
  makeCouncil,
  makeCouncilArea,
  makeMeeting,
  makeOrganisation,
  makeRsaAnswer,
  makeService,
  makeSite,
  makeUser,
  signedIn,
} from '../support/factories'
import { renderRoute } from '../support/render-route'
import { callRoute } from '../support/route-call'
import { useTestDatabase } from '../support/test-db'

// Issue 19: the change log speaks the reader's language. Every action the
// vocabulary lists (recordAudit accepts no other) is written with every field
// its entity has, and the page, in Swedish and in English, shows none of the
// codes, ISO instants or ids behind them.

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
const isoDate = /\d{4}-\d{2}-\d{2}/
const INSTANT = '2026-12-06T02:03:28.268Z'

const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** A value of the field's kind, as the code that writes such entries stores it. */
function sampleOf(format: FieldFormat, records: Record<RefTarget, string>): unknown {
  switch (format.as) {
    case 'text':
      return 'Ny text'
    case 'number':
      return 1234.5
    case 'plain':
      return 2027
    case 'percent':
      return '12.5'
    case 'bytes':
      return 20_480
    case 'boolean':
      return true
    case 'instant':
      return INSTANT
    case 'date':
      return '2026-12-06'
    case 'ref':
      return records[format.to]
    case 'refs':
      return [records[format.to]]
    case 'enum':
      return format.values.at(-1)
    case 'enums':
      return [...format.values]
    case 'strings':
      return ['anna.berg@example.org', 'lars.ek@example.org']
    case 'labels':
      return defaultProtectedValues
    case 'keyed':
      return Object.fromEntries(format.keys.map((key) => [key, format.values === 'number' ? 4 : 'En text']))
    case 'consequences':
      return Object.fromEntries(defaultProtectedValues.map((value) => [value.key, 3]))
    case 'polygon':
      return CENTRUM
    case 'scenario':
      return {
        failures: [
          { target: { resource: 'electricity' }, scope: { kind: 'everywhere' }, startHour: 0, durationHours: 48 },
        ],
        horizonHours: 72,
        restartHours: 2,
      }
    case 'reminded':
      return { organisations: 2, sent: 3 }
    case 'filled':
      return 'text'
  }
}

describe('the change log', () => {
  const db = useTestDatabase()

  async function oneOfEverything() {
    const organisation = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    const coordinator = await makeUser(db(), {
      role: 'coordinator',
      organisationId: organisation.id,
      name: 'Karin Samordnare',
    })
    const council = await makeCouncil(db(), { organisationIds: [organisation.id], name: 'Trygg i Vårgårda' })
    const area = await makeCouncilArea(db(), { councilId: council.id, name: 'Centrum' })
    const [category] = await db().select().from(councilCategories).limit(1)
    const site = await makeSite(db(), { organisationId: organisation.id, name: 'Vattenverket' })
    const service = await makeService(db(), { organisationId: organisation.id, name: 'Dricksvatten' })
    const route = await makeContactRoute(db(), { organisationId: organisation.id, label: 'Växeln' })
    const meeting = await makeMeeting(db(), { organiserOrganisationId: organisation.id, title: 'Temadag elavbrott' })
    const item = await makeActionItem(db(), {
      meetingId: meeting.id,
      ownerOrganisationId: organisation.id,
      title: 'Ny reservkraft',
    })
    const [scenario] = await db()
      .insert(scenarios)
      .values({
        name: 'Elavbrott i tre dygn',
        organisationId: organisation.id,
        definition: sampleOf({ as: 'scenario' }, {} as never) as never,
      })
      .returning()
    const [analysis] = await db()
      .insert(rsaAnalyses)
      .values({
        title: 'RSA 2027–2030',
        periodStart: 2027,
        periodEnd: 2030,
        organisationId: organisation.id,
        likelihoodScale: defaultLikelihoodScale,
        consequenceScale: defaultConsequenceScale,
        capabilityScale: defaultCapabilityScale,
        protectedValues: defaultProtectedValues,
      })
      .returning()
    await db().insert(rsaParticipants).values({ analysisId: analysis!.id, organisationId: organisation.id })
    const [event] = await db()
      .insert(rsaEvents)
      .values({ analysisId: analysis!.id, title: 'Långvarigt elavbrott' })
      .returning()
    const [rsaMeasure] = await db()
      .insert(rsaMeasures)
      .values({
        analysisId: analysis!.id,
        title: 'Reservkraft till äldreboendet',
        ownerOrganisationId: organisation.id,
      })
      .returning()
    const answer = await makeRsaAnswer(db(), { eventId: event!.id, organisationId: organisation.id })
    const [report] = await db()
      .insert(councilReports)
      .values({
        councilId: council.id,
        organisationId: organisation.id,
        categoryId: category!.id,
        locationKind: 'area',
        areaId: area.id,
        observedAt: new Date(),
        description: 'Anna Andersson klottrade på stationen',
      })
      .returning()
    const [picture] = await db()
      .insert(situationPictures)
      .values({
        councilId: council.id,
        title: 'Lägesbild hösten 2026',
        periodFrom: '2026-09-01',
        periodTo: '2026-11-30',
      })
      .returning()
    const [version] = await db()
      .insert(situationPictureVersions)
      .values({ pictureId: picture!.id, number: 1, snapshot: {} as never })
      .returning()
    const [measure] = await db()
      .insert(councilMeasures)
      .values({
        councilId: council.id,
        title: 'Bättre belysning vid stationen',
        kind: 'situational',
        responsibleOrganisationId: organisation.id,
        startDate: '2026-10-01',
        followUpDate: '2027-04-01',
      })
      .returning()
    const [incident] = await db()
      .insert(events)
      .values({ title: 'Elavbrott Vårgårda', kind: 'exercise', level: 'staff', startedAt: new Date('2026-11-30T08:00:00Z') })
      .returning()
    await db().insert(eventOrganisations).values({ eventId: incident!.id, organisationId: organisation.id })
    const [period] = await db()
      .insert(mandatePeriods)
      .values({ title: 'Mandatperioden 2027–2030', startYear: 2027, endYear: 2030, organisationId: organisation.id })
      .returning()
    const records: Record<RefTarget, string> = {
      organisation: organisation.id,
      user: coordinator.id,
      network: council.networkId,
      site: site.id,
      critical_service: service.id,
      contact_route: route.id,
      scenario: scenario!.id,
      meeting: meeting.id,
      action_item: item.id,
      rsa_analysis: analysis!.id,
      rsa_event: event!.id,
      rsa_measure: rsaMeasure!.id,
      council: council.id,
      council_category: category!.id,
      council_area: area.id,
      council_report: report!.id,
      situation_picture: picture!.id,
      situation_picture_version: version!.id,
      council_measure: measure!.id,
      event: incident!.id,
      mandate_period: period!.id,
    }
    return { organisation, coordinator, records, answerId: answer.id }
  }

  it('shows every audited action with labels, local times and names, never a code, an ISO instant or an id', async () => {
    const { organisation, coordinator, records, answerId } = await oneOfEverything()
    const entries = auditEntities.flatMap((entity) => {
      const spec = auditVocabulary[entity]
      const subject = 'subject' in spec ? spec.subject : undefined
      const entityId = subject
        ? subject.of.map((to) => records[to]).join(subject.separator ?? '')
        : entity === 'rsa_answer'
          ? answerId
          : randomUUID()
      const fields: Record<string, FieldFormat> = spec.fields
      const changes = Object.fromEntries(
        Object.entries(fields).map(([field, format]) => [field, { before: null, after: sampleOf(format, records) }]),
      )
      return spec.actions.map((action: string) => ({
        userId: coordinator.id,
        organisationId: organisation.id,
        entity,
        entityId,
        action,
        changes,
        at: new Date(INSTANT),
      }))
    })
    expect(entries.length).toBeGreaterThan(100)
    await db().insert(auditLog).values(entries)

    const { cookie } = await signedIn(db(), coordinator.id)
    const loaded = await callRoute<Awaited<ReturnType<typeof changeLog.loader>>>(
      changeLog.loader,
      getRequest('/admin/logg', cookie),
    )
    expect(loaded.body!.entries.length).toBeGreaterThanOrEqual(entries.length)
    const codes = new Set<string>()
    for (const entity of auditEntities) {
      const spec = auditVocabulary[entity]
      codes.add(entity)
      for (const action of spec.actions) codes.add(action)
      for (const [field, format] of Object.entries(spec.fields as Record<string, FieldFormat>)) {
        codes.add(field)
        if (format.as === 'enum' || format.as === 'enums') format.values.forEach((value) => codes.add(value))
        if (format.as === 'keyed') format.keys.forEach((key) => codes.add(key))
      }
    }
    for (const value of defaultProtectedValues) codes.add(value.key)

    for (const locale of ['sv', 'en'] as Locale[]) {
      const Page = () => createElement(LocaleContext.Provider, { value: locale }, createElement(changeLog.default))
      const html = await renderRoute(Page, { loaderData: loaded.body })
      const table = /<table[\s\S]*<\/table>/.exec(html)?.[0] ?? ''
      const text = textOf(table)
      expect(text).not.toMatch(uuid)
      expect(text).not.toMatch(isoDate)
      expect(text).not.toMatch(/audit\.|undefined|NaN|\[object|[{}]/)
      // A code that is also a word of the page's language ("organisation") cannot be told from the text.
      const words = new Set(
        Object.values(locale === 'sv' ? sv : en)
          .flatMap((message) => (typeof message === 'string' ? [message] : Object.values(message)))
          .flatMap((message) => message.split(/[^\p{L}\d_]+/u)),
      )
      for (const code of codes) {
        if (/^\d+$/.test(code) || words.has(code)) continue
        expect(text, `${locale}: the code "${code}" reaches the page`).not.toMatch(
          new RegExp(`(?<![\\p{L}\\d_.-])${code}(?![\\p{L}\\d_-])`, 'u'),
        )
      }
      // 02:03 UTC on 6 December is 03:03 in Stockholm.
      expect(text).toContain(locale === 'sv' ? '6 dec. 2026 03:03' : '6 Dec 2026, 03:03')
      expect(text).not.toContain('02:03')
      // Records by name, linked where the reader may open them; a report never by its text.
      expect(html).toContain(`href="/moten/${records.meeting}">Temadag elavbrott</a>`)
      expect(html).toContain(`href="/rsa/${records.rsa_analysis}">RSA 2027–2030</a>`)
      expect(text).toMatch(/Ekonomiska och materiella värden\s*:\s*3/)
      expect(text).not.toContain('Anna Andersson')
    }
    const swedish = textOf(await renderRoute(changeLog.default, { loaderData: loaded.body }))
      .replace(/\s+/g, ' ')
      .replace(/ :/g, ':')
    expect(swedish).toContain('Möte skapat')
    expect(swedish).toContain('Typ: – → ISF-konferens (inriktning och samordning)')
    expect(swedish).toContain('Rapport om')
    expect(swedish).toContain('1 234,5')
    expect(swedish).toContain('Andel: – → 12,5 %')
  })

  it('writes no entry for a save that changed nothing', async () => {
    const organisation = await makeOrganisation(db(), { name: 'Vårgårda kommun', kind: 'municipality' })
    const coordinator = await makeUser(db(), { role: 'coordinator', organisationId: organisation.id })
    const site = await makeSite(db(), {
      organisationId: organisation.id,
      name: 'Vattenverket',
      address: 'Kungsgatan 1',
    })
    const meeting = await makeMeeting(db(), {
      organiserOrganisationId: organisation.id,
      minutes: 'Vi gick igenom läget.',
    })
    const entriesBefore = (await db().select().from(auditLog)).length

    const sameOrganisation = await updateOrganisation(db(), {
      actorId: coordinator.id,
      id: organisation.id,
      version: organisation.version,
      name: organisation.name,
      kind: organisation.kind,
      description: organisation.description,
    })
    expect(sameOrganisation.ok).toBe(true)
    const sameSite = await updateSite(db(), {
      actorId: coordinator.id,
      id: site.id,
      version: site.version,
      name: site.name,
      kind: site.kind,
      address: site.address,
      lat: site.lat,
      lng: site.lng,
      backupPowerHours: site.backupPowerHours,
      backupFuel: site.backupFuel,
      styrelClass: site.styrelClass,
      safetyPoint: site.safetyPoint,
      emergencyWaterPoint: site.emergencyWaterPoint,
    })
    expect(sameSite.ok).toBe(true)
    const sameMinutes = await saveMinutes(db(), {
      actorId: coordinator.id,
      meetingId: meeting.id,
      version: meeting.version,
      minutes: meeting.minutes,
    })
    expect(sameMinutes.ok).toBe(true)
    expect(await db().select().from(auditLog)).toHaveLength(entriesBefore)

    const renamed = await updateOrganisation(db(), {
      actorId: coordinator.id,
      id: organisation.id,
      version: sameOrganisation.ok ? sameOrganisation.record.version : 0,
      name: 'Vårgårda kommun (kommunstyrelsen)',
      kind: organisation.kind,
      description: organisation.description,
    })
    expect(renamed.ok).toBe(true)
    const entries = await db().select().from(auditLog)
    expect(entries).toHaveLength(entriesBefore + 1)
    expect(entries.at(-1)!.changes).toEqual({
      name: { before: 'Vårgårda kommun', after: 'Vårgårda kommun (kommunstyrelsen)' },
    })
  })
})
