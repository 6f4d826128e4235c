import { rsaMeasureStates, type RsaMeasureState } from '~/db/enums'

/** Past its due date and neither done nor cancelled. Dates are compared as YYYY-MM-DD in Swedish time. */
export function isOverdue(measure: { dueDate: string | null; state: RsaMeasureState }, today: string): boolean {
  return (
    measure.dueDate !== null &&
    measure.dueDate < today &&
    (measure.state === 'planned' || measure.state === 'in_progress')
  )
}

/** How far the action plan has come: measures per state, the share done (of those not cancelled), and how many are overdue. */
export function planProgress(measures: { dueDate: string | null; state: RsaMeasureState }[], today: string) {
  const byState = Object.fromEntries(rsaMeasureStates.map((state) => [state, 0])) as Record<RsaMeasureState, number>
  for (const measure of measures) byState[measure.state] += 1
  const counted = measures.length - byState.cancelled
  return {
    total: measures.length,
    byState,
    percentDone: counted > 0 ? Math.round((byState.done / counted) * 100) : 0,
    overdue: measures.filter((measure) => isOverdue(measure, today)).length,
  }
}

/** Today's date in Sweden, as YYYY-MM-DD. */
export function swedishToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}
