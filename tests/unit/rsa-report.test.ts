import { describe, expect, it } from 'vitest'
import { isOverdue, planProgress, swedishToday } from '../../app/modules/rsa/action-plan'
import { defaultEvents, defaultScales } from '../../app/modules/rsa/defaults'
import { daysUntil, missingItems, reportDeadline, reportParts } from '../../app/modules/rsa/report'
import { parseAnswer, parseSettings, MeasureSchema, settingsValues } from '../../app/modules/rsa/rsa-forms'

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.append(key, value)
  return data
}

describe('the report', () => {
  it('has MSBFS 2015:5’s seven parts in order', () => {
    expect(reportParts).toEqual(['area', 'process', 'services', 'dependencies', 'risks', 'vulnerabilities', 'measures'])
  })

  it('is due on 31 October of the first year of the mandate period', () => {
    expect(reportDeadline(2027)).toBe('2027-10-31')
    expect(daysUntil('2027-10-31', new Date('2027-10-30T23:00:00Z'))).toBe(1)
    expect(daysUntil('2027-10-31', new Date('2027-11-02T08:00:00Z'))).toBe(-2)
  })

  it('lists what is still missing: organisations not done, empty narrative parts, events not placed', () => {
    const missing = missingItems({
      progress: [
        { organisationId: 'a', name: 'Kommunen', submitted: 9, complete: true },
        { organisationId: 'b', name: 'Bostadsbolaget', submitted: 2, complete: false },
      ],
      narrative: { area: 'Vårgårda ligger …', process: '   ', risks: 'Elavbrott är störst.' },
      risks: [
        { title: 'Elavbrott', cell: { likelihood: 3, consequence: 4 } },
        { title: 'Pandemi', cell: null },
      ],
    })
    expect(missing).toEqual({
      organisations: [{ id: 'b', name: 'Bostadsbolaget', submitted: 2 }],
      narrativeParts: ['process', 'services', 'dependencies', 'vulnerabilities', 'measures'],
      eventsWithoutRisk: ['Pandemi'],
    })
  })
})

describe('defaults', () => {
  it('gives a 5 × 5 matrix, a four-step capability scale, five protected values and the usual events', () => {
    const scales = defaultScales()
    expect(scales.likelihoodScale).toHaveLength(5)
    expect(scales.consequenceScale).toHaveLength(5)
    expect(scales.capabilityScale.map((step) => step.label)).toEqual([
      'God förmåga',
      'God förmåga med viss brist',
      'Bristfällig förmåga',
      'Mycket bristfällig eller ingen förmåga',
    ])
    expect(scales.protectedValues.map((value) => value.label)).toContain('Miljö')
    expect(scales.protectedValues).toHaveLength(5)
    expect(defaultEvents.map((event) => event.title)).toEqual(
      expect.arrayContaining([
        'Elavbrott',
        'IT-angrepp',
        'Pandemi',
        'Höjd beredskap',
        'Brand i samhällsviktig verksamhet',
      ]),
    )
  })

  it('is a fresh copy each time, so editing one analysis never changes the next', () => {
    const first = defaultScales()
    first.likelihoodScale[0]!.label = 'Ändrad'
    expect(defaultScales().likelihoodScale[0]!.label).toBe('Mycket låg sannolikhet')
  })
})

describe('the answer form', () => {
  const shape = defaultScales()

  it('accepts a partial draft and keeps empty steps as not assessed', () => {
    const parsed = parseAnswer(
      form({
        organisationId: '00000000-0000-4000-8000-000000000001',
        version: '0',
        intent: 'draft',
        likelihood: '3',
        'consequence.economy': '2',
        capability: '',
      }),
      shape,
    )
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.data).toMatchObject({
      likelihood: 3,
      capability: null,
      consequences: { economy: 2 },
      vulnerabilities: '',
    })
  })

  it('refuses a step outside the scale', () => {
    const parsed = parseAnswer(
      form({
        organisationId: '00000000-0000-4000-8000-000000000001',
        version: '1',
        intent: 'draft',
        likelihood: '6',
        capability: '5',
      }),
      shape,
    )
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors).toEqual({ likelihood: 'rsa.validation.step', capability: 'rsa.validation.step' })
    expect(parsed.values.likelihood).toBe('6')
  })

  it('needs likelihood, every consequence and the capability to mark an answer as done', () => {
    const parsed = parseAnswer(
      form({
        organisationId: '00000000-0000-4000-8000-000000000001',
        version: '1',
        intent: 'submit',
        likelihood: '2',
        'consequence.economy': '2',
      }),
      shape,
    )
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(Object.keys(parsed.errors).sort()).toEqual(
      [
        'capability',
        'consequence.democracy',
        'consequence.environment',
        'consequence.functionality',
        'consequence.life_health',
      ].sort(),
    )
  })
})

