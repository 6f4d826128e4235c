import { differs } from '~/modules/registry/decimal'

/**
 * After a conflict the form keeps the user's input and shows, beside each
 * field that someone else changed meanwhile, what is stored now. This gives
 * that stored value for a field, or undefined where it equals the input (or
 * there was no conflict); numbers compare by value, so "1,5" equals "1.5".
 * `shown` turns a stored code into what the form shows for it, such as an
 * option's label.
 */
export function conflictingValues<K extends string>(
  values: Partial<Record<K, string>>,
  current: Partial<Record<K, string>> | undefined,
) {
  return (field: K, shown?: (value: string) => string): string | undefined => {
    const stored = current?.[field]
    if (stored === undefined || !differs(values[field], stored)) return undefined
    return shown ? shown(stored) : stored
  }
}
