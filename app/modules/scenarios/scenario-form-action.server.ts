import { can } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { MAX_FAILURES } from './definition'
import {
  emptyFailureRow,
  parseScenarioForm,
  readScenarioForm,
  type ScenarioFormErrors,
  type ScenarioFormValues,
} from './scenario-form'

export type ScenarioFormStep =
  /** Another row added or one removed: nothing saved, the form shows again. */
  | { kind: 'rows'; values: ScenarioFormValues }
  | { kind: 'invalid'; values: ScenarioFormValues; errors: ScenarioFormErrors }
  | { kind: 'valid'; values: ScenarioFormValues; parsed: Extract<ReturnType<typeof parseScenarioForm>, { ok: true }> }

/**
 * What a post of the builder asks for: a row more or less (kept input, no
 * save), or a save, checked. Only the coordinator may share; anyone else's
 * "shared" is kept as it was.
 */
export function readScenarioPost(
  formData: FormData,
  user: SessionUser,
  options: { needsVersion: boolean; stateBefore?: 'draft' | 'shared' },
): ScenarioFormStep {
  const values = readScenarioForm(formData)
  const intent = String(formData.get('intent') ?? 'save')
  if (intent === 'add') {
    const failures = values.failures.length < MAX_FAILURES ? [...values.failures, emptyFailureRow()] : values.failures
    return { kind: 'rows', values: { ...values, failures } }
  }
  const remove = /^remove:(\d+)$/.exec(intent)
  if (remove) {
    const index = Number(remove[1])
    const failures = values.failures.length > 1 ? values.failures.filter((_, i) => i !== index) : values.failures
    return { kind: 'rows', values: { ...values, failures } }
  }
  // Anything but a save (a stale button, a made-up intent) changes nothing and saves nothing.
  if (intent !== 'save') return { kind: 'rows', values }
  if (!can(user, 'scenario.share')) values.state = options.stateBefore ?? 'draft'
  const parsed = parseScenarioForm(values, { needsVersion: options.needsVersion })
  return parsed.ok ? { kind: 'valid', values, parsed } : { kind: 'invalid', values, errors: parsed.errors }
}
