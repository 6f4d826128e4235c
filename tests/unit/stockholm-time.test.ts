import { describe, expect, it } from 'vitest'
import { instantToStockholm, stockholmToInstant } from '../../app/modules/meetings/stockholm-time'

describe('Stockholm wall-clock time', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(stockholmToInstant('2027-01-15', '09:00')?.toISOString()).toBe('2027-01-15T08:00:00.000Z')
    expect(stockholmToInstant('2027-06-10', '10:00')?.toISOString()).toBe('2027-06-10T08:00:00.000Z')
  })

  it('has no 02:30 on the last Sunday of March 2027, and 03:00 is summer time', () => {
    expect(stockholmToInstant('2027-03-28', '02:30')).toBeNull()
    expect(stockholmToInstant('2027-03-28', '01:59')?.toISOString()).toBe('2027-03-28T00:59:00.000Z')
    expect(stockholmToInstant('2027-03-28', '03:00')?.toISOString()).toBe('2027-03-28T01:00:00.000Z')
  })

  it('reads the October hour that occurs twice as the first, in summer time', () => {
    expect(stockholmToInstant('2027-10-31', '02:30')?.toISOString()).toBe('2027-10-31T00:30:00.000Z')
    expect(stockholmToInstant('2027-10-31', '03:00')?.toISOString()).toBe('2027-10-31T02:00:00.000Z')
  })

  it('refuses what is not a date or a time', () => {
    for (const [date, time] of [
      ['2027-02-30', '10:00'],
      ['2027-13-01', '10:00'],
      ['27-01-01', '10:00'],
      ['2027-01-01', '24:00'],
      ['2027-01-01', '9:00'],
      ['2027-01-01', '10:60'],
    ]) {
      expect(stockholmToInstant(date!, time!), `${date} ${time}`).toBeNull()
    }
  })

  it('shows an instant as the form does, and back', () => {
    expect(instantToStockholm(new Date('2027-06-10T08:00:00Z'))).toEqual({ date: '2027-06-10', time: '10:00' })
    expect(instantToStockholm(new Date('2027-12-31T23:30:00Z'))).toEqual({ date: '2028-01-01', time: '00:30' })
    const instant = stockholmToInstant('2027-09-01', '13:15')!
    expect(instantToStockholm(instant)).toEqual({ date: '2027-09-01', time: '13:15' })
  })
})
