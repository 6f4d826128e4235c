import type { EventNeed, ServiceStatus } from '~/db/enums'
import { sv as eventWords } from '~/i18n/areas/event'
import { formatDateTime, formatSwedishHours } from '~/i18n/format'

// The event log's line for a status report, in Swedish like the rest of the
// log: the portal writes it once, and every reader sees the same words.

export interface StatusReportLine {
  serviceName: string
  status: ServiceStatus
  backupHoursLeft: number | null
  expectedRestorationAt: Date | null
  needs: readonly EventNeed[]
  needsOther: string
}

/** "Fjärrvärme Solör: På reserv, 10 h kvar, väntas åter 12 dec. 2026 18:00. Behov: reservkraft, drivmedel." */
export function statusReportLogText(report: StatusReportLine): string {
  let text = `${report.serviceName}: ${eventWords[`event.status.${report.status}`]}`
  if (report.status === 'backup' && report.backupHoursLeft !== null)
    text += `, ${formatSwedishHours(report.backupHoursLeft)} h kvar`
  if (report.expectedRestorationAt) text += `, väntas åter ${formatDateTime('sv', report.expectedRestorationAt)}`
  const needs = [
    ...report.needs.map((need) => eventWords[`event.need.${need}`].toLowerCase()),
    ...(report.needsOther.trim() ? [report.needsOther.trim()] : []),
  ]
  if (needs.length > 0) text += `. Behov: ${needs.join(', ')}`
  return text
}
