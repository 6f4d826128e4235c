import { describe, expect, it } from 'vitest'
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDateTime,
  formatDegrees,
  formatKronor,
  formatNumber,
  formatPhoneNumber,
  formatPosition,
  formatSwedishHours,
  formatTime,
  formatUploadSize,
  intlLocale,
} from '../../app/i18n/format'

// Intl separates groups with a no-break space (U+00A0) and writes a minus
// sign (U+2212) in Swedish; the tests spell them out so a change shows.
const nbsp = '\u00a0'
const minus = '\u2212'

describe('the language tag', () => {
  it('is sv-SE for Swedish and en-GB for English', () => {
    expect(intlLocale('sv')).toBe('sv-SE')
    expect(intlLocale('en')).toBe('en-GB')
  })
})

describe('a day', () => {
  it('is "31 okt. 2027" in Swedish and "31 Oct 2027" in English', () => {
    expect(formatDate('sv', '2027-10-31')).toBe('31 okt. 2027')
    expect(formatDate('en', '2027-10-31')).toBe('31 Oct 2027')
    expect(formatDate('sv', '2027-05-03')).toBe('3 maj 2027')
  })

  it('keeps a plain day whatever the time zone', () => {
    expect(formatDate('sv', '2027-01-01')).toBe('1 jan. 2027')
    expect(formatDate('en', '2026-12-31')).toBe('31 Dec 2026')
  })

  it('takes an instant on Stockholm’s calendar, not UTC’s', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm (UTC+1),
    // and 22:30 UTC on 30 June already 1 July (UTC+2 in summer).
    expect(formatDate('sv', new Date('2026-12-31T23:30:00Z'))).toBe('1 jan. 2027')
    expect(formatDate('en', '2026-12-31T23:30:00Z')).toBe('1 Jan 2027')
    expect(formatDate('sv', '2027-06-30T22:30:00Z')).toBe('1 juli 2027')
    expect(formatDate('sv', '2027-06-30T21:30:00Z')).toBe('30 juni 2027')
  })
})

describe('a date and time', () => {
  it('is Stockholm’s wall clock in both languages', () => {
    expect(formatDateTime('sv', '2027-10-31T13:05:00Z')).toBe('31 okt. 2027 14:05')
    expect(formatDateTime('en', new Date('2027-10-31T13:05:00Z'))).toBe('31 Oct 2027, 14:05')
  })

  it('moves to the next day across midnight in Stockholm', () => {
    expect(formatDateTime('sv', '2026-12-31T23:30:00Z')).toBe('1 jan. 2027 00:30')
    expect(formatDateTime('en', '2027-06-30T22:05:00Z')).toBe('1 Jul 2027, 00:05')
  })
})

describe('a clock time', () => {
  it('is hours and minutes, with seconds when asked, on a 24-hour clock', () => {
    const at = new Date('2027-01-15T09:42:05Z')
    expect(formatTime('sv', at)).toBe('10:42')
    expect(formatTime('sv', at, true)).toBe('10:42:05')
    expect(formatTime('en', at, true)).toBe('10:42:05')
  })

  it('writes midnight as 00, not 24 or 12', () => {
    expect(formatTime('sv', new Date('2026-12-31T23:05:00Z'))).toBe('00:05')
    expect(formatTime('en', new Date('2027-06-30T22:05:00Z'))).toBe('00:05')
  })
})

