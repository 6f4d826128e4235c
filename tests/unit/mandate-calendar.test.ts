import { describe, expect, it } from 'vitest'
import type { DeliverableKind, DeliverableState } from '../../app/db/enums'
import { translator } from '../../app/i18n/i18n'
import {
  calendarSummary,
  decisionText,
  deliverableStatus,
  groupByYear,
  noRsa,
  rsaDetailText,
  type RsaFacts,
} from '../../app/modules/mandate/calendar'
import {
  NewPeriodSchema,
  nextPeriodStart,
  parseDeliverableEdit,
  readOwnerChoice,
} from '../../app/modules/mandate/mandate-forms'
import { emptyPickerState } from '../../app/modules/organisations/picker'

const t = translator('sv')
const row = (
  kind: DeliverableKind,
  fields: { state?: DeliverableState; dueDate?: string | null; year?: number | null } = {},
) => ({
  kind,
  state: fields.state ?? 'not_started',
  dueDate: fields.dueDate === undefined ? '2027-10-31' : fields.dueDate,
  year: fields.year ?? null,
})
const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.append(key, value)
  return data
}

describe("a deliverable's state on the day", () => {
  it('is overdue once the due date has passed unless done, and never stored so', () => {
    expect(deliverableStatus(row('steering_document', { dueDate: '2027-06-30' }), noRsa, '2027-07-01').shown).toBe(
      'overdue',
    )
    expect(deliverableStatus(row('steering_document', { dueDate: '2027-06-30' }), noRsa, '2027-06-30').shown).toBe(
      'not_started',
    )
    expect(
      deliverableStatus(row('steering_document', { state: 'done', dueDate: '2027-06-30' }), noRsa, '2028-01-01').shown,
    ).toBe('done')
  })

  it("reads the RSA's state from the RSA pages, whatever was stored", () => {
    const rsa = (analysis: RsaFacts['analysis'], followUps: RsaFacts['followUps'] = {}): RsaFacts => ({
      analysis,
      followUps,
    })
    const stored = row('rsa', { state: 'done' })
    expect(deliverableStatus(stored, noRsa, '2027-05-01')).toEqual({
      state: 'not_started',
      shown: 'not_started',
      rsa: { kind: 'none' },
    })
    const running = rsa({ id: 'a', submitted: 3, expected: 12, sharedOn: null, readable: true })
    expect(deliverableStatus(stored, running, '2027-05-01')).toMatchObject({
      shown: 'in_progress',
      rsa: { kind: 'progress', submitted: 3, expected: 12 },
    })
    expect(deliverableStatus(stored, running, '2027-11-01').shown).toBe('overdue')
    const shared = rsa({ id: 'a', submitted: 12, expected: 12, sharedOn: '2027-10-12', readable: false })
    expect(deliverableStatus(row('rsa'), shared, '2027-11-01')).toMatchObject({
      shown: 'done',
      rsa: { kind: 'shared', on: '2027-10-12' },
    })
    const followedUp = rsa(
      { id: 'a', submitted: 12, expected: 12, sharedOn: '2027-10-12', readable: true },
      { 2028: '2028-09-30' },
    )
    expect(
      deliverableStatus(row('rsa_follow_up', { year: 2028, dueDate: '2028-10-31' }), followedUp, '2029-01-01').shown,
    ).toBe('done')
    expect(
      deliverableStatus(row('rsa_follow_up', { year: 2029, dueDate: '2029-10-31' }), followedUp, '2029-11-01'),
    ).toMatchObject({
      shown: 'overdue',
      rsa: { kind: 'notFollowedUp' },
    })
  })

  it('says in words what the RSA pages say', () => {
    expect(rsaDetailText(t, { kind: 'progress', submitted: 3, expected: 12 })).toBe(
      'Pågår: 3 av 12 bedömningar inlämnade',
    )
    expect(rsaDetailText(t, { kind: 'shared', on: '2027-10-12' })).toBe('Sammanställd och delad 2027-10-12')
    expect(rsaDetailText(t, { kind: 'followedUp', on: '2028-09-30' })).toBe('Uppföljd 2028-09-30')
  })
})

describe('the calendar', () => {
  it('counts done, overdue and what is due within 60 days', () => {
    const today = '2027-05-01'
    const rows = [
      { shown: 'done' as const, dueDate: '2027-03-31' },
      { shown: 'overdue' as const, dueDate: '2027-04-30' },
      { shown: 'not_started' as const, dueDate: '2027-06-30' },
      { shown: 'in_progress' as const, dueDate: '2027-06-29' },
      { shown: 'not_started' as const, dueDate: '2027-07-01' },
      { shown: 'not_started' as const, dueDate: null },
    ]
    expect(calendarSummary(rows, today)).toEqual({ total: 6, done: 1, overdue: 1, dueSoon: 2 })
  })

  it('groups by the year of the due date, the undated last', () => {
    const groups = groupByYear([
      { dueDate: null },
      { dueDate: '2028-03-31' },
      { dueDate: '2027-10-31' },
      { dueDate: '2027-06-30' },
    ])
    expect(groups.map((group) => [group.year, group.rows.length])).toEqual([
      [2027, 2],
      [2028, 1],
      [null, 1],
    ])
  })

  it('writes the decision as the municipality does', () => {
    const decision = { adoptedBy: 'kommunfullmäktige', adoptedOn: '2027-03-14', decisionReference: '§ 23' }
    expect(decisionText(t, { kind: 'steering_document', ...decision })).toBe(
      'Antagen av kommunfullmäktige 2027-03-14, § 23',
    )
    expect(decisionText(t, { kind: 'civil_defence', ...decision })).toBe(
      'Beslutad av kommunfullmäktige 2027-03-14, § 23',
    )
    expect(
      decisionText(t, { kind: 'steering_document', adoptedBy: '', adoptedOn: '2027-03-14', decisionReference: '' }),
    ).toBe('Antagen 2027-03-14')
    expect(
      decisionText(t, { kind: 'steering_document', adoptedBy: '', adoptedOn: null, decisionReference: '' }),
    ).toBeNull()
  })
})

