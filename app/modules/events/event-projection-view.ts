import type { ServiceStatus } from '~/db/enums'
import { formatNumber, formatTime, intlLocale } from '~/i18n/format'
import type { Locale, Translate } from '~/i18n/i18n'
import type { ReasonWording } from '~/modules/scenarios/reason-text'
import type { ServiceState } from '~/modules/scenarios/engine'
import type { ListPage, ReasonStep, ScenarioTotals } from '~/modules/scenarios/scenario-view'

// An event's projection as the pages show it; shared by the server (which
// builds it) and the browser (which steps through the hours). Hours in a
// chain of reasons are the engine's (from `origin`); the rest count from
// `computedFor`, the "now" of the projection.

export interface ProjectionReportView {
  status: ServiceStatus
  reportedAt: string
  backupHoursLeft: number | null
  expectedRestorationAt: string | null
}

export interface ProjectionOutcome {
  id: string
  name: string
  organisationName: string
  /** The service's newest report, if it has one. */
  report: ProjectionReportView | null
  stateNow: ServiceState
  /** [from, to, state] in hours from now, covering the window. */
  timeline: [number, number, ServiceState][]
  /** When its failure starts, in hours from now: 0 or less, failed since; null, none in the window. */
  failsIn: number | null
  /** How many other services fail in its wake. */
  wake: number
  /** Why it fails: its own reason, then its supplier's, down to the event's loss or a report. */
  reasons: ReasonStep[]
  /** The report at the end of the chain, when the chain ends at a reported failure or a backup running out. */
  rootReport: (ProjectionReportView & { serviceName: string }) | null
}

export interface ProjectionView {
  /** Engine hour 0 (the event's start). */
  origin: string
  /** The projection's "now". */
  computedFor: string
  windowHours: number
  serviceCount: number
  /** Services with a status report: what the projection rests on beside the registry. */
  reportCount: number
  /** Every service not normal throughout the window, failing soonest first, one page of them. */
  outcomes: ListPage<ProjectionOutcome>
  /** Entry w of every array is w hours from now. */
  totals: ScenarioTotals
}

/** What the overview's "Härnäst" needs. */
export interface ProjectionSummaryData {
  eventId: string
  ended: boolean
  computedFor: string | null
  /** The soonest failures ahead, at most five. */
  next: ProjectionOutcome[]
}

const HOUR_MS = 3_600_000

function stockholmDay(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: 'Europe/Stockholm',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(date)
}

/** A clock time in Stockholm, with the day when it is not the reference's: "kl. 16:40", "tors 4 dec. kl. 02:10". */
export function formatClock(t: Translate, locale: Locale, at: Date | string, reference: Date | string): string {
  const date = new Date(at)
  const time = formatTime(locale, date)
  const day = stockholmDay(locale, date)
  return day === stockholmDay(locale, new Date(reference))
    ? t('eventProjection.clock', { time })
    : t('eventProjection.clockDay', { day, time })
}

/** "om 6 h", "nu", "sedan 3 h": a moment in hours from now. */
export function formatFromNow(t: Translate, locale: Locale, hours: number): string {
  if (Math.abs(hours) < 0.05) return t('eventProjection.now')
  return hours > 0
    ? t('eventProjection.inHours', { hours: formatNumber(locale, hours) })
    : t('eventProjection.hoursAgo', { hours: formatNumber(locale, -hours) })
}

/** The instant `hours` from the projection's now. */
export function fromNow(view: Pick<ProjectionView, 'computedFor'>, hours: number): Date {
  return new Date(new Date(view.computedFor).getTime() + hours * HOUR_MS)
}

/** The chain of reasons in clock times, its end told from the report behind it. */
export function projectionWording(
  t: Translate,
  locale: Locale,
  view: Pick<ProjectionView, 'origin' | 'computedFor'>,
  outcome: Pick<ProjectionOutcome, 'rootReport'>,
): ReasonWording {
  const clock = (hours: number) =>
    formatClock(t, locale, new Date(new Date(view.origin).getTime() + hours * HOUR_MS), view.computedFor)
  return {
    time: clock,
    resource: 'eventProjection.reason.resource',
    service: 'eventProjection.reason.service',
    direct: (step) => {
      const report = outcome.rootReport
      const reported = report ? formatClock(t, locale, report.reportedAt, view.computedFor) : ''
      if (report?.status === 'backup')
        return t('eventProjection.reason.reportedBackup', {
          reported,
          hours: formatNumber(locale, report.backupHoursLeft ?? 0),
          failed: clock(step.failedAt),
        })
      if (report?.status === 'failed')
        return report.expectedRestorationAt
          ? t('eventProjection.reason.reportedFailedUntil', {
              reported,
              restoration: formatClock(t, locale, report.expectedRestorationAt, view.computedFor),
            })
          : t('eventProjection.reason.reportedFailed', { reported })
      return t('eventProjection.reason.direct', { failed: clock(step.failedAt) })
    },
  }
}

/** One line for a failure ahead: "Fjärrvärme Solör: reserven slut om 6 h → 4 verksamheter påverkas". */
export function projectionHeadline(t: Translate, locale: Locale, outcome: ProjectionOutcome): string {
  const when = outcome.failsIn === null ? '' : formatFromNow(t, locale, outcome.failsIn)
  const first = outcome.reasons[0]
  const service = outcome.name
  let line: string
  if (outcome.failsIn !== null && outcome.failsIn <= 0) line = t('eventProjection.headline.failedNow', { service })
  else if (first?.kind === 'resource')
    line = t('eventProjection.headline.resource', {
      service,
      resource: t(`resource.${first.resource}`).toLowerCase(),
      when,
    })
  else if (first?.kind === 'service')
    line = t('eventProjection.headline.supplier', { service, supplier: first.serviceName, when })
  else if (first?.kind === 'direct' && outcome.rootReport?.status === 'backup')
    line = t('eventProjection.headline.backupEnds', { service, when })
  else line = t('eventProjection.headline.fails', { service, when })
  if (outcome.wake === 0) return line
  return `${line} ${t('eventProjection.wake', { count: outcome.wake })}`
}
