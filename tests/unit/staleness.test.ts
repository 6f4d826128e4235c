import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '../../app/config/env.server'
import { classifyOrganisation, reminderMessage, staleBefore, type OrganisationFacts } from '../../app/modules/staleness/staleness'

const now = new Date('2026-11-27T10:00:00Z')
const cutoff = staleBefore(now, 6)

const current: OrganisationFacts = {
  confirmedAt: new Date('2026-10-01T08:00:00Z'),
  hasIsk: true,
  hasAlwaysRoute: true,
  failedRoutes: [],
}

const failed = {
  id: 'r1',
  function: 'switchboard' as const,
  channel: 'phone' as const,
  value: '031-390 06 10',
  checkedAt: new Date('2026-11-20T09:00:00Z'),
}

describe('the staleness period', () => {
  it('is six months unless STALE_AFTER_MONTHS says otherwise', () => {
    expect(parseEnv({}).STALE_AFTER_MONTHS).toBe(6)
    expect(parseEnv({ STALE_AFTER_MONTHS: '12' }).STALE_AFTER_MONTHS).toBe(12)
    expect(() => parseEnv({ STALE_AFTER_MONTHS: '0' })).toThrow(EnvError)
    expect(() => parseEnv({ STALE_AFTER_MONTHS: 'sex' })).toThrow(/STALE_AFTER_MONTHS/)
  })
})

describe('the staleness cutoff', () => {
  it('goes back whole calendar months', () => {
    expect(staleBefore(now, 6).toISOString()).toBe('2026-05-27T10:00:00.000Z')
    expect(staleBefore(new Date('2026-01-15T00:00:00Z'), 1).toISOString()).toBe('2025-12-15T00:00:00.000Z')
  })

  it('lands on the last day of a shorter month', () => {
    expect(staleBefore(new Date('2026-08-31T12:00:00Z'), 6).toISOString()).toBe('2026-02-28T12:00:00.000Z')
    expect(staleBefore(new Date('2028-08-31T12:00:00Z'), 6).toISOString()).toBe('2028-02-29T12:00:00.000Z')
  })
})

describe('classifying an organisation', () => {
  it('finds nothing wrong with current, complete data', () => {
    expect(classifyOrganisation(current, cutoff)).toEqual([])
  })

  it('flags data never confirmed, or confirmed before the cutoff but not at it', () => {
    expect(classifyOrganisation({ ...current, confirmedAt: null }, cutoff)).toEqual(['neverConfirmed'])
    expect(classifyOrganisation({ ...current, confirmedAt: new Date(cutoff.getTime() - 1) }, cutoff)).toEqual(['confirmationOld'])
    expect(classifyOrganisation({ ...current, confirmedAt: cutoff }, cutoff)).toEqual([])
  })

  it('flags a missing ISK, a missing 24/7 route and failed test calls, all at once', () => {
    expect(
      classifyOrganisation({ confirmedAt: null, hasIsk: false, hasAlwaysRoute: false, failedRoutes: [failed] }, cutoff),
    ).toEqual(['neverConfirmed', 'noIsk', 'noAlwaysRoute', 'failedCheck'])
  })
})

describe('the reminder e-mail', () => {
  it('says in Swedish what is missing and links to the organisation', () => {
    const message = reminderMessage({
      organisationName: 'Vårgårda Bostäder AB',
      reasons: ['confirmationOld', 'noIsk', 'noAlwaysRoute', 'failedCheck'],
      confirmedAt: new Date('2026-03-02T10:00:00Z'),
      failedRoutes: [failed],
      months: 6,
      link: 'https://portal.example.org/organisationer/abc',
    })
    expect(message.subject).toBe('Påminnelse: se över uppgifterna för Vårgårda Bostäder AB')
    expect(message.text).toContain('bekräftades senast 2 mars 2026, för mer än 6 månader sedan')
    expect(message.text).toContain('ingen ISK (inriktnings- och samordningskontakt)')
    expect(message.text).toContain('bemannad dygnet runt (24/7)')
    expect(message.text).toContain('Växel, telefon 031-390 06 10 (provsamtal 20 november 2026)')
    expect(message.text).toContain('\nhttps://portal.example.org/organisationer/abc\n')
    expect(message.text).toContain('Bekräfta uppgifter')
  })

  it('says when the data was never confirmed', () => {
    const message = reminderMessage({
      organisationName: 'X',
      reasons: ['neverConfirmed'],
      confirmedAt: null,
      failedRoutes: [],
      months: 6,
      link: 'http://localhost/organisationer/x',
    })
    expect(message.text).toContain('- Uppgifterna har aldrig bekräftats.')
    expect(message.text).not.toContain('provsamtal')
  })
})
