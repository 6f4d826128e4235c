import { z } from 'zod'
import { uuidField } from '~/modules/forms/fields'
import { decodeCsvBytes, stripBom } from './csv'
import { readFormData, readUploadFormData } from '~/modules/http/form-data.server'

const ImportFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('preview'), text: z.string().default('') }),
  z.object({ intent: z.literal('confirm'), batchId: uuidField }),
])

export type ImportSubmissionError = 'import.nothing' | 'import.tooLarge' | 'validation.formInvalid'

export type ImportSubmission =
  | { intent: 'preview'; text: string; fileName: string; pasted: string }
  | { intent: 'confirm'; batchId: string }
  | { intent: 'invalid'; error: ImportSubmissionError; status: 400 | 413 }

/**
 * Reads the import form: multipart with a file (each part held to the body
 * limit, in memory: no temporary files), or a plain form with pasted text or
 * a confirmation.
 */
export async function readImportSubmission(request: Request, maxBytes: number): Promise<ImportSubmission> {
  const formData = (request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')
    ? await readUploadFormData(request, maxBytes)
    : await readFormData(request)
  if (!formData) return { intent: 'invalid', error: 'import.tooLarge', status: 413 }
  const parsed = ImportFormSchema.safeParse({
    intent: formData.get('intent'),
    text: formData.get('text') ?? undefined,
    batchId: formData.get('batchId') ?? undefined,
  })
  if (!parsed.success) return { intent: 'invalid', error: 'validation.formInvalid', status: 400 }
  if (parsed.data.intent === 'confirm') return parsed.data
  const file = formData.get('file')
  if (file instanceof File && file.size > 0) {
    return { intent: 'preview', text: decodeCsvBytes(new Uint8Array(await file.arrayBuffer())), fileName: file.name, pasted: '' }
  }
  const text = stripBom(parsed.data.text)
  if (text.trim() === '') return { intent: 'invalid', error: 'import.nothing', status: 400 }
  return { intent: 'preview', text, fileName: '', pasted: text }
}
