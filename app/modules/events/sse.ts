// The wire format of Server-Sent Events (HTML Living Standard, 9.2): fields
// as "name: value" lines, a blank line ending each message. A browser does
// not dispatch a message whose data is empty, so every message carries some.

/** One message of the given type; each line of `data` becomes a data field. */
export function sseMessage(type: string, data: string): string {
  if (!/^[\w-]+$/.test(type)) throw new Error(`not an event type: ${type}`)
  const lines = data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`)
  return `event: ${type}\n${lines.join('')}\n`
}

/** How long the browser waits before connecting again after the stream ended. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`
}
