/**
 * What a meeting may have attached, decided from the file's own bytes and its
 * name together: the browser's stated type is never trusted, and a file whose
 * content does not match its extension is refused.
 */

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

export const documentKinds = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'txt', 'png', 'jpeg'] as const
export type DocumentKind = (typeof documentKinds)[number]

export const contentTypes: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  txt: 'text/plain; charset=utf-8',
  png: 'image/png',
  jpeg: 'image/jpeg',
}

const extensions: Record<string, DocumentKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  odt: 'odt',
  ods: 'ods',
  txt: 'txt',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
}

/** For the file input's accept attribute: a hint to the browser, checked again on the server. */
export const acceptedExtensions = Object.keys(extensions)
  .map((extension) => `.${extension}`)
  .join(',')

export type DocumentCheck =
  | { ok: true; kind: DocumentKind; contentType: string }
  | { ok: false; error: 'missing' | 'empty' | 'tooLarge' | 'extension' | 'content' }

export function kindOfFilename(filename: string): DocumentKind | null {
  const match = /\.([a-z0-9]+)$/i.exec(filename)
  return match ? (extensions[match[1]!.toLowerCase()] ?? null) : null
}

export function checkDocument(filename: string, bytes: Uint8Array): DocumentCheck {
  if (!filename.trim()) return { ok: false, error: 'missing' }
  if (bytes.byteLength === 0) return { ok: false, error: 'empty' }
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return { ok: false, error: 'tooLarge' }
  const kind = kindOfFilename(filename)
  if (!kind) return { ok: false, error: 'extension' }
  if (sniff(bytes) !== kind) return { ok: false, error: 'content' }
  return { ok: true, kind, contentType: contentTypes[kind] }
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.byteLength >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte)

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

/** The kind the bytes show, or null for anything else (an executable, HTML, a ZIP of something else …). */
export function sniff(bytes: Uint8Array): DocumentKind | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes)
  return isPlainText(bytes) ? 'txt' : null
}

function isPlainText(bytes: Uint8Array): boolean {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return false
  }
  // Control characters other than tab, line feed, form feed and carriage return mark a binary file.
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
const decoder = new TextDecoder('utf-8')

function sniffZip(bytes: Uint8Array): DocumentKind | null {
  const opendocument = openDocumentMimetype(bytes)
  if (opendocument === contentTypes.odt) return 'odt'
  if (opendocument === contentTypes.ods) return 'ods'
  const names = zipEntryNames(bytes)
  if (!names || !names.includes('[Content_Types].xml')) return null
  if (names.some((name) => name.startsWith('word/'))) return 'docx'
  if (names.some((name) => name.startsWith('xl/'))) return 'xlsx'
  if (names.some((name) => name.startsWith('ppt/'))) return 'pptx'
  return null
}

/** OpenDocument puts an uncompressed `mimetype` entry first in the archive (ODF 1.2, part 3, 3.3). */
function openDocumentMimetype(bytes: Uint8Array): string | null {
  if (bytes.byteLength < 30) return null
  const data = view(bytes)
  const method = data.getUint16(8, true)
  const size = data.getUint32(18, true)
  const nameLength = data.getUint16(26, true)
  const extraLength = data.getUint16(28, true)
  if (method !== 0 || nameLength !== 8) return null
  if (decoder.decode(bytes.subarray(30, 38)) !== 'mimetype') return null
  const start = 30 + nameLength + extraLength
  if (start + size > bytes.byteLength || size > 200) return null
  return decoder.decode(bytes.subarray(start, start + size))
}

/** The entry names from the archive's central directory, or null when it cannot be read. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const data = view(bytes)
  const lowest = Math.max(0, bytes.byteLength - 22 - 0xffff)
  let end = -1
  for (let offset = bytes.byteLength - 22; offset >= lowest; offset--) {
    if (data.getUint32(offset, true) === 0x06054b50) {
      end = offset
      break
    }
  }
  if (end === -1) return null
  const count = data.getUint16(end + 10, true)
  let offset = data.getUint32(end + 16, true)
  const names: string[] = []
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.byteLength || data.getUint32(offset, true) !== 0x02014b50) return null
    const nameLength = data.getUint16(offset + 28, true)
    const extraLength = data.getUint16(offset + 30, true)
    const commentLength = data.getUint16(offset + 32, true)
    if (offset + 46 + nameLength > bytes.byteLength) return null
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)))
    offset += 46 + nameLength + extraLength + commentLength
  }
  return names
}

/** The name as stored and offered for download: no path, no control characters, at most 200 characters. */
export function cleanFilename(filename: string): string {
  const base = filename.split(/[/\\]/).pop() ?? ''
  // Straight double quotes, which Windows refuses in a file name, become apostrophes; control characters go.
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/"/g, "'")
    .trim()
  if (cleaned.length <= 200) return cleaned
  const extension = /\.[a-z0-9]{1,5}$/i.exec(cleaned)?.[0] ?? ''
  return cleaned.slice(0, 200 - extension.length) + extension
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback without
 * quotes, backslashes, semicolons or percent signs (which some browsers decode),
 * and the real name as filename* in RFC 8187 form.
 */
export function attachmentDisposition(filename: string): string {
  const fallback =
    filename
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\;%]/g, '_') || 'dokument'
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)}`
}
