// Service worker: keeps the network's functional contact list readable when
// the portal cannot be reached. It stores only /kontaktlista (which holds no
// restricted or personal routes), the call list of each event its reader
// leads (/handelser/<id>/utlarmning) and the immutable build assets. Signing out
// clears everything (Clear-Site-Data from the server, and the page itself), and
// so does the server's first answer to a session that has ended. A saved list
// outlives neither its session nor the longest a session lasts: the page says
// both in headers, the copy is stamped with them, and an older one is deleted
// instead of shown (docs/decisions/003).
const CACHE = 'portal-offline-v2'
const CONTACT_LIST = '/kontaktlista'
// An event's call list, kept per event like the contact list (docs/decisions/003, amendment of issue 16).
const CALL_LIST = /^\/handelser\/[0-9a-f-]{36}\/utlarmning$/

function isKeptPage(pathname) {
  return pathname === CONTACT_LIST || CALL_LIST.test(pathname)
}
// A phone's clock set back a little after storing does not make a copy unreadable.
const CLOCK_SLACK_MS = 5 * 60_000

// The same rule as isFresh in app/modules/auth/offline-lifetime.ts; tests/unit/offline-lifetime.test.ts holds both to the same cases.
function isFresh(stamp, now, maxAgeMs) {
  if (typeof stamp !== 'object' || stamp === null) return false
  const { storedAt, expiresAt } = stamp
  if (typeof storedAt !== 'number' || typeof expiresAt !== 'number') return false
  if (!Number.isFinite(storedAt) || !Number.isFinite(expiresAt) || !Number.isFinite(now)) return false
  return now >= storedAt - CLOCK_SLACK_MS && now < expiresAt && now - storedAt < maxAgeMs
}

/** The page as it will be kept, stamped with when it was stored and when it must go; null if it does not say. */
async function stamped(response, now) {
  const sessionEndsAt = Number(response.headers.get('X-Offline-Session-Ends'))
  const maxAgeMs = Number(response.headers.get('X-Offline-Max-Age-Ms'))
  if (!(sessionEndsAt > 0) || !(maxAgeMs > 0)) return null
  const headers = new Headers(response.headers)
  headers.set('X-Offline-Stored-At', String(now))
  headers.set('X-Offline-Expires-At', String(Math.min(sessionEndsAt, now + maxAgeMs)))
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers })
}

function stampOf(saved) {
  return {
    stamp: {
      storedAt: Number(saved.headers.get('X-Offline-Stored-At') ?? NaN),
      expiresAt: Number(saved.headers.get('X-Offline-Expires-At') ?? NaN),
    },
    maxAgeMs: Number(saved.headers.get('X-Offline-Max-Age-Ms') ?? NaN),
  }
}

self.addEventListener('install', () => self.skipWaiting())

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  )
})

async function fromNetworkKeepingLists(request) {
  const response = await fetch(request)
  const url = new URL(response.url || request.url)
  // A redirect to the sign-in page must never replace the saved list.
  if (response.ok && !response.redirected && isKeptPage(url.pathname)) {
    const kept = await stamped(response.clone(), Date.now())
    if (kept) {
      const cache = await caches.open(CACHE)
      await cache.put(url.pathname, kept)
    }
  }
  return response
}

function noSavedList(expired) {
  const reason = expired
    ? 'Den sparade kontaktlistan var äldre än en inloggning får vara och har raderats. Logga in igen när portalen går att nå.'
    : 'Portalen går inte att nå och ingen sparad kontaktlista finns i den här webbläsaren.'
  return new Response(
    `<!doctype html><html lang="sv"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Ingen anslutning</title><main><h1>Ingen anslutning</h1><p>${reason}</p></main></html>`,
    { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  )
}

/** The saved call list of the event asked for, if there is one; else the saved contact list. */
async function savedList(pathname) {
  const cache = await caches.open(CACHE)
  const key = CALL_LIST.test(pathname) && (await cache.match(pathname)) ? pathname : CONTACT_LIST
  const saved = await cache.match(key)
  if (!saved) return noSavedList(false)
  const { stamp, maxAgeMs } = stampOf(saved)
  if (!isFresh(stamp, Date.now(), maxAgeMs)) {
    await cache.delete(key)
    return noSavedList(true)
  }
  // Served as a static page: without its scripts the saved copy cannot try to
  // hydrate as whatever page was asked for, nor fetch anything while offline.
  const html = (await saved.text())
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    .replace('data-offline-notice="" hidden=""', 'data-offline-notice=""')
  return new Response(html, { status: 200, headers: saved.headers })
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return

  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const hit = await cache.match(request)
        if (hit) return hit
        const response = await fetch(request)
        if (response.ok) await cache.put(request, response.clone())
        return response
      }),
    )
    return
  }

  if (request.mode === 'navigate' || isKeptPage(url.pathname)) {
    event.respondWith(fromNetworkKeepingLists(request).catch(() => savedList(url.pathname)))
  }
})
