import { describe, expect, it } from 'vitest'
import { decodeCsvBytes, detectSeparator, parseCsv } from '../../app/modules/import/csv'

function fields(text: string) {
  const result = parseCsv(text)
  if (!result.ok) throw new Error(`unparsed: ${JSON.stringify(result)}`)
  return result.records.map((record) => record.fields)
}

describe('reading CSV', () => {
  it('splits on semicolons, as Swedish Excel writes', () => {
    expect(fields('a;b;c\n1;2;3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ])
  })

  it('splits on commas when the header has more commas than semicolons', () => {
    expect(detectSeparator('organisation,typ,funktion\nx;y,z')).toBe(',')
    expect(fields('a,b\n"1;2",3')).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ])
  })

  it('counts only separators outside quotes when choosing', () => {
    expect(detectSeparator('"a,b,c";d;e\n')).toBe(';')
  })

  it('drops a byte-order mark', () => {
    expect(fields('\uFEFForganisation;typ\nA;B')).toEqual([
      ['organisation', 'typ'],
      ['A', 'B'],
    ])
  })

  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    const text = 'a;b\r\n"Växel; vardagar";"Han sa ""hej"""\r\n"två\r\nrader";x\r\n'
    expect(fields(text)).toEqual([
      ['a', 'b'],
      ['Växel; vardagar', 'Han sa "hej"'],
      ['två\nrader', 'x'],
    ])
  })

  it('gives each record the line it starts on, also after a line break inside quotes', () => {
    const result = parseCsv('h1;h2\n"a\nb";c\nd;e\n')
    expect(result.ok && result.records.map((record) => record.line)).toEqual([1, 2, 4])
  })

  it('accepts CRLF, LF and lone CR line ends and skips empty lines and lines of empty fields', () => {
    expect(fields('a;b\r\n\r\n1;2\r3;4\n;;\n  \n5;6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ])
  })

  it('keeps empty fields and a quoted empty field', () => {
    expect(fields('a;b;c\n;"";x')).toEqual([
      ['a', 'b', 'c'],
      ['', '', 'x'],
    ])
  })

  it('reports a quote that never closes, with its line', () => {
    expect(parseCsv('a;b\n1;2\n"öppen;3\n4;5')).toEqual({ ok: false, error: 'unterminatedQuote', line: 3 })
  })

  it('takes a quote inside an unquoted field literally', () => {
    expect(fields('a\n10" skärm')).toEqual([['a'], ['10" skärm']])
  })
})

describe('decoding an upload', () => {
  it('reads UTF-8 and drops its BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Vårgårda;Ö')])
    expect(decodeCsvBytes(bytes)).toBe('Vårgårda;Ö')
  })

  it('reads a file that is not UTF-8 as Windows-1252 (older Excel)', () => {
    // "Växel" in Windows-1252: ä is 0xE4.
    expect(decodeCsvBytes(new Uint8Array([0x56, 0xe4, 0x78, 0x65, 0x6c]))).toBe('Växel')
  })
})
