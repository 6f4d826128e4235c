import { data } from '@remix-run/node'
import { asc, inArray } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { organisations } from '~/db/schema/organisations'
import { can } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { getAnalysisWithScope } from '~/modules/rsa/rsa-access.server'
import { formValues } from '~/modules/forms/form-values'
import { badRequest, forbidden, notFound } from '~/modules/http/responses'
import { actingOrganisationIds, canOnEvent, eventEnded, type EventWithScope } from './event-access.server'
import {
  addFinding,
  answerEvaluation,
  currentRsaAnalysis,
  evaluationContents,
  evaluationTimeline,
  findingToRsaMeasure,
  getEvaluation,
  openEvaluation,
  saveSummary,
  shareEvaluation,
  type EvaluationError,
} from './evaluation.server'
import { parseFindingText, parseMeasure, parseResponse, parseSummary } from './evaluation-form'

// The evaluation page's data and posts. What a reader sees depends on who
// they are: the leaders see everything; an editor of a taking-part
// organisation answers for it; everyone else who reads the event sees the
// report only once it is shared, before that only that it is under way.

const iso = (date: Date | null) => date?.toISOString() ?? null

async function organisationNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]))
    .orderBy(asc(organisations.name))
}

/**
 * A finding's RSA measure page is the analysis manager's: it is linked only for them; for
 * anyone else its title stands without a link that would end in a 404.
 */
async function withReadableMeasures<F extends { measureAnalysisId: string | null }>(
  db: Executor,
  user: SessionUser,
  findings: F[],
): Promise<F[]> {
  const analyses = [
    ...new Set(findings.flatMap((finding) => (finding.measureAnalysisId ? [finding.measureAnalysisId] : []))),
  ]
  const readable = new Set<string>()
  for (const id of analyses) {
    const analysis = await getAnalysisWithScope(db, id)
    if (analysis && can(user, 'rsa.manage', { organisationIds: analysis.organisationIds })) readable.add(id)
  }
  return findings.map((finding) =>
    finding.measureAnalysisId && !readable.has(finding.measureAnalysisId)
      ? { ...finding, measureAnalysisId: null }
      : finding,
  )
}

/** Whether this user may read the whole report now: the leaders always, the event's readers once it is shared. */
export function mayReadReport(user: SessionUser, event: EventWithScope, sharedAt: Date | null | undefined): boolean {
  return canOnEvent(user, 'event.manage', event) || (sharedAt !== null && sharedAt !== undefined)
}

export async function evaluationPageData(db: Executor, user: SessionUser, event: EventWithScope) {
  const lead = canOnEvent(user, 'event.manage', event)
  const evaluation = await getEvaluation(db, event.id)
  const ended = eventEnded(event)
  const answering = evaluation ? actingOrganisationIds(user, event, 'event.write') : []
  const readsReport = evaluation !== undefined && mayReadReport(user, event, evaluation.sharedAt)
  const [contents, timeline, taking, analysis] = await Promise.all([
    evaluation && (readsReport || answering.length > 0) ? evaluationContents(db, event.id) : null,
    readsReport ? evaluationTimeline(db, event) : [],
    organisationNames(db, event.organisationIds),
    lead && evaluation ? currentRsaAnalysis(db) : undefined,
  ])
  const responses = (contents?.responses ?? []).filter(
    (response) => readsReport || answering.includes(response.organisationId),
  )
  return {
    lead,
    ended,
    exercise: event.kind === 'exercise',
    evaluation: evaluation
      ? {
          worked: evaluation.worked,
          improve: evaluation.improve,
          sharedAt: iso(evaluation.sharedAt),
          version: evaluation.version,
        }
      : null,
    readsReport,
    timeline: timeline.map((item) => ({ ...item, at: item.at.toISOString() })),
    responses: responses.map((response) => ({ ...response, updatedAt: response.updatedAt.toISOString() })),
    findings: readsReport ? await withReadableMeasures(db, user, contents?.findings ?? []) : [],
    organisations: taking,
    answering: taking.filter((organisation) => answering.includes(organisation.id)),
    analysis: analysis ?? null,
  }
}

