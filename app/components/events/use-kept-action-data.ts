import { useActionData, useLocation } from '@remix-run/react'
import { useRef } from 'react'

/**
 * The action's answer, kept while the page refetches its data by itself.
 * An event's pages revalidate whenever the event changes (live updates), and
 * Remix clears action data on every revalidation that is not the one after
 * the post: without this, a field's error or a "saved at 10:42" would vanish
 * a moment after it appeared. The answer stays until the reader goes to
 * another page (a new location); the uninterrupted revalidation keeps the
 * location as it is.
 */
export function useKeptActionData<T>(): ReturnType<typeof useActionData<T>> {
  const actionData = useActionData<T>()
  const location = useLocation()
  const kept = useRef<{ key: string; data: NonNullable<typeof actionData> } | null>(null)
  if (actionData !== undefined && actionData !== null) kept.current = { key: location.key, data: actionData }
  else if (kept.current && kept.current.key !== location.key) kept.current = null
  return actionData ?? kept.current?.data
}
