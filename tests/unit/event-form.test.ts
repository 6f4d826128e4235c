import { describe, expect, it } from 'vitest'
import {
  newEventValues,
  parseEndForm,
  parseEventForm,
  parseLevelForm,
  parseTakingPartForm,
  readEventValues,
  type EventFormValues,
} from '../../app/modules/events/event-form'

const ORG_A = '0b8e5a3c-1f0e-4c5a-9d2e-7a1b2c3d4e5f'
const ORG_B = '6f1d2c3b-4a5e-4f60-8a71-92b3c4d5e6f7'
const NETWORK = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
// 14:05 on 12 January 2027 in Stockholm (UTC+1).
const NOW = new Date('2027-01-12T13:05:00Z')

const form = (fields: Partial<EventFormValues> = {}): EventFormValues => ({
  ...newEventValues(NOW),
  title: 'Elavbrott Vårgårda',
  organisations: [ORG_A],
  ...fields,
})

const errorsOf = (values: EventFormValues) => {
  const result = parseEventForm(values, NOW)
  return result.ok ? null : result.errors
}

describe('parseEventForm', () => {
  it('fills the start with now in Stockholm time and reads it back as the same instant', () => {
    expect(newEventValues(NOW)).toMatchObject({ date: '2027-01-12', time: '14:05', kind: 'real', level: 'staff' })
    const result = parseEventForm(
      form({ kind: 'exercise', time: '13:30', lostResources: ['fuel', 'electricity'], networkId: NETWORK }),
      NOW,
    )
    expect(result).toEqual({
      ok: true,
      data: {
        title: 'Elavbrott Vårgårda',
        kind: 'exercise',
        level: 'staff',
        startedAt: new Date('2027-01-12T12:30:00Z'),
        description: '',
        // In the order of the fixed list, whatever order the boxes came in.
        lostResources: ['electricity', 'fuel'],
        area: { kind: 'everywhere' },
        organisationIds: [ORG_A],
        networkId: NETWORK,
      },
    })
  })

  it('puts a message on each field that is wrong', () => {
    expect(errorsOf(form({ title: '  ' }))).toEqual({ title: 'validation.required' })
    expect(errorsOf(form({ title: 'x'.repeat(201) }))).toEqual({ title: 'validation.tooLong' })
    expect(errorsOf(form({ kind: 'drill', level: 'red' }))).toEqual({
      kind: 'validation.choose',
      level: 'validation.choose',
    })
    expect(errorsOf(form({ lostResources: ['electricity', 'sunshine'] }))).toEqual({
      lostResources: 'validation.choose',
    })
    expect(errorsOf(form({ time: '9.30' }))).toEqual({ time: 'eventRoom.error.time' })
    expect(errorsOf(form({ organisations: [], networkId: '' }))).toEqual({
      organisations: 'eventRoom.error.noneTakingPart',
    })
    expect(errorsOf(form({ organisations: ['not-an-id'] }))).toEqual({ organisations: 'validation.choose' })
  })

  it('refuses a start ahead of the clock, and a time that Stockholm skips', () => {
    expect(errorsOf(form({ time: '14:09' }))).toBeNull()
    expect(errorsOf(form({ time: '14:30' }))).toEqual({ time: 'eventRoom.error.startAhead' })
    expect(errorsOf(form({ date: '2027-01-13' }))).toEqual({ time: 'eventRoom.error.startAhead' })
    const inSpring = new Date('2027-03-28T12:00:00Z')
    expect(parseEventForm(form({ date: '2027-03-28', time: '02:30' }), inSpring)).toEqual({
      ok: false,
      errors: { time: 'eventRoom.error.noSuchTime' },
    })
  })

  it("reads the affected area as a scenario failure's scope", () => {
    const area = (fields: Partial<EventFormValues['area']>) => form({ area: { ...form().area, ...fields } })
    expect(errorsOf(area({ scope: 'organisations' }))).toEqual({
      'area.organisations': 'scenario.error.pickOrganisations',
    })
    expect(errorsOf(area({ scope: 'sites', sites: ['x'] }))).toEqual({ 'area.sites': 'scenario.error.pickSites' })
    expect(errorsOf(area({ scope: 'area', area: '58.03 12.80\n58.04 12.81' }))).toEqual({
      'area.area': 'scenario.error.area',
    })
    const ring = parseEventForm(area({ scope: 'area', area: '58,03 12,80\n58.04 12.81\n58.02 12.82' }), NOW)
    expect(ring.ok && ring.data.area).toEqual({
      kind: 'area',
      ring: [
        [58.03, 12.8],
        [58.04, 12.81],
        [58.02, 12.82],
      ],
    })
    const picked = parseEventForm(area({ scope: 'organisations', organisations: [ORG_B] }), NOW)
    expect(picked.ok && picked.data.area).toEqual({ kind: 'organisations', organisationIds: [ORG_B] })
  })
})

