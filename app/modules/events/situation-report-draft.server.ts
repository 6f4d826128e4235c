import { and, asc, desc, eq } from 'drizzle-orm'
import { getEnv } from '~/config/env.server'
import type { Executor } from '~/db/client.server'
import { eventSituationReports, type EventRecord, type SituationReportContent } from '~/db/schema/events'
import { organisations } from '~/db/schema/organisations'
import { contactRoutes } from '~/db/schema/registry'
import { translator } from '~/i18n/i18n'
import { eventEnded } from './event-access.server'
import { listWholeLog, type LogEntryView } from './event-log.server'
import { eventPicture } from './event-picture.server'
import { projectionView } from './event-projection.server'
import { listKeyMessages } from './key-messages.server'
import { bullet, count, stockholmTime } from './situation-report-text'

// The draft of the next situation report, pre-filled from the event under the
// four statutory headings as plain Swedish text that the coordinator then
// edits. Each heading is capped so that a county-wide event still gives a
// report one can read (and paste into WIS); the counts say what was left out.

const DEVELOPMENT_LINES = 40
const STATE_SERVICE_LINES = 60
const EXPECTED_LINES = 15
const MEASURE_LINES = 40

type DraftEvent = Pick<
  EventRecord,
  'id' | 'title' | 'kind' | 'startedAt' | 'endedAt' | 'lostResources' | 'area' | 'version' | 'updatedAt'
>

const sv = translator('sv')

/** The frozenAt of the event's newest frozen report, if any: the development is told since then. */
async function previousFrozenAt(db: Executor, eventId: string): Promise<Date | null> {
  const [row] = await db
    .select({ frozenAt: eventSituationReports.frozenAt })
    .from(eventSituationReports)
    .where(eq(eventSituationReports.eventId, eventId))
    .orderBy(desc(eventSituationReports.number))
    .limit(1)
  return row?.frozenAt ?? null
}

/** The municipality's ISK routes in the registry, as one line: the report's contact. */
async function municipalityContact(db: Executor): Promise<string> {
  const routes = await db
    .select({ name: organisations.name, value: contactRoutes.value })
    .from(contactRoutes)
    .innerJoin(organisations, eq(organisations.id, contactRoutes.organisationId))
    .where(and(eq(organisations.kind, 'municipality'), eq(contactRoutes.function, 'isk')))
    .orderBy(asc(organisations.name), asc(contactRoutes.callOrder))
    .limit(4)
  if (routes.length === 0) return ''
  return `ISK ${routes[0]!.name}: ${[...new Set(routes.map((route) => route.value))].join(', ')}`
}

function developmentText(entries: LogEntryView[], since: Date | null, startedAt: Date): string {
  const shown = entries.slice(-DEVELOPMENT_LINES)
  const intro = since
    ? `Sedan föregående lägesrapport (${stockholmTime(since)}):`
    : `Sedan händelsens start (${stockholmTime(startedAt)}):`
  if (entries.length === 0) return `${intro}\n${bullet('Inga nya poster i händelseloggen.')}`
  const lines = shown.map((entry) =>
    bullet(`${stockholmTime(entry.createdAt)} ${sv(`event.logKind.${entry.kind}`)}: ${entry.text}`),
  )
  const left = entries.length - shown.length
  if (left > 0) lines.unshift(bullet(`${count(left)} tidigare poster finns i händelseloggen.`))
  return [intro, ...lines].join('\n')
}

function measuresText(entries: LogEntryView[]): string {
  const measures = entries.filter(
    (entry) => entry.correctedBy.length === 0 && (entry.kind === 'decision' || entry.task !== null),
  )
  if (measures.length === 0) return bullet('Inga beslut eller uppgifter i händelseloggen.')
  const shown = measures.slice(-MEASURE_LINES)
  const lines = shown.map((entry) => {
    if (entry.task) {
      const owner = entry.task.organisationName ?? 'ingen ägare'
      const due = entry.task.dueAt ? `, klar senast ${stockholmTime(entry.task.dueAt)}` : ''
      return bullet(
        `Uppgift: ${entry.text} (${owner}, ${sv(`event.taskState.${entry.task.state}`).toLowerCase()}${due})`,
      )
    }
    const by = [entry.decidedBy, entry.mandate].filter(Boolean).join(', ')
    return bullet(`Beslut ${stockholmTime(entry.createdAt)}: ${entry.text}${by ? ` (${by})` : ''}`)
  })
  const left = measures.length - shown.length
  if (left > 0) lines.unshift(bullet(`${count(left)} tidigare beslut och uppgifter finns i händelseloggen.`))
  return lines.join('\n')
}

