import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database, Executor } from '~/db/client.server'
import { mandateDocuments, type MandateDeliverable, type MandatePeriod } from '~/db/schema/mandate'
import { users } from '~/db/schema/users'
import { recordAudit } from '~/modules/audit/audit.server'
import type { DocumentCheck } from '~/modules/meetings/document-types'
import { prepareDocument } from '~/modules/meetings/documents.server'
import { isMilestoneOnly } from './deliverable-state'

// A deliverable's documents (the adopted plan as a PDF …), checked and
// stored as a meeting's are: the browser's type is never trusted, the name is
// cleaned, the content's SHA-256 kept. A milestone of the civil defence or
// protective security takes none: its content may be classified.

/** The documents of these deliverables, without their content, oldest first. */
export function listDocuments(db: Executor, deliverableIds: readonly string[]) {
  if (deliverableIds.length === 0) return Promise.resolve([])
  return db
    .select({
      id: mandateDocuments.id,
      deliverableId: mandateDocuments.deliverableId,
      filename: mandateDocuments.filename,
      contentType: mandateDocuments.contentType,
      size: mandateDocuments.size,
      createdAt: mandateDocuments.createdAt,
      uploadedByName: users.name,
    })
    .from(mandateDocuments)
    .leftJoin(users, eq(users.id, mandateDocuments.uploadedBy))
    .where(inArray(mandateDocuments.deliverableId, [...deliverableIds]))
    .orderBy(asc(mandateDocuments.createdAt), asc(mandateDocuments.id))
}

/** One document of this deliverable, with its content; another deliverable's is not found. */
export async function getDocument(db: Executor, deliverableId: string, id: string) {
  const [row] = await db
    .select()
    .from(mandateDocuments)
    .where(and(eq(mandateDocuments.id, id), eq(mandateDocuments.deliverableId, deliverableId)))
  return row
}

export type StoreResult =
  | { ok: true; id: string; filename: string }
  | { ok: false; error: Extract<DocumentCheck, { ok: false }>['error'] | 'milestone' }

type PeriodRef = Pick<MandatePeriod, 'id' | 'organisationId'>

export async function storeDocument(
  db: Database,
  input: {
    actorId: string
    period: PeriodRef
    deliverable: Pick<MandateDeliverable, 'id' | 'kind'>
    filename: string
    bytes: Uint8Array
  },
): Promise<StoreResult> {
  if (isMilestoneOnly(input.deliverable.kind)) return { ok: false, error: 'milestone' }
  const prepared = prepareDocument(input.filename, input.bytes)
  if (!prepared.ok) return prepared
  const { filename, contentType, content, sha256 } = prepared
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mandateDocuments)
      .values({
        deliverableId: input.deliverable.id,
        filename,
        contentType,
        size: content.byteLength,
        sha256,
        content,
        uploadedBy: input.actorId,
      })
      .returning({ id: mandateDocuments.id, filename: mandateDocuments.filename })
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: input.period.organisationId,
      entity: 'mandate_deliverable',
      entityId: input.period.id,
      action: 'document_add',
      changes: { filename: { before: null, after: filename } },
    })
    return { ok: true as const, id: row!.id, filename: row!.filename }
  })
}

/** Removes one document of this deliverable, audited; false when there is none such. */
export function deleteDocument(
  db: Database,
  input: { actorId: string; period: PeriodRef; deliverableId: string; id: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(mandateDocuments)
      .where(and(eq(mandateDocuments.id, input.id), eq(mandateDocuments.deliverableId, input.deliverableId)))
      .returning({ filename: mandateDocuments.filename })
    if (!removed) return false
    await recordAudit(tx, {
      userId: input.actorId,
      organisationId: input.period.organisationId,
      entity: 'mandate_deliverable',
      entityId: input.period.id,
      action: 'document_remove',
      changes: { filename: { before: removed.filename, after: null } },
    })
    return true
  })
}
