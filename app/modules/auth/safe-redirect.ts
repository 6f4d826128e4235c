// Control characters, any white space (browsers strip tabs and newlines from
// URLs, so "/\t/host" becomes "//host") and backslashes (read as slashes).
const forbidden = /[\u0000-\u001f\u007f-\u009f\\]|\s/u

/**
 * Where a sign-in may send the user back to: only a path on the portal's own
 * origin. The target is resolved against that origin and the result must stay
 * on it; what comes back is the URL's own serialisation (percent-encoded
 * ASCII), so it is always a valid Location header.
 */
export function safeRedirect(
  target: FormDataEntryValue | string | null | undefined,
  fallback = '/',
  origin = 'http://localhost',
): string {
  if (typeof target !== 'string' || target.length > 2048 || !target.startsWith('/') || forbidden.test(target)) {
    return fallback
  }
  let url: URL
  try {
    url = new URL(target, origin)
  } catch {
    return fallback
  }
  if (url.origin !== new URL(origin).origin) return fallback
  const path = `${url.pathname}${url.search}${url.hash}`
  return path.startsWith('//') ? fallback : path
}
