import { and, count, desc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import type { MandatePeriod } from '~/db/schema/mandate'
import { rsaAnalyses, rsaAnswers, rsaEvents, rsaFollowUps, rsaParticipants } from '~/db/schema/rsa'
import { can, type Actor } from '~/modules/auth/permissions'
import type { RsaFacts } from './calendar'
import { stockholmToday } from './deliverable-state'

// The RSA and its yearly follow-ups are done on the RSA pages; the calendar
// reads their state from there instead of having it typed a second time.

/**
 * The period's RSA: the analysis of the period's municipality whose period
 * starts in the period's first year (the newest, should there be two), how
 * many of its assessments (events × participants) are submitted, whether its
 * results are shared, and the years it has been followed up.
 */
export async function rsaFacts(
  db: Executor,
  reader: Actor,
  period: Pick<MandatePeriod, 'organisationId' | 'startYear'>,
): Promise<RsaFacts> {
  const [analysis] = await db
    .select({ id: rsaAnalyses.id, organisationId: rsaAnalyses.organisationId, sharedAt: rsaAnalyses.resultsSharedAt })
    .from(rsaAnalyses)
    .where(and(eq(rsaAnalyses.organisationId, period.organisationId), eq(rsaAnalyses.periodStart, period.startYear)))
    .orderBy(desc(rsaAnalyses.createdAt), desc(rsaAnalyses.id))
    .limit(1)
  if (!analysis) return { analysis: null, followUps: {} }
  const participantIds = (
    await db
      .select({ id: rsaParticipants.organisationId })
      .from(rsaParticipants)
      .where(eq(rsaParticipants.analysisId, analysis.id))
  ).map((row) => row.id)
  const [[events], [submitted], followUps] = await Promise.all([
    db.select({ n: count() }).from(rsaEvents).where(eq(rsaEvents.analysisId, analysis.id)),
    participantIds.length === 0
      ? Promise.resolve([{ n: 0 }])
      : db
          .select({ n: count() })
          .from(rsaAnswers)
          .where(
            and(
              eq(rsaAnswers.analysisId, analysis.id),
              eq(rsaAnswers.state, 'submitted'),
              inArray(rsaAnswers.organisationId, participantIds),
            ),
          ),
    db
      .select({ year: rsaFollowUps.year, createdAt: rsaFollowUps.createdAt })
      .from(rsaFollowUps)
      .where(eq(rsaFollowUps.analysisId, analysis.id)),
  ])
  const organisationIds = [...new Set([analysis.organisationId, ...participantIds])]
  return {
    analysis: {
      id: analysis.id,
      submitted: submitted?.n ?? 0,
      expected: (events?.n ?? 0) * participantIds.length,
      sharedOn: analysis.sharedAt ? stockholmToday(analysis.sharedAt) : null,
      readable: can(reader, 'rsa.read', { organisationIds }),
    },
    followUps: Object.fromEntries(followUps.map((row) => [row.year, stockholmToday(row.createdAt)])),
  }
}
