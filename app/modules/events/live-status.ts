import { formatTime } from '~/i18n/format'
import type { MessageKey } from '~/i18n/sv'

// How an open event page keeps itself current, and what it says about it.

/**
 * `static`: not updating itself (the server's render, or no JavaScript);
 * `live`: the event stream is open; `polling`: the stream is refused or
 * unsupported, the page asks every pollMs; `offline`: no contact now.
 */
export type LiveMode = 'static' | 'live' | 'polling' | 'offline'

export const LIVE_TIMING = {
  /** Notices arriving together cause one refetch. */
  debounceMs: 300,
  pollMs: 15_000,
  /** Two heartbeats (20 s) missed and a margin: the stream is dead even if the browser thinks it open. */
  silentMs: 50_000,
  /** Stream failures in a row before the page polls instead. */
  failuresBeforePolling: 3,
  /** While polling, every this many polls the page tries the stream again. */
  pollsBeforeStreamAgain: 4,
}

/** The wait before connecting the stream again after `failures` failures in a row. */
export function reconnectDelayMs(failures: number): number {
  return Math.min(15_000, 1_000 * 2 ** Math.max(0, failures - 1))
}

export function liveStatusMessage(
  mode: LiveMode,
  lastHeardAt: Date | null,
  locale: 'sv' | 'en',
): { key: MessageKey; vars?: Record<string, string> } {
  if (mode === 'static') return { key: 'eventLive.static' }
  if (mode === 'offline' || lastHeardAt === null) {
    return lastHeardAt
      ? { key: 'eventLive.offline', vars: { time: formatTime(locale, lastHeardAt, false) } }
      : { key: 'eventLive.offlineNever' }
  }
  const time = formatTime(locale, lastHeardAt, true)
  return { key: mode === 'live' ? 'eventLive.live' : 'eventLive.polling', vars: { time } }
}

/**
 * What a screen reader hears when the mode changes: nothing for the page
 * starting to update itself, nor for every new contact time.
 */
export function announcementFor(previous: LiveMode, next: LiveMode): MessageKey | null {
  if (previous === next || next === 'static') return null
  if (next === 'offline') return 'eventLive.announce.offline'
  if (previous === 'static') return null
  return next === 'live' ? 'eventLive.announce.live' : 'eventLive.announce.polling'
}
