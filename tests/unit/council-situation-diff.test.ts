import { describe, expect, it } from 'vitest'
import { compareSnapshots } from '../../app/modules/council/situation-diff'
import type { SituationSnapshot } from '../../app/modules/council/situation-snapshot'

const base: SituationSnapshot = {
  councilName: 'Lokalt BRÅ Vårgårda',
  title: 'Lägesbild hösten 2026',
  periodFrom: '2026-09-01',
  periodTo: '2026-11-30',
  analysis: 'Klottret har ökat kring stationen.',
  otherInformation: '',
  totals: { count: 12, previous: 8, lastYear: 10 },
  byArea: [
    { key: 'a', name: 'Centrum', count: 7, previous: 5, lastYear: 6 },
    { key: 'outside', name: '', count: 5, previous: 3, lastYear: 4 },
  ],
  byCategory: [{ key: 'k', name: 'Klotter', count: 12, previous: 8, lastYear: 10 }],
  trend: { months: ['2026-11'], series: [] },
  statistics: [{ source: 'Polisen', kind: 'crime_statistics', category: 'Skadegörelse', area: 'Centrum', count: 4 }],
  survey: { years: [2025], questions: [] },
  hotSpots: [],
  hotSpotMetres: 250,
  measures: [
    {
      title: 'Bättre belysning',
      kind: 'situational',
      measureType: 'lighting',
      place: 'Centrum',
      responsible: 'Vårgårda kommun',
      startDate: '2026-10-01',
      followUpDate: '2027-01-15',
      state: 'planned',
      assessment: null,
    },
  ],
}

describe('compareSnapshots', () => {
  it('finds nothing between equal versions', () => {
    expect(compareSnapshots(base, structuredClone(base))).toEqual([])
  })

  it('names changed counts, text, statistics and measures', () => {
    const next = structuredClone(base)
    next.analysis = 'Klottret har minskat.'
    next.totals.count = 11
    next.byArea[0]!.count = 6
    next.byArea.push({ key: 'b', name: 'Kullen', count: 1, previous: 0, lastYear: 0 })
    next.byArea[1]!.count = 4
    next.statistics[0]!.count = 6
    next.measures[0]!.state = 'ongoing'
    next.measures[0]!.assessment = 'partly'
    next.measures.push({ ...base.measures[0]!, title: 'Röjning av buskage' })
    expect(compareSnapshots(base, next)).toEqual([
      { kind: 'analysis' },
      { kind: 'total', before: 12, after: 11 },
      { kind: 'area', name: 'Centrum', before: 7, after: 6 },
      { kind: 'area', name: '', before: 5, after: 4 },
      { kind: 'area', name: 'Kullen', before: 0, after: 1 },
      { kind: 'statistics', name: 'Polisen: Skadegörelse, Centrum', before: 4, after: 6 },
      { kind: 'measureState', title: 'Bättre belysning', before: 'planned', after: 'ongoing' },
      { kind: 'measureAssessment', title: 'Bättre belysning', before: null, after: 'partly' },
      { kind: 'measureAdded', title: 'Röjning av buskage' },
    ])
  })

  it('notices a removed measure and a changed period', () => {
    const next = structuredClone(base)
    next.measures = []
    next.periodTo = '2026-12-31'
    expect(compareSnapshots(base, next)).toEqual([
      { kind: 'period', before: '2026-09-01 – 2026-11-30', after: '2026-09-01 – 2026-12-31' },
      { kind: 'measureRemoved', title: 'Bättre belysning' },
    ])
  })
})
