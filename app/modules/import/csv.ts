import { unguardFormula } from '~/modules/text/csv'

// A small RFC 4180 reader for the import (the writer is ~/modules/text/csv).
// Swedish Excel writes `;` between fields (the comma is the decimal sign),
// other tools write `,`; fields may be quoted, with "" for a quote and line
// breaks inside quotes. A field the writer's formula guard prefixed with an
// apostrophe is read as it was stored, so the portal's templates and exports
// can be filled in and imported again.

export type Separator = ';' | ','

export interface CsvRecord {
  /** The line of the file on which the record starts, counting from 1. */
  line: number
  fields: string[]
}

export type CsvResult =
  | { ok: true; separator: Separator; records: CsvRecord[] }
  | { ok: false; error: 'unterminatedQuote'; line: number }

const BOM = '\uFEFF'

/**
 * The text of an uploaded file: UTF-8 (with or without BOM); a file that is
 * not valid UTF-8 is read as Windows-1252, what older Swedish Excel saves as "CSV".
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes)
  }
  return stripBom(text)
}

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(BOM.length) : text
}

/** The separator of the header line: the one of `;` and `,` that occurs more often outside quotes. */
export function detectSeparator(text: string): Separator {
  let semicolons = 0
  let commas = 0
  let quoted = false
  for (const char of stripBom(text)) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && char === ';') semicolons++
    else if (!quoted && char === ',') commas++
  }
  return commas > semicolons ? ',' : ';'
}

/** Reads every record; lines with nothing but whitespace are skipped. */
export function parseCsv(input: string, separator: Separator = detectSeparator(input)): CsvResult {
  const text = stripBom(input)
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  let quoteLine = 1

  const endRecord = () => {
    fields.push(unguardFormula(field))
    if (fields.some((value) => value.trim() !== '')) records.push({ line: recordLine, fields })
    fields = []
    field = ''
  }

  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else {
          quoted = false
        }
      } else if (char === '\r' || char === '\n') {
        if (char === '\r' && text[i + 1] === '\n') i++
        field += '\n'
        line++
      } else {
        field += char
      }
      continue
    }
    if (char === '"' && field.trim() === '') {
      // A quote opens a quoted field only at its start; spaces before it are dropped.
      field = ''
      quoted = true
      quoteLine = line
    } else if (char === separator) {
      fields.push(unguardFormula(field))
      field = ''
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
    } else {
      field += char
    }
  }
  if (quoted) return { ok: false, error: 'unterminatedQuote', line: quoteLine }
  if (field !== '' || fields.length > 0) endRecord()
  return { ok: true, separator, records }
}
