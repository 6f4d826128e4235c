/**
 * Whether a database error (or one it wraps, as drizzle does) is a unique
 * violation of the named index: how a duplicate name becomes a field message
 * instead of a 500, with the index as the one judge even under concurrency.
 */
export function isUniqueViolation(error: unknown, index: string): boolean {
  for (let current = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    const { code, constraint, constraint_name, message } = current as {
      code?: unknown
      constraint?: unknown
      constraint_name?: unknown
      message?: unknown
    }
    if (code === '23505' && (constraint === index || constraint_name === index || String(message).includes(index))) {
      return true
    }
  }
  return false
}
