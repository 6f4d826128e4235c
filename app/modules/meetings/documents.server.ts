import { createHash } from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { meetingDocuments } from '~/db/schema/meetings'
import { users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import { createAudited } from '~/modules/records/versioned.server'
import { checkDocument, cleanFilename, type DocumentCheck } from './document-types'
import { readFormData, readUploadFormData } from '~/modules/http/form-data.server'

/** A meeting's documents without their content. */
export function listDocuments(db: Executor, meetingId: string) {
  return db
    .select({
      id: meetingDocuments.id,
      filename: meetingDocuments.filename,
      contentType: meetingDocuments.contentType,
      size: meetingDocuments.size,
      createdAt: meetingDocuments.createdAt,
      uploadedByName: users.name,
    })
    .from(meetingDocuments)
    .leftJoin(users, eq(users.id, meetingDocuments.uploadedBy))
    .where(eq(meetingDocuments.meetingId, meetingId))
    .orderBy(asc(meetingDocuments.createdAt), asc(meetingDocuments.id))
}

/** One document of this meeting, with its content; another meeting's document is not found. */
export async function getDocument(db: Executor, meetingId: string, id: string) {
  const [row] = await db
    .select()
    .from(meetingDocuments)
    .where(and(eq(meetingDocuments.id, id), eq(meetingDocuments.meetingId, meetingId)))
  return row
}

export type UploadResult =
  { ok: true; id: string; filename: string } | { ok: false; error: Extract<DocumentCheck, { ok: false }>['error'] }

export type PreparedDocument =
  | { ok: true; filename: string; contentType: string; content: Buffer; sha256: string }
  | { ok: false; error: Extract<DocumentCheck, { ok: false }>['error'] }

/**
 * A file as every document store keeps it (a meeting's, a mandate
 * deliverable's): its cleaned name, the type read from its own bytes (the
 * browser's is never trusted), the content and its SHA-256; or why it is refused.
 */
export function prepareDocument(name: string, bytes: Uint8Array): PreparedDocument {
  const filename = cleanFilename(name)
  const checked = checkDocument(filename, bytes)
  if (!checked.ok) return checked
  const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return {
    ok: true,
    filename,
    contentType: checked.contentType,
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
  }
}

/** Checks the file by name and content, then stores it with its SHA-256, audited. */
export async function storeDocument(
  db: Database,
  input: { actorId: string; meetingId: string; organiserOrganisationId: string; filename: string; bytes: Uint8Array },
): Promise<UploadResult> {
  const prepared = prepareDocument(input.filename, input.bytes)
  if (!prepared.ok) return prepared
  const { filename, contentType, content, sha256 } = prepared
  const created = await createAudited(db, {
    write: async (tx) =>
      (
        await tx
          .insert(meetingDocuments)
          .values({
            meetingId: input.meetingId,
            filename,
            contentType,
            size: content.byteLength,
            sha256,
            content,
            uploadedBy: input.actorId,
          })
          .returning({ id: meetingDocuments.id, filename: meetingDocuments.filename })
      )[0]!,
    audit: (row) => ({
      userId: input.actorId,
      organisationId: input.organiserOrganisationId,
      entity: 'meeting_document',
      entityId: row.id,
      action: 'create',
      changes: {
        meetingId: { before: null, after: input.meetingId },
        filename: { before: null, after: filename },
        contentType: { before: null, after: contentType },
        size: { before: null, after: content.byteLength },
        sha256: { before: null, after: sha256 },
      },
    }),
  })
  return { ok: true, ...created }
}

export function deleteDocument(
  db: Database,
  input: { actorId: string; meetingId: string; organiserOrganisationId: string; id: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(meetingDocuments)
      .where(and(eq(meetingDocuments.id, input.id), eq(meetingDocuments.meetingId, input.meetingId)))
      .returning({
        id: meetingDocuments.id,
        filename: meetingDocuments.filename,
        size: meetingDocuments.size,
        sha256: meetingDocuments.sha256,
      })
    if (!removed) return false
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: input.organiserOrganisationId,
      entity: 'meeting_document',
      entityId: removed.id,
      action: 'delete',
      changes: {
        meetingId: { before: input.meetingId, after: null },
        filename: { before: removed.filename, after: null },
        size: { before: removed.size, after: null },
        sha256: { before: removed.sha256, after: null },
      },
    })
    return true
  })
}

export type UploadForm =
  | { kind: 'file'; filename: string; bytes: Uint8Array; formData: FormData }
  | { kind: 'tooLarge' }
  | { kind: 'missing' }
  | { kind: 'other'; formData: FormData }

/**
 * Reads an upload without trusting it: a body over the limit stops the
 * reading at the limit instead of buffering it all. A file name is taken as
 * the browser sent it, `;` and quotes too; storeDocument cleans it. A post
 * that is not multipart (a delete button) is read as a form.
 */
export async function readUploadForm(request: Request, maxBytes: number): Promise<UploadForm> {
  const contentType = request.headers.get('Content-Type') ?? ''
  if (!contentType.startsWith('multipart/form-data')) return { kind: 'other', formData: await readFormData(request) }
  const formData = await readUploadFormData(request, maxBytes)
  if (!formData) return { kind: 'tooLarge' }
  if (formData.get('intent') !== 'upload') return { kind: 'other', formData }
  const file = formData.get('file')
  if (!file || typeof file === 'string' || !file.name) return { kind: 'missing' }
  return { kind: 'file', filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()), formData }
}
