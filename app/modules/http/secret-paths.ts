/**
 * The routes whose path carries a secret (a route file named `…$token`): an
 * invitation, a password reset, a meeting's answer link, a calendar feed,
 * an event's status link.
 * Logs and anything else shown to a person get the path's shape, never the
 * secret. A new token route must be added here; a unit test enumerates the
 * route files and fails otherwise.
 */
export const SECRET_PATH_PREFIXES = [
  '/inbjudan/',
  '/aterstall/',
  '/moten/svar/',
  '/kalender/',
  '/lagesrapport/',
] as const

const prefixes = SECRET_PATH_PREFIXES.map((prefix) => prefix.replace(/\//g, '\\/')).join('|')
// A token path starts a path, or follows an origin in a link, or stands alone in text.
const secretSegment = new RegExp(`(^|[\\s"'(<>=]|https?:\\/\\/[^/\\s"'<>]+)(${prefixes})[^/?#\\s"'<>]+`, 'g')

/** Replaces the secret in every token-bearing path or link within the text. */
export function redactSecretPaths(text: string, marker = '[token]'): string {
  return text.replace(secretSegment, (_match, before: string, prefix: string) => `${before}${prefix}${marker}`)
}
