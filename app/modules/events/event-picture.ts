import type { EventNeed, ServiceStatus } from '~/db/enums'

// The overview's arithmetic: pure, so the page and its tests agree on it.

const HOUR_MS = 3_600_000

/** Worst first: what the overview lists and draws on top. */
export const statusOrder: readonly ServiceStatus[] = ['failed', 'backup', 'degraded', 'restored', 'normal']

/** When a reported backup runs out: the report's time plus the hours it said were left. */
export function backupEndsAt(reportedAt: Date, backupHoursLeft: number | null): Date | null {
  return backupHoursLeft === null ? null : new Date(reportedAt.getTime() + backupHoursLeft * HOUR_MS)
}

/** Hours of backup left now, to a tenth, never below zero; null when the report gave none. */
export function backupHoursLeftNow(reportedAt: Date, backupHoursLeft: number | null, now: Date): number | null {
  const ends = backupEndsAt(reportedAt, backupHoursLeft)
  if (!ends) return null
  return Math.max(0, Math.floor((ends.getTime() - now.getTime()) / (HOUR_MS / 10)) / 10)
}

export interface ServiceState {
  status: ServiceStatus
  serviceName: string
  organisationName: string
  backupEndsAt: string | null
}

const collator = new Intl.Collator('sv')

/** Worst status first; on backup, the one that runs out first; then by organisation and service. */
export function compareServiceStates(a: ServiceState, b: ServiceState): number {
  const byStatus = statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status)
  if (byStatus !== 0) return byStatus
  if (a.backupEndsAt !== b.backupEndsAt) {
    if (a.backupEndsAt === null) return 1
    if (b.backupEndsAt === null) return -1
    return a.backupEndsAt < b.backupEndsAt ? -1 : 1
  }
  return collator.compare(a.organisationName, b.organisationName) || collator.compare(a.serviceName, b.serviceName)
}

/** A need is open while the service's newest report asks for something and it is not back to normal. */
export function hasOpenNeed(report: {
  status: ServiceStatus
  needs: readonly EventNeed[]
  needsOther: string
}): boolean {
  if (report.status === 'normal' || report.status === 'restored') return false
  return report.needs.length > 0 || report.needsOther.trim() !== ''
}