describe('readEventValues', () => {
  it('reads repeated boxes once and the area by its own field names', () => {
    const body = new URLSearchParams([
      ['title', 'Storm'],
      ['kind', 'real'],
      ['level', 'heightened'],
      ['date', '2027-01-12'],
      ['time', '10:00'],
      ['lostResources', 'electricity'],
      ['organisations', ORG_A],
      ['organisations', ORG_A],
      ['organisations', ORG_B],
      ['area.scope', 'sites'],
      ['area.sites', ORG_B],
      ['area.organisations', ORG_A],
      ['networkId', ''],
    ])
    const formData = new FormData()
    for (const [key, value] of body) formData.append(key, value)
    expect(readEventValues(formData)).toEqual({
      title: 'Storm',
      kind: 'real',
      level: 'heightened',
      date: '2027-01-12',
      time: '10:00',
      description: '',
      lostResources: ['electricity'],
      area: { scope: 'sites', sites: [ORG_B], organisations: [ORG_A], area: '' },
      organisations: [ORG_A, ORG_B],
      networkId: '',
    })
  })
})

describe('the leading forms', () => {
  const formData = (fields: Record<string, string | string[]>) => {
    const data = new FormData()
    for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item)
    return data
  }

  it('need the version the form was loaded with', () => {
    expect(parseLevelForm(formData({ level: 'extraordinary', version: '3' }))).toEqual({
      ok: true,
      data: { level: 'extraordinary' },
      version: 3,
    })
    expect(parseLevelForm(formData({ level: 'extraordinary' }))).toEqual({
      ok: false,
      errors: { _form: 'validation.formInvalid' },
    })
    expect(parseLevelForm(formData({ level: 'panic', version: '1' }))).toEqual({
      ok: false,
      errors: { level: 'validation.choose' },
    })
  })

  it('take part as organisations and a network, at least one of them', () => {
    expect(parseTakingPartForm(formData({ organisations: [ORG_A, ORG_B], networkId: '', version: '2' }))).toEqual({
      ok: true,
      data: { organisationIds: [ORG_A, ORG_B], networkId: null },
      version: 2,
    })
    expect(parseTakingPartForm(formData({ networkId: NETWORK, version: '2' }))).toMatchObject({
      ok: true,
      data: { organisationIds: [], networkId: NETWORK },
    })
    expect(parseTakingPartForm(formData({ version: '2' }))).toEqual({
      ok: false,
      errors: { organisations: 'eventRoom.error.noneTakingPart' },
    })
  })

  it('end only when confirmed', () => {
    expect(parseEndForm(formData({ version: '4', confirm: 'yes' }))).toEqual({ ok: true, data: {}, version: 4 })
    expect(parseEndForm(formData({ version: '4' }))).toEqual({
      ok: false,
      errors: { confirm: 'eventRoom.error.confirmEnd' },
    })
  })
})
