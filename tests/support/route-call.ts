// Calling a route's loader or action as Remix would, in integration tests.

export type Handler = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>

const context = { clientIp: '10.0.9.1', cspNonce: '', requestId: 'integration' }

export interface CallResult<Body> {
  status: number
  location: string | null
  body: Body | null
  response: Response | null
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
    return { status: result.status, location: result.headers.get('Location'), body: null, response: result }
  }
  const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } | null }
  if (wrapped?.type === 'DataWithResponseInit') {
    return { status: wrapped.init?.status ?? 200, location: null, body: wrapped.data as Body, response: null }
  }
  return { status: 200, location: null, body: result as Body, response: null }
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
