import type { RsaNarrative } from '~/db/schema/rsa'

/** MSBFS 2015:5's seven parts of a municipal RSA report, in order. */
export const reportParts = [
  'area',
  'process',
  'services',
  'dependencies',
  'risks',
  'vulnerabilities',
  'measures',
] as const
export type ReportPart = (typeof reportParts)[number]

export const NARRATIVE_MAX = 20_000

/**
 * The report is due to the county board by 31 October of the first calendar
 * year after an ordinary election, which is the first year of the mandate period.
 */
export function reportDeadline(periodStart: number): string {
  return `${periodStart}-10-31`
}

/** Whole days from `today` to the deadline; negative once it has passed. */
export function daysUntil(deadline: string, today: Date): number {
  const end = Date.UTC(Number(deadline.slice(0, 4)), Number(deadline.slice(5, 7)) - 1, Number(deadline.slice(8, 10)))
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  return Math.round((end - start) / 86_400_000)
}

export interface MissingItems {
  /** Participating organisations that have not marked every event as done. */
  organisations: { id: string; name: string; submitted: number }[]
  narrativeParts: ReportPart[]
  eventsWithoutRisk: string[]
}

export function missingItems(input: {
  progress: { organisationId: string; name: string; submitted: number; complete: boolean }[]
  narrative: RsaNarrative
  risks: { title: string; cell: unknown }[]
}): MissingItems {
  return {
    organisations: input.progress
      .filter((row) => !row.complete)
      .map((row) => ({ id: row.organisationId, name: row.name, submitted: row.submitted })),
    narrativeParts: reportParts.filter((part) => !(input.narrative[part] ?? '').trim()),
    eventsWithoutRisk: input.risks.filter((risk) => risk.cell === null).map((risk) => risk.title),
  }
}
