import { eq } from 'drizzle-orm'
import type { Executor } from '~/db/client.server'
import { rsaAnalyses, rsaParticipants, type RsaAnalysis } from '~/db/schema/rsa'
import { assertPermission } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { forbidden, notFound } from '~/modules/http/responses'

// Who may see, answer or compile an analysis is decided by its participating
// organisations (and the coordinator's own), through `can`.

export interface AnalysisWithScope extends RsaAnalysis {
  /** The participating organisations, without the analysis's own. */
  participantIds: string[]
  /** The analysis's own organisation and every participant: who may read it. */
  organisationIds: string[]
}

export async function getAnalysisWithScope(db: Executor, id: string): Promise<AnalysisWithScope | undefined> {
  const [analysis] = await db.select().from(rsaAnalyses).where(eq(rsaAnalyses.id, id))
  if (!analysis) return undefined
  const rows = await db
    .select({ organisationId: rsaParticipants.organisationId })
    .from(rsaParticipants)
    .where(eq(rsaParticipants.analysisId, id))
  const participantIds = rows.map((row) => row.organisationId)
  return { ...analysis, participantIds, organisationIds: [...new Set([analysis.organisationId, ...participantIds])] }
}

/** An analysis the user may read; one the user's organisations take no part in is not found (404), like a missing one. */
export async function requireReadableAnalysis(db: Executor, user: SessionUser, id: string): Promise<AnalysisWithScope> {
  const analysis = await getAnalysisWithScope(db, id)
  if (!analysis || !can(user, 'rsa.read', { organisationIds: analysis.organisationIds })) {
    throw notFound()
  }
  return analysis
}

/** An analysis the user may set up and compile (the coordinator). */
export async function requireManageableAnalysis(
  db: Executor,
  user: SessionUser,
  id: string,
): Promise<AnalysisWithScope> {
  const analysis = await requireReadableAnalysis(db, user, id)
  assertPermission(user, 'rsa.manage', { organisationIds: analysis.organisationIds })
  return analysis
}

const resultsResource = (analysis: Pick<AnalysisWithScope, 'organisationIds' | 'resultsSharedAt'>) => ({
  organisationIds: analysis.organisationIds,
  shared: analysis.resultsSharedAt !== null,
})

export function canReadResults(
  user: SessionUser,
  analysis: Pick<AnalysisWithScope, 'organisationIds' | 'resultsSharedAt'>,
) {
  return can(user, 'rsa.results.read', resultsResource(analysis))
}

/** The compiled results, the report and the action plan: the coordinator's until shared. */
export async function requireResultsReadable(db: Executor, user: SessionUser, id: string): Promise<AnalysisWithScope> {
  const analysis = await requireReadableAnalysis(db, user, id)
  assertPermission(user, 'rsa.results.read', resultsResource(analysis))
  return analysis
}

export function canManageAnalysis(user: SessionUser, analysis: Pick<AnalysisWithScope, 'organisationIds'>): boolean {
  return can(user, 'rsa.manage', { organisationIds: analysis.organisationIds })
}

/**
 * May the user answer for this organisation? Only for a participant, and
 * (unless coordinator) only for an organisation the user edits for.
 */
export function canAnswerFor(
  user: SessionUser,
  analysis: Pick<AnalysisWithScope, 'participantIds'>,
  organisationId: string,
) {
  return (
    analysis.participantIds.includes(organisationId) &&
    can(user, 'rsa.answer', { organisationId, organisationIds: analysis.participantIds })
  )
}

/** The participating organisations the user answers for: an editor's own; every participant for the coordinator (own first). */
export function answerableOrganisationIds(
  user: SessionUser,
  analysis: Pick<AnalysisWithScope, 'participantIds'>,
): string[] {
  const own = [...new Set(user.memberships.map((m) => m.organisationId))].filter((id) =>
    canAnswerFor(user, analysis, id),
  )
  if (!canManageAnalysis(user, { organisationIds: analysis.participantIds })) return own
  return [...own, ...analysis.participantIds.filter((id) => !own.includes(id))]
}

/** Throws 403 unless the user may answer for this organisation in this analysis. */
export function assertMayAnswer(
  user: SessionUser,
  analysis: Pick<AnalysisWithScope, 'participantIds'>,
  organisationId: string,
) {
  if (!canAnswerFor(user, analysis, organisationId)) throw forbidden()
}

/** The analysis's heading and the pages of it the user may open, for the page's sub-navigation. */
export function analysisHeader(user: SessionUser, analysis: AnalysisWithScope) {
  return {
    id: analysis.id,
    title: analysis.title,
    periodStart: analysis.periodStart,
    periodEnd: analysis.periodEnd,
    shared: analysis.resultsSharedAt !== null,
    links: {
      manage: canManageAnalysis(user, analysis),
      answer: answerableOrganisationIds(user, analysis).length > 0,
      results: canReadResults(user, analysis),
    },
  }
}

/** The organisation a new analysis belongs to: the coordinator's own. */
export function analysisOwnerFor(user: SessionUser): string | null {
  return user.memberships.find((m) => m.role === 'coordinator')?.organisationId ?? null
}
