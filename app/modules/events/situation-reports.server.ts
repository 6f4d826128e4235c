import { and, asc, desc, eq, inArray, max } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import {
  eventOrganisations,
  eventSituationReportDrafts,
  eventSituationReportMailings,
  eventSituationReports,
  events,
  type EventRecord,
  type SituationReportContent,
} from '~/db/schema/events'
import { organisations } from '~/db/schema/organisations'
import { contactRoutes } from '~/db/schema/registry'
import { recordAudit } from '~/modules/audit/audit.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { getMailer, type Mailer } from '~/modules/mail/mailer.server'
import { calloutMailFunctions } from './callout.server'
import { eventEnded } from './event-access.server'
import { appendLogEntry } from './event-log-append.server'
import { notifyEventChanged } from './event-notify.server'
import { buildDraft } from './situation-report-draft.server'
import { reportDiff, situationReportSubject, situationReportText, type HeadingChange } from './situation-report-text'

// Situation reports (lägesrapporter): one versioned draft per event, which
// the coordinator edits, and numbered frozen reports that never change. The
// number is taken under a lock of the event row, so two freezes at once give
// 1 and 2, never two 1s. Callers check permissions (event.manage for the
// draft, event.read for frozen reports) through event-access.server.ts.

export interface DraftView {
  content: SituationReportContent
  version: number
  /** The number the draft gets when it is frozen. */
  nextNumber: number
}

export type DraftSaveResult =
  | { ok: true; draft: DraftView }
  | { ok: false; reason: 'ended' }
  | { ok: false; reason: 'conflict'; current: DraftView }

export type FreezeResult = { ok: true; number: number } | { ok: false; reason: 'ended' | 'conflict' }

export type MailResult =
  { ok: true; recipients: number; sent: number; failed: number } | { ok: false; reason: 'ended' | 'no_recipients' }

const auditContent = (content: SituationReportContent) => ({
  development: content.development,
  situationState: content.state,
  expectedDevelopment: content.expected,
  measuresTaken: content.measures,
  sender: content.sender,
  situationAt: content.situationAt,
  nextReportAt: content.nextReportAt,
  contact: content.contact,
})

async function nextNumber(db: Executor, eventId: string): Promise<number> {
  const [row] = await db
    .select({ number: max(eventSituationReports.number) })
    .from(eventSituationReports)
    .where(eq(eventSituationReports.eventId, eventId))
  return (row?.number ?? 0) + 1
}

/** The event's draft; made from the event the first time a leader opens it. */
export async function getOrCreateDraft(db: Database, event: EventRecord, now = new Date()): Promise<DraftView> {
  const [existing] = await db
    .select()
    .from(eventSituationReportDrafts)
    .where(eq(eventSituationReportDrafts.eventId, event.id))
  if (existing)
    return { content: existing.content, version: existing.version, nextNumber: await nextNumber(db, event.id) }
  const content = await buildDraft(db, event, now)
  await db.insert(eventSituationReportDrafts).values({ eventId: event.id, content }).onConflictDoNothing()
  const [row] = await db
    .select()
    .from(eventSituationReportDrafts)
    .where(eq(eventSituationReportDrafts.eventId, event.id))
  return { content: row!.content, version: row!.version, nextNumber: await nextNumber(db, event.id) }
}

/** Saves the draft if it is still the version the form was loaded with; else a conflict with the current text. */
export async function saveDraft(
  db: Database,
  options: { event: EventRecord; actor: SessionUser; expectedVersion: number; content: SituationReportContent },
): Promise<DraftSaveResult> {
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, options.event.id)).for('share')
    if (!event || eventEnded(event)) return { ok: false as const, reason: 'ended' as const }
    const [before] = await tx
      .select()
      .from(eventSituationReportDrafts)
      .where(eq(eventSituationReportDrafts.eventId, event.id))
      .for('update')
    const number = await nextNumber(tx, event.id)
    if (!before || before.version !== options.expectedVersion)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: {
          content: before?.content ?? options.content,
          version: before?.version ?? 0,
          nextNumber: number,
        },
      }
    const [after] = await tx
      .update(eventSituationReportDrafts)
      .set({
        content: options.content,
        version: before.version + 1,
        updatedBy: options.actor.id,
        updatedAt: new Date(),
      })
      .where(eq(eventSituationReportDrafts.eventId, event.id))
      .returning()
    const was = auditContent(before.content)
    const is = auditContent(options.content)
    const changes = Object.fromEntries(
      (Object.keys(is) as (keyof typeof is)[])
        .filter((key) => was[key] !== is[key])
        .map((key) => [key, { before: was[key], after: is[key] }]),
    )
    await recordAudit(tx, {
      userId: options.actor.id,
      organisationId: null,
      entity: 'event_situation_report',
      entityId: event.id,
      action: 'update',
      changes,
    })
    return { ok: true as const, draft: { content: after!.content, version: after!.version, nextNumber: number } }
  })
}

