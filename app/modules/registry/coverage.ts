// How long a dependency is covered: its own margin plus the backup.

/** Hours the service keeps going without the resource: its own margin plus the backup. */
export function coveredHours(dependency: { copesHours: number; backupHours: number | null }): number {
  return dependency.copesHours + (dependency.backupHours ?? 0)
}

/** The service stops before its acceptable outage time has passed. */
export function fallsShort(
  dependency: { copesHours: number; backupHours: number | null },
  acceptableOutageHours: number,
): boolean {
  return coveredHours(dependency) < acceptableOutageHours
}
