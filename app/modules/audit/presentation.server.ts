import { eq, inArray } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import {
  councilAreas,
  councilCategories,
  councilMeasures,
  councilReports,
  councils,
  situationPictures,
  situationPictureVersions,
} from '~/db/schema/council'
import { events } from '~/db/schema/events'
import { mandatePeriods } from '~/db/schema/mandate'
import { actionItems, meetingOrganisations, meetings } from '~/db/schema/meetings'
import { organisations } from '~/db/schema/organisations'
import { contactRoutes, criticalServices, networks, sites } from '~/db/schema/registry'
import { rsaAnalyses, rsaAnswers, rsaEvents, rsaMeasures, rsaParticipants } from '~/db/schema/rsa'
import { scenarios } from '~/db/schema/scenarios'
import { users } from '~/db/schema/users'
import type { MessageKey } from '~/i18n/sv'
import { can, type Actor } from '~/modules/auth/permissions'
import { eventResource, eventScopes } from '~/modules/events/event-access.server'
import type { listAuditEntries } from './audit.server'
import {
  eventLabel,
  fieldFormat,
  fieldLabel,
  isActionOf,
  isAuditEntity,
  refLabel,
  subjectOf,
  type AuditEntity,
  type AuditField,
  type FieldFormat,
  type RefTarget,
} from './vocabulary'

// Turns stored audit entries into what a reader may see: labels instead of
// codes, records by name instead of ids (only where `can` lets the reader
// see the record, a link only where it may open it), and structured values
// as lists. Instants stay instants; the table shows them in Stockholm time.

/** A value as the change log shows it; the component only translates and formats. */
export type Shown =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'label'; key: MessageKey; vars?: Record<string, string | number> }
  | { kind: 'number'; value: number; plain?: boolean; percent?: boolean }
  | { kind: 'instant'; at: string }
  | { kind: 'date'; day: string }
  | { kind: 'record'; name: Shown; href: string | null }
  | { kind: 'list'; items: Shown[] }
  | { kind: 'pairs'; items: { label: Shown; value: Shown }[] }

export interface AuditChangeView {
  field: MessageKey
  before: Shown
  after: Shown
}

export interface AuditView {
  id: string
  at: string
  who: string | null
  event: MessageKey
  /** The records the entry is about, by name. */
  subjects: Shown[]
  organisation: Shown | null
  changes: AuditChangeView[]
}

type StoredEntry = Awaited<ReturnType<typeof listAuditEntries>>[number]

const empty: Shown = { kind: 'empty' }
const text = (value: string): Shown => ({ kind: 'text', text: value })
const label = (key: MessageKey, vars?: Record<string, string | number>): Shown =>
  vars ? { kind: 'label', key, vars } : { kind: 'label', key }
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const isUuid = (value: unknown): value is string => typeof value === 'string' && uuidPattern.test(value)

/** A record the reader may see, by name, with a link if it may open it; undefined when it is gone. */
type Named = { name: Shown; href: string | null } | 'hidden'
type Names = Map<string, Named>

