import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../app/modules/import/csv'
import { guardFormula, toCsv, unguardFormula, type CsvCell } from '../../app/modules/text/csv'

/** Reads the file as Excel would (';' separator, quoted fields), without the BOM. */
function readBack(text: string): string[][] {
  return parse(text, { delimiter: ';', bom: true, relax_column_count: false }) as string[][]
}

/** What a spreadsheet would take for the start of a formula, behind any whitespace or invisible characters. */
const FORMULA_START = /^(?:[\t\r]|[\s\p{Cc}\p{Cf}]*[=+\-@])/u

describe('CSV for Swedish Excel', () => {
  it('starts with a UTF-8 byte order mark, separates with ; and ends every line with CRLF', () => {
    const text = toCsv([
      ['Organisation', 'Ort'],
      ['Vårgårda Bostäder AB', 'Vårgårda'],
    ])
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(text.slice(1)).toBe('"Organisation";"Ort"\r\n"Vårgårda Bostäder AB";"Vårgårda"\r\n')
  })

  it('quotes every text, doubles the quotes inside, and writes the portal’s own numbers bare, with a decimal comma', () => {
    expect(toCsv([['Säg "hej"', 'a;b', null, undefined, 3, -2, 1.5, Number.NaN]]).slice(1)).toBe(
      '"Säg ""hej""";"a;b";"";"";3;-2;1,5;""\r\n',
    )
  })

  it('keeps separators, quotes and line breaks inside one field when parsed back', () => {
    const tricky = ['Ring "växeln"; be om TiB', 'Rad ett\r\nRad två', 'Ölands ÅÄÖ åäö é']
    expect(readBack(toCsv([['a', 'b', 'c'], tricky]))).toEqual([['a', 'b', 'c'], tricky])
  })

  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ['-2+3+cmd|x', `'-2+3+cmd|x`],
    ['\tdold', `'\tdold`],
    ['\rdold', `'\rdold`],
    [' =1+1', `' =1+1`],
    ['\u00a0\u2003@SUM(1)', `'\u00a0\u2003@SUM(1)`],
    ['\n-1', `'\n-1`],
    ['\u200b=1', `'\u200b=1`],
    ['\ufeff+1', `'\ufeff+1`],
    ['＝1+1', `'＝1+1`],
  ])('neutralises %j', (value, guarded) => {
    expect(guardFormula(value)).toBe(guarded)
    expect(unguardFormula(guarded)).toBe(value)
  })

  it('prefixes phone numbers the people typed too, so a dialled number is never a sum', () => {
    expect(guardFormula('+46 31-390 06 05')).toBe(`'+46 31-390 06 05`)
    expect(guardFormula('070-174 06 05')).toBe('070-174 06 05')
    expect(guardFormula('Vårgårda = trygg')).toBe('Vårgårda = trygg')
    expect(guardFormula("'redan citerad")).toBe("'redan citerad")
    expect(unguardFormula("'redan citerad")).toBe("'redan citerad")
  })

  it('reads its own guarded cells back as they were stored, through the import’s reader', () => {
    const rows = [
      ['organisation', 'värde'],
      ['=HYPERLINK("http://x","y")', '+46 31-390 06 05'],
      [' med mellanslag ', 'två\nrader'],
    ]
    const result = parseCsv(toCsv(rows))
    expect(result.ok && result.records.map((record) => record.fields)).toEqual(rows)
  })
})

describe('the formula guard, generated (fixed seed)', () => {
  const dangerous = fc.constantFrom(
    '=',
    '+',
    '-',
    '@',
    '\t',
    '\r',
    '\n',
    ' ',
    '\u00a0',
    '\u3000',
    '\u200b',
    '\ufeff',
    '\u0000',
    '＝',
    "'",
    '"',
    ';',
  )
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc
      .tuple(fc.array(dangerous, { maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 8 }))
      .map(([head, rest]) => `${head.join('')}${rest}`),
  )
  const cell: fc.Arbitrary<CsvCell> = fc.oneof(
    { weight: 6, arbitrary: text },
    { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ noNaN: false })) },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  )
  const table = fc
    .integer({ min: 1, max: 5 })
    .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }))

  it('lets no cell start a formula unless it is a number the portal wrote, and loses nothing', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const parsed = readBack(toCsv(rows))
        expect(parsed).toHaveLength(rows.length)
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            const written = parsed[r]![c]!
            if (typeof value === 'number') {
              expect(written).toBe(Number.isFinite(value) ? String(value).replace('.', ',') : '')
              return
            }
            expect(written).not.toMatch(FORMULA_START)
            expect(unguardFormula(written)).toBe(value ?? '')
          }),
        )
      }),
      { seed: 20261206, numRuns: 3000 },
    )
    // 3000 generated tables take about a second alone and over five on a CI machine busy with the browser suite.
  }, 30_000)
})
