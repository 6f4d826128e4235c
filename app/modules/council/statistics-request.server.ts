import { getEnv } from '~/config/env.server'
import { decodeCsvBytes, stripBom } from '~/modules/import/csv'
import { MAX_STATISTICS_BYTES } from './statistics-csv'
import { readFormData, readUploadFormData } from '~/modules/http/form-data.server'

/** The largest file the council's import pages take: their own limit, or the server's body limit when lower. */
export function councilUploadLimit(): number {
  return Math.min(MAX_STATISTICS_BYTES, getEnv().MAX_BODY_BYTES)
}

export type CouncilUpload =
  | { ok: true; formData: FormData; file: { text: string; name: string } | null }
  | { ok: false; error: 'import.tooLarge' }

/**
 * Reads a council import form: multipart with a file (held in memory, each
 * part to the limit) or a plain form. The file's text is decoded here; a
 * confirmation sends the checked text back in the `text` field instead, which
 * is checked again in full before anything is written.
 */
export async function readCouncilUpload(request: Request): Promise<CouncilUpload> {
  const formData = (request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')
    ? await readUploadFormData(request, councilUploadLimit())
    : await readFormData(request)
  if (!formData) return { ok: false, error: 'import.tooLarge' }
  const file = formData.get('file')
  if (file instanceof File && file.size > 0) {
    return {
      ok: true,
      formData,
      file: { text: decodeCsvBytes(new Uint8Array(await file.arrayBuffer())), name: file.name },
    }
  }
  return { ok: true, formData, file: null }
}

/** The checked text a confirmation sends back, or null. */
export function resentText(formData: FormData): string | null {
  const text = formData.get('text')
  return typeof text === 'string' && text.trim() !== '' ? stripBom(text) : null
}
