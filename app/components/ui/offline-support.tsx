import { useEffect } from 'react'

const REFRESH_MS = 15 * 60_000
const STAMP = 'portal-offline-refreshed'

/**
 * Registers the service worker and refreshes the saved contact list at most
 * every 15 minutes, for signed-in readers of the network.
 */
export function OfflineSupport() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then(() => {
        const last = Number(sessionStorage.getItem(STAMP) ?? 0)
        if (Date.now() - last < REFRESH_MS) return
        sessionStorage.setItem(STAMP, String(Date.now()))
        return fetch('/kontaktlista', { credentials: 'same-origin' })
      })
      .catch(() => {
        // Without a service worker the portal works as before, only not offline.
      })
  }, [])
  return null
}

/** Forgets the saved copy at sign-out, before the server's Clear-Site-Data arrives. */
export async function clearOfflineData(): Promise<void> {
  sessionStorage.removeItem(STAMP)
  if (typeof caches !== 'undefined') {
    for (const key of await caches.keys()) await caches.delete(key)
  }
  if ('serviceWorker' in navigator) {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister()
  }
}
