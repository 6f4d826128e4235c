import { describe, expect, it } from 'vitest'
import { emptyPickerState, type PickerState } from '../../app/modules/organisations/picker'
import type { ScenarioDefinition } from '../../app/modules/scenarios/definition'
import {
  emptyFailureRow,
  formatAreaText,
  parseAreaText,
  parseScenarioForm,
  readScenarioForm,
  scenarioPickers,
  scenarioValues,
  withPickedScopes,
  type FailureRowValues,
  type ScenarioFormValues,
} from '../../app/modules/scenarios/scenario-form'

const ORG_A = '0b8e5a3c-1f0e-4c5a-9d2e-7a1b2c3d4e5f'
const ORG_B = '6f1d2c3b-4a5e-4f60-8a71-92b3c4d5e6f7'
const SITE = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
const SERVICE = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f'

const row = (fields: Partial<FailureRowValues> = {}): FailureRowValues => ({
  ...emptyFailureRow(),
  target: 'resource:electricity',
  ...fields,
})

const form = (fields: Partial<ScenarioFormValues> = {}): ScenarioFormValues => ({
  name: 'Elavbrott i Vårgårda',
  description: 'Storm över Sjuhärad',
  horizon: '72',
  restart: '0',
  state: 'draft',
  version: '',
  failures: [row()],
  ...fields,
})

const errorsOf = (values: ScenarioFormValues, needsVersion = false) => {
  const result = parseScenarioForm(values, { needsVersion })
  return result.ok ? null : result.errors
}

const definitionOf = (values: ScenarioFormValues) => {
  const result = parseScenarioForm(values, { needsVersion: false })
  if (!result.ok) throw new Error(`invalid: ${JSON.stringify(result.errors)}`)
  return result.data.definition
}

describe('parseAreaText', () => {
  it('reads a space, a semicolon or a comma between latitude and longitude', () => {
    expect(parseAreaText('58.03 12.8\n58.04;12.81\n58.05, 12.82\n58.06,12.83\n58.07\t12.84')).toEqual([
      [58.03, 12.8],
      [58.04, 12.81],
      [58.05, 12.82],
      [58.06, 12.83],
      [58.07, 12.84],
    ])
  })

  it('reads decimal commas, with a space or a semicolon between the numbers', () => {
    expect(parseAreaText('58,03 12,8\n58,04; 12,81\n58,05 ;12,82')).toEqual([
      [58.03, 12.8],
      [58.04, 12.81],
      [58.05, 12.82],
    ])
  })

  it('skips blank lines and surrounding spaces, reads CRLF and negative numbers', () => {
    expect(parseAreaText('\r\n  -33.92 18.42  \r\n\r\n58 12\r\n')).toEqual([
      [-33.92, 18.42],
      [58, 12],
    ])
    expect(parseAreaText('')).toEqual([])
  })

  it('reads the ends of the ranges', () => {
    expect(parseAreaText('90 180\n-90 -180')).toEqual([
      [90, 180],
      [-90, -180],
    ])
  })

  it.each([
    ['one number', '58.03 12.8\n58.03'],
    ['three numbers', '58.03 12.8 4'],
    ['words', 'norr 12.8'],
    ['decimal commas between commas', '58,03,12,8'],
    ['two separators', '58.03;;12.8'],
    ['a latitude beyond 90', '58 12\n90.5 12'],
    ['a latitude below -90', '-90.01 12'],
    ['a longitude beyond 180', '58 180.5'],
    ['a longitude below -180', '58 -181'],
  ])('is null for %s', (_, text) => {
    expect(parseAreaText(text)).toBeNull()
  })
})

describe('formatAreaText', () => {
  it('writes one point per line with five decimals', () => {
    expect(
      formatAreaText([
        [58.034, 12.808],
        [-1.5, 100],
      ]),
    ).toBe('58.03400 12.80800\n-1.50000 100.00000')
  })

  it('reads back as the same ring', () => {
    const ring: [number, number][] = [
      [58.03412, 12.80811],
      [58.1, 12.9],
      [57.99999, -0.00001],
      [-89.5, 179.25],
    ]
    expect(parseAreaText(formatAreaText(ring))).toEqual(ring)
  })
})