describe('counts and numbers', () => {
  it('groups digits the reader’s way', () => {
    expect(formatCount('sv', 0)).toBe('0')
    expect(formatCount('sv', 1)).toBe('1')
    expect(formatCount('sv', 999)).toBe('999')
    expect(formatCount('sv', 30_000)).toBe(`30${nbsp}000`)
    expect(formatCount('en', 30_000)).toBe('30,000')
    expect(formatCount('sv', 1_234_567)).toBe(`1${nbsp}234${nbsp}567`)
    expect(formatCount('en', 1_234_567)).toBe('1,234,567')
  })

  it('keeps up to three decimals in a count, as Intl does by default', () => {
    expect(formatCount('sv', 12.3456)).toBe('12,346')
    expect(formatCount('en', 12.5)).toBe('12.5')
  })

  it('writes numbers with at most one decimal by default', () => {
    expect(formatNumber('sv', 0)).toBe('0')
    expect(formatNumber('sv', 1)).toBe('1')
    expect(formatNumber('sv', 2.5)).toBe('2,5')
    expect(formatNumber('en', 2.5)).toBe('2.5')
    expect(formatNumber('sv', 2.25)).toBe('2,3')
    expect(formatNumber('sv', 1500.5)).toBe(`1${nbsp}500,5`)
    expect(formatNumber('en', 1500.5)).toBe('1,500.5')
    expect(formatNumber('sv', -6)).toBe(`${minus}6`)
  })

  it('takes the number of decimals to keep and to show', () => {
    expect(formatNumber('sv', 12_500.4, 0)).toBe(`12${nbsp}500`)
    expect(formatNumber('sv', 4, 1, 1)).toBe('4,0')
    expect(formatNumber('en', 4.25, 1, 1)).toBe('4.3')
    expect(formatNumber('sv', 0.123456, 6)).toBe('0,123456')
  })

  it('writes hours for Swedish text and fields without grouping and with up to two decimals', () => {
    expect(formatSwedishHours(0)).toBe('0')
    expect(formatSwedishHours(10)).toBe('10')
    expect(formatSwedishHours(2.5)).toBe('2,5')
    expect(formatSwedishHours(1500.125)).toBe('1500,13')
  })

  it('writes whole kronor', () => {
    expect(formatKronor('sv', 0)).toBe(`0${nbsp}kr`)
    expect(formatKronor('sv', 12_500)).toBe(`12${nbsp}500${nbsp}kr`)
    expect(formatKronor('en', 12_500)).toBe(`SEK${nbsp}12,500`)
    expect(formatKronor('sv', 1_000_000.6)).toBe(`1${nbsp}000${nbsp}001${nbsp}kr`)
  })
})

describe('sizes', () => {
  it('gives a stored file in B, kB and MB', () => {
    expect(formatBytes('sv', 0)).toBe('0 B')
    expect(formatBytes('sv', 1)).toBe('1 B')
    expect(formatBytes('sv', 1023)).toBe('1023 B')
    expect(formatBytes('sv', 1024)).toBe('1 kB')
    expect(formatBytes('sv', 1536)).toBe('1,5 kB')
    expect(formatBytes('en', 1536)).toBe('1.5 kB')
    expect(formatBytes('sv', 1024 * 1024 - 1)).toBe(`1${nbsp}024 kB`)
    expect(formatBytes('sv', 2.5 * 1024 * 1024)).toBe('2,5 MB')
    expect(formatBytes('en', 1500 * 1024 * 1024)).toBe('1,500 MB')
  })

  it('gives an upload limit in KiB, rounded up, and MiB', () => {
    expect(formatUploadSize('sv', 0)).toBe('0 KiB')
    expect(formatUploadSize('sv', 1)).toBe('1 KiB')
    expect(formatUploadSize('sv', 512 * 1024)).toBe('512 KiB')
    expect(formatUploadSize('sv', 512 * 1024 + 1)).toBe('513 KiB')
    expect(formatUploadSize('sv', 1024 * 1024)).toBe('1 MiB')
    expect(formatUploadSize('sv', 1.5 * 1024 * 1024)).toBe('1,5 MiB')
    expect(formatUploadSize('en', 1.5 * 1024 * 1024)).toBe('1.5 MiB')
  })
})

describe('positions', () => {
  it('uses the reader’s decimal sign, four decimals by default and N/S/E/W', () => {
    expect(formatPosition({ lat: 58.034308, lng: 12.808685 })).toBe('58,0343° N, 12,8087° E')
    expect(formatPosition({ lat: 58.034308, lng: 12.808685 }, 'en')).toBe('58.0343° N, 12.8087° E')
    expect(formatPosition({ lat: 0, lng: 0 }, 'sv', 5)).toBe('0,00000° N, 0,00000° E')
    expect(formatPosition({ lat: -33.8688, lng: -151.2093 }, 'en')).toBe('33.8688° S, 151.2093° W')
  })

  it('gives a form field six decimals with the decimal comma', () => {
    expect(formatDegrees(58.0340001)).toBe('58,034000')
    expect(formatDegrees(0)).toBe('0,000000')
  })
})

describe('phone numbers', () => {
  it('shows a Swedish number in the one grouping, whatever language', () => {
    expect(formatPhoneNumber('+46 70 174 06 55')).toBe('070-174 06 55')
    expect(formatPhoneNumber('08-46500400')).toBe('08-465 004 00')
    expect(formatPhoneNumber('1177')).toBe('1177')
    expect(formatPhoneNumber('VGR KRIS-1')).toBe('VGR KRIS-1')
  })
})
