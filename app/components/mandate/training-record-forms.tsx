import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { FormMessage } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'
import type { PlanFormOutcome } from '~/modules/mandate/training-plan-actions.server'

// What the plan's record pages (target groups, goals, people) share: the
// answer to a refused post, an edit that opens where the answer belongs, and
// a removal that carries the version its page was loaded with.

/** The action's answer for this form, if it was this form's. */
export function outcomeFor(outcome: PlanFormOutcome | undefined, form: string): PlanFormOutcome | undefined {
  return outcome?.form === form ? outcome : undefined
}

export function OutcomeMessage({ outcome }: { outcome: PlanFormOutcome | undefined }) {
  const t = useT()
  if (!outcome) return null
  if (outcome.notice) return <FormMessage kind="error">{t(outcome.notice)}</FormMessage>
  if (Object.keys(outcome.errors).length > 0)
    return <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
  return null
}

/** A record's form: its id and version with it, and the intent of its button. */
export function RecordForm({
  id,
  version,
  intent,
  children,
}: {
  id: string
  version: string
  intent: 'update' | 'delete'
  children: ReactNode
}) {
  // A new version (after a conflict) renders the form afresh with the values it answers with.
  return (
    <Form method="post" className="stack" noValidate key={`${intent}:${version}`}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {children}
    </Form>
  )
}

export function DeleteForm({
  id,
  version,
  label,
  hint,
}: {
  id: string
  version: string
  label: ReactNode
  hint: string
}) {
  return (
    <div className="danger-zone training-delete">
      <RecordForm id={id} version={version} intent="delete">
        <p className="field__hint">{hint}</p>
        <div className="actions">
          <button type="submit" className="button button--danger">
            {label}
          </button>
        </div>
      </RecordForm>
    </div>
  )
}
