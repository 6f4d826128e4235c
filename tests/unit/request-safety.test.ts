import { describe, expect, it } from 'vitest'
import {
  checkRequest,
  plainErrorPage,
  redactPath,
  securityHeaders,
  tileSources,
  type RequestFacts,
} from '../../app/modules/http/request-safety'

const OWN = 'http://127.0.0.1:3000'
const PUBLIC = 'https://portal.example.org'

function facts(overrides: Partial<RequestFacts> = {}): RequestFacts {
  return {
    method: 'POST',
    path: '/organisationer/ny',
    origin: OWN,
    secFetchSite: null,
    contentLength: '42',
    transferEncoding: null,
    ownOrigin: OWN,
    publicOrigin: null,
    maxBodyBytes: 1024,
    ...overrides,
  }
}

describe('checkRequest', () => {
  it("takes a meeting document's 10 MiB on the upload route only", () => {
    const upload = '/moten/0b7f8a52-4a3e-4c1e-9f5e-2a6f1d3c9b10/dokument'
    const tenMiB = String(10 * 1024 * 1024 + 20_000)
    expect(checkRequest(facts({ path: upload, contentLength: tenMiB }))).toEqual({ ok: true })
    expect(checkRequest(facts({ path: `${upload}.data`, contentLength: tenMiB }))).toEqual({ ok: true })
    expect(checkRequest(facts({ path: upload, contentLength: String(11 * 1024 * 1024) }))).toEqual({ ok: false, status: 413 })
    expect(checkRequest(facts({ path: '/moten/ny', contentLength: tenMiB }))).toEqual({ ok: false, status: 413 })
    expect(checkRequest(facts({ path: `${upload}/x`, contentLength: tenMiB }))).toEqual({ ok: false, status: 413 })
  })

  it.each(['GET', 'HEAD', 'OPTIONS', 'get'])('lets a %s through without any header', (method) => {
    expect(
      checkRequest(
        facts({ method, origin: 'https://evil.example.org', contentLength: '999999999', transferEncoding: 'chunked' }),
      ),
    ).toEqual({ ok: true })
  })

  it('accepts a POST from the same origin', () => {
    expect(checkRequest(facts())).toEqual({ ok: true })
  })

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses a %s from a foreign origin with 403', (method) => {
    expect(checkRequest(facts({ method, origin: 'https://evil.example.org' }))).toEqual({ ok: false, status: 403 })
  })

  it('refuses an origin that differs only in port or scheme', () => {
    expect(checkRequest(facts({ origin: 'http://127.0.0.1:3001' }))).toEqual({ ok: false, status: 403 })
    expect(checkRequest(facts({ origin: 'https://127.0.0.1:3000' }))).toEqual({ ok: false, status: 403 })
    expect(checkRequest(facts({ origin: 'null' }))).toEqual({ ok: false, status: 403 })
  })

  it('trusts Origin over Sec-Fetch-Site when both are sent', () => {
    expect(checkRequest(facts({ origin: 'https://evil.example.org', secFetchSite: 'same-origin' }))).toEqual({
      ok: false,
      status: 403,
    })
  })

  it('accepts a missing Origin when Sec-Fetch-Site says same-origin', () => {
    expect(checkRequest(facts({ origin: null, secFetchSite: 'same-origin' }))).toEqual({ ok: true })
  })

  it.each(['cross-site', 'same-site'])('refuses a missing Origin when Sec-Fetch-Site is %s', (secFetchSite) => {
    expect(checkRequest(facts({ origin: null, secFetchSite }))).toEqual({ ok: false, status: 403 })
  })

  it('refuses a POST with neither Origin nor Sec-Fetch-Site', () => {
    expect(checkRequest(facts({ origin: null, secFetchSite: null }))).toEqual({ ok: false, status: 403 })
  })

  it('accepts the PUBLIC_URL origin behind a proxy, and still refuses others', () => {
    expect(checkRequest(facts({ origin: PUBLIC, publicOrigin: PUBLIC }))).toEqual({ ok: true })
    expect(checkRequest(facts({ origin: PUBLIC, publicOrigin: null }))).toEqual({ ok: false, status: 403 })
    expect(checkRequest(facts({ origin: 'https://evil.example.org', publicOrigin: PUBLIC }))).toEqual({
      ok: false,
      status: 403,
    })
  })

  it('accepts a body up to the limit and refuses a larger one with 413', () => {
    expect(checkRequest(facts({ contentLength: '1024' }))).toEqual({ ok: true })
    expect(checkRequest(facts({ contentLength: '1025' }))).toEqual({ ok: false, status: 413 })
  })

  it('refuses a malformed Content-Length with 413', () => {
    expect(checkRequest(facts({ contentLength: 'abc' }))).toEqual({ ok: false, status: 413 })
    expect(checkRequest(facts({ contentLength: '-1' }))).toEqual({ ok: false, status: 413 })
  })

  it('refuses a chunked body without a length with 411', () => {
    expect(checkRequest(facts({ contentLength: null, transferEncoding: 'chunked' }))).toEqual({
      ok: false,
      status: 411,
    })
  })

  it('accepts a POST without a body', () => {
    expect(checkRequest(facts({ contentLength: null, transferEncoding: null }))).toEqual({ ok: true })
  })

  it('checks the origin before the size: a foreign oversized POST is 403', () => {
    expect(checkRequest(facts({ origin: 'https://evil.example.org', contentLength: '999999' }))).toEqual({
      ok: false,
      status: 403,
    })
  })
})

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/)
      return [name!, values.join(' ')]
    }),
  )
}

