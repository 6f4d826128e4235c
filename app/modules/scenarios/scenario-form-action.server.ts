import type { Database } from '~/db/client.server'
import { can } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
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
  options: { needsVersion: boolean; stateBefore?: 'draft' | 'shared' },
): Promise<ScenarioFormStep> {
  const values = readScenarioForm(formData)
  const posted = await pickerStates(db, request, scenarioPickers(values, { posted: true }), formData)
  if (posted.picking) return { kind: 'rows', values: withPickedScopes(values, posted.pickers), pickers: posted.pickers }
  const intent = String(formData.get('intent') ?? 'save')
  // The rows move: each row's pickers are read again under its new number.
  const moved = async (failures: ScenarioFormValues['failures']): Promise<ScenarioFormStep> => {
    const next = { ...values, failures }
    const { pickers } = await pickerStates(db, request, scenarioPickers(next))
    return { kind: 'rows', values: next, pickers }
  }
  if (intent === 'add') {
    return moved(values.failures.length < MAX_FAILURES ? [...values.failures, emptyFailureRow()] : values.failures)
  }
  const remove = /^remove:(\d+)$/.exec(intent)
  if (remove) {
    const index = Number(remove[1])
    return moved(values.failures.length > 1 ? values.failures.filter((_, i) => i !== index) : values.failures)
  }
  const { pickers } = posted
  // Anything but a save (a stale button, a made-up intent) changes nothing and saves nothing.
  if (intent !== 'save') return { kind: 'rows', values, pickers }
  if (!can(user, 'scenario.share')) values.state = options.stateBefore ?? 'draft'
  const parsed = parseScenarioForm(values, { needsVersion: options.needsVersion })
  return parsed.ok
    ? { kind: 'valid', values, parsed, pickers }
    : { kind: 'invalid', values, errors: parsed.errors, pickers }
}
