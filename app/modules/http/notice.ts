import type { MessageKey } from '~/i18n/sv'

/** A notice for the page after a redirect: a message of the catalogue, in the page's language. */
export interface Notice {
  kind: 'success' | 'info'
  message: MessageKey
  values?: Record<string, string | number>
}

export function isNotice(value: unknown): value is Notice {
  if (typeof value !== 'object' || value === null) return false
  const { kind, message, values } = value as Record<string, unknown>
  if (kind !== 'success' && kind !== 'info') return false
  if (typeof message !== 'string') return false
  if (values === undefined) return true
  return (
    typeof values === 'object' &&
    values !== null &&
    Object.values(values).every((item) => typeof item === 'string' || typeof item === 'number')
  )
}
