/**
 * What a frozen situation picture (lägesbild) holds: the mapping, the other
 * information and the analysis as they were when it was frozen. Stored as
 * JSON so that later edits, deletions and the retention job cannot change it.
 */
export interface CountRow {
  name: string
  count: number
  previous: number
  lastYear: number
}

export interface SituationSnapshot {
  councilName: string
  title: string
  periodFrom: string
  periodTo: string
  analysis: string
  otherInformation: string
  totals: { count: number; previous: number; lastYear: number }
  byArea: CountRow[]
  byCategory: CountRow[]
  /** Twelve months up to the period's end, per category. */
  trend: { months: string[]; series: { name: string; counts: number[] }[] }
  /** Imported statistics summed over the period, per source and category. */
  statistics: { source: string; category: string; count: number }[]
  /** The latest safety survey results per area and question. */
  survey: { year: number; area: string; question: string; share: number }[]
  /** Grid cells with the most reports, coarsened: [lat, lng, count]. */
  hotSpots: [number, number, number][]
  measures: {
    title: string
    kind: string
    measureType: string
    area: string
    responsible: string
    startDate: string
    followUpDate: string
    state: string
  }[]
}
