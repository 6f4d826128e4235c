// Content lines as iCalendar (RFC 5545) and vCard (RFC 6350) share them:
// escaped text values, quoted parameter values, CRLF line ends and lines
// folded at 75 octets of UTF-8.

export const CRLF = '\r\n'
const MAX_LINE_OCTETS = 75

/** A text value: backslash, semicolon, comma and line breaks escaped; other control characters dropped (tab kept). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/(?!\t)\p{Cc}/gu, '')
}

/** A parameter value cannot be escaped: quotes are replaced and the value is quoted when it holds a delimiter. */
export function parameterValue(value: string): string {
  const clean = value.replace(/\p{Cc}/gu, ' ').replace(/"/g, "'")
  return /[:;,]/.test(clean) ? `"${clean}"` : clean
}

function utf8Length(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4
}

/** Folds a content line into physical lines of at most 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  // A continuation line's leading space counts towards its 75 octets.
  let limit = MAX_LINE_OCTETS
  for (const char of line) {
    const size = utf8Length(char)
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = MAX_LINE_OCTETS - 1
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}