export type EvaluationOutcome =
  | { kind: 'saved'; what: 'open' | 'answer' | 'finding' | 'measure' | 'summary' | 'share' }
  | { kind: 'refused'; error: EvaluationError }
  | {
      kind: 'invalid'
      form: 'answer' | 'finding' | 'measure' | 'summary'
      /** The form's target: the organisation answered for, or the finding. */
      target: string
      errors: Record<string, string | undefined>
      values: Record<string, string>
    }

const versionOf = (raw: string | undefined) => {
  if (!raw || !/^\d{1,9}$/.test(raw)) throw badRequest()
  return Number(raw)
}

function outcome(
  result: { ok: true } | { ok: false; error: EvaluationError },
  what: EvaluationOutcome & { kind: 'saved' },
) {
  if (result.ok) return data<EvaluationOutcome>(what)
  if (result.error === 'forbidden') throw forbidden()
  if (result.error === 'notFound') throw notFound()
  return data<EvaluationOutcome>({ kind: 'refused', error: result.error }, { status: 409 })
}

export async function evaluationAction(db: Database, user: SessionUser, event: EventWithScope, formData: FormData) {
  const fields = formValues(formData)
  const invalid = (
    form: 'answer' | 'finding' | 'measure' | 'summary',
    target: string,
    errors: Record<string, string | undefined>,
  ) => data<EvaluationOutcome>({ kind: 'invalid', form, target, errors, values: fields }, { status: 400 })
  // Who may post what, before reading the form: the leaders everything but answers, editors their answers.
  const leaderIntents = ['open', 'finding', 'measure', 'summary', 'share']
  if (leaderIntents.includes(fields.intent ?? '') && !canOnEvent(user, 'event.manage', event)) throw forbidden()
  if (fields.intent === 'answer' && actingOrganisationIds(user, event, 'event.write').length === 0) throw forbidden()
  switch (fields.intent) {
    case 'open':
      return outcome(await openEvaluation(db, { event, actor: user }), { kind: 'saved', what: 'open' })
    case 'answer': {
      const organisationId = fields.organisationId ?? ''
      const version = versionOf(fields.version)
      const parsed = parseResponse(fields)
      if (!parsed.ok) return invalid('answer', organisationId, parsed.errors)
      const result = await answerEvaluation(db, { event, organisationId, user, version, ...parsed.data })
      return outcome(result, { kind: 'saved', what: 'answer' })
    }
    case 'finding': {
      const parsed = parseFindingText(fields.text)
      const organisationId = fields.organisationId ?? ''
      if (!event.organisationIds.includes(organisationId))
        return invalid('finding', '', { ...(parsed.ok ? {} : parsed.errors), organisationId: 'validation.choose' })
      if (!parsed.ok) return invalid('finding', '', parsed.errors)
      return outcome(await addFinding(db, { event, user, organisationId, text: parsed.data }), {
        kind: 'saved',
        what: 'finding',
      })
    }
    case 'measure': {
      const findingId = fields.findingId ?? ''
      const analysis = await currentRsaAnalysis(db)
      if (!analysis) return outcome({ ok: false, error: 'noAnalysis' }, { kind: 'saved', what: 'measure' })
      const parsed = parseMeasure(fields, event.organisationIds)
      if (!parsed.ok) return invalid('measure', findingId, parsed.errors)
      const result = await findingToRsaMeasure(db, { event, user, findingId, analysisId: analysis.id, ...parsed.data })
      return outcome(result, { kind: 'saved', what: 'measure' })
    }
    case 'summary': {
      const version = versionOf(fields.version)
      const parsed = parseSummary(fields)
      if (!parsed.ok) return invalid('summary', '', parsed.errors)
      return outcome(await saveSummary(db, { event, user, version, ...parsed.data }), {
        kind: 'saved',
        what: 'summary',
      })
    }
    case 'share':
      return outcome(await shareEvaluation(db, { event, user, version: versionOf(fields.version) }), {
        kind: 'saved',
        what: 'share',
      })
    default:
      throw badRequest()
  }
}
