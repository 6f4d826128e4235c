import { describe, expect, it } from 'vitest'
import {
  type CalendarEvent,
  DEFAULT_PRODUCT_ID,
  feedCalendar,
  invitationCalendar,
  stockholmLocalParts,
} from '~/modules/meetings/icalendar'
import { escapeText, foldLine, parameterValue } from '~/modules/text/content-line'

const CRLF = '\r\n'
const octets = (text: string) => Buffer.byteLength(text, 'utf8')

/** Physical lines as written, without the CRLF that ends each of them. */
function physicalLines(text: string): string[] {
  expect(text.endsWith(CRLF)).toBe(true)
  return text.slice(0, -CRLF.length).split(CRLF)
}

/** Content lines after unfolding (RFC 5545 §3.1: remove every CRLF followed by one space). */
function unfold(text: string): string[] {
  return physicalLines(text.replace(/\r\n /g, ''))
}

interface ContentLine {
  name: string
  params: string
  value: string
}

/** Splits a content line at the first colon that is not inside a quoted parameter value. */
function parseLine(line: string): ContentLine {
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted
    if (line[i] === ':' && !quoted) {
      const head = line.slice(0, i)
      const separator = head.indexOf(';')
      return separator === -1
        ? { name: head, params: '', value: line.slice(i + 1) }
        : { name: head.slice(0, separator), params: head.slice(separator + 1), value: line.slice(i + 1) }
    }
  }
  throw new Error(`No value in content line: ${line}`)
}

interface Component {
  name: string
  lines: ContentLine[]
  children: Component[]
}

/** Parses unfolded text into components; fails on unbalanced or crossed BEGIN/END. */
function parseCalendar(text: string): Component {
  const root: Component = { name: '', lines: [], children: [] }
  const stack = [root]
  for (const line of unfold(text).map(parseLine)) {
    const current = stack[stack.length - 1]!
    if (line.name === 'BEGIN') {
      const child: Component = { name: line.value, lines: [], children: [] }
      current.children.push(child)
      stack.push(child)
    } else if (line.name === 'END') {
      expect(line.value, 'END closes the innermost open component').toBe(current.name)
      stack.pop()
    } else {
      current.lines.push(line)
    }
  }
  expect(stack, 'every BEGIN has its END').toHaveLength(1)
  expect(root.lines, 'no properties outside VCALENDAR').toEqual([])
  expect(root.children).toHaveLength(1)
  return root.children[0]!
}

const children = (component: Component, name: string) => component.children.filter((child) => child.name === name)
const values = (component: Component, name: string) =>
  component.lines.filter((line) => line.name === name).map((line) => line.value)
const only = (component: Component, name: string) => {
  const found = component.lines.filter((line) => line.name === name)
  expect(found, `exactly one ${name}`).toHaveLength(1)
  return found[0]!
}

function firstEvent(text: string): Component {
  const events = children(parseCalendar(text), 'VEVENT')
  expect(events).toHaveLength(1)
  return events[0]!
}

function meeting(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: 'meeting-7f3a@omradesansvar.example.se',
    sequence: 0,
    start: new Date('2027-06-10T08:00:00Z'),
    end: new Date('2027-06-10T09:30:00Z'),
    title: 'Samverkansmöte: elförsörjning',
    organizer: { name: 'Karin Åström', email: 'karin.astrom@vargarda.example.se' },
    attendees: [{ name: 'Per Öberg', email: 'per.oberg@example.se' }],
    updatedAt: new Date('2027-05-20T12:34:56.789Z'),
    ...overrides,
  }
}

describe('stockholmLocalParts', () => {
  it.each([
    [
      'summer (CEST, +02:00)',
      '2027-06-10T08:00:00Z',
      { year: 2027, month: 6, day: 10, hour: 10, minute: 0, second: 0 },
    ],
    ['winter (CET, +01:00)', '2027-01-15T08:00:00Z', { year: 2027, month: 1, day: 15, hour: 9, minute: 0, second: 0 }],
    [
      'midnight as hour 0, on the next local day',
      '2027-06-10T22:00:00Z',
      { year: 2027, month: 6, day: 11, hour: 0, minute: 0, second: 0 },
    ],
    [
      'new year in Stockholm before UTC',
      '2026-12-31T23:30:15Z',
      { year: 2027, month: 1, day: 1, hour: 0, minute: 30, second: 15 },
    ],
    [
      'just before spring forward',
      '2027-03-28T00:59:59Z',
      { year: 2027, month: 3, day: 28, hour: 1, minute: 59, second: 59 },
    ],
    [
      'just after spring forward',
      '2027-03-28T01:00:00Z',
      { year: 2027, month: 3, day: 28, hour: 3, minute: 0, second: 0 },
    ],
  ])('%s', (_label, instant, expected) => {
    expect(stockholmLocalParts(new Date(instant))).toEqual(expected)
  })

  it('rejects an invalid date', () => {
    expect(() => stockholmLocalParts(new Date('not a date'))).toThrow(RangeError)
  })
})

