/** Throws a 404 response when the value is missing, narrowing its type. */
export function requireFound<T>(value: T | null | undefined, message = 'Hittades inte'): T {
  if (value === null || value === undefined) throw new Response(message, { status: 404 })
  return value
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A malformed id in the URL is a 404, never a database error. */
export function requireUuid(value: string | undefined): string {
  if (!value || !uuidPattern.test(value)) throw new Response('Hittades inte', { status: 404 })
  return value
}

/** Thrown for a request no form of the portal's sends; the error page says so in Swedish. */
export function badRequest(message = 'Ogiltig begäran'): Response {
  return new Response(message, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

/** The answer for a record that is missing or that the user may not know of; the error page words it. */
export function notFound(): Response {
  return new Response('Hittades inte', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
