import { describe, expect, it } from 'vitest'
import type { Role } from '../../app/db/enums'
import type { Actor } from '../../app/modules/auth/permissions'
import { grantReportYear, mandateSections } from '../../app/modules/mandate/mandate-sections'

const ORG = '11111111-1111-4111-8111-111111111111'
const period = (shared: boolean) => ({
  id: '22222222-2222-4222-8222-222222222222',
  startYear: 2027,
  endYear: 2030,
  calendarSharedAt: shared ? new Date('2027-02-01T10:00:00Z') : null,
})
const actor = (role: Role): Actor => ({ id: `user-${role}`, memberships: [{ organisationId: ORG, role }] })
const keys = (role: Role, shared: boolean, today = '2028-05-02') =>
  mandateSections(actor(role), period(shared), today).map((section) => section.key)

describe('the mandate period layout links', () => {
  it('gives the coordinator every section, with the grant report of the running year', () => {
    const sections = mandateSections(actor('coordinator'), period(false), '2028-05-02')
    expect(sections).toEqual([
      { key: 'calendar', to: '/mandatperiod/22222222-2222-4222-8222-222222222222' },
      { key: 'trainingPlan', to: '/mandatperiod/22222222-2222-4222-8222-222222222222/ovningsplan' },
      { key: 'grant', to: '/mandatperiod/22222222-2222-4222-8222-222222222222/ersattning/2028' },
      { key: 'print', to: '/mandatperiod/22222222-2222-4222-8222-222222222222/utskrift' },
      { key: 'settings', to: '/mandatperiod/22222222-2222-4222-8222-222222222222/installningar' },
    ])
  })

  it('gives the duty officer the whole period to read but not its settings', () => {
    expect(keys('duty_officer', false)).toEqual(['calendar', 'trainingPlan', 'grant', 'print'])
  })

  it('gives the network readers of a shared period the calendar alone', () => {
    for (const role of ['partner_editor', 'council_member', 'viewer', 'informant'] as const) {
      expect(keys(role, true)).toEqual(['calendar'])
      expect(keys(role, false)).toEqual(['calendar'])
    }
  })

  it('opens the grant report on the first year outside the period', () => {
    expect(grantReportYear(period(false), '2026-12-06')).toBe(2027)
    expect(grantReportYear(period(false), '2031-01-10')).toBe(2027)
    expect(grantReportYear(period(false), '2030-12-31')).toBe(2030)
    expect(mandateSections(actor('coordinator'), period(false), '2026-12-06')[2]!.to).toMatch(/\/ersattning\/2027$/)
  })
})