/** Fills the draft's headings from the event again (sender and contact too); next report time is kept. */
export async function refreshDraftFromEvent(
  db: Database,
  options: { event: EventRecord; actor: SessionUser; expectedVersion: number; now?: Date },
): Promise<DraftSaveResult> {
  const fresh = await buildDraft(db, options.event, options.now ?? new Date())
  const [current] = await db
    .select({ content: eventSituationReportDrafts.content })
    .from(eventSituationReportDrafts)
    .where(eq(eventSituationReportDrafts.eventId, options.event.id))
  return saveDraft(db, {
    ...options,
    content: { ...fresh, nextReportAt: current?.content.nextReportAt ?? '' },
  })
}

/** Freezes the draft as the event's next numbered report, and fills the draft again for the report after it. */
export async function freezeReport(
  db: Database,
  options: { event: EventRecord; actor: SessionUser; expectedVersion: number; now?: Date },
): Promise<FreezeResult> {
  const now = options.now ?? new Date()
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, options.event.id)).for('update')
    if (!event || eventEnded(event)) return { ok: false as const, reason: 'ended' as const }
    const [draft] = await tx
      .select()
      .from(eventSituationReportDrafts)
      .where(eq(eventSituationReportDrafts.eventId, event.id))
      .for('update')
    if (!draft || draft.version !== options.expectedVersion) return { ok: false as const, reason: 'conflict' as const }
    const number = await nextNumber(tx, event.id)
    await tx
      .insert(eventSituationReports)
      .values({ eventId: event.id, number, content: draft.content, frozenBy: options.actor.id })
    await recordAudit(tx, {
      userId: options.actor.id,
      organisationId: null,
      entity: 'event_situation_report',
      entityId: event.id,
      action: 'freeze',
      changes: { reportNumber: { before: null, after: number } },
    })
    await appendLogEntry(tx, {
      eventId: event.id,
      kind: 'message_out',
      text: `Lägesrapport ${number} fastställd`,
      organisationId: null,
      authorId: options.actor.id,
      authorName: options.actor.name,
    })
    const next = await buildDraft(tx, event, now)
    await tx
      .update(eventSituationReportDrafts)
      .set({ content: next, version: draft.version + 1, updatedBy: options.actor.id, updatedAt: new Date() })
      .where(eq(eventSituationReportDrafts.eventId, event.id))
    await notifyEventChanged(tx, event.id, 'log')
    return { ok: true as const, number }
  })
}

export interface ReportSummary {
  number: number
  frozenAt: string
  situationAt: string
  /** Every address it was mailed to, oldest mailing first. */
  sentTo: string[]
  lastSentAt: string | null
}

/** The event's frozen reports, newest first, with whom each was sent to. */
export async function listReports(db: Executor, eventId: string): Promise<ReportSummary[]> {
  const reports = await db
    .select()
    .from(eventSituationReports)
    .where(eq(eventSituationReports.eventId, eventId))
    .orderBy(desc(eventSituationReports.number))
  if (reports.length === 0) return []
  const mailings = await db
    .select()
    .from(eventSituationReportMailings)
    .where(
      inArray(
        eventSituationReportMailings.reportId,
        reports.map((report) => report.id),
      ),
    )
    .orderBy(asc(eventSituationReportMailings.sentAt))
  return reports.map((report) => {
    const own = mailings.filter((mailing) => mailing.reportId === report.id)
    return {
      number: report.number,
      frozenAt: report.frozenAt.toISOString(),
      situationAt: report.content.situationAt,
      sentTo: [...new Set(own.flatMap((mailing) => mailing.recipients))],
      lastSentAt: own.at(-1)?.sentAt.toISOString() ?? null,
    }
  })
}

export interface ReportView {
  id: string
  number: number
  content: SituationReportContent
  frozenAt: string
  /** What changed since report N−1, per heading; null for the first report. */
  changes: HeadingChange[] | null
  sentTo: string[]
}

