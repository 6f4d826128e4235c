// Calling a route's loader or action as Remix would, in integration tests.
import { readFlash, type Notice } from '../../app/modules/http/flash.server'

export type Handler = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>

const context = { clientIp: '10.0.9.1', cspNonce: '', requestId: 'integration' }

export interface CallResult<Body> {
  status: number
  location: string | null
  body: Body | null
  response: Response | null
  /** The notice a redirect leaves for the next page, read as the next request would (signature checked). */
  notice: Notice | null
}

/** The flash cookie a response sets, as the browser sends it with the next request (`flash=…`); null when none. */
export function flashCookieOf(response: Response | null): string | null {
  const cookie = response?.headers.getSetCookie().find((line) => /^(__Host-)?flash=[^;]/.test(line))
  return cookie ? cookie.split(';')[0]! : null
}

/** The notice a response's flash cookie carries, as the next page's root loader would read it; null when none. */
export function noticeOf(response: Response | null): Notice | null {
  const cookie = flashCookieOf(response)
  if (!cookie) return null
  return readFlash(new Request('http://localhost/', { headers: { Cookie: cookie } })).notice
}

/** Runs the handler; a thrown Response is returned, so tests can look at it. `data()` results are unwrapped. */
export async function callRoute<Body = never>(
  handler: unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<CallResult<Body>> {
  let result: unknown
  try {
    result = await (handler as Handler)({ request, params, context })
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    result = thrown
  }
  if (result instanceof Response) {
    const location = result.headers.get('Location')
    return { status: result.status, location, body: null, response: result, notice: noticeOf(result) }
  }
  const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } | null }
  if (wrapped?.type === 'DataWithResponseInit') {
    return { status: wrapped.init?.status ?? 200, location: null, body: wrapped.data as Body, response: null, notice: null }
  }
  return { status: 200, location: null, body: result as Body, response: null, notice: null }
}

/** A form post; a list is sent as repeated fields, as a multiple select sends it. */
export function postForm(url: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item)
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: 'http://localhost',
      ...(cookie ? { Cookie: cookie } : {}),
    },
  })
}
