import type { Database } from '~/db/client.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { versionField } from '~/modules/forms/fields'
import { formValues } from '~/modules/forms/form-values'
import { parseForm, type FieldErrors } from '~/modules/forms/parse-form'
import { dispatchIntent } from '~/modules/http/intents'
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

interface SettingsPost {
  db: Database
  user: SessionUser
  analysis: AnalysisWithScope
  formData: FormData
}

const conflict = (form: string, values: Record<string, string>): SettingsOutcome => ({
  kind: 'invalid',
  status: 409,
  form,
  values,
  errors: { _form: 'rsa.conflict' },
})

async function saveSettings({ db, user, analysis, formData }: SettingsPost): Promise<SettingsOutcome> {
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

async function saveParticipants({ db, user, analysis, formData }: SettingsPost): Promise<SettingsOutcome> {
  const version = versionField.safeParse(formData.get('version'))
  const choice = readParticipantChoice(formData)
  const values = { version: String(formData.get('version') ?? ''), organisationIds: choice.organisationIds.join(',') }
  if (!version.success) return conflict('participants', values)
  const result = await setParticipants(db, { actorId: user.id, id: analysis.id, version: version.data, ...choice })
  if (!result.ok) return conflict('participants', { ...values, version: String(analysis.version) })
  return { kind: 'done', message: 'participantsSaved' }
}

async function addListedEvent({ db, user, analysis, formData }: SettingsPost): Promise<SettingsOutcome> {
  const parsed = parseForm(EventSchema, formData)
  if (!parsed.ok)
    return { kind: 'invalid', status: 400, form: 'addEvent', values: parsed.values, errors: parsed.errors }
  await addEvent(db, { actorId: user.id, analysis, ...parsed.data })
  return { kind: 'done', message: 'eventAdded' }
}

/** The event a post on the list names, and the version its form was loaded with; a missing version is a conflict. */
function readEventPost({ user, analysis, formData }: SettingsPost) {
  // A malformed id would reach the database as a uuid: it is a missing event.
  const eventId = requireUuid(String(formData.get('eventId') ?? ''))
  const form = `event:${eventId}`
  const version = versionField.safeParse(formData.get('version'))
  const values = formValues(formData)
  if (!version.success) return { refused: conflict(form, values) }
  return { form, values, event: { actorId: user.id, analysis, id: eventId, version: version.data } }
}

type EventChange = Awaited<ReturnType<typeof moveEvent | typeof removeEvent>>

function eventOutcome(
  result: EventChange,
  message: 'eventSaved' | 'eventMoved' | 'eventRemoved',
  { form, values }: { form: string; values: Record<string, string> },
): SettingsOutcome {
  if (result.ok) return { kind: 'done', message }
  if (result.error === 'notFound') throw notFound()
  return conflict(form, { ...values, version: String(result.current.version) })
}

async function renameListedEvent(post: SettingsPost): Promise<SettingsOutcome> {
  const read = readEventPost(post)
  if (read.refused) return read.refused
  const parsed = parseForm(EventSchema, post.formData)
  if (!parsed.ok) return { kind: 'invalid', status: 400, form: read.form, values: parsed.values, errors: parsed.errors }
  return eventOutcome(await renameEvent(post.db, { ...read.event, ...parsed.data }), 'eventSaved', read)
}

async function moveListedEvent(post: SettingsPost, direction: 'up' | 'down'): Promise<SettingsOutcome> {
  const read = readEventPost(post)
  if (read.refused) return read.refused
  return eventOutcome(await moveEvent(post.db, { ...read.event, direction }), 'eventMoved', read)
}

const moveListedEventUp = (post: SettingsPost) => moveListedEvent(post, 'up')
const moveListedEventDown = (post: SettingsPost) => moveListedEvent(post, 'down')

async function removeListedEvent(post: SettingsPost): Promise<SettingsOutcome> {
  const read = readEventPost(post)
  if (read.refused) return read.refused
  return eventOutcome(await removeEvent(post.db, read.event), 'eventRemoved', read)
}

/**
 * One post of the settings page: the analysis's scales and period, its
 * participants, or one of its events. Each form carries the version it was
 * loaded with; a stale one is a conflict that keeps the input.
 */
export function runSettingsAction(
  db: Database,
  user: SessionUser,
  analysis: AnalysisWithScope,
  formData: FormData,
): Promise<SettingsOutcome> {
  return dispatchIntent(
    formData,
    {
      settings: saveSettings,
      participants: saveParticipants,
      addEvent: addListedEvent,
      renameEvent: renameListedEvent,
      moveUp: moveListedEventUp,
      moveDown: moveListedEventDown,
      removeEvent: removeListedEvent,
    },
    { db, user, analysis, formData },
  )
}
