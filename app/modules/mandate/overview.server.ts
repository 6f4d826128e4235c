import { and, asc, eq, exists, gte, inArray, lt, lte, ne, or } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { eventEvaluations, events } from '~/db/schema/events'
import type { MandatePeriod } from '~/db/schema/mandate'
import { meetingOrganisations, meetings } from '~/db/schema/meetings'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { stockholmToInstant } from '~/modules/meetings/stockholm-time'
import { deliverableStatus } from './calendar'
import { listCalendarRows } from './deliverables.server'
import { listDocuments } from './documents.server'
import { rsaFacts } from './rsa-state.server'

// The exercises and trainings held during the period, for its overview (the
// county board's follow-up visit): the municipality's exercise and training
// meetings that took place, and the exercises run in the event room, each
// with whether its evaluation was shared.

/** The period's first instant and the first instant after it, in Stockholm's calendar. */
export function periodBounds(period: Pick<MandatePeriod, 'startYear' | 'endYear'>) {
  return {
    from: stockholmToInstant(`${period.startYear}-01-01`, '00:00')!,
    to: stockholmToInstant(`${period.endYear + 1}-01-01`, '00:00')!,
  }
}

export async function periodActivities(
  db: Executor,
  period: Pick<MandatePeriod, 'organisationId' | 'startYear' | 'endYear'>,
  now: Date = new Date(),
) {
  const { from, to } = periodBounds(period)
  const [held, exercises] = await Promise.all([
    db
      .select({
        id: meetings.id,
        kind: meetings.kind,
        title: meetings.title,
        startsAt: meetings.startsAt,
        evaluationSharedAt: meetings.evaluationSharedAt,
      })
      .from(meetings)
      .where(
        and(
          inArray(meetings.kind, ['exercise', 'training']),
          ne(meetings.state, 'cancelled'),
          gte(meetings.startsAt, from),
          lt(meetings.startsAt, to),
          lte(meetings.endsAt, now),
          or(
            eq(meetings.organiserOrganisationId, period.organisationId),
            exists(
              db
                .select({ id: meetingOrganisations.meetingId })
                .from(meetingOrganisations)
                .where(
                  and(
                    eq(meetingOrganisations.meetingId, meetings.id),
                    eq(meetingOrganisations.organisationId, period.organisationId),
                  ),
                ),
            ),
          ),
        ),
      )
      .orderBy(asc(meetings.startsAt), asc(meetings.id)),
    db
      .select({
        id: events.id,
        title: events.title,
        startedAt: events.startedAt,
        endedAt: events.endedAt,
        evaluationSharedAt: eventEvaluations.sharedAt,
      })
      .from(events)
      .leftJoin(eventEvaluations, eq(eventEvaluations.eventId, events.id))
      .where(and(eq(events.kind, 'exercise'), gte(events.startedAt, from), lt(events.startedAt, to)))
      .orderBy(asc(events.startedAt), asc(events.id)),
  ])
  return {
    meetings: held.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      startsAt: row.startsAt.toISOString(),
      evaluated: row.evaluationSharedAt !== null,
    })),
    events: exercises.map((row) => ({
      id: row.id,
      title: row.title,
      startedAt: row.startedAt.toISOString(),
      ended: row.endedAt !== null,
      evaluated: row.evaluationSharedAt !== null,
    })),
  }
}

/**
 * The period on paper for the county board's follow-up visit: every
 * deliverable with its state, decision and documents' names; the exercises
 * and trainings held and whether they were evaluated; the RSA and each
 * year's follow-up.
 */
export async function periodOverview(db: Executor, user: SessionUser, period: MandatePeriod, today: string) {
  const [rows, rsa, activities] = await Promise.all([
    listCalendarRows(db, period.id),
    rsaFacts(db, user, period),
    periodActivities(db, period),
  ])
  const documents = await listDocuments(
    db,
    rows.map((row) => row.id),
  )
  const years = Array.from({ length: period.endYear - period.startYear }, (_, index) => period.startYear + index + 1)
  return {
    deliverables: rows.map((row) => {
      const status = deliverableStatus(row, rsa, today)
      return {
        id: row.id,
        kind: row.kind,
        title: row.title,
        dueDate: row.dueDate,
        shown: status.shown,
        rsa: status.rsa,
        adoptedBy: row.adoptedBy,
        adoptedOn: row.adoptedOn,
        decisionReference: row.decisionReference,
        owner: [row.ownerName, row.ownerOrganisationName].filter(Boolean).join(', '),
        documents: documents
          .filter((document) => document.deliverableId === row.id)
          .map((document) => document.filename),
      }
    }),
    rsa: {
      analysis: rsa.analysis
        ? {
            submitted: rsa.analysis.submitted,
            expected: rsa.analysis.expected,
            sharedOn: rsa.analysis.sharedOn,
          }
        : null,
      followUps: years.map((year) => ({ year, on: rsa.followUps[year] ?? null })),
    },
    ...activities,
  }
}
