import { eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { mandateDeliverables, type MandatePeriod } from '~/db/schema/mandate'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { calendarSummary, deliverableStatus, type CalendarEntry, type CalendarSummary, type RsaFacts } from './calendar'
import { listCalendarRows } from './deliverables.server'
import { canOnPeriod, canUpdateDeliverable } from './mandate-access.server'
import { listDeliverables, listPeriods } from './periods.server'
import { rsaFacts } from './rsa-state.server'

// What the calendar pages send to the browser. The whole period's readers
// get everything; a partner reading a shared calendar, or an owner of one
// deliverable, gets what is due when and its state: no person's name, no
// decision, notes or documents, and a link only to a deliverable they own.

export interface CalendarView {
  full: boolean
  entries: CalendarEntry[]
  summary: CalendarSummary
  /** The period's RSA on the RSA pages, when this reader may open it. */
  rsaLink: string | null
}

export async function calendarView(
  db: Executor,
  user: SessionUser,
  period: MandatePeriod,
  today: string,
): Promise<CalendarView> {
  const full = canOnPeriod(user, 'mandate.read', period)
  const [rows, rsa] = await Promise.all([listCalendarRows(db, period.id), rsaFacts(db, user, period)])
  const entries = rows.map((row): CalendarEntry => {
    const status = deliverableStatus(row, rsa, today)
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      dueDate: row.dueDate,
      shown: status.shown,
      rsa: status.rsa,
      ownerOrganisationName: row.ownerOrganisationName,
      ownerName: full ? row.ownerName : null,
      decision: full
        ? { adoptedBy: row.adoptedBy, adoptedOn: row.adoptedOn, decisionReference: row.decisionReference }
        : null,
      documentCount: full ? row.documentCount : null,
      opens: full || canUpdateDeliverable(user, row),
    }
  })
  return { full, entries, summary: calendarSummary(entries, today), rsaLink: rsaLinkOf(rsa) }
}

export function rsaLinkOf(rsa: RsaFacts): string | null {
  return rsa.analysis?.readable ? `/rsa/${rsa.analysis.id}` : null
}

/**
 * The periods this user sees, newest first, each with its counts: those
 * whose calendar they read, and those where they own a deliverable.
 */
export async function visiblePeriods(db: Executor, user: SessionUser, today: string) {
  const [periods, owned] = await Promise.all([
    listPeriods(db),
    db
      .selectDistinct({ periodId: mandateDeliverables.periodId })
      .from(mandateDeliverables)
      .where(eq(mandateDeliverables.ownerUserId, user.id)),
  ])
  const owns = new Set(owned.map((row) => row.periodId))
  const visible = periods.filter((period) => canOnPeriod(user, 'mandate.calendar.read', period) || owns.has(period.id))
  const deliverables = await listDeliverables(
    db,
    visible.map((period) => period.id),
  )
  return Promise.all(
    visible.map(async (period) => {
      const rsa = await rsaFacts(db, user, period)
      const statuses = deliverables
        .filter((deliverable) => deliverable.periodId === period.id)
        .map((deliverable) => ({ ...deliverableStatus(deliverable, rsa, today), dueDate: deliverable.dueDate }))
      return {
        id: period.id,
        title: period.title,
        startYear: period.startYear,
        endYear: period.endYear,
        shared: period.calendarSharedAt !== null,
        summary: calendarSummary(statuses, today),
      }
    }),
  )
}
