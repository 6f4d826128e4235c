/**
 * A decimal number as people type it in Sweden: comma or dot as the decimal
 * sign, spaces (also non-breaking) between thousands, an optional minus sign
 * (also the typographic one). Anything else is null.
 */
export function parseDecimal(text: string): number | null {
  const compact = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^\u2212/, '-')
    .replace(',', '.')
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(compact)) return null
  const value = Number(compact)
  return Number.isFinite(value) ? value : null
}

/** Whether a submitted text differs from the current one; numbers compare as numbers, so "1,5" equals "1.5". */
export function differs(submitted: string | undefined, current: string | undefined): boolean {
  const a = (submitted ?? '').trim()
  const b = (current ?? '').trim()
  if (a === b) return false
  const x = parseDecimal(a)
  const y = parseDecimal(b)
  return x === null || y === null || Math.abs(x - y) > 1e-9
}
