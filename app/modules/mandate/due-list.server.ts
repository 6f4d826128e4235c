import { and, asc, eq, lte, ne, type SQL } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import type { DeliverableKind } from '~/db/enums'
import { mandateDeliverables, mandatePeriods } from '~/db/schema/mandate'
import { can } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { addDays } from '~/modules/council/weekly'
import { shownState, type ShownState } from './deliverable-state'

// The start page's "to deliver": what is overdue and what is due within 60
// days, among the deliverables the user may read or update: every period's
// for its readers (the coordinator, duty officers), one's own for an owner.

/** How far ahead the start page looks. */
export const DUE_LIST_DAYS = 60
/** At most this many on the start page; the rest are on the periods' pages. */
export const DUE_LIST_LIMIT = 20

export interface DueItem {
  id: string
  periodId: string
  periodTitle: string
  kind: DeliverableKind
  title: string
  dueDate: string
  state: ShownState
}

export interface DueList {
  items: DueItem[]
  /** More than the list shows. */
  more: boolean
  /** Reads every period's deliverables (and so is told when nothing is due). */
  readsAll: boolean
}

/** One query on the due-date index: not done, due on or before today + 60 days, earliest first. */
export async function dueListFor(db: Executor, user: SessionUser, today: string): Promise<DueList> {
  const readsAll = can(user, 'mandate.read')
  const conditions: SQL[] = [
    ne(mandateDeliverables.state, 'done'),
    lte(mandateDeliverables.dueDate, addDays(today, DUE_LIST_DAYS)),
  ]
  if (!readsAll) conditions.push(eq(mandateDeliverables.ownerUserId, user.id))
  const rows = await db
    .select({
      id: mandateDeliverables.id,
      periodId: mandateDeliverables.periodId,
      periodTitle: mandatePeriods.title,
      kind: mandateDeliverables.kind,
      title: mandateDeliverables.title,
      dueDate: mandateDeliverables.dueDate,
      state: mandateDeliverables.state,
    })
    .from(mandateDeliverables)
    .innerJoin(mandatePeriods, eq(mandatePeriods.id, mandateDeliverables.periodId))
    .where(and(...conditions))
    .orderBy(asc(mandateDeliverables.dueDate), asc(mandateDeliverables.sortOrder), asc(mandateDeliverables.id))
    .limit(DUE_LIST_LIMIT + 1)
  const items = rows
    .slice(0, DUE_LIST_LIMIT)
    .flatMap((row) =>
      row.dueDate === null
        ? []
        : [{ ...row, dueDate: row.dueDate, state: shownState({ ...row, dueDate: row.dueDate }, today) }],
    )
  return { items, more: rows.length > DUE_LIST_LIMIT, readsAll }
}
