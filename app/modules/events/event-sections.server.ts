import type { SessionUser } from '~/modules/auth/sessions.server'
import { actingOrganisationIds, canOnEvent, eventEnded, type EventScope } from './event-access.server'

export type EventSection =
  | 'overview'
  | 'log'
  | 'messages'
  | 'callout'
  | 'report'
  | 'projection'
  | 'situationReports'
  | 'isf'
  | 'lead'
  | 'evaluation'

/**
 * The event's sections this user may open, for the layout's links. Each
 * section's page still checks for itself: the links only leave out what
 * would be refused.
 */
export function eventSections(
  user: SessionUser,
  event: EventScope & { id: string; endedAt: Date | null },
): { key: EventSection; to: string }[] {
  const base = `/handelser/${event.id}`
  const manage = canOnEvent(user, 'event.manage', event)
  // Reporting is for one's own organisation while it takes part, and only while the event goes on.
  const report = event.endedAt === null && actingOrganisationIds(user, event, 'event.report').length > 0
  const sections: { key: EventSection; to: string; shown: boolean }[] = [
    { key: 'overview', to: base, shown: true },
    { key: 'log', to: `${base}/logg`, shown: true },
    { key: 'messages', to: `${base}/budskap`, shown: true },
    { key: 'callout', to: `${base}/utlarmning`, shown: manage },
    { key: 'report', to: `${base}/rapportera`, shown: report },
    { key: 'projection', to: `${base}/prognos`, shown: true },
    { key: 'situationReports', to: `${base}/lagesrapporter`, shown: true },
    { key: 'isf', to: `${base}/isf`, shown: true },
    { key: 'lead', to: `${base}/ledning`, shown: manage },
    { key: 'evaluation', to: `${base}/utvardering`, shown: eventEnded(event) },
  ]
  return sections.filter((section) => section.shown).map(({ key, to }) => ({ key, to }))
}
