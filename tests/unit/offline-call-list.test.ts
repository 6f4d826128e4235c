import { readFileSync } from 'node:fs'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'

// public/sw.js keeps an event's call list like the contact list
// (docs/decisions/003, amendment of issue 16): the same stamp, the same
// stripping of scripts, its own copy per event, and the contact list when a
// call list was never saved.

const EVENT = '/handelser/0b5d3c1e-8f2a-4c6d-9e7b-1a2b3c4d5e6f/utlarmning'
const HOUR = 3_600_000

interface Worker {
  isKeptPage(pathname: string): boolean
  savedList(pathname: string): Promise<Response>
}

function loadWorker() {
  const store = new Map<string, Response>()
  const cache = {
    match: async (key: string) => store.get(key)?.clone(),
    put: async (key: string, response: Response) => void store.set(key, response),
    delete: async (key: string) => store.delete(key),
  }
  const source = readFileSync(new URL('../../public/sw.js', import.meta.url), 'utf8')
  const context = vm.createContext({
    self: { addEventListener: () => {}, location: { origin: 'http://localhost' } },
    caches: { open: async () => cache },
    Response,
    Headers,
    URL,
    Date,
  })
  vm.runInContext(source, context)
  return { worker: context as unknown as Worker, store }
}

function savedPage(title: string, storedAt = Date.now()) {
  return new Response(
    `<html><script nonce="n">hydrate()</script><h1>${title}</h1><div data-offline-notice="" hidden="">Offline</div></html>`,
    {
      headers: {
        'Content-Type': 'text/html',
        'X-Offline-Stored-At': String(storedAt),
        'X-Offline-Expires-At': String(storedAt + HOUR),
        'X-Offline-Max-Age-Ms': String(12 * HOUR),
      },
    },
  )
}

describe('the offline call list', () => {
  it('keeps the contact list and each call list page, nothing else', () => {
    const { worker } = loadWorker()
    expect(worker.isKeptPage('/kontaktlista')).toBe(true)
    expect(worker.isKeptPage(EVENT)).toBe(true)
    expect(worker.isKeptPage(`${EVENT}.data`)).toBe(false)
    expect(worker.isKeptPage(EVENT.replace('/utlarmning', '/rapportera'))).toBe(false)
    expect(worker.isKeptPage('/handelser/x/utlarmning')).toBe(false)
  })

  it("serves the event's saved call list without scripts, the offline notice shown", async () => {
    const { worker, store } = loadWorker()
    store.set(EVENT, savedPage('Samtalslista'))
    store.set('/kontaktlista', savedPage('Kontaktlista'))
    const html = await (await worker.savedList(EVENT)).text()
    expect(html).toContain('<h1>Samtalslista</h1>')
    expect(html).not.toContain('<script')
    expect(html).toContain('<div data-offline-notice="">')
  })

  it('falls back to the contact list, and deletes a copy older than its session', async () => {
    const { worker, store } = loadWorker()
    store.set('/kontaktlista', savedPage('Kontaktlista'))
    expect(await (await worker.savedList(EVENT)).text()).toContain('<h1>Kontaktlista</h1>')
    store.set(EVENT, savedPage('Samtalslista', Date.now() - 2 * HOUR))
    const expired = await worker.savedList(EVENT)
    expect(expired.status).toBe(503)
    expect(store.has(EVENT)).toBe(false)
  })
})
