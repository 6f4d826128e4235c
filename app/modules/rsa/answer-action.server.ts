import type { Database } from '~/db/client.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import type { FieldErrors } from '~/modules/forms/parse-form'
import { notFound } from '~/modules/http/responses'
import { getEvent, saveAnswer } from './answers.server'
import { answerValues, parseAnswer } from './rsa-forms'
import { assertMayAnswer, type AnalysisWithScope } from './rsa-access.server'

export type AnswerOutcome =
  | { kind: 'saved'; organisationId: string; version: number; state: 'draft' | 'submitted' }
  | { kind: 'invalid'; values: Record<string, string>; errors: FieldErrors }
  | { kind: 'conflict'; values: Record<string, string>; current: Record<string, string> }

/**
 * A post of the answer form. The organisation comes from the form, so it is
 * checked before anything else: a partner may answer only for their own
 * participating organisation, whatever ids the post carries.
 */
export async function runAnswerAction(
  db: Database,
  user: SessionUser,
  analysis: AnalysisWithScope,
  eventId: string,
  formData: FormData,
): Promise<AnswerOutcome> {
  assertMayAnswer(user, analysis, String(formData.get('organisationId') ?? ''))
  if (!(await getEvent(db, analysis.id, eventId))) throw notFound()
  const parsed = parseAnswer(formData, analysis)
  if (!parsed.ok) return { kind: 'invalid', values: parsed.values, errors: parsed.errors }
  const result = await saveAnswer(db, { actorId: user.id, analysisId: analysis.id, eventId, ...parsed.data })
  if (result.ok) {
    return {
      kind: 'saved',
      organisationId: result.record.organisationId,
      version: result.record.version,
      state: result.record.state,
    }
  }
  if (result.error === 'notFound') throw notFound()
  // The input stays; the stored version lets a second save overwrite knowingly.
  const current = answerValues(result.current)
  return { kind: 'conflict', values: { ...parsed.values, version: current.version! }, current }
}
