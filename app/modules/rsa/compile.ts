import type { RsaAnswerState } from '~/db/enums'

// The compiled views of an analysis: risk matrix, capability per
// organisation and event, vulnerabilities and gaps. Pure functions of the
// answers, tested directly.
//
// Only answers an organisation has marked as done ("submitted") count: a
// draft is work in progress that its organisation has not yet stood behind,
// and a half-filled draft would move an event in the matrix from one save to
// the next. The progress table shows drafts; the compiled views do not.

export interface AnswerInput {
  eventId: string
  organisationId: string
  likelihood: number | null
  consequences: Record<string, number>
  capability: number | null
  vulnerabilities: string
  gaps: string
  measures: string
  state: RsaAnswerState
}

export interface CompileInput {
  events: { id: string; title: string }[]
  organisations: { id: string; name: string }[]
  answers: AnswerInput[]
  /** The analysis's protected values: a consequence under a key no longer in the list is ignored. */
  protectedValueKeys: string[]
}

/** The median of the numbers; the mean of the two middle ones for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** An answer's consequence: its highest step across the protected values; null if none is judged. */
export function answerConsequence(
  consequences: Record<string, number>,
  protectedValueKeys: readonly string[],
): number | null {
  const steps = protectedValueKeys
    .map((key) => consequences[key])
    .filter((step): step is number => typeof step === 'number')
  return steps.length > 0 ? Math.max(...steps) : null
}

export interface Spread {
  median: number
  min: number
  max: number
  count: number
}

function spreadOf(values: number[]): Spread | null {
  const middle = median(values)
  if (middle === null) return null
  return { median: middle, min: Math.min(...values), max: Math.max(...values), count: values.length }
}

export interface RiskPlacement {
  eventId: string
  title: string
  likelihood: Spread | null
  consequence: Spread | null
  /**
   * The matrix cell: each median rounded up (a median of 3.5 lies between two
   * steps, and the cautious reading of a split assessment is the higher one).
   * Null when either is unknown.
   */
  cell: { likelihood: number; consequence: number } | null
  /** Submitted answers that judged neither likelihood nor any consequence do not count here. */
  answered: number
}

export function submittedAnswers(answers: readonly AnswerInput[], organisationIds: readonly string[]): AnswerInput[] {
  const taking = new Set(organisationIds)
  return answers.filter((answer) => answer.state === 'submitted' && taking.has(answer.organisationId))
}

export function riskMatrix(input: CompileInput): RiskPlacement[] {
  const counted = submittedAnswers(
    input.answers,
    input.organisations.map((organisation) => organisation.id),
  )
  return input.events.map((event) => {
    const ofEvent = counted.filter((answer) => answer.eventId === event.id)
    const likelihoods = ofEvent.map((answer) => answer.likelihood).filter((step): step is number => step !== null)
    const consequences = ofEvent
      .map((answer) => answerConsequence(answer.consequences, input.protectedValueKeys))
      .filter((step): step is number => step !== null)
    const likelihood = spreadOf(likelihoods)
    const consequence = spreadOf(consequences)
    return {
      eventId: event.id,
      title: event.title,
      likelihood,
      consequence,
      cell:
        likelihood && consequence
          ? { likelihood: Math.ceil(likelihood.median), consequence: Math.ceil(consequence.median) }
          : null,
      answered: ofEvent.filter(
        (answer) =>
          answer.likelihood !== null || answerConsequence(answer.consequences, input.protectedValueKeys) !== null,
      ).length,
    }
  })
}

/** The matrix as rows (highest consequence first) of cells (likelihood 1 … n), each holding its events. */
export function matrixGrid(placements: readonly RiskPlacement[], likelihoodSteps: number, consequenceSteps: number) {
  const rows: { consequence: number; cells: { likelihood: number; events: RiskPlacement[] }[] }[] = []
  for (let consequence = consequenceSteps; consequence >= 1; consequence--) {
    const cells = []
    for (let likelihood = 1; likelihood <= likelihoodSteps; likelihood++) {
      cells.push({
        likelihood,
        events: placements.filter(
          (placement) => placement.cell?.likelihood === likelihood && placement.cell.consequence === consequence,
        ),
      })
    }
    rows.push({ consequence, cells })
  }
  return rows
}

/** Capability per event (rows) and organisation (columns): the step, or null where no submitted answer judged it. */
export function capabilityTable(input: CompileInput) {
  const counted = submittedAnswers(
    input.answers,
    input.organisations.map((organisation) => organisation.id),
  )
  const byKey = new Map(counted.map((answer) => [`${answer.eventId}:${answer.organisationId}`, answer.capability]))
  return input.events.map((event) => ({
    eventId: event.id,
    title: event.title,
    capabilities: input.organisations.map((organisation) => byKey.get(`${event.id}:${organisation.id}`) ?? null),
  }))
}

export interface Finding {
  eventId: string
  eventTitle: string
  organisationId: string
  organisationName: string
  vulnerabilities: string
  gaps: string
  measures: string
  capability: number | null
}

/** The submitted answers that name a vulnerability, a gap or a measure, in event order and then organisation order. */
export function findings(input: CompileInput): Finding[] {
  const counted = submittedAnswers(
    input.answers,
    input.organisations.map((organisation) => organisation.id),
  )
  const result: Finding[] = []
  for (const event of input.events) {
    for (const organisation of input.organisations) {
      const answer = counted.find((row) => row.eventId === event.id && row.organisationId === organisation.id)
      if (!answer) continue
      const [vulnerabilities, gaps, measures] = [
        answer.vulnerabilities.trim(),
        answer.gaps.trim(),
        answer.measures.trim(),
      ]
      if (!vulnerabilities && !gaps && !measures) continue
      result.push({
        eventId: event.id,
        eventTitle: event.title,
        organisationId: organisation.id,
        organisationName: organisation.name,
        vulnerabilities,
        gaps,
        measures,
        capability: answer.capability,
      })
    }
  }
  return result
}

export type ProgressState = 'none' | RsaAnswerState

/** Who has answered what: per organisation, the state of its answer to each event, and how many are done. */
export function progress(input: Pick<CompileInput, 'events' | 'organisations' | 'answers'>) {
  const state = new Map(input.answers.map((answer) => [`${answer.eventId}:${answer.organisationId}`, answer.state]))
  return input.organisations.map((organisation) => {
    const states: ProgressState[] = input.events.map((event) => state.get(`${event.id}:${organisation.id}`) ?? 'none')
    return {
      organisationId: organisation.id,
      name: organisation.name,
      states,
      submitted: states.filter((value) => value === 'submitted').length,
      complete: input.events.length > 0 && states.every((value) => value === 'submitted'),
    }
  })
}
