import { Await, Link } from '@remix-run/react'
import { Suspense, type ReactNode } from 'react'
import { useLocale, useT } from '~/i18n/i18n'
import { formatClock, projectionHeadline, type ProjectionSummaryData } from '~/modules/events/event-projection-view'

function SummaryFrame({ eventId, children }: { eventId: string; children: ReactNode }) {
  const t = useT()
  return (
    <section id="prognos" aria-labelledby="projection-summary-heading" className="panel projection-summary">
      <h2 id="projection-summary-heading">{t('eventProjection.summary.heading')}</h2>
      {children}
      <p>
        <Link to={`/handelser/${eventId}/prognos`}>{t('eventProjection.summary.link')}</Link>
      </p>
    </section>
  )
}

/**
 * "Härnäst" on the event's overview: the soonest failures ahead, each with
 * its reason in one line and how many follow, and the way to the whole
 * projection.
 */
export function ProjectionSummary({ summary }: { summary: ProjectionSummaryData }) {
  const t = useT()
  const locale = useLocale()
  return (
    <SummaryFrame eventId={summary.eventId}>
      {summary.ended ? (
        <p>{t('eventProjection.summary.ended')}</p>
      ) : summary.next.length === 0 ? (
        <p>{t('eventProjection.summary.none')}</p>
      ) : (
        <ol className="projection-summary__list">
          {summary.next.map((outcome) => (
            <li key={outcome.id}>{projectionHeadline(t, locale, outcome)}</li>
          ))}
        </ol>
      )}
      {summary.computedFor ? (
        <p className="muted">
          {t('eventProjection.summary.basis', {
            time: formatClock(t, locale, summary.computedFor, summary.computedFor),
          })}
        </p>
      ) : null}
    </SummaryFrame>
  )
}

/**
 * The same, from a promise the loader did not wait for: at county scale the
 * projection takes up to a second, and the overview must not wait for it.
 */
export function DeferredProjectionSummary({
  eventId,
  summary,
}: {
  eventId: string
  summary: Promise<ProjectionSummaryData>
}) {
  const t = useT()
  const waiting = (message: string) => (
    <SummaryFrame eventId={eventId}>
      <p aria-live="polite">{message}</p>
    </SummaryFrame>
  )
  return (
    <Suspense fallback={waiting(t('eventProjection.loading'))}>
      <Await resolve={summary} errorElement={waiting(t('eventProjection.failed'))}>
        {(resolved) => <ProjectionSummary summary={resolved} />}
      </Await>
    </Suspense>
  )
}
