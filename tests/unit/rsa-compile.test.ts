import { describe, expect, it } from 'vitest'
import {
  answerConsequence,
  capabilityTable,
  findings,
  matrixGrid,
  median,
  progress,
  riskMatrix,
  type AnswerInput,
  type CompileInput,
} from '../../app/modules/rsa/compile'

const keys = ['life_health', 'functionality', 'democracy', 'economy', 'environment']
const events = [
  { id: 'power', title: 'Elavbrott' },
  { id: 'water', title: 'Störning i dricksvattenförsörjningen' },
  { id: 'heat', title: 'Värmebölja' },
]
const organisations = [
  { id: 'a', name: 'Kommunen' },
  { id: 'b', name: 'Bostadsbolaget' },
  { id: 'c', name: 'Energibolaget' },
  { id: 'd', name: 'Räddningstjänsten' },
]

function answer(fields: Partial<AnswerInput> & Pick<AnswerInput, 'eventId' | 'organisationId'>): AnswerInput {
  return {
    likelihood: null,
    consequences: {},
    capability: null,
    vulnerabilities: '',
    gaps: '',
    measures: '',
    state: 'submitted',
    ...fields,
  }
}

const input = (answers: AnswerInput[]): CompileInput => ({ events, organisations, answers, protectedValueKeys: keys })

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4])).toBe(4)
  })

  it('is the mean of the two middle values of an even count', () => {
    expect(median([1, 4, 2, 5])).toBe(3)
    expect(median([3, 4])).toBe(3.5)
  })

  it('is null for no values', () => {
    expect(median([])).toBeNull()
  })
})

describe("an answer's consequence", () => {
  it('is its highest step across the protected values', () => {
    expect(answerConsequence({ life_health: 2, functionality: 4, economy: 1 }, keys)).toBe(4)
  })

  it('ignores a protected value no longer in the analysis, and is null when none is judged', () => {
    expect(answerConsequence({ removed_value: 5, economy: 2 }, keys)).toBe(2)
    expect(answerConsequence({}, keys)).toBeNull()
  })
})

describe('risk matrix', () => {
  it('places an event at the medians and shows the spread (hand-computed)', () => {
    const [power] = riskMatrix(
      input([
        // likelihoods 2, 4, 5 → median 4; consequences (highest per answer) 3, 5, 2 → median 3
        answer({ eventId: 'power', organisationId: 'a', likelihood: 2, consequences: { life_health: 3, economy: 1 } }),
        answer({ eventId: 'power', organisationId: 'b', likelihood: 4, consequences: { functionality: 5 } }),
        answer({
          eventId: 'power',
          organisationId: 'c',
          likelihood: 5,
          consequences: { environment: 2, democracy: 1 },
        }),
      ]),
    )
    expect(power).toEqual({
      eventId: 'power',
      title: 'Elavbrott',
      likelihood: { median: 4, min: 2, max: 5, count: 3 },
      consequence: { median: 3, min: 2, max: 5, count: 3 },
      cell: { likelihood: 4, consequence: 3 },
      answered: 3,
    })
  })

  it('rounds a half-step median up to place the event (the cautious reading)', () => {
    const [, water] = riskMatrix(
      input([
        answer({ eventId: 'water', organisationId: 'a', likelihood: 2, consequences: { life_health: 4 } }),
        answer({ eventId: 'water', organisationId: 'b', likelihood: 3, consequences: { life_health: 5 } }),
      ]),
    )
    expect(water?.likelihood?.median).toBe(2.5)
    expect(water?.consequence?.median).toBe(4.5)
    expect(water?.cell).toEqual({ likelihood: 3, consequence: 5 })
  })

  it('leaves out drafts, and answers of organisations no longer taking part', () => {
    const [power] = riskMatrix(
      input([
        answer({ eventId: 'power', organisationId: 'a', likelihood: 1, consequences: { economy: 1 } }),
        answer({ eventId: 'power', organisationId: 'b', likelihood: 5, consequences: { economy: 5 }, state: 'draft' }),
        answer({ eventId: 'power', organisationId: 'gone', likelihood: 5, consequences: { economy: 5 } }),
      ]),
    )
    expect(power?.likelihood).toEqual({ median: 1, min: 1, max: 1, count: 1 })
    expect(power?.cell).toEqual({ likelihood: 1, consequence: 1 })
  })

  it('does not place an event without both a likelihood and a consequence', () => {
    const risks = riskMatrix(
      input([
        answer({ eventId: 'power', organisationId: 'a', likelihood: 3 }),
        answer({ eventId: 'water', organisationId: 'a', consequences: { life_health: 2 } }),
      ]),
    )
    expect(risks.map((risk) => risk.cell)).toEqual([null, null, null])
    expect(risks[0]?.likelihood).toEqual({ median: 3, min: 3, max: 3, count: 1 })
    expect(risks[0]?.consequence).toBeNull()
    expect(risks[2]).toMatchObject({ likelihood: null, consequence: null, answered: 0 })
  })

  it('counts missing parts per answer: one organisation without a likelihood does not pull the median', () => {
    const [power] = riskMatrix(
      input([
        answer({ eventId: 'power', organisationId: 'a', likelihood: 4, consequences: { life_health: 2 } }),
        answer({ eventId: 'power', organisationId: 'b', likelihood: null, consequences: { life_health: 4 } }),
        answer({ eventId: 'power', organisationId: 'c', likelihood: 2, consequences: { life_health: 3 } }),
      ]),
    )
    expect(power?.likelihood).toEqual({ median: 3, min: 2, max: 4, count: 2 })
    expect(power?.consequence).toEqual({ median: 3, min: 2, max: 4, count: 3 })
  })

  it('lays the placements out as rows from the highest consequence down, likelihood 1 … n across', () => {
    const risks = riskMatrix(
      input([answer({ eventId: 'heat', organisationId: 'a', likelihood: 2, consequences: { life_health: 5 } })]),
    )
    const grid = matrixGrid(risks, 5, 5)
    expect(grid.map((row) => row.consequence)).toEqual([5, 4, 3, 2, 1])
    expect(grid[0]!.cells.map((cell) => cell.likelihood)).toEqual([1, 2, 3, 4, 5])
    expect(grid[0]!.cells[1]!.events.map((event) => event.title)).toEqual(['Värmebölja'])
    expect(grid.flatMap((row) => row.cells).filter((cell) => cell.events.length > 0)).toHaveLength(1)
  })
})