export async function presentAuditEntries(
  db: Executor,
  reader: Actor,
  entries: readonly StoredEntry[],
): Promise<AuditView[]> {
  const wanted = new Map<RefTarget, Set<string>>()
  const want = (to: RefTarget, id: unknown) => {
    if (!isUuid(id)) return
    if (!wanted.has(to)) wanted.set(to, new Set())
    wanted.get(to)!.add(id)
  }
  const answerIds = new Set<string>()
  for (const entry of entries) {
    if (entry.organisationId) want('organisation', entry.organisationId)
    if (!isAuditEntity(entry.entity)) continue
    for (const subject of subjectOf(entry.entity, entry.entityId)) want(subject.to, subject.id)
    if (entry.entity === 'rsa_answer') answerIds.add(entry.entityId)
    for (const [field, change] of Object.entries(entry.changes)) {
      const format = fieldFormat(entry.entity, field)
      if (format?.as === 'ref') for (const value of [change.before, change.after]) want(format.to, value)
      if (format?.as === 'refs')
        for (const value of [change.before, change.after])
          if (Array.isArray(value)) value.forEach((id) => want(format.to, id))
    }
  }
  const names = new Map<RefTarget, Names>()
  for (const [to, ids] of wanted) names.set(to, await loadNames(db, reader, to, [...ids]))
  const protectedValues = await protectedValueLabels(db, [...answerIds].filter(isUuid))

  const named = (to: RefTarget, id: unknown): Shown => {
    if (id === null || id === undefined || id === '') return empty
    const found = isUuid(id) ? names.get(to)?.get(id) : undefined
    if (found === 'hidden') return label('audit.hidden')
    if (!found) return { kind: 'record', name: label(refLabel(to)), href: null }
    return { kind: 'record', ...found }
  }

  return entries.map((entry): AuditView => {
    const base = {
      id: entry.id,
      at: new Date(entry.at).toISOString(),
      who: entry.userName,
      organisation: entry.organisationId ? named('organisation', entry.organisationId) : null,
    }
    if (!isAuditEntity(entry.entity) || !isActionOf(entry.entity, entry.action))
      return { ...base, event: 'audit.unknownEvent', subjects: [], changes: [] }
    const entity: AuditEntity = entry.entity
    const show = (format: FieldFormat, value: unknown) =>
      showValue(format, value, { named, protectedValues: protectedValues.get(entry.entityId) })
    return {
      ...base,
      event: eventLabel(entity, entry.action),
      subjects: subjectOf(entity, entry.entityId)
        .filter((subject) => !(subject.to === 'organisation' && subject.id === entry.organisationId))
        // A record since removed is left out: its entry's changes say what it was.
        .filter((subject) => names.get(subject.to)?.has(subject.id))
        .map((subject) => named(subject.to, subject.id)),
      changes: Object.entries(entry.changes).flatMap(([field, change]) => {
        const format = fieldFormat(entity, field)
        // A field the vocabulary does not know (an old entry) is left out rather than shown by its code.
        if (!format) return []
        return [
          {
            field: fieldLabel(field as AuditField),
            before: show(format, change.before),
            after: show(format, change.after),
          },
        ]
      }),
    }
  })
}

interface ShowContext {
  named: (to: RefTarget, id: unknown) => Shown
  protectedValues?: Map<string, string>
}

function showValue(format: FieldFormat, value: unknown, context: ShowContext): Shown {
  if (value === null || value === undefined || value === '') return empty
  switch (format.as) {
    case 'text':
      return text(String(value))
    case 'number':
    case 'plain': {
      const number = Number(value)
      return Number.isFinite(number)
        ? { kind: 'number', value: number, plain: format.as === 'plain' }
        : text(String(value))
    }
    case 'percent': {
      const share = Number(value)
      return Number.isFinite(share) ? { kind: 'number', value: share, percent: true } : text(String(value))
    }
    case 'bytes':
      return label('audit.bytes', { size: Math.max(1, Math.round(Number(value) / 1024)) })
    case 'boolean':
      return label(value ? 'audit.yes' : 'audit.no')
    case 'instant':
      return Number.isNaN(Date.parse(String(value)))
        ? text(String(value))
        : { kind: 'instant', at: new Date(String(value)).toISOString() }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}/.test(String(value))
        ? { kind: 'date', day: String(value).slice(0, 10) }
        : text(String(value))
    case 'ref':
      return context.named(format.to, value)
    case 'refs':
      return list(value, (id) => context.named(format.to, id))
    case 'enum': {
      const key = format.label(String(value))
      return key ? label(key) : text(String(value))
    }
    case 'enums':
      return list(value, (item) => {
        const key = format.label(String(item))
        return key ? label(key) : text(String(item))
      })
    case 'strings':
      return list(value, (item) => text(String(item)))
    case 'labels':
      return list(value, (item) =>
        typeof item === 'object' && item !== null && 'label' in item ? text(String(item.label)) : text(String(item)),
      )
    case 'keyed':
      return pairs(
        value,
        (key) => {
          const labelKey = format.label(key)
          return labelKey ? label(labelKey) : text(key)
        },
        (item) => (format.values === 'number' ? showValue({ as: 'plain' }, item, context) : text(String(item))),
      )
    case 'consequences':
      return pairs(
        value,
        (key) => text(context.protectedValues?.get(key) ?? key),
        (item) => showValue({ as: 'plain' }, item, context),
      )
    case 'polygon':
      return label('audit.polygon', { count: Array.isArray(value) ? value.length : 0 })
    case 'scenario':
      return scenarioSummary(value)
    case 'reminded': {
      const reminded = value as { organisations?: number; sent?: number }
      return label('audit.reminded', { organisations: reminded.organisations ?? 0, sent: reminded.sent ?? 0 })
    }
    case 'filled':
      return label(value ? 'audit.filled' : 'audit.notFilled')
  }
}

