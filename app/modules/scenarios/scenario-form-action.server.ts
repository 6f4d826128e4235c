import type { Database } from '~/db/client.server'
import { can } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { dispatchIntent, withDefaultIntent } from '~/modules/http/intents'
import type { PickerState } from '~/modules/organisations/picker'
import { pickerStates } from '~/modules/organisations/picker.server'
import { MAX_FAILURES } from './definition'
import {
  emptyFailureRow,
  parseScenarioForm,
  readScenarioForm,
  scenarioPickers,
  withPickedScopes,
  type ScenarioFormErrors,
  type ScenarioFormValues,
} from './scenario-form'

export type ScenarioFormStep = { pickers: Record<string, PickerState> } &
  /** A picker's search or network, or a row added or removed: nothing saved, the form shows again. */
  (
    | { kind: 'rows'; values: ScenarioFormValues }
    | { kind: 'invalid'; values: ScenarioFormValues; errors: ScenarioFormErrors }
    | { kind: 'valid'; values: ScenarioFormValues; parsed: Extract<ReturnType<typeof parseScenarioForm>, { ok: true }> }
  )

interface BuilderPost {
  db: Database
  request: Request
  user: SessionUser
  values: ScenarioFormValues
  pickers: Record<string, PickerState>
  options: { needsVersion: boolean; stateBefore?: 'draft' | 'shared' }
}

/** The rows move: each row's pickers are read again under its new number. */
async function withRows(
  { db, request, values }: BuilderPost,
  failures: ScenarioFormValues['failures'],
): Promise<ScenarioFormStep> {
  const next = { ...values, failures }
  const { pickers } = await pickerStates(db, request, scenarioPickers(next))
  return { kind: 'rows', values: next, pickers }
}

function addRow(post: BuilderPost) {
  const { failures } = post.values
  return withRows(post, failures.length < MAX_FAILURES ? [...failures, emptyFailureRow()] : failures)
}

/** The intent `remove:<index>` of each row's button; the last row stays. */
function removeRow(index: number) {
  return (post: BuilderPost) => {
    const { failures } = post.values
    return withRows(post, failures.length > 1 ? failures.filter((_, i) => i !== index) : failures)
  }
}

async function save({ user, values, pickers, options }: BuilderPost): Promise<ScenarioFormStep> {
  if (!can(user, 'scenario.share')) values.state = options.stateBefore ?? 'draft'
  const parsed = parseScenarioForm(values, { needsVersion: options.needsVersion })
  return parsed.ok
    ? { kind: 'valid', values, parsed, pickers }
    : { kind: 'invalid', values, errors: parsed.errors, pickers }
}

/**
 * What a post of the builder asks for: a picker's search without JavaScript
 * or a row more or less (kept input, no save), or a save, checked; with the
 * pickers of the form as it shows again. Only the coordinator may share;
 * anyone else's "shared" is kept as it was.
 */
export async function readScenarioPost(
  db: Database,
  request: Request,
  formData: FormData,
  user: SessionUser,
  options: BuilderPost['options'],
): Promise<ScenarioFormStep> {
  const values = readScenarioForm(formData)
  const posted = await pickerStates(db, request, scenarioPickers(values, { posted: true }), formData)
  if (posted.picking) return { kind: 'rows', values: withPickedScopes(values, posted.pickers), pickers: posted.pickers }
  const post: BuilderPost = { db, request, user, values, pickers: posted.pickers, options }
  // Every button of the form names an intent (a picker's search is read above); a post naming none saves, as it always did.
  const removals = Object.fromEntries(values.failures.map((_, index) => [`remove:${index}`, removeRow(index)]))
  return dispatchIntent(withDefaultIntent(formData, 'save'), { ...removals, add: addRow, save }, post)
}
