import type { Database, Executor } from '~/db/client.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { parseForm, type FieldErrors } from '~/modules/forms/parse-form'
import { listEvents, listParticipants } from './analyses.server'
import { createMeasure, recordFollowUp } from './measures.server'
import { FollowUpSchema, MeasureSchema, type MeasureFields } from './rsa-forms'
import type { AnalysisWithScope } from './rsa-access.server'
import { organisations } from '~/db/schema/organisations'
import { eq } from 'drizzle-orm'

/** Who may own a measure (the analysis's organisation and its participants) and which events it may answer. */
export async function measureOptions(db: Executor, analysis: AnalysisWithScope) {
  const [participants, events, [owner]] = await Promise.all([
    listParticipants(db, analysis.id),
    listEvents(db, analysis.id),
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, analysis.organisationId)),
  ])
  const all = [
    ...(owner ? [owner] : []),
    ...participants.filter((organisation) => organisation.id !== analysis.organisationId),
  ]
  return {
    organisations: all.map((organisation) => ({ id: organisation.id, name: organisation.name })),
    events: events.map((event) => ({ id: event.id, title: event.title })),
  }
}

/** A measure's owner and event must belong to the analysis; a made-up id is a field error, not a database one. */
export async function checkMeasureChoices(
  db: Executor,
  analysis: AnalysisWithScope,
  data: MeasureFields,
): Promise<FieldErrors> {
  const options = await measureOptions(db, analysis)
  const errors: FieldErrors = {}
  if (!options.organisations.some((organisation) => organisation.id === data.ownerOrganisationId))
    errors.ownerOrganisationId = 'validation.choose'
  if (data.eventId && !options.events.some((event) => event.id === data.eventId)) errors.eventId = 'validation.choose'
  return errors
}

export type PlanOutcome =
  | { kind: 'done'; message: 'measureAdded' | 'followUpRecorded' }
  | { kind: 'invalid'; form: 'measure' | 'followUp'; values: Record<string, string>; errors: FieldErrors }

export async function runPlanAction(
  db: Database,
  user: SessionUser,
  analysis: AnalysisWithScope,
  formData: FormData,
): Promise<PlanOutcome> {
  const scope = { actorId: user.id, analysis }
  if (formData.get('intent') === 'followUp') {
    const parsed = parseForm(FollowUpSchema, formData)
    if (!parsed.ok) return { kind: 'invalid', form: 'followUp', values: parsed.values, errors: parsed.errors }
    const result = await recordFollowUp(db, { ...scope, ...parsed.data })
    if (!result.ok)
      return {
        kind: 'invalid',
        form: 'followUp',
        values: parsed.values,
        errors: { year: 'rsa.validation.followUpExists' },
      }
    return { kind: 'done', message: 'followUpRecorded' }
  }
  const parsed = parseForm(MeasureSchema, formData)
  if (!parsed.ok) return { kind: 'invalid', form: 'measure', values: parsed.values, errors: parsed.errors }
  const errors = await checkMeasureChoices(db, analysis, parsed.data)
  if (Object.keys(errors).length > 0) return { kind: 'invalid', form: 'measure', values: parsed.values, errors }
  await createMeasure(db, { ...scope, ...parsed.data })
  return { kind: 'done', message: 'measureAdded' }
}