describe('parseScenarioForm', () => {
  it('turns a valid form into the definition', () => {
    const result = parseScenarioForm(
      form({
        horizon: '96',
        restart: '2,5',
        failures: [
          row({ start: '0', duration: '' }),
          row({ target: `service:${SERVICE}`, start: '6', duration: '12,5' }),
          row({
            target: 'resource:drinking_water',
            scope: 'organisations',
            organisations: [ORG_A, ORG_B],
            start: '1.5',
            duration: '24',
          }),
          row({
            target: 'resource:telecom_it',
            scope: 'area',
            area: '58 12\n58,1 12\n58.1, 12.1',
            start: '',
            duration: '48',
          }),
          row({ target: 'resource:fuel', scope: 'sites', sites: [SITE], start: '95', duration: '1' }),
        ],
      }),
      { needsVersion: false },
    )
    expect(result).toEqual({
      ok: true,
      version: null,
      data: {
        name: 'Elavbrott i Vårgårda',
        description: 'Storm över Sjuhärad',
        state: 'draft',
        definition: {
          horizonHours: 96,
          restartHours: 2.5,
          failures: [
            { target: { resource: 'electricity' }, scope: { kind: 'everywhere' }, startHour: 0, durationHours: null },
            { target: { serviceId: SERVICE }, scope: { kind: 'everywhere' }, startHour: 6, durationHours: 12.5 },
            {
              target: { resource: 'drinking_water' },
              scope: { kind: 'organisations', organisationIds: [ORG_A, ORG_B] },
              startHour: 1.5,
              durationHours: 24,
            },
            {
              target: { resource: 'telecom_it' },
              scope: {
                kind: 'area',
                ring: [
                  [58, 12],
                  [58.1, 12],
                  [58.1, 12.1],
                ],
              },
              startHour: 0,
              durationHours: 48,
            },
            {
              target: { resource: 'fuel' },
              scope: { kind: 'sites', siteIds: [SITE] },
              startHour: 95,
              durationHours: 1,
            },
          ],
        },
      },
    })
  })

  it('trims the name, takes an empty restart as 0 and a shared state as it is', () => {
    const result = parseScenarioForm(form({ name: '  Storm  ', restart: '', state: 'shared' }), {
      needsVersion: false,
    })
    expect(result).toMatchObject({
      ok: true,
      data: { name: 'Storm', state: 'shared', definition: { restartHours: 0 } },
    })
  })

  it('reads the version when editing', () => {
    expect(parseScenarioForm(form({ version: '3' }), { needsVersion: true })).toMatchObject({ ok: true, version: 3 })
    expect(errorsOf(form({ version: '' }), true)).toEqual({ _form: 'validation.formInvalid' })
    expect(errorsOf(form({ version: '0' }), true)).toEqual({ _form: 'validation.formInvalid' })
  })

  it('ignores rows without a target, wherever they are', () => {
    const definition = definitionOf(
      form({
        failures: [
          row({ target: '', duration: '0', scope: 'area', area: 'nonsens' }),
          row({ target: 'resource:district_heating', start: '3' }),
          row({ target: '' }),
        ],
      }),
    )
    expect(definition.failures).toEqual([
      { target: { resource: 'district_heating' }, scope: { kind: 'everywhere' }, startHour: 3, durationHours: null },
    ])
  })

  it('puts a missing name on the name field', () => {
    expect(errorsOf(form({ name: '' }))).toEqual({ name: 'validation.required' })
    expect(errorsOf(form({ name: '   ' }))).toEqual({ name: 'validation.required' })
  })

  it('refuses an unknown state', () => {
    expect(errorsOf(form({ state: 'published' }))).toEqual({ state: 'validation.choose' })
  })

  it.each(['0', '1.5', '1,5', '721', 'text', '', '-1'])('puts horizon %j on the horizon field', (horizon) => {
    expect(errorsOf(form({ horizon }))).toEqual({ horizon: 'scenario.error.horizon' })
  })

  it.each([
    ['1', 1],
    ['720', 720],
    [' 72 ', 72],
  ])('accepts horizon %j', (horizon, hours) => {
    expect(definitionOf(form({ horizon })).horizonHours).toBe(hours)
  })

  it('puts a bad restart time on the restart field', () => {
    expect(errorsOf(form({ restart: 'en dag' }))).toEqual({ restart: 'scenario.error.hours' })
    expect(errorsOf(form({ restart: '721' }))).toEqual({ restart: 'scenario.error.hours' })
  })

  it('refuses a failure that starts at or after the end of the scenario', () => {
    expect(errorsOf(form({ horizon: '72', failures: [row({ start: '72' })] }))).toEqual({
      'f0.start': 'scenario.error.startAfterEnd',
    })
    expect(errorsOf(form({ horizon: '72', failures: [row({ start: '100' })] }))).toEqual({
      'f0.start': 'scenario.error.startAfterEnd',
    })
    expect(definitionOf(form({ horizon: '72', failures: [row({ start: '71,5' })] })).failures[0]!.startHour).toBe(71.5)
  })

  it('refuses a start that is not a number of hours', () => {
    expect(errorsOf(form({ failures: [row({ start: 'i morgon' })] }))).toEqual({ 'f0.start': 'scenario.error.hours' })
    expect(errorsOf(form({ horizon: '720', failures: [row({ start: '721' })] }))).toEqual({
      'f0.start': 'scenario.error.hours',
    })
  })

  it.each(['0', '0,0', '-2', 'länge', '721'])('puts duration %j on the duration field', (duration) => {
    expect(errorsOf(form({ failures: [row({ duration })] }))).toEqual({ 'f0.duration': 'scenario.error.duration' })
  })

  it('puts an unknown target on the target field', () => {
    expect(errorsOf(form({ failures: [row({ target: 'resource:plutonium' })] }))).toEqual({
      'f0.target': 'validation.choose',
    })
    expect(errorsOf(form({ failures: [row({ target: 'service:inte-ett-id' })] }))).toEqual({
      'f0.target': 'validation.choose',
    })
  })

  it('asks for organisations when the scope is organisations', () => {
    expect(errorsOf(form({ failures: [row({ scope: 'organisations', organisations: [] })] }))).toEqual({
      'f0.organisations': 'scenario.error.pickOrganisations',
    })
    expect(errorsOf(form({ failures: [row({ scope: 'organisations', organisations: ['inte-ett-id'] })] }))).toEqual({
      'f0.organisations': 'scenario.error.pickOrganisations',
    })
  })

  it('asks for sites when the scope is sites', () => {
    expect(errorsOf(form({ failures: [row({ scope: 'sites', sites: [] })] }))).toEqual({
      'f0.sites': 'scenario.error.pickSites',
    })
  })

  it('asks for at least three readable corners when the scope is an area', () => {
    for (const area of ['58 12\n58.1 12', '', '58 12\n58.1 12\nnorr om kyrkan']) {
      expect(errorsOf(form({ failures: [row({ scope: 'area', area })] }))).toEqual({ 'f0.area': 'scenario.error.area' })
    }
  })

  it('refuses more organisations or sites than a scenario may name, on the field, rather than saving what cannot be read back', () => {
    const ids = (count: number, last: string) =>
      Array.from({ length: count }, (_, i) => `${last.slice(0, 24)}${String(i).padStart(12, '0')}`)
    expect(errorsOf(form({ failures: [row({ scope: 'organisations', organisations: ids(501, ORG_A) })] }))).toEqual({
      'f0.organisations': 'scenario.error.tooMany',
    })
    expect(errorsOf(form({ failures: [row(), row({ scope: 'sites', sites: ids(501, SITE) })] }))).toEqual({
      'f1.sites': 'scenario.error.tooMany',
    })
    expect(errorsOf(form({ failures: [row({ scope: 'sites', sites: ids(500, SITE) })] }))).toBeNull()
  })

  it('refuses an area with more than 200 corners', () => {
    const area = Array.from({ length: 201 }, (_, i) => `58.${String(i).padStart(3, '0')} 12.8`).join('\n')
    expect(errorsOf(form({ failures: [row({ scope: 'area', area })] }))).toEqual({ 'f0.area': 'scenario.error.area' })
  })

  it('asks for a failure on the first target when every row is empty', () => {
    expect(errorsOf(form({ failures: [row({ target: '' })] }))).toEqual({ 'f0.target': 'scenario.error.noFailure' })
    expect(errorsOf(form({ failures: [row({ target: '' }), row({ target: '' })] }))).toEqual({
      'f0.target': 'scenario.error.noFailure',
    })
  })

  it('puts each error on the field of its own row, all at once', () => {
    expect(
      errorsOf(
        form({
          name: '',
          failures: [row({ target: '' }), row({ duration: '0' }), row({ scope: 'area', area: '58 12' })],
        }),
      ),
    ).toEqual({
      name: 'validation.required',
      'f1.duration': 'scenario.error.duration',
      'f2.area': 'scenario.error.area',
    })
  })

  it('reads a saved scenario back as the same definition', () => {
    const definition: ScenarioDefinition = {
      horizonHours: 168,
      restartHours: 4.5,
      failures: [
        { target: { resource: 'electricity' }, scope: { kind: 'everywhere' }, startHour: 0, durationHours: null },
        { target: { serviceId: SERVICE }, scope: { kind: 'everywhere' }, startHour: 12.5, durationHours: 6 },
        {
          target: { resource: 'drinking_water' },
          scope: { kind: 'organisations', organisationIds: [ORG_B, ORG_A] },
          startHour: 24,
          durationHours: 0.5,
        },
        { target: { resource: 'fuel' }, scope: { kind: 'sites', siteIds: [SITE] }, startHour: 1, durationHours: 100 },
        {
          target: { resource: 'telecom_it' },
          scope: {
            kind: 'area',
            ring: [
              [58.03412, 12.80811],
              [58.1, 12.9],
              [57.95, 12.95001],
            ],
          },
          startHour: 2,
          durationHours: null,
        },
      ],
    }
    const saved = { name: 'Vecka utan el', description: 'Övning', state: 'shared', version: 7, definition }
    const values = scenarioValues(saved)
    expect(values.version).toBe('7')
    expect(values.failures.map((failure) => failure.target)).toEqual([
      'resource:electricity',
      `service:${SERVICE}`,
      'resource:drinking_water',
      'resource:fuel',
      'resource:telecom_it',
    ])
    expect(parseScenarioForm(values, { needsVersion: true })).toEqual({
      ok: true,
      version: 7,
      data: { name: 'Vecka utan el', description: 'Övning', state: 'shared', definition },
    })
  })
})

