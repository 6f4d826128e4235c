import { describe, expect, it } from 'vitest'
import { callLogText, calloutLogText, calloutMailText } from '../../app/modules/events/callout-texts'
import { statusReportLogText } from '../../app/modules/events/status-report-text'

// What the portal writes by itself into the event log and the call-out mail:
// Swedish, short, and an exercise unmistakable.

describe('the log line of a status report', () => {
  it('names the service, the status and the hours left on backup', () => {
    expect(
      statusReportLogText({
        serviceName: 'Fjärrvärme Solör',
        status: 'backup',
        backupHoursLeft: 10,
        expectedRestorationAt: null,
        needs: [],
        needsOther: '',
      }),
    ).toBe('Fjärrvärme Solör: På reserv, 10 h kvar')
  })

  it('adds the expected restoration in Stockholm time and the needs', () => {
    expect(
      statusReportLogText({
        serviceName: 'Vattenverket',
        status: 'backup',
        backupHoursLeft: 2.5,
        expectedRestorationAt: new Date('2026-12-12T17:00:00Z'),
        needs: ['fuel', 'staff'],
        needsOther: 'Tankbil',
      }),
    ).toBe('Vattenverket: På reserv, 2,5 h kvar, väntas åter 12 dec. 2026 18:00. Behov: drivmedel, personal, Tankbil')
  })

  it('says nothing of hours for another status', () => {
    const line = { serviceName: 'Skolan', backupHoursLeft: 4, expectedRestorationAt: null, needs: [], needsOther: '' }
    expect(statusReportLogText({ ...line, status: 'failed' })).toBe('Skolan: Utslagen')
    expect(statusReportLogText({ ...line, status: 'normal' })).toBe('Skolan: Normal drift')
  })
})

describe('the call-out texts', () => {
  const event = {
    title: 'Elavbrott Vårgårda',
    kind: 'exercise' as const,
    level: 'staff' as const,
    description: 'Elavbrott i centrala Vårgårda.',
    startedAt: new Date('2026-12-12T07:30:00Z'),
  }
  const mail = (kind: 'exercise' | 'real') =>
    calloutMailText({
      event: { ...event, kind },
      senderName: 'Vårgårda kommun',
      organisationName: 'Solör Bioenergi',
      statusLink: 'https://portal.example.org/lagesrapport/abc234',
      eventLink: 'https://portal.example.org/handelser/1',
    })

  it('marks an exercise first in the subject and the text', () => {
    const { subject, text } = mail('exercise')
    expect(subject).toBe('ÖVNING – Utlarmning: Elavbrott Vårgårda')
    expect(text.startsWith('ÖVNING')).toBe(true)
    expect(text).toContain('Nivå: Stabsläge')
    expect(text).toContain('Började: 12 dec. 2026 08:30')
    expect(text).toContain('Elavbrott i centrala Vårgårda.')
    expect(text).toContain('https://portal.example.org/lagesrapport/abc234')
  })

  it('has no exercise mark for a real event', () => {
    const { subject, text } = mail('real')
    expect(subject).toBe('Utlarmning: Elavbrott Vårgårda')
    expect(text).not.toContain('ÖVNING')
  })

  it('counts organisations and recipients in the log, and names those to ring', () => {
    expect(calloutLogText({ organisations: 5, recipients: 9, withoutEmail: [] })).toBe(
      'Utlarmning till 5 organisationer, e-post till 9 mottagare.',
    )
    expect(calloutLogText({ organisations: 1, recipients: 0, withoutEmail: ['Räddningstjänsten'] })).toBe(
      'Utlarmning till 1 organisation, e-post till 0 mottagare. Utan e-postadress för utlarmning (ring dem): Räddningstjänsten.',
    )
  })

  it('writes a call without its number', () => {
    expect(
      callLogText({
        organisationName: 'Solör Bioenergi',
        function: 'isk',
        channel: 'mobile',
        outcome: 'not_reached',
        note: ' Provar växeln. ',
      }),
    ).toBe('Samtal till Solör Bioenergi (ISK, mobiltelefon): Inte nådd. Provar växeln.')
  })
})