describe('the forms', () => {
  const decision = { version: '3', adoptedBy: 'kommunstyrelsen', adoptedOn: '2028-12-01', decisionReference: '§ 7' }

  it('lets the owner change the state, decision and notes but not what the coordinator decides', () => {
    const parsed = parseDeliverableEdit(
      form({ ...decision, state: 'done', notes: 'Klart', title: 'Nytt namn', dueDate: '2030-01-01' }),
      {
        manage: false,
        milestone: false,
        rsaKind: false,
      },
    )
    expect(parsed).toMatchObject({
      ok: true,
      data: { version: 3, changes: { state: 'done', notes: 'Klart', adoptedOn: '2028-12-01' } },
    })
    expect(parsed.ok && 'title' in parsed.data.changes).toBe(false)
    expect(parsed.ok && 'dueDate' in parsed.data.changes).toBe(false)
  })

  it('gives the coordinator the title and due date, and refuses a date that does not exist', () => {
    const parsed = parseDeliverableEdit(
      form({ ...decision, state: 'in_progress', title: 'Plan', dueDate: '2027-02-30' }),
      {
        manage: true,
        milestone: false,
        rsaKind: false,
      },
    )
    expect(parsed).toMatchObject({ ok: false, errors: { dueDate: 'validation.date' } })
  })

  it('records a milestone as done or not, and refuses notes and "in progress"', () => {
    const options = { manage: true, milestone: true, rsaKind: false }
    expect(
      parseDeliverableEdit(form({ ...decision, title: 'Krigsorganisation', state: 'done' }), options),
    ).toMatchObject({
      ok: true,
      data: { changes: { state: 'done', decisionReference: '§ 7' } },
    })
    const withNotes = parseDeliverableEdit(
      form({ ...decision, title: 'Krigsorganisation', state: 'done', notes: 'Hemligt' }),
      options,
    )
    expect(withNotes).toMatchObject({ ok: false, errors: { notes: 'mandateCalendar.milestone.noNotes' } })
    const halfway = parseDeliverableEdit(
      form({ ...decision, title: 'Krigsorganisation', state: 'in_progress' }),
      options,
    )
    expect(halfway).toMatchObject({ ok: false, errors: { state: 'validation.choose' } })
  })

  it('leaves the state of the RSA alone: it is read from the RSA pages', () => {
    const parsed = parseDeliverableEdit(form({ ...decision, state: 'done' }), {
      manage: false,
      milestone: false,
      rsaKind: true,
    })
    expect(parsed.ok && 'state' in parsed.data.changes).toBe(false)
  })

  it('refuses an owner id the pickers did not find', () => {
    const pickers = {
      ownerUserId: emptyPickerState('ownerUserId', 'person'),
      ownerOrganisationId: {
        ...emptyPickerState('ownerOrganisationId', 'organisation'),
        selected: [{ id: '33333333-3333-4333-8333-333333333333', name: 'Vårgårda kommun', kindLabel: 'Kommun' }],
      },
    }
    const posted = form({
      ownerUserId: '44444444-4444-4444-8444-444444444444',
      ownerOrganisationId: '33333333-3333-4333-8333-333333333333',
    })
    expect(readOwnerChoice(posted, pickers)).toEqual({ ok: false, errors: { ownerUserId: 'validation.choose' } })
    expect(readOwnerChoice(form({ ownerOrganisationId: '33333333-3333-4333-8333-333333333333' }), pickers)).toEqual({
      ok: true,
      ownerUserId: null,
      ownerOrganisationId: '33333333-3333-4333-8333-333333333333',
    })
  })

  it('checks a new period: its years in order, at most eight, and the next one offered first', () => {
    const organisationId = '33333333-3333-4333-8333-333333333333'
    expect(NewPeriodSchema.safeParse({ title: '', startYear: '2027', endYear: '2030', organisationId }).success).toBe(
      true,
    )
    const backwards = NewPeriodSchema.safeParse({ title: '', startYear: '2027', endYear: '2026', organisationId })
    expect(backwards.success ? null : backwards.error.issues[0]!.message).toBe('mandateCalendar.validation.endYear')
    expect(NewPeriodSchema.safeParse({ title: '', startYear: '2027', endYear: '2040', organisationId }).success).toBe(
      false,
    )
    expect([2026, 2027, 2028, 2031].map(nextPeriodStart)).toEqual([2027, 2027, 2031, 2031])
  })
})
