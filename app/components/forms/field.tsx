import { useId, type ReactNode } from 'react'
import { labelOf, translateMessage, useT } from '~/i18n/i18n'

interface Notes {
  error?: string
  hint?: string
  /** After a conflict: the value someone else saved meanwhile, read out with the field. */
  current?: string
}

/** The ids of a control's hint, error and current value, and the aria-describedby that names them. */
function useNotes({ hint, error, current }: Notes) {
  const id = useId()
  const ids = {
    hint: hint ? `${id}-hint` : undefined,
    error: error ? `${id}-error` : undefined,
    current: current !== undefined ? `${id}-current` : undefined,
  }
  const describedBy = [ids.hint, ids.error, ids.current].filter(Boolean).join(' ') || undefined
  return { id, ids, describedBy }
}

function Hint({ id, hint }: { id?: string; hint?: string }) {
  return hint ? (
    <p className="field__hint" id={id}>
      {hint}
    </p>
  ) : null
}

function ErrorText({ id, error }: { id?: string; error?: string }) {
  const t = useT()
  return error ? (
    <p className="field__error" id={id}>
      {translateMessage(t, error)}
    </p>
  ) : null
}

function CurrentText({ id, current }: { id?: string; current?: string }) {
  const t = useT()
  return current !== undefined ? (
    <p className="field__current" id={id}>
      {t('organisations.currentValue', { value: current || '–' })}
    </p>
  ) : null
}

interface FieldProps extends Notes {
  label: string
  name: string
  children: (props: {
    id: string
    name: string
    'aria-invalid': boolean | undefined
    'aria-describedby': string | undefined
  }) => ReactNode
}

/** Label, hint, error and current value tied to the control, so screen readers read them together. */
export function Field({ label, name, error, hint, current, children }: FieldProps) {
  const { id, ids, describedBy } = useNotes({ hint, error, current })
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <Hint id={ids.hint} hint={hint} />
      <ErrorText id={ids.error} error={error} />
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      <CurrentText id={ids.current} current={current} />
    </div>
  )
}

/**
 * A number typed as text, so a Swedish decimal comma ("1,5") reaches the
 * server, which parses it. A number input would drop it in browsers whose
 * locale uses a point, and min, max and step do not apply to text: the
 * server checks the range and the hint tells it.
 */
export function NumberField({
  defaultValue,
  whole = false,
  required,
  className,
  ...field
}: Notes & {
  label: string
  name: string
  defaultValue: string | undefined
  /** Whole numbers only: a keypad without a decimal sign. */
  whole?: boolean
  required?: boolean
  className?: string
}) {
  return (
    <Field {...field}>
      {(props) => (
        <input
          {...props}
          type="text"
          inputMode={whole ? 'numeric' : 'decimal'}
          autoComplete="off"
          required={required}
          className={className}
          defaultValue={defaultValue ?? ''}
        />
      )}
    </Field>
  )
}

/** A checkbox with its label after it, and its hint, error and current value tied to it. */
export function CheckboxField({
  label,
  name,
  checked,
  error,
  hint,
  current,
  value = 'on',
}: Notes & {
  label: string
  name: string
  checked: boolean
  value?: string
}) {
  const { id, ids, describedBy } = useNotes({ hint, error, current })
  return (
    <div className={error ? 'registry-choice-field field--error' : 'registry-choice-field'}>
      <ErrorText id={ids.error} error={error} />
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
      <Hint id={ids.hint} hint={hint} />
      <CurrentText id={ids.current} current={current} />
    </div>
  )
}

/** A group of radio buttons, checkboxes or fields under a legend, with its hint, error and current value tied to it. */
export function FieldGroup({
  legend,
  className,
  error,
  hint,
  current,
  children,
}: Notes & { legend: string; className: string; children: ReactNode }) {
  const { ids, describedBy } = useNotes({ hint, error, current })
  return (
    <fieldset className={error ? `${className} field--error` : className} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <Hint id={ids.hint} hint={hint} />
      <ErrorText id={ids.error} error={error} />
      {children}
      <CurrentText id={ids.current} current={current} />
    </fieldset>
  )
}

/** The options of a select over a fixed list of codes, each labelled by the message `prefix.code`. */
export function CodeOptions({ codes, prefix }: { codes: readonly string[]; prefix: string }) {
  const t = useT()
  return (
    <>
      {codes.map((code) => (
        <option key={code} value={code}>
          {labelOf(t, prefix, code)}
        </option>
      ))}
    </>
  )
}

export function FormMessage({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  )
}
