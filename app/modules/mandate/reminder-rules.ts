import type { DeliverableState } from '~/db/enums'
import { sv as mandateWords } from '~/i18n/areas/mandate'
import { formatDate } from '~/i18n/format'
import { REMINDER_DAYS } from './deliverable-state'

// When a deliverable is reminded of, and the mail that says so. The mail is
// in Swedish: the portal does not know which language a recipient reads, and
// the network's working language is Swedish.

/**
 * The reminder due `daysUntil` days before the due date: the most urgent lead
 * time that has begun (7 within a week, else 30 within a month), or null
 * before the first and after the due date. So a deliverable created five days
 * before its due date gets only the 7-day reminder, and once the 7-day one is
 * due the 30-day one never is.
 */
export function reminderDue(daysUntil: number): (typeof REMINDER_DAYS)[number] | null {
  if (daysUntil < 0) return null
  const leads = [...REMINDER_DAYS].sort((a, b) => a - b)
  return leads.find((lead) => daysUntil <= lead) ?? null
}

/** The furthest lead time: nothing due later than this many days ahead is reminded of today. */
export const LONGEST_REMINDER_DAYS = Math.max(...REMINDER_DAYS)

function inDays(days: number): string {
  if (days === 0) return 'i dag'
  if (days === 1) return 'i morgon'
  return `om ${days} dagar`
}

export function reminderMailText(input: {
  title: string
  periodTitle: string
  dueDate: string
  state: DeliverableState
  daysUntil: number
  ownerName: string | null
  /** The deliverable's page in the portal (absolute, from the portal's own origin). */
  link: string
}): { subject: string; text: string } {
  const date = formatDate('sv', input.dueDate)
  const lines = [
    'Hej!',
    '',
    `"${input.title}" i mandatperioden ${input.periodTitle} ska vara klar ${date}, ${inDays(input.daysUntil)}.`,
    '',
    `Status: ${mandateWords[`mandate.state.${input.state}`]}`,
    `Ansvarig: ${input.ownerName ?? 'ingen utsedd'}`,
    '',
    `Leveransen i portalen (kräver inloggning): ${input.link}`,
    '',
    `Du får påminnelsen som ansvarig för leveransen eller som samordnare. Påminnelser skickas ${REMINDER_DAYS.join(' och ')} dagar före sista dag.`,
  ]
  return { subject: `Påminnelse: ${input.title} ska vara klar ${date}`, text: lines.join('\n') }
}
