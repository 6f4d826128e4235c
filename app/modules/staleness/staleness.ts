import type { ContactChannel, ContactFunction } from '~/db/enums'
import { sv } from '~/i18n/sv'
import { contactValueText } from '~/modules/contacts/contact-route-values'

// Which organisations' data needs looking after, and the reminder their
// editors get. Plain functions: the query is in staleness.server.ts.

export type StalenessReason = 'neverConfirmed' | 'confirmationOld' | 'noIsk' | 'noAlwaysRoute' | 'failedCheck'

export const stalenessReasons: readonly StalenessReason[] = [
  'neverConfirmed',
  'confirmationOld',
  'noIsk',
  'noAlwaysRoute',
  'failedCheck',
]

/** A contact route whose latest test call reached nobody. */
export interface FailedRoute {
  id: string
  function: ContactFunction
  channel: ContactChannel
  value: string
  checkedAt: Date
}

export interface OrganisationFacts {
  confirmedAt: Date | null
  hasIsk: boolean
  hasAlwaysRoute: boolean
  failedRoutes: FailedRoute[]
}

/** A second reminder within this time is a double submit, not a new reminder. */
export const REMINDER_REPEAT_MS = 10 * 60_000

/**
 * The moment before which a confirmation is too old: `months` calendar months
 * back, on the last day of a shorter month (31 August − 6 months = 28/29 February).
 */
export function staleBefore(now: Date, months: number): Date {
  const cutoff = new Date(now)
  const day = cutoff.getUTCDate()
  cutoff.setUTCDate(1)
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months)
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate()
  cutoff.setUTCDate(Math.min(day, lastDay))
  return cutoff
}

/** Everything that is wrong with an organisation's data; empty when it is current. */
export function classifyOrganisation(facts: OrganisationFacts, cutoff: Date): StalenessReason[] {
  const reasons: StalenessReason[] = []
  if (facts.confirmedAt === null) reasons.push('neverConfirmed')
  else if (facts.confirmedAt.getTime() < cutoff.getTime()) reasons.push('confirmationOld')
  if (!facts.hasIsk) reasons.push('noIsk')
  if (!facts.hasAlwaysRoute) reasons.push('noAlwaysRoute')
  if (facts.failedRoutes.length > 0) reasons.push('failedCheck')
  return reasons
}

function swedishDate(date: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(date)
}

function describeRoute(route: FailedRoute): string {
  const fn = sv[`contactFunction.${route.function}`]
  const channel = sv[`contactChannel.${route.channel}`].toLowerCase()
  return `${fn}, ${channel} ${contactValueText(route)} (provsamtal ${swedishDate(route.checkedAt)})`
}

export interface ReminderInput {
  organisationName: string
  reasons: StalenessReason[]
  confirmedAt: Date | null
  failedRoutes: FailedRoute[]
  months: number
  /** The organisation's page, `${origin}/organisationer/<id>`. */
  link: string
}

/** The reminder e-mail, in Swedish: what is missing and where to fix it. */
export function reminderMessage(input: ReminderInput): { subject: string; text: string } {
  const lines: string[] = []
  for (const reason of input.reasons) {
    switch (reason) {
      case 'neverConfirmed':
        lines.push('- Uppgifterna har aldrig bekräftats.')
        break
      case 'confirmationOld':
        lines.push(
          `- Uppgifterna bekräftades senast ${input.confirmedAt ? swedishDate(input.confirmedAt) : ''}, för mer än ${input.months} månader sedan.`,
        )
        break
      case 'noIsk':
        lines.push('- Det finns ingen ISK (inriktnings- och samordningskontakt).')
        break
      case 'noAlwaysRoute':
        lines.push('- Det finns ingen kontaktväg som är bemannad dygnet runt (24/7).')
        break
      case 'failedCheck':
        lines.push('- Senaste provsamtalet nådde ingen på:')
        for (const route of input.failedRoutes) lines.push(`  ${describeRoute(route)}`)
        break
    }
  }
  return {
    subject: `Påminnelse: se över uppgifterna för ${input.organisationName}`,
    text: [
      'Hej!',
      '',
      `Du är redaktör för ${input.organisationName} i områdesansvarsportalen. Kommunens säkerhetssamordnare ber dig se över organisationens uppgifter:`,
      '',
      ...lines,
      '',
      'Öppna organisationens sida, rätta det som behövs och tryck på "Bekräfta uppgifter" när allt stämmer:',
      '',
      input.link,
      '',
      'Med vänlig hälsning',
      'Områdesansvarsportalen',
    ].join('\n'),
  }
}
