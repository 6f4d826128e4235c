// Phone numbers: stored as typed, read by their digits, shown in one Swedish
// grouping and dialled as +46. The database reads the digits the same way in
// portal_phone_digits() (drizzle/0012_phone_digits.sql), which the directory
// search matches with phoneQueryDigits() below.

const phoneCharacters = /^\+?[0-9 ()-]+$/

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

/**
 * The area code's digits after the 0, from PTS's numbering plan: 08 is
 * Stockholm; the codes below have two (010 and 020 non-geographic, 07x
 * mobile, 090 Umeå but not the premium-rate 0900); every other code has
 * three: 0303, 0322, 0980 …, the shared-cost 077x, the premium-rate 0900,
 * 0939 and 0944.
 */
const twoDigitAreaCodes = new Set(
  '10 11 13 16 18 19 20 21 23 26 31 33 35 36 40 42 44 46 54 60 63 70 71 72 73 74 75 76 78 79 90'.split(' '),
)

function areaCodeLength(significant: string): number {
  if (significant.startsWith('8')) return 1
  if (significant.startsWith('900')) return 3
  return twoDigitAreaCodes.has(significant.slice(0, 2)) ? 2 : 3
}

/**
 * Swedish writing rules for the subscriber number: pairs from the right, a
 * group of three first when the count is odd, and 8 digits as 3 3 2
 * ("08-123 456 78").
 */
function groupSubscriber(digits: string): string {
  const sizes =
    digits.length <= 3 ? [digits.length] : digits.length === 8 ? [3, 3, 2] : digits.length % 2 === 1 ? [3] : []
  let rest = digits
  const groups: string[] = []
  for (const size of sizes) {
    groups.push(rest.slice(0, size))
    rest = rest.slice(size)
  }
  for (let start = 0; start < rest.length; start += 2) groups.push(rest.slice(start, start + 2))
  return groups.join(' ')
}

/**
 * A number as the portal shows it: a Swedish number in the one Swedish
 * grouping, with its area code ("070-174 06 55", "031-390 06 30",
 * "08-465 004 00", "0980-31 92 00"), whether typed with +46 or without
 * spaces; a short number grouped the same way ("114 14", "1177"); anything
 * else as typed.
 */
export function formatPhoneNumber(value: string): string {
  const typed = value.trim().replace(/\s+/g, ' ')
  if (!phoneCharacters.test(typed)) return typed
  const national = swedishNationalDigits(typed)
  if (national) {
    const significant = national.slice(1)
    const split = areaCodeLength(significant)
    return `0${significant.slice(0, split)}-${groupSubscriber(significant.slice(split))}`
  }
  const digits = phoneDigits(typed)
  if (/^[1-9]\d{2,5}$/.test(digits)) return digits.length === 4 ? digits : groupSubscriber(digits)
  return typed
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
