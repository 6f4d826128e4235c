import type { DeliverableKind, DeliverableState } from '~/db/enums'
import type { Translate } from '~/i18n/i18n'
import { daysBetween, isMilestoneOnly, shownState, type ShownState } from './deliverable-state'

// The calendar (årshjul) as its readers see it: each deliverable's state on
// the day, the RSA's read from the RSA pages, the year it falls in, and the
// counts at the top.

/** What the RSA pages say of the period's analysis (the one of its first year) and its follow-ups. */
export interface RsaFacts {
  analysis: {
    id: string
    submitted: number
    expected: number
    /** The Stockholm day the results were shared; null while they are not. */
    sharedOn: string | null
    /** Whether this reader may open the analysis. */
    readable: boolean
  } | null
  /** Year → the Stockholm day that year's follow-up was recorded. */
  followUps: Record<number, string>
}

export const noRsa: RsaFacts = { analysis: null, followUps: {} }

/** What the RSA pages say, as a row of the calendar shows it. */
export type RsaDetail =
  | { kind: 'none' }
  | { kind: 'progress'; submitted: number; expected: number }
  | { kind: 'shared'; on: string }
  | { kind: 'followedUp'; on: string }
  | { kind: 'notFollowedUp' }

export interface DeliverableStatus {
  /** The stored state, or for the RSA and its follow-ups the one read from the RSA pages. */
  state: DeliverableState
  shown: ShownState
  rsa: RsaDetail | null
}

/** The RSA and its yearly follow-ups: their state is never typed, it is read from the RSA pages. */
export function isRsaKind(kind: DeliverableKind): boolean {
  return kind === 'rsa' || kind === 'rsa_follow_up'
}

interface StatusInput {
  kind: DeliverableKind
  state: DeliverableState
  dueDate: string | null
  year: number | null
}

function rsaStatus(deliverable: StatusInput, rsa: RsaFacts): { state: DeliverableState; rsa: RsaDetail } {
  const { analysis } = rsa
  if (deliverable.kind === 'rsa') {
    if (!analysis) return { state: 'not_started', rsa: { kind: 'none' } }
    if (analysis.sharedOn) return { state: 'done', rsa: { kind: 'shared', on: analysis.sharedOn } }
    return {
      state: 'in_progress',
      rsa: { kind: 'progress', submitted: analysis.submitted, expected: analysis.expected },
    }
  }
  if (!analysis) return { state: 'not_started', rsa: { kind: 'none' } }
  const year = deliverable.year ?? (deliverable.dueDate ? Number(deliverable.dueDate.slice(0, 4)) : null)
  const on = year === null ? undefined : rsa.followUps[year]
  return on
    ? { state: 'done', rsa: { kind: 'followedUp', on } }
    : { state: 'not_started', rsa: { kind: 'notFollowedUp' } }
}

export function deliverableStatus(deliverable: StatusInput, rsa: RsaFacts, today: string): DeliverableStatus {
  if (!isRsaKind(deliverable.kind)) {
    return { state: deliverable.state, shown: shownState(deliverable, today), rsa: null }
  }
  const derived = rsaStatus(deliverable, rsa)
  return { ...derived, shown: shownState({ state: derived.state, dueDate: deliverable.dueDate }, today) }
}

export interface CalendarEntry {
  id: string
  kind: DeliverableKind
  title: string
  dueDate: string | null
  shown: ShownState
  /** For the RSA and its follow-ups: what the RSA pages say. */
  rsa: RsaDetail | null
  ownerOrganisationName: string | null
  /** The rest only for the whole period's readers (null otherwise). */
  ownerName: string | null
  decision: { adoptedBy: string; adoptedOn: string | null; decisionReference: string } | null
  documentCount: number | null
  /** Whether the reader may open the deliverable's page. */
  opens: boolean
}

export interface CalendarSummary {
  total: number
  done: number
  overdue: number
  /** Not done, not overdue, due within the coming `days` days. */
  dueSoon: number
}

export const DUE_SOON_DAYS = 60

export function calendarSummary(
  rows: readonly { shown: ShownState; dueDate: string | null }[],
  today: string,
  days = DUE_SOON_DAYS,
): CalendarSummary {
  const dueSoon = (row: { shown: ShownState; dueDate: string | null }) =>
    row.shown !== 'done' && row.shown !== 'overdue' && row.dueDate !== null && daysBetween(today, row.dueDate) <= days
  return {
    total: rows.length,
    done: rows.filter((row) => row.shown === 'done').length,
    overdue: rows.filter((row) => row.shown === 'overdue').length,
    dueSoon: rows.filter(dueSoon).length,
  }
}

/** The calendar by the year of each due date, in order; the undated ("during the period") last. */
export function groupByYear<T extends { dueDate: string | null }>(
  rows: readonly T[],
): { year: number | null; rows: T[] }[] {
  const groups = new Map<number | null, T[]>()
  for (const row of rows) {
    const year = row.dueDate ? Number(row.dueDate.slice(0, 4)) : null
    groups.set(year, [...(groups.get(year) ?? []), row])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([year, grouped]) => ({ year, rows: grouped }))
}

type DecisionInput = { kind: DeliverableKind; adoptedBy: string; adoptedOn: string | null; decisionReference: string }

/** The decision's parts as they are written: who adopted it, the day, the paragraph; null when none is recorded. */
export function decisionParts(
  t: Translate,
  deliverable: DecisionInput,
): { head: string; date: string | null; reference: string | null } | null {
  const { adoptedBy, adoptedOn, decisionReference } = deliverable
  if (!adoptedBy && !adoptedOn && !decisionReference) return null
  const milestone = isMilestoneOnly(deliverable.kind)
  const head = adoptedBy
    ? t(milestone ? 'mandateCalendar.decision.decidedBy' : 'mandateCalendar.decision.adoptedBy', { by: adoptedBy })
    : t(milestone ? 'mandateCalendar.decision.decided' : 'mandateCalendar.decision.adopted')
  return { head, date: adoptedOn, reference: decisionReference || null }
}

/** "Antagen av kommunfullmäktige 2027-03-14, § 23": null when nothing of the decision is recorded. */
export function decisionText(t: Translate, deliverable: DecisionInput): string | null {
  const parts = decisionParts(t, deliverable)
  if (!parts) return null
  return `${parts.head}${parts.date ? ` ${parts.date}` : ''}${parts.reference ? `, ${parts.reference}` : ''}`
}

/** What the RSA pages say, in words. */
export function rsaDetailText(t: Translate, detail: RsaDetail): string {
  switch (detail.kind) {
    case 'none':
      return t('mandateCalendar.rsa.none')
    case 'progress':
      return t('mandateCalendar.rsa.progress', { submitted: detail.submitted, expected: detail.expected })
    case 'shared':
      return t('mandateCalendar.rsa.shared', { date: detail.on })
    case 'followedUp':
      return t('mandateCalendar.rsa.followedUp', { date: detail.on })
    case 'notFollowedUp':
      return t('mandateCalendar.rsa.notFollowedUp')
  }
}
