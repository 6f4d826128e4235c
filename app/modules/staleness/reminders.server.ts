import { and, asc, eq, gt, inArray, max } from 'drizzle-orm'
import type { Database } from '~/db/client.server'
import { auditLog } from '~/db/schema/audit'
import { organisations } from '~/db/schema/organisations'
import { recordAudits, type AuditInput } from '~/modules/audit/audit.server'
import type { Mailer, MailMessage } from '~/modules/mail/mailer.server'
import { REMINDER_REPEAT_MS, reminderMessage } from './staleness'
import { listStaleOrganisations } from './staleness.server'

interface Named {
  id: string
  name: string
}

export interface ReminderResult {
  /** Organisations whose editors were sent a reminder, with how many people got it. */
  reminded: (Named & { recipients: number })[]
  /** Messages handed to the SMTP server or stored in the outbox. */
  messagesSent: number
  /** Nobody to remind: no active partner editor. */
  noEditors: Named[]
  /** Reminded a moment ago (a double submit, or a second coordinator): not sent again. */
  recentlyReminded: (Named & { at: Date })[]
  /** Their data became current since the page was loaded. */
  notStale: Named[]
  /** Messages the SMTP server did not take, by recipient. */
  failed: (Named & { email: string })[]
}

/**
 * Sends each selected organisation's active partner editors a reminder of what
 * is missing, and audits one 'reminder' per organisation. What is missing is
 * worked out again here, never taken from the form. The organisations' rows
 * are locked while deciding, so two submits at once remind only once.
 */
export async function sendReminders(
  db: Database,
  mailer: Mailer,
  input: { actorId: string; organisationIds: string[]; origin: string; staleBefore: Date; months: number },
  now = new Date(),
): Promise<ReminderResult> {
  const ids = [...new Set(input.organisationIds)]
  const result: ReminderResult = { reminded: [], messagesSent: 0, noEditors: [], recentlyReminded: [], notStale: [], failed: [] }
  if (ids.length === 0) return result

  const messages = await db.transaction(async (tx) => {
    const selected = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, ids))
      .orderBy(asc(organisations.id))
      .for('no key update')
    const stale = await listStaleOrganisations(tx, { staleBefore: input.staleBefore, organisationIds: ids })
    const recent = await tx
      .select({ organisationId: auditLog.organisationId, at: max(auditLog.at) })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'organisation'),
          eq(auditLog.action, 'reminder'),
          inArray(auditLog.organisationId, ids),
          gt(auditLog.at, new Date(now.getTime() - REMINDER_REPEAT_MS)),
        ),
      )
      .groupBy(auditLog.organisationId)
    const recentAt = new Map(recent.map((row) => [row.organisationId, row.at]))
    const staleIds = new Set(stale.map((organisation) => organisation.id))
    result.notStale = selected.filter((organisation) => !staleIds.has(organisation.id)).sort(byName)

    const outgoing: { organisation: Named; message: MailMessage }[] = []
    const audits: AuditInput[] = []
    for (const organisation of stale) {
      const named = { id: organisation.id, name: organisation.name }
      const at = recentAt.get(organisation.id)
      if (at) {
        result.recentlyReminded.push({ ...named, at: new Date(at) })
        continue
      }
      if (organisation.editors.length === 0) {
        result.noEditors.push(named)
        continue
      }
      const message = reminderMessage({
        organisationName: organisation.name,
        reasons: organisation.reasons,
        confirmedAt: organisation.confirmedAt,
        failedRoutes: organisation.failedRoutes,
        months: input.months,
        link: `${input.origin}/organisationer/${organisation.id}`,
      })
      for (const editor of organisation.editors) outgoing.push({ organisation: named, message: { to: editor.email, ...message } })
      result.reminded.push({ ...named, recipients: organisation.editors.length })
      audits.push({
        userId: input.actorId,
        organisationId: organisation.id,
        entity: 'organisation',
        entityId: organisation.id,
        action: 'reminder',
        changes: {
          reasons: { before: null, after: organisation.reasons },
          recipients: { before: null, after: organisation.editors.map((editor) => editor.email) },
        },
      })
    }
    await recordAudits(tx, audits)
    return outgoing
  })

  // Sent after commit, as invitations are: an SMTP server is no part of the transaction.
  for (const { organisation, message } of messages) {
    try {
      await mailer.send(db, message)
      result.messagesSent++
    } catch {
      result.failed.push({ ...organisation, email: message.to })
    }
  }
  return result
}

const byName = (a: Named, b: Named) => a.name.localeCompare(b.name, 'sv')
