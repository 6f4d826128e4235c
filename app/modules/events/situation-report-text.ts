import type { SituationReportContent } from '~/db/schema/events'

// A situation report (lägesrapport) as text: the four headings the law asks
// for (2006:544), laid out to paste into WIS, which has no public import; and
// what changed since the previous report, heading by heading. Pure: the
// database work is in situation-reports.server.ts.

export const situationHeadings = ['development', 'state', 'expected', 'measures'] as const
export type SituationHeading = (typeof situationHeadings)[number]

/** The statutory wording of each heading; the report is a Swedish document to Länsstyrelsen. */
export const headingTitles: Record<SituationHeading, string> = {
  development: 'Händelseutveckling',
  state: 'Tillstånd',
  expected: 'Förväntad utveckling',
  measures: 'Vidtagna och planerade åtgärder',
}

/** A time as the report prints it: Stockholm time, "2026-12-06 09:40". */
export function stockholmTime(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date)
}

export interface SituationReportDocument {
  number: number
  title: string
  exercise: boolean
  content: SituationReportContent
  /** When it was frozen (ISO instant). */
  frozenAt: string
}

/** The plain-text version: ÖVNING first for an exercise, headings in capitals, times in Stockholm time. */
export function situationReportText(report: SituationReportDocument): string {
  const { content } = report
  const lines: string[] = []
  if (report.exercise) lines.push('ÖVNING – ÖVNING – ÖVNING', '')
  lines.push(`${report.exercise ? 'ÖVNING – ' : ''}LÄGESRAPPORT ${report.number}: ${report.title}`, '')
  lines.push(`Avsändare: ${content.sender}`)
  lines.push(`Lägestidpunkt: ${stockholmTime(content.situationAt)}`)
  lines.push(`Fastställd: ${stockholmTime(report.frozenAt)}`)
  lines.push(`Nästa lägesrapport: ${content.nextReportAt ? stockholmTime(content.nextReportAt) : 'Ej bestämd'}`)
  lines.push(`Kontakt: ${content.contact}`)
  for (const heading of situationHeadings) {
    lines.push('', headingTitles[heading].toLocaleUpperCase('sv-SE'), content[heading].trim() || '–')
  }
  if (report.exercise) lines.push('', 'ÖVNING – ÖVNING – ÖVNING')
  return `${lines.join('\n').replace(/\r\n?/g, '\n')}\n`
}

/** The mail subject: "ÖVNING – Lägesrapport 2: Stormen Ylva" for an exercise. */
export function situationReportSubject(report: Pick<SituationReportDocument, 'number' | 'title' | 'exercise'>): string {
  return `${report.exercise ? 'ÖVNING – ' : ''}Lägesrapport ${report.number}: ${report.title}`
}

export interface HeadingChange {
  heading: SituationHeading
  added: string[]
  removed: string[]
}

const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')

/** What changed since the previous report, per heading: lines added and removed (a changed line is both). */
export function reportDiff(
  previous: Pick<SituationReportContent, SituationHeading> | null,
  current: Pick<SituationReportContent, SituationHeading>,
): HeadingChange[] {
  return situationHeadings.flatMap((heading) => {
    const before = linesOf(previous?.[heading] ?? '')
    const after = linesOf(current[heading])
    const remaining = new Map<string, number>()
    for (const line of before) remaining.set(line, (remaining.get(line) ?? 0) + 1)
    const added: string[] = []
    for (const line of after) {
      const left = remaining.get(line) ?? 0
      if (left > 0) remaining.set(line, left - 1)
      else added.push(line)
    }
    const kept = new Map<string, number>()
    for (const line of after) kept.set(line, (kept.get(line) ?? 0) + 1)
    const removed: string[] = []
    for (const line of before) {
      const left = kept.get(line) ?? 0
      if (left > 0) kept.set(line, left - 1)
      else removed.push(line)
    }
    return added.length + removed.length > 0 ? [{ heading, added, removed }] : []
  })
}

/** A bulleted line, as the draft's headings are written. */
export const bullet = (text: string) => `– ${text.replace(/\s+/g, ' ').trim()}`

/** "1 200" people, as Swedish prints numbers. */
export const count = (value: number) => new Intl.NumberFormat('sv-SE').format(Math.round(value)).replace(/\u00a0/g, ' ')
