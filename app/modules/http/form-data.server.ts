import { badRequest } from './responses'

/**
 * The one way an action reads its form. A body that is no form (broken
 * multipart, a truncated upload) is the client's fault: 400 with the Swedish
 * error page, never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch {
    throw badRequest()
  }
}

/** What a multipart form may carry besides its file: boundaries, part headers and the other fields. */
const FORM_OVERHEAD_BYTES = 64 * 1024

/**
 * A multipart upload form read by the platform's own parser, which takes a
 * file name as browsers send it (`;`, `=` and `"`, sent as %22, inside the
 * quotes; Remix's multipart parser refused those). The body is read no
 * further than one part of `maxPartBytes` and the rest of a form need: null
 * when it is larger, and when any part (a file or a text) is.
 */
export async function readUploadFormData(request: Request, maxPartBytes: number): Promise<FormData | null> {
  const limit = maxPartBytes + FORM_OVERHEAD_BYTES
  if (Number(request.headers.get('Content-Length') ?? 0) > limit) return null
  const chunks: Uint8Array[] = []
  let total = 0
  if (request.body) {
    const reader = request.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > limit) {
        await reader.cancel()
        return null
      }
      chunks.push(value)
    }
  }
  const form = await readFormData(
    new Request(request.url, {
      method: 'POST',
      body: Buffer.concat(chunks),
      headers: { 'Content-Type': request.headers.get('Content-Type') ?? '' },
    }),
  )
  for (const value of form.values()) {
    if ((typeof value === 'string' ? Buffer.byteLength(value) : value.size) > maxPartBytes) return null
  }
  return form
}
