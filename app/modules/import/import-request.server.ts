import { z } from 'zod'
import { uuidField } from '~/modules/forms/fields'
import { decodeCsvBytes, stripBom } from './csv'
import { readFormData, readUploadFormData } from '~/modules/http/form-data.server'

const PreviewSchema = z.object({ text: z.string().default('') })
const ConfirmSchema = z.object({ batchId: uuidField })

export type ImportSubmissionError = 'import.nothing' | 'import.tooLarge' | 'validation.formInvalid'

type Refused = { ok: false; error: ImportSubmissionError }

/**
 * Reads the import form: multipart with a file (each part held to the body
 * limit, in memory: no temporary files), or a plain form with pasted text or
 * a confirmation; null when a part is over the limit.
 */
export async function readImportForm(request: Request, maxBytes: number): Promise<FormData | null> {
  return (request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')
    ? await readUploadFormData(request, maxBytes)
    : await readFormData(request)
}

/** What a preview checks: the uploaded file, or else the pasted text. */
export async function readPreviewText(
  formData: FormData,
): Promise<{ ok: true; text: string; fileName: string; pasted: string } | Refused> {
  const parsed = PreviewSchema.safeParse({ text: formData.get('text') ?? undefined })
  if (!parsed.success) return { ok: false, error: 'validation.formInvalid' }
  const file = formData.get('file')
  if (file instanceof File && file.size > 0) {
    const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))
    return { ok: true, text, fileName: file.name, pasted: '' }
  }
  const text = stripBom(parsed.data.text)
  if (text.trim() === '') return { ok: false, error: 'import.nothing' }
  return { ok: true, text, fileName: '', pasted: text }
}

/** The checked batch a confirmation names. */
export function readConfirmation(formData: FormData): { ok: true; batchId: string } | Refused {
  const parsed = ConfirmSchema.safeParse({ batchId: formData.get('batchId') ?? undefined })
  return parsed.success ? { ok: true, batchId: parsed.data.batchId } : { ok: false, error: 'validation.formInvalid' }
}