async function stateText(db: Executor, event: DraftEvent, now: Date): Promise<string> {
  const [picture, messages] = await Promise.all([eventPicture(db, event, { now }), listKeyMessages(db, event.id)])
  const lines: string[] = []
  const counts = (['failed', 'backup', 'degraded', 'restored', 'normal'] as const)
    .filter((status) => picture.statusCounts[status] > 0)
    .map((status) => `${sv(`event.status.${status}`).toLowerCase()} ${count(picture.statusCounts[status])}`)
  lines.push(
    `Rapporterade samhällsviktiga verksamheter: ${counts.length > 0 ? counts.join(', ') : 'inga ännu'}` +
      (picture.unreportedServices > 0 ? `; ${count(picture.unreportedServices)} har inte rapporterat.` : '.'),
  )
  const affected = picture.services.filter((service) => service.status !== 'normal')
  if (affected.length > 0) {
    lines.push('', 'Verksamheter per organisation:')
    const shown = affected.slice(0, STATE_SERVICE_LINES)
    const byOrganisation = new Map<string, string[]>()
    for (const service of shown) {
      const backup = service.backupEndsAt ? `, reserven räcker till ${stockholmTime(service.backupEndsAt)}` : ''
      const restored = service.expectedRestorationAt
        ? `, åter väntas ${stockholmTime(service.expectedRestorationAt)}`
        : ''
      const line = `${service.serviceName}: ${sv(`event.status.${service.status}`).toLowerCase()}${backup}${restored}`
      byOrganisation.set(service.organisationName, [...(byOrganisation.get(service.organisationName) ?? []), line])
    }
    for (const [organisation, services] of [...byOrganisation].sort(([a], [b]) => a.localeCompare(b, 'sv')))
      lines.push(bullet(`${organisation} – ${services.join('; ')}`))
    const left = picture.servicesTotal - picture.statusCounts.normal - shown.length
    if (left > 0) lines.push(bullet(`och ${count(left)} verksamheter till.`))
  }
  lines.push('', 'Öppna behov:')
  if (picture.openNeeds.length === 0) lines.push(bullet('Inga.'))
  for (const need of picture.openNeeds.slice(0, 20)) {
    const needs = [...need.needs.map((key) => sv(`event.need.${key}`).toLowerCase()), need.needsOther].filter(Boolean)
    lines.push(bullet(`${need.organisationName} (${need.serviceName}): ${needs.join(', ')}`))
  }
  if (picture.openNeedsTotal > 20) lines.push(bullet(`och ${count(picture.openNeedsTotal - 20)} behov till.`))
  const current = messages.filter((message) => !message.current.withdrawn)
  lines.push('', 'Information till allmänheten:')
  if (current.length === 0) lines.push(bullet('Inga budskap publicerade.'))
  for (const message of current) {
    const where = message.current.whereToTurn ? ` Vänd dig till: ${message.current.whereToTurn}` : ''
    lines.push(bullet(`${message.organisationName}: ${message.current.text}${where}`))
  }
  return lines.join('\n')
}

async function expectedText(db: Executor, event: DraftEvent, now: Date): Promise<string> {
  if (eventEnded(event, now)) return bullet('Händelsen är avslutad; ingen fortsatt utveckling beräknas.')
  const view = await projectionView(db, event, 1, now)
  const at = (series: number[], hour: number) => series[Math.min(hour, series.length - 1)] ?? 0
  const lines = [24, 72].map((hours) =>
    bullet(
      `Inom ${hours} timmar: ${count(at(view.totals.failed, hours))} verksamheter utslagna, ` +
        `${count(at(view.totals.backup, hours))} på reserv; ` +
        `omkring ${count(at(view.totals.peopleServedFailed, hours))} personer berörs enligt registret.`,
    ),
  )
  const ahead = view.outcomes.items.filter(
    (outcome) => outcome.failsIn !== null && outcome.failsIn > 0 && outcome.failsIn <= 72,
  )
  if (ahead.length > 0) lines.push('', 'Det som väntas sluta fungera:')
  for (const outcome of ahead.slice(0, EXPECTED_LINES)) {
    const when = stockholmTime(new Date(new Date(view.computedFor).getTime() + outcome.failsIn! * 3_600_000))
    const wake = outcome.wake > 0 ? `, därefter ${count(outcome.wake)} beroende verksamheter` : ''
    lines.push(bullet(`${when} ${outcome.name} (${outcome.organisationName})${wake}`))
  }
  lines.push(
    '',
    `Bedömningen bygger på registrets beroenden och ${count(view.reportCount)} lägesrapporterade verksamheter (beräknad ${stockholmTime(view.computedFor)}).`,
  )
  return lines.join('\n')
}

/** The draft's content from the event as it stands now. */
export async function buildDraft(db: Executor, event: DraftEvent, now = new Date()): Promise<SituationReportContent> {
  const since = await previousFrozenAt(db, event.id)
  const [log, state, expected, contact] = await Promise.all([
    listWholeLog(db, event.id),
    stateText(db, event, now),
    expectedText(db, event, now),
    municipalityContact(db),
  ])
  const recent = since ? log.filter((entry) => new Date(entry.createdAt) > since) : log
  return {
    development: developmentText(recent, since, event.startedAt),
    state,
    expected,
    measures: measuresText(log),
    sender: getEnv().MUNICIPALITY_NAME,
    situationAt: now.toISOString(),
    nextReportAt: '',
    contact,
  }
}
