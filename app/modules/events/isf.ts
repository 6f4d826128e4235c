import type { EventNeed, ServiceStatus } from '~/db/enums'

// An ISF conference (inriktnings- och samordningsfunktion): a meeting of the
// event's actors with the agenda of MCF/MSB's "Gemensamma grunder för
// samverkan och ledning vid samhällsstörningar". Its minutes are the
// meeting's formatted text with one heading per agenda item, so that the
// meeting page shows them like any other minutes. The texts here are Swedish:
// they are the meeting's and the shared log's record, whatever the reader's
// interface language.

export const ISF_AGENDA = [
  'Lägesbild per aktör',
  'Gemensam lägesbild',
  'Inriktning',
  'Samordning av åtgärder',
  'Information till allmänheten',
  'Nästa konferens',
] as const

export const ISF_DEFAULT_DURATION_MINUTES = 60
export const ISF_DEFAULT_EVERY_HOURS = 4
export const ISF_EXERCISE_PREFIX = 'ÖVNING – '

/** "ISF-konferens 2", the prefix of every log entry written from that conference. */
export function isfName(number: number): string {
  return `ISF-konferens ${number}`
}

export function isfTitle(event: { title: string; exercise: boolean }, number: number): string {
  return `${event.exercise ? ISF_EXERCISE_PREFIX : ''}${isfName(number)}: ${event.title}`
}

/** The conference's number from its title, or null for a title someone changed. */
export function isfNumberOf(title: string): number | null {
  const match = /ISF-konferens (\d{1,6}):/.exec(title)
  return match ? Number(match[1]) : null
}

/** A log entry's text written from conference `number`. */
export function isfLogText(number: number, text: string): string {
  return `${isfName(number)}: ${text}`
}

const heading = (index: number) => `## ${index + 1}. ${ISF_AGENDA[index]}`

/** The minutes as stored: each agenda item a heading, its text below; empty items keep their heading. */
export function composeIsfMinutes(items: readonly string[]): string {
  return ISF_AGENDA.map((_, index) => {
    const text = (items[index] ?? '').replace(/\r\n?/g, '\n').trim()
    return text ? `${heading(index)}\n\n${text}` : heading(index)
  }).join('\n\n')
}

/**
 * The stored minutes split by agenda item. Text before the first heading, or
 * under a heading that is not the agenda's (minutes written on the meeting's
 * own page), goes to the first item, so that nothing is lost on the next save.
 */
export function splitIsfMinutes(minutes: string): string[] {
  const items: string[][] = ISF_AGENDA.map(() => [])
  const stray: string[] = []
  let current = -1
  for (const line of minutes.replace(/\r\n?/g, '\n').split('\n')) {
    const index = ISF_AGENDA.findIndex((_, i) => line.trim() === heading(i))
    if (index >= 0) {
      current = index
      continue
    }
    if (current < 0) stray.push(line)
    else items[current]!.push(line)
  }
  const result = items.map((lines) => lines.join('\n').trim())
  const before = stray.join('\n').trim()
  if (before) result[0] = result[0] ? `${before}\n\n${result[0]}` : before
  return result
}

export interface RoundService {
  organisationId: string
  organisationName: string
  serviceName: string
  status: ServiceStatus
  backupHoursLeft: number | null
  needs: readonly EventNeed[]
  needsOther: string
}

export interface RoundLabels {
  status: (status: ServiceStatus) => string
  need: (need: EventNeed) => string
}

/**
 * Item 1's round of situation pictures, pre-filled from each taking-part
 * organisation's latest status reports: one sub-heading per organisation,
 * one bullet per service (status, backup hours left, needs).
 */
export function roundText(
  organisations: readonly { id: string; name: string }[],
  services: readonly RoundService[],
  labels: RoundLabels,
): string {
  return organisations
    .map((organisation) => {
      const own = services.filter((service) => service.organisationId === organisation.id)
      const lines = own.map((service) => {
        const parts = [labels.status(service.status)]
        if (service.backupHoursLeft !== null)
          parts.push(`reserv ${String(service.backupHoursLeft).replace('.', ',')} h kvar`)
        const needs = [...service.needs.map(labels.need), service.needsOther.trim()].filter(Boolean)
        if (needs.length > 0) parts.push(`behöver ${needs.join(', ')}`)
        return `- ${service.serviceName}: ${parts.join('; ')}`
      })
      return [`### ${organisation.name}`, '', ...(lines.length > 0 ? lines : ['Ingen lägesrapport ännu.'])].join('\n')
    })
    .join('\n\n')
}
