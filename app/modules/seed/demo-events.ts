import { inArray } from 'drizzle-orm'
import type { Transaction } from '~/db/client.server'
import type { EventLogKind, EventNeed, EventTaskState, ServiceStatus } from '~/db/enums'
import { eventLogEntries, eventOrganisations, events, eventStatusReports } from '~/db/schema/events'
import { criticalServices } from '~/db/schema/registry'
import { users } from '~/db/schema/users'
import { translator } from '~/i18n/i18n'
import { stockholmToInstant } from '~/modules/meetings/stockholm-time'
import { insertDemoEvaluation } from './demo-evaluation'
import { insertDemoSituationReports } from './demo-situation-reports'
import { demoServices } from './demo-registry'

// One finished exercise, three weeks before the day the demo is loaded, so
// that a newcomer sees what an event looks like: a power cut over Vårgårda's
// town centre, the duty officer (TiB) leading, district heating on backup
// power until diesel arrived, the housing company's substations without
// power, a decision with its mandate, a task and its completion, an
// observation corrected by a later entry, and the end.
//
// The app writes log entries through appendLogEntry, which stamps them with
// the database's clock. A demo of the past needs the past's times, so the
// seed (the one place that may set times) writes its rows directly, like the
// rest of the demo data, in the seed's one transaction.

const DAY_MS = 86_400_000
const DAYS_AGO = 21

/** The area around Vårgårda's town centre that lost power. */
const townCentre: [number, number][] = [
  [58.047, 12.772],
  [58.049, 12.835],
  [58.024, 12.848],
  [58.016, 12.786],
]

interface DemoReport {
  at: string
  service: string
  by: string
  status: ServiceStatus
  backupHoursLeft?: number
  expectedRestoration?: string
  note?: string
  needs?: EventNeed[]
  needsOther?: string
}

const reports: DemoReport[] = [
  {
    at: '08:05',
    service: 'fjarrvarme',
    by: 'lena.berg@example.org',
    status: 'backup',
    backupHoursLeft: 10,
    expectedRestoration: '16:00',
    note: 'Reservkraften driver pumparna; styrsystemet körs manuellt.',
    needs: ['fuel'],
  },
  { at: '08:10', service: 'dricksvatten', by: 'tomas.falk@example.org', status: 'backup', backupHoursLeft: 48 },
  {
    at: '08:12',
    service: 'aldreboende',
    by: 'tomas.falk@example.org',
    status: 'backup',
    backupHoursLeft: 24,
    note: 'Reservkraftverket startade som det skulle.',
  },
  {
    at: '08:30',
    service: 'bostadsvarme',
    by: 'per.holm@example.org',
    status: 'degraded',
    note: 'Undercentralerna norr och öster utan ström; inomhustemperaturen sjunker.',
    needs: ['reserve_power', 'information_support'],
    needsOther: 'Mobilt reservkraftverk till undercentralen norr',
  },
  {
    at: '11:45',
    service: 'fjarrvarme',
    by: 'lena.berg@example.org',
    status: 'backup',
    backupHoursLeft: 14,
    note: 'Diesel levererad; tanken full.',
  },
  { at: '14:20', service: 'dricksvatten', by: 'tomas.falk@example.org', status: 'normal' },
  { at: '14:20', service: 'aldreboende', by: 'tomas.falk@example.org', status: 'restored' },
  { at: '14:30', service: 'fjarrvarme', by: 'lena.berg@example.org', status: 'restored' },
  {
    at: '14:40',
    service: 'bostadsvarme',
    by: 'per.holm@example.org',
    status: 'restored',
    note: 'Värmen tillbaka i alla hus.',
  },
]

interface DemoEntry {
  at: string
  kind: EventLogKind
  text: string
  by?: string
  organisation?: string
  decidedBy?: string
  mandate?: string
  task?: { organisation: string; due: string; state: EventTaskState }
  counterpart?: string
  /** The key of an earlier entry that this one corrects, or whose task it follows up. */
  corrects?: string
  refersTo?: string
  key?: string
}