describe('the settings form', () => {
  it('round-trips the stored scales and refuses an empty step name and a period running backwards', () => {
    const analysis = { ...defaultScales(), title: 'RSA 2027–2030', periodStart: 2027, periodEnd: 2030, version: 3 }
    const values = settingsValues(analysis)
    const ok = parseSettings(form(values), analysis)
    expect(ok.ok && ok.data.capabilityScale).toEqual(analysis.capabilityScale)
    const bad = parseSettings(form({ ...values, 'likelihood.2.label': ' ', periodEnd: '2026' }), analysis)
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.errors).toEqual({ 'likelihood.2.label': 'validation.required', periodEnd: 'rsa.validation.periodEnd' })
  })
})

describe('protected values in the settings form', () => {
  const analysis = { ...defaultScales(), title: 'RSA', periodStart: 2027, periodEnd: 2030, version: 1 }
  const values = settingsValues(analysis)

  it('removes a ticked value and adds a new one under a fresh key', () => {
    const parsed = parseSettings(
      form({ ...values, 'pv.democracy.remove': 'on', 'pv.democracy': '', 'pv.new': 'Nationell suveränitet' }),
      analysis,
      () => 'abc123',
    )
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.data.protectedValues.map((value) => value.key)).toEqual([
      'life_health',
      'functionality',
      'economy',
      'environment',
      'pv-abc123',
    ])
    expect(parsed.data.protectedValues.at(-1)?.label).toBe('Nationell suveränitet')
  })

  it('keeps at least one', () => {
    const all = Object.fromEntries(analysis.protectedValues.map((value) => [`pv.${value.key}.remove`, 'on']))
    const parsed = parseSettings(form({ ...values, ...all }), analysis)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors).toEqual({ 'pv.new': 'rsa.validation.protectedValueNeeded' })
  })
})

describe('the action plan', () => {
  const measure = (dueDate: string | null, state: 'planned' | 'in_progress' | 'done' | 'cancelled') => ({
    dueDate,
    state,
  })

  it('calls a measure overdue only after its due date, and only while it is not done or cancelled', () => {
    expect(isOverdue(measure('2027-05-01', 'planned'), '2027-05-02')).toBe(true)
    expect(isOverdue(measure('2027-05-01', 'in_progress'), '2027-05-01')).toBe(false)
    expect(isOverdue(measure('2027-05-01', 'done'), '2028-01-01')).toBe(false)
    expect(isOverdue(measure(null, 'planned'), '2028-01-01')).toBe(false)
  })

  it('counts progress without the cancelled measures', () => {
    const progress = planProgress(
      [
        measure('2027-01-01', 'done'),
        measure('2027-01-01', 'planned'),
        measure(null, 'cancelled'),
        measure('2030-01-01', 'in_progress'),
      ],
      '2027-06-01',
    )
    expect(progress).toEqual({
      total: 4,
      byState: { planned: 1, in_progress: 1, done: 1, cancelled: 1 },
      percentDone: 33,
      overdue: 1,
    })
  })

  it('reads a Swedish cost with spaces and "kr", and refuses anything else', () => {
    const base = { title: 'Elverk', ownerOrganisationId: '00000000-0000-4000-8000-000000000001', state: 'planned' }
    expect(MeasureSchema.parse({ ...base, costEstimate: '150 000 kr' }).costEstimate).toBe(150000)
    expect(MeasureSchema.parse({ ...base, costEstimate: '' }).costEstimate).toBeNull()
    expect(MeasureSchema.safeParse({ ...base, costEstimate: '12,5' }).success).toBe(false)
    expect(MeasureSchema.safeParse({ ...base, dueDate: '2027-13-45' }).success).toBe(false)
    expect(MeasureSchema.safeParse({ ...base, dueDate: '2027-02-30' }).success).toBe(false)
    expect(MeasureSchema.parse({ ...base, dueDate: '2028-02-29' }).dueDate).toBe('2028-02-29')
  })

  it("gives today's date in Sweden", () => {
    expect(swedishToday(new Date('2027-12-31T23:30:00Z'))).toBe('2028-01-01')
  })
})
