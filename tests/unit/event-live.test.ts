import { afterEach, describe, expect, it, vi } from 'vitest'
import { createEventHub, type Listen, type LiveSignal } from '../../app/modules/events/event-hub.server'
import { parseDataAge } from '../../app/modules/events/event-live.server'
import { formatTime } from '../../app/i18n/format'
import { announcementFor, liveStatusMessage, reconnectDelayMs } from '../../app/modules/events/live-status'
import { sseMessage, sseRetry } from '../../app/modules/events/sse'

/** A LISTEN under the test's control: the payloads it hands on, and a way to drop and restore it. */
function fakeDatabase() {
  const listeners = new Set<{ onPayload: (payload: string) => void; onListen: () => void }>()
  let refusing = false
  let starts = 0
  const listen: Listen = async (_channel, onPayload, onListen) => {
    starts++
    if (refusing) throw new Error('database away')
    const listener = { onPayload, onListen }
    listeners.add(listener)
    onListen()
    return async () => {
      listeners.delete(listener)
    }
  }
  return {
    listen,
    notify: (eventId: string, change: string) =>
      listeners.forEach((l) => l.onPayload(JSON.stringify({ eventId, change }))),
    relisten: () => listeners.forEach((l) => l.onListen()),
    refuse: (value: boolean) => {
      refusing = value
    },
    listening: () => listeners.size,
    starts: () => starts,
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the wire format of an event stream', () => {
  it('writes a typed message with one data line per line, and the retry field', () => {
    expect(sseMessage('change', 'status')).toBe('event: change\ndata: status\n\n')
    expect(sseMessage('ping', 'a\nb')).toBe('event: ping\ndata: a\ndata: b\n\n')
    expect(sseRetry(5000)).toBe('retry: 5000\n\n')
    expect(() => sseMessage('bad type\n', 'x')).toThrow()
  })

  it('takes the page data age only as a plain number of milliseconds', () => {
    expect(parseDataAge('1500')).toBe(1500)
    expect(parseDataAge(null)).toBeNull()
    expect(parseDataAge('-1')).toBeNull()
    expect(parseDataAge('1e9')).toBeNull()
    expect(parseDataAge('99999999999')).toBeNull()
  })
})

