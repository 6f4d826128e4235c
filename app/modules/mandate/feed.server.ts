import { and, asc, eq, gte, isNotNull, or, type SQL } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { mandateDeliverables, mandatePeriods } from '~/db/schema/mandate'
import { sv as mandateWords } from '~/i18n/areas/mandate'
import { can, type Actor } from '~/modules/auth/permissions'
import type { CalendarDayEvent } from '~/modules/meetings/icalendar'
import { isMilestoneOnly, shownState } from './deliverable-state'

// Deliverables' due dates in the personal calendar feed, as all-day events:
// those the feed's user may read, by the rules of the pages (every period's
// for the coordinator and duty officers, one's own for an owner, a shared
// period's calendar for the network). Asked afresh at every fetch.

/**
 * The due dates from `since` on. The milestone-only kinds (civil defence,
 * protective security) carry their title and date and nothing more; others
 * their state and a link: to the deliverable for those who may open it, to
 * the period's calendar for the others.
 */
export async function deliverableFeedEvents(
  db: Executor,
  actor: Actor & { id: string },
  options: { since: string; today: string; origin: string },
): Promise<CalendarDayEvent[]> {
  const readsAll = can(actor, 'mandate.read')
  const readsShared = can(actor, 'mandate.calendar.read', { shared: true })
  const visible: SQL | undefined = readsAll
    ? undefined
    : readsShared
      ? or(eq(mandateDeliverables.ownerUserId, actor.id), isNotNull(mandatePeriods.calendarSharedAt))
      : eq(mandateDeliverables.ownerUserId, actor.id)
  const rows = await db
    .select({ deliverable: mandateDeliverables, periodTitle: mandatePeriods.title })
    .from(mandateDeliverables)
    .innerJoin(mandatePeriods, eq(mandatePeriods.id, mandateDeliverables.periodId))
    .where(and(gte(mandateDeliverables.dueDate, options.since), visible))
    .orderBy(asc(mandateDeliverables.dueDate), asc(mandateDeliverables.id))
    .limit(1000)
  return rows.flatMap(({ deliverable, periodTitle }) => {
    if (deliverable.dueDate === null) return []
    const event = {
      uid: `deliverable-${deliverable.id}@omradesansvarsportalen`,
      sequence: deliverable.version,
      date: deliverable.dueDate,
      title: `Leverans: ${deliverable.title}`,
      updatedAt: deliverable.updatedAt,
    }
    if (isMilestoneOnly(deliverable.kind)) return [event]
    const opens = readsAll || can(actor, 'mandate.deliverable.update', { ownerUserId: deliverable.ownerUserId })
    const url = opens
      ? `${options.origin}/mandatperiod/${deliverable.periodId}/leveranser/${deliverable.id}`
      : `${options.origin}/mandatperiod/${deliverable.periodId}`
    const state = mandateWords[`mandate.state.${shownState(deliverable, options.today)}`]
    return [{ ...event, description: `Status: ${state}\nMandatperiod: ${periodTitle}\n${url}`, url }]
  })
}
