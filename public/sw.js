// Service worker: keeps the network's functional contact list readable when
// the portal cannot be reached. It stores only /kontaktlista (which holds no
// restricted or personal routes) and the immutable build assets. Signing out
// clears everything (Clear-Site-Data from the server, and the page itself).
const CACHE = 'portal-offline-v1'
const CONTACT_LIST = '/kontaktlista'

self.addEventListener('install', () => self.skipWaiting())

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  )
})

async function fromNetworkKeepingContactList(request) {
  const response = await fetch(request)
  const url = new URL(response.url || request.url)
  // A redirect to the sign-in page must never replace the saved list.
  if (response.ok && !response.redirected && url.pathname === CONTACT_LIST) {
    const cache = await caches.open(CACHE)
    await cache.put(CONTACT_LIST, response.clone())
  }
  return response
}

async function savedContactList() {
  const cache = await caches.open(CACHE)
  const saved = await cache.match(CONTACT_LIST)
  if (!saved) {
    return new Response(
      '<!doctype html><html lang="sv"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Ingen anslutning</title><main><h1>Ingen anslutning</h1><p>Portalen går inte att nå och ingen sparad kontaktlista finns i den här webbläsaren.</p></main></html>',
      { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
    )
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

  if (request.mode === 'navigate' || url.pathname === CONTACT_LIST) {
    event.respondWith(fromNetworkKeepingContactList(request).catch(() => savedContactList()))
  }
})
