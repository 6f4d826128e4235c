import { describe, expect, it } from 'vitest'
import { formatDate, formatPosition } from '../../app/i18n/format'

describe('a position as the reader writes it', () => {
  it('uses the decimal comma in Swedish and four decimals unless asked for more', () => {
    expect(formatPosition({ lat: 58.034308, lng: 12.808685 })).toBe('58,0343° N, 12,8087° E')
    expect(formatPosition({ lat: 58.034308, lng: 12.808685 }, 'sv', 5)).toBe('58,03431° N, 12,80869° E')
    expect(formatPosition({ lat: 58.034, lng: 12.808 }, 'sv', 5)).toBe('58,03400° N, 12,80800° E')
  })

  it('uses the decimal point in English', () => {
    expect(formatPosition({ lat: 58.034308, lng: 12.808685 }, 'en')).toBe('58.0343° N, 12.8087° E')
  })

  it('never groups thousands and names the hemisphere rather than printing a minus sign', () => {
    expect(formatPosition({ lat: 69.05, lng: 20.5 })).toBe('69,0500° N, 20,5000° E')
    expect(formatPosition({ lat: -33.8688, lng: -151.2093 })).toBe('33,8688° S, 151,2093° W')
  })
})

describe('a day in prose and overviews', () => {
  it('is written "31 okt. 2027" in Swedish and "31 Oct 2027" in English', () => {
    expect(formatDate('sv', '2027-10-31')).toBe('31 okt. 2027')
    expect(formatDate('en', '2027-10-31')).toBe('31 Oct 2027')
  })

  it('takes an instant on Stockholm’s calendar', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
    expect(formatDate('sv', new Date('2026-12-31T23:30:00Z'))).toBe('1 jan. 2027')
  })
})
