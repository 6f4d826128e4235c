import { useId, type ReactNode } from 'react'
import { translateMessage, useT } from '~/i18n/i18n'

interface FieldProps {
  label: string
  name: string
  error?: string
  hint?: string
  /** After a conflict: the value someone else saved meanwhile, read out with the field. */
  current?: string
  children: (props: {
    id: string
    name: string
    'aria-invalid': boolean | undefined
    'aria-describedby': string | undefined
  }) => ReactNode
}

/** Label, hint and error message tied to the control, so screen readers read them together. */
export function Field({ label, name, error, hint, current, children }: FieldProps) {
  const t = useT()
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const currentId = current !== undefined ? `${id}-current` : undefined
  const describedBy = [hintId, errorId, currentId].filter(Boolean).join(' ') || undefined
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {translateMessage(t, error)}
        </p>
      ) : null}
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {current !== undefined ? (
        <p className="field__current" id={currentId}>
          {t('organisations.currentValue', { value: current || '–' })}
        </p>
      ) : null}
    </div>
  )
}

export function FormMessage({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  )
}
