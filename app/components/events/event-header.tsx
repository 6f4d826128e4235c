import { Link, NavLink } from '@remix-run/react'
import type { EventKind, EventLevel } from '~/db/enums'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { EventSection } from '~/modules/events/event-sections.server'

export interface EventHeading {
  id: string
  title: string
  kind: EventKind
  level: EventLevel
  startedAt: string
  endedAt: string | null
}

/** The big mark on every page of an exercise, so that nobody mistakes it for the real thing. */
export function ExerciseBanner() {
  const t = useT()
  return (
    <p className="exercise-banner">
      <strong>{t('eventRoom.exerciseBanner')}</strong>
    </p>
  )
}

/** The event's header on each of its pages: the exercise mark, title, level and times, and its sections. */
export function EventHeader({
  event,
  sections,
}: {
  event: EventHeading
  sections: { key: EventSection; to: string }[]
}) {
  const t = useT()
  const locale = useLocale()
  return (
    <header className="event-header">
      {event.kind === 'exercise' ? <ExerciseBanner /> : null}
      <p>
        <Link to="/handelser">{t('eventRoom.back')}</Link>
      </p>
      <h1>
        {event.kind === 'exercise' ? <span className="event-header__exercise">{t('event.exercise')}: </span> : null}
        {event.title}
      </h1>
      <dl className="facts event-header__facts">
        <dt>{t('eventRoom.kind')}</dt>
        <dd>{t(`event.kind.${event.kind}`)}</dd>
        <dt>{t('eventRoom.level')}</dt>
        <dd>
          <strong>{t(`event.level.${event.level}`)}</strong>
        </dd>
        <dt>{t('eventRoom.started')}</dt>
        <dd>{formatDateTime(locale, event.startedAt)}</dd>
        {event.endedAt ? (
          <>
            <dt>{t('eventRoom.ended')}</dt>
            <dd>{formatDateTime(locale, event.endedAt)}</dd>
          </>
        ) : null}
      </dl>
      {event.endedAt ? (
        <p className="notice event-header__ended">
          {t('eventRoom.endedNotice', { time: formatDateTime(locale, event.endedAt) })}
        </p>
      ) : null}
      <nav aria-label={t('eventRoom.sections')} className="event-nav">
        <ul>
          {sections.map((section) => (
            <li key={section.key}>
              <NavLink to={section.to} end={section.key === 'overview'} prefetch="intent">
                {t(`eventRoom.section.${section.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  )
}