describe('capability per organisation and event', () => {
  it('is the submitted step, and null where there is none or only a draft', () => {
    const rows = capabilityTable(
      input([
        answer({ eventId: 'power', organisationId: 'a', capability: 2 }),
        answer({ eventId: 'power', organisationId: 'b', capability: 4, state: 'draft' }),
        answer({ eventId: 'water', organisationId: 'd', capability: 3 }),
      ]),
    )
    expect(rows.map((row) => row.capabilities)).toEqual([
      [2, null, null, null],
      [null, null, null, 3],
      [null, null, null, null],
    ])
  })
})

describe('vulnerabilities and gaps', () => {
  it('lists submitted answers that name something, in event then organisation order, trimmed', () => {
    const list = findings(
      input([
        answer({ eventId: 'water', organisationId: 'b', gaps: '  Ingen nödvattenplan ' }),
        answer({ eventId: 'power', organisationId: 'c', vulnerabilities: 'Reservkraft saknas', capability: 3 }),
        answer({ eventId: 'power', organisationId: 'a', measures: 'Köp elverk' }),
        answer({ eventId: 'power', organisationId: 'b', vulnerabilities: 'Utkast', state: 'draft' }),
        answer({ eventId: 'heat', organisationId: 'd', vulnerabilities: '   ' }),
      ]),
    )
    expect(list.map((finding) => [finding.eventTitle, finding.organisationName])).toEqual([
      ['Elavbrott', 'Kommunen'],
      ['Elavbrott', 'Energibolaget'],
      ['Störning i dricksvattenförsörjningen', 'Bostadsbolaget'],
    ])
    expect(list[1]).toMatchObject({ vulnerabilities: 'Reservkraft saknas', capability: 3 })
    expect(list[2]?.gaps).toBe('Ingen nödvattenplan')
  })
})

describe('progress', () => {
  it('gives each organisation the state of each event, drafts included, and whether it is complete', () => {
    const rows = progress(
      input([
        ...events.map((event) => answer({ eventId: event.id, organisationId: 'a' })),
        answer({ eventId: 'power', organisationId: 'b', state: 'draft' }),
        answer({ eventId: 'heat', organisationId: 'b' }),
      ]),
    )
    expect(rows[0]).toMatchObject({
      name: 'Kommunen',
      states: ['submitted', 'submitted', 'submitted'],
      submitted: 3,
      complete: true,
    })
    expect(rows[1]).toMatchObject({ states: ['draft', 'none', 'submitted'], submitted: 1, complete: false })
    expect(rows[3]).toMatchObject({ states: ['none', 'none', 'none'], submitted: 0, complete: false })
  })
})
