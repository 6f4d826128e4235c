import { describe, expect, it } from 'vitest'
import { parseFindingText, parseMeasure, parseResponse } from '../../app/modules/events/evaluation-form'

const owner = '00000000-0000-4000-8000-000000000001'

describe('the event evaluation forms', () => {
  it('reads a complete answer and refuses a missing or out-of-range rating', () => {
    const fields = { 'q.alerting': '5', 'q.picture': '4', 'q.coordination': '3', 'q.information': '2', 'q.roles': '1' }
    expect(parseResponse({ ...fields, worked: '  Bra  ' })).toEqual({
      ok: true,
      data: {
        ratings: { alerting: 5, picture: 4, coordination: 3, information: 2, roles: 1 },
        worked: 'Bra',
        didNotWork: '',
        change: '',
      },
    })
    expect(parseResponse({ ...fields, 'q.roles': '6', change: 'x'.repeat(2_001) })).toEqual({
      ok: false,
      errors: { roles: 'eventEvaluation.error.chooseRating', change: 'validation.tooLong' },
    })
  })

  it('requires a finding text, and a title and a known owner for a measure, with a real date or none', () => {
    expect(parseFindingText('   ')).toEqual({ ok: false, errors: { text: 'validation.required' } })
    expect(parseMeasure({ title: 'Avtal', ownerOrganisationId: owner, dueDate: '' }, [owner])).toEqual({
      ok: true,
      data: { title: 'Avtal', ownerOrganisationId: owner, dueDate: null },
    })
    expect(parseMeasure({ title: '', ownerOrganisationId: 'x', dueDate: '2027-02-30' }, [owner])).toEqual({
      ok: false,
      errors: {
        title: 'validation.required',
        ownerOrganisationId: 'validation.choose',
        dueDate: 'eventEvaluation.error.date',
      },
    })
  })
})
