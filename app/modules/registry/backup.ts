import type { Resource } from '~/db/enums'

// The one rule for a weak backup, used by the organisation page, the
// dependency graph's weak points and (through the same backup) the scenario
// engine: a dependency is weak when it has no backup with stated hours, or
// when its backup lasts less than the dependent service's acceptable outage
// time. See docs/decisions/011-one-weak-backup-rule.md.

/** Where a dependency's backup comes from: its own, the sites' backup power (electricity only), or none. */
export type BackupSource = 'dependency' | 'site' | 'none'

export interface EffectiveBackup {
  hours: number
  source: BackupSource
}

export type WeakBackupKind = 'none' | 'short'

/** Hours as the rule counts them: missing, negative or not a number is none. */
export function backupHoursOf(value: number | null | undefined): number {
  return value === null || value === undefined || !(value > 0) ? 0 : value
}

/**
 * The backup a dependency has, as the scenario engine counts it: its own
 * stated hours; for electricity without its own, the longest backup power
 * among the service's sites; else none.
 */
export function effectiveBackup(
  dependency: { resource: Resource | null; backupHours: number | null },
  siteBackupHours: number | null | undefined,
): EffectiveBackup {
  if (dependency.backupHours !== null) return { hours: backupHoursOf(dependency.backupHours), source: 'dependency' }
  if (dependency.resource === 'electricity' && siteBackupHours !== null && siteBackupHours !== undefined) {
    return { hours: backupHoursOf(siteBackupHours), source: 'site' }
  }
  return { hours: 0, source: 'none' }
}

/** Why a backup is a weak point, or null when it lasts the acceptable outage time. */
export function backupWeakness(backup: EffectiveBackup, acceptableOutageHours: number): WeakBackupKind | null {
  if (backup.hours <= 0) return 'none'
  if (backup.hours < acceptableOutageHours) return 'short'
  return null
}
