import { describe, expect, it } from 'vitest'
import { redactSecretPaths } from '../../app/modules/http/secret-paths'
import {
  allowedHosts,
  checkRequest,
  plainErrorPage,
  redactPath,
  securityHeaders,
  tileSources,
  type RequestFacts,
} from '../../app/modules/http/request-safety'
import { listRouteFiles } from '../support/route-files'

const OWN = 'http://127.0.0.1:3000'
const PUBLIC = 'https://portal.example.org'
const LOCAL = 'http://localhost:3000'

function facts(overrides: Partial<RequestFacts> = {}): RequestFacts {
  return {
    method: 'POST',
    path: '/organisationer/ny',
    origin: OWN,
    secFetchSite: null,
    contentLength: '42',
    transferEncoding: null,
    contentType: 'application/x-www-form-urlencoded',
    host: '127.0.0.1:3000',
    forwardedHost: null,
    publicOrigin: LOCAL,
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
    expect(checkRequest(facts({ path: upload, contentLength: String(11 * 1024 * 1024) }))).toEqual({
      ok: false,
      status: 413,
    })
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
    const proxied = { host: 'portal.example.org', publicOrigin: PUBLIC }
    expect(checkRequest(facts({ ...proxied, origin: PUBLIC }))).toEqual({ ok: true })
    expect(checkRequest(facts({ origin: PUBLIC }))).toEqual({ ok: false, status: 403 })
    expect(checkRequest(facts({ ...proxied, origin: 'https://evil.example.org' }))).toEqual({ ok: false, status: 403 })
    expect(checkRequest(facts({ ...proxied, origin: 'http://portal.example.org' }))).toEqual({ ok: false, status: 403 })
  })

  // Password-reset poisoning: a forged Host with a matching Origin once got a reset link to the attacker's host.
  it("compares Origin with the portal's own origin, never with the Host header", () => {
    const forged = { host: 'evil.example.org', origin: 'https://evil.example.org', publicOrigin: PUBLIC }
    expect(checkRequest(facts(forged))).toEqual({ ok: false, status: 400 })
    expect(checkRequest(facts({ ...forged, host: 'portal.example.org' }))).toEqual({ ok: false, status: 403 })
  })

  it.each(['GET', 'POST'])('refuses a %s to a Host outside the allowlist with 400', (method) => {
    expect(checkRequest(facts({ method, host: 'evil.example.org', publicOrigin: PUBLIC }))).toEqual({
      ok: false,
      status: 400,
    })
    expect(checkRequest(facts({ method, host: null, publicOrigin: PUBLIC }))).toEqual({ ok: false, status: 400 })
    expect(checkRequest(facts({ method, host: 'portal.example.org:8443', publicOrigin: PUBLIC }))).toEqual({
      ok: false,
      status: 400,
    })
  })

  it('refuses a mismatched X-Forwarded-Host with 400, and takes a matching one', () => {
    const proxied = { host: 'portal.example.org', publicOrigin: PUBLIC, origin: PUBLIC }
    expect(checkRequest(facts({ ...proxied, forwardedHost: 'evil.example.org' }))).toEqual({ ok: false, status: 400 })
    expect(checkRequest(facts({ ...proxied, forwardedHost: 'portal.example.org, evil.example.org' }))).toEqual({
      ok: false,
      status: 400,
    })
    expect(checkRequest(facts({ ...proxied, forwardedHost: 'PORTAL.example.org' }))).toEqual({ ok: true })
  })

  it('lets health probes through on any Host', () => {
    for (const path of ['/livez', '/healthz']) {
      expect(checkRequest(facts({ method: 'GET', path, host: '10.0.0.7:3000', publicOrigin: PUBLIC }))).toEqual({
        ok: true,
      })
    }
  })

  it('answers to every loopback name when the portal runs on localhost', () => {
    expect(allowedHosts(LOCAL)).toEqual(['localhost:3000', '127.0.0.1:3000', '[::1]:3000'])
    expect(allowedHosts(PUBLIC)).toEqual(['portal.example.org'])
    expect(checkRequest(facts({ host: 'localhost:3000', origin: 'http://localhost:3000' }))).toEqual({ ok: true })
    expect(checkRequest(facts({ host: 'localhost:3001', origin: 'http://localhost:3001' }))).toEqual({
      ok: false,
      status: 400,
    })
  })

  it.each([
    ['application/json', 415],
    ['text/plain;charset=UTF-8', 415],
    ['multipart/form-data', 415],
    ['application/xml', 415],
  ] as const)('refuses a %s body with %i', (contentType, status) => {
    expect(checkRequest(facts({ contentType }))).toEqual({ ok: false, status })
  })

  it.each([
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded;charset=UTF-8',
    'multipart/form-data; boundary=----x',
  ])('takes a form sent as %s', (contentType) => {
    expect(checkRequest(facts({ contentType }))).toEqual({ ok: true })
  })

  it('refuses a body without a Content-Type, but takes an empty POST', () => {
    expect(checkRequest(facts({ contentType: null, contentLength: '12' }))).toEqual({ ok: false, status: 415 })
    expect(checkRequest(facts({ contentType: null, contentLength: '0' }))).toEqual({ ok: true })
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
    expect(checkRequest(facts({ contentLength: null, transferEncoding: null, contentType: null }))).toEqual({
      ok: true,
    })
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
    expect(directives(headers['Content-Security-Policy']!).get('img-src')).toBe(
      "'self' data: https://*.tile.example.org",
    )
  })
})

