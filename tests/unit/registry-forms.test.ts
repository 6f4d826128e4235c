import { describe, expect, it } from 'vitest'
import { parseServiceForm, ServiceSchema } from '../../app/modules/registry/service-form'
import { resolvePosition, SiteSchema } from '../../app/modules/registry/site-form'
import { wgs84ToSweref } from '../../app/modules/registry/coordinates'

const position = (fields: Partial<Parameters<typeof resolvePosition>[0]>) =>
  resolvePosition({ coordinateSystem: 'wgs84', lat: '', lng: '', northing: '', easting: '', ...fields })

describe('a site position', () => {
  it('is optional', () => {
    expect(position({})).toEqual({ ok: true, position: null })
  })

  it('reads WGS84 with a decimal comma or point', () => {
    expect(position({ lat: '58,034', lng: '12.808' })).toEqual({ ok: true, position: { lat: 58.034, lng: 12.808 } })
  })

  it('reads SWEREF 99 TM in metres and stores WGS84', () => {
    const grid = wgs84ToSweref({ lat: 58.034, lng: 12.808 })
    const result = position({
      coordinateSystem: 'sweref99tm',
      northing: grid.northing.toFixed(3).replace('.', ','),
      easting: grid.easting.toFixed(3),
    })
    expect(result.ok).toBe(true)
    if (!result.ok || !result.position) throw new Error('no position')
    expect(result.position.lat).toBeCloseTo(58.034, 8)
    expect(result.position.lng).toBeCloseTo(12.808, 8)
  })

  it('reads only the chosen coordinate system', () => {
    expect(position({ coordinateSystem: 'sweref99tm', lat: '58', lng: '12' })).toEqual({ ok: true, position: null })
  })

  it('needs both coordinates of the pair', () => {
    expect(position({ lat: '58,034' })).toEqual({ ok: false, errors: { lng: 'validation.required' } })
    expect(position({ coordinateSystem: 'sweref99tm', easting: '370569' })).toEqual({
      ok: false,
      errors: { northing: 'validation.required' },
    })
  })

  it('refuses text that is no number', () => {
    expect(position({ lat: '58°2′', lng: '12,8' })).toEqual({ ok: false, errors: { lat: 'sites.position.number' } })
  })

  it('refuses points outside Sweden, naming the field', () => {
    expect(position({ lat: '12,808', lng: '58,034' })).toEqual({
      ok: false,
      errors: { lat: 'sites.position.latOutside', lng: 'sites.position.lngOutside' },
    })
    expect(position({ lat: '59', lng: '25' })).toEqual({ ok: false, errors: { lng: 'sites.position.lngOutside' } })
    expect(position({ coordinateSystem: 'sweref99tm', northing: '370569', easting: '6434596' })).toEqual({
      ok: false,
      errors: { northing: 'sites.position.northingOutside', easting: 'sites.position.eastingOutside' },
    })
    // Inside the grid's box, but its corner lies beyond the latitude limit.
    expect(position({ coordinateSystem: 'sweref99tm', northing: '7700000', easting: '300000' })).toEqual({
      ok: false,
      errors: { northing: 'sites.position.outside' },
    })
  })
})

describe('the site form', () => {
  it('gives the stored fields, with the position in WGS84', () => {
    const result = SiteSchema.safeParse({
      name: ' Vattenverket ',
      kind: 'plant',
      coordinateSystem: 'sweref99tm',
      northing: '6 434 596',
      easting: '370 569',
      backupPowerHours: '48',
      styrelClass: '1',
      safetyPoint: 'on',
    })
    expect(result.success).toBe(true)
    if (!result.success) return
    expect(result.data).toMatchObject({
      name: 'Vattenverket',
      kind: 'plant',
      address: '',
      backupPowerHours: 48,
      backupFuel: '',
      styrelClass: 1,
      safetyPoint: true,
      emergencyWaterPoint: false,
    })
    expect(result.data.lat).toBeCloseTo(58.034, 4)
    expect(result.data.lng).toBeCloseTo(12.808, 4)
    expect(result.data).not.toHaveProperty('northing')
  })

  it('reports position errors together with the other fields', () => {
    const result = SiteSchema.safeParse({
      name: '',
      kind: 'plant',
      lat: '91',
      lng: '12',
      styrelClass: '9',
      backupPowerHours: '-1',
    })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(Object.fromEntries(result.error.issues.map((issue) => [issue.path[0], issue.message]))).toEqual({
      name: 'validation.required',
      lat: 'sites.position.latOutside',
      styrelClass: 'sites.styrel.range',
      backupPowerHours: 'sites.number.hoursRange',
    })
  })

  it('takes Styrel classes 1–8 as whole numbers only', () => {
    for (const [text, ok] of [
      ['1', true],
      ['8', true],
      ['0', false],
      ['2,5', false],
      ['', true],
    ] as const) {
      expect(SiteSchema.safeParse({ name: 'x', kind: 'plant', styrelClass: text }).success, text).toBe(ok)
    }
  })
})

