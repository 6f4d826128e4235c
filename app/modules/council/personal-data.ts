/**
 * Reports are about places and situations, never people. Text that looks like
 * a Swedish personal identity number (or co-ordination number) or a phone
 * number is refused before it is stored. The check errs on the side of
 * refusing: a false alarm costs the reporter a rewording, a miss puts
 * personal data in a register of suspected offences.
 */
export type PersonalDataKind = 'personalNumber' | 'phoneNumber'

// YYMMDD or YYYYMMDD, a separator or none, four digits. Days 61–91 are co-ordination numbers.
const personalNumber =
  /(?<!\d)(?:(?:18|19|20)\d{2}|\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])\s?[-+]?\s?\d{4}(?!\d)/

// A run of digits with spaces, dashes, dots, slashes or brackets between them.
const digitRun = /(?:\+|\b00)?\d(?:[\d\s\-./()]*\d)?/g

export function findPersonalData(text: string): PersonalDataKind | null {
  const normalised = text.normalize('NFKC')
  const runs = [...normalised.matchAll(digitRun)].map((match) => match[0])
  // 070-, 072-, 073-, 076- and 079- numbers are mobiles even where the digits could also be read as a date of birth.
  if (runs.some((run) => /^07[02369]/.test(run.replace(/\D/g, '')) && looksLikePhoneNumber(run))) return 'phoneNumber'
  if (personalNumber.test(normalised)) return 'personalNumber'
  return runs.some(looksLikePhoneNumber) ? 'phoneNumber' : null
}

function looksLikePhoneNumber(run: string): boolean {
  const digits = run.replace(/\D/g, '')
  const international = run.startsWith('+46') || run.startsWith('0046')
  if (international) {
    const national = digits.slice(run.startsWith('+') ? 2 : 4)
    return national.length >= 7 && national.length <= 10
  }
  // A national number: a trunk 0, then an area code that is not 0, 8 to 10 digits in all.
  return /^0[1-9]/.test(digits) && digits.length >= 8 && digits.length <= 10 && !looksLikeDate(run)
}

// 2026-11-27 or 27.11.2026 are dates, not numbers to call.
function looksLikeDate(run: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(run.trim()) || /^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(run.trim())
}
