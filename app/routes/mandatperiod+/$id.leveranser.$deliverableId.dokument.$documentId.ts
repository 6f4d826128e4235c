import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { requireUser } from '~/modules/auth/guards.server'
import { notFound, requireUuid } from '~/modules/http/responses'
import { getDocument } from '~/modules/mandate/documents.server'
import { requireReadableDeliverable } from '~/modules/mandate/mandate-access.server'
import { attachmentDisposition } from '~/modules/meetings/document-types'

/**
 * A deliverable's document, for whoever may read the deliverable: always as
 * an attachment with the type stored on upload, never rendered by the
 * browser. X-Content-Type-Options: nosniff comes with every response from
 * the server's security headers (set here too, it would be sent twice).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const deliverableId = requireUuid(params.deliverableId)
  const documentId = requireUuid(params.documentId)
  const user = await requireUser(request)
  const db = await getDb()
  const { deliverable } = await requireReadableDeliverable(db, user, id, deliverableId)
  const document = await getDocument(db, deliverable.id, documentId)
  if (!document) throw notFound()
  return new Response(new Uint8Array(document.content), {
    headers: {
      'Content-Type': document.contentType,
      'Content-Length': String(document.size),
      'Content-Disposition': attachmentDisposition(document.filename),
      'Cache-Control': 'private, no-store',
    },
  })
}
