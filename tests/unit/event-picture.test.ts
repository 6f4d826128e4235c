import { describe, expect, it } from 'vitest'
import {
  backupEndsAt,
  backupHoursLeftNow,
  compareServiceStates,
  hasOpenNeed,
  type ServiceState,
} from '../../app/modules/events/event-picture'
import { timeAgo } from '../../app/modules/events/relative-time'

const reportedAt = new Date('2027-01-12T08:00:00Z')

describe('the overview arithmetic', () => {
  it('counts backup hours from the report, never below zero', () => {
    expect(backupEndsAt(reportedAt, 10)).toEqual(new Date('2027-01-12T18:00:00Z'))
    expect(backupEndsAt(reportedAt, null)).toBeNull()
    expect(backupHoursLeftNow(reportedAt, 10, new Date('2027-01-12T12:15:00Z'))).toBe(5.7)
    expect(backupHoursLeftNow(reportedAt, 10, new Date('2027-01-12T19:00:00Z'))).toBe(0)
    expect(backupHoursLeftNow(reportedAt, null, new Date())).toBeNull()
  })

  it('orders the worst first, and on backup the one that runs out first', () => {
    const state = (fields: Partial<ServiceState>): ServiceState => ({
      status: 'normal',
      serviceName: 'Tjänst',
      organisationName: 'Organisation',
      backupEndsAt: null,
      ...fields,
    })
    const rows = [
      state({ serviceName: 'Normal' }),
      state({ status: 'backup', serviceName: 'Sent', backupEndsAt: '2027-01-12T20:00:00.000Z' }),
      state({ status: 'restored', serviceName: 'Åter' }),
      state({ status: 'failed', serviceName: 'Ute' }),
      state({ status: 'backup', serviceName: 'Snart', backupEndsAt: '2027-01-12T10:00:00.000Z' }),
      state({ status: 'degraded', serviceName: 'Halvt' }),
    ]
    expect(rows.sort(compareServiceStates).map((row) => row.serviceName)).toEqual([
      'Ute',
      'Snart',
      'Sent',
      'Halvt',
      'Åter',
      'Normal',
    ])
  })

  it('keeps a need open until the service is back', () => {
    expect(hasOpenNeed({ status: 'backup', needs: ['fuel'], needsOther: '' })).toBe(true)
    expect(hasOpenNeed({ status: 'failed', needs: [], needsOther: 'Vattentank' })).toBe(true)
    expect(hasOpenNeed({ status: 'failed', needs: [], needsOther: '  ' })).toBe(false)
    expect(hasOpenNeed({ status: 'restored', needs: ['fuel'], needsOther: '' })).toBe(false)
  })

  it('says how long ago, from the time the picture was taken', () => {
    const at = '2027-01-12T10:00:00Z'
    expect(timeAgo('sv', '2027-01-12T09:48:10Z', at)).toBe('för 11 minuter sedan')
    expect(timeAgo('en', '2027-01-12T07:00:00Z', at)).toBe('3 hours ago')
    expect(timeAgo('sv', '2027-01-09T09:00:00Z', at)).toBe('för 3 dagar sedan')
  })
})
