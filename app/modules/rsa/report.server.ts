import { eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { findingsForRsa } from '~/modules/meetings/findings.server'
import { compiledResults, registryForReport, workshopsFor } from './compiled.server'
import { listMeasures } from './measures.server'
import { missingItems, reportDeadline } from './report'
import type { AnalysisWithScope } from './rsa-access.server'

/**
 * Everything the seven-part report shows. Only the narrative is stored as
 * text; the rest is read afresh from the answers, the registry, the meetings
 * and the action plan, so the report stays in sync with them.
 */
export async function reportData(db: Executor, analysis: AnalysisWithScope) {
  const [[owner], compiled, registry, workshops, measures, themeDays] = await Promise.all([
    db
      .select({ name: organisations.name, description: organisations.description })
      .from(organisations)
      .where(eq(organisations.id, analysis.organisationId)),
    compiledResults(db, analysis),
    registryForReport(db, analysis.organisationIds),
    workshopsFor(db, analysis.organisationIds),
    listMeasures(db, analysis.id),
    findingsForRsa(db, analysis.organisationIds),
  ])
  const deadline = reportDeadline(analysis.periodStart)
  return {
    analysis: {
      id: analysis.id,
      title: analysis.title,
      periodStart: analysis.periodStart,
      periodEnd: analysis.periodEnd,
      likelihoodScale: analysis.likelihoodScale,
      consequenceScale: analysis.consequenceScale,
      capabilityScale: analysis.capabilityScale,
      protectedValues: analysis.protectedValues,
      narrative: analysis.narrative,
    },
    owner: owner ?? { name: '', description: '' },
    deadline,
    compiled,
    registry,
    workshops: workshops.map((workshop) => ({ ...workshop, startsAt: workshop.startsAt.toISOString() })),
    measures,
    // What the participants' theme days revealed, per organisation: effects and needs for parts 6 and 7.
    themeDayFindings: themeDays.map((finding) => ({
      meetingId: finding.meetingId,
      meetingTitle: finding.meetingTitle,
      meetingStartsAt: finding.meetingStartsAt.toISOString(),
      scenarioName: finding.scenarioName,
      organisationName: finding.organisationName,
      effects: finding.effects,
      needs: finding.needs,
    })),
    missing: missingItems({ progress: compiled.progress, narrative: analysis.narrative, risks: compiled.risks }),
  }
}

export type ReportData = Awaited<ReturnType<typeof reportData>>
