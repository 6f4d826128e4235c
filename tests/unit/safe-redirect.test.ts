import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeRedirect } from '../../app/modules/auth/safe-redirect'

const ORIGIN = 'https://portal.example.org'

/** What a browser does with a Location header: resolve it against the page it came from. */
function landsOn(location: string): URL {
  return new URL(location, `${ORIGIN}/logga-in`)
}

function assertSafe(result: string) {
  expect(result.startsWith('/')).toBe(true)
  // Only printable ASCII: a header value Node writes as it is, with nothing a browser strips.
  expect(result).toMatch(/^[\x21-\x7e]*$/)
  expect(result.startsWith('//')).toBe(false)
  expect(landsOn(result).origin).toBe(ORIGIN)
}

describe('safeRedirect', () => {
  it('keeps a path on the portal, with its query and fragment', () => {
    expect(safeRedirect('/organisationer?q=a#b', '/', ORIGIN)).toBe('/organisationer?q=a#b')
    expect(safeRedirect('/trygghet/1/rapportera', '/', ORIGIN)).toBe('/trygghet/1/rapportera')
  })

  it.each([
    ['tab', '/\t/127.0.0.1:9999/'],
    ['newline', '/\n/127.0.0.1:9999/'],
    ['carriage return', '/\r/evil.example.org'],
    ['backslash', '/\\/evil.example.org'],
    ['backslash later', '/\\evil.example.org'],
    ['protocol-relative', '//evil.example.org'],
    ['absolute', 'https://evil.example.org/'],
    ['scheme', 'javascript:alert(1)'],
    ['ideographic space', '/\u3000/evil.example.org'],
    ['line separator', '/\u2028/evil.example.org'],
    ['NUL', '/\u0000/evil.example.org'],
    ['DEL', '/\u007f/evil.example.org'],
    ['relative', 'organisationer'],
    ['empty', ''],
  ])('refuses a target with %s', (_label, target) => {
    expect(safeRedirect(target, '/', ORIGIN)).toBe('/')
  })

  it('refuses what is not a string', () => {
    expect(safeRedirect(null, '/start', ORIGIN)).toBe('/start')
    expect(safeRedirect(undefined, '/start', ORIGIN)).toBe('/start')
  })

  it('sends letters outside ASCII percent-encoded, so the header is always valid', () => {
    expect(safeRedirect('/katalog?q=Vårgårda', '/', ORIGIN)).toBe('/katalog?q=V%C3%A5rg%C3%A5rda')
  })

  it('never leaves the portal, whatever it is given (fuzzed)', () => {
    const dangerous = fc.constantFrom(
      '/',
      '//',
      '/\\',
      '\\',
      '\t',
      '\n',
      '\r',
      '\u3000',
      '\u2028',
      '%2F',
      '%09',
      '@',
      ':',
      '.',
      '..',
      'evil.example.org',
      '127.0.0.1:9999',
      'javascript:',
      'https:',
      '?',
      '#',
      '\u0000',
      '\u00a0',
      '\ufeff',
    )
    const target = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc
        .array(fc.oneof(dangerous, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 12 })
        .map((parts) => parts.join('')),
      fc.array(dangerous, { maxLength: 8 }).map((parts) => `/${parts.join('')}`),
    )
    fc.assert(
      fc.property(target, (value) => {
        const result = safeRedirect(value, '/', ORIGIN)
        assertSafe(result)
      }),
      { seed: 20261206, numRuns: 5000 },
    )
  })
})
