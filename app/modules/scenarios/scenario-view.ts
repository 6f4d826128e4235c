import type { Resource, Sector } from '~/db/enums'
import type { BackupSource, ServiceState } from './engine'

// A scenario's result as the pages show it; shared by the server (which
// builds it) and the browser (which steps through the hours).

export type ReasonStep =
  | { kind: 'direct'; failedAt: number }
  | {
      kind: 'resource'
      resource: Resource
      lostAt: number
      backupHours: number
      backupSource: BackupSource
      copesHours: number
      failedAt: number
    }
  | {
      kind: 'service'
      serviceId: string
      serviceName: string
      organisationName: string
      lostAt: number
      backupHours: number
      backupSource: BackupSource
      copesHours: number
      failedAt: number
    }

export interface ServiceOutcome {
  id: string
  name: string
  organisationId: string
  organisationName: string
  sector: Sector
  styrelClass: number | null
  peopleServed: number | null
  acceptableOutageHours: number
  /** [from, to, state], covering the whole scenario. */
  timeline: [number, number, ServiceState][]
  firstFailedAt: number | null
  outageExceededAt: number | null
  /** Why it first stopped: its own reason, then its supplier's, down to a resource. Empty if it never stopped. */
  reasons: ReasonStep[]
  /** Its sites with a position, [lat, lng]. */
  positions: [number, number][]
}

export interface FailureView {
  target: { kind: 'resource'; resource: Resource } | { kind: 'service'; name: string; organisationName: string }
  scope:
    | { kind: 'everywhere' }
    | { kind: 'organisations'; names: string[] }
    | { kind: 'sites'; count: number }
    | { kind: 'area'; count: number }
  startHour: number
  durationHours: number | null
}

export interface ScenarioView {
  horizonHours: number
  serviceCount: number
  failures: FailureView[]
  /** The affected services, those that stop first at the top. */
  outcomes: ServiceOutcome[]
  /** Entry h is the whole hour h, h = 0 … horizonHours. */
  totals: {
    failed: number[]
    backup: number[]
    degraded: number[]
    recovered: number[]
    peopleServedFailed: number[]
  }
}

/** A service's state at an hour (the last segment's state at the very end). */
export function outcomeStateAt(outcome: ServiceOutcome, hour: number): ServiceState {
  let state: ServiceState = 'normal'
  for (const [from, , segmentState] of outcome.timeline) {
    if (from > hour) break
    state = segmentState
  }
  return state
}

/** Hours as people read them: whole numbers plainly, others with one decimal (a comma in Swedish). */
export function formatHours(locale: string, hours: number): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 }).format(hours)
}
