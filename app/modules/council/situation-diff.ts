import type { CountRow, SituationSnapshot } from './situation-snapshot'

// "What changed since the last version" of a situation picture: a list of
// plain facts, compared field by field. Pure: no database, no language; the
// page words each change.

export type SnapshotChange =
  | { kind: 'title' | 'period'; before: string; after: string }
  | { kind: 'analysis' | 'otherInformation' | 'survey' }
  | { kind: 'total'; before: number; after: number }
  | { kind: 'area' | 'category'; name: string; before: number; after: number }
  | { kind: 'statistics'; name: string; before: number; after: number }
  | { kind: 'measureAdded' | 'measureRemoved'; title: string }
  | { kind: 'measureState'; title: string; before: string; after: string }
  | { kind: 'measureAssessment'; title: string; before: string | null; after: string | null }

function countChanges(kind: 'area' | 'category', before: CountRow[], after: CountRow[]): SnapshotChange[] {
  const changes: SnapshotChange[] = []
  const earlier = new Map(before.map((row) => [row.key, row]))
  const keys = new Set([...before.map((row) => row.key), ...after.map((row) => row.key)])
  for (const key of keys) {
    const old = earlier.get(key)
    const now = after.find((row) => row.key === key)
    if ((old?.count ?? 0) !== (now?.count ?? 0)) {
      changes.push({ kind, name: now?.name ?? old?.name ?? '', before: old?.count ?? 0, after: now?.count ?? 0 })
    }
  }
  return changes
}

function statisticsTotals(snapshot: SituationSnapshot): Map<string, number> {
  const totals = new Map<string, number>()
  for (const row of snapshot.statistics) {
    const name = `${row.source}: ${row.category}${row.area ? `, ${row.area}` : ''}`
    totals.set(name, (totals.get(name) ?? 0) + row.count)
  }
  return totals
}

export function compareSnapshots(before: SituationSnapshot, after: SituationSnapshot): SnapshotChange[] {
  const changes: SnapshotChange[] = []
  if (before.title !== after.title) changes.push({ kind: 'title', before: before.title, after: after.title })
  const period = (s: SituationSnapshot) => `${s.periodFrom} – ${s.periodTo}`
  if (period(before) !== period(after)) changes.push({ kind: 'period', before: period(before), after: period(after) })
  if (before.analysis !== after.analysis) changes.push({ kind: 'analysis' })
  if (before.otherInformation !== after.otherInformation) changes.push({ kind: 'otherInformation' })
  if (before.totals.count !== after.totals.count) {
    changes.push({ kind: 'total', before: before.totals.count, after: after.totals.count })
  }
  changes.push(...countChanges('area', before.byArea, after.byArea))
  changes.push(...countChanges('category', before.byCategory, after.byCategory))

  const oldStatistics = statisticsTotals(before)
  const newStatistics = statisticsTotals(after)
  for (const name of new Set([...oldStatistics.keys(), ...newStatistics.keys()])) {
    const was = oldStatistics.get(name) ?? 0
    const is = newStatistics.get(name) ?? 0
    if (was !== is) changes.push({ kind: 'statistics', name, before: was, after: is })
  }
  if (JSON.stringify(before.survey) !== JSON.stringify(after.survey)) changes.push({ kind: 'survey' })

  const oldMeasures = new Map(before.measures.map((measure) => [measure.title, measure]))
  const newTitles = new Set(after.measures.map((measure) => measure.title))
  for (const measure of after.measures) {
    const old = oldMeasures.get(measure.title)
    if (!old) changes.push({ kind: 'measureAdded', title: measure.title })
    else {
      if (old.state !== measure.state) {
        changes.push({ kind: 'measureState', title: measure.title, before: old.state, after: measure.state })
      }
      if (old.assessment !== measure.assessment) {
        changes.push({
          kind: 'measureAssessment',
          title: measure.title,
          before: old.assessment,
          after: measure.assessment,
        })
      }
    }
  }
  for (const measure of before.measures) {
    if (!newTitles.has(measure.title)) changes.push({ kind: 'measureRemoved', title: measure.title })
  }
  return changes
}