describe('the hub of a process', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('listens from the first subscriber, hands each notice to that event’s subscribers only', async () => {
    const db = fakeDatabase()
    const hub = createEventHub({ listen: async () => db.listen })
    expect(db.starts()).toBe(0)
    const a: LiveSignal[] = []
    const b: LiveSignal[] = []
    hub.subscribe('event-a', (signal) => a.push(signal))
    hub.subscribe('event-b', (signal) => b.push(signal))
    await settle()
    expect(db.starts()).toBe(1)
    db.notify('event-a', 'status')
    db.notify('event-a', 'log')
    db.notify('event-c', 'log')
    expect(a).toEqual(['status', 'log'])
    expect(b).toEqual([])
    await hub.stop()
  })

  it('ignores payloads that are not notices', async () => {
    const db = fakeDatabase()
    const hub = createEventHub({ listen: async () => db.listen })
    const got: LiveSignal[] = []
    hub.subscribe('event-a', (signal) => got.push(signal))
    await settle()
    for (const listener of ['not json', '{"eventId":1}', '[]']) db.notify('x', listener)
    expect(got).toEqual([])
    await hub.stop()
  })

  it('stops listening a while after the last subscriber left, and not if one came back', async () => {
    vi.useFakeTimers()
    const db = fakeDatabase()
    const hub = createEventHub({ listen: async () => db.listen, idleStopMs: 1_000 })
    const leave = hub.subscribe('event-a', () => {})
    await vi.advanceTimersByTimeAsync(0)
    leave()
    leave()
    expect(hub.subscriberCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(500)
    const again = hub.subscribe('event-a', () => {})
    await vi.advanceTimersByTimeAsync(2_000)
    expect(db.listening()).toBe(1)
    expect(db.starts()).toBe(1)
    again()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(db.listening()).toBe(0)
  })

  it('tries again while the database refuses, and tells every subscriber to catch up after listening again', async () => {
    vi.useFakeTimers()
    const db = fakeDatabase()
    db.refuse(true)
    const hub = createEventHub({ listen: async () => db.listen, retryMs: 1_000 })
    const got: LiveSignal[] = []
    hub.subscribe('event-a', (signal) => got.push(signal))
    await vi.advanceTimersByTimeAsync(2_500)
    expect(db.starts()).toBe(3)
    db.refuse(false)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(db.listening()).toBe(1)
    expect(got).toEqual([])
    // The connection was lost and came back: postgres.js listens again and says so.
    db.relisten()
    expect(got).toEqual(['resync'])
    await hub.stop()
  })

  it('vouches for a page only when it has listened all the while and heard nothing of its event', async () => {
    let clock = 100_000
    const db = fakeDatabase()
    const hub = createEventHub({ listen: async () => db.listen, now: () => clock })
    expect(hub.vouches('event-a', 1_000)).toBe(false)
    hub.subscribe('event-a', () => {})
    await settle()
    clock += 10_000
    expect(hub.vouches('event-a', 5_000)).toBe(true)
    // Older than the LISTEN itself: nobody knows.
    expect(hub.vouches('event-a', 20_000)).toBe(false)
    db.notify('event-a', 'status')
    clock += 2_000
    expect(hub.vouches('event-a', 5_000)).toBe(false)
    expect(hub.vouches('event-a', 1_000)).toBe(true)
    expect(hub.vouches('event-b', 5_000)).toBe(true)
    db.relisten()
    clock += 1_000
    expect(hub.vouches('event-b', 5_000)).toBe(false)
    await hub.stop()
    expect(hub.vouches('event-b', 0)).toBe(false)
  })

  it('does not keep a LISTEN that came in after it was told to stop', async () => {
    const db = fakeDatabase()
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const hub = createEventHub({
      listen: async () => {
        await gate
        return db.listen
      },
      idleStopMs: 0,
    })
    hub.subscribe('event-a', () => {})()
    await hub.stop()
    release()
    await settle()
    await settle()
    expect(db.listening()).toBe(0)
  })
})

describe('what the page says about its updates', () => {
  const at = new Date('2027-01-15T09:42:05Z')

  it('gives the last contact in Stockholm time, with seconds while live', () => {
    expect(formatTime('sv', at, true)).toBe('10:42:05')
    expect(liveStatusMessage('live', at, 'sv')).toEqual({ key: 'eventLive.live', vars: { time: '10:42:05' } })
    expect(liveStatusMessage('polling', at, 'sv')).toEqual({ key: 'eventLive.polling', vars: { time: '10:42:05' } })
    expect(liveStatusMessage('offline', at, 'sv')).toEqual({ key: 'eventLive.offline', vars: { time: '10:42' } })
    expect(liveStatusMessage('offline', null, 'sv')).toEqual({ key: 'eventLive.offlineNever' })
    expect(liveStatusMessage('static', null, 'sv')).toEqual({ key: 'eventLive.static' })
  })

  it('announces a change of mode, not the start nor the same mode again', () => {
    expect(announcementFor('static', 'live')).toBeNull()
    expect(announcementFor('live', 'live')).toBeNull()
    expect(announcementFor('live', 'offline')).toBe('eventLive.announce.offline')
    expect(announcementFor('static', 'offline')).toBe('eventLive.announce.offline')
    expect(announcementFor('offline', 'live')).toBe('eventLive.announce.live')
    expect(announcementFor('live', 'polling')).toBe('eventLive.announce.polling')
  })

  it('waits longer after each failure to connect, up to 15 s', () => {
    expect([1, 2, 3, 4, 5, 9].map(reconnectDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000])
  })
})
