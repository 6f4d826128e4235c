import { redactSecretPaths } from './secret-paths'

export interface RequestFacts {
  method: string
  /** The path, without the query: an upload route may take a larger body. */
  path: string
  origin: string | null
  secFetchSite: string | null
  contentLength: string | null
  transferEncoding: string | null
  contentType: string | null
  host: string | null
  forwardedHost: string | null
  /** The portal's own origin (PUBLIC_URL): the only one a form may come from, and the source of the Host allowlist. */
  publicOrigin: string
  maxBodyBytes: number
}

export type Verdict = { ok: true } | { ok: false; status: 400 | 403 | 411 | 413 | 415 }

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Decided before any route runs: a Host (or X-Forwarded-Host) outside the
 * portal's own origin, cross-site request forgery, bodies of a kind no form
 * sends, and oversized bodies. A browser always sends Origin or
 * Sec-Fetch-Site with a non-GET request; a request carrying neither is
 * refused too.
 */
export function checkRequest(facts: RequestFacts): Verdict {
  if (!HEALTH_PATHS.has(facts.path) && !hostsAllowed(facts)) return { ok: false, status: 400 }
  if (safeMethods.has(facts.method.toUpperCase())) return { ok: true }
  if (!isSameOrigin(facts)) return { ok: false, status: 403 }
  if (facts.contentLength !== null) {
    const length = Number(facts.contentLength)
    if (!Number.isFinite(length) || length < 0) return { ok: false, status: 413 }
    if (length > bodyLimit(facts.path, facts.maxBodyBytes)) return { ok: false, status: 413 }
  } else if (facts.transferEncoding) {
    // A chunked body could be of any size; browsers always send a length.
    return { ok: false, status: 411 }
  }
  if (!isFormBody(facts.contentType, facts.contentLength)) return { ok: false, status: 415 }
  return { ok: true }
}

/** A load balancer's probes may name the server by its address. */
const HEALTH_PATHS = new Set(['/livez', '/healthz'])

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]']

/**
 * The Host values the portal answers to: its public origin's host, and on a
 * loopback origin (a local try-out) the other loopback names on that port.
 */
export function allowedHosts(publicOrigin: string): string[] {
  const url = new URL(publicOrigin)
  if (!LOOPBACK_NAMES.includes(url.hostname)) return [url.host]
  const port = url.port ? `:${url.port}` : ''
  return LOOPBACK_NAMES.map((name) => `${name}${port}`)
}

function hostsAllowed(facts: RequestFacts): boolean {
  const allowed = allowedHosts(facts.publicOrigin)
  const matches = (value: string) => allowed.includes(value.trim().toLowerCase())
  if (facts.host === null || !matches(facts.host)) return false
  return facts.forwardedHost === null || facts.forwardedHost.split(',').every(matches)
}

/**
 * Every action takes a form: url-encoded, or multipart with its boundary
 * (uploads). JSON, text/plain and the like are no form of the portal's.
 */
function isFormBody(contentType: string | null, contentLength: string | null): boolean {
  if (contentType === null) return contentLength === null || Number(contentLength) === 0
  const [type, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase())
  if (type === 'application/x-www-form-urlencoded') return true
  if (type === 'multipart/form-data') return parameters.some((parameter) => /^boundary=.+/.test(parameter))
  return false
}

/** A meeting's documents (up to 10 MiB each) and the form's other fields around them. */
const UPLOAD_ROUTE = /^\/moten\/[0-9a-f-]{36}\/dokument(\.data)?$/
export const UPLOAD_BODY_BYTES = 10 * 1024 * 1024 + 64 * 1024

/** The largest body a path takes: the configured limit, or more on the upload route, which checks each file itself. */
export function bodyLimit(path: string, maxBodyBytes: number): number {
  return UPLOAD_ROUTE.test(path) ? Math.max(maxBodyBytes, UPLOAD_BODY_BYTES) : maxBodyBytes
}

function isSameOrigin(facts: RequestFacts): boolean {
  if (facts.origin !== null) {
    const origin = facts.origin.toLowerCase()
    const own = new URL(facts.publicOrigin)
    return allowedHosts(facts.publicOrigin).some((host) => origin === `${own.protocol}//${host}`)
  }
  if (facts.secFetchSite !== null) return facts.secFetchSite === 'same-origin' || facts.secFetchSite === 'none'
  return false
}

/**
 * Where the browser may load map tiles from, for the CSP's img-src: the origin
 * of the tile URL template, with `*.` for a `{s}` subdomain; nothing for tiles
 * served by the portal itself. Throws on a template it cannot express.
 */
export function tileSources(template: string): string[] {
  if (!/\{z\}/.test(template) || !/\{x\}/.test(template) || !/\{y\}/.test(template)) {
    throw new Error('the tile URL needs {z}, {x} and {y}')
  }
  if (template.startsWith('/') && !template.startsWith('//')) return []
  const marker = 'tile-subdomain-marker'
  const url = new URL(template.replace(/\{s\}/g, marker).replace(/\{[a-z]+\}/gi, '0'))
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('the tile URL must use https or http')
  const [first, ...rest] = url.host.split('.')
  if (rest.some((label) => label.includes(marker))) throw new Error('{s} may only stand in the first part of the host')
  const host = first!.includes(marker) ? ['*', ...rest].join('.') : url.host
  return [`${url.protocol}//${host}`]
}

export function securityHeaders(options: { nonce: string; production: boolean; tileOrigins?: string[] }): Record<string, string> {
  const images = ["'self'", 'data:', ...(options.tileOrigins ?? [])].join(' ')
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'`,
    // React renders style attributes and Leaflet positions with inline styles.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images}`,
    "font-src 'self'",
    options.production ? "connect-src 'self'" : "connect-src 'self' ws: wss:",
    // The offline contact list's service worker, from this origin only.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ]
  const headers: Record<string, string> = {
    // Vite's dev server injects scripts without our nonce: report only in development.
    [options.production ? 'Content-Security-Policy' : 'Content-Security-Policy-Report-Only']: directives.join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), payment=(), geolocation=(self)',
    'Cross-Origin-Opener-Policy': 'same-origin',
  }
  if (options.production) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  return headers
}

/** Secrets travel in some paths (invitation, reset, answer and calendar links); logs get the shape only. */
export function redactPath(path: string): string {
  return redactSecretPaths(path)
}

export function plainErrorPage(status: number): string {
  const text: Record<number, [string, string]> = {
    403: ['Begäran nekades', 'Formuläret skickades inte från portalen själv och togs därför inte emot. Ladda om sidan och försök igen.'],
    400: ['Felaktig begäran', 'Begäran kunde inte tolkas, eller var ställd till en annan adress än portalens.'],
    411: ['Längd saknas', 'Begäran saknade uppgift om sin storlek.'],
    413: ['För mycket data', 'Det du skickade var större än portalen tar emot.'],
    415: ['Fel sorts innehåll', 'Portalen tar bara emot formulär som skickas från dess egna sidor.'],
  }
  const [title, body] = text[status] ?? ['Fel', 'Begäran kunde inte tas emot.']
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} – Områdesansvarsportalen</title></head><body><main><h1>${title}</h1><p>${body}</p><p><a href="/">Till startsidan</a></p></main></body></html>`
}
