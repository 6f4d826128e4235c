import type { MandatePeriod } from '~/db/schema/mandate'
import { can, type Action, type Actor } from '~/modules/auth/permissions'
import { stockholmToday } from './deliverable-state'

export type MandateSection = 'calendar' | 'trainingPlan' | 'grant' | 'print' | 'settings'

type PeriodScope = Pick<MandatePeriod, 'id' | 'startYear' | 'endYear' | 'calendarSharedAt'>

/** The year the grant report opens on: this year while the period runs, else its first year. */
export function grantReportYear(period: Pick<MandatePeriod, 'startYear' | 'endYear'>, today: string): number {
  const year = Number(today.slice(0, 4))
  return year >= period.startYear && year <= period.endYear ? year : period.startYear
}

/**
 * The period's sections this user may open, for the layout's links. Whoever
 * reaches the layout reads the calendar; each section's page still checks
 * for itself, the links only leave out what would be refused.
 */
export function mandateSections(
  user: Actor,
  period: PeriodScope,
  today: string = stockholmToday(),
): { key: MandateSection; to: string }[] {
  const base = `/mandatperiod/${period.id}`
  const may = (action: Action) => can(user, action, { shared: period.calendarSharedAt !== null })
  const sections: { key: MandateSection; to: string; shown: boolean }[] = [
    { key: 'calendar', to: base, shown: true },
    { key: 'trainingPlan', to: `${base}/ovningsplan`, shown: may('mandate.read') },
    { key: 'grant', to: `${base}/ersattning/${grantReportYear(period, today)}`, shown: may('mandate.read') },
    { key: 'print', to: `${base}/utskrift`, shown: may('mandate.read') },
    { key: 'settings', to: `${base}/installningar`, shown: may('mandate.manage') },
  ]
  return sections.filter((section) => section.shown).map(({ key, to }) => ({ key, to }))
}
