import { describe, expect, it } from 'vitest'
import { meetingKinds } from '../../app/db/enums'
import { formatNumber } from '../../app/i18n/format'
import { translator } from '../../app/i18n/i18n'
import { parseForm } from '../../app/modules/forms/parse-form'
import {
  EntryRefSchema,
  entryFormValues,
  MeetingEntrySchema,
  ownEntrySchema,
  reportYearOf,
} from '../../app/modules/mandate/grant-form'
import {
  activityText,
  countedMeetingKinds,
  grantReportCsvRows,
  grantTotals,
  groupByCategory,
  isPeriodYear,
  meetingGrantCategory,
  participantsText,
  periodYears,
  type GrantActivity,
} from '../../app/modules/mandate/grant-report'

const t = translator('sv')

function activity(fields: Partial<GrantActivity> & Pick<GrantActivity, 'key' | 'category'>): GrantActivity {
  return {
    date: '2027-03-01',
    title: 'Aktivitet',
    origin: { kind: 'own', entryId: fields.key },
    participants: [],
    attendance: null,
    hours: null,
    cost: null,
    notes: '',
    entry: null,
    ...fields,
  }
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.append(key, value)
  return data
}

describe('which meetings the grant report counts, and as what', () => {
  it("puts each kind in MSB's category and leaves the council's crime prevention out", () => {
    expect(meetingGrantCategory('rsa_workshop')).toBe('risk_analysis')
    expect(meetingGrantCategory('theme_day')).toBe('training')
    expect(meetingGrantCategory('network_meeting')).toBe('cooperation')
    expect(meetingGrantCategory('exercise')).toBe('exercises')
    expect(meetingGrantCategory('training')).toBe('training')
    expect(meetingGrantCategory('isf_conference')).toBe('cooperation')
    expect(meetingGrantCategory('council_meeting')).toBeNull()
    expect(countedMeetingKinds).not.toContain('council_meeting')
    expect(countedMeetingKinds).toHaveLength(meetingKinds.length - 1)
  })
})

describe('the years of a period', () => {
  it('lists them and knows which belong to it', () => {
    const period = { startYear: 2027, endYear: 2030 }
    expect(periodYears(period)).toEqual([2027, 2028, 2029, 2030])
    expect(isPeriodYear(period, 2027)).toBe(true)
    expect(isPeriodYear(period, 2030)).toBe(true)
    expect(isPeriodYear(period, 2026)).toBe(false)
    expect(isPeriodYear(period, 2031)).toBe(false)
    expect(isPeriodYear(period, 2027.5)).toBe(false)
  })

  it('takes a year from the URL only when it is a year of the period', () => {
    const period = { startYear: 2027, endYear: 2030 }
    expect(reportYearOf(period, '2028')).toBe(2028)
    expect(reportYearOf(period, '2026')).toBeNull()
    expect(reportYearOf(period, '2028.csv')).toBeNull()
    expect(reportYearOf(period, ' 2028')).toBeNull()
    expect(reportYearOf(period, undefined)).toBeNull()
  })
})

describe('grouping and totals', () => {
  const rows = [
    activity({ key: 'b', category: 'training', date: '2027-05-02', title: 'Temadag', hours: 0.1, cost: 500 }),
    activity({ key: 'a', category: 'exercises', date: '2027-09-10', title: 'Övning', hours: 6, cost: null }),
    activity({ key: 'c', category: 'training', date: null, title: 'Hela året', hours: 0.2, cost: 12_500 }),
    activity({ key: 'd', category: 'training', date: '2027-02-01', title: 'Utbildning', hours: null, cost: 1000 }),
  ]

  it("groups by MSB's order, each in date order with whole-year entries last, leaving empty categories out", () => {
    const groups = groupByCategory(rows)
    expect(groups.map((group) => group.category)).toEqual(['training', 'exercises'])
    expect(groups[0]!.activities.map((row) => row.key)).toEqual(['d', 'b', 'c'])
  })

  it('sums activities, known hours (in tenths, without float error) and cost per category and overall', () => {
    const totals = grantTotals(rows)
    expect(totals.categories.map((row) => row.category)).toEqual([
      'risk_analysis',
      'planning',
      'cooperation',
      'training',
      'exercises',
      'reporting',
      'protective_security',
      'civil_defence',
    ])
    expect(totals.categories.find((row) => row.category === 'training')).toEqual({
      category: 'training',
      activities: 3,
      hours: 0.3,
      cost: 14_000,
    })
    expect(totals.categories.find((row) => row.category === 'planning')).toEqual({
      category: 'planning',
      activities: 0,
      hours: 0,
      cost: 0,
    })
    expect(totals.overall).toEqual({ activities: 4, hours: 6.3, cost: 14_000 })
  })
})