describe('invitationCalendar: calendar structure', () => {
  it('writes a complete, balanced VCALENDAR with one VTIMEZONE and one VEVENT', () => {
    const calendar = parseCalendar(invitationCalendar(meeting(), 'REQUEST'))
    expect(calendar.name).toBe('VCALENDAR')
    expect(values(calendar, 'VERSION')).toEqual(['2.0'])
    expect(values(calendar, 'PRODID')).toEqual([DEFAULT_PRODUCT_ID])
    expect(values(calendar, 'CALSCALE')).toEqual(['GREGORIAN'])
    expect(values(calendar, 'METHOD')).toEqual(['REQUEST'])
    expect(calendar.children.map((child) => child.name)).toEqual(['VTIMEZONE', 'VEVENT'])
  })

  it('uses the default PRODID -//Områdesansvarsportalen//SV unless another is given', () => {
    expect(DEFAULT_PRODUCT_ID).toBe('-//Områdesansvarsportalen//SV')
    const calendar = parseCalendar(invitationCalendar(meeting(), 'REQUEST', { productId: '-//Test//Kalender//SV' }))
    expect(values(calendar, 'PRODID')).toEqual(['-//Test//Kalender//SV'])
  })

  it('ends every line, including the last, with CRLF and has no bare CR or LF', () => {
    const text = invitationCalendar(
      meeting({ description: 'Rad ett\nRad två\r\nRad tre\rRad fyra', location: 'Kommunhuset\nSal A' }),
      'REQUEST',
    )
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
  })

  it('writes the Europe/Stockholm VTIMEZONE with the EU daylight-saving rules', () => {
    const [timezone] = children(parseCalendar(invitationCalendar(meeting(), 'REQUEST')), 'VTIMEZONE')
    expect(values(timezone!, 'TZID')).toEqual(['Europe/Stockholm'])
    const [daylight] = children(timezone!, 'DAYLIGHT')
    const [standard] = children(timezone!, 'STANDARD')
    expect(daylight!.lines.map((line) => `${line.name}:${line.value}`)).toEqual([
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'TZNAME:CEST',
      'DTSTART:19700329T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    ])
    expect(standard!.lines.map((line) => `${line.name}:${line.value}`)).toEqual([
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'TZNAME:CET',
      'DTSTART:19701025T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    ])
  })

  it('starts both observances on the last Sunday of their month, as their RRULE says', () => {
    for (const [day, month] of [
      [29, 2],
      [25, 9],
    ] as const) {
      const date = new Date(Date.UTC(1970, month, day))
      expect(date.getUTCDay()).toBe(0)
      expect(new Date(Date.UTC(1970, month, day + 7)).getUTCMonth()).not.toBe(month)
    }
  })
})

describe('invitationCalendar: event times', () => {
  it('writes a summer meeting in Stockholm daylight time', () => {
    const event = firstEvent(invitationCalendar(meeting(), 'REQUEST'))
    expect(only(event, 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: 'TZID=Europe/Stockholm',
      value: '20270610T100000',
    })
    expect(only(event, 'DTEND')).toEqual({ name: 'DTEND', params: 'TZID=Europe/Stockholm', value: '20270610T113000' })
  })

  it('writes a winter meeting in Stockholm standard time', () => {
    const text = invitationCalendar(
      meeting({ start: new Date('2027-01-15T08:00:00Z'), end: new Date('2027-01-15T09:00:00Z') }),
      'REQUEST',
    )
    expect(unfold(text)).toContain('DTSTART;TZID=Europe/Stockholm:20270115T090000')
    expect(unfold(text)).toContain('DTEND;TZID=Europe/Stockholm:20270115T100000')
  })

  it('writes each end of an event spanning the October change in its own offset', () => {
    // Clocks went back at 01:00Z on 2027-10-31: 00:00 is CEST (+2), 05:00 is CET (+1).
    const text = invitationCalendar(
      meeting({ start: new Date('2027-10-30T22:00:00Z'), end: new Date('2027-10-31T04:00:00Z') }),
      'REQUEST',
    )
    expect(unfold(text)).toContain('DTSTART;TZID=Europe/Stockholm:20271031T000000')
    expect(unfold(text)).toContain('DTEND;TZID=Europe/Stockholm:20271031T050000')
  })

  it('writes each end of an event spanning the March change in its own offset', () => {
    // Clocks went forward at 01:00Z on 2027-03-28: 01:30 is CET (+1), 03:30 is CEST (+2).
    const text = invitationCalendar(
      meeting({ start: new Date('2027-03-28T00:30:00Z'), end: new Date('2027-03-28T01:30:00Z') }),
      'REQUEST',
    )
    expect(unfold(text)).toContain('DTSTART;TZID=Europe/Stockholm:20270328T013000')
    expect(unfold(text)).toContain('DTEND;TZID=Europe/Stockholm:20270328T033000')
  })

  it('writes the second, repeated 02:30 of the October night in UTC, since TZID would mean the first', () => {
    const first = firstEvent(
      invitationCalendar(
        meeting({ start: new Date('2027-10-31T00:30:00Z'), end: new Date('2027-10-31T01:30:00Z') }),
        'REQUEST',
      ),
    )
    expect(only(first, 'DTSTART')).toMatchObject({ params: 'TZID=Europe/Stockholm', value: '20271031T023000' })
    expect(only(first, 'DTEND')).toMatchObject({ params: '', value: '20271031T013000Z' })
  })

  it('writes DTSTAMP in UTC from updatedAt, without milliseconds', () => {
    const event = firstEvent(invitationCalendar(meeting(), 'REQUEST'))
    expect(only(event, 'DTSTAMP')).toEqual({ name: 'DTSTAMP', params: '', value: '20270520T123456Z' })
  })

  it('rejects an event that does not end after it starts', () => {
    const start = new Date('2027-06-10T08:00:00Z')
    expect(() => invitationCalendar(meeting({ start, end: start }), 'REQUEST')).toThrow(RangeError)
    expect(() => invitationCalendar(meeting({ start, end: new Date('2027-06-10T07:00:00Z') }), 'REQUEST')).toThrow(
      RangeError,
    )
  })

  it('rejects invalid dates', () => {
    expect(() => invitationCalendar(meeting({ updatedAt: new Date(Number.NaN) }), 'REQUEST')).toThrow(RangeError)
  })
})

describe('invitationCalendar: event properties', () => {
  it('writes UID, SEQUENCE, SUMMARY, ORGANIZER and STATUS:CONFIRMED by default', () => {
    const event = firstEvent(invitationCalendar(meeting({ sequence: 4 }), 'REQUEST'))
    expect(values(event, 'UID')).toEqual(['meeting-7f3a@omradesansvar.example.se'])
    expect(values(event, 'SEQUENCE')).toEqual(['4'])
    expect(values(event, 'SUMMARY')).toEqual(['Samverkansmöte: elförsörjning'])
    expect(only(event, 'ORGANIZER')).toEqual({
      name: 'ORGANIZER',
      params: 'CN=Karin Åström',
      value: 'mailto:karin.astrom@vargarda.example.se',
    })
    expect(values(event, 'STATUS')).toEqual(['CONFIRMED'])
  })

  it('writes DESCRIPTION, LOCATION and URL when given, and leaves them out otherwise', () => {
    const full = firstEvent(
      invitationCalendar(
        meeting({
          description: 'Genomgång av reservkraft',
          location: 'Kommunhuset, sal A',
          url: 'https://portal.example.se/moten/7f3a?vy=karta,lista;x=1',
        }),
        'REQUEST',
      ),
    )
    expect(values(full, 'DESCRIPTION')).toEqual(['Genomgång av reservkraft'])
    expect(values(full, 'LOCATION')).toEqual(['Kommunhuset\\, sal A'])
    // A URI is not TEXT, so its commas and semicolons are not escaped.
    expect(values(full, 'URL')).toEqual(['https://portal.example.se/moten/7f3a?vy=karta,lista;x=1'])

    const bare = firstEvent(invitationCalendar(meeting(), 'REQUEST'))
    for (const name of ['DESCRIPTION', 'LOCATION', 'URL']) expect(values(bare, name)).toEqual([])
  })

  it('prints the STATUS it is given on a REQUEST', () => {
    const event = firstEvent(invitationCalendar(meeting({ status: 'CANCELLED' }), 'REQUEST'))
    expect(values(event, 'STATUS')).toEqual(['CANCELLED'])
  })

  it('writes attendees with their PARTSTAT, NEEDS-ACTION by default, and asks them to reply', () => {
    const event = firstEvent(
      invitationCalendar(
        meeting({
          attendees: [
            { name: 'Per Öberg', email: 'per.oberg@example.se' },
            { name: 'Lena Ek', email: 'lena.ek@example.se', partstat: 'ACCEPTED' },
            { name: 'Ali Hassan', email: 'ali.hassan@example.se', partstat: 'DECLINED' },
            { email: 'tib@example.se', partstat: 'TENTATIVE' },
          ],
        }),
        'REQUEST',
      ),
    )
    expect(event.lines.filter((line) => line.name === 'ATTENDEE')).toEqual([
      {
        name: 'ATTENDEE',
        params: 'CN=Per Öberg;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE',
        value: 'mailto:per.oberg@example.se',
      },
      {
        name: 'ATTENDEE',
        params: 'CN=Lena Ek;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE',
        value: 'mailto:lena.ek@example.se',
      },
      {
        name: 'ATTENDEE',
        params: 'CN=Ali Hassan;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;RSVP=TRUE',
        value: 'mailto:ali.hassan@example.se',
      },
      // Without a name there is no CN at all.
      { name: 'ATTENDEE', params: 'ROLE=REQ-PARTICIPANT;PARTSTAT=TENTATIVE;RSVP=TRUE', value: 'mailto:tib@example.se' },
    ])
  })
})

describe('invitationCalendar: CANCEL', () => {
  it('keeps UID, prints the given SEQUENCE and marks the event cancelled', () => {
    const original = meeting({ sequence: 2 })
    const request = firstEvent(invitationCalendar(original, 'REQUEST'))
    const text = invitationCalendar({ ...original, sequence: 3 }, 'CANCEL')
    const calendar = parseCalendar(text)
    const cancel = firstEvent(text)

    expect(values(calendar, 'METHOD')).toEqual(['CANCEL'])
    expect(values(cancel, 'STATUS')).toEqual(['CANCELLED'])
    expect(values(cancel, 'UID')).toEqual(values(request, 'UID'))
    expect(values(request, 'SEQUENCE')).toEqual(['2'])
    expect(values(cancel, 'SEQUENCE')).toEqual(['3'])
  })

  it('is CANCELLED even when the event says CONFIRMED', () => {
    const cancel = firstEvent(invitationCalendar(meeting({ status: 'CONFIRMED' }), 'CANCEL'))
    expect(values(cancel, 'STATUS')).toEqual(['CANCELLED'])
  })

  it('still lists the attendees it concerns, but asks for no reply', () => {
    const cancel = firstEvent(invitationCalendar(meeting(), 'CANCEL'))
    expect(cancel.lines.filter((line) => line.name === 'ATTENDEE')).toEqual([
      {
        name: 'ATTENDEE',
        params: 'CN=Per Öberg;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION',
        value: 'mailto:per.oberg@example.se',
      },
    ])
  })

  it('rejects a SEQUENCE that is negative or not an integer', () => {
    expect(() => invitationCalendar(meeting({ sequence: -1 }), 'CANCEL')).toThrow(RangeError)
    expect(() => invitationCalendar(meeting({ sequence: 1.5 }), 'CANCEL')).toThrow(RangeError)
  })
})

describe('escaping', () => {
  it.each([
    ['backslash', 'C:\\kris\\plan', 'C:\\\\kris\\\\plan'],
    ['semicolon', 'Ledning; stab', 'Ledning\\; stab'],
    ['comma', 'El, vatten, värme', 'El\\, vatten\\, värme'],
    ['LF, CRLF and CR as \\n', 'a\nb\r\nc\rd', 'a\\nb\\nc\\nd'],
    ['colon and double quote unchanged', 'Kl: 10 "skarpt"', 'Kl: 10 "skarpt"'],
    ['backslash before n, not a newline', 'sökväg\\n', 'sökväg\\\\n'],
    ['other control characters dropped, tab kept', 'a\u0000b\u0007c\td\u007f', 'abc\td'],
  ])('%s', (_label, input, expected) => {
    expect(escapeText(input)).toBe(expected)
  })

  it('escapes SUMMARY, DESCRIPTION and LOCATION, so a line break cannot inject a property', () => {
    const title = 'Övning; stab, ledning\r\nATTENDEE:mailto:obehorig@example.com'
    const text = invitationCalendar(
      meeting({ title, description: 'Se C:\\delat\\kris', location: 'Sal A; plan 2' }),
      'REQUEST',
    )
    const event = firstEvent(text)
    expect(values(event, 'SUMMARY')).toEqual(['Övning\\; stab\\, ledning\\nATTENDEE:mailto:obehorig@example.com'])
    expect(values(event, 'DESCRIPTION')).toEqual(['Se C:\\\\delat\\\\kris'])
    expect(values(event, 'LOCATION')).toEqual(['Sal A\\; plan 2'])
    expect(event.lines.filter((line) => line.name === 'ATTENDEE')).toHaveLength(1)
  })

  it('strips line breaks from URL and e-mail addresses', () => {
    const event = firstEvent(
      invitationCalendar(
        meeting({
          url: 'https://portal.example.se/m\r\nATTENDEE:mailto:x@example.com',
          attendees: [{ email: 'per@example.se\nX-EVIL:1' }],
        }),
        'REQUEST',
      ),
    )
    expect(values(event, 'URL')).toEqual(['https://portal.example.se/mATTENDEE:mailto:x@example.com'])
    expect(values(event, 'ATTENDEE')).toEqual(['mailto:per@example.seX-EVIL:1'])
    expect(values(event, 'X-EVIL')).toEqual([])
  })

  it.each([
    ['plain name, unquoted', 'Karin Åström', 'Karin Åström'],
    ['comma, quoted', 'Åström, Karin', '"Åström, Karin"'],
    ['semicolon, quoted', 'Räddningstjänsten; TiB', '"Räddningstjänsten; TiB"'],
    ['colon, quoted', 'Kommun: Vårgårda', '"Kommun: Vårgårda"'],
    ['double quotes replaced', 'Per "Pelle" Öberg', "Per 'Pelle' Öberg"],
    ['double quotes replaced inside a quoted value', 'Öberg, Per "Pelle"', `"Öberg, Per 'Pelle'"`],
    ['line break becomes a space', 'Per\nÖberg', 'Per Öberg'],
  ])('CN parameter: %s', (_label, name, expected) => {
    expect(parameterValue(name)).toBe(expected)
  })

  it('quotes a CN with delimiters in ORGANIZER and ATTENDEE so the value still parses', () => {
    const event = firstEvent(
      invitationCalendar(
        meeting({
          organizer: { name: 'Kommun: Vårgårda; "krisledning"', email: 'kris@vargarda.example.se' },
          attendees: [{ name: 'Öberg, Per', email: 'per.oberg@example.se', partstat: 'ACCEPTED' }],
        }),
        'REQUEST',
      ),
    )
    expect(only(event, 'ORGANIZER')).toEqual({
      name: 'ORGANIZER',
      params: `CN="Kommun: Vårgårda; 'krisledning'"`,
      value: 'mailto:kris@vargarda.example.se',
    })
    expect(only(event, 'ATTENDEE')).toEqual({
      name: 'ATTENDEE',
      params: 'CN="Öberg, Per";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE',
      value: 'mailto:per.oberg@example.se',
    })
  })
})

describe('line folding', () => {
  const swedish =
    'Samverkansmöte om elförsörjning, vattenförsörjning och värme i Vårgårda kommun; ' +
    'ärenden: återställning av reservkraft på äldreboendet Östergården, översyn av ' +
    'trygghetspunkter och kommunikation med allmänheten 🚒⚡️💧 under höststormen Åsa.\n' +
    'Ta med lägesbild och åtgärdslista. 👩‍🚒🇸🇪'

  function expectFolded(text: string): void {
    for (const line of physicalLines(text)) {
      expect(octets(line), line).toBeLessThanOrEqual(75)
      // A split UTF-8 character would show up as a lone surrogate or U+FFFD.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line)
      expect(line).not.toContain('\uFFFD')
    }
  }

  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    const exact = `SUMMARY:${'x'.repeat(67)}`
    expect(octets(exact)).toBe(75)
    expect(foldLine(exact)).toBe(exact)
    expect(foldLine(`${exact}y`)).toBe(`${exact}\r\n y`)
  })

  it('counts octets, not characters: 38 å make 76 octets and are folded', () => {
    const line = 'å'.repeat(38)
    expect(line.length).toBe(38)
    const folded = foldLine(line)
    expect(folded).toBe(`${'å'.repeat(37)}\r\n å`)
    expectFolded(`${folded}\r\n`)
  })

  it('never splits a four-octet emoji, even at the fold', () => {
    for (let prefix = 0; prefix < 8; prefix++) {
      const line = `${'a'.repeat(70 + prefix)}${'😀'.repeat(10)}`
      const folded = foldLine(line)
      expectFolded(`${folded}\r\n`)
      expect(folded.replace(/\r\n /g, '')).toBe(line)
    }
  })

  it('folds long Swedish text with emoji into lines of at most 75 octets that unfold to the escaped value', () => {
    const text = invitationCalendar(
      meeting({ title: `Övning: ${swedish.slice(0, 120)}`, description: swedish, location: swedish }),
      'REQUEST',
    )
    expectFolded(text)
    const lines = physicalLines(text)
    expect(lines.some((line) => line.startsWith(' '))).toBe(true)
    for (const line of lines.filter((line) => line.startsWith(' '))) expect(line.startsWith('  ')).toBe(false)

    const unfolded = unfold(text)
    expect(unfolded).toContain(`DESCRIPTION:${escapeText(swedish)}`)
    expect(unfolded).toContain(`LOCATION:${escapeText(swedish)}`)
    expect(escapeText(swedish)).toContain('Vårgårda kommun\\; ärenden: återställning')
    expect(escapeText(swedish)).toContain('höststormen Åsa.\\nTa med')
  })

  it('folds long parameter lines (quoted CN) as well', () => {
    const name = `Räddningstjänsten Södra Älvsborg, ${'Åsa Öhrström-Ängström '.repeat(4)}`.trim()
    const text = invitationCalendar(meeting({ attendees: [{ name, email: 'asa@example.se' }] }), 'REQUEST')
    expectFolded(text)
    expect(only(firstEvent(text), 'ATTENDEE').params).toBe(
      `CN="${name}";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE`,
    )
  })
})

describe('feedCalendar', () => {
  const board = meeting({ uid: 'board-1@omradesansvar.example.se', title: 'Krisledningsnämnden', sequence: 1 })
  const exercise = meeting({
    uid: 'exercise-2@omradesansvar.example.se',
    title: 'Övning Elbortfall',
    sequence: 5,
    start: new Date('2027-01-15T08:00:00Z'),
    end: new Date('2027-01-15T12:00:00Z'),
    status: 'CANCELLED',
  })

  it('writes two events with one VTIMEZONE, a name and no METHOD', () => {
    const text = feedCalendar([board, exercise], { name: 'Möten – Vårgårda, krisberedskap' })
    const calendar = parseCalendar(text)
    expect(values(calendar, 'METHOD')).toEqual([])
    expect(values(calendar, 'X-WR-CALNAME')).toEqual(['Möten – Vårgårda\\, krisberedskap'])
    expect(values(calendar, 'VERSION')).toEqual(['2.0'])
    expect(calendar.children.map((child) => child.name)).toEqual(['VTIMEZONE', 'VEVENT', 'VEVENT'])

    const [first, second] = children(calendar, 'VEVENT')
    expect(values(first!, 'UID')).toEqual(['board-1@omradesansvar.example.se'])
    expect(values(first!, 'SEQUENCE')).toEqual(['1'])
    expect(values(first!, 'STATUS')).toEqual(['CONFIRMED'])
    expect(values(first!, 'DTSTART')).toEqual(['20270610T100000'])
    expect(values(second!, 'UID')).toEqual(['exercise-2@omradesansvar.example.se'])
    expect(values(second!, 'SEQUENCE')).toEqual(['5'])
    expect(values(second!, 'STATUS')).toEqual(['CANCELLED'])
    expect(values(second!, 'DTSTART')).toEqual(['20270115T090000'])
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
  })

  it('leaves attendees out of a shareable feed but keeps the organizer', () => {
    const calendar = parseCalendar(feedCalendar([board]))
    const [event] = children(calendar, 'VEVENT')
    expect(values(event!, 'ATTENDEE')).toEqual([])
    expect(values(event!, 'ORGANIZER')).toEqual(['mailto:karin.astrom@vargarda.example.se'])
  })

  it('has no X-WR-CALNAME without a name, and is still valid with no events', () => {
    const calendar = parseCalendar(feedCalendar([]))
    expect(values(calendar, 'X-WR-CALNAME')).toEqual([])
    expect(values(calendar, 'PRODID')).toEqual([DEFAULT_PRODUCT_ID])
    expect(calendar.children.map((child) => child.name)).toEqual(['VTIMEZONE'])
  })
})