describe('the service form', () => {
  const form = (fields: Record<string, string | string[]>) => {
    const data = new FormData()
    for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item)
    return data
  }
  const SITE_A = '6b1f4e1c-8d43-4d52-9a51-0d8f7f1d2c11'
  const SITE_B = '7c2f4e1c-8d43-4d52-9a51-0d8f7f1d2c11'

  it('reads the sites as repeated checkboxes', () => {
    const result = parseServiceForm(
      ServiceSchema,
      form({
        name: 'Dricksvatten',
        sector: 'municipal_technical',
        acceptableOutageHours: '12',
        siteIds: [SITE_A, SITE_B, SITE_A],
      }),
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.data).toMatchObject({
      name: 'Dricksvatten',
      sector: 'municipal_technical',
      acceptableOutageHours: 12,
      styrelClass: null,
      peopleServed: null,
      hasContinuityPlan: false,
      continuityExercisedOn: null,
      siteIds: [SITE_A, SITE_B],
    })
  })

  it('needs an acceptable outage time above zero and a sector from the list', () => {
    const result = parseServiceForm(ServiceSchema, form({ name: 'x', sector: 'education', acceptableOutageHours: '0' }))
    expect(result.ok ? null : result.errors).toEqual({
      sector: 'validation.choose',
      acceptableOutageHours: 'services.outage.range',
    })
  })

  it('refuses negative or fractional head counts and malformed site ids', () => {
    const result = parseServiceForm(
      ServiceSchema,
      form({ name: 'x', sector: 'food', acceptableOutageHours: '1', peopleServed: '-3', siteIds: ['nej'] }),
    )
    expect(result.ok ? null : result.errors).toEqual({
      peopleServed: 'services.people.range',
      siteIds: 'validation.choose',
    })
    const fractional = parseServiceForm(
      ServiceSchema,
      form({ name: 'x', sector: 'food', acceptableOutageHours: '1', peopleServed: '2,5' }),
    )
    expect(fractional.ok ? null : fractional.errors).toEqual({ peopleServed: 'sites.number.wholeInvalid' })
  })

  it('takes an exercise date only with a plan, and not in the future', () => {
    const base = { name: 'x', sector: 'food', acceptableOutageHours: '1' }
    const withoutPlan = parseServiceForm(ServiceSchema, form({ ...base, continuityExercisedOn: '2025-03-01' }))
    expect(withoutPlan.ok ? null : withoutPlan.errors).toEqual({
      continuityExercisedOn: 'services.exercised.withoutPlan',
    })
    const future = parseServiceForm(
      ServiceSchema,
      form({ ...base, hasContinuityPlan: 'on', continuityExercisedOn: '2999-01-01' }),
    )
    expect(future.ok ? null : future.errors).toEqual({ continuityExercisedOn: 'services.exercised.future' })
    const invalid = parseServiceForm(
      ServiceSchema,
      form({ ...base, hasContinuityPlan: 'on', continuityExercisedOn: '2025-02-30' }),
    )
    expect(invalid.ok ? null : invalid.errors).toEqual({ continuityExercisedOn: 'validation.date' })
    const fine = parseServiceForm(
      ServiceSchema,
      form({ ...base, hasContinuityPlan: 'on', continuityExercisedOn: '2025-03-01' }),
    )
    expect(fine.ok && fine.data.continuityExercisedOn).toBe('2025-03-01')
  })
})
