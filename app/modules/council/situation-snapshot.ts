import type { SurveyTrendData } from './survey'

/**
 * What a frozen situation picture (lägesbild) holds: the mapping, the other
 * information and the analysis as they were when it was frozen. Stored as
 * JSON so that later edits, deletions and the retention job cannot change it.
 * Shaped for the same components that show the live data.
 */
export interface CountRow {
  key: string
  name: string
  count: number
  previous: number
  lastYear: number
}

export interface SnapshotMeasure {
  title: string
  kind: string
  measureType: string
  place: string
  responsible: string
  startDate: string
  followUpDate: string
  state: string
  assessment: string | null
}

export interface SituationSnapshot {
  councilName: string
  title: string
  periodFrom: string
  /** The last day of the period. */
  periodTo: string
  analysis: string
  otherInformation: string
  totals: { count: number; previous: number; lastYear: number }
  byArea: CountRow[]
  byCategory: CountRow[]
  /** Twelve months up to the period's end, per category. */
  trend: { months: string[]; series: { categoryId: string; name: string; counts: number[] }[] }
  /** Imported statistics summed over the period's months, per source, category and area. */
  statistics: { source: string; kind: string; category: string; area: string | null; count: number }[]
  /** The safety survey up to the period's end. */
  survey: SurveyTrendData
  /** The grid cells with the most reports, by their centres (never a report's own position). */
  hotSpots: { lat: number; lng: number; count: number }[]
  hotSpotMetres: number
  measures: SnapshotMeasure[]
}