describe('how a row reads', () => {
  it('names the kind of what the portal lists, and counts the situation reports of an event', () => {
    expect(
      activityText(t, { title: 'Elavbrott', origin: { kind: 'meeting', meetingId: 'm', meetingKind: 'theme_day' } }),
    ).toBe('Temadag: Elavbrott')
    expect(activityText(t, { title: 'Storm', origin: { kind: 'situation_reports', eventId: 'e', reports: 3 } })).toBe(
      'Lägesrapporter till Länsstyrelsen: Storm (3 lägesrapporter)',
    )
    expect(activityText(t, { title: 'Storm', origin: { kind: 'situation_reports', eventId: 'e', reports: 1 } })).toBe(
      'Lägesrapporter till Länsstyrelsen: Storm (1 lägesrapport)',
    )
    expect(activityText(t, { title: 'RSA 2027', origin: { kind: 'rsa_follow_up', analysisId: 'a' } })).toBe(
      'Uppföljning av åtgärdsplanen: RSA 2027',
    )
    expect(activityText(t, { title: 'Kurs i säkerhetsskydd', origin: { kind: 'own', entryId: 'x' } })).toBe(
      'Kurs i säkerhetsskydd',
    )
  })

  it('lists the participants with the recorded attendance', () => {
    expect(participantsText(t, { participants: ['Borås stad', 'Vårgårda kommun'], attendance: 12 })).toBe(
      'Borås stad, Vårgårda kommun (12 närvarande)',
    )
    expect(participantsText(t, { participants: ['Vårgårda kommun'], attendance: 0 })).toBe('Vårgårda kommun')
    expect(participantsText(t, { participants: [], attendance: 4 })).toBe('4 närvarande')
  })

  it('formats hours and kronor the Swedish way', () => {
    expect(formatNumber('sv', 2.5)).toBe('2,5')
    expect(formatNumber('sv', 12)).toBe('12')
    expect(formatNumber('sv', 12_500, 0).replace(/\s/g, ' ')).toBe('12 500')
  })

  it('gives the CSV its header and one row per activity, with numbers as numbers', () => {
    const rows = grantReportCsvRows(t, [
      activity({ key: 'x', category: 'training', title: 'Kurs', hours: 2.5, cost: 12_500 }),
      activity({
        key: 'meeting:m',
        category: 'cooperation',
        date: '2027-04-01',
        title: 'Nätverksmöte',
        origin: { kind: 'meeting', meetingId: 'm', meetingKind: 'network_meeting' },
        participants: ['Vårgårda kommun'],
        attendance: 7,
      }),
    ])
    expect(rows).toEqual([
      ['kategori', 'datum', 'aktivitet', 'deltagare', 'timmar', 'kostnad', 'källa'],
      [
        'Samverkan',
        '2027-04-01',
        'Nätverksmöte: Nätverksmöte',
        'Vårgårda kommun (7 närvarande)',
        null,
        null,
        'Från portalen',
      ],
      ['Utbildning', '2027-03-01', 'Kurs', '', 2.5, 12_500, 'Egen post'],
    ])
  })
})

describe('the forms', () => {
  const own = ownEntrySchema(2027)
  const valid = {
    category: 'training',
    title: 'Utbildning i säkerhetsskydd',
    occurredOn: '2027-04-12',
    hours: '2,5',
    cost: '12 500',
    notes: '',
  }

  it('reads hours with a decimal comma and kronor with spaces', () => {
    const parsed = parseForm(own, form(valid))
    expect(parsed.ok && parsed.data).toEqual({
      category: 'training',
      title: 'Utbildning i säkerhetsskydd',
      occurredOn: '2027-04-12',
      hours: 2.5,
      cost: 12_500,
      notes: '',
    })
  })

  it('leaves unknown hours, cost and day empty', () => {
    const parsed = parseForm(own, form({ ...valid, occurredOn: '', hours: ' ', cost: '' }))
    expect(parsed.ok && parsed.data).toMatchObject({ occurredOn: null, hours: null, cost: null })
  })

  it.each([
    ['hours', '2,55', 'grantReport.error.hours'],
    ['hours', '-1', 'grantReport.error.hours'],
    ['hours', 'två', 'grantReport.error.hours'],
    ['hours', '100001', 'grantReport.error.hours'],
    ['cost', '12,5', 'grantReport.error.cost'],
    ['cost', '-100', 'grantReport.error.cost'],
    ['cost', '12 500 kr', 'grantReport.error.cost'],
    ['occurredOn', '2028-01-01', 'grantReport.error.dateInYear'],
    ['occurredOn', '2027-02-30', 'validation.date'],
    ['category', 'crime_prevention', 'validation.choose'],
    ['title', '  ', 'validation.required'],
  ])('refuses %s "%s" with a Swedish message, keeping the other input', (field, value, message) => {
    const parsed = parseForm(own, form({ ...valid, [field]: value }))
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors).toEqual({ [field]: message })
    expect(t(message as never)).not.toBe(message)
    expect(parsed.values).toMatchObject({ ...valid, [field]: value })
  })

  it("takes a meeting's entry with version 0 before it has one, and an own entry's reference with its version", () => {
    const meeting = '0b5e1c2d-3f4a-4b6c-8d7e-9f0a1b2c3d4e'
    expect(parseForm(MeetingEntrySchema, form({ meetingId: meeting, version: '0', hours: '3' })).ok).toBe(true)
    expect(parseForm(MeetingEntrySchema, form({ meetingId: 'x', version: '0' })).ok).toBe(false)
    expect(parseForm(EntryRefSchema, form({ entryId: meeting, version: '0' })).ok).toBe(false)
    expect(parseForm(EntryRefSchema, form({ entryId: meeting, version: '2' })).ok).toBe(true)
  })

  it('shows a stored entry with the decimal comma', () => {
    expect(entryFormValues({ hours: 2.5, cost: 12_500, notes: 'x', version: 3 })).toEqual({
      hours: '2,5',
      cost: '12500',
      notes: 'x',
      version: '3',
    })
    expect(entryFormValues({ hours: null, cost: null, notes: '', version: 0 })).toEqual({
      hours: '',
      cost: '',
      notes: '',
      version: '0',
    })
  })
})
