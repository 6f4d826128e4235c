import { useLocation } from '@remix-run/react'
import { useEffect, useRef, useState, type MouseEvent } from 'react'
import { useLocale, useT } from '~/i18n/i18n'
import { announcementFor, liveStatusMessage, type LiveMode } from '~/modules/events/live-status'
import { useEventUpdates } from './use-event-updates'

const MARKS: Record<LiveMode, string> = { static: '', live: '●', polling: '◐', offline: '○' }

/**
 * Keeps the event page current and says so: "Uppdateras automatiskt ·
 * senast kontakt med servern 10:42:05". Rendered once, in the event's
 * layout. Without JavaScript it is a sentence and a link that reloads.
 */
export function EventLiveStatus({ eventId }: { eventId: string }) {
  const t = useT()
  const locale = useLocale()
  const location = useLocation()
  const { mode, lastHeardAt, refresh } = useEventUpdates(eventId)
  // Announced only when the mode changes: the contact time ticks every 20 s.
  const [announcement, setAnnouncement] = useState('')
  const previous = useRef<LiveMode>(mode)
  useEffect(() => {
    const key = announcementFor(previous.current, mode)
    previous.current = mode
    if (key) setAnnouncement(t(key))
  }, [mode, t])
  const message = liveStatusMessage(mode, lastHeardAt, locale)
  const onRefresh = (event: MouseEvent<HTMLAnchorElement>) => {
    // With the page running, a refetch keeps what the reader typed in a form below.
    if (mode === 'static') return
    event.preventDefault()
    refresh()
  }
  return (
    <div className="event-live-status" data-mode={mode}>
      <p className="event-live-status__line">
        {MARKS[mode] ? (
          <span className="event-live-status__mark" aria-hidden="true">
            {MARKS[mode]}
          </span>
        ) : null}
        <span>{t(message.key, message.vars)}</span>{' '}
        <a href={`${location.pathname}${location.search}`} onClick={onRefresh}>
          {t('eventLive.refresh')}
        </a>
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  )
}
