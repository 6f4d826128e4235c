import { describe, expect, it } from 'vitest'
import { sv } from '../../app/i18n/sv'
import { parseGoalForm } from '../../app/modules/mandate/training-plan-forms'

const GROUP = '7d3c8f52-2a5e-4d0b-9b7e-1f0c2e4a6b11'

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.append(name, value)
  return data
}

describe('the goal form', () => {
  it('takes a counted goal with a whole number 1–1000 and its group optional', () => {
    expect(
      parseGoalForm(form({ title: 'Två övningar', measure: 'evaluated_activities', targetCount: ' 2 ' })),
    ).toMatchObject({
      ok: true,
      data: { title: 'Två övningar', measure: 'evaluated_activities', targetCount: 2, targetGroupId: null },
    })
    expect(
      parseGoalForm(form({ title: 'Alla', measure: 'held_activities', targetCount: '1000', targetGroupId: GROUP })),
    ).toMatchObject({ ok: true, data: { targetCount: 1000, targetGroupId: GROUP } })
  })

  it.each(['0', '1001', '2,5', '-1', 'två', '99999'])('refuses the count %s with a Swedish message', (count) => {
    const parsed = parseGoalForm(form({ title: 'Mål', measure: 'held_activities', targetCount: count }))
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors).toEqual({ targetCount: 'trainingPlan.error.targetCount' })
    expect(sv[parsed.errors.targetCount as keyof typeof sv]).toBe('Skriv ett heltal mellan 1 och 1000.')
    expect(parsed.values.targetCount).toBe(count)
  })

  it('requires the count of a counted goal, and shows it with the other errors', () => {
    const parsed = parseGoalForm(form({ title: '', measure: 'evaluated_activities', targetCount: '' }))
    expect(parsed).toMatchObject({
      ok: false,
      errors: { title: 'validation.required', targetCount: 'trainingPlan.error.targetCountRequired' },
    })
  })

  it('needs the group for "everyone trained", and drops a count given with it', () => {
    expect(parseGoalForm(form({ title: 'Alla TiB', measure: 'group_trained', targetCount: '3' }))).toMatchObject({
      ok: false,
      errors: { targetGroupId: 'trainingPlan.error.groupRequired' },
    })
    expect(
      parseGoalForm(form({ title: 'Alla TiB', measure: 'group_trained', targetCount: '3', targetGroupId: GROUP })),
    ).toMatchObject({ ok: true, data: { targetCount: null, targetGroupId: GROUP } })
  })

  it('refuses a measure outside the list', () => {
    expect(parseGoalForm(form({ title: 'Mål', measure: 'attended', targetCount: '2' }))).toMatchObject({
      ok: false,
      errors: { measure: 'validation.choose' },
    })
  })
})