function list(value: unknown, show: (item: unknown) => Shown): Shown {
  if (!Array.isArray(value)) return show(value)
  return value.length === 0 ? empty : { kind: 'list', items: value.map(show) }
}

function pairs(value: unknown, showKey: (key: string) => Shown, show: (item: unknown) => Shown): Shown {
  if (typeof value !== 'object' || value === null) return text(String(value))
  const items = Object.entries(value)
    .filter(([, item]) => item !== null && item !== undefined && item !== '')
    .map(([key, item]) => ({ label: showKey(key), value: show(item) }))
  return items.length === 0 ? empty : { kind: 'pairs', items }
}

function scenarioSummary(value: unknown): Shown {
  const definition = value as { failures?: unknown[]; horizonHours?: number; restartHours?: number }
  return {
    kind: 'list',
    items: [
      label('audit.scenario.failures', { count: definition.failures?.length ?? 0 }),
      label('audit.scenario.horizon', { hours: definition.horizonHours ?? 0 }),
      label('audit.scenario.restart', { hours: definition.restartHours ?? 0 }),
    ],
  }
}

/** The labels of the protected values an RSA answer's consequences are keyed by, per answer. */
async function protectedValueLabels(db: Executor, answerIds: string[]): Promise<Map<string, Map<string, string>>> {
  if (answerIds.length === 0) return new Map()
  const rows = await db
    .select({ id: rsaAnswers.id, protectedValues: rsaAnalyses.protectedValues })
    .from(rsaAnswers)
    .innerJoin(rsaAnalyses, eq(rsaAnalyses.id, rsaAnswers.analysisId))
    .where(inArray(rsaAnswers.id, answerIds))
  return new Map(rows.map((row) => [row.id, new Map(row.protectedValues.map((value) => [value.key, value.label]))]))
}

/**
 * The names of the records of one kind, each checked against what the reader
 * may see; a record it may not see is 'hidden' and its name never leaves the server.
 */