const logText = translator('sv')

const entries: DemoEntry[] = [
  {
    at: '07:45',
    kind: 'observation',
    by: 'tomas.falk@example.org',
    organisation: 'vargarda',
    text: 'Övningsledningen: elnätsbolaget meddelar fel i mellanspänningsnätet. Hela tätorten är strömlös; ingen tid för återställning ännu.',
  },
  {
    at: '07:55',
    kind: 'callout',
    by: 'tomas.falk@example.org',
    text: 'Utlarmning till Vårgårda kommun, Vårgårda Bostäder AB och Solör Bioenergi i Vårgårda AB.',
  },
  {
    at: '08:15',
    kind: 'level',
    by: 'tomas.falk@example.org',
    text: logText('eventRoom.logText.level', {
      from: logText('event.level.heightened'),
      to: logText('event.level.staff'),
    }),
  },
  {
    at: '08:20',
    kind: 'decision',
    by: 'tomas.falk@example.org',
    organisation: 'vargarda',
    text: 'Krisledningsgruppen går upp i stabsläge. Trygghetspunkt öppnas i Centrumskolan kl. 09.00.',
    decidedBy: 'Kommundirektören',
    mandate: 'Plan för extraordinära händelser, delegation till kommundirektören',
  },
  {
    at: '08:30',
    kind: 'task',
    key: 'diesel',
    by: 'tomas.falk@example.org',
    organisation: 'vargarda',
    text: 'Ordna diesel till fjärrvärmeverkets reservkraft före kl. 16.',
    task: { organisation: 'vargarda', due: '16:00', state: 'open' },
  },
  {
    at: '09:10',
    kind: 'observation',
    key: 'solgarden',
    by: 'karin.ek@example.org',
    organisation: 'vargarda',
    text: 'Solgårdens reservkraft räcker i 12 timmar.',
  },
  {
    at: '09:25',
    kind: 'observation',
    corrects: 'solgarden',
    by: 'karin.ek@example.org',
    organisation: 'vargarda',
    text: 'Rättelse: Solgårdens reservkraft räcker i 24 timmar enligt fastighetsskötaren, inte 12.',
  },
  { at: '09:30', kind: 'message_out', by: 'tomas.falk@example.org', text: 'Lägesrapport 1 fastställd' },
  {
    at: '11:40',
    kind: 'task',
    refersTo: 'diesel',
    by: 'tomas.falk@example.org',
    organisation: 'vargarda',
    text: 'Diesel levererad till fjärrvärmeverket.',
    task: { organisation: 'vargarda', due: '16:00', state: 'done' },
  },
  { at: '12:30', kind: 'message_out', by: 'tomas.falk@example.org', text: 'Lägesrapport 2 fastställd' },
  {
    at: '14:35',
    kind: 'message_out',
    by: 'karin.ek@example.org',
    organisation: 'vargarda',
    text: 'Till allmänheten: strömmen är tillbaka i hela tätorten. Trygghetspunkten i Centrumskolan stänger kl. 16.',
    counterpart: 'Kommunens webbplats och sociala medier',
  },
  { at: '15:00', kind: 'closed', by: 'tomas.falk@example.org', text: logText('eventRoom.logText.closed') },
]

function stockholmDay(now: Date, days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(now.getTime() + days * DAY_MS),
  )
}

