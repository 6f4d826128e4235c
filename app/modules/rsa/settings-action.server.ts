import type { Database } from '~/db/client.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { versionField } from '~/modules/forms/fields'
import { formValues } from '~/modules/forms/form-values'
import { parseForm, type FieldErrors } from '~/modules/forms/parse-form'
import { notFound, requireUuid } from '~/modules/http/responses'
import { addEvent, moveEvent, removeEvent, renameEvent, setParticipants, updateSettings } from './analyses.server'
import { EventSchema, parseSettings, readParticipantChoice, settingsValues, type AnalysisShape } from './rsa-forms'
import type { AnalysisWithScope } from './rsa-access.server'

export type SettingsOutcome =
  | {
      kind: 'done'
      message: 'saved' | 'eventAdded' | 'eventSaved' | 'eventMoved' | 'eventRemoved' | 'participantsSaved'
    }
  | {
      kind: 'invalid'
      status: 400 | 409
      form: string
      values: Record<string, string>
      errors: FieldErrors
      /** After a conflict on the settings: the steps and protected values as stored now, for the form to show. */
      shape?: AnalysisShape
    }

const eventIntents = ['renameEvent', 'moveUp', 'moveDown', 'removeEvent'] as const

/**
 * One post of the settings page: the analysis's scales and period, its
 * participants, or one of its events. Each form carries the version it was
 * loaded with; a stale one is a conflict that keeps the input.
 */
export async function runSettingsAction(
  db: Database,
  user: SessionUser,
  analysis: AnalysisWithScope,
  formData: FormData,
): Promise<SettingsOutcome> {
  const intent = String(formData.get('intent') ?? '')
  const scope = { actorId: user.id, analysis }
  const conflict = (form: string, values: Record<string, string>): SettingsOutcome => ({
    kind: 'invalid',
    status: 409,
    form,
    values,
    errors: { _form: 'rsa.conflict' },
  })

  if (intent === 'settings') {
    // A form loaded before someone else changed the steps or protected values would be checked against the wrong
    // fields: it is a conflict at once, shown over what is stored now.
    const stale = () => {
      const typed = formValues(formData)
      const shape: AnalysisShape = {
        likelihoodScale: analysis.likelihoodScale,
        consequenceScale: analysis.consequenceScale,
        capabilityScale: analysis.capabilityScale,
        protectedValues: analysis.protectedValues,
      }
      return {
        ...conflict('settings', { ...settingsValues(analysis), ...typed, version: String(analysis.version) }),
        shape,
      }
    }
    if (formData.get('version') !== String(analysis.version)) return stale()
    const parsed = parseSettings(formData, analysis)
    if (!parsed.ok)
      return { kind: 'invalid', status: 400, form: 'settings', values: parsed.values, errors: parsed.errors }
    const result = await updateSettings(db, { actorId: user.id, id: analysis.id, ...parsed.data })
    if (!result.ok) return stale()
    return { kind: 'done', message: 'saved' }
  }

  if (intent === 'participants') {
    const version = versionField.safeParse(formData.get('version'))
    const choice = readParticipantChoice(formData)
    const values = { version: String(formData.get('version') ?? ''), organisationIds: choice.organisationIds.join(',') }
    if (!version.success) return conflict('participants', values)
    const result = await setParticipants(db, { actorId: user.id, id: analysis.id, version: version.data, ...choice })
    if (!result.ok) return conflict('participants', { ...values, version: String(analysis.version) })
    return { kind: 'done', message: 'participantsSaved' }
  }

  if (intent === 'addEvent') {
    const parsed = parseForm(EventSchema, formData)
    if (!parsed.ok)
      return { kind: 'invalid', status: 400, form: 'addEvent', values: parsed.values, errors: parsed.errors }
    await addEvent(db, { ...scope, ...parsed.data })
    return { kind: 'done', message: 'eventAdded' }
  }

  if ((eventIntents as readonly string[]).includes(intent)) {
    // A malformed id would reach the database as a uuid: it is a missing event.
    const eventId = requireUuid(String(formData.get('eventId') ?? ''))
    const form = `event:${eventId}`
    const version = versionField.safeParse(formData.get('version'))
    const values = formValues(formData)
    if (!version.success) return conflict(form, values)
    const common = { ...scope, id: eventId, version: version.data }
    if (intent === 'renameEvent') {
      const parsed = parseForm(EventSchema, formData)
      if (!parsed.ok) return { kind: 'invalid', status: 400, form, values: parsed.values, errors: parsed.errors }
      const result = await renameEvent(db, { ...common, ...parsed.data })
      if (result.ok) return { kind: 'done', message: 'eventSaved' }
      if (result.error === 'notFound') throw notFound()
      return conflict(form, { ...values, version: String(result.current.version) })
    }
    if (intent === 'removeEvent') {
      const result = await removeEvent(db, common)
      if (result.ok) return { kind: 'done', message: 'eventRemoved' }
      if (result.error === 'notFound') throw notFound()
      return conflict(form, { ...values, version: String(result.current.version) })
    }
    const result = await moveEvent(db, { ...common, direction: intent === 'moveUp' ? 'up' : 'down' })
    if (result.ok) return { kind: 'done', message: 'eventMoved' }
    if (result.error === 'notFound') throw notFound()
    return conflict(form, { ...values, version: String(result.current.version) })
  }

  return { kind: 'invalid', status: 400, form: '', values: {}, errors: { _form: 'rsa.invalidRequest' } }
}
