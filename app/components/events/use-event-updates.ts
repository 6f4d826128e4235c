import { useRevalidator } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { LIVE_TIMING, reconnectDelayMs, type LiveMode } from '~/modules/events/live-status'

export interface EventUpdates {
  mode: LiveMode
  /** The last time the page heard from the server (a message, a heartbeat, a poll answered). */
  lastHeardAt: Date | null
  /** Fetches the page's data again now (debounced like a notice). */
  refresh: () => void
}

type Timer = ReturnType<typeof setTimeout>

/**
 * Keeps an open event page current: listens to the event's stream and, on
 * each notice, has Remix run the page's loaders again, so the reader sees
 * only what they may. Refetches are debounced and never overlap. Without a
 * working stream the page polls; while the tab is hidden it rests.
 */
export function useEventUpdates(eventId: string): EventUpdates {
  const revalidator = useRevalidator()
  const [mode, setMode] = useState<LiveMode>('static')
  const [lastHeardAt, setLastHeardAt] = useState<Date | null>(null)

  const latest = useRef(revalidator)
  latest.current = revalidator
  const wanted = useRef(false)
  const debounce = useRef<Timer | undefined>(undefined)
  // performance.now() when the data on the page was read (at most): the stream is told its age.
  const dataAt = useRef(0)
  const startedAt = useRef<number | null>(null)

  const flush = useCallback(() => {
    if (!wanted.current || debounce.current !== undefined) return
    // A refetch is under way: the effect below calls again when it is done.
    if (latest.current.state !== 'idle') return
    wanted.current = false
    startedAt.current = performance.now()
    // A refetch cut short (the reader navigates away, the connection drops) is not an error
    // of the page: the next notice or poll tries again.
    void Promise.resolve(latest.current.revalidate()).catch(() => {})
  }, [])

  const refresh = useCallback(() => {
    wanted.current = true
    if (debounce.current !== undefined) return
    debounce.current = setTimeout(() => {
      debounce.current = undefined
      flush()
    }, LIVE_TIMING.debounceMs)
  }, [flush])

  useEffect(() => {
    if (revalidator.state !== 'idle') return
    if (startedAt.current !== null) dataAt.current = startedAt.current
    startedAt.current = null
    flush()
  }, [revalidator.state, flush])

  useEffect(() => () => clearTimeout(debounce.current), [])

  useEffect(() => {
    // A full page load read its data after the navigation started (0); a move within the app just before mounting.
    dataAt.current = Math.max(0, performance.now() - 5_000)
    let source: EventSource | null = null
    let retry: Timer | undefined
    let poll: Timer | undefined
    let watchdog: ReturnType<typeof setInterval> | undefined
    let heardAt = performance.now()
    let failures = 0
    let polls = 0
    // Bumped by every pause: a poll under way when the page paused or reconnected drops its answer.
    let generation = 0

    const heard = () => {
      heardAt = performance.now()
      setLastHeardAt(new Date())
    }
    const pause = () => {
      generation++
      source?.close()
      source = null
      clearInterval(watchdog)
      clearTimeout(retry)
      clearTimeout(poll)
    }

    const connect = () => {
      pause()
      if (typeof EventSource === 'undefined') return schedulePoll(0)
      const age = Math.round(performance.now() - dataAt.current)
      const stream = new EventSource(`/handelser/${encodeURIComponent(eventId)}/strom?alder=${age}`)
      const began = performance.now()
      source = stream
      stream.addEventListener('open', () => {
        failures = 0
        setMode('live')
        heard()
      })
      stream.addEventListener('ready', heard)
      stream.addEventListener('ping', heard)
      stream.addEventListener('change', () => {
        heard()
        refresh()
      })
      // Each new connection says how old the page's data is, and the server
      // answers `resync` if it cannot vouch that nothing was missed: so the
      // page reconnects by itself rather than leave it to the browser.
      stream.addEventListener('error', () => {
        if (source !== stream) return
        pause()
        setMode('offline')
        failures++
        if (failures >= LIVE_TIMING.failuresBeforePolling) schedulePoll(0)
        else retry = setTimeout(connect, reconnectDelayMs(failures))
      })
      watchdog = setInterval(() => {
        // Open but silent past two heartbeats: a connection dropped somewhere without a word.
        if (source === stream && performance.now() - Math.max(heardAt, began) > LIVE_TIMING.silentMs) {
          setMode('offline')
          connect()
        }
      }, 5_000)
    }

    const schedulePoll = (delay: number) => {
      clearTimeout(poll)
      poll = setTimeout(async () => {
        const current = generation
        polls++
        if (typeof EventSource !== 'undefined' && polls % LIVE_TIMING.pollsBeforeStreamAgain === 0) {
          failures = LIVE_TIMING.failuresBeforePolling - 1
          return connect()
        }
        // Asked first, so that a server that does not answer leaves the page as it is, with its notice.
        const answered = await fetch('/healthz', { cache: 'no-store', credentials: 'same-origin' }).then(
          (response) => response.ok,
          () => false,
        )
        if (current !== generation) return
        if (answered) {
          heard()
          setMode('polling')
          refresh()
        } else {
          setMode('offline')
        }
        schedulePoll(LIVE_TIMING.pollMs)
      }, delay)
    }

    const onVisibility = () => {
      if (document.visibilityState === 'hidden') return pause()
      refresh()
      failures = 0
      connect()
    }
    const onOnline = () => {
      if (document.visibilityState !== 'visible' || source?.readyState === 1 /* OPEN */) return
      failures = 0
      connect()
    }
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('online', onOnline)
    if (document.visibilityState === 'visible') connect()
    return () => {
      pause()
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('online', onOnline)
    }
  }, [eventId, refresh])

  return { mode, lastHeardAt, refresh }
}
