import { readFileSync } from 'node:fs'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { sortKept } from '../../app/components/council/report-draft'
import { isFresh, offlineStamp } from '../../app/modules/auth/offline-lifetime'

// What the browser keeps offline (the contact list in the service worker, the
// report drafts in localStorage) is read only while it is younger than its
// session and than the longest a session lasts. public/sw.js cannot import
// the app's module, so it carries its own copy: both answer the same cases.

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const now = Date.parse('2025-03-03T12:00:00Z')
const maxAgeMs = 12 * HOUR

interface Worker {
  isFresh: typeof isFresh
  stamped(response: Response, now: number): Promise<Response | null>
  stampOf(saved: Response): { stamp: { storedAt: number; expiresAt: number }; maxAgeMs: number }
}

function loadWorker(): Worker {
  const source = readFileSync(new URL('../../public/sw.js', import.meta.url), 'utf8')
  const context = vm.createContext({
    self: { addEventListener: () => {}, location: { origin: 'http://localhost' } },
    Response,
    Headers,
    URL,
  })
  vm.runInContext(source, context)
  return context as unknown as Worker
}

const worker = loadWorker()

const cases: [string, unknown, number, boolean][] = [
  ['stored an hour ago, its session ends in an hour', { storedAt: now - HOUR, expiresAt: now + HOUR }, maxAgeMs, true],
  ['stored just now', { storedAt: now, expiresAt: now + MINUTE }, maxAgeMs, true],
  ['its session ended this very moment', { storedAt: now - HOUR, expiresAt: now }, maxAgeMs, false],
  ['its session ended a minute ago', { storedAt: now - HOUR, expiresAt: now - MINUTE }, maxAgeMs, false],
  [
    'as old as the longest session, whatever its stamp says',
    { storedAt: now - 12 * HOUR, expiresAt: now + HOUR },
    maxAgeMs,
    false,
  ],
  ['older than a shorter configured lifetime', { storedAt: now - 3 * HOUR, expiresAt: now + HOUR }, 2 * HOUR, false],
  [
    'stored a minute "from now" (the clock was set back a little)',
    { storedAt: now + MINUTE, expiresAt: now + HOUR },
    maxAgeMs,
    true,
  ],
  [
    'stored an hour "from now" (the clock was set far back)',
    { storedAt: now + HOUR, expiresAt: now + 2 * HOUR },
    maxAgeMs,
    false,
  ],
  ['no stamp at all (stored before stamps)', { description: 'Klotter', clientKey: 'k' }, maxAgeMs, false],
  ['nothing', null, maxAgeMs, false],
  ['a string', '{"storedAt":1}', maxAgeMs, false],
  ['a stamp of strings', { storedAt: String(now), expiresAt: String(now + HOUR) }, maxAgeMs, false],
  ['a stamp of NaN', { storedAt: Number.NaN, expiresAt: Number.NaN }, maxAgeMs, false],
  ['an endless stamp', { storedAt: now, expiresAt: Number.POSITIVE_INFINITY }, maxAgeMs, false],
  ['no max age known', { storedAt: now - HOUR, expiresAt: now + HOUR }, Number.NaN, false],
]

describe('isFresh: may a copy kept offline still be read', () => {
  it.each(cases)('%s', (_, stamp, maxAge, expected) => {
    expect(isFresh(stamp, now, maxAge)).toBe(expected)
  })

  it.each(cases)('the service worker agrees: %s', (_, stamp, maxAge, expected) => {
    expect(worker.isFresh(stamp as never, now, maxAge)).toBe(expected)
  })
})

describe('offlineStamp: when a copy stored now must go', () => {
  it('with its session, when the session ends first', () => {
    expect(offlineStamp(now, { sessionEndsAt: now + 25 * MINUTE, maxAgeMs })).toEqual({
      storedAt: now,
      expiresAt: now + 25 * MINUTE,
    })
  })

  it('after the longest a session lasts, when the session claims to last longer (a skewed clock)', () => {
    expect(offlineStamp(now, { sessionEndsAt: now + 48 * HOUR, maxAgeMs })).toEqual({
      storedAt: now,
      expiresAt: now + maxAgeMs,
    })
  })

  it('already over when the session has ended: such a stamp is never fresh', () => {
    expect(isFresh(offlineStamp(now, { sessionEndsAt: now - MINUTE, maxAgeMs }), now, maxAgeMs)).toBe(false)
  })
})

describe('the service worker stamps the contact list with what the page says', () => {
  const page = (headers: Record<string, string>) => new Response('<!doctype html><h1>Kontaktlista</h1>', { headers })

  it('keeps it until the session ends, at most the longest a session lasts, and reads it back', async () => {
    const kept = await worker.stamped(
      page({ 'X-Offline-Session-Ends': String(now + 2 * HOUR), 'X-Offline-Max-Age-Ms': String(maxAgeMs) }),
      now,
    )
    expect(kept).not.toBeNull()
    expect(await kept!.text()).toContain('Kontaktlista')
    const { stamp, maxAgeMs: read } = worker.stampOf(kept!)
    expect(stamp).toEqual({ storedAt: now, expiresAt: now + 2 * HOUR })
    expect(read).toBe(maxAgeMs)
    expect(worker.isFresh(stamp, now + HOUR, read)).toBe(true)
    expect(worker.isFresh(stamp, now + 2 * HOUR, read)).toBe(false)

    const longSession = await worker.stamped(
      page({ 'X-Offline-Session-Ends': String(now + 30 * HOUR), 'X-Offline-Max-Age-Ms': String(maxAgeMs) }),
      now,
    )
    expect(worker.stampOf(longSession!).stamp.expiresAt).toBe(now + maxAgeMs)
  })

  it('keeps nothing from a page that does not say how long', async () => {
    expect(await worker.stamped(page({}), now)).toBeNull()
    expect(await worker.stamped(page({ 'X-Offline-Session-Ends': String(now + HOUR) }), now)).toBeNull()
    expect(await worker.stamped(page({ 'X-Offline-Max-Age-Ms': String(maxAgeMs) }), now)).toBeNull()
  })

  it('finds a copy saved by the earlier worker (no stamp) too old to show', () => {
    const { stamp, maxAgeMs: read } = worker.stampOf(page({}))
    expect(worker.isFresh(stamp, now, read)).toBe(false)
  })
})

describe('sortKept: the report drafts and waiting reports that may still be read', () => {
  it('keeps the fresh ones and counts the others, unstamped ones from before included', () => {
    const fresh = { storedAt: now - HOUR, expiresAt: now + HOUR, values: { description: 'Klotter på väggen' } }
    const stale = { storedAt: now - 2 * HOUR, expiresAt: now - MINUTE, values: { description: 'Trasig lykta' } }
    const legacy = { description: 'Skräp vid grillplatsen', clientKey: 'a' }
    const stampOnly = { storedAt: now - HOUR, expiresAt: now + HOUR }
    expect(sortKept([fresh, stale, legacy, stampOnly, null], now, maxAgeMs)).toEqual({ kept: [fresh], expired: 4 })
    expect(sortKept([], now, maxAgeMs)).toEqual({ kept: [], expired: 0 })
  })
})
