// Phone numbers: stored as typed, read by their digits, shown in one Swedish
// grouping (formatPhoneNumber in ~/i18n/format) and dialled as +46. The
// database reads the digits the same way in portal_phone_digits()
// (drizzle/0012_phone_digits.sql), which the directory search matches with
// phoneQueryDigits() below.

/** What a phone number may be typed with. */
export const phoneCharacters = /^\+?[0-9 ()-]+$/

/** The digits of a phone number, with a leading + kept and a "(0)" after the country code dropped. */
export function phoneDigits(value: string): string {
  const trimmed = value.trim()
  const plus = trimmed.startsWith('+') ? '+' : ''
  return plus + trimmed.replace(/\(0\)/g, '').replace(/\D/g, '')
}

/** "+46…" and "0046…" as "+46…"; any other "00" prefix as "+" too. */
function withPlus(digits: string): string {
  return digits.startsWith('00') ? `+${digits.slice(2)}` : digits
}

/**
 * The national digits of a Swedish number ("0701740655" for "+46 70-174 06 55",
 * "0046 70 174 06 55" or "070-1740655"); null for a short number such as 1177
 * and for a number of another country.
 */
export function swedishNationalDigits(value: string): string | null {
  const digits = withPlus(phoneDigits(value))
  if (/^\+46[1-9]\d{5,10}$/.test(digits)) return `0${digits.slice(3)}`
  if (/^0[1-9]\d{5,10}$/.test(digits)) return digits
  return null
}

/**
 * A Swedish number: national (0 and 7–11 digits in all), with the country
 * code (+46 or 0046), or a short service number such as 1177.
 */
export function isSwedishPhoneNumber(value: string): boolean {
  if (!phoneCharacters.test(value.trim())) return false
  const digits = withPlus(phoneDigits(value))
  return /^0[1-9]\d{5,9}$/.test(digits) || /^\+46[1-9]\d{6,10}$/.test(digits) || /^[1-9]\d{2,5}$/.test(digits)
}

/** Satellite phones have their own country codes (+881, +882 …), so any international number. */
export function isInternationalPhoneNumber(value: string): boolean {
  if (!phoneCharacters.test(value.trim())) return false
  return /^\+[1-9]\d{6,14}$/.test(phoneDigits(value))
}

/**
 * The number as a phone dials it from anywhere: a Swedish number with +46
 * (abroad, and from switchboards that need the country code), a short number
 * as its digits (1177 has no +46 form), any other number with its own code.
 */
export function dialNumber(value: string): string {
  const national = swedishNationalDigits(value)
  return national ? `+46${national.slice(1)}` : withPlus(phoneDigits(value))
}

/** The `tel:` address of a number as typed. */
export function telHref(value: string): string {
  return `tel:${dialNumber(value)}`
}

/** Fewer digits than this are a postal code or part of an address, and searched as words. */
const PHONE_QUERY_MIN_DIGITS = 6

/**
 * The digits a directory search looks for when the query is a phone number
 * in any grouping (only digits, spaces, hyphens, dots, slashes, parentheses
 * and a leading +, and at least six digits): "070-174 06 55", "0701740655"
 * and "+46 70 174 06 55" all give "0701740655". Null for any other query.
 */
export function phoneQueryDigits(query: string): string | null {
  const typed = query.trim()
  if (!/^\+?[\d\s().\/-]+$/.test(typed)) return null
  const digits = withPlus(phoneDigits(typed))
  if (digits.replace('+', '').length < PHONE_QUERY_MIN_DIGITS) return null
  return digits.startsWith('+46') ? `0${digits.slice(3)}` : digits
}