describe('readScenarioForm', () => {
  it('reads every row the form had, with several chosen organisations and sites', () => {
    const formData = new FormData()
    formData.append('name', 'Vattenläcka')
    formData.append('description', '')
    formData.append('horizon', '48')
    formData.append('restart', '1')
    formData.append('version', '2')
    formData.append('rows', '3')
    formData.append('f0.target', 'resource:drinking_water')
    formData.append('f0.scope', 'organisations')
    formData.append('f0.organisations', ORG_A)
    formData.append('f0.organisations', ORG_B)
    formData.append('f0.start', '0')
    formData.append('f0.duration', '12')
    formData.append('f1.target', `service:${SERVICE}`)
    formData.append('f1.scope', 'sites')
    formData.append('f1.sites', SITE)
    formData.append('f1.sites', ORG_A)
    formData.append('f1.area', '58 12')
    formData.append('f2.scope', 'planet')
    expect(readScenarioForm(formData)).toEqual({
      name: 'Vattenläcka',
      description: '',
      horizon: '48',
      restart: '1',
      state: 'draft',
      version: '2',
      failures: [
        {
          target: 'resource:drinking_water',
          scope: 'organisations',
          organisations: [ORG_A, ORG_B],
          sites: [],
          area: '',
          start: '0',
          duration: '12',
        },
        {
          target: `service:${SERVICE}`,
          scope: 'sites',
          organisations: [],
          sites: [SITE, ORG_A],
          area: '58 12',
          start: '',
          duration: '',
        },
        { target: '', scope: 'everywhere', organisations: [], sites: [], area: '', start: '', duration: '' },
      ],
    })
  })

  it('reads one row when the count is missing or nonsense, and at most eight', () => {
    const count = (rows: string | null) => {
      const formData = new FormData()
      if (rows !== null) formData.append('rows', rows)
      return readScenarioForm(formData).failures.length
    }
    expect([count(null), count('0'), count('x'), count('-3'), count('2'), count('8'), count('99')]).toEqual([
      1, 1, 1, 1, 2, 8, 8,
    ])
  })

  it('keeps a submitted state and the chosen organisations through a parse', () => {
    const formData = new FormData()
    formData.append('name', 'Delat')
    formData.append('horizon', '24')
    formData.append('state', 'shared')
    formData.append('f0.target', 'resource:electricity')
    formData.append('f0.scope', 'organisations')
    formData.append('f0.organisations', ORG_B)
    formData.append('f0.organisations', ORG_A)
    const result = parseScenarioForm(readScenarioForm(formData), { needsVersion: false })
    expect(result).toMatchObject({
      ok: true,
      data: {
        state: 'shared',
        definition: {
          horizonHours: 24,
          restartHours: 0,
          failures: [{ scope: { kind: 'organisations', organisationIds: [ORG_B, ORG_A] }, startHour: 0 }],
        },
      },
    })
  })
})

