// The one CSV writer of the portal: every file it serves as text/csv comes
// from toCsv, so every cell passes the formula guard.
//
// CSV that Swedish Excel opens as it should: UTF-8 with a byte order mark
// (without it Excel reads the file as Windows-1252 and å, ä, ö break), ';' as
// the separator (Swedish Excel's list separator, because ',' is the decimal
// comma), CRLF line ends and every text quoted with inner quotes doubled
// (RFC 4180), so a label with ';', a quote or a line break stays one field.

const CSV_BOM = '\uFEFF'
const CSV_SEPARATOR = ';'
const CRLF = '\r\n'

/** A text is written as it is stored (guarded); a number is one the portal computed and stays a number. */
export type CsvCell = string | number | null | undefined

// What a spreadsheet runs as a formula (OWASP, CSV injection): a cell starting
// with = + - @, also behind spaces and invisible characters, which Excel and
// LibreOffice skip, and a cell starting with a tab or a carriage return. The
// fullwidth forms cost nothing to include and some input methods turn them
// into their ASCII forms. Leading apostrophes are looked through, so a stored
// "'=x" is written "''=x" and reads back as it was.
const FORMULA = /^'*(?:[\t\r]|[\s\p{Cc}\p{Cf}]*[=+\-@\uff1d\uff0b\uff0d\uff20])/u

/**
 * Guards against formula injection with a leading apostrophe, as OWASP
 * recommends. Quoting alone does not protect: spreadsheets strip the quotes
 * before they decide whether a cell is a formula. Phone numbers typed with a
 * country code get the apostrophe too ("'+46 31-390 06 05"): a rule that let
 * "digits only" through would still hand "-1-1" to the spreadsheet as a sum.
 * See docs/decisions/007-directory-search-and-exports.md.
 */
export function guardFormula(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value
}

/** The stored text of a cell the guard prefixed; the import reads its own templates and exports back with it. */
export function unguardFormula(value: string): string {
  return value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value
}

function csvField(value: CsvCell): string {
  // A number is written bare, with Swedish Excel's decimal comma; one that is not finite is left empty.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '""'
  const text = value === null || value === undefined ? '' : guardFormula(value)
  return `"${text.replace(/"/g, '""')}"`
}

/** A whole file: BOM and the rows (the first is usually the header), each line ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(CSV_SEPARATOR) + CRLF).join('')
}
