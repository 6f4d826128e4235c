import { generateHOTP } from '@oslojs/otp'
import { constantTimeEqual } from '@oslojs/crypto/subtle'

/** RFC 6238 as authenticator apps use it: 30-second steps, 6 digits, HMAC-SHA1. */
export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
/** One step either side: a phone clock a little off, or a code typed as it turned. */
const DRIFT_STEPS = 1

export function totpCounter(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS)
}

/** What a person typed, without the spaces apps show in the middle of a code. */
export function normaliseTotpCode(typed: string): string {
  return typed.replace(/[\s-]/g, '')
}

/**
 * The time step the code belongs to, or null. A step at or before `lastCounter`
 * was used already: RFC 6238 §5.2 says a code must not be accepted twice.
 */
export function acceptedCounter(key: Uint8Array, typed: string, lastCounter: number, now: Date): number | null {
  const code = normaliseTotpCode(typed)
  if (!/^\d{6}$/.test(code)) return null
  const encoded = new TextEncoder().encode(code)
  const current = totpCounter(now)
  for (let counter = current - DRIFT_STEPS; counter <= current + DRIFT_STEPS; counter++) {
    if (counter <= lastCounter) continue
    const expected = new TextEncoder().encode(generateHOTP(key, BigInt(counter), TOTP_DIGITS))
    if (constantTimeEqual(expected, encoded)) return counter
  }
  return null
}

/** The code an authenticator app shows at `now` (for tests and for the enrolment check). */
export function totpCodeAt(key: Uint8Array, now: Date, offsetSteps = 0): string {
  return generateHOTP(key, BigInt(totpCounter(now) + offsetSteps), TOTP_DIGITS)
}