describe('the pickers of the failure rows', () => {
  it('are under the fields each row posts, with its well-formed ids, or read from the post', () => {
    const values = form({
      failures: [row({ organisations: [ORG_A, 'inte-ett-id'] }), row({ scope: 'sites', sites: [SITE] })],
    })
    expect(scenarioPickers(values)).toEqual({
      'f0.organisations': { kind: 'organisation', ids: [ORG_A] },
      'f0.sites': { kind: 'site', ids: [] },
      'f1.organisations': { kind: 'organisation', ids: [] },
      'f1.sites': { kind: 'site', ids: [SITE] },
    })
    expect(scenarioPickers(values, { posted: true })['f1.sites']).toEqual({ kind: 'site', ids: undefined })
  })

  it('give each row the ids its pickers hold after a search without JavaScript', () => {
    const picked = (field: string, kind: PickerState['kind'], ids: string[]): PickerState => ({
      ...emptyPickerState(field, kind),
      selected: ids.map((id) => ({ id, name: id, kindLabel: '' })),
    })
    const values = form({ failures: [row({ organisations: [ORG_A] }), row()] })
    const after = withPickedScopes(values, {
      'f0.organisations': picked('f0.organisations', 'organisation', [ORG_A, ORG_B]),
      'f0.sites': picked('f0.sites', 'site', []),
      'f1.organisations': picked('f1.organisations', 'organisation', []),
      'f1.sites': picked('f1.sites', 'site', [SITE]),
    })
    expect(after.failures.map((failure) => [failure.organisations, failure.sites])).toEqual([
      [[ORG_A, ORG_B], []],
      [[], [SITE]],
    ])
    expect(after.failures[0]!.target).toBe('resource:electricity')
  })
})
