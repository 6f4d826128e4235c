/** Extra headers a page sets on every answer, its refusals included (a secret link's `no-store`). */
type ErrorInit = { headers?: HeadersInit }

// The body is a plain Swedish word for scripts and logs; the error page words
// the refusal from the status alone, in the user's language.
function plainError(status: 400 | 403 | 404, body: string, init: ErrorInit): Response {
  const headers = new Headers(init.headers)
  headers.set('Content-Type', 'text/plain; charset=utf-8')
  return new Response(body, { status, headers })
}

/** Throws a 404 response when the value is missing, narrowing its type. */
export function requireFound<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw notFound()
  return value
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A malformed id in the URL is a 404, never a database error. */
export function requireUuid(value: string | undefined): string {
  if (!value || !uuidPattern.test(value)) throw notFound()
  return value
}

/** Thrown for a request no form of the portal's sends; the error page says so in the user's language. */
export function badRequest(init: ErrorInit = {}): Response {
  return plainError(400, 'Ogiltig begäran', init)
}

/** The answer for a user who may know of the record but not do this with it. */
export function forbidden(init: ErrorInit = {}): Response {
  return plainError(403, 'Ingen åtkomst', init)
}

/** The answer for a record that is missing or that the user may not know of; the error page words it. */
export function notFound(init: ErrorInit = {}): Response {
  return plainError(404, 'Hittades inte', init)
}
