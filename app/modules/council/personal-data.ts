/**
 * Reports are about places and situations, never people. Text that looks like
 * a Swedish personal identity number (or co-ordination number) or a phone
 * number is refused before it is stored. The check errs on the side of
 * refusing: a false alarm costs the reporter a rewording, a miss puts
 * personal data in a register of suspected offences.
 *
 * What counts, after the text is normalised (below):
 * - a personal identity number: a date YYMMDD or YYYYMMDD (day + 60 for a
 *   co-ordination number), written together, with spaces or with dashes
 *   between its parts, then a dash, a plus, a space or nothing, and four
 *   digits. The check digit is not checked: a mistyped number is still
 *   someone's. A date with dashes followed by a space and four digits
 *   (2026-12-06 1200) is a date and a number, not a personal number.
 * - a phone number: any stretch of digit groups separated by spaces, dashes
 *   or brackets that holds a trunk 0, an area code not starting with 0 and
 *   8–10 digits in all, or starts with + or 00 and has 8–15 digits after it.
 *   Any stretch, not only whole runs, so a count or a date next to the number
 *   does not hide it. Dots and slashes do not join groups (Swedish dates and
 *   times use them), but digits joined by dots or slashes alone
 *   (070.123.45.67) still count, and so does a dot or slash after the area
 *   code when the number has nine or ten digits (08/465 004 00).
 * Ordinary text stays through: ISO dates and date ranges, times (22.30,
 * 22:30, and 0830–0945 when both are on the five minutes), house numbers,
 * counts, post codes.
 */
export type PersonalDataKind = 'personalNumber' | 'phoneNumber'

/**
 * Unicode dashes become '-', every kind of space becomes one ' ', invisible
 * characters (soft hyphen, zero-width space, word joiner) and combining marks
 * are dropped, and NFKC turns fullwidth and other compatibility digits into 0–9.
 */
function normaliseForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Cf}\p{M}]/gu, '')
    .replace(/[\p{Pd}\u2212\u2043\u2796]/gu, '-')
    .replace(/\s+/gu, ' ')
}

const month = '(?:0[1-9]|1[0-2])'
const day = '(?:0[1-9]|[12]\\d|3[01]|6[1-9]|[78]\\d|9[01])'
const tail = '(?!\\d|[-./]\\d)'
const personalNumber = new RegExp(
  [
    // 850315-1234, 8503151234, 85 03 15 1234, 19850315+1234
    `(?:(?:18|19|20)\\d{2}|\\d{2})( ?)${month}\\1${day} ?[-+]? ?\\d{4}${tail}`,
    // 85-03-15-1234, 85-03-15 1234
    `\\d{2}-${month}-${day} ?[-+]? ?\\d{4}${tail}`,
    // 1985-03-15-1234, but not 2026-12-06 1200
    `(?:18|19|20)\\d{2}-${month}-${day} ?[-+] ?\\d{4}${tail}`,
  ]
    .map((pattern) => `(?<!\\d)${pattern}`)
    .join('|'),
)

// An ISO date that starts a run of digits; inside a run its digits may be part of a phone number.
const isoDate = /(?<!\d[ ()-]{0,3})(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)/g
// Groups of digits with spaces, dashes or brackets between them; a group may carry a leading +.
const digitRun = /\+?\d+(?:[ ()-]{1,3}\+?\d+)*/g
const dottedRun = /(?<![\d.\/])\+?\d+(?:[./]\d+)+(?![\d]|[./]\d)/g
// An area code followed by a dot or a slash, then groups as usual: 070.174 06 05, 08/465 004 00.
const areaDotRun = /(?<![\d.\/])0\d{1,3}[./]\d+(?:[ ()-]{1,3}\d+)*/g
// 09.30, 6.12, 06/12/2026 and 0830-0945 (on the five minutes) look like numbers to call but are times and dates.
const dateOrTime =
  /^(?:\d{1,2}[./]\d{1,2}(?:[./](?:\d{2}|\d{4}))?|(?:[01]\d|2[0-3])[0-5][05] ?- ?(?:[01]\d|2[0-3])[0-5][05])$/

export function findPersonalData(text: string): PersonalDataKind | null {
  const normalised = normaliseForMatching(text)
  const phones = phoneNumbers(normalised)
  // 070-, 072-, 073-, 076- and 079- numbers are mobiles even where the digits could also be read as a date of birth.
  if (phones.some((digits) => /^07[02369]/.test(digits))) return 'phoneNumber'
  if (personalNumber.test(normalised)) return 'personalNumber'
  return phones.length > 0 ? 'phoneNumber' : null
}

/** The digits of every stretch of the text that reads as a phone number. */
function phoneNumbers(normalised: string): string[] {
  const text = normalised.replace(isoDate, '|')
  const found: string[] = []
  for (const [run] of text.matchAll(digitRun)) {
    const groups = [...run.matchAll(/(\+?)(\d+)/g)].map((match) => ({
      plus: match[1] === '+',
      digits: match[2]!,
      start: match.index,
      end: match.index + match[0].length,
    }))
    for (let first = 0; first < groups.length; first++) {
      let digits = ''
      for (let last = first; last < groups.length && digits.length <= 16; last++) {
        digits += groups[last]!.digits
        const stretch = run.slice(groups[first]!.start, groups[last]!.end)
        if (isPhoneNumber(groups[first]!.plus, digits) && !dateOrTime.test(stretch)) found.push(digits)
      }
    }
  }
  for (const [run] of text.matchAll(dottedRun)) {
    const digits = run.replace(/\D/g, '')
    if (isPhoneNumber(run.startsWith('+'), digits) && !dateOrTime.test(run)) found.push(digits)
  }
  for (const [run] of text.matchAll(areaDotRun)) {
    // Nine or ten digits only: eight would take "06.12 2026" for a number.
    let digits = ''
    for (const [group] of run.matchAll(/\d+/g)) {
      digits += group
      if (/^0[1-9]\d{7,8}$/.test(digits)) found.push(digits)
    }
  }
  return found
}

function isPhoneNumber(plus: boolean, digits: string): boolean {
  if (plus) return digits.length >= 8 && digits.length <= 15
  if (digits.startsWith('00')) return digits.length >= 10 && digits.length <= 17 && digits[2] !== '0'
  // A national number: a trunk 0, then an area code that is not 0, 8 to 10 digits in all.
  return /^0[1-9]\d{6,8}$/.test(digits)
}
