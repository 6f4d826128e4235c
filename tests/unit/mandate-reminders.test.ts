import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '~/config/env.server'
import { REMINDER_DAYS } from '~/modules/mandate/deliverable-state'
import { LONGEST_REMINDER_DAYS, reminderDue, reminderMailText } from '~/modules/mandate/reminder-rules'
import { feedCalendar } from '~/modules/meetings/icalendar'

describe('the reminder due on a day', () => {
  it.each([
    [31, null],
    [30, 30],
    [20, 30],
    [8, 30],
    [7, 7],
    [5, 7],
    [1, 7],
    [0, 7],
    [-1, null],
    [-30, null],
  ])('%i days before the due date: %s', (daysUntil, expected) => {
    expect(reminderDue(daysUntil)).toBe(expected)
  })

  it('never gives the 30-day reminder once the 7-day one is due', () => {
    const fromWeek = Array.from({ length: 8 }, (_, day) => reminderDue(day))
    expect(new Set(fromWeek)).toEqual(new Set([7]))
  })

  it('looks as far ahead as the longest lead time', () => {
    expect(REMINDER_DAYS).toEqual([30, 7])
    expect(LONGEST_REMINDER_DAYS).toBe(30)
    expect(reminderDue(LONGEST_REMINDER_DAYS + 1)).toBeNull()
  })
})

describe('the reminder mail', () => {
  const base = {
    title: 'Kriskommunikationsplan',
    periodTitle: 'Mandatperiod 2027–2030',
    dueDate: '2027-12-31',
    state: 'in_progress' as const,
    ownerName: 'Anna Lund',
    link: 'https://portal.example.org/mandatperiod/p1/leveranser/d1',
  }

  it('says what is due when, in Swedish, with the link', () => {
    const mail = reminderMailText({ ...base, daysUntil: 7 })
    expect(mail.subject).toBe('Påminnelse: Kriskommunikationsplan ska vara klar 31 dec. 2027')
    expect(mail.text).toContain(
      '"Kriskommunikationsplan" i mandatperioden Mandatperiod 2027–2030 ska vara klar 31 dec. 2027, om 7 dagar.',
    )
    expect(mail.text).toContain('Status: Pågår')
    expect(mail.text).toContain('Ansvarig: Anna Lund')
    expect(mail.text).toContain(`Leveransen i portalen (kräver inloggning): ${base.link}`)
  })

  it('says today and tomorrow in words, and when nobody owns it', () => {
    expect(reminderMailText({ ...base, daysUntil: 0 }).text).toContain('ska vara klar 31 dec. 2027, i dag.')
    expect(reminderMailText({ ...base, daysUntil: 1 }).text).toContain('ska vara klar 31 dec. 2027, i morgon.')
    expect(reminderMailText({ ...base, daysUntil: 30, ownerName: null }).text).toContain('Ansvarig: ingen utsedd')
  })
})

describe('an all-day event in the feed', () => {
  const day = {
    uid: 'deliverable-d1@omradesansvarsportalen',
    sequence: 2,
    date: '2027-12-31',
    title: 'Leverans: Kriskommunikationsplan',
    description: 'Status: Pågår',
    url: 'https://portal.example.org/mandatperiod/p1/leveranser/d1',
    updatedAt: new Date('2027-01-02T10:00:00Z'),
  }

  it('is a whole day (VALUE=DATE, ending the next day) that does not make anyone busy', () => {
    const text = feedCalendar([day])
    expect(text).toContain('DTSTART;VALUE=DATE:20271231\r\n')
    expect(text).toContain('DTEND;VALUE=DATE:20280101\r\n')
    expect(text).toContain('TRANSP:TRANSPARENT\r\n')
    expect(text).not.toContain('ORGANIZER')
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time
    expect(start.isDate).toBe(true)
    expect(start.toString()).toBe('2027-12-31')
    expect(event.getFirstPropertyValue('uid')).toBe(day.uid)
    expect(event.getFirstPropertyValue('sequence')).toBe(2)
    expect(event.getFirstPropertyValue('summary')).toBe(day.title)
    expect(event.getFirstPropertyValue('description')).toBe('Status: Pågår')
  })

  it('refuses a date that is not a calendar day', () => {
    expect(() => feedCalendar([{ ...day, date: '2027-02-30' }])).toThrow(RangeError)
    expect(() => feedCalendar([{ ...day, date: '31/12/2027' }])).toThrow(RangeError)
  })
})

describe('the reminder interval', () => {
  it('is an hour unless MANDATE_REMINDER_INTERVAL_MS says otherwise', () => {
    expect(parseEnv({}).MANDATE_REMINDER_INTERVAL_MS).toBe(3_600_000)
    expect(parseEnv({ MANDATE_REMINDER_INTERVAL_MS: '300' }).MANDATE_REMINDER_INTERVAL_MS).toBe(300)
    for (const wrong of ['0', '50', '1.5', 'en timme', String(25 * 3_600_000)]) {
      expect(() => parseEnv({ MANDATE_REMINDER_INTERVAL_MS: wrong })).toThrow(EnvError)
    }
  })
})