describe('redactPath', () => {
  it.each([
    ['/inbjudan/abcdefghijklmnopqrstuvwxyz234567', '/inbjudan/[token]'],
    ['/aterstall/abcdefghijklmnopqrstuvwxyz234567', '/aterstall/[token]'],
    ['/aterstall/abcdefghijklmnopqrstuvwxyz234567/extra', '/aterstall/[token]/extra'],
    ['/inbjudan/abc.data', '/inbjudan/[token]'],
    ['/moten/svar/abcdefghijklmnopqrstuvwxyz234567', '/moten/svar/[token]'],
    ['/moten/svar/abcdefghijklmnopqrstuvwxyz234567.data', '/moten/svar/[token]'],
    ['/kalender/abcdefghijklmnopqrstuvwxyz234567', '/kalender/[token]'],
  ])('hides the secret in %s', (path, redacted) => {
    expect(redactPath(path)).toBe(redacted)
  })

  // One rule for every token route: a route file named …$token must have its prefix in the list.
  it('covers every route that takes a secret in its path', () => {
    const tokenRoutes = listRouteFiles()
      .map((route) => route.name)
      .filter((name) => name.includes('$token'))
    expect(tokenRoutes.length).toBeGreaterThanOrEqual(4)
    for (const file of tokenRoutes) {
      const shape = `/${file
        .replace(/_\./g, '/')
        .replace(/\./g, '/')
        .replace('$token', 'secretvalue234567')}`
      expect(redactPath(shape), file).not.toContain('secretvalue234567')
    }
  })

  it('hides the secrets of links inside a text, and leaves other links alone', () => {
    const text =
      'Svara: http://localhost:3000/moten/svar/abc234567 eller <a href="https://p.example.org/inbjudan/xyz">här</a>; /organisationer/1'
    expect(redactSecretPaths(text, '[dold]')).toBe(
      'Svara: http://localhost:3000/moten/svar/[dold] eller <a href="https://p.example.org/inbjudan/[dold]">här</a>; /organisationer/1',
    )
  })

  it.each([
    '/',
    '/organisationer/11111111-1111-4111-8111-111111111111',
    '/admin/inbjudan/abc',
    '/inbjudan',
    '/moten/svar',
  ])('leaves %s alone', (path) => {
    expect(redactPath(path)).toBe(path)
  })
})

describe('plainErrorPage', () => {
  it.each([400, 403, 411, 413, 415])('is a Swedish page for %i', (status) => {
    const page = plainErrorPage(status)
    expect(page).toContain('<html lang="sv">')
    expect(page).toMatch(/<h1>[^<]+<\/h1>/)
  })
})
