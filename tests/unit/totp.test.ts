import { describe, expect, it } from 'vitest'
import { acceptedCounter, totpCodeAt, totpCounter } from '../../app/modules/auth/totp'

// RFC 6238 appendix B: the SHA-1 key "12345678901234567890"; at T = 59 s the
// 8-digit code is 94287082, so the 6-digit one is its last six digits.
const rfcKey = new TextEncoder().encode('12345678901234567890')
const at59 = new Date(59_000)

describe('TOTP codes', () => {
  it('match the RFC 6238 test vector', () => {
    expect(totpCodeAt(rfcKey, at59)).toBe('287082')
    expect(totpCodeAt(new TextEncoder().encode('12345678901234567890'), new Date(1111111109_000))).toBe('081804')
  })

  it('accept the step before, at and after now, typed with spaces, and nothing further off', () => {
    const now = new Date(1_700_000_015_000)
    const counter = totpCounter(now)
    expect(acceptedCounter(rfcKey, totpCodeAt(rfcKey, now), -1, now)).toBe(counter)
    expect(acceptedCounter(rfcKey, totpCodeAt(rfcKey, now, -1), -1, now)).toBe(counter - 1)
    const ahead = totpCodeAt(rfcKey, now, 1)
    expect(acceptedCounter(rfcKey, `${ahead.slice(0, 3)} ${ahead.slice(3)}`, -1, now)).toBe(counter + 1)
    expect(acceptedCounter(rfcKey, totpCodeAt(rfcKey, now, 2), -1, now)).toBeNull()
    expect(acceptedCounter(rfcKey, totpCodeAt(rfcKey, now, -2), -1, now)).toBeNull()
  })

  it('never accept a step at or before the last one used, nor anything but six digits', () => {
    const now = new Date(1_700_000_015_000)
    const counter = totpCounter(now)
    expect(acceptedCounter(rfcKey, totpCodeAt(rfcKey, now), counter, now)).toBeNull()
    expect(acceptedCounter(rfcKey, totpCodeAt(rfcKey, now, -1), counter - 1, now)).toBeNull()
    expect(acceptedCounter(rfcKey, totpCodeAt(rfcKey, now, 1), counter, now)).toBe(counter + 1)
    for (const typed of ['', '12345', '1234567', 'abcdef', '12 34 5x', '١٢٣٤٥٦']) {
      expect(acceptedCounter(rfcKey, typed, -1, now)).toBeNull()
    }
  })
})