async function loadNames(db: Executor, reader: Actor, to: RefTarget, ids: string[]): Promise<Names> {
  const result: Names = new Map()
  const put = (id: string, visible: boolean, name: Shown, href: string | null) =>
    result.set(id, visible ? { name, href } : 'hidden')
  const networkReader = can(reader, 'network.read')
  switch (to) {
    case 'organisation':
      for (const row of await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, ids)))
        put(row.id, networkReader, text(row.name), `/organisationer/${row.id}`)
      break
    case 'user':
      for (const row of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)))
        put(row.id, can(reader, 'user.manage') || row.id === reader.id, text(row.name), null)
      break
    case 'network':
      for (const row of await db
        .select({ id: networks.id, name: networks.name })
        .from(networks)
        .where(inArray(networks.id, ids)))
        put(row.id, networkReader, text(row.name), `/natverk/${row.id}`)
      break
    case 'site':
      for (const row of await db
        .select({ id: sites.id, name: sites.name, organisationId: sites.organisationId })
        .from(sites)
        .where(inArray(sites.id, ids)))
        put(row.id, networkReader, text(row.name), `/organisationer/${row.organisationId}`)
      break
    case 'critical_service':
      for (const row of await db
        .select({
          id: criticalServices.id,
          name: criticalServices.name,
          organisationId: criticalServices.organisationId,
        })
        .from(criticalServices)
        .where(inArray(criticalServices.id, ids)))
        put(row.id, networkReader, text(row.name), `/organisationer/${row.organisationId}`)
      break
    case 'contact_route':
      for (const row of await db
        .select({
          id: contactRoutes.id,
          label: contactRoutes.label,
          function: contactRoutes.function,
          visibility: contactRoutes.visibility,
          organisationId: contactRoutes.organisationId,
        })
        .from(contactRoutes)
        .where(inArray(contactRoutes.id, ids))) {
        const visible =
          row.visibility === 'restricted'
            ? can(reader, 'contact.restricted.read', { organisationId: row.organisationId })
            : networkReader
        put(
          row.id,
          visible,
          row.label ? text(row.label) : label(`contactFunction.${row.function}`),
          `/organisationer/${row.organisationId}`,
        )
      }
      break
    case 'scenario':
      for (const row of await db
        .select({
          id: scenarios.id,
          name: scenarios.name,
          state: scenarios.state,
          organisationId: scenarios.organisationId,
        })
        .from(scenarios)
        .where(inArray(scenarios.id, ids)))
        put(
          row.id,
          can(reader, 'scenario.read', { draft: row.state !== 'shared', organisationId: row.organisationId }),
          text(row.name),
          `/scenarier/${row.id}`,
        )
      break
    case 'meeting':
    case 'action_item': {
      const rows =
        to === 'meeting'
          ? await db
              .select({ id: meetings.id, name: meetings.title, meetingId: meetings.id })
              .from(meetings)
              .where(inArray(meetings.id, ids))
          : await db
              .select({ id: actionItems.id, name: actionItems.title, meetingId: actionItems.meetingId })
              .from(actionItems)
              .where(inArray(actionItems.id, ids))
      const invited = await invitedOrganisations(db, [...new Set(rows.map((row) => row.meetingId))])
      for (const row of rows)
        put(
          row.id,
          can(reader, 'meeting.read', { organisationIds: invited.get(row.meetingId) ?? [] }),
          text(row.name),
          to === 'meeting' ? `/moten/${row.id}` : `/moten/${row.meetingId}/atgarder`,
        )
      break
    }
    case 'rsa_analysis':
    case 'rsa_event':
    case 'rsa_measure': {
      const table = to === 'rsa_analysis' ? null : to === 'rsa_event' ? rsaEvents : rsaMeasures
      const rows = table
        ? await db
            .select({ id: table.id, name: table.title, analysisId: table.analysisId })
            .from(table)
            .where(inArray(table.id, ids))
        : await db
            .select({ id: rsaAnalyses.id, name: rsaAnalyses.title, analysisId: rsaAnalyses.id })
            .from(rsaAnalyses)
            .where(inArray(rsaAnalyses.id, ids))
      const participants = await analysisParticipants(db, [...new Set(rows.map((row) => row.analysisId))])
      for (const row of rows)
        put(
          row.id,
          can(reader, 'rsa.read', { organisationIds: participants.get(row.analysisId) ?? [] }),
          text(row.name),
          `/rsa/${row.analysisId}`,
        )
      break
    }
    case 'council':
      for (const row of await db
        .select({ id: councils.id, name: councils.name })
        .from(councils)
        .where(inArray(councils.id, ids)))
        put(row.id, can(reader, 'council.read', { councilId: row.id }), text(row.name), `/trygghet/${row.id}`)
      break
    case 'council_category':
    case 'council_area': {
      const table = to === 'council_category' ? councilCategories : councilAreas
      const page = to === 'council_category' ? 'kategorier' : 'omraden'
      for (const row of await db
        .select({ id: table.id, name: table.name, councilId: table.councilId })
        .from(table)
        .where(inArray(table.id, ids)))
        put(
          row.id,
          can(reader, 'council.read', { councilId: row.councilId }),
          text(row.name),
          `/trygghet/${row.councilId}/${page}`,
        )
      break
    }
    case 'council_report':
      // A report is never named by its text: it may touch an individual.
      for (const row of await db
        .select({ id: councilReports.id, councilId: councilReports.councilId, category: councilCategories.name })
        .from(councilReports)
        .leftJoin(councilCategories, eq(councilCategories.id, councilReports.categoryId))
        .where(inArray(councilReports.id, ids)))
        put(
          row.id,
          can(reader, 'council.read', { councilId: row.councilId }),
          row.category ? label('audit.report', { category: row.category }) : label('audit.reportUncategorised'),
          `/trygghet/${row.councilId}/rapporter/${row.id}`,
        )
      break
    case 'situation_picture':
      for (const row of await db
        .select({ id: situationPictures.id, name: situationPictures.title, councilId: situationPictures.councilId })
        .from(situationPictures)
        .where(inArray(situationPictures.id, ids)))
        put(
          row.id,
          can(reader, 'council.read', { councilId: row.councilId }),
          text(row.name),
          `/trygghet/${row.councilId}/lagesbilder/${row.id}`,
        )
      break
    case 'situation_picture_version':
      for (const row of await db
        .select({
          id: situationPictureVersions.id,
          number: situationPictureVersions.number,
          pictureId: situationPictureVersions.pictureId,
          councilId: situationPictures.councilId,
        })
        .from(situationPictureVersions)
        .innerJoin(situationPictures, eq(situationPictures.id, situationPictureVersions.pictureId))
        .where(inArray(situationPictureVersions.id, ids)))
        put(
          row.id,
          can(reader, 'council.read', { councilId: row.councilId }),
          label('audit.version', { number: row.number }),
          `/trygghet/${row.councilId}/lagesbilder/${row.pictureId}/version/${row.number}`,
        )
      break
    case 'council_measure':
      for (const row of await db
        .select({ id: councilMeasures.id, name: councilMeasures.title, councilId: councilMeasures.councilId })
        .from(councilMeasures)
        .where(inArray(councilMeasures.id, ids)))
        put(
          row.id,
          can(reader, 'council.read', { councilId: row.councilId }),
          text(row.name),
          `/trygghet/${row.councilId}/insatser/${row.id}`,
        )
      break
    case 'event': {
      const rows = await db.select({ id: events.id, name: events.title }).from(events).where(inArray(events.id, ids))
      const scopes = await eventScopes(db, rows.map((row) => row.id))
      for (const row of rows)
        put(row.id, can(reader, 'event.read', eventResource(scopes.get(row.id)!)), text(row.name), `/handelser/${row.id}`)
      break
    }
    case 'mandate_period':
      for (const row of await db
        .select({ id: mandatePeriods.id, name: mandatePeriods.title, shared: mandatePeriods.calendarSharedAt })
        .from(mandatePeriods)
        .where(inArray(mandatePeriods.id, ids)))
        put(
          row.id,
          can(reader, 'mandate.calendar.read', { shared: row.shared !== null }),
          text(row.name),
          `/mandatperiod/${row.id}`,
        )
      break
  }
  return result
}

async function invitedOrganisations(db: Executor, meetingIds: string[]): Promise<Map<string, string[]>> {
  const invited = new Map<string, string[]>()
  if (meetingIds.length === 0) return invited
  for (const row of await db
    .select({ meetingId: meetingOrganisations.meetingId, organisationId: meetingOrganisations.organisationId })
    .from(meetingOrganisations)
    .where(inArray(meetingOrganisations.meetingId, meetingIds)))
    invited.set(row.meetingId, [...(invited.get(row.meetingId) ?? []), row.organisationId])
  return invited
}

async function analysisParticipants(db: Executor, analysisIds: string[]): Promise<Map<string, string[]>> {
  const participants = new Map<string, string[]>()
  if (analysisIds.length === 0) return participants
  for (const row of await db
    .select({ analysisId: rsaParticipants.analysisId, organisationId: rsaParticipants.organisationId })
    .from(rsaParticipants)
    .where(inArray(rsaParticipants.analysisId, analysisIds)))
    participants.set(row.analysisId, [...(participants.get(row.analysisId) ?? []), row.organisationId])
  return participants
}