export async function insertDemoExercise(tx: Transaction, organisationIds: Map<string, string>, now = new Date()) {
  const day = stockholmDay(now, -DAYS_AGO)
  const at = (time: string) => stockholmToInstant(day, time)!
  const org = (key: string) => organisationIds.get(key)!
  const people = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(
      inArray(users.email, [
        'tomas.falk@example.org',
        'karin.ek@example.org',
        'lena.berg@example.org',
        'per.holm@example.org',
      ]),
    )
  const person = (email: string) => people.find((row) => row.email === email)!

  const [event] = await tx
    .insert(events)
    .values({
      title: 'Övning Elavbrott Vårgårda',
      kind: 'exercise',
      level: 'staff',
      description:
        'Länsövning: elavbrott i Vårgårda tätort en vintermorgon. Hur länge klarar fjärrvärmen, dricksvattnet och vård- och omsorgsboendet sig på reservkraft, och vad behöver de?',
      startedAt: at('07:40'),
      endedAt: at('15:00'),
      lostResources: ['electricity'],
      area: { kind: 'area', ring: townCentre },
      createdBy: person('tomas.falk@example.org').id,
      createdAt: at('07:40'),
      updatedAt: at('15:00'),
      version: 3,
    })
    .returning({ id: events.id })
  const eventId = event!.id
  await tx.insert(eventOrganisations).values(
    ['vargarda', 'bostader', 'solor'].map((key) => ({
      eventId,
      organisationId: org(key),
      addedAt: at('07:40'),
      calledOutAt: at('07:55'),
    })),
  )

  const byKey = new Map(demoServices.map((service) => [service.key, service]))
  const services = await tx
    .select({ id: criticalServices.id, name: criticalServices.name, organisationId: criticalServices.organisationId })
    .from(criticalServices)
    .where(inArray(criticalServices.organisationId, [org('vargarda'), org('bostader'), org('solor')]))
  const serviceId = (key: string) => {
    const demo = byKey.get(key)!
    return services.find((row) => row.name === demo.name && row.organisationId === org(demo.organisation))!.id
  }
  for (const report of reports) {
    const demo = byKey.get(report.service)!
    await tx.insert(eventStatusReports).values({
      eventId,
      organisationId: org(demo.organisation),
      serviceId: serviceId(report.service),
      status: report.status,
      backupHoursLeft: report.backupHoursLeft ?? null,
      expectedRestorationAt: report.expectedRestoration ? at(report.expectedRestoration) : null,
      note: report.note ?? '',
      needs: report.needs ?? [],
      needsOther: report.needsOther ?? '',
      reportedBy: person(report.by).id,
      via: 'portal',
      reportedAt: at(report.at),
    })
  }

  // The log in the order it was written, status reports in among the rest as the portal writes them.
  const timeline = [
    ...entries.map((entry) => ({ at: entry.at, entry })),
    ...reports.map((report) => {
      const demo = byKey.get(report.service)!
      const hours = report.backupHoursLeft !== undefined ? ` (${report.backupHoursLeft} h kvar)` : ''
      const entry: DemoEntry = {
        at: report.at,
        kind: 'status_report',
        by: report.by,
        organisation: demo.organisation,
        text: `${demo.name}: ${logText(`event.status.${report.status}`)}${hours}${report.note ? `. ${report.note}` : ''}`,
      }
      return { at: report.at, entry }
    }),
  ].sort((a, b) => a.at.localeCompare(b.at))
  const written = new Map<string, string>()
  for (const { entry } of timeline) {
    const author = entry.by ? person(entry.by) : null
    const [row] = await tx
      .insert(eventLogEntries)
      .values({
        eventId,
        kind: entry.kind,
        text: entry.text,
        decidedBy: entry.decidedBy ?? '',
        mandate: entry.mandate ?? '',
        taskOrganisationId: entry.task ? org(entry.task.organisation) : null,
        taskDueAt: entry.task ? at(entry.task.due) : null,
        taskState: entry.task?.state ?? null,
        counterpart: entry.counterpart ?? '',
        correctsId: entry.corrects ? written.get(entry.corrects)! : null,
        refersToId: entry.refersTo ? written.get(entry.refersTo)! : null,
        organisationId: entry.organisation ? org(entry.organisation) : null,
        authorId: author?.id ?? null,
        authorName: author?.name ?? '',
        createdAt: at(entry.at),
      })
      .returning({ id: eventLogEntries.id })
    if (entry.key) written.set(entry.key, row!.id)
  }
  await insertDemoSituationReports(tx, { eventId, at, frozenBy: person('tomas.falk@example.org').id })
  await insertDemoEvaluation(tx, { eventId, endedAt: at('15:00'), organisationIds })
  return { eventId }
}
