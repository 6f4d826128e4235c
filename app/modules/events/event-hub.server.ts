import { EVENT_CHANNEL, parseEventNotice, type EventChange } from './event-notify.server'

// One LISTEN per process, shared by every open event stream of that process.
// It starts with the first subscriber and stops a while after the last one
// left (a reload or a hop between an event's pages should not UNLISTEN and
// LISTEN again). Every app process behind a load balancer runs its own, so a
// write in any process reaches the streams open in all of them.

/** What a stream is told: a kind of change, or "you may have missed something, fetch again". */
export type LiveSignal = EventChange | 'resync'

export type Listen = (
  channel: string,
  onPayload: (payload: string) => void,
  onListen: () => void,
) => Promise<() => Promise<void>>

export interface EventHubOptions {
  listen: () => Promise<Listen>
  /** How long to wait before trying to LISTEN again after a failure. */
  retryMs?: number
  /** How long the LISTEN outlives the last subscriber. */
  idleStopMs?: number
  now?: () => number
}

export interface EventHub {
  /** Calls `deliver` for each notice about the event, and with 'resync' after the LISTEN came back; returns the unsubscribe. */
  subscribe(eventId: string, deliver: (signal: LiveSignal) => void): () => void
  /**
   * Whether the hub can vouch that nothing changed in the event during the
   * last `ageMs`: it has listened without a break for that long and heard no
   * notice about it. A reader whose page is older is told to fetch again.
   */
  vouches(eventId: string, ageMs: number): boolean
  subscriberCount(): number
  /** Stops listening now, whatever the subscribers (shutdown, tests). */
  stop(): Promise<void>
}

// Enough for every event a county has going at once; past it, the hub forgets and vouches for nothing older.
const REMEMBERED_EVENTS = 10_000

export function createEventHub(options: EventHubOptions): EventHub {
  const retryMs = options.retryMs ?? 2_000
  const idleStopMs = options.idleStopMs ?? 60_000
  const now = options.now ?? Date.now
  const subscribers = new Map<string, Set<(signal: LiveSignal) => void>>()
  let count = 0
  let generation = 0
  let running = false
  let stopListening: (() => Promise<void>) | null = null
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  /** Since when the LISTEN has been in place without a break; null while it is not. */
  let listeningSince: number | null = null
  const lastNoticeAt = new Map<string, number>()

  const deliver = (eventId: string, signal: LiveSignal) => {
    for (const subscriber of [...(subscribers.get(eventId) ?? [])]) {
      try {
        subscriber(signal)
      } catch {
        // One broken stream must not keep the notice from the others.
      }
    }
  }

  const onPayload = (payload: string) => {
    const notice = parseEventNotice(payload)
    if (!notice) return
    if (lastNoticeAt.size >= REMEMBERED_EVENTS && !lastNoticeAt.has(notice.eventId)) {
      lastNoticeAt.clear()
      listeningSince = listeningSince === null ? null : now()
    }
    lastNoticeAt.set(notice.eventId, now())
    deliver(notice.eventId, notice.change)
  }

  const start = async (current: number) => {
    let listened = false
    const onListen = () => {
      if (current !== generation) return
      // Listening again after a lost connection: what was written meanwhile was not heard.
      if (listened) for (const eventId of [...subscribers.keys()]) deliver(eventId, 'resync')
      listened = true
      listeningSince = now()
      lastNoticeAt.clear()
    }
    const onLost = () => {
      if (current === generation) listeningSince = null
    }
    try {
      const listen = await options.listen()
      const stop = await listen(EVENT_CHANNEL, onPayload, onListen)
      if (current !== generation) {
        await stop().catch(() => {})
        return
      }
      stopListening = async () => {
        onLost()
        await stop()
      }
    } catch {
      if (current !== generation) return
      onLost()
      retryTimer = setTimeout(() => void start(current), retryMs)
      retryTimer.unref?.()
    }
  }

  const stopNow = async () => {
    generation++
    running = false
    listeningSince = null
    lastNoticeAt.clear()
    clearTimeout(retryTimer)
    clearTimeout(idleTimer)
    const stop = stopListening
    stopListening = null
    await stop?.().catch(() => {})
  }

  return {
    subscribe(eventId, subscriber) {
      let set = subscribers.get(eventId)
      if (!set) subscribers.set(eventId, (set = new Set()))
      set.add(subscriber)
      count++
      clearTimeout(idleTimer)
      if (!running) {
        running = true
        void start(++generation)
      }
      let subscribed = true
      return () => {
        if (!subscribed) return
        subscribed = false
        set.delete(subscriber)
        if (set.size === 0) subscribers.delete(eventId)
        count--
        if (count === 0) {
          idleTimer = setTimeout(() => {
            if (count === 0) void stopNow()
          }, idleStopMs)
          idleTimer.unref?.()
        }
      }
    },
    vouches(eventId, ageMs) {
      if (listeningSince === null || !Number.isFinite(ageMs) || ageMs < 0) return false
      const since = now() - ageMs
      if (listeningSince > since) return false
      const last = lastNoticeAt.get(eventId)
      return last === undefined || last < since
    },
    subscriberCount: () => count,
    stop: stopNow,
  }
}
