import { z } from 'zod'
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

/** One page of a long list, pages counted from 1. */
export interface ListPage<T> {
  items: T[]
  page: number
  pages: number
  count: number
}

export interface ExceededItem {
  id: string
  name: string
  organisationName: string
  acceptableOutageHours: number
  outageExceededAt: number
}

/** Entry h of every array is the whole hour h, h = 0 … horizonHours. */
export interface ScenarioTotals {
  failed: number[]
  backup: number[]
  degraded: number[]
  recovered: number[]
  peopleServedFailed: number[]
  /** Only the sectors where something fails. */
  failedBySector: Partial<Record<Sector, number[]>>
  /** Styrel class ('1' … '8', 'none'), only those where something fails. */
  failedByStyrel: Record<string, number[]>
}

export interface ScenarioView {
  horizonHours: number
  serviceCount: number
  failures: FailureView[]
  /** The affected services, those that stop first at the top, one page of them. */
  outcomes: ListPage<ServiceOutcome>
  /** Those whose acceptable outage time is passed, in the order it happens, one page of them. */
  exceeded: ListPage<ExceededItem>
  /** Whether any affected service has a site with a position: the map has something to show. */
  hasPositions: boolean
  totals: ScenarioTotals
}

/**
 * The map's dots in a compact form (a county-wide scenario has 100,000 of
 * them): flat arrays of numbers, no objects per dot.
 */
export interface ScenarioDots {
  /** [lat, lng, lat, lng, …], one pair per dot (a site of an affected service). */
  points: number[]
  /** Per dot, its service's course in `courses`. */
  course: number[]
  /** Per affected service: [from, state, from, state, …], state as its index in `serviceStateOrder`. */
  courses: number[][]
}

export const serviceStateOrder = [
  'normal',
  'backup',
  'degraded',
  'failed',
  'recovered',
] as const satisfies readonly ServiceState[]

/** The state code (index in `serviceStateOrder`) of a course at an hour. */
export function courseStateAt(course: readonly number[], hour: number): number {
  let state = 0
  for (let i = 0; i < course.length; i += 2) {
    if (course[i]! > hour) break
    state = course[i + 1]!
  }
  return state
}

/** A service's state at an hour (the last segment's state at the very end). */
export function outcomeStateAt(outcome: Pick<ServiceOutcome, 'timeline'>, hour: number): ServiceState {
  let state: ServiceState = 'normal'
  for (const [from, , segmentState] of outcome.timeline) {
    if (from > hour) break
    state = segmentState
  }
  return state
}

const pageNumber = z.coerce.number().int().min(1).max(1_000_000).catch(1)

/** The result page's list pages: `sida` for the affected services, `overskridna` for those past their limit. */
export function parseResultPages(searchParams: URLSearchParams): { outcomes: number; exceeded: number } {
  return {
    outcomes: pageNumber.parse(searchParams.get('sida') ?? 1),
    exceeded: pageNumber.parse(searchParams.get('overskridna') ?? 1),
  }
}
