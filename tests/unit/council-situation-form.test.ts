import { describe, expect, it } from 'vitest'
import { PictureSchema } from '../../app/modules/council/situation-form'

const valid = { title: 'Lägesbild hösten 2026', periodFrom: '2026-09-01', periodTo: '2026-11-30', analysis: '', otherInformation: '' }

describe('PictureSchema', () => {
  it('accepts a period of up to a year', () => {
    expect(PictureSchema.safeParse(valid).success).toBe(true)
    expect(PictureSchema.safeParse({ ...valid, periodFrom: '2026-01-01', periodTo: '2026-12-31' }).success).toBe(true)
  })

  it.each([
    [{ periodFrom: '2026-02-30' }, 'periodFrom', 'situation.error.date'],
    [{ periodTo: '30/11/2026' }, 'periodTo', 'situation.error.date'],
    [{ periodTo: '2026-08-31' }, 'periodTo', 'situation.error.order'],
    [{ periodFrom: '2025-01-01', periodTo: '2026-11-30' }, 'periodTo', 'situation.error.long'],
    [{ title: '  ' }, 'title', 'validation.required'],
  ])('refuses %j', (change, field, message) => {
    const result = PictureSchema.safeParse({ ...valid, ...change })
    expect(result.success).toBe(false)
    expect(result.error!.issues.find((issue) => issue.path[0] === field)?.message).toBe(message)
  })
})
