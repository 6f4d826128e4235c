import { Field } from './field'

export interface Option {
  id: string
  name: string
}

/**
 * A labelled select over named records (organisations, areas …). With a
 * `placeholder` its first option is a "choose" that sends nothing; without
 * one a record is always chosen.
 */
export function OptionSelect({
  label,
  name,
  options,
  placeholder,
  defaultValue,
  error,
  hint,
  current,
  required,
}: {
  label: string
  name: string
  options: readonly Option[]
  placeholder?: string
  defaultValue: string
  error?: string
  hint?: string
  current?: string
  required?: boolean
}) {
  return (
    <Field label={label} name={name} error={error} hint={hint} current={current}>
      {(props) => (
        <select {...props} required={required} defaultValue={defaultValue}>
          {placeholder === undefined ? null : <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