/** One frozen report with what changed since the one before it. */
export async function getReport(db: Executor, eventId: string, number: number): Promise<ReportView | undefined> {
  const rows = await db
    .select()
    .from(eventSituationReports)
    .where(and(eq(eventSituationReports.eventId, eventId), inArray(eventSituationReports.number, [number, number - 1])))
  const report = rows.find((row) => row.number === number)
  if (!report) return undefined
  const previous = rows.find((row) => row.number === number - 1)
  const mailings = await db
    .select({ recipients: eventSituationReportMailings.recipients })
    .from(eventSituationReportMailings)
    .where(eq(eventSituationReportMailings.reportId, report.id))
  return {
    id: report.id,
    number: report.number,
    content: report.content,
    frozenAt: report.frozenAt.toISOString(),
    changes: previous ? reportDiff(previous.content, report.content) : null,
    sentTo: [...new Set(mailings.flatMap((mailing) => mailing.recipients))],
  }
}

export { reportDiff }

/** Länsstyrelsen's and the taking-part organisations' functional e-mail routes (ISK, duty officer), without repeats. */
export async function mailRecipients(
  db: Executor,
  eventId: string,
): Promise<{ organisationName: string; email: string }[]> {
  const taking = await db
    .select({ id: eventOrganisations.organisationId })
    .from(eventOrganisations)
    .where(eq(eventOrganisations.eventId, eventId))
  const boards = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, 'county_board'))
  const ids = [...new Set([...boards, ...taking].map((row) => row.id))]
  if (ids.length === 0) return []
  const routes = await db
    .select({ organisationName: organisations.name, kind: organisations.kind, value: contactRoutes.value })
    .from(contactRoutes)
    .innerJoin(organisations, eq(organisations.id, contactRoutes.organisationId))
    .where(
      and(
        inArray(contactRoutes.organisationId, ids),
        inArray(contactRoutes.function, [...calloutMailFunctions]),
        eq(contactRoutes.channel, 'email'),
      ),
    )
    .orderBy(asc(organisations.name), asc(contactRoutes.callOrder))
  const seen = new Set<string>()
  const found: { organisationName: string; email: string; board: boolean }[] = []
  for (const route of routes) {
    const email = route.value.trim().toLowerCase()
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || seen.has(email)) continue
    seen.add(email)
    found.push({ organisationName: route.organisationName, email, board: route.kind === 'county_board' })
  }
  // Länsstyrelsen first: it is who the law names.
  return found
    .sort((a, b) => Number(b.board) - Number(a.board))
    .map(({ organisationName, email }) => ({ organisationName, email }))
}

/** Mails a frozen report as plain text; the mailing, its audit entry and the log line commit before the mail goes. */
export async function mailReport(
  db: Database,
  options: { event: EventRecord; actor: SessionUser; number: number; mailer?: Mailer },
): Promise<MailResult | undefined> {
  const prepared = await db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, options.event.id)).for('share')
    if (!event) return undefined
    if (eventEnded(event)) return { ok: false as const, reason: 'ended' as const }
    const report = await getReport(tx, event.id, options.number)
    if (!report) return undefined
    const recipients = (await mailRecipients(tx, event.id)).map((recipient) => recipient.email)
    if (recipients.length === 0) return { ok: false as const, reason: 'no_recipients' as const }
    const document = {
      number: report.number,
      title: event.title,
      exercise: event.kind === 'exercise',
      content: report.content,
      frozenAt: report.frozenAt,
    }
    await tx.insert(eventSituationReportMailings).values({ reportId: report.id, recipients, sentBy: options.actor.id })
    await recordAudit(tx, {
      userId: options.actor.id,
      organisationId: null,
      entity: 'event_situation_report',
      entityId: event.id,
      action: 'mail',
      changes: {
        reportNumber: { before: null, after: report.number },
        recipients: { before: null, after: recipients },
      },
    })
    await appendLogEntry(tx, {
      eventId: event.id,
      kind: 'message_out',
      text: `Lägesrapport ${report.number} skickad med e-post till ${recipients.length} mottagare`,
      counterpart: recipients.join(', '),
      organisationId: null,
      authorId: options.actor.id,
      authorName: options.actor.name,
    })
    return {
      ok: true as const,
      recipients,
      subject: situationReportSubject(document),
      text: situationReportText(document),
    }
  })
  if (!prepared || !prepared.ok) return prepared
  const mailer = options.mailer ?? getMailer()
  let sent = 0
  let failed = 0
  for (const to of prepared.recipients) {
    try {
      await mailer.send(db, { to, subject: prepared.subject, text: prepared.text })
      sent++
    } catch {
      failed++
    }
  }
  return { ok: true, recipients: prepared.recipients.length, sent, failed }
}
