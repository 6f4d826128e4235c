import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound, requireUuid } from '~/modules/http/responses'
import { attachmentDisposition } from '~/modules/meetings/document-types'
import { getDocument } from '~/modules/meetings/documents.server'
import { readableFollowUp } from '~/modules/meetings/follow-up-page.server'

/**
 * A document for download: always as an attachment with the type stored on
 * upload, never rendered by the browser. X-Content-Type-Options: nosniff comes
 * with every response from the server's security headers (set here too, the
 * header would be sent twice).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, meeting } = await readableFollowUp(request, params)
  const document = await getDocument(db, meeting.id, requireUuid(params.documentId))
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
