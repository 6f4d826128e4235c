import { useSyncExternalStore, type ReactNode } from 'react'

const subscribe = () => () => {}

/** False while the server renders and during hydration, true once React runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}

/**
 * Renders its children only in the browser, the fallback on the server: for
 * components such as Leaflet that touch `window` as soon as they load.
 */
export function ClientOnly({ children, fallback = null }: { children: () => ReactNode; fallback?: ReactNode }) {
  return useHydrated() ? <>{children()}</> : <>{fallback}</>
}
