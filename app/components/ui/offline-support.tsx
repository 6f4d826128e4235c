import { useEffect } from 'react'
import { forgetReportDrafts } from '~/components/council/report-draft'

const REFRESH_MS = 15 * 60_000
// The refresh waits until the page has settled: at county scale the contact
// list is a large page, and it must not compete with what the user opened.
const SETTLE_MS = 10_000
const STAMP = 'portal-offline-refreshed'

/** Resolves after `ms` and then when the browser is idle, unless cancelled. */
function settled(ms: number, cancelled: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      if (cancelled()) return reject(new Error('cancelled'))
      const run = () => (cancelled() ? reject(new Error('cancelled')) : resolve())
      if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 5_000 })
      else run()
    }, ms)
  })
}

/**
 * Registers the service worker and, once the page has settled, refreshes the
 * saved contact list at most every 15 minutes, for signed-in readers of the
 * network.
 */
export function OfflineSupport() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return
    let cancelled = false
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then(() => settled(SETTLE_MS, () => cancelled))
      .then(() => {
        const last = Number(sessionStorage.getItem(STAMP) ?? 0)
        if (Date.now() - last < REFRESH_MS) return
        sessionStorage.setItem(STAMP, String(Date.now()))
        return fetch('/kontaktlista', { credentials: 'same-origin' })
      })
      .catch(() => {
        // Without a service worker the portal works as before, only not offline.
      })
    return () => {
      cancelled = true
    }
  }, [])
  return null
}

/** Forgets the saved copy and report drafts at sign-out, before the server's Clear-Site-Data arrives. */
export async function clearOfflineData(): Promise<void> {
  sessionStorage.removeItem(STAMP)
  forgetReportDrafts()
  if (typeof caches !== 'undefined') {
    for (const key of await caches.keys()) await caches.delete(key)
  }
  if ('serviceWorker' in navigator) {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister()
  }
}

/**
 * On a page shown to a browser that is not signed in: nothing kept for a
 * session may outlive it, also where the browser ignores Clear-Site-Data or
 * the server never saw the ended session (its cookie had already expired).
 */
export function ForgetOfflineData() {
  useEffect(() => {
    clearOfflineData().catch(() => {
      // Nothing to clear where the browser offers no caches or workers.
    })
  }, [])
  return null
}