describe('securityHeaders', () => {
  const nonce = 'bm9uY2UtZm9yLXRlc3Q='

  it('enforces the CSP in production with the nonce and strict directives', () => {
    const headers = securityHeaders({ nonce, production: true })
    expect(headers['Content-Security-Policy-Report-Only']).toBeUndefined()
    const csp = directives(headers['Content-Security-Policy']!)
    expect(csp.get('script-src')).toContain(`'nonce-${nonce}'`)
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'")
    expect(csp.get('object-src')).toBe("'none'")
    expect(csp.get('base-uri')).toBe("'none'")
    expect(csp.get('frame-ancestors')).toBe("'none'")
    expect(csp.get('default-src')).toBe("'self'")
    expect(csp.get('connect-src')).toBe("'self'")
  })

  it('sends HSTS only in production', () => {
    expect(securityHeaders({ nonce, production: true })['Strict-Transport-Security']).toMatch(/^max-age=\d+/)
    expect(securityHeaders({ nonce, production: false })).not.toHaveProperty('Strict-Transport-Security')
  })

  it('only reports the CSP in development, where Vite injects scripts', () => {
    const headers = securityHeaders({ nonce, production: false })
    expect(headers['Content-Security-Policy']).toBeUndefined()
    const csp = directives(headers['Content-Security-Policy-Report-Only']!)
    expect(csp.get('script-src')).toContain(`'nonce-${nonce}'`)
    expect(csp.get('connect-src')).toContain('ws:')
  })

  it('uses a fresh nonce per call', () => {
    const a = securityHeaders({ nonce: 'YQ==', production: true })['Content-Security-Policy']!
    const b = securityHeaders({ nonce: 'Yg==', production: true })['Content-Security-Policy']!
    expect(a).toContain("'nonce-YQ=='")
    expect(b).toContain("'nonce-Yg=='")
    expect(b).not.toContain('YQ==')
  })

  it('allows map tiles from the given origins as images', () => {
    const headers = securityHeaders({ nonce, production: true, tileOrigins: ['https://tile.example.org'] })
    expect(directives(headers['Content-Security-Policy']!).get('img-src')).toBe("'self' data: https://tile.example.org")
  })

  it('sends the other hardening headers in both modes', () => {
    for (const production of [true, false]) {
      const headers = securityHeaders({ nonce, production })
      expect(headers['X-Content-Type-Options']).toBe('nosniff')
      expect(headers['X-Frame-Options']).toBe('DENY')
      expect(headers['Referrer-Policy']).toBe('same-origin')
    }
  })
})

describe('tileSources', () => {
  it('gives the origin of a tile URL template', () => {
    expect(tileSources('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toEqual(['https://tile.openstreetmap.org'])
    expect(tileSources('https://maps.example.org:8443/wmts/{z}/{y}/{x}.png?key=secret')).toEqual([
      'https://maps.example.org:8443',
    ])
  })

  it('turns a {s} subdomain into a wildcard', () => {
    expect(tileSources('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toEqual(['https://*.tile.example.org'])
  })

  it('needs no source for tiles served by the portal itself', () => {
    expect(tileSources('/kartbilder/{z}/{x}/{y}.png')).toEqual([])
  })

  it.each([
    'https://tile.example.org/tiles.png',
    'javascript:alert(1)//{z}/{x}/{y}',
    'https://tiles.{s}.example.org/{z}/{x}/{y}.png',
    'tile.example.org/{z}/{x}/{y}.png',
  ])('refuses %s', (template) => {
    expect(() => tileSources(template)).toThrow()
  })

  it('lets the derived origin into img-src', () => {
    const headers = securityHeaders({
      nonce: 'YQ==',
      production: true,
      tileOrigins: tileSources('https://{s}.tile.example.org/{z}/{x}/{y}.png'),
    })
    expect(directives(headers['Content-Security-Policy']!).get('img-src')).toBe("'self' data: https://*.tile.example.org")
  })
})

describe('redactPath', () => {
  it.each([
    ['/inbjudan/abcdefghijklmnopqrstuvwxyz234567', '/inbjudan/[token]'],
    ['/aterstall/abcdefghijklmnopqrstuvwxyz234567', '/aterstall/[token]'],
    ['/aterstall/abcdefghijklmnopqrstuvwxyz234567/extra', '/aterstall/[token]/extra'],
    ['/inbjudan/abc.data', '/inbjudan/[token]'],
  ])('hides the secret in %s', (path, redacted) => {
    expect(redactPath(path)).toBe(redacted)
  })

  it.each(['/', '/organisationer/11111111-1111-4111-8111-111111111111', '/admin/inbjudan/abc', '/inbjudan'])(
    'leaves %s alone',
    (path) => {
      expect(redactPath(path)).toBe(path)
    },
  )
})

describe('plainErrorPage', () => {
  it.each([403, 411, 413])('is a Swedish page for %i', (status) => {
    const page = plainErrorPage(status)
    expect(page).toContain('<html lang="sv">')
    expect(page).toMatch(/<h1>[^<]+<\/h1>/)
  })
})
