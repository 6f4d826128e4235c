import { grantCategories, type GrantCategory, type MeetingKind } from '~/db/enums'
import type { Translate } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import type { CsvCell } from '~/modules/text/csv'

// The yearly report on the use of the state grant (ersättning enligt
// förordningen 2006:637), by the categories MSB asks for: what the portal
// knows of the year (meetings, exercises, evaluations, the RSA, situation
// reports) and the coordinator's own entries, each with hours and cost where
// known. Pure: the rows come from grant-report.server.ts.

/**
 * What kind of meeting counts as which activity. A council meeting (lokalt
 * BRÅ) is crime prevention, which the crisis-preparedness grant does not pay
 * for, so it is left out. A Record, so a new meeting kind does not compile
 * without a decision here.
 */
const meetingCategories: Record<MeetingKind, GrantCategory | null> = {
  rsa_workshop: 'risk_analysis',
  theme_day: 'training',
  network_meeting: 'cooperation',
  exercise: 'exercises',
  training: 'training',
  isf_conference: 'cooperation',
  council_meeting: null,
}

export function meetingGrantCategory(kind: MeetingKind): GrantCategory | null {
  return meetingCategories[kind]
}

/** The meeting kinds the report lists. */
export const countedMeetingKinds = (Object.keys(meetingCategories) as MeetingKind[]).filter(
  (kind) => meetingCategories[kind] !== null,
)

/** Where a row of the report comes from: something the portal knows, or an entry of the coordinator's. */
export type ActivityOrigin =
  | { kind: 'meeting'; meetingId: string; meetingKind: MeetingKind }
  | { kind: 'exercise_event'; eventId: string }
  | { kind: 'evaluation'; eventId: string }
  | { kind: 'rsa_shared'; analysisId: string }
  | { kind: 'rsa_follow_up'; analysisId: string }
  /** The situation reports of one event sent in the year: one row per event, not one per report. */
  | { kind: 'situation_reports'; eventId: string; reports: number }
  | { kind: 'own'; entryId: string }

export interface GrantActivity {
  /** Unique within the report, e.g. "meeting:<id>". */
  key: string
  category: GrantCategory
  /** `YYYY-MM-DD` in Stockholm; null for an own entry that concerns the whole year. */
  date: string | null
  /** The meeting's, event's or analysis's title, or the own entry's. */
  title: string
  origin: ActivityOrigin
  /** The taking-part organisations' names. */
  participants: string[]
  /** Recorded attendance (people), for a meeting; null where the portal records none. */
  attendance: number | null
  hours: number | null
  /** Whole kronor. */
  cost: number | null
  notes: string
  /** The grant entry holding the hours and cost (an own entry, or a meeting's); null while there is none. */
  entry: { id: string; version: number } | null
}

export interface PeriodYears {
  startYear: number
  endYear: number
}

/** The years of the period, first to last. */
export function periodYears(period: PeriodYears): number[] {
  return Array.from({ length: period.endYear - period.startYear + 1 }, (_, index) => period.startYear + index)
}

export function isPeriodYear(period: PeriodYears, year: number): boolean {
  return Number.isInteger(year) && year >= period.startYear && year <= period.endYear
}

/** Date order, undated (whole-year) entries last, then by title. */
export function sortActivities<T extends GrantActivity>(activities: readonly T[]): T[] {
  return [...activities].sort(
    (a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      a.title.localeCompare(b.title, 'sv') ||
      a.key.localeCompare(b.key),
  )
}

/** The categories that have activities, in MSB's order, each with its activities in date order. */
export function groupByCategory<T extends GrantActivity>(activities: readonly T[]) {
  const sorted = sortActivities(activities)
  return grantCategories
    .map((category) => ({ category, activities: sorted.filter((activity) => activity.category === category) }))
    .filter((group) => group.activities.length > 0)
}

export interface GrantTotal {
  activities: number
  hours: number
  cost: number
}

/**
 * Per category (every one, in MSB's order, also those with nothing) and
 * overall: the number of activities and the known hours and cost. Hours are
 * summed in tenths, so 0.1 + 0.2 is 0.3 and not 0.30000000000000004.
 */
export function grantTotals(activities: readonly GrantActivity[]): {
  categories: ({ category: GrantCategory } & GrantTotal)[]
  overall: GrantTotal
} {
  const sum = (rows: readonly GrantActivity[]): GrantTotal => ({
    activities: rows.length,
    hours: rows.reduce((tenths, row) => tenths + Math.round((row.hours ?? 0) * 10), 0) / 10,
    cost: rows.reduce((total, row) => total + (row.cost ?? 0), 0),
  })
  return {
    categories: grantCategories.map((category) => ({
      category,
      ...sum(activities.filter((activity) => activity.category === category)),
    })),
    overall: sum(activities),
  }
}

const originLabels: Record<Exclude<ActivityOrigin['kind'], 'meeting' | 'own'>, MessageKey> = {
  exercise_event: 'grantReport.kind.exerciseEvent',
  evaluation: 'grantReport.kind.evaluation',
  rsa_shared: 'grantReport.kind.rsaShared',
  rsa_follow_up: 'grantReport.kind.rsaFollowUp',
  situation_reports: 'grantReport.kind.situationReports',
}

/** What the activity is ("Temadag", "RSA sammanställd och delad" …); empty for an own entry, whose title says it. */
export function activityKind(t: Translate, origin: ActivityOrigin): string {
  if (origin.kind === 'own') return ''
  if (origin.kind === 'meeting') return t(`meeting.kind.${origin.meetingKind}`)
  return t(originLabels[origin.kind])
}

/** The activity as one line: "Temadag: Elavbrott", "Lägesrapporter till Länsstyrelsen: Storm (3 lägesrapporter)". */
export function activityText(t: Translate, activity: Pick<GrantActivity, 'title' | 'origin'>): string {
  const kind = activityKind(t, activity.origin)
  const text = kind ? `${kind}: ${activity.title}` : activity.title
  return activity.origin.kind === 'situation_reports' ? `${text} (${reportCount(t, activity.origin.reports)})` : text
}

export function reportCount(t: Translate, reports: number): string {
  return t('grantReport.reportCount', { count: reports })
}

/** "Vårgårda kommun, Solör Bioenergi (12 närvarande)". */
export function participantsText(t: Translate, activity: Pick<GrantActivity, 'participants' | 'attendance'>): string {
  const names = activity.participants.join(', ')
  if (!activity.attendance) return names
  const present = t('grantReport.attendance', { count: activity.attendance })
  return names ? `${names} (${present})` : present
}

export function sourceLabel(t: Translate, origin: ActivityOrigin): string {
  return t(origin.kind === 'own' ? 'grantReport.source.own' : 'grantReport.source.portal')
}

/** The report's rows for the one CSV writer: kategori, datum, aktivitet, deltagare, timmar, kostnad, källa. */
export function grantReportCsvRows(t: Translate, activities: readonly GrantActivity[]): CsvCell[][] {
  const header: CsvCell[] = [
    t('grantReport.csv.category'),
    t('grantReport.csv.date'),
    t('grantReport.csv.activity'),
    t('grantReport.csv.participants'),
    t('grantReport.csv.hours'),
    t('grantReport.csv.cost'),
    t('grantReport.csv.source'),
  ]
  const rows = groupByCategory(activities).flatMap(({ category, activities: rows }) =>
    rows.map((activity): CsvCell[] => [
      t(`grant.category.${category}`),
      activity.date ?? '',
      activityText(t, activity),
      participantsText(t, activity),
      activity.hours,
      activity.cost,
      sourceLabel(t, activity.origin),
    ]),
  )
  return [header, ...rows]
}
