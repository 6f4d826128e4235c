import { useId } from 'react'
import { translateMessage, useT } from '~/i18n/i18n'
import { differs } from '~/modules/registry/decimal'

/** A checkbox with its label after it, and its error and hint tied to it for screen readers. */
export function CheckboxField({
  label,
  name,
  checked,
  error,
  hint,
  value = 'on',
}: {
  label: string
  name: string
  checked: boolean
  error?: string
  hint?: string
  value?: string
}) {
  const t = useT()
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={error ? 'registry-choice-field field--error' : 'registry-choice-field'}>
      {error ? (
        <p className="field__error" id={errorId}>
          {translateMessage(t, error)}
        </p>
      ) : null}
      <div className="registry-choice">
        <input
          type="checkbox"
          id={id}
          name={name}
          value={value}
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/**
 * After a conflict: what someone else saved meanwhile, shown under a field
 * whose kept input differs from it.
 */
export function CurrentValue({ submitted, current, shown }: { submitted?: string; current?: string; shown?: string }) {
  const t = useT()
  if (current === undefined || !differs(submitted, current)) return null
  return <p className="field__current">{t('organisations.currentValue', { value: (shown ?? current) || '–' })}</p>
}
