import { describe, expect, it } from 'vitest'
import { sv } from '../../app/i18n/sv'
import {
  followUpSchema,
  isFollowUpOverdue,
  MeasureEditSchema,
  MeasureSchema,
  MeasureStateSchema,
  measureTypes,
  measureValues,
} from '../../app/modules/council/measure-form'

const ORGANISATION = '4b0a3a9e-5a49-4c3f-9a52-0d6d2a6b1f10'
const AREA = '0f5f6a1c-2b1d-4e7f-8a3c-9d2e1f0a4b5c'

const valid = {
  title: '  Bättre belysning vid gångtunneln ',
  kind: 'situational',
  measureType: 'lighting',
  description: '',
  areaId: AREA,
  place: '',
  responsibleOrganisationId: ORGANISATION,
  startDate: '2026-04-01',
  expectedEffect: 'Färre rapporter om otrygghet',
  followUpDate: '2026-10-01',
  situationPictureId: '',
}

// The first message per field, as parseForm shows it.
function errorsOf(result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) {
  const errors: Record<string, string> = {}
  for (const issue of result.error?.issues ?? []) errors[String(issue.path[0])] ??= issue.message
  return errors
}

describe('the measure form', () => {
  it('accepts a measure, trims the text and turns empty choices into none', () => {
    const parsed = MeasureSchema.parse(valid)
    expect(parsed).toMatchObject({ title: 'Bättre belysning vid gångtunneln', areaId: AREA, situationPictureId: null })
  })

  it('requires a title of at most 200 characters', () => {
    expect(errorsOf(MeasureSchema.safeParse({ ...valid, title: ' ' }))).toEqual({ title: 'validation.required' })
    expect(errorsOf(MeasureSchema.safeParse({ ...valid, title: 'x'.repeat(201) }))).toEqual({
      title: 'validation.tooLong',
    })
    expect(MeasureSchema.safeParse({ ...valid, title: 'x'.repeat(200) }).success).toBe(true)
  })

  it('refuses a follow-up date before the start, with a Swedish message', () => {
    const errors = errorsOf(MeasureSchema.safeParse({ ...valid, followUpDate: '2026-03-31' }))
    expect(errors).toEqual({ followUpDate: 'councilMeasures.error.followUpBeforeStart' })
    expect(sv[errors.followUpDate as keyof typeof sv]).toBe('Uppföljningen kan inte vara före startdatumet.')
    expect(MeasureSchema.safeParse({ ...valid, followUpDate: valid.startDate }).success).toBe(true)
  })

  it('refuses dates that are not real days', () => {
    expect(errorsOf(MeasureSchema.safeParse({ ...valid, startDate: '2026-02-30' }))).toMatchObject({
      startDate: 'validation.date',
    })
    expect(errorsOf(MeasureSchema.safeParse({ ...valid, followUpDate: '' }))).toMatchObject({
      followUpDate: 'validation.date',
    })
  })

  it('needs an area or a place, and takes either', () => {
    expect(errorsOf(MeasureSchema.safeParse({ ...valid, areaId: '', place: '' }))).toEqual({
      place: 'councilMeasures.error.where',
    })
    expect(MeasureSchema.safeParse({ ...valid, areaId: '', place: 'Gångtunneln' }).success).toBe(true)
  })

  it('takes only the listed kinds, types and ids', () => {
    const errors = errorsOf(
      MeasureSchema.safeParse({
        ...valid,
        kind: 'magic',
        measureType: 'Drönare',
        areaId: 'x',
        responsibleOrganisationId: '',
      }),
    )
    expect(errors).toEqual({
      kind: 'validation.choose',
      measureType: 'validation.choose',
      areaId: 'validation.choose',
      responsibleOrganisationId: 'validation.choose',
    })
    expect(measureTypes).toHaveLength(11)
    for (const type of measureTypes) expect(sv[`councilMeasures.type.${type}`]).toBeTruthy()
  })

  it('edits under a version and changes state under one', () => {
    expect(errorsOf(MeasureEditSchema.safeParse(valid))).toEqual({ version: 'validation.required' })
    expect(MeasureEditSchema.parse({ ...valid, version: '3' }).version).toBe(3)
    expect(MeasureStateSchema.safeParse({ state: 'done', version: '2' }).success).toBe(true)
    expect(errorsOf(MeasureStateSchema.safeParse({ state: 'forgotten', version: '2' }))).toEqual({
      state: 'validation.choose',
    })
  })

  it('round-trips a stored measure through the edit form', () => {
    const stored = { ...MeasureSchema.parse(valid), kind: 'situational', version: 4 }
    const values = measureValues(stored)
    expect(values).toMatchObject({ areaId: AREA, situationPictureId: '', version: '4' })
    expect(MeasureEditSchema.safeParse(values).success).toBe(true)
  })
})

describe('the follow-up form', () => {
  const schema = followUpSchema('2026-05-10')

  it('takes a date up to today, an assessment and a note', () => {
    expect(schema.parse({ followedUpOn: '2026-05-10', assessment: 'partly', note: ' Bättre ' })).toEqual({
      followedUpOn: '2026-05-10',
      assessment: 'partly',
      note: 'Bättre',
    })
  })

  it('refuses a date after today and a missing assessment', () => {
    expect(errorsOf(schema.safeParse({ followedUpOn: '2026-05-11', note: '' }))).toEqual({
      followedUpOn: 'councilMeasures.error.followUpInFuture',
      assessment: 'validation.choose',
    })
  })
})

describe('an overdue follow-up', () => {
  const measure = { followUpDate: '2026-05-01', state: 'ongoing' as const, lastFollowedUpOn: null }

  it('is one whose date has passed without a follow-up on or after it', () => {
    expect(isFollowUpOverdue(measure, '2026-05-02')).toBe(true)
    expect(isFollowUpOverdue(measure, '2026-05-01')).toBe(false)
    expect(isFollowUpOverdue({ ...measure, lastFollowedUpOn: '2026-04-30' }, '2026-05-02')).toBe(true)
    expect(isFollowUpOverdue({ ...measure, lastFollowedUpOn: '2026-05-01' }, '2026-05-02')).toBe(false)
  })

  it('is never a done or cancelled measure', () => {
    expect(isFollowUpOverdue({ ...measure, state: 'planned' }, '2026-06-01')).toBe(true)
    expect(isFollowUpOverdue({ ...measure, state: 'done' }, '2026-06-01')).toBe(false)
    expect(isFollowUpOverdue({ ...measure, state: 'cancelled' }, '2026-06-01')).toBe(false)
  })
})
